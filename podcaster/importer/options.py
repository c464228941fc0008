"""Which entries of a feed become posts: the ``[source]`` filters, ``--since`` and ``--force``."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass

from podcaster.config import Config
from podcaster.importer.feed import FeedEntry


@dataclass(frozen=True)
class ImportOptions:
    """How to import; ``from_config`` fills it from podcast.toml's ``[source]`` and ``[feed]``."""

    time_zone: str = "Asia/Seoul"  # dates the posts, as feed.time_zone dates the episodes
    include_tags: tuple[str, ...] = ()
    exclude_tags: tuple[str, ...] = ()
    title_pattern: str = ""
    since: dt.date | None = None
    force: bool = False  # replace posts edited since their import
    allowed_origins: tuple[str, ...] = ()  # origins besides the feed's that may be fetched
    prune: bool = False  # remove imported posts the filters now leave out (unedited only)

    @classmethod
    def from_config(cls, config: Config, since: dt.date | None = None, force: bool = False,
                    prune: bool = False) -> ImportOptions:
        source = config.source
        return cls(time_zone=config.feed.time_zone, include_tags=tuple(source.include_tags),
                   exclude_tags=tuple(source.exclude_tags), title_pattern=source.title_pattern,
                   since=since, force=force, prune=prune,
                   allowed_origins=tuple(source.allowed_origins))

    def skip_reason(self, entry: FeedEntry, date: dt.date) -> str | None:
        """Why ``entry`` (published on ``date``) is not imported, or None to import it."""
        if self.since and date < self.since:
            return f"published {date.isoformat()}, before --since {self.since.isoformat()}"
        return self.filter_reason(entry)

    def filter_reason(self, entry: FeedEntry) -> str | None:
        """Why ``entry`` is left out by the ``[source]`` filters, or None."""
        tags = {t.casefold() for t in entry.tags}
        if self.include_tags and not tags & {t.casefold() for t in self.include_tags}:
            return "none of its tags is in source.include_tags"
        excluded = sorted(tags & {t.casefold() for t in self.exclude_tags})
        if excluded:
            return f"tagged {', '.join(excluded)} (source.exclude_tags)"
        if self.title_pattern and not re.search(self.title_pattern, entry.title):
            return "its title does not match source.title_pattern"
        return None

    def selection_digest(self) -> str:
        """Changes when the choice of entries could change, so the feed is read again."""
        data = [self.time_zone, sorted(self.include_tags), sorted(self.exclude_tags),
                self.title_pattern, self.since.isoformat() if self.since else None]
        if self.allowed_origins:  # pages refused before may now be fetched
            data.append(sorted(self.allowed_origins))
        return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()[:16]
