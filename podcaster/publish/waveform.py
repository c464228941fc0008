"""The episode's waveform for its page: peaks computed from the MP3 at build time, kept
beside it as ``<slug>.peaks.json`` and drawn by the page as an inline SVG (no script needed
to see it, none loaded from elsewhere).

Decoding an episode takes a moment, so the peaks are computed again only when the MP3 is
newer than the peaks file or its size changed; an unchanged rebuild decodes nothing.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from podcaster import ffmpeg
from podcaster.files import write_atomic
from podcaster.model import Episode

log = logging.getLogger(__name__)

PEAKS_SUFFIX = ".peaks.json"
PEAK_COUNT = 240  # bars across the page's width
DECODE_RATE = 4000  # Hz: enough for the outline of speech and music, little memory
PEAKS_VERSION = 1


@dataclass(frozen=True)
class Waveform:
    """Peaks (0-100, evenly spaced over ``duration`` seconds) of one episode."""

    peaks: list[int]
    duration: float


def peaks_path(episode: Episode) -> Path:
    return episode.audio_path.with_name(episode.post.slug + PEAKS_SUFFIX)


def compute_peaks(samples: np.ndarray, count: int = PEAK_COUNT) -> list[int]:
    """The loudest sample of each of ``count`` equal stretches of ``samples`` (16-bit PCM),
    on a square-root scale so that quiet speech still shows, as whole numbers 0-100."""
    if samples.size == 0:
        return [0] * count
    edges = np.linspace(0, samples.size, count + 1).astype(int)
    magnitude = np.abs(samples.astype(np.int32))
    peaks = []
    for start, end in zip(edges[:-1], edges[1:]):
        top = int(magnitude[start:max(end, start + 1)].max()) if start < samples.size else 0
        peaks.append(round(100 * (min(top, 32767) / 32767) ** 0.5))
    return peaks


def peaks_json(episode: Episode, peaks: list[int]) -> bytes:
    doc = {"version": PEAKS_VERSION, "duration": round(episode.duration, 3),
           "audio": episode.audio_path.name, "bytes": episode.size, "peaks": peaks}
    return (json.dumps(doc, separators=(",", ":")) + "\n").encode("utf-8")


def render_peaks(episode: Episode, mp3: Path) -> bytes:
    """The content of ``<slug>.peaks.json`` for the episode, whose MP3 is at ``mp3`` (in
    staging until the commit puts it in place): the published file's when it was made from
    the same MP3 (named by its content), else computed by decoding ``mp3``.

    Raises AudioError naming the MP3 when it cannot be decoded.
    """
    try:
        data = peaks_path(episode).read_bytes()
        doc = json.loads(data)
        if (isinstance(doc, dict) and doc.get("version") == PEAKS_VERSION
                and doc.get("audio") == episode.audio_path.name
                and doc.get("bytes") == episode.size):
            return data
    except (OSError, ValueError):
        pass
    pcm = ffmpeg.decode_pcm(mp3, DECODE_RATE, 1, what=str(episode.audio_path))
    return peaks_json(episode, compute_peaks(np.frombuffer(pcm, dtype="<i2")))


def write_peaks(episode: Episode) -> bool:
    """Write ``<slug>.peaks.json`` beside the MP3 unless it is up to date. True if written.

    Raises AudioError naming the MP3 when it cannot be decoded.
    """
    path = peaks_path(episode)
    if _up_to_date(path, episode):
        return False
    pcm = ffmpeg.decode_pcm(episode.audio_path, DECODE_RATE, 1, what=str(episode.audio_path))
    data = peaks_json(episode, compute_peaks(np.frombuffer(pcm, dtype="<i2")))
    written = write_atomic(path, data)
    if not written:
        os.utime(path)  # same peaks: mark them as checked against this MP3
    return written


def _up_to_date(path: Path, episode: Episode) -> bool:
    try:
        if path.stat().st_mtime_ns < episode.audio_path.stat().st_mtime_ns:
            return False
        doc = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return False
    return (isinstance(doc, dict) and doc.get("version") == PEAKS_VERSION
            and doc.get("bytes") == episode.size)


def read_waveform(episode: Episode, data: bytes | None = None) -> Waveform | None:
    """The episode's peaks from ``data`` (the content of a peaks file), by default from
    ``<slug>.peaks.json`` beside its MP3; None when there are none."""
    try:
        doc = json.loads(peaks_path(episode).read_bytes() if data is None else data)
        peaks = [max(0, min(100, int(p))) for p in doc["peaks"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return Waveform(peaks, episode.duration) if peaks else None


