"""The sounds an episode is made of, as float32 mono arrays at the episode's sample rate.

Speech clips are the synthesiser's WAV files: trimmed of the engine's leading and trailing
silence (so pauses are the script's, whatever the engine) and resampled with soxr. Music
(intro, stings, outro) is decoded once per episode with ffmpeg, at most its first
MAX_MUSIC_SECONDS: a longer file is cut there (with a warning and a short fade), so that
memory stays bounded whatever the file's length. Nothing here changes speed or pitch:
resampling keeps the clip's duration.
"""

from __future__ import annotations

import logging
import wave
from pathlib import Path

import numpy as np

from podcaster import ffmpeg
from podcaster.errors import AudioError

log = logging.getLogger(__name__)

SILENCE_DB = -50.0  # samples below this (dBFS) at a clip's edges count as silence
EDGE = 0.015  # seconds kept before the first and after the last sound of a clip
# The most of a music file used: intros, stings and outros are beds of seconds to a song's
# length. Decoding and levelling take about 150 MB a minute, so a two-hour file decoded whole
# took some 20 GB; cut here, any file costs at most about 1 GB.
MAX_MUSIC_SECONDS = 300.0
CUT_FADE = 2.0  # seconds over which music cut at MAX_MUSIC_SECONDS fades out


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    """Samples (float32, mono, -1..1) and rate of a 16-bit PCM WAV file."""
    try:
        with wave.open(str(path), "rb") as w:
            if w.getsampwidth() != 2:
                raise AudioError(f"{path}: expected 16-bit PCM, got {8 * w.getsampwidth()}-bit")
            channels, rate = w.getnchannels(), w.getframerate()
            data = w.readframes(w.getnframes())
    except (OSError, EOFError, wave.Error) as exc:
        raise AudioError(f"{path}: cannot read clip: {exc}") from None
    samples = np.frombuffer(data, dtype="<i2").astype(np.float32) / 32768.0
    if channels > 1:
        samples = samples.reshape(-1, channels).mean(axis=1, dtype=np.float32)
    return samples, rate


def trim_silence(samples: np.ndarray, rate: int, threshold_db: float = SILENCE_DB,
                 edge: float = EDGE) -> np.ndarray:
    """``samples`` without leading and trailing silence, keeping ``edge`` seconds of it."""
    loud = np.flatnonzero(np.abs(samples) > 10 ** (threshold_db / 20))
    if len(loud) == 0:
        return samples[:0]
    keep = round(edge * rate)
    return samples[max(0, loud[0] - keep): loud[-1] + 1 + keep]


def resample(samples: np.ndarray, rate: int, target: int) -> np.ndarray:
    """``samples`` at ``target`` Hz (soxr, high quality); same duration, same pitch."""
    if rate == target or len(samples) == 0:
        return samples
    import soxr

    return soxr.resample(samples, rate, target, quality="HQ").astype(np.float32, copy=False)


def resampled_length(length: int, rate: int, target: int) -> int:
    """How many samples ``length`` samples at ``rate`` become at ``target`` (soxr may differ
    by one where the exact figure ends in .5)."""
    return length if rate == target else round(length * target / rate)


def load_clip(path: Path) -> tuple[np.ndarray, int]:
    """A speech clip trimmed of its silent edges, at its own rate: (samples, rate)."""
    samples, rate = read_wav(path)
    return trim_silence(samples, rate), rate


def load_sound(path: Path, rate: int, limit: float = MAX_MUSIC_SECONDS) -> np.ndarray:
    """Any audio file (intro, sting, outro music) decoded to mono float32 at ``rate`` Hz: at
    most its first ``limit`` seconds (a longer file is cut there, fading out, with a
    warning naming it)."""
    most = round(limit * rate)
    # a second more than is used, to tell a file that is longer from one that just fits
    pcm = ffmpeg.decode_pcm(Path(path), rate, 1, sample_format="f32le", seconds=limit + 1)
    if not pcm:
        raise AudioError(f"{path}: no audio in this file")
    samples = np.frombuffer(pcm, dtype="<f4")
    if len(samples) <= most:
        return samples
    log.warning("%s: longer than %g minutes; only its first %g minutes are played (with a "
                "fade at the cut)", path, limit / 60, limit / 60)
    fade = min(most, round(CUT_FADE * rate))
    cut = samples[:most].copy()
    cut[most - fade:] *= np.linspace(1.0, 0.0, fade, dtype=np.float32)
    return cut
