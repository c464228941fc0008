"""The options of podcast.toml, each declared once: a typed field of its table's dataclass, with
its default, a one-line doc, what values it takes and what a change to it rebuilds.

Adding an option is one line in its table's class::

    title: str = option(REQUIRED, "Show title.", rebuilds=EPISODES)
    duck: float = option(-15.0, "Music level under speech (dB).", min=-90, max=0,
                         rebuilds=EPISODES)

The field's type is the type of the loaded value (``float`` takes a TOML integer or float,
``Path`` a file name relative to the project, ``list[str]`` an array). ``min``/``max``
(inclusive) and ``above`` (exclusive) bound a number, which must also be finite;
``choices`` lists the values allowed; ``check`` names a format from ``formats``.
``rebuilds`` says what in ``public/`` a change to the option makes again: every episode
(``EPISODES``), only the feed and pages (``FEED``), or nothing (``NOTHING``).

``podcaster init`` writes its podcast.toml from this table; ``load_config`` checks against it.
"""

from __future__ import annotations

import math
import typing
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from podcaster.config import formats
from podcaster.config.formats import VOICE_LANGUAGE_NAMES, Format

CONFIG_NAME = "podcast.toml"
REQUIRED: Any = object()

# What a change to an option makes again in public/.
EPISODES = "episodes"  # every episode's MP3 (encoded or only tagged again), and the feed
FEED = "feed"  # the feed and the pages; no MP3 changes
NOTHING = "nothing"  # no published file changes (how the build runs, what import reads)
REBUILDS = (EPISODES, FEED, NOTHING)


def default_asset(name: str) -> Path:
    """Path of a default sound or image that ships with podcaster."""
    here = Path(__file__).resolve().parent.parent  # the podcaster package
    for folder in (here / "_audio", here.parent / "audio"):
        if (folder / name).exists():
            return folder / name
    return here / "_audio" / name


@dataclass(frozen=True)
class Option:
    """One option as declared: where it lives, what it takes, what changing it rebuilds."""

    key: str  # "section.name"
    type: type | tuple[type, ...]  # the TOML value types it takes
    default: Any
    doc: str
    is_file: bool = False  # a path relative to the project, checked on load
    min: float | None = None
    max: float | None = None
    above: float | None = None
    choices: tuple[Any, ...] = ()
    check: Format | None = None
    rebuilds: str | None = None

    @property
    def is_number(self) -> bool:
        types = self.type if isinstance(self.type, tuple) else (self.type,)
        return int in types or float in types

    def allowed(self) -> str:
        """The values it takes, in words ("between 0 and 60", "one of 1, 2"), or ""."""
        if self.choices:
            return "one of " + ", ".join(map(str, self.choices))
        low = (f"more than {self.above:g}" if self.above is not None
               else f"at least {self.min:g}" if self.min is not None else "")
        if self.min is not None and self.max is not None:
            return f"between {self.min:g} and {self.max:g}"
        if low and self.max is not None:
            return f"{low} and at most {self.max:g}"
        return low or (f"at most {self.max:g}" if self.max is not None else "")

    def describe(self) -> str:
        """The doc, with the values it takes when they are bounded."""
        allowed = self.allowed()
        return f"{self.doc} Allowed: {allowed}." if allowed else self.doc

    def problem(self, value: Any) -> str | None:
        """What is wrong with ``value`` (as read from TOML) for this option, or None."""
        if not has_type(value, self.type):
            return f"{self.key} must be {type_name(self.type)}, got {type(value).__name__}"
        if self.is_number:
            finite = not isinstance(value, float) or math.isfinite(value)
            if not finite or not self._in_range(value):
                return f"{self.key} must be {self.allowed()}, got {shown(value)}"
        if self.choices and value not in self.choices:
            return f"{self.key} must be {self.allowed()}, got {shown(value)}"
        return self.check(self.key, value) if self.check else None

    def _in_range(self, value: float) -> bool:
        return ((self.min is None or value >= self.min)
                and (self.max is None or value <= self.max)
                and (self.above is None or value > self.above))


def shown(value: Any) -> str:
    """``value`` as a problem quotes it: a huge integer by its size, not its digits."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**18:
        return f"an integer of {len(str(abs(value)))} digits"
    return repr(value)


def type_name(t: type | tuple[type, ...]) -> str:
    if isinstance(t, tuple):
        return " or ".join(x.__name__ for x in t)
    return t.__name__


def has_type(value: Any, t: type | tuple[type, ...]) -> bool:
    types = t if isinstance(t, tuple) else (t,)
    if isinstance(value, bool) and bool not in types:
        return False
    return isinstance(value, types)


def option(default: Any, doc: str, *, rebuilds: str | None = None, min: float | None = None,
           max: float | None = None, above: float | None = None,
           choices: tuple[Any, ...] = (), check: Format | None = None) -> Any:
    """Declare an option as a field of its table's class (see the module's docstring)."""
    rules = dict(default=default, doc=doc, rebuilds=rebuilds, min=min, max=max, above=above,
                 choices=choices, check=check)
    return field(metadata={"option": rules})


# The TOML types of a field's type; a file's value is its name.
TOML_TYPES: dict[Any, type | tuple[type, ...]] = {
    str: str, bool: bool, int: int, float: (int, float), Path: str, list[str]: list,
}


def declared(section: str, cls: type) -> list[Option]:
    """The options a table's class declares, in order."""
    hints = typing.get_type_hints(cls)
    found = []
    for f in fields(cls):
        rules = f.metadata["option"]
        found.append(Option(key=f"{section}.{f.name}", type=TOML_TYPES[hints[f.name]],
                            is_file=hints[f.name] is Path, **rules))
    return found




