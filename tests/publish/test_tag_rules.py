"""ID3 tags, each rule from both sides: every optional frame written when its value is set and
absent when it is not, a PNG and a JPEG cover, tags the chapter ordering walks and tags it
leaves alone, and errors naming the file for each way a file cannot be read."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from pathlib import Path

import pytest

from podcaster import ffmpeg
from podcaster.config import default_asset, load_config
from podcaster.errors import TagError
from podcaster.model import Episode, Post
from podcaster.publish.chapters import Chapter
from podcaster.publish.tag import (
    EpisodeTags,
    audio_duration,
    order_chapter_frames,
    read_tags,
    write_episode_sidecars,
    write_tags,
)
from tests.helpers import ffmpeg_chapters, sample_timeline

CHAPTERS = [Chapter("인사", 0, 800), Chapter("기사 1", 800, 2000, "https://a.example/1")]


@pytest.fixture(scope="module")
def silent_mp3(tmp_path_factory) -> bytes:
    """Two seconds of real MP3 audio with no tag."""
    path = tmp_path_factory.mktemp("audio") / "a.mp3"
    ffmpeg.run(["-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-ac", "1",
                "-ar", "44100", "-codec:a", "libmp3lame", "-b:a", "64k",
                "-id3v2_version", "0", "-f", "mp3", str(path)])
    return path.read_bytes()


@pytest.fixture
def mp3(tmp_path, silent_mp3) -> Path:
    path = tmp_path / "episode.mp3"
    path.write_bytes(silent_mp3)
    return path


def tags(**changes) -> EpisodeTags:
    values = dict(
        title="제목", artist="별빛서재", album="저녁 소식", date="2025-11-03", track=3,
        description="요약.", cover=default_asset("cover.png"), language="kor",
        chapters=CHAPTERS, transcript="별빛서재: 안녕하세요.", podcast=True,
        feed_url="https://example.com/feed.xml", guid="guid-1", notes="노트", category="News",
        keywords=["AI"])
    values.update(changes)
    return EpisodeTags(**values)


# the frames each optional value writes, and the value that leaves it out
OPTIONAL = [
    ("description", "", ["COMM"]),
    ("cover", None, ["APIC"]),
    ("transcript", "", ["USLT"]),
    ("podcast", False, ["PCST"]),
    ("feed_url", "", ["WFED"]),
    ("guid", "", ["TGID"]),
    ("notes", "", ["TDES"]),
    ("category", "", ["TCAT"]),
    ("keywords", [], ["TKWD"]),
    ("chapters", [], ["CTOC", "CHAP"]),
]


@pytest.mark.parametrize(("field", "empty", "frames"), OPTIONAL)
def test_an_optional_frame_is_written_only_when_its_value_is_set(mp3, field, empty, frames):
    write_tags(mp3, tags())
    present = read_tags(mp3)
    assert all(present.getall(frame) for frame in frames)
    write_tags(mp3, tags(**{field: empty}))
    absent = read_tags(mp3)
    assert not any(absent.getall(frame) for frame in frames)
    # and nothing else went with it
    others = {k[:4] for k in present.keys()} - set(frames)
    assert others <= {k[:4] for k in absent.keys()}


def test_the_required_frames_are_always_there(mp3):
    empty = {field: value for field, value, _ in OPTIONAL}
    write_tags(mp3, tags(**empty))
    assert sorted({k[:4] for k in read_tags(mp3).keys()}) == [
        "TALB", "TCON", "TDRC", "TIT2", "TPE1", "TRCK"]


def test_several_keywords_are_one_comma_separated_frame(mp3):
    write_tags(mp3, tags(keywords=["AI", "로봇", "전기차"]))
    assert read_tags(mp3)["TKWD"].text == ["AI,로봇,전기차"]


@pytest.mark.parametrize(("name", "mime"), [
    ("cover.png", "image/png"), ("COVER.PNG", "image/png"),
    ("cover.jpg", "image/jpeg"), ("cover.jpeg", "image/jpeg"), ("cover.JPG", "image/jpeg"),
])
def test_the_cover_is_stored_with_its_type(mp3, tmp_path, name, mime):
    cover = tmp_path / name
    cover.write_bytes(default_asset("cover.png").read_bytes())
    write_tags(mp3, tags(cover=cover))
    (apic,) = read_tags(mp3).getall("APIC")
    assert apic.mime == mime and apic.desc == "Cover"


def test_a_chapter_without_a_link_has_no_link_frame(mp3):
    write_tags(mp3, tags())
    chaps = {c.element_id: c for c in read_tags(mp3).getall("CHAP")}
    assert [bool(chaps[i].sub_frames.getall("WXXX")) for i in ("chp0", "chp1")] == [False, True]
    (link,) = chaps["chp1"].sub_frames.getall("WXXX")
    assert (link.desc, link.url) == ("", "https://a.example/1")  # a link, not a labelled one
    (toc,) = read_tags(mp3).getall("CTOC")
    assert toc.element_id == "toc" and toc.child_element_ids == ["chp0", "chp1"]
    assert toc.sub_frames["TIT2"].text == ["Chapters"]
    assert all(c.start_offset == c.end_offset == 0xFFFFFFFF for c in chaps.values())


def test_the_tag_has_no_padding(mp3, silent_mp3):
    write_tags(mp3, tags())
    data = mp3.read_bytes()
    size = 0
    for byte in data[6:10]:
        size = (size << 7) | byte
    pos = 10
    while pos < 10 + size and data[pos:pos + 4].strip(b"\0"):
        pos += 10 + int.from_bytes(data[pos + 4:pos + 8], "big")
    assert pos == 10 + size  # the last frame ends where the tag does: no padding
    assert data[pos:] == silent_mp3


# ---- ordering the chapter frames ------------------------------------------------------------


def swapped_chapter_frames(mp3: Path) -> bytes:
    """The tag of ``mp3`` with its two CHAP frames' places swapped in the file."""
    data = bytearray(mp3.read_bytes())
    size = 0
    for byte in data[6:10]:
        size = (size << 7) | byte
    frames, pos = [], 10
    while pos + 10 <= 10 + size and data[pos:pos + 4].strip(b"\0"):
        end = pos + 10 + int.from_bytes(data[pos + 4:pos + 8], "big")
        frames.append([pos, end])
        pos = end
    chaps = [f for f in frames if data[f[0]:f[0] + 4] == b"CHAP"]
    assert len(chaps) == 2
    (a0, a1), (b0, b1) = chaps
    assert a1 == b0  # neighbours
    data[a0:b1] = data[b0:b1] + data[a0:a1]
    return bytes(data)


