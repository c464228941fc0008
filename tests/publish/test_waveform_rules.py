"""The waveform's peaks file beside an MP3, each rule from both sides: written from the peaks
the build has or else decoded from the MP3, rewritten when it is older than the MP3 or was made
for another one (version, size, a broken list of peaks), and left alone (nothing decoded) when
it is up to date; and an MP3 that cannot be decoded is named as the user knows it."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from podcaster import ffmpeg
from podcaster.errors import AudioError
from podcaster.model import Episode, Post
from podcaster.publish import waveform
from podcaster.publish.waveform import PEAK_COUNT, mp3_peaks, peaks_path, write_peaks
from tests.helpers import sample_timeline


@pytest.fixture(scope="module")
def tone_mp3(tmp_path_factory) -> bytes:
    """Two seconds of a tone (at an eighth of full scale) as MP3: its peaks are about 35."""
    path = tmp_path_factory.mktemp("audio") / "tone.mp3"
    ffmpeg.run(["-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-ac", "1",
                "-ar", "44100", "-codec:a", "libmp3lame", "-b:a", "64k",
                "-id3v2_version", "0", "-f", "mp3", str(path)])
    return path.read_bytes()


def episode_of(tmp_path: Path, data: bytes, peaks: list[int] | None = None) -> Episode:
    mp3 = tmp_path / "episodes" / "a1b2c3.mp3"
    mp3.parent.mkdir(exist_ok=True)
    mp3.write_bytes(data)
    post = Post(path=tmp_path / "2025-11-03-rain.txt", title="비", date=dt.date(2025, 11, 3),
                slug="rain", blocks=[], sources=[])
    timeline = sample_timeline()
    return Episode(post, [], 1, mp3, len(data), timeline.duration, timeline, peaks)


@pytest.fixture
def decoded(monkeypatch) -> list[Path]:
    """The MP3s decoded for their peaks (each gives a flat waveform of 42s)."""
    calls: list[Path] = []

    def fake(mp3: Path, name: Path | None = None) -> list[int]:
        calls.append(mp3)
        return [42] * PEAK_COUNT

    monkeypatch.setattr(waveform, "mp3_peaks", fake)
    return calls


def stored(episode: Episode) -> dict:
    return json.loads(peaks_path(episode).read_bytes())


def set_mtime(path: Path, ns: int) -> None:
    os.utime(path, ns=(ns, ns))


def test_peaks_known_to_the_build_are_written_without_decoding(tmp_path, tone_mp3, decoded):
    episode = episode_of(tmp_path, tone_mp3, peaks=[7] * PEAK_COUNT)
    assert write_peaks(episode) is True
    assert decoded == []
    assert stored(episode)["peaks"] == [7] * PEAK_COUNT
    assert peaks_path(episode).name == "rain.peaks.json"


def test_peaks_known_nowhere_are_decoded_from_the_mp3(tmp_path, tone_mp3):
    episode = episode_of(tmp_path, tone_mp3)
    assert write_peaks(episode) is True
    doc = stored(episode)
    assert doc["version"] == 1 and doc["bytes"] == len(tone_mp3) and doc["audio"] == "a1b2c3.mp3"
    assert len(doc["peaks"]) == PEAK_COUNT and min(doc["peaks"][10:-10]) > 20


def test_an_up_to_date_peaks_file_is_kept_and_nothing_is_decoded(tmp_path, tone_mp3, decoded):
    episode = episode_of(tmp_path, tone_mp3)
    assert write_peaks(episode) is True
    assert write_peaks(episode) is False
    # written in the same instant as the MP3 counts as up to date, too
    set_mtime(peaks_path(episode), episode.audio_path.stat().st_mtime_ns)
    assert write_peaks(episode) is False
    assert decoded == [episode.audio_path]


def test_a_peaks_file_older_than_its_mp3_is_made_again(tmp_path, tone_mp3, decoded):
    episode = episode_of(tmp_path, tone_mp3)
    path = peaks_path(episode)
    path.write_bytes(waveform.peaks_json(episode, [9] * PEAK_COUNT))
    set_mtime(path, episode.audio_path.stat().st_mtime_ns - 1)
    assert write_peaks(episode) is True
    assert stored(episode)["peaks"] == [42] * PEAK_COUNT


def test_a_peaks_file_checked_again_with_the_same_peaks_is_then_up_to_date(
        tmp_path, tone_mp3, decoded):
    episode = episode_of(tmp_path, tone_mp3)
    assert write_peaks(episode) is True
    path = peaks_path(episode)
    set_mtime(path, episode.audio_path.stat().st_mtime_ns - 10**9)  # the MP3 was touched
    assert write_peaks(episode) is False  # the same peaks: not written ...
    assert path.stat().st_mtime_ns >= episode.audio_path.stat().st_mtime_ns  # ... but checked
    assert write_peaks(episode) is False
    assert len(decoded) == 2  # the first write and the check, not the third call


@pytest.mark.parametrize("change", [
    {"version": 2},
    {"version": None},
    {"bytes": 1},
    {"bytes": None},
    {"peaks": [9] * (PEAK_COUNT - 1)},
    {"peaks": [9] * (PEAK_COUNT - 1) + [101]},
    {"peaks": None},
], ids=["other-version", "no-version", "other-size", "no-size", "too-few-peaks",
        "peak-out-of-range", "no-peaks"])
def test_a_newer_peaks_file_made_for_something_else_is_made_again(tmp_path, tone_mp3, decoded,
                                                                   change):
    episode = episode_of(tmp_path, tone_mp3)
    doc = json.loads(waveform.peaks_json(episode, [9] * PEAK_COUNT))
    doc.update(change)
    doc = {k: v for k, v in doc.items() if v is not None}
    path = peaks_path(episode)
    path.write_text(json.dumps(doc), encoding="utf-8")
    set_mtime(path, episode.audio_path.stat().st_mtime_ns + 10**9)
    assert write_peaks(episode) is True
    assert stored(episode)["peaks"] == [42] * PEAK_COUNT
    assert stored(episode)["bytes"] == len(tone_mp3) and stored(episode)["version"] == 1


@pytest.mark.parametrize("content", [b"[]", b"{not json", b'"peaks"'])
def test_a_damaged_peaks_file_is_made_again(tmp_path, tone_mp3, decoded, content):
    episode = episode_of(tmp_path, tone_mp3)
    path = peaks_path(episode)
    path.write_bytes(content)
    set_mtime(path, episode.audio_path.stat().st_mtime_ns + 10**9)
    assert write_peaks(episode) is True
    assert stored(episode)["peaks"] == [42] * PEAK_COUNT


def test_an_mp3_that_cannot_be_decoded_is_named_as_published(tmp_path):
    staged = tmp_path / "staging" / "x9.mp3"
    staged.parent.mkdir()
    staged.write_bytes(b"not audio at all" * 64)
    with pytest.raises(AudioError) as named:
        mp3_peaks(staged, Path("public/episodes/x9.mp3"))
    assert str(named.value).startswith("public/episodes/x9.mp3: ffmpeg failed")
    with pytest.raises(AudioError) as unnamed:
        mp3_peaks(staged)
    assert str(unnamed.value).startswith(f"{staged}: ffmpeg failed")


def test_render_peaks_keeps_the_published_file_made_for_the_same_mp3(tmp_path, tone_mp3,
                                                                     decoded):
    """The commit renders the peaks of an MP3 still in staging: a published file made for the
    same MP3 is kept byte for byte, and nothing is decoded; one made for another is not."""
    episode = episode_of(tmp_path, tone_mp3)
    published = waveform.peaks_json(episode, [9] * PEAK_COUNT)
    peaks_path(episode).write_bytes(published)
    staged = tmp_path / "staging" / "a1b2c3.mp3"
    assert waveform.render_peaks(episode, staged) == published
    assert decoded == []
    other = json.loads(published)
    other["bytes"] = len(tone_mp3) + 1
    peaks_path(episode).write_text(json.dumps(other), encoding="utf-8")
    assert json.loads(waveform.render_peaks(episode, staged))["peaks"] == [42] * PEAK_COUNT
    assert decoded == [staged]


def test_render_peaks_names_a_staged_mp3_that_cannot_be_decoded_as_published(tmp_path):
    episode = episode_of(tmp_path, b"not audio at all" * 64)
    staged = tmp_path / "staging" / "a1b2c3.mp3"
    staged.parent.mkdir()
    staged.write_bytes(b"not audio at all" * 64)
    with pytest.raises(AudioError) as named:
        waveform.render_peaks(episode, staged)
    assert str(named.value).startswith(f"{episode.audio_path}: ffmpeg failed")
