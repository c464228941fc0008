"""The formats a text option of podcast.toml can be held to: each a function of the option's
key and value that returns the problem as one line, or None when the value is fine.

An option names its format in its declaration (``check=web_url``); ``load_config`` calls it
only for a value of the declared type.
"""

from __future__ import annotations

import re
import uuid
import zoneinfo
from collections.abc import Callable
from typing import Any

from podcaster.http import parse_origin
from podcaster.values import is_web_url

Format = Callable[[str, Any], "str | None"]

# Languages besides Korean that a sentence can be read in by a voice of its own.
VOICE_LANGUAGE_NAMES = ("en", "ja")
MP3_RATES = (8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000)
MP3_BITRATES = (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 192, 224, 256, 320)


# A BCP 47 language tag ("ko", "ko-KR", "yue-Hant-HK"): what the feed's <language>, a
# transcript's language and an MP3's TLAN may hold.
LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def language_code(key: str, value: str) -> str | None:
    if not LANGUAGE.fullmatch(value):
        return f'{key} must be a language code such as "ko" or "ko-KR", got {value!r}'
    return None


def web_url(key: str, value: str) -> str | None:
    if not is_web_url(value):
        return f"{key} must be an absolute http(s) URL, got {value!r}"
    return None


def optional_web_url(key: str, value: str) -> str | None:
    return web_url(key, value) if value else None


def email(key: str, value: str) -> str | None:
    if "@" not in value:
        return f"{key} is not an e-mail address: {value!r}"
    return None


def clock_time(key: str, value: str) -> str | None:
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
        return f"{key} must be HH:MM, got {value!r}"
    return None


def time_zone(key: str, value: str) -> str | None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return f"{key} is not a known time zone: {value!r}"
    return None


def optional_uuid(key: str, value: str) -> str | None:
    if value:
        try:
            uuid.UUID(value)
        except ValueError:
            return f"{key} must be a UUID, got {value!r}"
    return None


def regular_expression(key: str, value: str) -> str | None:
    try:
        re.compile(value)
    except (re.error, RecursionError, OverflowError) as exc:
        return f"{key} is not a regular expression: {exc}"
    return None


def mp3_bitrate(key: str, value: str) -> str | None:
    bitrate = value.strip().lower().removesuffix("k")
    if not (bitrate.isascii() and bitrate.isdigit()) or int(bitrate) not in MP3_BITRATES:
        return f"{key} must be an MP3 bitrate such as \"64k\", got {value!r}"
    return None


def tag_names(key: str, value: list[Any]) -> str | None:
    if not all(isinstance(tag, str) and tag.strip() for tag in value):
        return f"{key} must be a list of tag names (strings)"
    return None


def voice_languages(key: str, value: list[Any]) -> str | None:
    for language in value:
        if language not in VOICE_LANGUAGE_NAMES:
            return (f"{key}: unknown language {language!r} (known: "
                    f"{', '.join(VOICE_LANGUAGE_NAMES)})")
    return None


def web_origins(key: str, value: list[Any]) -> str | None:
    """A list of http(s) origins, ``scheme://host[:port]`` without a path."""
    for item in value:
        try:
            parse_origin(item if isinstance(item, str) else "")
        except ValueError as exc:
            return (f"{key}: {str(item)[:100]!r} is not an origin ({exc}); write "
                    "scheme://host[:port], e.g. https://blog.example.com")
    return None


def at_most_characters(limit: int) -> Format:
    def check(key: str, value: str) -> str | None:
        if len(value) > limit:
            return f"{key} is longer than {limit} characters"
        return None

    return check


def speech_engine(key: str, value: str) -> str | None:
    """``auto`` or an engine known here: a built-in one, or a plugin (the installed packages
    are scanned only for a name that is neither)."""
    from podcaster.speech.engines import BUILTIN, engine_names  # the registry, when needed

    if value != "auto" and value not in BUILTIN and value not in engine_names():
        return f"{key}: unknown engine {value!r} (known: auto, {', '.join(engine_names())})"
    return None
