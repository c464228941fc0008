"""Integrated loudness (ITU-R BS.1770, EBU R 128) measured with numpy.

The assembler measures before it mixes: every clip and every music cue is K-weighted on its
own and its energy is added into 100 ms bins on the episode's clock. From those bins the
loudness of any mix of the parts (speech at one gain, music at another) follows without
rendering the mix. Parts that overlap in time (music ducked under speech) are treated as
uncorrelated, which holds to well within 0.1 LU for speech over music.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

ABSOLUTE_GATE = -70.0  # LUFS
RELATIVE_GATE = -10.0  # LU below the ungated mean
BLOCK_BINS = 4  # a gating block is 400 ms: four 100 ms bins, one bin apart
OFFSET = -0.691  # BS.1770's constant so that a 997 Hz sine at 0 dBFS reads -3.01 LUFS
TAIL = 0.25  # seconds of filter tail kept after each part (the K-filter rings ~10 ms)

# The two K-weighting stages as analogue prototypes (centre frequency, gain, Q); the 48 kHz
# coefficients printed in BS.1770 follow from these, and so do those for any other rate.
SHELF_F0, SHELF_DB, SHELF_Q = 1681.974450955533, 3.999843853973347, 0.7071752369554196
HIGHPASS_F0, HIGHPASS_Q = 38.13547087602444, 0.5003270373238773


def k_weighting(rate: int) -> tuple[tuple[np.ndarray, np.ndarray], ...]:
    """The two biquads (b, a) of the K-weighting filter at ``rate`` Hz."""
    k = math.tan(math.pi * SHELF_F0 / rate)
    vh = 10 ** (SHELF_DB / 20)
    vb = vh ** 0.4996667741545416
    a0 = 1 + k / SHELF_Q + k * k
    shelf_b = np.array([vh + vb * k / SHELF_Q + k * k, 2 * (k * k - vh),
                        vh - vb * k / SHELF_Q + k * k]) / a0
    shelf_a = np.array([1.0, 2 * (k * k - 1) / a0, (1 - k / SHELF_Q + k * k) / a0])
    k = math.tan(math.pi * HIGHPASS_F0 / rate)
    a0 = 1 + k / HIGHPASS_Q + k * k
    high_b = np.array([1.0, -2.0, 1.0])
    high_a = np.array([1.0, 2 * (k * k - 1) / a0, (1 - k / HIGHPASS_Q + k * k) / a0])
    return (shelf_b, shelf_a), (high_b, high_a)


@lru_cache(maxsize=64)
def _response(rate: int, size: int) -> np.ndarray:
    """Complex frequency response of the K-filter on the bins of a ``size``-point rfft."""
    z = np.exp(-2j * np.pi * np.arange(size // 2 + 1) / size)  # z^-1 on the unit circle
    h = np.ones_like(z)
    for b, a in k_weighting(rate):
        h *= (b[0] + b[1] * z + b[2] * z * z) / (a[0] + a[1] * z + a[2] * z * z)
    return h


def fft_size(n: int) -> int:
    """A transform size at or above ``n``: 2^k times 1, 9/8, 5/4, 3/2 or 15/8.

    Few distinct sizes (so their filter responses stay cached), all of them products of
    small primes (which numpy transforms fast), and never more than 25% above ``n``.
    """
    octave = 1 << max(3, (n - 1).bit_length() - 1)
    for eighths in (8, 9, 10, 12, 15, 16):
        size = octave * eighths // 8
        if size >= n:
            return size
    return 2 * octave  # pragma: no cover - 16/8 always fits


def k_filter(samples: np.ndarray, rate: int) -> np.ndarray:
    """K-weighted copy of ``samples`` (float64) including the filter's tail (TAIL seconds
    longer)."""
    samples = samples.astype(np.float64, copy=False)
    n = len(samples) + int(TAIL * rate)
    size = fft_size(n)
    spectrum = np.fft.rfft(samples, size) * _response(rate, size)
    return np.fft.irfft(spectrum, size)[:n]


class EnergyBins:
    """K-weighted energy in 100 ms bins on an episode's clock, one list of parts per group.

    Bin ``k`` holds the energy of the samples played from ``k/10`` to ``(k+1)/10`` seconds,
    counted in samples of the episode's rate.
    """

    def __init__(self, rate: int):
        self.rate = rate
        self.step = rate / 10  # samples per bin (not always a whole number)
        self.groups: dict[str, list[tuple[int, np.ndarray]]] = {}

    def add(self, group: str, start: int, samples: np.ndarray, rate: int | None = None,
            filtered: np.ndarray | None = None) -> None:
        """Add the energy of ``samples`` (unfiltered) placed at sample ``start`` of the
        episode. ``rate`` is the samples' own rate if it is not the episode's: a clip is
        cheaper to measure before it is resampled, and its loudness is the same.
        ``filtered`` is ``k_filter(samples, rate)`` if the caller has it already."""
        if len(samples) == 0:
            return
        rate = rate or self.rate
        y = k_filter(samples, rate) if filtered is None else filtered
        first = start * 10 // self.rate
        # Sample j is in bin floor((start / episode rate + j / rate) * 10), in integers: bin
        # b starts at the first j with (start * rate + j * R) * 10 >= b * R * rate.
        last = ((start * rate + (len(y) - 1) * self.rate) * 10) // (self.rate * rate)
        bins = np.arange(first + 1, last + 1, dtype=np.int64)
        edges = -((10 * start * rate - bins * self.rate * rate) // (10 * self.rate))
        energy = np.add.reduceat(y * y, np.concatenate([[0], edges]))
        if rate != self.rate:
            energy *= self.rate / rate  # as if counted in samples of the episode's rate
        self.groups.setdefault(group, []).append((first, energy))

    def energy(self, gains: dict[str, float], total_samples: int) -> np.ndarray:
        """Energy per bin of the mix where group ``g`` is scaled by ``gains[g]`` (linear)."""
        whole = total_samples * 10 // self.rate  # bins that end before the episode does
        out = np.zeros(whole + 1)
        for group, parts in self.groups.items():
            power = gains.get(group, 0.0) ** 2
            if power == 0:
                continue
            for first, e in parts:
                last = min(len(out), first + len(e))
                if last > first:
                    out[first:last] += power * e[: last - first]
        # The bins after the last whole one would make a partial block; BS.1770 drops it.
        return out[:whole]

    def loudness(self, gains: dict[str, float], total_samples: int) -> float:
        """Integrated loudness (LUFS) of the mix; -inf if it is silent."""
        return gated_loudness(self.energy(gains, total_samples), self.step)


def gated_loudness(bins: np.ndarray, step: float) -> float:
    """Integrated loudness from energies in 100 ms bins of ``step`` samples each."""
    if len(bins) < BLOCK_BINS:
        return -math.inf
    blocks = np.convolve(bins, np.ones(BLOCK_BINS), mode="valid") / (BLOCK_BINS * step)
    with np.errstate(divide="ignore"):
        levels = OFFSET + 10 * np.log10(blocks)
    kept = blocks[levels > ABSOLUTE_GATE]
    if len(kept) == 0:
        return -math.inf
    relative = OFFSET + 10 * math.log10(kept.mean()) + RELATIVE_GATE
    kept = blocks[(levels > ABSOLUTE_GATE) & (levels > relative)]
    return OFFSET + 10 * math.log10(kept.mean())


def integrated_loudness(samples: np.ndarray, rate: int,
                        filtered: np.ndarray | None = None) -> float:
    """Integrated loudness (LUFS) of a mono signal given as floats in [-1, 1].

    A sound shorter than one gating block (400 ms) gets its ungated mean level instead of
    -inf, so that even a one-word clip has a level. ``filtered`` is
    ``k_filter(samples, rate)`` if the caller has it already.
    """
    bins = EnergyBins(rate)
    bins.add("all", 0, samples, filtered=filtered)
    level = bins.loudness({"all": 1.0}, len(samples))
    if math.isfinite(level) or len(samples) == 0:
        return level
    energy = sum(float(e.sum()) for _, e in bins.groups.get("all", []))
    return OFFSET + 10 * math.log10(energy / len(samples)) if energy > 0 else -math.inf


def db_to_gain(db: float) -> float:
    return 10 ** (db / 20)
