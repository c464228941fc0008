"""The one place podcaster runs ffmpeg (the binary that imageio-ffmpeg ships)."""

from __future__ import annotations

import logging
import subprocess
from functools import lru_cache
from pathlib import Path

from podcaster.errors import AudioError

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def ffmpeg_exe() -> str:
    """Path of the ffmpeg binary shipped by imageio-ffmpeg."""
    try:
        import imageio_ffmpeg
    except ImportError:  # pragma: no cover
        raise AudioError("imageio-ffmpeg is not installed; pip install imageio-ffmpeg") from None
    try:
        return imageio_ffmpeg.get_ffmpeg_exe()
    except RuntimeError as exc:  # pragma: no cover
        raise AudioError(f"no ffmpeg binary found: {exc}") from None


def run(args: list[str], *, input: bytes | None = None, what: str = "ffmpeg") -> bytes:
    """Run ffmpeg with ``args``; return stdout. Raises AudioError with ffmpeg's last line."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", *args]
    log.debug("ffmpeg %s", " ".join(args))
    proc = subprocess.run(cmd, input=input, capture_output=True)
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        last = err[-1] if err else f"exit code {proc.returncode}"
        raise AudioError(f"{what}: ffmpeg failed: {last}")
    return proc.stdout


def run_stderr(args: list[str], *, what: str = "ffmpeg") -> str:
    """Run ffmpeg for its analysis output (filters that report on stderr); return stderr."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", *args]
    proc = subprocess.run(cmd, capture_output=True)
    text = proc.stderr.decode("utf-8", "replace")
    if proc.returncode != 0:
        last = text.strip().splitlines()[-1] if text.strip() else str(proc.returncode)
        raise AudioError(f"{what}: ffmpeg failed: {last}")
    return text


def decode_pcm(source: Path | bytes, rate: int, channels: int = 1, *, what: str = "") -> bytes:
    """Decode any audio file (path or bytes) to signed 16-bit little-endian PCM."""
    if isinstance(source, (bytes, bytearray)):
        args = ["-i", "pipe:0"]
        data = bytes(source)
    else:
        args = ["-i", str(source)]
        data = None
    args += ["-vn", "-ac", str(channels), "-ar", str(rate), "-f", "s16le", "-acodec", "pcm_s16le",
             "pipe:1"]
    return run(args, input=data, what=what or str(source)[:60])


def duration(path: Path) -> float:
    """Duration of an audio file in seconds, measured by decoding it."""
    pcm = decode_pcm(path, 8000, 1, what=str(path))
    return len(pcm) / 2 / 8000
