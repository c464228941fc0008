"""podcast.toml: every option declared once (type, default, one-line doc), validated on load.

Loading collects *all* problems (unknown keys, wrong types, missing files) and reports them
together, one line each, before stopping.
"""

from __future__ import annotations

import re
import sys
import uuid
import zoneinfo
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from podcaster.errors import ConfigError
from podcaster.model import SPEECH_KINDS, Voice
from podcaster.values import bad_character

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAME = "podcast.toml"
REQUIRED = object()


def default_asset(name: str) -> Path:
    """Path of a default sound or image that ships with podcaster."""
    here = Path(__file__).resolve().parent
    for folder in (here / "_audio", here.parent / "audio"):
        if (folder / name).exists():
            return folder / name
    return here / "_audio" / name


@dataclass(frozen=True)
class Option:
    key: str  # "section.name"
    type: type | tuple[type, ...]
    default: Any
    doc: str
    is_file: bool = False  # a path relative to the project, checked on load


OPTIONS: list[Option] = [
    # [show] — what listeners see
    Option("show.title", str, REQUIRED, "Show title."),
    Option("show.author", str, REQUIRED, "Author name (itunes:author, ID3 artist)."),
    Option("show.description", str, REQUIRED, "One-paragraph show description."),
    Option("show.language", str, "ko", "Language code of the show."),
    Option("show.base_url", str, REQUIRED, "Absolute URL where public/ is served."),
    Option("show.category", str, "Technology", "Apple Podcasts category."),
    Option("show.subcategory", str, "", "Apple Podcasts subcategory (optional)."),
    Option("show.owner_name", str, "", "Owner name (itunes:owner); defaults to author."),
    Option("show.owner_email", str, REQUIRED, "Owner e-mail (itunes:owner)."),
    Option("show.explicit", bool, False, "Whether episodes carry explicit content."),
    Option("show.cover", str, "", "Cover art (square JPEG/PNG, 1400-3000 px).", is_file=True),
    Option("show.website", str, "", "The blog's own URL (channel link); defaults to base_url."),
    Option("show.copyright", str, "",
           "Channel <copyright>; default \"© <first year>–<last year> <author>\"."),
    Option("show.funding_url", str, "", "Where listeners can support the show (podcast:funding)."),
    Option("show.funding_text", str, "후원하기", "The text of the funding link (128 characters at most)."),
    Option("show.media_base_url", str, "",
           "Absolute URL where the MP3s are served, when not beside the pages (base_url)."),
    Option("show.enclosure_prefix", str, "",
           "Put in front of every enclosure URL, e.g. an analytics redirect (https://op3.dev/e/)."),
    # [engine] — how speech is made
    Option("engine.name", str, "auto", "Speech engine: auto, gtts, espeak, edge."),
    Option("engine.jobs", int, 0, "Parallel synthesis jobs; 0 picks a default per engine."),
    Option("engine.rate_limit", (int, float), 10.0,
           "Network engines: requests per second over all jobs; 0 = no limit."),
    Option("engine.retries", int, 4,
           "Network engines: retries of a failed request (429, 5xx, timeouts, offline)."),
    Option("engine.timeout", (int, float), 20.0, "Network engines: seconds to wait for an answer."),
    # [audio] — the sound of an episode
    Option("audio.intro", str, "", "Intro music played before the greeting.", is_file=True),
    Option("audio.sting", str, "", "Short sound around quoted articles.", is_file=True),
    Option("audio.outro", str, "", "Outro music after the sign-off.", is_file=True),
    Option("audio.bitrate", str, "64k", "MP3 bitrate (CBR)."),
    Option("audio.sample_rate", int, 44100, "Output sample rate in Hz."),
    Option("audio.channels", int, 1, "Output channels (1 mono, 2 stereo)."),
    Option("audio.loudness", (int, float), -16.0, "Integrated loudness target in LUFS."),
    Option("audio.true_peak", (int, float), -1.0, "True-peak ceiling in dBTP."),
    Option("audio.sentence_pause", (int, float), 0.35, "Silence after a sentence (s)."),
    Option("audio.paragraph_pause", (int, float), 0.7, "Silence after a paragraph (s)."),
    Option("audio.segment_pause", (int, float), 1.0, "Silence between segments (s)."),
    Option("audio.intro_lead", (int, float), 4.0, "Intro music heard alone before the title (s)."),
    Option("audio.intro_fade", (int, float), 6.0,
           "Intro music fades out under the first words over this long (s); 0 ends it there."),
    Option("audio.outro_overlap", (int, float), 1.5,
           "Outro music starts under the last words this long before they end (s)."),
    Option("audio.duck", (int, float), -15.0, "Music level under speech, dB below its own level."),
    Option("audio.music_level", (int, float), -2.0,
           "Loudness of intro, stings and outro relative to the speech (LU)."),
    # [feed] — how podcast apps see the episodes
    Option("feed.publish_time", str, "19:00", "Time of day (HH:MM) each episode is dated at."),
    Option("feed.time_zone", str, "Asia/Seoul", "Time zone of publish_time (IANA name)."),
    Option("feed.locked", bool, True, "podcast:locked: ask other hosts not to import the feed."),
    Option("feed.guid", str, "", "The show's podcast:guid (default: derived from the feed URL); "
           "pin it before moving the feed."),
    # [source] — the blog that `podcaster import` reads posts from
    Option("source.feed", str, "", "The blog's RSS or Atom feed; `podcaster import` copies its "
           "new posts into posts/."),
    Option("source.include_tags", list, [],
           "Import only entries with one of these tags or categories (empty: every entry)."),
    Option("source.exclude_tags", list, [], "Never import entries with one of these tags."),
    Option("source.title_pattern", str, "",
           "Import only entries whose title matches this regular expression (empty: every one)."),
]

