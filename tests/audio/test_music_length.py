"""Music (intro, stings, outro) is decoded only as far as it can be played: at most
MAX_MUSIC_SECONDS, so a file of any length costs bounded memory; a shorter file is decoded
exactly as before."""

from __future__ import annotations

import logging
import wave
from pathlib import Path

import numpy as np

from podcaster import ffmpeg
from podcaster.audio import sources
from podcaster.audio.sources import MAX_MUSIC_SECONDS, load_sound
from podcaster.build import build_project
from tests.helpers import make_project

RATE = 8000


def write_noise(path: Path, seconds: float, rate: int = RATE) -> None:
    samples = (np.random.default_rng(7).uniform(-0.3, 0.3, int(seconds * rate)) * 32767)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.astype("<i2").tobytes())


def test_a_long_file_is_decoded_only_up_to_the_limit(tmp_path, caplog):
    music = tmp_path / "long-outro.wav"
    write_noise(music, 60)
    with caplog.at_level(logging.WARNING, logger="podcaster.audio.sources"):
        samples = load_sound(music, 16000, limit=2.0)
    assert len(samples) == 2 * 16000
    assert abs(samples[-1]) < 1e-3 < float(np.abs(samples[:16000]).max())  # faded at the cut
    (record,) = caplog.records
    assert str(music) in record.getMessage() and "first" in record.getMessage()


def test_a_file_within_the_limit_is_decoded_whole_and_as_before(tmp_path, caplog):
    music = tmp_path / "sting.wav"
    write_noise(music, 3)
    whole = np.frombuffer(ffmpeg.decode_pcm(music, 44100, 1, sample_format="f32le"), "<f4")
    with caplog.at_level(logging.WARNING):
        samples = load_sound(music, 44100)
    assert np.array_equal(samples, whole)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]  # nothing cut
    assert MAX_MUSIC_SECONDS >= 60  # a song-length outro fits


def test_a_build_with_an_intro_longer_than_the_limit_plays_its_start(tmp_path, monkeypatch,
                                                                     caplog):
    monkeypatch.setattr(sources, "MAX_MUSIC_SECONDS", 1.5)
    monkeypatch.setattr(sources.load_sound, "__defaults__", (1.5,))
    project = make_project(tmp_path / "show", posts={"2025-03-01-spring-rain.txt": """\
봄비 소식
안녕하세요 시험 작가입니다.
비가 오면 꽃이 더 빨리 필 것 같습니다.
이상 오늘의 소식이었습니다.
"""})
    write_noise(project / "audio" / "outro.wav", 20)
    with caplog.at_level(logging.WARNING):
        result = build_project(project)
    assert any("outro.wav" in r.getMessage() and "first" in r.getMessage()
               for r in caplog.records)
    assert result.audio_seconds < 15  # a 20-second outro would make it longer
