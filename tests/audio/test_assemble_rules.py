"""Both sides of the rules of ``Sounds``, the assembler's source of each cue's audio: an
unreadable music file, a music file changed in place, the K-weighting handed on once, and an
event's padding and envelope."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from podcaster.audio.assemble import Sounds
from podcaster.audio.settings import AudioSettings
from podcaster.audio.timeline import Event
from podcaster.errors import AudioError
from podcaster.model import Cue
from tests.helpers import write_wav

RATE = 16000


def tone(seconds: float, level: float = 0.3, freq: float = 440.0) -> np.ndarray:
    t = np.arange(round(seconds * RATE)) / RATE
    return (level * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def sounds(cues: list[Cue] | None = None, clips: list | None = None) -> Sounds:
    cues = cues or [Cue(kind="intro", sound=Path("unused.wav"))]
    return Sounds(cues, clips or [None] * len(cues), AudioSettings(sample_rate=RATE))


def test_a_music_file_that_cannot_be_read_is_an_audio_error_naming_it(tmp_path):
    missing = tmp_path / "인트로.wav"
    with pytest.raises(AudioError) as err:
        sounds()._sound(missing)
    message = str(err.value)
    assert str(missing) in message and "cannot read" in message


def test_a_music_file_rewritten_with_the_same_size_is_read_again(tmp_path):
    """The decoded music is kept by path, modification time and size: a new time is new
    music, even when the size stayed the same."""
    path = tmp_path / "sting.wav"
    write_wav(path, tone(0.5, freq=440.0), RATE)
    first = sounds()._sound(path).copy()
    write_wav(path, tone(0.5, freq=880.0), RATE)  # same length, so the same size
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    second = sounds()._sound(path)
    assert len(second) == len(first)
    assert not np.allclose(second, first)


def test_a_music_file_rewritten_with_the_same_time_but_another_size_is_read_again(tmp_path):
    path = tmp_path / "outro.wav"
    write_wav(path, tone(0.5), RATE)
    mtime = path.stat().st_mtime_ns
    first = sounds()._sound(path)
    write_wav(path, tone(0.8), RATE)
    os.utime(path, ns=(mtime, mtime))
    second = sounds()._sound(path)
    assert len(first) == round(0.5 * RATE)
    assert len(second) == round(0.8 * RATE)


def test_the_k_weighting_of_a_clip_is_handed_on_once(tmp_path):
    """A clip the limiter left alone gives its K-weighted samples to the mix's measure, once;
    another index has none."""
    clip = write_wav(tmp_path / "a.wav", tone(1.0, level=0.1), RATE)
    cue = Cue(kind="body", text="가", spoken="가")
    s = sounds([cue, cue], [clip, clip])
    samples, rate = s.native(0)
    assert rate == RATE
    filtered = s.filtered(0)
    assert isinstance(filtered, np.ndarray) and len(filtered) >= len(samples)
    assert s.filtered(0) is None
    assert s.filtered(1) is None


@pytest.mark.parametrize("short_by", [1, 3])
def test_an_event_longer_than_its_samples_is_padded_with_silence_in_float32(short_by):
    samples = np.full(100, 0.5, np.float32)
    event = Event(cue=0, start=0, length=100 + short_by, group="body")
    out = sounds().event(event, samples)
    assert len(out) == 100 + short_by
    assert out.dtype == np.float32
    assert np.all(out[:100] == np.float32(0.5))
    assert np.all(out[100:] == 0)


def test_an_event_as_long_as_its_samples_plays_them_unchanged():
    samples = np.linspace(-0.5, 0.5, 100, dtype=np.float32)
    out = sounds().event(Event(cue=0, start=0, length=100, group="body"), samples)
    assert out.dtype == np.float32
    assert np.array_equal(out, samples)


def test_an_event_shorter_than_its_samples_plays_its_length():
    samples = np.linspace(-0.5, 0.5, 100, dtype=np.float32)
    out = sounds().event(Event(cue=0, start=0, length=60, group="body"), samples)
    assert np.array_equal(out, samples[:60])


def test_an_event_plays_its_envelope():
    samples = np.ones(100, np.float32)
    event = Event(cue=0, start=0, length=100, group="music", envelope=((0, 0.0), (99, 1.0)))
    out = sounds().event(event, samples)
    assert out[0] == 0 and out[-1] == pytest.approx(1.0)
    assert out[50] == pytest.approx(50 / 99, abs=1e-6)
