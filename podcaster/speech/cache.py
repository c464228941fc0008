"""Content-addressed store of synthesised clips under ``.podcaster-cache/``.

A clip's key hashes the engine, the engine's settings for the voice (voice, rate, tempo...),
the normalised text and the cache format version, so the same sentence spoken the same way
is stored once and shared by every post and build. Clips are 16-bit mono WAV files written
to a temporary name and renamed into place: a cache restored in CI (e.g. ``actions/cache``)
or shared by parallel builds never holds a half-written clip, and nothing but the clip
files matters (no index to keep in step).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import time
import wave
from dataclasses import dataclass
from pathlib import Path

from podcaster.errors import OutputError
from podcaster.files import atomic_file

log = logging.getLogger(__name__)

# Bump when the clip format or the meaning of settings changes: old clips are then unused
# (and removed by ``podcaster cache prune``).
CACHE_VERSION = 2
STALE_TEMP_SECONDS = 3600  # temporary files older than this are leftovers of a killed build


def clip_key(engine: str, settings: dict, text: str) -> str:
    """Hex digest naming the clip of ``text`` spoken by ``engine`` with ``settings``."""
    blob = json.dumps(
        {"v": CACHE_VERSION, "engine": engine, "settings": settings, "text": text},
        sort_keys=True, ensure_ascii=False,
    )
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass
class CacheInfo:
    path: Path
    clips: int
    size: int  # bytes


@dataclass
class PruneResult:
    removed: int
    freed: int  # bytes
    kept: int


class ClipCache:
    """Clips stored as ``<root>/clips/<key[:2]>/<key>.wav``."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def path(self, key: str) -> Path:
        return self.root / "clips" / key[:2] / f"{key}.wav"

    def get(self, key: str) -> tuple[Path, float] | None:
        """The cached clip's path and duration (seconds), or None if missing.

        A damaged clip (not a 16-bit mono WAV, or shorter than its header says, as a copy
        cut off by a full disk leaves it) is deleted with a warning, so it is synthesised
        again. Raises OutputError when a folder stands where the clip belongs.
        """
        path = self.path(key)
        try:
            with open(path, "rb") as fh, wave.open(fh, "rb") as w:
                if w.getnchannels() != 1 or w.getsampwidth() != 2 or w.getframerate() <= 0:
                    raise wave.Error("not 16-bit mono")
                frames = w.getnframes()
                # wave leaves the file at the start of the samples
                if os.fstat(fh.fileno()).st_size < fh.tell() + frames * 2:
                    raise wave.Error(f"cut off: shorter than the {frames} samples its header "
                                     "announces")
                return path, frames / w.getframerate()
        except FileNotFoundError:
            return None
        except IsADirectoryError:
            raise OutputError(f"{path}: is a folder, where a cached clip belongs; "
                              "remove it") from None
        except (wave.Error, EOFError, OSError) as exc:
            log.warning("discarding damaged cached clip %s (%s); synthesising it again",
                        path, exc)
            with contextlib.suppress(OSError):
                path.unlink()
            return None

    def put(self, key: str, pcm: bytes, rate: int) -> Path:
        """Store mono 16-bit PCM as a WAV clip atomically; return its path."""
        path = self.path(key)
        if not self.root.is_dir():
            self._create()
        # the ".tmp-" prefix is what prune recognises as a killed build's leftover
        with atomic_file(path, prefix=".tmp-", suffix=".wav") as fh:
            with wave.open(fh, "wb") as w:
                w.setnchannels(1)
                w.setsampwidth(2)
                w.setframerate(rate)
                w.writeframes(pcm)
        return path

    def _create(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        # Keep the cache out of git and out of backups.
        (self.root / ".gitignore").write_text("# made by podcaster\n*\n", encoding="utf-8")
        (self.root / "CACHEDIR.TAG").write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n"
            "# This folder holds podcaster's synthesised clips; it can be rebuilt.\n",
            encoding="utf-8")

    def _clip_files(self) -> list[Path]:
        clips = self.root / "clips"
        if not clips.is_dir():
            return []
        return [p for p in clips.glob("*/*.wav") if not p.name.startswith(".")]

    def keys(self) -> set[str]:
        return {p.stem for p in self._clip_files()}

    def info(self) -> CacheInfo:
        """How many clips the cache holds and their total size."""
        files = self._clip_files()
        return CacheInfo(self.root, len(files), sum(p.stat().st_size for p in files))

    def prune(self, keep: set[str], dry_run: bool = False) -> PruneResult:
        """Remove every clip whose key is not in ``keep`` (and stale temporary files)."""
        removed = freed = kept = 0
        for path in self._clip_files():
            if path.stem in keep:
                kept += 1
                continue
            removed += 1
            freed += path.stat().st_size
            if not dry_run:
                path.unlink(missing_ok=True)
        if not dry_run:
            self._remove_leftovers()
        return PruneResult(removed, freed, kept)

    def _remove_leftovers(self) -> None:
        clips = self.root / "clips"
        if not clips.is_dir():
            return
        old = time.time() - STALE_TEMP_SECONDS
        for tmp in clips.glob("*/.tmp-*"):
            try:
                if tmp.stat().st_mtime < old:
                    tmp.unlink()
            except FileNotFoundError:
                pass
        for folder in clips.iterdir():
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
