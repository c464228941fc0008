"""podcast.toml: every option declared once (``options``: type, default, one-line doc),
validated on load (``checks``).

Loading collects *all* problems (unknown keys, wrong types, missing files) and reports them
together, one line each, before stopping.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from podcaster.config.checks import (
    check_characters,
    check_engines,
    check_episode_guids,
    check_free_tables,
    check_values,
    has_type,
    type_name,
)
from podcaster.config.options import (
    ASSET_DEFAULTS,
    CONFIG_NAME,
    FREE_TABLES,
    OPTIONS,
    REQUIRED,
    VOICE_KEYS,
    Option,
    default_asset,
)
from podcaster.errors import ConfigError
from podcaster.model import Voice

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["ASSET_DEFAULTS", "CONFIG_NAME", "FREE_TABLES", "OPTIONS", "REQUIRED", "VOICE_KEYS",
           "Config", "Option", "Section", "default_asset", "load_config"]


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
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: arrays or tables nested too deeply") from None

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
            if not has_type(value, option.type):
                problems.append(
                    f"{option.key} must be {type_name(option.type)}, got {type(value).__name__}"
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

    problems.extend(check_free_tables(raw))
    problems.extend(check_episode_guids(raw))
    problems.extend(check_characters(raw))
    if not problems:
        problems.extend(check_values(values))
        problems.extend(check_engines(raw, values))
    if problems:
        lines = "\n".join(f"  {p}" for p in problems)
        raise ConfigError(f"{path}: {len(problems)} problem(s):\n{lines}")
    if not values["show.owner_name"]:
        values["show.owner_name"] = values["show.author"]
    if not values["show.website"]:
        values["show.website"] = values["show.base_url"]
    return Config(project_dir, values, raw)
