"""The one place podcaster runs ffmpeg (the binary that imageio-ffmpeg ships)."""

from __future__ import annotations

import logging
import re
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
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


def feed(args: list[str], chunks: Iterable[bytes], *, what: str = "ffmpeg") -> None:
    """Run ffmpeg reading ``pipe:0`` and write ``chunks`` to it as they come.

    The data is never held whole, so memory stays bounded however long the stream is.
    Raises AudioError with ffmpeg's last line if it fails (or stops reading).
    """
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", *args]
    log.debug("ffmpeg %s", " ".join(args))
    # stderr goes to a file: a pipe nobody reads could fill up and stall ffmpeg.
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                stderr=err)
        _widen_pipe(proc.stdin)
        try:
            for chunk in chunks:
                proc.stdin.write(chunk)
            proc.stdin.close()
        except BrokenPipeError:
            pass  # ffmpeg stopped early; its exit code and stderr say why
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        code = proc.wait()
        if code != 0:
            err.seek(0)
            lines = err.read().decode("utf-8", "replace").strip().splitlines()
            raise AudioError(f"{what}: ffmpeg failed: {lines[-1] if lines else f'exit code {code}'}")


PIPE_SIZE = 1 << 20  # bytes: Linux's default limit for an unprivileged process


def _widen_pipe(pipe) -> None:
    """Let the pipe to ffmpeg hold a whole block or more (Linux), so that the next block is
    made while ffmpeg encodes this one, instead of each waiting for the other."""
    try:
        import fcntl

        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, PIPE_SIZE)
    except (ImportError, AttributeError, OSError):
        pass  # another system, or a lower limit: the default pipe works, only slower


def run_stderr(args: list[str], *, what: str = "ffmpeg") -> str:
    """Run ffmpeg for its analysis output (filters that report on stderr); return stderr."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", *args]
    proc = subprocess.run(cmd, capture_output=True)
    text = proc.stderr.decode("utf-8", "replace")
    if proc.returncode != 0:
        last = text.strip().splitlines()[-1] if text.strip() else str(proc.returncode)
        raise AudioError(f"{what}: ffmpeg failed: {last}")
    return text


def decode_pcm(source: Path | bytes, rate: int, channels: int = 1, *, what: str = "",
               sample_format: str = "s16le", seconds: float | None = None) -> bytes:
    """Decode any audio file (path or bytes) to raw PCM: signed 16-bit little-endian by
    default, or ``sample_format="f32le"`` for 32-bit floats; with ``seconds``, only the
    first that many seconds (ffmpeg stops reading there)."""
    if isinstance(source, (bytes, bytearray)):
        args = ["-i", "pipe:0"]
        data = bytes(source)
    else:
        args = ["-i", str(source)]
        data = None
    codec = {"s16le": "pcm_s16le", "f32le": "pcm_f32le"}[sample_format]
    args += ["-vn", "-ac", str(channels), "-ar", str(rate), "-f", sample_format, "-acodec", codec]
    if seconds is not None:
        args += ["-t", f"{seconds:.6f}"]
    args.append("pipe:1")
    return run(args, input=data, what=what or ("audio data" if data is not None else str(source)))


def duration(path: Path) -> float:
    """Duration of an audio file in seconds, measured by decoding it."""
    pcm = decode_pcm(path, 8000, 1, what=str(path))
    return len(pcm) / 2 / 8000


@dataclass(frozen=True)
class Loudness:
    """ffmpeg's ebur128 summary of a file."""

    integrated: float  # LUFS
    true_peak: float  # dBTP
    lra: float  # LU


def measure_loudness(path: Path) -> Loudness:
    """Integrated loudness, true peak and loudness range of an audio file (ffmpeg ebur128).

    Raises AudioError if ffmpeg fails or prints no summary.
    """
    text = run_stderr(["-nostats", "-i", str(path), "-vn", "-af",
                       "ebur128=peak=true:framelog=quiet", "-f", "null", "-"], what=str(path))
    summary = text[text.rfind("Summary:"):]
    found = {}
    for key, pattern in (("integrated", r"I:\s+(-?[\d.]+|-inf) LUFS"),
                         ("lra", r"LRA:\s+(-?[\d.]+) LU"),
                         ("true_peak", r"Peak:\s+(-?[\d.]+|-inf) dBFS")):
        m = re.search(pattern, summary)
        if not m:
            raise AudioError(f"{path}: no loudness summary from ffmpeg")
        found[key] = float(m.group(1))
    return Loudness(**found)
