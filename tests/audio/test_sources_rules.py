"""The rules of ``podcaster.audio.sources`` from both sides: how a speech clip's WAV is read
(sample width, channels, scale), where its silent edges end, when a clip is resampled, and how
far music is decoded and where it is cut."""

from __future__ import annotations

import logging
import wave

import numpy as np
import pytest

from podcaster import ffmpeg
from podcaster.audio import sources
from podcaster.audio.sources import load_sound, read_wav, resample, trim_silence
from podcaster.errors import AudioError


def write_wav(path, frames, *, channels=1, width=2, rate=8000):
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(frames)
    return path


def pcm16(*values):
    return np.array(values, dtype="<i2").tobytes()


# -- read_wav ---------------------------------------------------------------------------------

def test_a_mono_clip_is_read_on_the_scale_of_minus_one_to_one(tmp_path):
    path = write_wav(tmp_path / "a.wav", pcm16(16384, -32768, 0, 32767), rate=22050)
    samples, rate = read_wav(path)
    assert rate == 22050
    assert samples.dtype == np.float32
    assert samples.tolist() == [0.5, -1.0, 0.0, 32767 / 32768]


def test_a_stereo_clip_is_the_mean_of_its_channels_frame_by_frame(tmp_path):
    path = write_wav(tmp_path / "s.wav", pcm16(16384, 0, -16384, -16384, 8192, 8192), channels=2)
    samples, rate = read_wav(path)
    assert samples.dtype == np.float32
    assert samples.tolist() == [0.25, -0.5, 0.25]


def test_three_channels_are_averaged_too(tmp_path):
    path = write_wav(tmp_path / "t.wav", pcm16(3 * 8192, 0, 0, 0, 0, -3 * 8192), channels=3)
    samples, _ = read_wav(path)
    assert samples.tolist() == [0.25, -0.25]


@pytest.mark.parametrize("width, bits", [(1, 8), (3, 24), (4, 32)], ids=["8-bit", "24-bit", "32-bit"])
def test_a_clip_not_16_bit_is_refused_naming_its_width(tmp_path, width, bits):
    path = write_wav(tmp_path / "w.wav", b"\x00" * width * 4, width=width)
    with pytest.raises(AudioError) as err:
        read_wav(path)
    assert str(err.value) == f"{path}: expected 16-bit PCM, got {bits}-bit"


def test_a_file_that_is_no_wav_is_refused_naming_it(tmp_path):
    path = tmp_path / "n.wav"
    path.write_bytes(b"not a wave file at all")
    with pytest.raises(AudioError) as err:
        read_wav(path)
    assert str(err.value).startswith(f"{path}: cannot read clip: ")


# -- trim_silence -----------------------------------------------------------------------------

def clip(length=1000, loud=(), value=0.5):
    samples = np.zeros(length, dtype=np.float32)
    for i in loud:
        samples[i] = value
    return samples


def test_the_edges_kept_are_edge_seconds_before_the_first_and_after_the_last_sound():
    samples = clip(loud=(100, 200))
    trimmed = trim_silence(samples, 1000, edge=0.01)  # 10 samples each side
    assert len(trimmed) == 121
    assert np.flatnonzero(trimmed).tolist() == [10, 110]


def test_a_sound_at_the_very_start_or_end_keeps_the_clip_from_its_first_sample():
    samples = clip(length=50, loud=(0, 49))
    assert len(trim_silence(samples, 1000, edge=0.01)) == 50
    assert len(trim_silence(clip(length=50, loud=(0,)), 1000, edge=0.01)) == 11


def test_one_sound_alone_is_kept_with_its_edges():
    assert len(trim_silence(clip(loud=(500,)), 1000, edge=0.005)) == 11


def test_a_silent_clip_becomes_empty():
    assert len(trim_silence(clip(), 1000)) == 0
    assert len(trim_silence(clip(value=0.001, loud=(5, 6)), 1000)) == 0


@pytest.mark.parametrize("level, counts", [(0.0028, False), (0.0035, True), (0.001, False)],
                         ids=["below", "above", "far-below"])
