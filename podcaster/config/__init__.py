"""podcast.toml: every option declared once (``options``: a typed field with its default,
one-line doc, the values it takes and what it rebuilds), loaded into typed tables
(``config.show.title`` is a ``str``).

Loading collects *all* problems (unknown keys, wrong types, values out of range or in the
wrong format, missing files, the free tables in ``tables``, rules between options in
``checks``) and reports them together, one line each, before stopping once.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from podcaster.config.checks import check_values
from podcaster.config.options import (
    ASSET_DEFAULTS,
    CONFIG_NAME,
    EPISODES,
    FEED,
    FREE_TABLES,
    NOTHING,
    OPTIONS,
    REQUIRED,
    SECTIONS,
    VOICE_KEYS,
    AudioOptions,
    BuildOptions,
    EngineOptions,
    FeedOptions,
    Option,
    ShowOptions,
    SourceOptions,
    default_asset,
)
from podcaster.config.tables import (
    check_characters,
    check_engines,
    check_episode_guids,
    check_free_tables,
    without_invisible,
)
from podcaster.errors import ConfigError

log = logging.getLogger(__name__)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["ASSET_DEFAULTS", "CONFIG_NAME", "EPISODES", "FEED", "FREE_TABLES", "NOTHING",
           "OPTIONS", "REQUIRED", "SECTIONS", "VOICE_KEYS", "AudioOptions", "BuildOptions",
           "Config", "EngineOptions", "FeedOptions", "Option", "ShowOptions", "SourceOptions",
           "default_asset", "load_config"]


@dataclass(frozen=True, eq=False)
class Config:
    """A loaded, validated podcast.toml: one typed object per table of options, the free
    tables as read, and which options the author set (``is_set``)."""

    project_dir: Path
    show: ShowOptions
    engine: EngineOptions
    build: BuildOptions
    audio: AudioOptions
    feed: FeedOptions
    source: SourceOptions
    tables: dict[str, Any] = field(default_factory=dict)  # the free tables, as read
    set_keys: frozenset[str] = frozenset()  # "section.name" of the options the author set
    raw: dict[str, Any] = field(default_factory=dict)  # the file as read; use the above

    def is_set(self, key: str) -> bool:
        """Whether the author set option ``key`` ("feed.guid"), in podcast.toml or on the
        command line, rather than leaving it to its default."""
        return key in self.set_keys

    def value(self, key: str) -> Any:
        """The loaded value of option ``key`` ("audio.duck")."""
        section, name = key.split(".", 1)
        return getattr(getattr(self, section), name)

    @property
    def values(self) -> dict[str, Any]:
        """Every option's loaded value by key, in declaration order."""
        return {option.key: self.value(option.key) for option in OPTIONS}

    @property
    def pronunciation(self) -> dict[str, str]:
        return dict(self.tables.get("pronunciation", {}))

    @property
    def episode_guids(self) -> dict[str, str]:
        return dict(self.tables.get("episode_guids", {}))

    @property
    def voices(self) -> dict[str, dict[str, Any]]:
        return {kind: dict(table) for kind, table in self.tables.get("voices", {}).items()}

    @property
    def posts_dir(self) -> Path:
        return self.project_dir / "posts"

    @property
    def public_dir(self) -> Path:
        return self.project_dir / "public"

    @property
    def cache_dir(self) -> Path:
        return self.project_dir / ".podcaster-cache"


