"""The build manifest: what is in ``public/`` and what each episode was built from.

One JSON file, ``public/.podcaster-manifest.json``, holds per published episode the keys of
everything its MP3 depends on (``audio_key``: script, voices, clips, sounds, audio settings;
``tags_key``: the ID3 tags), the MP3's size and digest, and the episode's data (post metadata
without the raw bytes, segments, number, duration, timeline). A rebuild compares keys to skip
unchanged episodes, and rebuilds their ``Episode`` from here to publish them without touching
their audio.

The manifest lives beside the files it describes: a ``public/`` restored or deleted as a whole
stays consistent with it. It is written last, after every file it lists is in place.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from podcaster.files import copy_atomic, parse_json, write_atomic
from podcaster.model import (
    Block,
    Cue,
    Episode,
    Post,
    Segment,
    SegmentSpan,
    Source,
    TimedCue,
    Timeline,
)

log = logging.getLogger(__name__)

MANIFEST_NAME = ".podcaster-manifest.json"
MANIFEST_VERSION = 1


@dataclass
class EpisodeRecord:
    """What the manifest knows about one published episode."""

    slug: str
    source: str  # the post file, relative to the project when inside it
    audio_key: str
    tags_key: str
    file: str  # the MP3, relative to public/
    size: int
    sha256: str
    mtime_ns: int
    number: int
    duration: float
    post: dict[str, Any]
    segments: list[dict[str, Any]]
    timeline: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "audio_key": self.audio_key, "tags_key": self.tags_key,
            "file": self.file, "size": self.size, "sha256": self.sha256,
            "mtime_ns": self.mtime_ns, "number": self.number, "duration": self.duration,
            "post": self.post, "segments": self.segments, "timeline": self.timeline,
        }

    @classmethod
    def from_dict(cls, slug: str, d: dict[str, Any]) -> EpisodeRecord:
        return cls(slug=slug, **{k: d[k] for k in (
            "source", "audio_key", "tags_key", "file", "size", "sha256", "mtime_ns", "number",
            "duration", "post", "segments", "timeline")})


@dataclass
class Manifest:
    """Published episodes by slug."""

    episodes: dict[str, EpisodeRecord] = field(default_factory=dict)

    def to_bytes(self) -> bytes:
        """Compact JSON, one episode per line (quick to write, readable in a diff)."""
        lines = [f'{{"version": {MANIFEST_VERSION}, "episodes": {{']
        slugs = sorted(self.episodes)
        for n, slug in enumerate(slugs):
            entry = json.dumps(self.episodes[slug].to_dict(), ensure_ascii=False,
                               sort_keys=True, separators=(",", ":"))
            comma = "," if n < len(slugs) - 1 else ""
            lines.append(f"{json.dumps(slug, ensure_ascii=False)}: {entry}{comma}")
        lines.append("}}")
        return ("\n".join(lines) + "\n").encode("utf-8")


def manifest_path(public_dir: Path) -> Path:
    return Path(public_dir) / MANIFEST_NAME


def load_manifest(path: Path) -> Manifest:
    """The manifest at ``path``; an empty one if it is missing, unreadable or of another version.

    An empty manifest only costs time: every episode is rebuilt, and outputs that come out
    byte-identical are left in place.
    """
    path = Path(path)
    try:
        data = parse_json(path.read_bytes())
    except FileNotFoundError:
        return Manifest()
    except (OSError, ValueError) as exc:
        log.warning("%s: unreadable build manifest (%s); rebuilding every episode", path, exc)
        return Manifest()
    if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION:
        log.warning("%s: build manifest of another version; rebuilding every episode", path)
        return Manifest()
    try:
        episodes = {slug: EpisodeRecord.from_dict(slug, d)
                    for slug, d in data.get("episodes", {}).items()}
    except (KeyError, TypeError, AttributeError) as exc:
        log.warning("%s: malformed build manifest (%s); rebuilding every episode", path, exc)
        return Manifest()
    return Manifest(episodes)


# --- encoded audio kept in the cache ----------------------------------------------------


class AudioStore:
    """Encoded episode audio (the MP3 before tagging) and its timeline, by audio key.

    Kept under ``.podcaster-cache/episodes/`` so that a build starting from an empty
    ``public/`` (a CI run that restores only the cache) tags and publishes the stored audio
    instead of assembling and encoding every episode again. The timeline may carry the
    waveform's ``"peaks"`` (``podcaster.publish.waveform``), so they need no decoding either.
    """

    def __init__(self, root: Path):
        self.root = Path(root)

    def _paths(self, key: str) -> tuple[Path, Path]:
        folder = self.root / key[:2]
        return folder / f"{key}.mp3", folder / f"{key}.json"

    def get(self, key: str) -> tuple[Path, dict[str, Any]] | None:
        """The stored MP3 and timeline (as ``timeline_to_dict`` gives it) for ``key``.

        None when absent; an entry whose MP3 does not match the size and digest stored with
        it (cut off, changed on disk) is deleted with a warning, so the audio is made again.
        """
        mp3, meta = self._paths(key)
        try:
            data = parse_json(meta.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            return self._discard(key, f"unreadable: {exc}")
        try:
            if mp3.stat().st_size != data["size"] or file_sha256(mp3) != data["sha256"]:
                return self._discard(key, "the MP3 does not match its recorded size and digest")
            return mp3, data["timeline"]
        except (OSError, KeyError, TypeError) as exc:
            return self._discard(key, f"incomplete: {exc}")

    def peaks(self, key: str) -> object:
        """The waveform peaks stored with ``key``'s audio as they are (check them with
        ``waveform.valid_peaks``), or None. Reads the timeline only, not the MP3."""
        try:
            return parse_json(self._paths(key)[1].read_bytes())["timeline"].get("peaks")
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def _discard(self, key: str, why: str) -> None:
        mp3, meta = self._paths(key)
        log.warning("discarding damaged stored audio %s (%s); encoding it again", mp3, why)
        for path in (meta, mp3):
            with contextlib.suppress(OSError):
                path.unlink()
        return None

    def put(self, key: str, mp3: Path, timeline: dict[str, Any]) -> None:
        """Store a copy of ``mp3`` (untagged) with its timeline; the JSON goes in last."""
        dest, meta = self._paths(key)
        copy_atomic(mp3, dest)
        write_atomic(meta, json.dumps({"size": dest.stat().st_size, "sha256": file_sha256(dest),
                                       "timeline": timeline}, ensure_ascii=False).encode("utf-8"))

    def keep_peaks(self, key: str, peaks: list[int]) -> None:
        """Add the waveform ``peaks`` to what is stored for ``key`` (which had none, or
        unusable ones), so the next restore needs no decoding. A failure is a warning: the
        peaks are only decoded again."""
        meta = self._paths(key)[1]
        try:
            data = parse_json(meta.read_bytes())
            data["timeline"]["peaks"] = peaks
            write_atomic(meta, json.dumps(data, ensure_ascii=False).encode("utf-8"))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("%s: cannot keep the waveform with the stored audio: %s", meta, exc)

    def prune(self, keep: set[str]) -> int:
        """Delete the audio of every key not in ``keep``; return how many were deleted."""
        if not self.root.is_dir():
            return 0
        removed = 0
        for path in self.root.glob("*/*"):
            if path.name.startswith("."):  # left by a killed build (the caller holds the lock)
                path.unlink(missing_ok=True)
            elif path.stem not in keep and path.suffix in (".mp3", ".json"):
                path.unlink(missing_ok=True)
                removed += path.suffix == ".mp3"
        return removed


# --- keys -------------------------------------------------------------------------------


def digest(data: Any) -> str:
    """sha256 of a JSON-able value (keys sorted, so equal values give equal digests)."""
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class FileDigests:
    """sha256 of input files (sounds, cover), each read once per build."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, int, int], str] = {}

    def __call__(self, path: Path) -> str:
        st = os.stat(path)
        key = (os.fspath(path), st.st_size, st.st_mtime_ns)
        if key not in self._seen:
            self._seen[key] = file_sha256(path)
        return self._seen[key]


