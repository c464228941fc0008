"""The checks of podcast.toml beyond its declared options: the free tables ([voices],
[pronunciation], [episode_guids]) and the characters that output cannot carry anywhere in
the file, names and values.

Each returns a list of problems, one line each, so ``load_config`` reports them all at once.
"""

from __future__ import annotations

import math
from typing import Any

from podcaster.config.formats import speech_engine
from podcaster.config.options import (
    VOICE_KEYS,
    VOICE_LANGUAGES,
    VOICE_RANGES,
    has_type,
    shown,
    type_name,
)
from podcaster.model import SPEECH_KINDS
from podcaster.values import bad_character, remove_invisible


def in_range(value: float, low: float, high: float) -> bool:
    """Whether ``value`` is finite and between ``low`` and ``high`` (inclusive)."""
    return (not isinstance(value, float) or math.isfinite(value)) and low <= value <= high


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


def without_invisible(value: Any, key: str = "") -> tuple[Any, list[str]]:
    """``value`` (podcast.toml as read, names and values) without the invisible characters
    a post may not publish either (``values.remove_invisible``), and one line per text they
    were removed from, naming its key."""
    if isinstance(value, dict):
        cleaned, removed = {}, []
        for name, item in value.items():
            where = f"{key}.{name}" if key else str(name)
            clean_name, first = remove_invisible(name) if isinstance(name, str) else (name, None)
            if first:
                removed.append(f"{where!r}: removed from the name invisible characters "
                               f"(the first {first})")
            where = f"{key}.{clean_name}" if key else str(clean_name)
            cleaned[clean_name], more = without_invisible(item, where)
            removed.extend(more)
        return cleaned, removed
    if isinstance(value, list):
        items = [without_invisible(item, f"{key}[{n}]") for n, item in enumerate(value)]
        return [item for item, _ in items], [line for _, lines in items for line in lines]
    if isinstance(value, str):
        clean, first = remove_invisible(value)
        return clean, [f"{key}: removed invisible characters (the first {first})"] if first \
            else []
    return value, []


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
            elif key in VOICE_RANGES and not in_range(value, *VOICE_RANGES[key]):
                low, high = VOICE_RANGES[key]
                problems.append(f"voices.{kind}.{key} must be between {low:g} and {high:g}, "
                                f"got {shown(value)}")
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


def check_engines(raw: dict[str, Any]) -> list[str]:
    """Every engine a voice names (``voices.<kind>.engine``, ``voices.<language>.engine``
    ...) is ``auto`` or an engine known here, as ``engine.name`` is."""
    voices = raw.get("voices", {})
    problems = []
    for kind, table in voice_tables(voices) if isinstance(voices, dict) else ():
        if isinstance(table.get("engine"), str):
            problem = speech_engine(f"voices.{kind}.engine", table["engine"])
            if problem:
                problems.append(problem)
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
