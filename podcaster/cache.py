"""Content-addressed store of synthesised clips under ``.podcaster-cache/``.

Key: engine, voice, engine settings, normalised text and the cache format version. Clips are
16-bit mono WAV files, written to a temporary name and renamed into place, so a cache
restored in CI or shared by parallel builds is never half-written.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import wave
from pathlib import Path

CACHE_VERSION = 1


def clip_key(engine: str, settings: dict, text: str) -> str:
    """Hex digest naming the clip of ``text`` spoken by ``engine`` with ``settings``."""
    blob = json.dumps(
        {"v": CACHE_VERSION, "engine": engine, "settings": settings, "text": text},
        sort_keys=True, ensure_ascii=False,
    )
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class ClipCache:
    """Clips stored as ``<root>/clips/<key[:2]>/<key>.wav``."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def path(self, key: str) -> Path:
        return self.root / "clips" / key[:2] / f"{key}.wav"

    def get(self, key: str) -> Path | None:
        path = self.path(key)
        return path if path.is_file() else None

    def put(self, key: str, pcm: bytes, rate: int) -> Path:
        """Store mono 16-bit PCM as a WAV clip atomically; return its path."""
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".wav", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                with wave.open(fh, "wb") as w:
                    w.setnchannels(1)
                    w.setsampwidth(2)
                    w.setframerate(rate)
                    w.writeframes(pcm)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path

    def keys(self) -> set[str]:
        clips = self.root / "clips"
        if not clips.is_dir():
            return set()
        return {p.stem for p in clips.glob("*/*.wav")}
