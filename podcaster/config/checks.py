"""The value checks of podcast.toml beyond types: free tables ([voices], [pronunciation],
[episode_guids]), characters that output cannot carry, URLs, time zones, audio ranges.

Each returns a list of problems, one line each, so ``load_config`` reports them all at once.
"""

from __future__ import annotations

import re
import uuid
import zoneinfo
from typing import Any

from podcaster.config.options import VOICE_KEYS, VOICE_LANGUAGES
from podcaster.model import SPEECH_KINDS
from podcaster.values import bad_character, is_web_url


def type_name(t: type | tuple[type, ...]) -> str:
    if isinstance(t, tuple):
        return " or ".join(x.__name__ for x in t)
    return t.__name__


def has_type(value: Any, t: type | tuple[type, ...]) -> bool:
    types = t if isinstance(t, tuple) else (t,)
    if isinstance(value, bool) and bool not in types:
        return False
    return isinstance(value, types)


def check_characters(value: Any, key: str = "") -> list[str]:
    """Every text of podcast.toml (names and values) that XML, ID3 or JSON cannot carry."""
    problems = []
    if isinstance(value, dict):
        for name, item in value.items():
            where = f"{key}.{name}" if key else str(name)
            if bad_character(str(name)):
                problems.append(f"{where!r}: the name contains {bad_character(str(name))}")
            else:
                problems.extend(check_characters(item, where))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            problems.extend(check_characters(item, f"{key}[{n}]"))
    elif isinstance(value, str) and bad_character(value):
        problems.append(f"{key}: contains {bad_character(value)}")
    return problems


def check_free_tables(raw: dict[str, Any]) -> list[str]:
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
    for kind, table in voice_tables(voices, problems):
        for key, value in table.items():
            if key not in VOICE_KEYS:
                problems.append(f"unknown option voices.{kind}.{key}")
            elif not has_type(value, VOICE_KEYS[key]):
                problems.append(
                    f"voices.{kind}.{key} must be {type_name(VOICE_KEYS[key])}, "
                    f"got {type(value).__name__}"
                )
    return problems


def voice_tables(voices: dict[str, Any], problems: list[str] | None = None):
    """``(where, table)`` for each voice table of [voices]: ``article`` for [voices.article],
    ``en`` for [voices.en] (without its kind tables), ``en.article`` for
    [voices.en.article]. Tables that are neither are noted in ``problems``."""
    problems = [] if problems is None else problems
    for name, table in voices.items():
        if name not in SPEECH_KINDS and name not in VOICE_LANGUAGES:
            problems.append(f"unknown voice kind voices.{name} (one of "
                            f"{', '.join(SPEECH_KINDS)}, or a language: "
                            f"{', '.join(VOICE_LANGUAGES)})")
            continue
        if not isinstance(table, dict):
            problems.append(f"voices.{name} must be a table")
            continue
        if name in SPEECH_KINDS:
            yield name, table
            continue
        yield name, {k: v for k, v in table.items() if k not in SPEECH_KINDS}
        for kind in SPEECH_KINDS:
            if kind not in table:
                continue
            if isinstance(table[kind], dict):
                yield f"{name}.{kind}", table[kind]
            else:
                problems.append(f"voices.{name}.{kind} must be a table")


def check_engines(raw: dict[str, Any], values: dict[str, Any]) -> list[str]:
    """Every engine named (``engine.name``, ``voices.<kind>.engine``) is ``auto`` or an engine
    known here: a built-in one, or a plugin (the installed packages are scanned only for a
    name that is neither)."""
    from podcaster.speech.engines import BUILTIN, engine_names

    named = [("engine.name", values["engine.name"])]
    voices = raw.get("voices", {})
    for kind, table in voice_tables(voices) if isinstance(voices, dict) else ():
        if isinstance(table.get("engine"), str):
            named.append((f"voices.{kind}.engine", table["engine"]))
    problems = []
    for key, name in named:
        if name != "auto" and name not in BUILTIN and name not in engine_names():
            problems.append(f"{key}: unknown engine {name!r} (known: auto, "
                            f"{', '.join(engine_names())})")
    return problems


def check_values(values: dict[str, Any]) -> list[str]:
    problems = []
    for language in values["engine.languages"]:
        if language not in VOICE_LANGUAGES:
            problems.append(f"engine.languages: unknown language {language!r} (known: "
                            f"{', '.join(VOICE_LANGUAGES)})")
    if not is_web_url(values["show.base_url"]):
        problems.append(f"show.base_url must be an absolute http(s) URL, "
                        f"got {values['show.base_url']!r}")
    for key in ("show.media_base_url", "show.enclosure_prefix", "show.funding_url"):
        if values[key] and not is_web_url(values[key]):
            problems.append(f"{key} must be an absolute http(s) URL, got {values[key]!r}")
    if len(values["show.funding_text"]) > 128:
        problems.append("show.funding_text is longer than 128 characters")
    if values["show.funding_url"] and not values["show.funding_text"].strip():
        problems.append("show.funding_text must not be empty when show.funding_url is set")
    if "@" not in values["show.owner_email"]:
        problems.append(f"show.owner_email is not an e-mail address: {values['show.owner_email']!r}")
    if values["audio.channels"] not in (1, 2):
        problems.append("audio.channels must be 1 or 2")
    problems.extend(check_audio(values))
    if values["engine.jobs"] < 0:
        problems.append("engine.jobs must be 0 (automatic) or more")
    if values["build.jobs"] < 0:
        problems.append("build.jobs must be 0 (one per usable CPU core) or more")
    if values["engine.rate_limit"] < 0:
        problems.append("engine.rate_limit must be 0 (no limit) or more")
    if values["engine.retries"] < 0:
        problems.append("engine.retries must be 0 or more")
    if values["engine.timeout"] <= 0:
        problems.append("engine.timeout must be more than 0 seconds")
    problems.extend(check_feed(values))
    problems.extend(check_source(values))
    return problems


def check_source(values: dict[str, Any]) -> list[str]:
    problems = []
    feed = values["source.feed"]
    if feed and not is_web_url(feed):
        problems.append(f"source.feed must be an absolute http(s) URL, got {feed!r}")
    for key in ("source.include_tags", "source.exclude_tags"):
        if not all(isinstance(tag, str) and tag.strip() for tag in values[key]):
            problems.append(f"{key} must be a list of tag names (strings)")
    try:
        re.compile(values["source.title_pattern"])
    except re.error as exc:
        problems.append(f"source.title_pattern is not a regular expression: {exc}")
    return problems


def check_episode_guids(raw: dict[str, Any]) -> list[str]:
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


def check_feed(values: dict[str, Any]) -> list[str]:
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


def check_audio(values: dict[str, Any]) -> list[str]:
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