@dataclass(frozen=True, kw_only=True)
class ShowOptions:
    """[show] — what listeners see."""

    title: str = option(REQUIRED, "Show title.", rebuilds=EPISODES)
    author: str = option(REQUIRED, "Author name (itunes:author, ID3 artist).", rebuilds=EPISODES)
    description: str = option(REQUIRED, "One-paragraph show description.", rebuilds=FEED)
    language: str = option("ko", "Language code of the show.", check=formats.language_code,
                           rebuilds=EPISODES)
    base_url: str = option(REQUIRED, "Absolute URL where public/ is served.",
                           check=formats.web_url, rebuilds=EPISODES)
    category: str = option("Technology", "Apple Podcasts category.", rebuilds=EPISODES)
    subcategory: str = option("", "Apple Podcasts subcategory (optional).", rebuilds=FEED)
    owner_name: str = option("", "Owner name (itunes:owner); defaults to author.", rebuilds=FEED)
    owner_email: str = option(REQUIRED, "Owner e-mail (itunes:owner).", check=formats.email,
                              rebuilds=FEED)
    explicit: bool = option(False, "Whether episodes carry explicit content.", rebuilds=FEED)
    cover: Path = option("", "Cover art (square JPEG/PNG, 1400-3000 px).", rebuilds=EPISODES)
    website: str = option("", "The blog's own URL (channel link); defaults to base_url.",
                          rebuilds=FEED)
    copyright: str = option("", "Channel <copyright>; default \"© <first year>–<last year> "
                            "<author>\".", rebuilds=FEED)
    funding_url: str = option("", "Where listeners can support the show (podcast:funding).",
                              check=formats.optional_web_url, rebuilds=FEED)
    funding_text: str = option("후원하기", "The text of the funding link (128 characters at most).",
                               check=formats.at_most_characters(128), rebuilds=FEED)
    media_base_url: str = option("", "Absolute URL where the MP3s are served, when not beside "
                                 "the pages (base_url).", check=formats.optional_web_url,
                                 rebuilds=FEED)
    enclosure_prefix: str = option("", "Put in front of every enclosure URL, e.g. an analytics "
                                   "redirect (https://op3.dev/e/).",
                                   check=formats.optional_web_url, rebuilds=FEED)


@dataclass(frozen=True, kw_only=True)
class EngineOptions:
    """[engine] — how speech is made."""

    name: str = option("auto", "Speech engine: auto, gtts, espeak, edge.",
                       check=formats.speech_engine, rebuilds=EPISODES)
    jobs: int = option(0, "Parallel synthesis jobs; 0 picks a default per engine.",
                       min=0, max=1024, rebuilds=NOTHING)
    rate_limit: float = option(10.0, "Network engines: requests per second over all jobs; "
                               "0 = no limit.", min=0, max=1000, rebuilds=NOTHING)
    retries: int = option(4, "Network engines: retries of a failed request (429, 5xx, "
                          "timeouts, offline).", min=0, max=100, rebuilds=NOTHING)
    timeout: float = option(20.0, "Network engines: seconds to wait for an answer.",
                            above=0, max=3600, rebuilds=NOTHING)
    languages: list[str] = option(["en", "ja"], "Languages besides Korean read by a voice of "
                                  "their own ([voices.en], [voices.ja]); [] reads every "
                                  "sentence in Korean, English words in Hangul.",
                                  check=formats.voice_languages, rebuilds=EPISODES)


@dataclass(frozen=True, kw_only=True)
class BuildOptions:
    """[build] — how the build uses the machine."""

    jobs: int = option(0, "Episodes assembled and encoded at once (worker processes); "
                       "0 = usable CPU cores.", min=0, max=1024, rebuilds=NOTHING)


