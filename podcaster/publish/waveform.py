"""The episode's waveform for its page: peaks of its audio, kept beside the MP3 as
``<slug>.peaks.json`` and drawn by the page as an inline SVG (no script needed to see it,
none loaded from elsewhere).

An episode assembled by the build gets its peaks from a low-rate copy of what its encoder
encoded (written by the same ffmpeg, at the level the MP3 plays), kept with the audio in the
cache; re-tagging keeps them. Only an MP3 whose peaks are known nowhere is decoded, and
only when it is newer than the peaks file or its size changed: an unchanged rebuild decodes
nothing.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from podcaster import ffmpeg
from podcaster.files import parse_json, write_atomic
from podcaster.model import Episode

if TYPE_CHECKING:
    import numpy as np

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
    return [_peak(samples[start:end]) for start, end in _stretches(samples.size, count)]


def _stretches(size: int, count: int) -> list[tuple[int, int]]:
    """``count`` equal stretches of ``size`` samples (at least one sample each), as
    (start, end)."""
    import numpy as np  # here: a build that decodes no episode does not load numpy

    edges = np.linspace(0, size, count + 1).astype(int)
    return [(int(start), max(int(end), int(start) + 1)) for start, end in zip(edges[:-1], edges[1:])]


def _peak(part: np.ndarray) -> int:
    """The loudest sample of ``part`` on the 0-100 square-root scale (its largest
    magnitude, found without an int32 copy of the episode)."""
    top = max(int(part.max()), -int(part.min()))
    return round(100 * (min(top, 32767) / 32767) ** 0.5)


def pcm_peaks(path: Path, count: int = PEAK_COUNT) -> list[int]:
    """``compute_peaks`` of a file of 16-bit mono PCM (what the encoder wrote beside the MP3
    it made, see ``podcaster.audio.mix.encode``), read a stretch at a time: an hour's copy
    is never in memory whole."""
    import numpy as np

    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size // 2
        if size == 0:
            return [0] * count
        peaks = []
        for start, end in _stretches(size, count):
            fh.seek(2 * start)
            peaks.append(_peak(np.frombuffer(fh.read(2 * (end - start)), dtype="<i2")))
    return peaks


def peaks_json(episode: Episode, peaks: list[int]) -> bytes:
    doc = {"version": PEAKS_VERSION, "duration": round(episode.duration, 3),
           "audio": episode.audio_path.name, "bytes": episode.size, "peaks": peaks}
    return (json.dumps(doc, separators=(",", ":")) + "\n").encode("utf-8")


def render_peaks(episode: Episode, mp3: Path,
                 stored: Callable[[str], object] | None = None) -> bytes:
    """The content of ``<slug>.peaks.json`` for the episode, whose MP3 is at ``mp3`` (in
    staging until the commit puts it in place): the published file's when it was made from
    the same MP3 (named by its content), else from the peaks the build has (``episode.peaks``,
    or ``stored(slug)``: those kept with its audio), else computed by decoding ``mp3``.

    Raises AudioError naming the MP3 when it cannot be decoded.
    """
    try:
        data = peaks_path(episode).read_bytes()
        if _made_for(parse_json(data), episode):
            return data
    except (OSError, ValueError):
        pass
    peaks = episode.peaks
    if peaks is None and stored is not None:
        peaks = valid_peaks(stored(episode.post.slug))
    if peaks is None:
        peaks = mp3_peaks(mp3, episode.audio_path)
    return peaks_json(episode, peaks)


def valid_peaks(value: object) -> list[int] | None:
    """``value`` if it is what ``compute_peaks`` gives (PEAK_COUNT whole numbers 0-100), as
    kept with stored audio or in a peaks file; else None."""
    if (isinstance(value, list) and len(value) == PEAK_COUNT
            and all(type(p) is int and 0 <= p <= 100 for p in value)):
        return value
    return None


def published_peaks(episode: Episode) -> list[int] | None:
    """The peaks in the peaks file beside the episode's MP3 if they were made for that very
    MP3 (its name, which is its content's, and its size); else None."""
    try:
        doc = parse_json(peaks_path(episode).read_bytes())
    except (OSError, ValueError):
        return None
    return doc["peaks"] if _made_for(doc, episode) else None


def _made_for(doc: object, episode: Episode) -> bool:
    """Whether ``doc`` (a peaks file's content) is of this version, for the episode's MP3 (its
    name, which is its content's, and its size) and holds a waveform."""
    return (isinstance(doc, dict) and doc.get("version") == PEAKS_VERSION
            and doc.get("audio") == episode.audio_path.name and doc.get("bytes") == episode.size
            and valid_peaks(doc.get("peaks")) is not None)


def mp3_peaks(mp3: Path, name: Path | None = None) -> list[int]:
    """The peaks of an MP3 (its tags do not matter), decoded with ffmpeg. Raises AudioError
    naming the file (``name``, if it is published under another) when it cannot be decoded."""
    import numpy as np

    pcm = ffmpeg.decode_pcm(mp3, DECODE_RATE, 1, what=str(name or mp3))
    return compute_peaks(np.frombuffer(pcm, dtype="<i2"))


def write_peaks(episode: Episode) -> bool:
    """Write ``<slug>.peaks.json`` beside the MP3 unless it is up to date. True if written.

    Raises AudioError naming the MP3 when it cannot be decoded.
    """
    path = peaks_path(episode)
    if _up_to_date(path, episode):
        return False
    peaks = episode.peaks if episode.peaks is not None else mp3_peaks(episode.audio_path)
    data = peaks_json(episode, peaks)
    written = write_atomic(path, data)
    if not written:
        os.utime(path)  # same peaks: mark them as checked against this MP3
    return written


def _up_to_date(path: Path, episode: Episode) -> bool:
    try:
        if path.stat().st_mtime_ns < episode.audio_path.stat().st_mtime_ns:
            return False
        doc = parse_json(path.read_bytes())
    except (OSError, ValueError):
        return False
    return (isinstance(doc, dict) and doc.get("version") == PEAKS_VERSION
            and doc.get("bytes") == episode.size and valid_peaks(doc.get("peaks")) is not None)


def read_waveform(episode: Episode, data: bytes | None = None) -> Waveform | None:
    """The episode's peaks from ``data`` (the content of a peaks file), by default from
    ``<slug>.peaks.json`` beside its MP3; None when there are none."""
    try:
        doc = parse_json(peaks_path(episode).read_bytes() if data is None else data)
        peaks = [max(0, min(100, int(p))) for p in doc["peaks"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return Waveform(peaks, episode.duration) if peaks else None


