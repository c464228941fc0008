"""The mix's gains: speech kinds levelled, music under the speech, the master on target."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest
from mutagen.mp3 import MP3

from podcaster import ffmpeg
from podcaster.audio.loudness import EnergyBins, db_to_gain, integrated_loudness
from podcaster.audio.mix import (
    LIMITER_MARGIN,
    LIMITING_LOSS,
    MAX_LEVELLING,
    MUSIC_REFERENCE,
    apply_envelope,
    before_encoder,
    encode,
    encoder_gain,
    limiter,
    mix_gains,
    peak_ratio,
    render,
)
from podcaster.audio.settings import AudioSettings
from podcaster.audio.timeline import MUSIC, Event

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


# Rendering and encoding ----------------------------------------------------------------------


def test_apply_envelope_joins_its_points_with_straight_lines():
    samples = np.ones(9, dtype=np.float32)
    out = apply_envelope(samples, ((0, 0.0), (4, 1.0), (8, 0.5)))
    assert out.dtype == np.float32
    assert np.allclose(out, [0, 0.25, 0.5, 0.75, 1.0, 0.875, 0.75, 0.625, 0.5])
    assert apply_envelope(samples, ()) is samples  # no envelope: unit gain


def test_render_mixes_events_block_by_block():
    rng = np.random.default_rng(7)
    audio = {i: rng.uniform(-0.5, 0.5, 40).astype(np.float32) for i in range(4)}
    events = [Event(2, 30, 25, "article"),  # overlaps the next two, crosses blocks
              Event(0, 3, 20, "greeting"),
              Event(1, 10, 5, MUSIC),
              Event(3, 50, 0, "article")]  # nothing to play
    gains = {"article": 0.5, MUSIC: 2.0}  # greeting: unit gain (absent)
    loaded = []

    def samples(event):
        loaded.append(event.cue)
        return audio[event.cue]

    blocks = list(render(events, samples, gains, 60, block=7))
    assert [len(b) for b in blocks] == [7] * 8 + [4]
    expected = np.zeros(60, dtype=np.float32)
    for e in events:
        expected[e.start:e.end] += audio[e.cue][: e.length] * gains.get(e.group, 1.0)
    assert np.allclose(np.concatenate(blocks), expected)
    assert loaded == [0, 1, 2]  # each loaded once, in order of start; empty ones never


def test_render_stops_at_the_episode_end():
    audio = np.ones(10, dtype=np.float32)
    blocks = list(render([Event(0, 5, 10, "article")], lambda e: audio, {}, 8, block=4))
    assert np.array_equal(np.concatenate(blocks), [0, 0, 0, 0, 0, 1, 1, 1])


def test_the_limiter_and_the_peak_ratio_follow_the_settings():
    settings = AudioSettings(loudness=-16.0, true_peak=-1.0)
    assert peak_ratio(settings) == -1.0 - LIMITER_MARGIN + 16.0 - LIMITING_LOSS == 11.0
    assert limiter(settings) == (f"alimiter=limit={db_to_gain(-2.5):.6f}:attack=5.0"
                                 ":release=80.0:level=false:latency=true")
    assert "limit=1.000000:" in limiter(AudioSettings(true_peak=6.0))
    assert "limit=0.062500:" in limiter(AudioSettings(true_peak=-40.0))


def test_before_encoder_moves_the_targets_by_the_encoders_gain():
    settings = AudioSettings(loudness=-16.0, true_peak=-1.0, bitrate="64k")
    gain = encoder_gain(settings.sample_rate, settings.bitrate)
    assert -1.0 < gain < 0.0  # LAME makes it a little quieter
    adjusted = before_encoder(settings)
    assert adjusted.loudness == pytest.approx(-16.0 - gain)
    assert adjusted.true_peak == pytest.approx(-1.0 - gain)
    assert replace(adjusted, loudness=-16.0, true_peak=-1.0) == settings


@pytest.mark.parametrize("channels", [1, 2])
def test_encode_gives_back_the_samples_that_went_in(tmp_path, channels):
    rate = 22050
    t = np.arange(rate // 2) / rate
    tone = (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    settings = AudioSettings(sample_rate=rate, channels=channels, bitrate="48k")
    out = tmp_path / "new" / "x.mp3"
    encode(iter([tone[:5000], tone[5000:]]), out, settings)
    assert sorted(p.name for p in out.parent.iterdir()) == ["x.mp3"]  # no temporary left
    info = MP3(out).info
    assert (info.channels, info.sample_rate, round(info.bitrate / 1000)) == (channels, rate, 48)
    assert MP3(out).tags is None  # no tags, no encoder string
    decoded = np.frombuffer(ffmpeg.decode_pcm(out, rate, channels, sample_format="f32le"),
                            dtype="<f4").reshape(-1, channels)
    assert len(decoded) == len(tone)  # the encoder's delay and padding are undone
    for c in range(channels):
        assert np.corrcoef(decoded[:, c], tone)[0, 1] > 0.99
    again = tmp_path / "again.mp3"
    encode(iter([tone]), again, settings)
    assert again.read_bytes() == out.read_bytes()  # bit-exact: the same input, the same file


@pytest.mark.parametrize("channels", [1, 2])
def test_the_encoders_copy_for_the_waveform_is_what_the_mp3_plays(tmp_path, channels):
    """The low-rate copy the encoder writes beside the MP3 leaves the MP3 as it is, is mono,
    limited and at the MP3's level: its peaks are those of the decoded MP3."""
    from podcaster.publish.waveform import DECODE_RATE, compute_peaks

    rate = 44100
    t = np.arange(3 * rate) / rate
    # a tone that swells past the limiter's ceiling, with quiet stretches
    tone = (np.sin(2 * np.pi * 330 * t) * np.minimum(1.2, t) * (t % 1 < 0.7)).astype(np.float32)
    settings = AudioSettings(sample_rate=rate, channels=channels)
    plain, copied, pcm = tmp_path / "plain.mp3", tmp_path / "copied.mp3", tmp_path / "x.pcm"
    encode(iter([tone]), plain, settings)
    encode(iter([tone[:40000], tone[40000:]]), copied, settings, (pcm, DECODE_RATE))
    assert copied.read_bytes() == plain.read_bytes()
    copy = np.fromfile(pcm, dtype="<i2")
    assert abs(len(copy) - 3 * DECODE_RATE) <= 1
    decoded = np.frombuffer(ffmpeg.decode_pcm(plain, DECODE_RATE, 1), dtype="<i2")
    ceiling = 32768 * db_to_gain(settings.true_peak - LIMITER_MARGIN)
    assert int(np.abs(copy.astype(np.int32)).max()) <= ceiling  # after the limiter
    ours, theirs = compute_peaks(copy, 30), compute_peaks(decoded, 30)
    assert max(abs(a - b) for a, b in zip(ours, theirs)) <= 2
    assert abs(sum(ours) - sum(theirs)) <= 0.3 * len(ours)  # the same level, on the whole
    assert ours[:3] != ours[-3:]  # not flat: the swell is in it