def output_intact(record: EpisodeRecord, public_dir: Path) -> bool:
    """Whether the MP3 the record lists is still the one the build wrote.

    Size and mtime decide when they match; otherwise (a restored or copied ``public/``) the
    file's digest does.
    """
    path = Path(public_dir) / record.file
    try:
        st = path.stat()
    except OSError:
        return False
    if st.st_size != record.size:
        return False
    if st.st_mtime_ns == record.mtime_ns:
        return True
    return file_sha256(path) == record.sha256


# --- (de)serialisation of episodes ------------------------------------------------------


def relative_path(path: Path | None, base: Path) -> str | None:
    """``path`` relative to ``base`` (POSIX form) when inside it, else as given."""
    if path is None:
        return None
    return _relative(os.fspath(path), os.fspath(base))


@functools.lru_cache(maxsize=4096)
def _relative(path: str, base: str) -> str:
    try:
        return Path(path).relative_to(base).as_posix()
    except ValueError:
        pass
    try:  # the same place reached through a symbolic link or a relative path
        return Path(path).resolve().relative_to(Path(base).resolve()).as_posix()
    except ValueError:
        return path


def _abs(text: str | None, base: Path) -> Path | None:
    if text is None:
        return None
    path = Path(text)
    return path if path.is_absolute() else Path(base) / path


def source_from_dict(d: dict | None) -> Source | None:
    if d is None:
        return None
    return Source(n=d["n"], title=d["title"], outlet=d.get("outlet"), url=d.get("url"))