@dataclass(frozen=True, kw_only=True)
class AudioOptions:
    """[audio] — the sound of an episode."""

    intro: Path = option("", "Intro music played before the greeting.", rebuilds=EPISODES)
    sting: Path = option("", "Short sound around quoted articles.", rebuilds=EPISODES)
    outro: Path = option("", "Outro music after the sign-off.", rebuilds=EPISODES)
    bitrate: str = option("64k", "MP3 bitrate (CBR).", check=formats.mp3_bitrate,
                          rebuilds=EPISODES)
    sample_rate: int = option(44100, "Output sample rate in Hz.", choices=formats.MP3_RATES,
                              rebuilds=EPISODES)
    channels: int = option(1, "Output channels (1 mono, 2 stereo).", choices=(1, 2),
                           rebuilds=EPISODES)
    loudness: float = option(-16.0, "Integrated loudness target in LUFS.", min=-40, max=-5,
                             rebuilds=EPISODES)
    true_peak: float = option(-1.0, "True-peak ceiling in dBTP.", min=-9, max=0,
                              rebuilds=EPISODES)
    sentence_pause: float = option(0.35, "Silence after a sentence (s).", min=0, max=60,
                                   rebuilds=EPISODES)
    paragraph_pause: float = option(0.7, "Silence after a paragraph (s).", min=0, max=60,
                                    rebuilds=EPISODES)
    segment_pause: float = option(1.0, "Silence between segments (s).", min=0, max=60,
                                  rebuilds=EPISODES)
    intro_lead: float = option(4.0, "Intro music heard alone before the title (s).",
                               min=0, max=60, rebuilds=EPISODES)
    intro_fade: float = option(6.0, "Intro music fades out under the first words over this "
                               "long (s); 0 ends it there.", min=0, max=60, rebuilds=EPISODES)
    outro_overlap: float = option(1.5, "Outro music starts under the last words this long "
                                  "before they end (s).", min=0, max=60, rebuilds=EPISODES)
    duck: float = option(-15.0, "Music level under speech, dB below its own level.",
                         min=-90, max=0, rebuilds=EPISODES)
    music_level: float = option(-2.0, "Loudness of intro, stings and outro relative to the "
                                "speech (LU).", min=-40, max=10, rebuilds=EPISODES)


@dataclass(frozen=True, kw_only=True)
class FeedOptions:
    """[feed] — how podcast apps see the episodes."""

    publish_time: str = option("19:00", "Time of day (HH:MM) each episode is dated at.",
                               check=formats.clock_time, rebuilds=FEED)
    time_zone: str = option("Asia/Seoul", "Time zone of publish_time (IANA name).",
                            check=formats.time_zone, rebuilds=FEED)
    locked: bool = option(True, "podcast:locked: ask other hosts not to import the feed.",
                          rebuilds=FEED)
    guid: str = option("", "The show's podcast:guid (default: derived from the feed URL); "
                       "pin it before moving the feed.", check=formats.optional_uuid,
                       rebuilds=EPISODES)


@dataclass(frozen=True, kw_only=True)
class SourceOptions:
    """[source] — the blog that `podcaster import` reads posts from."""

    feed: str = option("", "The blog's RSS or Atom feed; `podcaster import` copies its new "
                       "posts into posts/.", check=formats.optional_web_url, rebuilds=NOTHING)
    include_tags: list[str] = option([], "Import only entries with one of these tags or "
                                     "categories (empty: every entry).",
                                     check=formats.tag_names, rebuilds=NOTHING)
    exclude_tags: list[str] = option([], "Never import entries with one of these tags.",
                                     check=formats.tag_names, rebuilds=NOTHING)
    title_pattern: str = option("", "Import only entries whose title matches this regular "
                                "expression (empty: every one).",
                                check=formats.regular_expression, rebuilds=NOTHING)
    allowed_origins: list[str] = option([], "Origins (scheme://host[:port]) besides the "
                                        "feed's own that `podcaster import` may fetch pages "
                                        "from.", check=formats.web_origins, rebuilds=NOTHING)


# Each table of options, in the order podcast.toml lists them.
SECTIONS: dict[str, type] = {
    "show": ShowOptions,
    "engine": EngineOptions,
    "build": BuildOptions,
    "audio": AudioOptions,
    "feed": FeedOptions,
    "source": SourceOptions,
}

OPTIONS: list[Option] = [o for name, cls in SECTIONS.items() for o in declared(name, cls)]

FREE_TABLES = {
    "pronunciation": "Exact string -> reading; wins over the built-in lexicon.",
    "voices": "Per cue kind ([voices.article] ...): engine, voice, rate, pitch, tempo, options; "
              "per language ([voices.en], [voices.ja.article] ...) the same.",
    "episode_guids": "Slug -> GUID, only for episodes first published elsewhere under that GUID.",
}

VOICE_LANGUAGES = VOICE_LANGUAGE_NAMES  # [voices.en], [voices.ja.article]: foreign voices
VOICE_KEYS: dict[str, type | tuple[type, ...]] = {
    "engine": str, "voice": str, "rate": int, "pitch": int, "tempo": (int, float),
    "options": dict}
# The numbers of a voice, finite and within these bounds (inclusive): tempo as the
# synthesizer applies it, rate and pitch as wide as any engine takes them.
VOICE_RANGES = {"tempo": (0.5, 2.0), "rate": (-1000, 1000), "pitch": (-1000, 1000)}

ASSET_DEFAULTS = {
    "show.cover": "cover.png",
    "audio.intro": "intro.mp3",
    "audio.sting": "sting.mp3",
    "audio.outro": "outro.mp3",
}

