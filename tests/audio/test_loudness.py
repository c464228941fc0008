"""The loudness meter and the peak limiter, checked against ffmpeg's ebur128 filter."""

from __future__ import annotations

import math

import numpy as np
import pytest

from podcaster import ffmpeg
from podcaster.audio.limiter import limit, limit_to_ratio
from podcaster.audio.loudness import EnergyBins, integrated_loudness, k_weighting
from podcaster.audio.sources import resample
from podcaster.model import Voice
from podcaster.speech.engines import get_engine_class
from tests.helpers import write_wav


def sine(freq: float, seconds: float, amplitude: float, rate: int) -> np.ndarray:
    t = np.arange(round(seconds * rate)) / rate
    return (amplitude * np.sin(2 * np.pi * freq * t)).astype(np.float32)


@pytest.fixture(scope="module")
def speech() -> tuple[np.ndarray, int]:
    """A few seconds of real speech from eSpeak NG."""
    engine = get_engine_class("espeak")()
    audio = engine.synthesize("오늘은 인공지능 소식을 전해 드립니다. 날씨가 맑고 바람이 붑니다.",
                              Voice("espeak", "ko"))
    samples = np.frombuffer(audio.pcm, dtype="<i2").astype(np.float32) / 32768
    return samples, audio.rate


def test_k_weighting_at_48k_is_the_standards_filter():
    (shelf_b, shelf_a), (high_b, high_a) = k_weighting(48000)
    assert np.allclose(shelf_b, [1.53512485958697, -2.69169618940638, 1.19839281085285])
    assert np.allclose(shelf_a, [1.0, -1.69065929318241, 0.73248077421585])
    assert np.allclose(high_b, [1.0, -2.0, 1.0])
    assert np.allclose(high_a, [1.0, -1.99004745483398, 0.99007225036621])


@pytest.mark.parametrize("rate", [22050, 44100, 48000])
def test_a_997_hz_sine_reads_as_the_standard_says(rate):
    # BS.1770: a 0 dBFS 997 Hz sine is -3.01 LUFS; this one is 20 dB lower.
    assert integrated_loudness(sine(997, 5, 0.1, rate), rate) == pytest.approx(-23.01, abs=0.05)


def test_silence_has_no_loudness():
    assert integrated_loudness(np.zeros(44100 * 2, dtype=np.float32), 44100) == -math.inf


def test_speech_with_gaps_agrees_with_ffmpeg(tmp_path, speech):
    samples, rate = speech
    # Speech, a long near-silence (gated out) and a quieter repeat (partly gated).
    quiet = 0.0003 * np.random.default_rng(1).standard_normal(rate * 4).astype(np.float32)
    signal = np.concatenate([samples, quiet, samples * 0.2, samples * 0.7])
    path = tmp_path / "speech.wav"
    write_wav(path, signal, rate)
    ours = integrated_loudness(signal, rate)
    theirs = ffmpeg.measure_loudness(path).integrated
    assert ours == pytest.approx(theirs, abs=0.15)


def test_measuring_before_resampling_gives_the_same_loudness(speech):
    samples, rate = speech
    at_44k = resample(samples, rate, 44100)
    direct = EnergyBins(44100)
    direct.add("s", 12345, at_44k)
    native = EnergyBins(44100)
    native.add("s", 12345, samples, rate)
    total = 12345 + len(at_44k)
    assert native.loudness({"s": 1.0}, total) == pytest.approx(
        direct.loudness({"s": 1.0}, total), abs=0.1)


def test_group_gains_scale_loudness_exactly(speech):
    samples, rate = speech
    bins = EnergyBins(rate)
    bins.add("a", 0, samples)
    bins.add("b", len(samples) + rate, samples)
    total = 2 * len(samples) + rate
    both = bins.loudness({"a": 1.0, "b": 1.0}, total)
    assert bins.loudness({"a": 2.0, "b": 2.0}, total) == pytest.approx(both + 20 * math.log10(2))
    alone = np.concatenate([samples, np.zeros(total - len(samples), dtype=np.float32)])
    assert bins.loudness({"a": 1.0}, total) == pytest.approx(
        integrated_loudness(alone, rate), abs=0.01)


