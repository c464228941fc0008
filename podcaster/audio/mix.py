"""Levels, mixing and encoding: measured gains in, a loudness-normalised MP3 out.

Two passes over the placed events. The first (in ``assemble_episode``) measures the
loudness of each speech kind and of the music; ``mix_gains`` turns that into one linear
gain per group. The second renders the mix block by block and streams it through a
true-peak-safe limiter into LAME, so memory stays bounded for any episode length.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from podcaster import ffmpeg
from podcaster.audio.lametag import mark_cbr
from podcaster.audio.loudness import EnergyBins, db_to_gain
from podcaster.audio.settings import AudioSettings
from podcaster.audio.timeline import MUSIC, Event
from podcaster.errors import AudioError

log = logging.getLogger(__name__)

MUSIC_REFERENCE = -23.0  # LUFS every music file is brought to before the music gain
MAX_LEVELLING = 6.0  # dB a speech kind may be moved towards the others
BLOCK = 1 << 16  # samples rendered and piped at a time
# Head room kept below the true-peak ceiling for what the limiter (which sees samples, not
# the waveform between them) and the MP3 encoder's rounding can add back.
LIMITER_MARGIN = 1.5  # dB
LIMITING_LOSS = 2.5  # dB
LIMITER_ATTACK = 5.0  # ms
LIMITER_RELEASE = 80.0  # ms


def apply_envelope(samples: np.ndarray, envelope: tuple[tuple[int, float], ...]) -> np.ndarray:
    """``samples`` times the piecewise-linear gain ``envelope`` (a new array)."""
    if not envelope:
        return samples
    xs = np.array([p[0] for p in envelope], dtype=np.float64)
    ys = np.array([p[1] for p in envelope], dtype=np.float64)
    gain = np.interp(np.arange(len(samples), dtype=np.float64), xs, ys)
    return (samples * gain).astype(np.float32)


def mix_gains(bins: EnergyBins, total: int, settings: AudioSettings) -> dict[str, float]:
    """Linear gain per loudness group so that the mix meets the settings.

    Each speech kind is levelled to the speech as a whole (at most MAX_LEVELLING dB), music
    sits ``music_level`` LU from the speech, and one master gain brings the mix to the
    target loudness.
    """
    speech = [g for g in bins.groups if g != MUSIC]
    gains = {g: 1.0 for g in speech}
    overall = bins.loudness(gains, total)
    for group in speech:
        own = bins.loudness({group: 1.0}, total)
        if math.isfinite(own) and math.isfinite(overall):
            gains[group] = db_to_gain(max(-MAX_LEVELLING, min(MAX_LEVELLING, overall - own)))
    levelled = bins.loudness(gains, total)
    if math.isfinite(levelled):
        gains[MUSIC] = db_to_gain(levelled + settings.music_level - MUSIC_REFERENCE)
    else:  # nothing is said: the music alone sets the level
        gains[MUSIC] = 1.0
    mixed = bins.loudness(gains, total)
    master = settings.loudness - mixed if math.isfinite(mixed) else 0.0
    if settings.channels == 2:
        master -= 10 * math.log10(2)  # the same signal in both channels measures 3 dB louder
    log.debug("levels: speech %.1f LUFS, mix %.1f LUFS, master %+.1f dB", levelled, mixed,
              master)
    return {group: gain * db_to_gain(master) for group, gain in gains.items()}


def render(events: list[Event], samples: Callable[[Event], np.ndarray],
           gains: dict[str, float], total: int, block: int = BLOCK) -> Iterator[np.ndarray]:
    """The mix, ``block`` samples at a time; an event's audio is loaded when it starts playing
    and dropped when it ends."""
    order = sorted(events, key=lambda e: e.start)
    active: list[tuple[Event, np.ndarray]] = []
    following = 0
    for first in range(0, total, block):
        last = min(total, first + block)
        out = np.zeros(last - first, dtype=np.float32)
        while following < len(order) and order[following].start < last:
            event = order[following]
            following += 1
            if event.length > 0:
                gain = np.float32(gains.get(event.group, 1.0))
                active.append((event, samples(event)[: event.length] * gain))
        playing = []
        for event, audio in active:
            lo, hi = max(first, event.start), min(last, event.end)
            if hi > lo:
                out[lo - first: hi - first] += audio[lo - event.start: hi - event.start]
            if event.end > last:
                playing.append((event, audio))
        active = playing
        yield out


def peak_ratio(settings: AudioSettings) -> float:
    """How far (dB) a sound's peaks may rise above its loudness, so that at the target
    loudness they stay under the limiter's ceiling; limiting itself costs about
    LIMITING_LOSS dB of loudness, which the ratio allows for."""
    return settings.true_peak - LIMITER_MARGIN - settings.loudness - LIMITING_LOSS


@lru_cache(maxsize=8)
def encoder_gain(sample_rate: int, bitrate: str) -> float:
    """The level change (dB) that LAME applies to what it encodes, measured on a test tone.

    LAME scales its input slightly (about -0.45 dB); the mix is made that much louder so
    the MP3 itself meets the loudness target.
    """
    t = np.arange(sample_rate, dtype=np.float64) / sample_rate
    tone = (0.1 * np.sin(2 * np.pi * 997 * t)).astype("<f4")
    mp3 = ffmpeg.run(["-f", "f32le", "-ar", str(sample_rate), "-ac", "1", "-i", "pipe:0",
                      "-codec:a", "libmp3lame", "-b:a", bitrate, "-f", "mp3", "pipe:1"],
                     input=tone.tobytes(), what=f"MP3 encoder at {bitrate}, {sample_rate} Hz")
    decoded = np.frombuffer(ffmpeg.decode_pcm(mp3, sample_rate, 1, what="MP3 encoder test",
                                              sample_format="f32le"), dtype="<f4")
    middle = slice(len(tone) // 4, 3 * len(tone) // 4)  # away from the encoder's edges
    if len(decoded) < middle.stop:
        return 0.0
    power_in = float(np.mean(tone[middle].astype(np.float64) ** 2))
    power_out = float(np.mean(decoded[middle].astype(np.float64) ** 2))
    return 10 * math.log10(power_out / power_in) if power_out > 0 else 0.0


def before_encoder(settings: AudioSettings) -> AudioSettings:
    """``settings`` with loudness target and peak ceiling as the mix must meet them before
    LAME, so that the MP3 meets the originals."""
    gain = encoder_gain(settings.sample_rate, settings.bitrate)
    return replace(settings, loudness=settings.loudness - gain,
                   true_peak=settings.true_peak - gain)


def limiter(settings: AudioSettings) -> str:
    """The ffmpeg filter that keeps the true peak under the ceiling."""
    limit = min(1.0, max(0.0625, db_to_gain(settings.true_peak - LIMITER_MARGIN)))
    return (f"alimiter=limit={limit:.6f}:attack={LIMITER_ATTACK}:release={LIMITER_RELEASE}"
            f":level=false:latency=true")


def encode(blocks: Iterator[np.ndarray], out_path: Path, settings: AudioSettings,
           copy: tuple[Path, int] | None = None) -> None:
    """Limit and encode mono float blocks to an MP3 at ``out_path`` (temp name, then rename).

    The stream carries no tags, dates or version strings, and LAME's header records the
    encoder delay and padding so decoders give back exactly the samples that went in, and
    says the file is CBR.

    ``copy`` = (path, rate): the same ffmpeg also writes what it encodes (after the limiter,
    mono, at the level the MP3 plays it) as 16-bit PCM at ``rate`` Hz to ``path`` (for the
    episode's waveform: cheaper than decoding the MP3 afterwards). The MP3 is the same with
    or without it.
    """
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AudioError(f"{out_path}: cannot create its folder: {exc.strerror}") from None
    tmp = out_path.with_name(f".{out_path.name}.tmp")
    rate = str(settings.sample_rate)
    # the same signal in both channels, each at full level
    pan = "pan=stereo|c0=c0|c1=c0" if settings.channels == 2 else None
    args = ["-f", "f32le", "-ar", rate, "-ac", "1", "-i", "pipe:0"]
    if copy is None:
        args += ["-af", ",".join(f for f in (limiter(settings), pan) if f)]
    else:  # the copy at the level LAME's output has (see encoder_gain)
        level = db_to_gain(encoder_gain(settings.sample_rate, settings.bitrate))
        args += ["-filter_complex", f"[0:a]{limiter(settings)},asplit=2[mp3][copy];"
                 f"[mp3]{pan or 'anull'}[mp3];"
                 f"[copy]volume={level:.6f},aresample={int(copy[1])}[copy]", "-map", "[mp3]"]
    args += ["-ac", str(settings.channels), "-ar", rate,
             "-codec:a", "libmp3lame", "-b:a", settings.bitrate,
             "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:a", "+bitexact",
             "-id3v2_version", "0", "-write_xing", "1", "-f", "mp3", "-y", str(tmp)]
    if copy is not None:
        args += ["-map", "[copy]", "-ac", "1", "-f", "s16le", "-acodec", "pcm_s16le", "-y",
                 str(copy[0])]
    try:
        ffmpeg.feed(args, (b.astype("<f4", copy=False).tobytes() for b in blocks),
                    what=str(out_path))
        mark_cbr(tmp, int(settings.bitrate.strip().lower().removesuffix("k")))
        os.replace(tmp, out_path)
    finally:
        tmp.unlink(missing_ok=True)
