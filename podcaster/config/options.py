"""The options of podcast.toml, each declared once: key, type, default and a one-line doc.

``podcaster init`` writes its podcast.toml from this table; ``load_config`` checks against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

CONFIG_NAME = "podcast.toml"
REQUIRED = object()


def default_asset(name: str) -> Path:
    """Path of a default sound or image that ships with podcaster."""
    here = Path(__file__).resolve().parent.parent  # the podcaster package
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
    # [build] — how the build uses the machine
    Option("build.jobs", int, 0,
           "Episodes assembled and encoded at once (worker processes); 0 = usable CPU cores."),
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
    Option("source.allowed_origins", list, [],
           "Origins (scheme://host[:port]) besides the feed's own that import may fetch "
           "pages from."),
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
