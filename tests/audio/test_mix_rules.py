"""The mix's rules from both sides: an event's audio is loaded in the block where it starts
playing (not one before) and even a one-sample event is played; the MP3's folder is made
however deep, and a folder that cannot be made is an error naming the file; a stereo MP3
carries the mono mix in both channels at the mono MP3's level."""

from __future__ import annotations

import numpy as np
import pytest

from podcaster import ffmpeg
from podcaster.audio.mix import encode, render
from podcaster.audio.settings import AudioSettings
from podcaster.audio.timeline import Event
from podcaster.errors import AudioError


def test_an_event_is_loaded_in_the_block_where_it_starts():
    audio = {0: np.ones(7, dtype=np.float32), 1: np.full(7, 2.0, dtype=np.float32)}
    loaded = []

    def samples(event):
        loaded.append(event.cue)
        return audio[event.cue]

    blocks = render([Event(0, 0, 7, "article"), Event(1, 7, 7, "article")], samples, {}, 14,
                    block=7)
    assert np.array_equal(next(blocks), np.ones(7))
    assert loaded == [0]  # the second starts exactly where the first block ends
    assert np.array_equal(next(blocks), np.full(7, 2.0))
    assert loaded == [0, 1]


def test_a_one_sample_event_is_played():
    blocks = render([Event(0, 2, 1, "article")], lambda e: np.full(3, 0.5, dtype=np.float32),
                    {}, 4, block=4)
    assert np.array_equal(np.concatenate(list(blocks)), [0, 0, 0.5, 0])


TONE = (0.3 * np.sin(2 * np.pi * 440 * np.arange(11025) / 22050)).astype(np.float32)
SETTINGS = AudioSettings(sample_rate=22050, bitrate="48k")


def test_the_mp3s_folder_is_made_however_deep(tmp_path):
    out = tmp_path / "public" / "episodes" / "2025" / "x.mp3"
    encode(iter([TONE]), out, SETTINGS)
    assert out.stat().st_size > 0


def test_a_folder_that_cannot_be_made_is_an_error_naming_the_file(tmp_path):
    (tmp_path / "episodes").write_text("a file, not a folder", encoding="utf-8")
    out = tmp_path / "episodes" / "x.mp3"
    with pytest.raises(AudioError) as error:
        encode(iter([TONE]), out, SETTINGS)
    assert str(error.value) == f"{out}: cannot create its folder: File exists"


def rms_db(samples: np.ndarray) -> float:
    return 10 * np.log10(np.mean(samples.astype(np.float64) ** 2))


def test_a_stereo_mp3_has_the_mono_mix_in_both_channels_at_full_level(tmp_path):
    mono, stereo = tmp_path / "mono.mp3", tmp_path / "stereo.mp3"
    encode(iter([TONE]), mono, SETTINGS)
    encode(iter([TONE]), stereo, AudioSettings(sample_rate=22050, bitrate="48k", channels=2))
    one = np.frombuffer(ffmpeg.decode_pcm(mono, 22050, 1, sample_format="f32le"), dtype="<f4")
    two = np.frombuffer(ffmpeg.decode_pcm(stereo, 22050, 2, sample_format="f32le"),
                        dtype="<f4").reshape(-1, 2)
    for channel in (0, 1):
        assert rms_db(two[:, channel]) == pytest.approx(rms_db(one), abs=0.1)


def test_an_encoder_failure_names_the_mp3_and_leaves_nothing(tmp_path):
    out = tmp_path / "episodes" / "x.mp3"
    with pytest.raises(AudioError) as error:
        encode(iter([TONE]), out, AudioSettings(sample_rate=22050, bitrate="fast"))
    assert str(error.value).startswith(f"{out}: ffmpeg failed: ")
    assert list(out.parent.iterdir()) == []


def test_a_speech_kind_too_quiet_to_measure_is_left_at_its_level():
    """Levelling needs both levels: a kind under the absolute gate (-70 LUFS) everywhere keeps
    unit gain instead of the most the levelling may add; one that can be measured is
    levelled to the speech."""
    from podcaster.audio.loudness import EnergyBins
    from podcaster.audio.mix import MAX_LEVELLING, mix_gains

    bins = EnergyBins(1000)
    bins.add("body", 0, np.zeros(2000), filtered=np.full(2000, 0.1))
    bins.add("quote", 0, np.zeros(2000), filtered=np.full(2000, 1e-5))  # about -101 LUFS
    gains = mix_gains(bins, 2000, AudioSettings(sample_rate=1000))
    assert gains["quote"] == pytest.approx(gains["body"])  # the same before the master gain
    bins.add("title", 0, np.zeros(2000), filtered=np.full(2000, 0.05))  # 6 dB under the body
    gains = mix_gains(bins, 2000, AudioSettings(sample_rate=1000))
    assert 1.0 < gains["title"] / gains["body"] <= 10 ** (MAX_LEVELLING / 20)
