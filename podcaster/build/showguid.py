"""The show's podcast:guid never changes behind the author's back.

Unless ``feed.guid`` pins it, the show's podcast:guid (and with it every episode's
``<guid>``) is derived from the feed's address, so moving the feed (a new ``base_url``)
would make every app download every episode again and directories see a new show. So:

- a project without ``feed.guid`` gets one warning per build, giving the line to add;
- a build whose show guid differs from the one last published stops before writing
  (ConfigError, exit 2), unless the author confirms it (``build --new-guid``).

What was last published is known from ``.podcaster-cache/show.json`` (written after each
build) or, without it, from the ``podcast:guid`` of the existing ``public/feed.xml``.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

from podcaster.config import CONFIG_NAME, Config
from podcaster.errors import ConfigError
from podcaster.files import parse_json, write_atomic
from podcaster.publish.layout import FEED_NAME, feed_url, show_guid

log = logging.getLogger(__name__)

RECORD_NAME = "show.json"
_FEED_GUID = re.compile(rb"<podcast:guid>\s*([^<\s]+)\s*</podcast:guid>")


@dataclass(frozen=True)
class Published:
    """The show's guid as last published, and where that is known from."""

    guid: str
    feed_url: str | None
    source: Path


def record_path(config: Config) -> Path:
    """The record of the show's guid, written (and its time set) after every build."""
    return config.cache_dir / RECORD_NAME


def last_published(config: Config) -> Published | None:
    """The guid the show was last published with, or None for a show never built here."""
    record = record_path(config)
    try:
        data = parse_json(record.read_bytes())
        if isinstance(data, dict) and isinstance(data.get("guid"), str):
            url = data.get("feed_url")
            return Published(data["guid"], url if isinstance(url, str) else None, record)
    except (OSError, ValueError):
        pass
    feed = config.public_dir / FEED_NAME
    try:
        found = _FEED_GUID.search(feed.read_bytes())
    except OSError:
        return None
    if found is None:
        return None
    return Published(found.group(1).decode("ascii", "replace").strip().lower(), None, feed)


def pin_line(guid: str) -> str:
    return f'guid = "{guid}"'


def guard(config: Config, new_guid: bool = False) -> None:
    """Warn once when ``feed.guid`` is not pinned; raise ConfigError when the show's guid
    differs from the one last published and ``new_guid`` does not confirm the change."""
    current = show_guid(config)
    before = last_published(config)
    if before is not None and before.guid != current and not new_guid:
        moved = (f" (the feed moved from {before.feed_url} to {feed_url(config)})"
                 if before.feed_url and before.feed_url != feed_url(config) else "")
        raise ConfigError(
            f"{config.project_dir / CONFIG_NAME}: the show's podcast:guid would change from "
            f"{before.guid} (last published, {before.source.name}) to {current}{moved}; "
            "every podcast app would download every episode again and directories would see "
            f"a new show. Nothing was written. To keep it, add under [feed]: "
            f"{pin_line(before.guid)}; to publish as a new show, build once with --new-guid")
    if not config.feed.guid:
        log.warning("%s: feed.guid is not pinned, so the show's podcast:guid and every "
                    "episode's guid would change if the feed moved; add under [feed]: %s",
                    CONFIG_NAME, pin_line(current))


def remember(config: Config) -> None:
    """Note the guid just published (after a build that wrote the feed); the record's time
    is the build's (``podcaster check`` compares the inputs with it)."""
    record = {"guid": show_guid(config), "feed_url": feed_url(config)}
    path = record_path(config)
    try:
        if not write_atomic(path, json.dumps(record, ensure_ascii=False,
                                             sort_keys=True).encode("utf-8")):
            os.utime(path)
    except OSError as exc:  # the feed is the fallback record
        log.warning("%s: cannot write: %s", path, exc.strerror)
