"""The loudness meter's bookkeeping, exactly: which 100 ms bin each sample's energy goes to
(at the episode's rate and at a clip's own), what a group's gain does to it, the partial bin
at the end dropped; and the gates from both sides: fewer than four bins, the absolute gate
at -70 LUFS, the relative gate 10 LU under the mean."""

from __future__ import annotations

import math

import numpy as np
import pytest

from podcaster.audio.loudness import (
    OFFSET,
    EnergyBins,
    fft_size,
    gated_loudness,
    integrated_loudness,
    k_filter,
)

ONES = np.ones(300)


@pytest.mark.parametrize(("start", "samples", "rate", "bins"), [
    # 1000 Hz: 100 samples a bin; samples 250 to 549
    (250, ONES, None, [0, 0, 50, 100, 100, 50, 0, 0, 0, 0]),
    (0, ONES, None, [100, 100, 100, 0, 0, 0, 0, 0, 0, 0]),
    (99, ONES[:2], None, [1, 1, 0, 0, 0, 0, 0, 0, 0, 0]),
    # a clip at 500 Hz: each of its samples stands for two of the episode's
    (250, ONES[:150], 500, [0, 0, 50, 100, 100, 50, 0, 0, 0, 0]),
    (0, ONES[:150], 500, [100, 100, 100, 0, 0, 0, 0, 0, 0, 0]),
    # a clip at 2000 Hz: half a sample each
    (250, ONES[:200], 2000, [0, 0, 50, 50, 0, 0, 0, 0, 0, 0]),
])  # fmt: skip
def test_each_samples_energy_goes_to_its_100_ms_bin(start, samples, rate, bins):
    meter = EnergyBins(1000)
    meter.add("speech", start, samples, rate, filtered=samples)
    assert meter.energy({"speech": 1.0}, 1000).tolist() == bins


def test_a_bin_of_a_fractional_number_of_samples():
    meter = EnergyBins(22050)  # 2205 samples a bin
    meter.add("speech", 2204, np.ones(4), 44100, filtered=np.ones(4))
    assert meter.energy({"speech": 1.0}, 22050).tolist()[:3] == [1, 1, 0]
    assert meter.step == 2205


def test_gains_square_into_energy_and_the_partial_bin_at_the_end_is_dropped():
    meter = EnergyBins(1000)
    meter.add("speech", 250, ONES, filtered=ONES)
    meter.add("music", 0, ONES[:100], filtered=ONES[:100])
    assert meter.energy({"speech": 2.0}, 550).tolist() == [0, 0, 200, 400, 400]
    assert meter.energy({"speech": 1.0, "music": 0.5}, 1000).tolist() == [
        25, 0, 50, 100, 100, 50, 0, 0, 0, 0]
    assert meter.energy({"other": 1.0}, 1000).tolist() == [0] * 10  # a group not given: 0
    assert meter.energy({"music": 1.0}, 1000).tolist() == [100] + [0] * 9  # past one at 0
    assert meter.energy({"speech": 1.0}, 400).tolist() == [0, 0, 50, 100]  # cut at the end


def test_an_empty_part_adds_nothing():
    meter = EnergyBins(1000)
    meter.add("speech", 0, np.zeros(0))
    assert meter.groups == {}
    meter.add("speech", 0, np.ones(1), filtered=np.ones(1))
    assert meter.energy({"speech": 1.0}, 200).tolist() == [1, 0]


def bins_at(level: float, count: int, step: float = 100.0) -> np.ndarray:
    """``count`` bins whose energy reads ``level`` LUFS."""
    return np.full(count, step * 10 ** ((level - OFFSET) / 10))


@pytest.mark.parametrize(("count", "expected"), [(3, -math.inf), (4, -23.0), (40, -23.0)])
def test_a_gating_block_is_four_bins(count, expected):
    assert gated_loudness(bins_at(-23.0, count), 100.0) == pytest.approx(expected)


@pytest.mark.parametrize(("level", "expected"), [(-69.9, -69.9), (-70.1, -math.inf)])
def test_the_absolute_gate_is_at_minus_70(level, expected):
    assert gated_loudness(bins_at(level, 8), 100.0) == pytest.approx(expected)


@pytest.mark.parametrize(("quiet", "kept"), [(-29.5, True), (-30.5, False)])
def test_the_relative_gate_is_10_lu_under_the_mean(quiet, kept):
    # A long loud part, silence, then one block of a quiet part: the mean the relative gate
    # is taken from is, to well within 0.5 LU, that of the loud part.
    loud, silence = bins_at(-20.0, 4000), np.zeros(4)
    without = gated_loudness(np.concatenate([loud, silence, silence]), 100.0)
    with_quiet = gated_loudness(np.concatenate([loud, silence, bins_at(quiet, 4)]), 100.0)
    if kept:
        assert with_quiet < without - 1e-4
    else:
        assert with_quiet == pytest.approx(without, abs=1e-9)