FREE_TABLES = {
    "pronunciation": "Exact string -> reading; wins over the built-in lexicon.",
    "voices": "Per cue kind ([voices.article] ...): engine, voice, rate, pitch, tempo, options.",
    "episode_guids": "Slug -> GUID, only for episodes first published elsewhere under that GUID.",
}

VOICE_KEYS = {"engine": str, "voice": str, "rate": int, "pitch": int, "tempo": (int, float),
              "options": dict}

ASSET_DEFAULTS = {
    "show.cover": "cover.png",
    "audio.intro": "intro.mp3",
    "audio.sting": "sting.mp3",
    "audio.outro": "outro.mp3",
}


class Section:
    """Attribute access to one table of the config (``config.show.title``)."""

    def __init__(self, values: dict[str, Any]):
        self.__dict__.update(values)

    def __repr__(self) -> str:
        return f"Section({self.__dict__!r})"


class Config:
    """A loaded, validated podcast.toml."""

    def __init__(self, project_dir: Path, values: dict[str, Any], raw: dict[str, Any]):
        self.project_dir = project_dir
        self.values = values
        self.raw = raw
        sections: dict[str, dict[str, Any]] = {}
        for key, value in values.items():
            section, name = key.split(".", 1)
            sections.setdefault(section, {})[name] = value
        for section, items in sections.items():
            setattr(self, section, Section(items))
        self.pronunciation: dict[str, str] = dict(raw.get("pronunciation", {}))
        self.episode_guids: dict[str, str] = dict(raw.get("episode_guids", {}))
        self.voices: dict[str, dict[str, Any]] = {
            kind: dict(table) for kind, table in raw.get("voices", {}).items()
        }

    @property
    def posts_dir(self) -> Path:
        return self.project_dir / "posts"

    @property
    def public_dir(self) -> Path:
        return self.project_dir / "public"

    @property
    def cache_dir(self) -> Path:
        return self.project_dir / ".podcaster-cache"

    @property
    def feed_url(self) -> str:
        return self.show.base_url.rstrip("/") + "/feed.xml"

    def url(self, relative: str) -> str:
        """Absolute URL of a file under public/."""
        return self.show.base_url.rstrip("/") + "/" + relative.lstrip("/")

    def voice_for(self, kind: str, engine: str | None = None) -> Voice:
        """The voice for a cue kind: [voices.<kind>] over the engine's defaults."""
        table = self.voices.get(kind, {})
        name = engine or table.get("engine") or self.engine.name
        options = tuple(sorted((str(k), str(v)) for k, v in table.get("options", {}).items()))
        return Voice(
            engine=name,
            voice=str(table.get("voice", "")),
            rate=table.get("rate"),
            pitch=table.get("pitch"),
            tempo=float(table.get("tempo", 1.0)),
            options=options,
        )


def _type_name(t: type | tuple[type, ...]) -> str:
    if isinstance(t, tuple):
        return " or ".join(x.__name__ for x in t)
    return t.__name__


def _check_type(value: Any, t: type | tuple[type, ...]) -> bool:
    types = t if isinstance(t, tuple) else (t,)
    if isinstance(value, bool) and bool not in types:
        return False
    return isinstance(value, types)


