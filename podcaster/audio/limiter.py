"""A look-ahead peak limiter in numpy, applied to each sound before it is measured.

Limiting changes loudness, and by how much depends on how hard the peaks are pushed. So each
clip is limited relative to its *own* loudness (its peak-to-loudness ratio is capped),
which does not depend on the gains the mix will later choose: the loss is then part of
what the first pass measures, and the target loudness is met after the master gain.
"""

from __future__ import annotations

import math

import numpy as np

ATTACK = 0.004  # seconds: gain ramps down over this long before a peak
HOLD = 0.020  # seconds: stays down this long after it, so dense peaks don't flutter
RELEASE = 0.150  # seconds the gain would take to come back up from silence to unity
STEP = 32  # samples per block on which the gain is planned


def _running_min(values: np.ndarray, before: int, after: int) -> np.ndarray:
    """out[i] = min(values[i - before : i + after + 1]), edges padded with 1."""
    width = before + after + 1
    padded = np.concatenate([np.ones(before), values, np.ones(after + width)])
    blocks = -(-len(padded) // width)
    padded = np.concatenate([padded, np.ones(blocks * width - len(padded))]).reshape(blocks, width)
    # Van Herk / Gil-Werman: prefix minima within each block and suffix minima within each
    # block together give every window's minimum in O(n).
    prefix = np.minimum.accumulate(padded, axis=1).ravel()
    suffix = np.minimum.accumulate(padded[:, ::-1], axis=1)[:, ::-1].ravel()
    n = len(values)
    return np.minimum(suffix[:n], prefix[width - 1: width - 1 + n])


def _moving_average(values: np.ndarray, width: int) -> np.ndarray:
    """out[i] = mean(values[i - width + 1 : i + 1]), values before the start taken as 1."""
    c = np.concatenate([np.zeros(1), np.cumsum(np.concatenate([np.ones(width - 1), values]))])
    return (c[width:] - c[:-width]) / width


def _slow_rise(gain: np.ndarray, release: int) -> np.ndarray:
    """``gain`` allowed to fall at once but to rise by at most 1/``release`` per step.

    out[i] = min over k in 0..release of gain[i-k] + k/release, computed as a running minimum
    of gain[j] - j/release; it never exceeds ``gain``, so no peak gets through.
    """
    ramp = np.arange(len(gain)) / release
    return np.minimum(1.0, _running_min(gain - ramp, release, 0) + ramp)


def limit(samples: np.ndarray, ceiling: float, rate: int) -> np.ndarray:
    """``samples`` with every sample within ``ceiling`` (linear), by a smooth gain.

    The gain at each sample is at most what its neighbourhood's loudest sample needs; it
    falls in a straight ramp of ATTACK seconds before a peak and rises slowly after it
    (RELEASE), so the waveform keeps its shape. The gain is worked out on blocks of STEP
    samples and interpolated, which is as smooth and far cheaper.
    """
    peak = np.abs(samples)
    if len(samples) == 0 or peak.max() <= ceiling:
        return samples
    need = np.minimum(1.0, ceiling / np.maximum(peak, 1e-12))
    blocks = -(-len(need) // STEP)
    need_blocks = np.concatenate([need, np.ones(blocks * STEP - len(need))])
    need_blocks = need_blocks.reshape(blocks, STEP).min(axis=1)
    attack = max(1, round(ATTACK * rate / STEP))
    hold = round(HOLD * rate / STEP)
    # A window reaching ``attack`` blocks ahead makes the ramp (a moving average of that
    # width) arrive at the needed gain by the time the peak's block does; one block more on
    # each side keeps the interpolated gain under it too.
    gain_blocks = _moving_average(_running_min(need_blocks, hold + 1, attack + 1), attack)
    gain_blocks = _slow_rise(gain_blocks, max(1, round(RELEASE * rate / STEP)))
    centres = np.arange(blocks) * STEP + (STEP - 1) / 2
    gain = np.interp(np.arange(len(samples)), centres, gain_blocks)
    return (samples * np.minimum(gain, need)).astype(np.float32)


def limit_to_ratio(samples: np.ndarray, loudness: float, ratio: float, rate: int) -> np.ndarray:
    """``samples`` whose peaks stay within ``ratio`` dB of their ``loudness`` (LUFS)."""
    if not math.isfinite(loudness):
        return samples
    return limit(samples, 10 ** ((loudness + ratio) / 20), rate)