def test_minus_50_dbfs_is_the_line_between_silence_and_sound(level, counts):
    # -50 dBFS is an amplitude of 0.00316
    trimmed = trim_silence(clip(loud=(300,), value=level), 1000, edge=0.0)
    assert len(trimmed) == (1 if counts else 0)


def test_a_sample_exactly_at_the_threshold_is_still_silence():
    trimmed = trim_silence(np.array([0.0, 1.0, 0.0], dtype=np.float32), 1000, threshold_db=0.0,
                           edge=0.0)
    assert len(trimmed) == 0


# -- resample ---------------------------------------------------------------------------------

def test_a_clip_already_at_the_rate_is_returned_as_it_is():
    samples = np.linspace(-0.5, 0.5, 100, dtype=np.float32)
    assert resample(samples, 24000, 24000) is samples


def test_an_empty_clip_is_not_resampled():
    empty = np.zeros(0, dtype=np.float32)
    assert resample(empty, 22050, 44100) is empty


def test_a_clip_of_one_sample_is_resampled_like_any_other():
    out = resample(np.ones(1, dtype=np.float32), 22050, 44100)
    assert len(out) == 2


def test_a_resampled_clip_keeps_its_duration_as_float32():
    samples = np.sin(np.linspace(0, 100, 22050)).astype(np.float32)
    out = resample(samples, 22050, 44100)
    assert out.dtype == np.float32
    assert len(out) == 44100


# -- load_sound -------------------------------------------------------------------------------

def tone_file(path, seconds, rate=8000, level=16384):
    frames = np.full(round(seconds * rate), level, dtype="<i2").tobytes()
    return write_wav(path, frames, rate=rate)


def test_music_shorter_than_the_limit_is_decoded_whole_and_mono(tmp_path, caplog):
    path = tone_file(tmp_path / "m.wav", 1.0)
    with caplog.at_level(logging.WARNING):
        samples = load_sound(path, 8000, limit=2.0)
    assert len(samples) == 8000
    assert samples.dtype == np.float32
    assert caplog.records == []


def test_music_exactly_at_the_limit_is_neither_cut_nor_faded(tmp_path, caplog):
    path = tone_file(tmp_path / "m.wav", 2.0)
    with caplog.at_level(logging.WARNING):
        samples = load_sound(path, 8000, limit=2.0)
    assert len(samples) == 16000
    assert samples[-1] == pytest.approx(0.5, abs=1e-3)
    assert caplog.records == []


def test_longer_music_is_cut_at_the_limit_with_a_fade_and_a_warning_naming_it(tmp_path, caplog,
                                                                               monkeypatch):
    monkeypatch.setattr(sources, "CUT_FADE", 0.5)
    path = tone_file(tmp_path / "long.wav", 3.0)
    with caplog.at_level(logging.WARNING):
        samples = load_sound(path, 8000, limit=2.0)
    assert len(samples) == 16000
    fade = 4000
    assert samples[16000 - fade - 1] == pytest.approx(0.5, abs=1e-3)  # before the fade: as is
    assert samples[16000 - fade] == pytest.approx(0.5, abs=1e-3)  # the fade starts at full level
    assert samples[16000 - fade // 2] == pytest.approx(0.25, abs=2e-3)
    assert samples[-1] == 0.0
    assert [r.getMessage() for r in caplog.records] == [
        f"{path}: longer than 0.0333333 minutes; only its first 0.0333333 minutes are played "
        "(with a fade at the cut)"]


def test_music_is_decoded_one_second_past_the_limit_and_no_further(tmp_path, monkeypatch):
    asked = []
    real = ffmpeg.decode_pcm

    def spy(*args, **kwargs):
        asked.append(kwargs.get("seconds"))
        return real(*args, **kwargs)

    monkeypatch.setattr(ffmpeg, "decode_pcm", spy)
    load_sound(tone_file(tmp_path / "m.wav", 0.5), 8000, limit=2.5)
    assert asked == [3.5]


def test_music_without_a_single_sample_is_refused_naming_the_file(tmp_path):
    path = write_wav(tmp_path / "empty.wav", b"")
    with pytest.raises(AudioError) as err:
        load_sound(path, 8000)
    assert str(err.value) == f"{path}: no audio in this file"