def load_config(project_dir: Path | str, overrides: dict[str, Any] | None = None) -> Config:
    """Read and validate ``PROJECT_DIR/podcast.toml``.

    Raises ConfigError listing every problem, one per line.
    """
    project_dir = Path(project_dir).resolve()
    path = project_dir / CONFIG_NAME
    if not path.is_file():
        raise ConfigError(f"{path}: not found (is {project_dir} a podcast project?)")
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None

    problems: list[str] = []
    declared = {o.key: o for o in OPTIONS}
    sections = {o.key.split(".")[0] for o in OPTIONS}
    values: dict[str, Any] = {}

    for section, table in raw.items():
        if section in FREE_TABLES:
            continue
        if section not in sections:
            problems.append(f"unknown table [{section}]")
            continue
        if not isinstance(table, dict):
            problems.append(f"{section} must be a table [{section}]")
            continue
        for name in table:
            if f"{section}.{name}" not in declared:
                problems.append(f"unknown option {section}.{name}")

    for key, value in (overrides or {}).items():
        section, name = key.split(".", 1)
        raw.setdefault(section, {})[name] = value

    for option in OPTIONS:
        section, name = option.key.split(".", 1)
        table = raw.get(section, {})
        if not isinstance(table, dict) or name not in table:
            if option.default is REQUIRED:
                problems.append(f"missing required option {option.key} ({option.doc})")
                continue
            value = option.default
        else:
            value = table[name]
            if not _check_type(value, option.type):
                problems.append(
                    f"{option.key} must be {_type_name(option.type)}, got {type(value).__name__}"
                )
                continue
        if option.is_file:
            if value:
                file = (project_dir / value).resolve()
                if not file.is_file():
                    problems.append(f"{option.key}: file not found: {value}")
                value = file
            else:
                value = default_asset(ASSET_DEFAULTS[option.key])
        values[option.key] = value

    problems.extend(_check_free_tables(raw))
    problems.extend(_check_episode_guids(raw))
    problems.extend(_check_characters(raw))
    if not problems:
        problems.extend(_check_values(values))
    if problems:
        lines = "\n".join(f"  {p}" for p in problems)
        raise ConfigError(f"{path}: {len(problems)} problem(s):\n{lines}")
    if not values["show.owner_name"]:
        values["show.owner_name"] = values["show.author"]
    if not values["show.website"]:
        values["show.website"] = values["show.base_url"]
    return Config(project_dir, values, raw)


def _check_characters(value: Any, key: str = "") -> list[str]:
    """Every text of podcast.toml (names and values) that XML, ID3 or JSON cannot carry."""
    problems = []
    if isinstance(value, dict):
        for name, item in value.items():
            where = f"{key}.{name}" if key else str(name)
            if bad_character(str(name)):
                problems.append(f"{where!r}: the name contains {bad_character(str(name))}")
            else:
                problems.extend(_check_characters(item, where))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            problems.extend(_check_characters(item, f"{key}[{n}]"))
    elif isinstance(value, str) and bad_character(value):
        problems.append(f"{key}: contains {bad_character(value)}")
    return problems


def _check_free_tables(raw: dict[str, Any]) -> list[str]:
    problems = []
    pron = raw.get("pronunciation", {})
    if not isinstance(pron, dict):
        problems.append("[pronunciation] must be a table of \"text\" = \"reading\"")
    else:
        for text, reading in pron.items():
            if not isinstance(reading, str):
                problems.append(f"pronunciation.{text} must be a string")
    voices = raw.get("voices", {})
    if not isinstance(voices, dict):
        problems.append("[voices] must be a table of [voices.<kind>] tables")
        return problems
    for kind, table in voices.items():
        if kind not in SPEECH_KINDS:
            problems.append(f"unknown voice kind voices.{kind} (one of {', '.join(SPEECH_KINDS)})")
            continue
        if not isinstance(table, dict):
            problems.append(f"voices.{kind} must be a table")
            continue
        for key, value in table.items():
            if key not in VOICE_KEYS:
                problems.append(f"unknown option voices.{kind}.{key}")
            elif not _check_type(value, VOICE_KEYS[key]):
                problems.append(
                    f"voices.{kind}.{key} must be {_type_name(VOICE_KEYS[key])}, "
                    f"got {type(value).__name__}"
                )
    return problems


