"""Whether ``public/`` is older than what it is built from: then ``check`` says so once
("run podcaster build") instead of reporting every difference a rebuild would remove."""

from __future__ import annotations

import os
from pathlib import Path

from podcaster.config import CONFIG_NAME, Config
from podcaster.publish.layout import FEED_NAME


def last_build(config: Config) -> int | None:
    """When the project was last built (ns since the epoch), or None if never: the time of
    the record every build writes, else of ``public/feed.xml``."""
    from podcaster.build.showguid import record_path

    for path in (record_path(config), config.public_dir / FEED_NAME):
        try:
            return path.stat().st_mtime_ns
        except OSError:
            continue
    return None


def _inputs(config: Config) -> list[Path]:
    found = [config.project_dir / CONFIG_NAME]
    if config.posts_dir.is_dir():
        for root, dirs, names in os.walk(config.posts_dir):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found += [Path(root, n) for n in sorted(names) if not n.startswith(".")]
    return found


def newer_than_build(config: Config) -> list[Path]:
    """podcast.toml and the posts changed since the last build (none if never built)."""
    built = last_build(config)
    if built is None or not config.public_dir.is_dir():
        return []
    newer = []
    for path in _inputs(config):
        try:
            if path.stat().st_mtime_ns > built:
                newer.append(path)
        except OSError:
            continue
    return newer


def stale_message(config: Config, newer: list[Path]) -> str:
    """'public/ is older than podcast.toml and 2 posts (posts/a.txt, …) — run podcaster build'"""
    names = [p.relative_to(config.project_dir).as_posix() for p in newer]
    parts = [n for n in names if n == CONFIG_NAME]
    posts = [n for n in names if n != CONFIG_NAME]
    if posts:
        shown = ", ".join(posts[:3]) + (", …" if len(posts) > 3 else "")
        parts.append(f"{len(posts)} post(s) ({shown})")
    return f"older than {' and '.join(parts)} — run podcaster build"