def test_the_filters_tail_is_kept_after_the_samples():
    rate = 8000
    click = np.zeros(800)
    click[-1] = 1.0
    filtered = k_filter(click, rate)
    assert len(filtered) == 800 + rate // 4
    assert np.abs(filtered[800:]).max() > 1e-3  # the filter rings after the last sample


def test_a_sound_shorter_than_a_block_has_its_mean_level():
    rate = 8000
    t = np.arange(rate // 5) / rate  # 200 ms
    tone = 0.1 * np.sin(2 * np.pi * 997 * t)
    level = integrated_loudness(tone, rate)
    assert level == pytest.approx(-23.0, abs=0.2)
    louder = integrated_loudness(tone * 2, rate)
    assert louder - level == pytest.approx(20 * math.log10(2))


def test_a_block_at_exactly_minus_70_is_gated_out():
    at_gate = 1.1724653045822945e-07  # the energy a sample that reads -70.0 LUFS exactly
    assert OFFSET + 10 * np.log10(np.array([at_gate]))[0] == -70.0
    assert gated_loudness(np.full(4, at_gate), 1.0) == -math.inf
    assert gated_loudness(np.full(4, at_gate * 1.000001), 1.0) == pytest.approx(-70.0)


def test_a_sound_is_measured_from_its_first_sample():
    # 400 samples at 1000 Hz: four whole bins, one block, every sample's energy 1
    assert integrated_loudness(np.zeros(400), 1000, filtered=np.ones(400)) == pytest.approx(
        OFFSET)


def test_a_short_quiet_sound_still_has_a_level():
    t = np.arange(1600) / 8000  # 200 ms, 40 dB under full scale
    assert integrated_loudness(0.01 * np.sin(2 * np.pi * 997 * t), 8000) == pytest.approx(
        -43.0, abs=0.2)


@pytest.mark.parametrize(("n", "size"), [
    (1, 8), (8, 8), (9, 9), (10, 10), (11, 12), (13, 15), (15, 15), (16, 16), (17, 18),
    (1000, 1024), (1025, 1152), (1153, 1280), (1281, 1536), (1537, 1920), (1921, 2048),
])
def test_a_transform_size_is_the_first_of_the_sizes_at_or_above_the_length(n, size):
    assert fft_size(n) == size


def test_every_transform_size_fits_within_a_quarter_above_the_length():
    for n in range(8, 5000):
        assert n <= fft_size(n) <= n * 1.25


def test_a_sound_of_one_sample_has_a_level():
    """Shorter than a block, even one sample: its mean level, never silence."""
    level = integrated_loudness(np.array([0.5]), 8000, filtered=np.array([0.5]))
    assert level == pytest.approx(OFFSET + 10 * math.log10(0.25))


def test_silence_is_measured_without_a_warning():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert gated_loudness(np.zeros(8), 100.0) == -math.inf
        assert integrated_loudness(np.zeros(800), 8000) == -math.inf


def test_groups_playing_at_once_add_their_energy():
    bins = EnergyBins(1000)
    bins.add("words", 0, np.zeros(300), filtered=np.ones(300))
    bins.add("music", 100, np.zeros(300), filtered=np.ones(300))
    assert list(bins.energy({"words": 1.0, "music": 1.0}, 1000)[:5]) == [100, 200, 200, 100, 0]
    assert list(bins.energy({"words": 1.0}, 1000)[:5]) == [100, 100, 100, 0, 0]


def test_a_block_at_exactly_minus_70_stays_out_when_the_relative_gate_is_under_it():
    """A quiet recording (-65 LUFS) puts the relative gate near -77: the absolute gate still
    leaves out a block at exactly -70."""
    at_gate = 1.1724653045822945e-07  # a bin's energy that reads -70.0 LUFS
    quiet = 10 ** ((-65.0 - OFFSET) / 10)
    bins = np.array([quiet] * 4 + [at_gate] * 4)
    windows = [(4 - k) * quiet + k * at_gate for k in range(4)]  # the blocks above -70
    expected = OFFSET + 10 * math.log10(sum(windows) / len(windows) / 4)
    assert gated_loudness(bins, 1.0) == pytest.approx(expected, abs=1e-9)