def _check_values(values: dict[str, Any]) -> list[str]:
    problems = []
    base = values["show.base_url"]
    if not (base.startswith("https://") or base.startswith("http://")):
        problems.append(f"show.base_url must be an absolute http(s) URL, got {base!r}")
    for key in ("show.media_base_url", "show.enclosure_prefix", "show.funding_url"):
        if values[key] and not _is_web_url(values[key]):
            problems.append(f"{key} must be an absolute http(s) URL, got {values[key]!r}")
    if len(values["show.funding_text"]) > 128:
        problems.append("show.funding_text is longer than 128 characters")
    if values["show.funding_url"] and not values["show.funding_text"].strip():
        problems.append("show.funding_text must not be empty when show.funding_url is set")
    if "@" not in values["show.owner_email"]:
        problems.append(f"show.owner_email is not an e-mail address: {values['show.owner_email']!r}")
    if values["audio.channels"] not in (1, 2):
        problems.append("audio.channels must be 1 or 2")
    problems.extend(_check_audio(values))
    if values["engine.jobs"] < 0:
        problems.append("engine.jobs must be 0 (automatic) or more")
    if values["engine.rate_limit"] < 0:
        problems.append("engine.rate_limit must be 0 (no limit) or more")
    if values["engine.retries"] < 0:
        problems.append("engine.retries must be 0 or more")
    if values["engine.timeout"] <= 0:
        problems.append("engine.timeout must be more than 0 seconds")
    problems.extend(_check_feed(values))
    problems.extend(_check_source(values))
    return problems


def _check_source(values: dict[str, Any]) -> list[str]:
    problems = []
    feed = values["source.feed"]
    if feed and not re.match(r"https?://[^/\s]+", feed):
        problems.append(f"source.feed must be an absolute http(s) URL, got {feed!r}")
    for key in ("source.include_tags", "source.exclude_tags"):
        if not all(isinstance(tag, str) and tag.strip() for tag in values[key]):
            problems.append(f"{key} must be a list of tag names (strings)")
    try:
        re.compile(values["source.title_pattern"])
    except re.error as exc:
        problems.append(f"source.title_pattern is not a regular expression: {exc}")
    return problems


def _is_web_url(url: str) -> bool:
    return re.match(r"^https?://[^/\s]+", url) is not None and not re.search(r"\s", url)


def _check_episode_guids(raw: dict[str, Any]) -> list[str]:
    table = raw.get("episode_guids", {})
    if not isinstance(table, dict):
        return ['[episode_guids] must be a table of slug = "guid"']
    problems = []
    seen: dict[str, str] = {}
    for slug, guid in table.items():
        if not isinstance(guid, str) or not guid.strip():
            problems.append(f"episode_guids.{slug} must be a non-empty string")
        elif guid in seen:
            problems.append(f"episode_guids.{slug} repeats the GUID of episode_guids.{seen[guid]}")
        else:
            seen[guid] = slug
    return problems


def _check_feed(values: dict[str, Any]) -> list[str]:
    problems = []
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", values["feed.publish_time"]):
        problems.append(f"feed.publish_time must be HH:MM, got {values['feed.publish_time']!r}")
    try:
        zoneinfo.ZoneInfo(values["feed.time_zone"])
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        problems.append(f"feed.time_zone is not a known time zone: {values['feed.time_zone']!r}")
    if values["feed.guid"]:
        try:
            uuid.UUID(values["feed.guid"])
        except ValueError:
            problems.append(f"feed.guid must be a UUID, got {values['feed.guid']!r}")
    return problems


MP3_RATES = (8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000)
MP3_BITRATES = (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 192, 224, 256, 320)


def _check_audio(values: dict[str, Any]) -> list[str]:
    problems = []
    if values["audio.sample_rate"] not in MP3_RATES:
        problems.append(f"audio.sample_rate must be one of {', '.join(map(str, MP3_RATES))} "
                        f"(an MP3 sample rate), got {values['audio.sample_rate']}")
    bitrate = values["audio.bitrate"].strip().lower().removesuffix("k")
    if not bitrate.isdigit() or int(bitrate) not in MP3_BITRATES:
        problems.append(f"audio.bitrate must be an MP3 bitrate such as \"64k\", "
                        f"got {values['audio.bitrate']!r}")
    if not -40 <= values["audio.loudness"] <= -5:
        problems.append(f"audio.loudness must be between -40 and -5 LUFS, "
                        f"got {values['audio.loudness']}")
    if not -9 <= values["audio.true_peak"] <= 0:
        problems.append(f"audio.true_peak must be between -9 and 0 dBTP, "
                        f"got {values['audio.true_peak']}")
    for key in ("sentence_pause", "paragraph_pause", "segment_pause", "intro_lead",
                "intro_fade", "outro_overlap"):
        if not 0 <= values[f"audio.{key}"] <= 60:
            problems.append(f"audio.{key} must be between 0 and 60 seconds, "
                            f"got {values[f'audio.{key}']}")
    if values["audio.duck"] > 0:
        problems.append(f"audio.duck must be 0 dB or less, got {values['audio.duck']}")
    return problems