def test_limiter_caps_peaks_and_keeps_quiet_audio_untouched():
    rate = 44100
    quiet = sine(220, 1, 0.2, rate)
    assert limit(quiet, 0.5, rate) is quiet
    loud = np.concatenate([quiet, sine(220, 0.5, 0.9, rate), quiet])
    out = limit(loud, 0.5, rate)
    assert len(out) == len(loud)
    assert np.abs(out).max() <= 0.5 + 1e-6
    # Far from the loud part, nothing changes; the gain moves in ramps, not jumps.
    assert np.array_equal(out[: rate // 2], loud[: rate // 2])
    assert np.array_equal(out[-rate // 2:], loud[-rate // 2:])
    where = np.flatnonzero(np.abs(loud) > 0.05)  # away from zero crossings
    gain = out[where] / loud[where]
    assert gain.min() < 0.6
    assert (np.abs(np.diff(gain)) / np.diff(where)).max() < 0.005  # per sample


def test_limit_to_ratio_caps_the_peak_to_loudness_ratio(speech):
    samples, rate = speech
    level = integrated_loudness(samples, rate)
    out = limit_to_ratio(samples, level, 10.0, rate)
    peak = 20 * math.log10(np.abs(out).max())
    assert peak <= level + 10.0 + 1e-3
    assert 20 * math.log10(np.abs(samples).max()) > level + 10.0  # it had work to do


def test_fft_sizes_are_few_small_and_never_short():
    from podcaster.audio.loudness import fft_size

    sizes = {n: fft_size(n) for n in range(1, 5000)}
    assert all(n <= size <= max(8, n * 1.25) for n, size in sizes.items())
    octave = 1024
    assert [fft_size(n) for n in (1025, 1153, 1281, 1537, 1921)] == [
        octave * e // 8 for e in (9, 10, 12, 15, 16)]
    assert [fft_size(n) for n in (1024, 1152, 1280, 1536, 1920, 2048)] == [
        1024, 1152, 1280, 1536, 1920, 2048]  # a size that fits exactly is taken
    assert fft_size(1) == fft_size(8) == 8
    assert fft_size(9) == 9


def test_short_and_silent_sounds():
    rate = 8000
    tone = sine(997, 0.2, 0.1, rate)  # shorter than a gating block: the ungated mean level
    assert integrated_loudness(tone, rate) == pytest.approx(-23.01, abs=0.15)
    assert integrated_loudness(tone * 10, rate) == pytest.approx(-3.01, abs=0.15)
    assert integrated_loudness(np.zeros(0, dtype=np.float32), rate) == -math.inf
    assert integrated_loudness(np.zeros(rate // 5, dtype=np.float32), rate) == -math.inf
    exactly_one_block = sine(997, 0.4, 0.1, rate)
    assert integrated_loudness(exactly_one_block, rate) == pytest.approx(-23.01, abs=0.15)


def test_gating_drops_silence_and_quiet_passages():
    rate = 8000
    loud = sine(997, 3, 0.1, rate)
    quiet = sine(997, 3, 0.001, rate)  # 40 dB down: under the relative gate
    silence = np.zeros(3 * rate, dtype=np.float32)
    alone = integrated_loudness(loud, rate)
    # (only the blocks across the edge count a little silence; ungated it would be -3 dB)
    assert integrated_loudness(np.concatenate([loud, silence]), rate) == pytest.approx(
        alone, abs=0.3)
    assert integrated_loudness(np.concatenate([loud, quiet]), rate) == pytest.approx(
        alone, abs=0.3)
    bins = EnergyBins(rate)
    bins.add("a", 0, loud)
    bins.add("a", len(loud), loud)  # parts add up, they do not replace each other
    assert bins.loudness({"a": 1.0}, 2 * len(loud)) == pytest.approx(alone, abs=0.05)