def chap_order(data: bytes) -> list[bytes]:
    ids = []
    pos = 0
    while (pos := data.find(b"CHAP", pos)) >= 0:
        ids.append(data[pos + 10:pos + 14])
        pos += 4
    return ids


def test_chapter_frames_out_of_order_are_put_in_time_order(mp3):
    write_tags(mp3, tags())
    assert chap_order(mp3.read_bytes()) == [b"chp0", b"chp1"]
    mp3.write_bytes(swapped_chapter_frames(mp3))
    assert chap_order(mp3.read_bytes()) == [b"chp1", b"chp0"]
    size = mp3.stat().st_size
    order_chapter_frames(mp3)
    assert chap_order(mp3.read_bytes()) == [b"chp0", b"chp1"] and mp3.stat().st_size == size
    assert sorted(c.start_time for c in read_tags(mp3).getall("CHAP")) == [0, 800]


@pytest.mark.parametrize(("offset", "value"), [
    (3, 4),  # an ID3v2.4 tag
    (5, 0x80),  # unsynchronised
    (5, 0x40),  # with an extended header
])
def test_a_tag_not_as_written_here_is_left_alone(mp3, offset, value):
    write_tags(mp3, tags())
    data = bytearray(swapped_chapter_frames(mp3))
    data[offset] = value
    mp3.write_bytes(bytes(data))
    order_chapter_frames(mp3)
    assert mp3.read_bytes() == bytes(data)


@pytest.mark.parametrize("data", [b"", b"ID3\x03\x00", b"\xff\xfb" + b"\0" * 20])
def test_a_file_without_a_whole_tag_header_is_left_alone(tmp_path, data):
    path = tmp_path / "short.mp3"
    path.write_bytes(data)
    order_chapter_frames(path)
    assert path.read_bytes() == data


def test_a_tag_without_chapters_keeps_its_frames_in_place(mp3):
    write_tags(mp3, tags(chapters=[]))
    before = mp3.read_bytes()
    order_chapter_frames(mp3)
    assert mp3.read_bytes() == before


# ---- reading ----------------------------------------------------------------------------------


def test_reading_tags_that_are_not_id3_names_the_file(tmp_path):
    path = tmp_path / "broken.mp3"
    path.write_bytes(b"ID3\x03\x00\x00\x7f\x7f\x7f\x7f" + b"\xff" * 20)
    with pytest.raises(TagError, match=r"broken\.mp3: (cannot read tags|no ID3 tag)"):
        read_tags(path)
    with pytest.raises(TagError, match=r"missing\.mp3: cannot read tags"):
        read_tags(tmp_path / "missing.mp3")


def test_the_written_tag_reads_back_with_apples_feed_frame(mp3):
    write_tags(mp3, tags())
    assert read_tags(mp3)["WFED"].text == ["https://example.com/feed.xml"]


def test_the_duration_of_real_audio(mp3):
    assert audio_duration(mp3) == pytest.approx(2.0, abs=0.06)


def test_the_duration_of_something_else_names_the_file(tmp_path):
    text = tmp_path / "notes.mp3"
    text.write_bytes(b"not audio at all " * 100)
    with pytest.raises(TagError, match=r"notes\.mp3: not an MP3 file"):
        audio_duration(text)
    with pytest.raises(TagError, match=r"gone\.mp3: cannot read the audio"):
        audio_duration(tmp_path / "gone.mp3")


