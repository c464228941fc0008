"""What was imported: ``posts/.podcaster-import.json``, kept in the repository with the posts.

Per feed: the validators of its last complete import (``ETag``, ``Last-Modified``) and a
digest of the settings that chose its entries, so an unchanged feed costs one conditional
request and a change of filters reads the feed again. Per entry: its post file, the digest
of the bytes written (a file that no longer has them was edited by the author) and the
entry's fingerprint (a feed that says something new about the entry updates the post).
The file name starts with a dot, so no reader takes it for a post.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from podcaster.errors import PodcasterError
from podcaster.files import parse_json, write_atomic

RECORD_NAME = ".podcaster-import.json"
VERSION = 1


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class FeedState:
    etag: str | None = None
    last_modified: str | None = None
    settings: str = ""


@dataclass
class EntryState:
    feed: str
    file: str  # name in posts/
    digest: str  # sha256 of the bytes written
    fingerprint: str  # FeedEntry.fingerprint when written


@dataclass
class ImportRecord:
    feeds: dict[str, FeedState] = field(default_factory=dict)
    entries: dict[str, EntryState] = field(default_factory=dict)

    @classmethod
    def load(cls, posts_dir: Path) -> ImportRecord:
        """The record in ``posts_dir`` (empty if there is none); raises PodcasterError if it
        cannot be read."""
        path = posts_dir / RECORD_NAME
        if not path.is_file():
            return cls()
        try:
            data = parse_json(path.read_text(encoding="utf-8"))
            if data.get("version") != VERSION:
                raise ValueError(f"version {data.get('version')!r} (expected {VERSION})")
            return cls(
                feeds={url: FeedState(**state) for url, state in data["feeds"].items()},
                entries={key: EntryState(**state) for key, state in data["entries"].items()},
            )
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError,
                AttributeError) as exc:
            raise PodcasterError(f"{path}: cannot read the import record ({exc}); remove it "
                                 "to import every entry again") from None

    def save(self, posts_dir: Path) -> bool:
        """Write the record atomically; False if the file already held exactly this."""
        data = {
            "version": VERSION,
            "feeds": {url: asdict(s) for url, s in sorted(self.feeds.items())},
            "entries": {key: asdict(s) for key, s in sorted(self.entries.items())},
        }
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        return write_atomic(posts_dir / RECORD_NAME, text.encode("utf-8"))
