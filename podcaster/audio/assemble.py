"""Clips + music → one MP3, and the timeline saying when every cue and segment plays.

Pass one loads each cue's audio in script order, places it on the timeline and measures its
loudness; pass two renders the mix with the resulting gains and streams it to the encoder.
Neither pass holds more than the sounds playing at one moment.
"""

from __future__ import annotations

import logging
import math
from functools import lru_cache
from pathlib import Path

import numpy as np

from podcaster.audio.limiter import limit_to_ratio
from podcaster.audio.loudness import EnergyBins, db_to_gain, integrated_loudness, k_filter
from podcaster.audio.mix import (
    MUSIC_REFERENCE,
    apply_envelope,
    before_encoder,
    encode,
    mix_gains,
    peak_ratio,
    render,
)
from podcaster.audio.settings import AudioSettings
from podcaster.audio.sources import load_clip, load_sound, resample, resampled_length
from podcaster.audio.timeline import Event, Placer, make_timeline, segment_spans
from podcaster.errors import AudioError
from podcaster.model import Clip, Cue, Segment, Timeline

__all__ = ["AudioSettings", "assemble_episode", "segment_spans"]

log = logging.getLogger(__name__)


# Limited clips kept from the first pass for the second, up to this many bytes per episode
# (about three minutes of speech at 22 kHz): short episodes limit each clip once, and a long
# one stays within its memory bound.
KEEP_BYTES = 16 << 20


class Sounds:
    """Each cue's audio, ready to mix.

    Music files are decoded once and levelled to MUSIC_REFERENCE, so one gain sets all music
    against the speech. Every sound has its peaks capped relative to its own loudness
    (see limiter.py), before it is measured.
    """

    def __init__(self, cues: list[Cue], clips: list[Clip | None], settings: AudioSettings):
        self.cues = cues
        self.clips = clips
        self.rate = settings.sample_rate
        self.ratio = peak_ratio(settings)
        self._levels: dict[int, float] = {}
        self._filtered: dict[int, np.ndarray] = {}
        self._kept: dict[int, tuple[np.ndarray, int]] = {}  # for pass two, see KEEP_BYTES
        self._kept_bytes = 0

    def native(self, index: int) -> tuple[np.ndarray, int]:
        """Cue ``index``'s audio, peaks capped, at its own rate: (samples, rate).

        Clips are limited and measured at the engine's rate (often half the episode's,
        so half the work) and resampled only to be mixed.
        """
        cue = self.cues[index]
        if cue.is_sound:
            return self._sound(Path(cue.sound)), self.rate
        clip = self.clips[index]
        if clip is None:
            raise AudioError(f"no synthesised clip for {cue.kind} cue {cue.text[:40]!r}")
        kept = self._kept.pop(index, None)
        if kept is not None:
            return kept
        samples, rate = load_clip(clip.path)
        if index in self._levels:
            return limit_to_ratio(samples, self._levels[index], self.ratio, rate), rate
        filtered = k_filter(samples, rate)
        self._levels[index] = integrated_loudness(samples, rate, filtered)
        limited = limit_to_ratio(samples, self._levels[index], self.ratio, rate)
        if limited is samples:  # the same sound: its K-weighting serves the mix's measure too
            self._filtered[index] = filtered
        if self._kept_bytes + limited.nbytes <= KEEP_BYTES:  # spares pass two the limiter
            self._kept[index] = (limited, rate)
            self._kept_bytes += limited.nbytes
        return limited, rate

    def filtered(self, index: int) -> np.ndarray | None:
        """The K-weighted clip ``native(index)`` gave, if it had it (once: then forgotten)."""
        return self._filtered.pop(index, None)

    def get(self, index: int) -> np.ndarray:
        """Cue ``index``'s audio at the episode's rate, before envelopes and mix gains."""
        samples, rate = self.native(index)
        return resample(samples, rate, self.rate)

    def _sound(self, path: Path) -> np.ndarray:
        try:
            st = path.stat()
        except OSError as exc:
            raise AudioError(f"{path}: cannot read: {exc.strerror}") from None
        return levelled_music(path, st.st_mtime_ns, st.st_size, self.rate, self.ratio)

    def event(self, event: Event, samples: np.ndarray | None = None) -> np.ndarray:
        """The ``event.length`` samples ``event`` plays, envelope applied, before the mix
        gains."""
        if samples is None:
            samples = self.get(event.cue)
        if len(samples) < event.length:  # resampling rounded the other way: one sample
            samples = np.concatenate([samples, np.zeros(event.length - len(samples), np.float32)])
        return apply_envelope(samples[: event.length], event.envelope)


@lru_cache(maxsize=16)
def levelled_music(path: Path, mtime_ns: int, size: int, rate: int, ratio: float) -> np.ndarray:
    """A music file decoded at ``rate``, levelled to MUSIC_REFERENCE and peak-capped.

    Kept for the process's later episodes (a build's episodes share their intro, stings and
    outro), by the file's path, modification time and size. Read-only.
    """
    audio = load_sound(path, rate)
    loudness = integrated_loudness(audio, rate)
    if math.isfinite(loudness):
        audio = audio * np.float32(db_to_gain(MUSIC_REFERENCE - loudness))
        audio = limit_to_ratio(audio, MUSIC_REFERENCE, ratio, rate)
    log.debug("%s: %.1f LUFS", path.name, loudness)
    audio = audio.astype(np.float32, copy=False)
    audio.flags.writeable = False
    return audio


def assemble_episode(cues: list[Cue], clips: list[Clip | None], segments: list[Segment],
                     out_path: Path, settings: AudioSettings,
                     copy: tuple[Path, int] | None = None) -> Timeline:
    """Write the episode MP3 to ``out_path``; return its timeline. Raises AudioError.

    ``copy`` = (path, rate): also write the encoded audio as 16-bit mono PCM at ``rate`` Hz
    to ``path`` (see ``mix.encode``)."""
    rate = settings.sample_rate
    sounds = Sounds(cues, clips, settings)
    placer = Placer(rate, settings)
    bins = EnergyBins(rate)
    for index, cue in enumerate(cues):
        native, native_rate = sounds.native(index)
        event = placer.add(index, cue, resampled_length(len(native), native_rate, rate))
        if native_rate == rate:
            bins.add(event.group, event.start, sounds.event(event, native))
        else:  # a clip: measured as it is, resampled only for the mix
            bins.add(event.group, event.start, native, native_rate, sounds.filtered(index))
    events, total = placer.events, placer.total
    if total == 0:
        raise AudioError(f"{out_path}: the episode has no audio")
    mixing = before_encoder(settings)
    gains = mix_gains(bins, total, mixing)
    log.info("encoding %s (%.1f s)", out_path.name, total / rate)
    encode(render(events, sounds.event, gains, total), out_path, mixing, copy)
    return make_timeline(cues, events, segments, total, rate)
