"""The mix's gains: speech kinds levelled, music under the speech, the master on target."""

from __future__ import annotations

import math

import numpy as np
import pytest

from podcaster.audio.loudness import EnergyBins, db_to_gain, integrated_loudness
from podcaster.audio.mix import MAX_LEVELLING, MUSIC_REFERENCE, mix_gains
from podcaster.audio.settings import AudioSettings
from podcaster.audio.timeline import MUSIC

RATE = 8000


def tone(level: float, seconds: float = 3.0, freq: float = 997.0) -> np.ndarray:
    """A sine whose integrated loudness is ``level`` LUFS."""
    t = np.arange(round(seconds * RATE)) / RATE
    wave = np.sin(2 * np.pi * freq * t)
    return (wave * db_to_gain(level - integrated_loudness(wave, RATE))).astype(np.float32)


def bins_of(parts: dict[str, float]) -> tuple[EnergyBins, int]:
    """Each group one tone at its level, one after the other with a second between."""
    bins = EnergyBins(RATE)
    start = 0
    for group, level in parts.items():
        samples = tone(level)
        bins.add(group, start, samples)
        start += len(samples) + RATE
    return bins, start


def own(bins: EnergyBins, gains: dict[str, float], group: str, total: int) -> float:
    return bins.loudness({group: gains[group]}, total)


@pytest.mark.parametrize("target", [-16.0, -19.0, -23.5])
def test_the_mix_meets_the_loudness_target(target):
    bins, total = bins_of({"greeting": -30.0, "article": -26.0, MUSIC: MUSIC_REFERENCE})
    gains = mix_gains(bins, total, AudioSettings(loudness=target))
    assert set(gains) == {"greeting", "article", MUSIC}
    assert bins.loudness(gains, total) == pytest.approx(target, abs=0.01)


def test_stereo_is_measured_3_db_louder_so_the_master_allows_for_it():
    bins, total = bins_of({"article": -26.0, MUSIC: MUSIC_REFERENCE})
    mono = mix_gains(bins, total, AudioSettings(channels=1))
    stereo = mix_gains(bins, total, AudioSettings(channels=2))
    assert bins.loudness(stereo, total) == pytest.approx(-16.0 - 10 * math.log10(2), abs=0.01)
    for group in mono:
        assert 20 * math.log10(stereo[group] / mono[group]) == pytest.approx(
            -10 * math.log10(2))


def test_speech_kinds_are_levelled_to_the_speech_as_a_whole():
    bins, total = bins_of({"greeting": -30.0, "article": -26.0, "signoff": -27.0})
    gains = mix_gains(bins, total, AudioSettings())
    levels = [own(bins, gains, g, total) for g in ("greeting", "article", "signoff")]
    assert max(levels) - min(levels) == pytest.approx(0.0, abs=0.01)


def test_levelling_moves_a_kind_at_most_max_levelling():
    bins, total = bins_of({"greeting": -40.0, "article": -20.0})
    gains = mix_gains(bins, total, AudioSettings())
    # the greeting (under the relative gate of the whole) is raised by the limit, not 20 dB
    assert 20 * math.log10(gains["greeting"] / gains["article"]) == pytest.approx(MAX_LEVELLING)
    assert MAX_LEVELLING == 6.0
    bins, total = bins_of({"greeting": -20.0, "article": -40.0})
    gains = mix_gains(bins, total, AudioSettings())
    assert 20 * math.log10(gains["article"] / gains["greeting"]) == pytest.approx(MAX_LEVELLING)


def test_music_sits_music_level_under_the_speech():
    bins, total = bins_of({"article": -26.0, MUSIC: MUSIC_REFERENCE})
    # music is taken to be at MUSIC_REFERENCE; this tone measures a little under it here
    offset = bins.loudness({MUSIC: 1.0}, total) - MUSIC_REFERENCE
    for music_level in (-2.0, -6.0):
        gains = mix_gains(bins, total, AudioSettings(music_level=music_level))
        speech = own(bins, gains, "article", total)
        assert own(bins, gains, MUSIC, total) - speech == pytest.approx(
            music_level + offset, abs=0.01)


def test_music_alone_sets_the_level_when_nothing_is_said():
    bins, total = bins_of({MUSIC: MUSIC_REFERENCE})
    gains = mix_gains(bins, total, AudioSettings())
    assert bins.loudness(gains, total) == pytest.approx(-16.0, abs=0.01)
    music = bins.loudness({MUSIC: 1.0}, total)
    assert gains[MUSIC] == pytest.approx(db_to_gain(-16.0 - music))


def test_silence_keeps_unit_gains():
    bins, total = bins_of({})
    bins.add("article", 0, np.zeros(RATE * 3, dtype=np.float32))
    gains = mix_gains(bins, RATE * 3, AudioSettings())
    assert gains == {"article": 1.0, MUSIC: 1.0}