def post_to_dict(post: Post, project_dir: Path) -> dict[str, Any]:
    """Post metadata and text, without the raw file bytes."""
    return {
        "path": relative_path(post.path, project_dir),
        "title": post.title,
        "date": post.date.isoformat(),
        "slug": post.slug,
        "draft": post.draft,
        "description": post.description,
        "blocks": [{"text": b.text, "quoted": b.quoted} for b in post.blocks],
        "sources": [s.to_dict() for s in post.sources],
    }


def post_from_dict(d: dict[str, Any], project_dir: Path) -> Post:
    return Post(
        path=_abs(d["path"], project_dir),
        title=d["title"],
        date=dt.date.fromisoformat(d["date"]),
        slug=d["slug"],
        blocks=[Block(b["text"], b.get("quoted", False)) for b in d.get("blocks", [])],
        sources=[source_from_dict(s) for s in d.get("sources", [])],
        draft=d.get("draft", False),
        description=d.get("description"),
    )


def segment_from_dict(d: dict[str, Any]) -> Segment:
    return Segment(kind=d["kind"], title=d["title"], paragraphs=list(d["paragraphs"]),
                   source=source_from_dict(d.get("source")))


def cue_to_dict(cue: Cue, project_dir: Path) -> dict[str, Any]:
    return {
        "kind": cue.kind, "text": cue.text, "spoken": cue.spoken,
        "sound": relative_path(cue.sound, project_dir), "segment": cue.segment,
        "paragraph": cue.paragraph, "pause_after": cue.pause_after,
    }


def cue_from_dict(d: dict[str, Any], project_dir: Path) -> Cue:
    return Cue(kind=d["kind"], text=d.get("text", ""), spoken=d.get("spoken", ""),
               sound=_abs(d.get("sound"), project_dir), segment=d.get("segment"),
               paragraph=d.get("paragraph"), pause_after=d.get("pause_after", 0.0))


def timeline_to_dict(timeline: Timeline, project_dir: Path) -> dict[str, Any]:
    return {
        "duration": timeline.duration,
        "cues": [{**cue_to_dict(t.cue, project_dir), "start": t.start, "end": t.end}
                 for t in timeline.cues],
        "segments": [
            {"index": s.index, "kind": s.kind, "title": s.title, "start": s.start,
             "end": s.end, "source": s.source.to_dict() if s.source else None}
            for s in timeline.segments
        ],
    }


def timeline_from_dict(d: dict[str, Any], project_dir: Path) -> Timeline:
    return Timeline(
        cues=[TimedCue(cue_from_dict(c, project_dir), c["start"], c["end"]) for c in d["cues"]],
        segments=[SegmentSpan(s["index"], s["kind"], s["title"], s["start"], s["end"],
                              source_from_dict(s.get("source"))) for s in d["segments"]],
        duration=d["duration"],
    )


def timeline_with_times(d: dict[str, Any], cues: list[Cue],
                        segments: list[Segment]) -> Timeline:
    """The timeline of ``cues`` and ``segments`` placed at the times stored in ``d``.

    For an episode whose audio is unchanged (same spoken script, so the same cues in the same
    order): what the author wrote and the segments' titles and sources come from the post as
    it is now, the times from the audio as it was built.
    """
    if len(d["cues"]) != len(cues):
        raise ValueError("the stored timeline has another number of cues")
    return Timeline(
        cues=[TimedCue(cue, t["start"], t["end"]) for cue, t in zip(cues, d["cues"])],
        segments=[SegmentSpan(s["index"], segments[s["index"]].kind,
                              segments[s["index"]].title, s["start"], s["end"],
                              segments[s["index"]].source) for s in d["segments"]],
        duration=d["duration"],
    )


def episode_record(episode: Episode, *, audio_key: str, tags_key: str, sha256: str,
                   mtime_ns: int, public_dir: Path, project_dir: Path) -> EpisodeRecord:
    """The manifest entry for a published episode."""
    return EpisodeRecord(
        slug=episode.post.slug,
        source=relative_path(episode.post.path, project_dir),
        audio_key=audio_key,
        tags_key=tags_key,
        file=relative_path(episode.audio_path, public_dir),
        size=episode.size,
        sha256=sha256,
        mtime_ns=mtime_ns,
        number=episode.number,
        duration=episode.duration,
        post=post_to_dict(episode.post, project_dir),
        segments=[s.to_dict() for s in episode.segments],
        timeline=timeline_to_dict(episode.timeline, project_dir),
    )


def episode_from_record(record: EpisodeRecord, public_dir: Path, project_dir: Path) -> Episode:
    """The ``Episode`` a record describes (its post has no raw bytes)."""
    return Episode(
        post=post_from_dict(record.post, project_dir),
        segments=[segment_from_dict(s) for s in record.segments],
        number=record.number,
        audio_path=Path(public_dir) / record.file,
        size=record.size,
        duration=record.duration,
        timeline=timeline_from_dict(record.timeline, project_dir),
    )