def test_changed_tags_are_written_and_the_same_ones_are_not(mp3):
    assert write_tags(mp3, tags()) is True
    for field, value in [("title", "다른 제목"), ("artist", "다른 사람"), ("album", "다른 쇼"),
                         ("date", "2025-11-04"), ("track", 4), ("language", "eng")]:
        before = mp3.read_bytes()
        assert write_tags(mp3, dataclasses.replace(tags(), **{field: value})) is True, field
        assert mp3.read_bytes() != before
        assert write_tags(mp3, dataclasses.replace(tags(), **{field: value})) is False, field


# ---- the files beside the MP3 -----------------------------------------------------------------


SHOW = """
[show]
title = "저녁 소식"
author = "별빛서재"
description = "저녁 뉴스"
base_url = "https://example.com/show/"
owner_email = "me@example.com"
"""


def test_only_missing_or_changed_sidecars_are_written_and_each_is_logged(tmp_path, mp3, caplog):
    (tmp_path / "podcast.toml").write_text(SHOW, encoding="utf-8")
    config = load_config(tmp_path)
    post = Post(path=tmp_path / "posts" / "2025-11-03-robots.txt", title="로봇",
                date=dt.date(2025, 11, 3), slug="robots", blocks=[], sources=[])
    timeline = sample_timeline()
    episode = Episode(post, [], 1, mp3, 0, timeline.duration, timeline)
    with caplog.at_level(logging.INFO, logger="podcaster.publish.tag"):
        first = write_episode_sidecars(config, episode)
    assert [r.getMessage() for r in caplog.records if r.name == "podcaster.publish.tag"] == [
        f"wrote {p.name}" for p in first if not p.name.endswith(".peaks.json")]
    (tmp_path / "robots.srt").unlink()
    (tmp_path / "robots.vtt").write_text("WEBVTT\n", encoding="utf-8")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="podcaster.publish.tag"):
        again = write_episode_sidecars(config, episode)
    assert sorted(p.name for p in again) == ["robots.srt", "robots.vtt"]
    assert sorted(r.getMessage() for r in caplog.records) == ["wrote robots.srt",
                                                             "wrote robots.vtt"]
    assert (tmp_path / "robots.vtt").read_bytes().startswith(b"WEBVTT\n\n1\n")


@pytest.mark.parametrize("language", ["kor", "eng"])
def test_the_summary_and_transcript_are_unlabelled_in_the_shows_language(mp3, language):
    write_tags(mp3, tags(language=language))
    id3 = read_tags(mp3)
    (comm,) = id3.getall("COMM")
    (uslt,) = id3.getall("USLT")
    assert (comm.desc, comm.lang, comm.text) == ("", language, ["요약."])
    assert (uslt.desc, uslt.lang, uslt.text) == ("", language, "별빛서재: 안녕하세요.")
    assert id3["TCON"].text == ["Podcast"] and id3["PCST"].value == 1


def tag_frames(data: bytes) -> tuple[list[bytes], bytes, bytes]:
    """The frames of an ID3v2.3 tag, the header before them and everything after them."""
    size = 0
    for byte in data[6:10]:
        size = (size << 7) | byte
    frames, pos = [], 10
    while pos + 10 <= 10 + size and data[pos:pos + 4].strip(b"\0"):
        end = pos + 10 + int.from_bytes(data[pos + 4:pos + 8], "big")
        frames.append(data[pos:end])
        pos = end
    return frames, data[:10], data[pos:]


def test_the_table_of_contents_goes_before_the_chapters_and_they_go_by_time(mp3):
    # given out of time order: the ids (chp0 = the later chapter) disagree with the times
    chapters = [Chapter("둘째", 1000, 2000), Chapter("첫째", 0, 1000, "https://a.example/1"),
                Chapter("셋째", 2000, 2500)]
    write_tags(mp3, tags(chapters=chapters))
    frames, head, rest = tag_frames(mp3.read_bytes())
    slots = [i for i, f in enumerate(frames) if f[:4] in (b"CTOC", b"CHAP")]
    shuffled = [frames[i] for i in slots]
    shuffled.sort(key=lambda f: f[:4] == b"CTOC")  # the table of contents last
    for i, frame in zip(slots, shuffled):
        frames[i] = frame
    mp3.write_bytes(head + b"".join(frames) + rest)
    order_chapter_frames(mp3)
    frames, _, _ = tag_frames(mp3.read_bytes())
    ids = [f[10:f.index(b"\0", 10)] for f in frames if f[:4] in (b"CTOC", b"CHAP")]
    assert ids == [b"toc", b"chp1", b"chp0", b"chp2"]
    listed, _ = ffmpeg_chapters(mp3)
    assert [c["title"] for c in listed] == ["첫째", "둘째", "셋째"]
