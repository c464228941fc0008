"""The plans of unchanged posts, kept between builds: a rebuild reads only what changed.

Reading, segmenting and scripting (normalising every sentence) a post costs a few
milliseconds; for a blog of a thousand posts that is most of a no-op rebuild. So the result
(post, segments, cues) is kept in ``.podcaster-cache/plans.json`` under the post's file
name with the digest of its bytes, and reused while the file's bytes are the same. The whole
file is dropped when anything else the result depends on changes: podcaster's version, the
script settings (sounds, pauses, lexicon) or the text-processing code and model itself.

The warnings a post gave when it was read (logged ones, and the attribution warnings that
``--strict`` acts on) are kept too and given again on every build, so a cached post warns as
a freshly read one does. JSON, not pickle: a cache restored in CI
is data, never code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from podcaster import __version__
from podcaster.files import parse_json, write_atomic
from podcaster.model import Block, Cue, Post, Segment, Source

log = logging.getLogger(__name__)

CACHE_NAME = "plans.json"
VERSION = 2
PACKAGE = Path(__file__).resolve().parents[1]
TEXT_CODE = PACKAGE / "text"


def context_key(settings: Any) -> str:
    """What every cached plan depends on besides its post file."""
    files = [*TEXT_CODE.rglob("*.py"), PACKAGE / "model.py"]  # the code that makes a plan
    code = sorted((p.relative_to(PACKAGE).as_posix(), p.stat().st_size, p.stat().st_mtime_ns)
                  for p in files)
    lexicon = sorted((settings.lexicon or {}).items())
    blob = json.dumps([VERSION, __version__, code, repr(settings), lexicon], ensure_ascii=False,
                      default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class PlanCache:
    """Read once at the start of the plan; ``save`` writes the entries this build used."""

    def __init__(self, path: Path, context: str):
        self.path = path
        self.context = context
        self._old: dict[str, dict] = {}
        self._new: dict[str, dict] = {}
        try:
            data = parse_json(path.read_bytes())
            if data.get("context") == context:
                self._old = data["posts"]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass  # no cache, or an unusable one: every post is read

    def get(self, path: Path, raw: bytes):
        """The plan of the post at ``path`` if its bytes are ``raw``: (post, segments, cues,
        attribution warnings); the warnings it logged are logged again."""
        entry = self._old.get(path.name)
        if entry is None or entry.get("sha256") != hashlib.sha256(raw).hexdigest():
            return None
        try:
            found = (_post(entry["post"], path, raw), [_segment(s) for s in entry["segments"]],
                     [_cue(c) for c in entry["cues"]], _attribution(entry["attribution"]))
        except (KeyError, TypeError, ValueError):
            return None
        for name, level, message in entry.get("warnings", []):
            logging.getLogger(name).log(level, "%s", message)
        self._new[path.name] = entry
        return found

    @contextmanager
    def recording(self) -> Iterator[list[tuple[str, int, str]]]:
        """Collect the warnings logged while a post is read (to give them again)."""
        warnings: list[tuple[str, int, str]] = []
        handler = _Collect(warnings)
        root = logging.getLogger("podcaster")
        root.addHandler(handler)
        try:
            yield warnings
        finally:
            root.removeHandler(handler)

    def put(self, path: Path, raw: bytes, post: Post, segments: list[Segment],
            cues: list[Cue], warnings: list[tuple[str, int, str]],
            attribution: list) -> None:
        self._new[path.name] = {
            "sha256": hashlib.sha256(raw).hexdigest(),
            "post": {k: v for k, v in _data(post).items() if k not in ("path", "raw")},
            "segments": [_data(s) for s in segments],
            "cues": [_data(c) for c in cues],
            "warnings": warnings,
            "attribution": [dataclasses.asdict(w) for w in attribution],
        }

    def save(self) -> None:
        """Keep the plans of this build's posts (a removed post's plan goes)."""
        if self._new == self._old:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, json.dumps({"context": self.context, "posts": self._new},
                                               ensure_ascii=False).encode("utf-8"))
        except OSError as exc:  # only a cache: the next build reads every post again
            log.warning("%s: cannot write the plan cache: %s", self.path, exc.strerror)


class _Collect(logging.Handler):
    def __init__(self, into: list[tuple[str, int, str]]):
        super().__init__(logging.WARNING)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append((record.name, record.levelno, record.getMessage()))


def _data(obj: Any) -> Any:
    """A dataclass (and what it holds) as JSON data: every field, so that a field added to
    the model is kept without a change here."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _data(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [_data(v) for v in obj]
    if isinstance(obj, Path):
        return str(obj)
    if isinstance(obj, dt.date):
        return obj.isoformat()
    return obj


def _attribution(data: list[dict]) -> list:
    if not data:  # most posts: and then the attribution code (and the normaliser) stay unloaded
        return []
    from podcaster.text.notices import AttributionWarning

    return [AttributionWarning(**w) for w in data]


def _source(data: dict | None) -> Source | None:
    return Source(**data) if data else None


def _post(data: dict, path: Path, raw: bytes) -> Post:
    return Post(**{**data, "path": path, "raw": raw, "date": dt.date.fromisoformat(data["date"]),
                   "blocks": [Block(**b) for b in data["blocks"]],
                   "sources": [_source(s) for s in data["sources"]]})


def _segment(data: dict) -> Segment:
    return Segment(**{**data, "source": _source(data["source"])})


def _cue(data: dict) -> Cue:
    return Cue(**{**data, "sound": Path(data["sound"]) if data["sound"] is not None else None})
