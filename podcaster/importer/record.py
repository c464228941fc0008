"""What was imported: ``posts/.podcaster-import.json``, kept in the repository with the posts.

Per feed: the validators of its last complete import (``ETag``, ``Last-Modified``) and a
digest of the settings that chose its entries, so an unchanged feed costs one conditional
request and a change of filters reads the feed again. Per entry: its post file, the digest
of the bytes written (a file that no longer has them was edited by the author) and the
entry's fingerprint (a feed that says something new about the entry updates the post).
The file name starts with a dot, so no reader takes it for a post.

The record is committed data, so it is read as untrusted input: every value must have its
type, and an entry's ``file`` must be a plain post name inside ``posts/`` (no folder, no
``..``, not hidden, ``.html``), else the whole record is refused with one line naming it. It
is written atomically, its temporary file outside ``posts/``, and only by the import holding
the project's import lock (``ImportLock``), so two imports at once never lose an entry.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
import unicodedata
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from podcaster.build.lock import BuildLock
from podcaster.errors import BuildLockedError, PodcasterError
from podcaster.files import parse_json, write_atomic

log = logging.getLogger(__name__)

RECORD_NAME = ".podcaster-import.json"
VERSION = 1
POST_SUFFIX = ".html"
MAX_NAME = 255
LOCK_WAIT = 120.0  # seconds an import waits for another one of the same project


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
            record = cls(
                feeds={url: _state(FeedState, state) for url, state in data["feeds"].items()},
                entries={key: _state(EntryState, state)
                         for key, state in data["entries"].items()},
            )
            names: set[str] = set()
            for entry in record.entries.values():
                check_post_name(entry.file)
                if entry.file in names:
                    raise ValueError(f"two entries name the file {entry.file!r}")
                names.add(entry.file)
            return record
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError,
                AttributeError) as exc:
            raise PodcasterError(f"{path}: cannot read the import record ({exc}); remove it "
                                 "to import every entry again") from None

    def save(self, posts_dir: Path, tmp_dir: Path | None = None) -> bool:
        """Write the record atomically (the temporary file in ``tmp_dir``); False if the
        file already held exactly this."""
        data = {
            "version": VERSION,
            "feeds": {url: asdict(s) for url, s in sorted(self.feeds.items())},
            "entries": {key: asdict(s) for key, s in sorted(self.entries.items())},
        }
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        return write_atomic(posts_dir / RECORD_NAME, text.encode("utf-8"), tmp_dir)


def _state(kind: type, state: object):
    """A FeedState or EntryState from its JSON object, every field of its declared type."""
    if not isinstance(state, dict):
        raise ValueError(f"{state!r:.60} is not an object")
    for spec in fields(kind):
        value = state.get(spec.name)
        optional = "None" in str(spec.type)
        if not (isinstance(value, str) or (optional and value is None)):
            raise ValueError(f"{spec.name} {value!r:.60} is not text")
    return kind(**state)


def check_post_name(name: str) -> str:
    """``name`` if it is a plain name of a post file in posts/; raises ValueError otherwise."""
    plain = (
        0 < len(name) <= MAX_NAME
        and name.endswith(POST_SUFFIX) and len(name) > len(POST_SUFFIX)
        and not name.startswith(".")
        and "/" not in name and "\\" not in name and ":" not in name
        and not any(unicodedata.category(c)[0] in "CZ" and c != " " for c in name)
        and name == name.strip()
    )
    if not plain:
        raise ValueError(f"file {name[:80]!r} is not the plain name of a {POST_SUFFIX} file "
                         "in posts/")
    return name


class ImportLock:
    """The project's import lock (``.podcaster-cache/import.lock``), an OS file lock like
    the build's: an import waits up to ``LOCK_WAIT`` seconds for another to finish."""

    def __init__(self, cache_dir: Path, wait: float = LOCK_WAIT):
        self.lock = BuildLock(Path(cache_dir) / "import.lock")
        self.wait = wait

    def __enter__(self) -> ImportLock:
        end = time.monotonic() + self.wait
        waited = False
        while True:
            try:
                self.lock.__enter__()
                return self
            except BuildLockedError:
                if time.monotonic() >= end:
                    raise BuildLockedError(f"{self.lock.path}: another import of this project "
                                           "is running; try again when it has finished") from None
                if not waited:
                    log.info("%s: waiting for another import of this project", self.lock.path)
                    waited = True
                time.sleep(0.1)

    def __exit__(self, *exc) -> None:
        self.lock.__exit__(*exc)