def read_toml(path: Path) -> dict[str, Any]:
    """The TOML document at ``path``; raises ConfigError naming the file."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: arrays or tables nested too deeply") from None
    except ValueError as exc:  # an integer of thousands of digits
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def unknown_keys(raw: dict[str, Any]) -> list[str]:
    """Tables and options of ``raw`` that are not declared, and tables that are not tables."""
    declared = {o.key for o in OPTIONS}
    problems = []
    for name, table in raw.items():
        if name in FREE_TABLES:
            continue
        if name not in SECTIONS:
            problems.append(f"unknown table [{name}]")
        elif not isinstance(table, dict):
            problems.append(f"{name} must be a table [{name}]")
        else:
            problems.extend(f"unknown option {name}.{key}" for key in table
                            if f"{name}.{key}" not in declared)
    return problems


def option_value(option: Option, table: Any, project_dir: Path) -> tuple[Any, str | None]:
    """The loaded value of ``option`` from its TOML table (its default when unset), and the
    problem with it, if any."""
    section, name = option.key.split(".", 1)
    if not isinstance(table, dict) or name not in table:
        if option.default is REQUIRED:
            return None, f"missing required option {option.key} ({option.describe()})"
        value = option.default
    else:
        value = table[name]
        problem = option.problem(value)
        if problem:
            return None, problem
        if option.default is REQUIRED and isinstance(value, str) and not value.strip():
            # An empty title, author or description makes a feed apps refuse.
            return None, f"{option.key} must not be empty ({option.describe()})"
    if option.is_file:
        if not value:
            return default_asset(ASSET_DEFAULTS[option.key]), None
        try:
            file = (project_dir / value).resolve()
            found = file.is_file()
        except (OSError, ValueError):  # a NUL in the name, a name too long
            return None, f"{option.key}: not a usable file name: {value!r}"
        if not found:
            return file, f"{option.key}: file not found: {value}"
        return file, None
    if option.type == (int, float):
        value = float(value)
    elif isinstance(value, list):
        value = list(value)
    return value, None


def load_config(project_dir: Path | str, overrides: dict[str, Any] | None = None) -> Config:
    """Read and validate ``PROJECT_DIR/podcast.toml``; ``overrides`` ({"engine.name": …},
    from the command line) win over the file.

    Raises ConfigError listing every problem, one per line.
    """
    project_dir = Path(project_dir).resolve()
    path = project_dir / CONFIG_NAME
    if not path.is_file():
        raise ConfigError(f"{path}: not found (is {project_dir} a podcast project?)")
    raw, removed = without_invisible(read_toml(path))
    overrides, from_command_line = without_invisible(overrides or {})
    for where, line in [(path, line) for line in removed] + \
            [("the command line", line) for line in from_command_line]:
        log.warning("%s: %s: they would be published as other text than is shown", where, line)
    problems = unknown_keys(raw)

    set_keys = {f"{name}.{key}" for name, table in raw.items()
                if name in SECTIONS and isinstance(table, dict) for key in table}
    for key, value in (overrides or {}).items():
        section, name = key.split(".", 1)
        table = raw.setdefault(section, {})
        if isinstance(table, dict):  # else a problem already listed
            table[name] = value
            set_keys.add(key)

    values: dict[str, Any] = {}
    for option in OPTIONS:
        value, problem = option_value(option, raw.get(option.key.split(".")[0], {}), project_dir)
        if problem:
            problems.append(problem)
        else:
            values[option.key] = value

    problems.extend(check_free_tables(raw))
    problems.extend(check_episode_guids(raw))
    problems.extend(check_characters(raw))
    problems.extend(check_values(values))
    problems.extend(check_engines(raw))
    if problems:
        lines = "\n".join(f"  {p}" for p in problems)
        raise ConfigError(f"{path}: {len(problems)} problem(s):\n{lines}")
    if not values["show.owner_name"]:
        values["show.owner_name"] = values["show.author"]
    if not values["show.website"]:
        values["show.website"] = values["show.base_url"]
    tables = {name: raw[name] for name in FREE_TABLES if name in raw}
    sections = {name: cls(**{k.split(".", 1)[1]: v for k, v in values.items()
                             if k.split(".", 1)[0] == name})
                for name, cls in SECTIONS.items()}
    return Config(project_dir=project_dir, tables=tables, set_keys=frozenset(set_keys),
                  raw=raw, **sections)
