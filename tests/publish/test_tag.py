"""ID3v2.3 tags, chapters and transcript written into a real MP3 and read back."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from mutagen.id3 import ID3, CTOCFlags, PictureType

from podcaster import ffmpeg
from podcaster.config import default_asset, load_config
from podcaster.errors import TagError
from podcaster.model import Episode, Post, Source
from podcaster.publish.chapters import Chapter
from podcaster.publish.tag import (
    EpisodeTags,
    id3_language,
    order_chapter_frames,
    read_tags,
    write_episode_sidecars,
    write_tags,
)
from tests.helpers import AUTHOR, SOURCE_1, SOURCE_2, ffmpeg_chapters, sample_timeline

CHAPTERS = [
    Chapter("인사", 0, 800),
    Chapter("기사 1 · 한국어 제목, 쉼표와 · 가운뎃점", 800, 1500,
            "https://news.example.kr/기사/1?q=가"),
    Chapter("논평", 1500, 2000),
]


@pytest.fixture
def mp3(tmp_path) -> Path:
    """Two seconds of real MP3 audio with no tag."""
    path = tmp_path / "episode.mp3"
    ffmpeg.run(["-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-ac", "1",
                "-ar", "44100", "-codec:a", "libmp3lame", "-b:a", "64k",
                "-id3v2_version", "0", "-f", "mp3", str(path)])
    return path


def full_tags(**changes) -> EpisodeTags:
    values = dict(
        title="로봇과 전기차의 하루", artist=AUTHOR, album="별빛서재의 저녁 AI 소식",
        date="2025-11-03", track=7, description="로봇 카페와 전기차 충전 소식.",
        cover=default_asset("cover.png"), language="kor", chapters=CHAPTERS,
        transcript="별빛서재: 안녕하세요.\n\n새벽일보: 매장이 100곳을 넘었다.",
        feed_url="https://example.com/show/feed.xml", guid="c2cbc979-6813-5b2e-8c47-e8c19bc455fd",
        notes="로봇 카페와 전기차 충전 소식.\n\n1. 로봇 바리스타\nhttps://news.example.com/a",
        category="News", keywords=["AI", "로봇"],
    )
    values.update(changes)
    return EpisodeTags(**values)


def test_every_field_reads_back(mp3):
    tags = full_tags()
    assert write_tags(mp3, tags) is True
    id3 = read_tags(mp3)
    assert id3.version == (2, 3, 0)
    assert id3["TIT2"].text == [tags.title]
    assert id3["TPE1"].text == [AUTHOR]
    assert id3["TALB"].text == [tags.album]
    assert str(id3["TDRC"].text[0]) == "2025-11-03"  # stored as v2.3 TYER + TDAT
    assert id3["TCON"].text == ["Podcast"]
    assert id3["TRCK"].text == ["7"]
    (apic,) = id3.getall("APIC")
    assert apic.type == PictureType.COVER_FRONT
    assert apic.mime == "image/png"
    assert apic.data == default_asset("cover.png").read_bytes()
    (comm,) = id3.getall("COMM")
    assert (comm.lang, comm.text) == ("kor", [tags.description])
    (uslt,) = id3.getall("USLT")
    assert (uslt.lang, uslt.text) == ("kor", tags.transcript)
    assert id3["PCST"].value == 1
    assert id3["WFED"].text == [tags.feed_url]
    assert id3["TGID"].text == [tags.guid]
    assert id3["TDES"].text == [tags.notes]
    assert id3["TCAT"].text == ["News"]
    assert id3["TKWD"].text == ["AI,로봇"]


def raw_frame(mp3: Path, frame_id: bytes) -> bytes:
    """The body of the first ``frame_id`` frame in the file's ID3v2.3 tag."""
    data = mp3.read_bytes()
    size = 0
    for byte in data[6:10]:
        size = (size << 7) | byte
    pos = 10
    while pos + 10 <= 10 + size and data[pos:pos + 4].strip(b"\0"):
        length = int.from_bytes(data[pos + 4:pos + 8], "big")
        if data[pos:pos + 4] == frame_id:
            return data[pos + 10:pos + 10 + length]
        pos += 10 + length
    raise AssertionError(f"no {frame_id!r} frame")


def test_wfed_has_an_encoding_byte_as_apple_writes_it(mp3):
    write_tags(mp3, full_tags())
    assert raw_frame(mp3, b"WFED") == b"\x00https://example.com/show/feed.xml\x00"


def test_eyed3_reads_the_podcast_frames_without_warnings(mp3, caplog):
    eyed3 = pytest.importorskip("eyed3")
    write_tags(mp3, full_tags())
    with caplog.at_level("WARNING"):
        audio = eyed3.load(str(mp3))
    # (eyeD3 also misreads ID3v2.3's TDAT "DDMM" day as a date; that is not ours to fix.)
    warnings = [r.getMessage() for r in caplog.records
                if r.name.startswith("eyed3") and "Invalid date" not in r.getMessage()]
    assert warnings == []
    (wfed,) = audio.tag.frame_set[b"WFED"]
    assert wfed.text == "https://example.com/show/feed.xml"
    assert audio.tag.title == "로봇과 전기차의 하루"


def test_raw_tag_is_version_2_3_with_v23_date_frames(mp3):
    write_tags(mp3, full_tags())
    raw = ID3(str(mp3), translate=False)
    assert raw.version == (2, 3, 0)
    assert raw["TYER"].text == ["2025"] and raw["TDAT"].text == ["0311"]
    assert "TDRC" not in raw


def test_chapters_are_an_ordered_top_level_toc_of_chap_frames(mp3):
    write_tags(mp3, full_tags())
    id3 = read_tags(mp3)
    (toc,) = id3.getall("CTOC")
    assert toc.flags & CTOCFlags.TOP_LEVEL and toc.flags & CTOCFlags.ORDERED
    chaps = {c.element_id: c for c in id3.getall("CHAP")}
    assert sorted(toc.child_element_ids) == sorted(chaps)
    listed = [chaps[i] for i in toc.child_element_ids]
    assert [(c.start_time, c.end_time) for c in listed] == [(0, 800), (800, 1500), (1500, 2000)]
    assert [c.sub_frames["TIT2"].text[0] for c in listed] == [c.title for c in CHAPTERS]
    # ID3 URL fields are Latin-1: non-ASCII characters are percent-encoded
    (link,) = listed[1].sub_frames.getall("WXXX")
    assert link.url == "https://news.example.kr/%EA%B8%B0%EC%82%AC/1?q=%EA%B0%80"
    assert not listed[0].sub_frames.getall("WXXX")


def test_chapter_frames_lie_in_the_file_in_time_order(mp3):
    # ffmpeg ignores the CTOC and lists CHAP frames in file order
    chapters = [Chapter("짧은", 0, 500), Chapter("아주 긴 제목의 두 번째 장입니다 " * 3, 500, 1000),
                Chapter("셋", 1000, 1500), Chapter("넷째 장", 1500, 2000)]
    write_tags(mp3, full_tags(chapters=chapters))
    listed, _ = ffmpeg_chapters(mp3)
    assert [c["title"] for c in listed] == [c.title for c in chapters]
    for chapter, expected in zip(listed, chapters):
        assert abs(int(chapter["START"]) - expected.start_ms) <= 50


def test_ordering_leaves_an_ordered_tag_alone(mp3):
    write_tags(mp3, full_tags())
    before = mp3.read_bytes()
    order_chapter_frames(mp3)
    assert mp3.read_bytes() == before


def test_rewriting_the_same_tags_leaves_the_file_alone(mp3):
    write_tags(mp3, full_tags())
    assert write_tags(mp3, full_tags()) is False
    assert write_tags(mp3, full_tags(track=8)) is True
    assert read_tags(mp3)["TRCK"].text == ["8"]


def test_failure_names_the_file_and_leaves_it_unchanged(mp3, tmp_path):
    write_tags(mp3, full_tags())
    before = mp3.read_bytes()
    with pytest.raises(TagError, match="episode.mp3"):
        write_tags(mp3, full_tags(cover=tmp_path / "missing.png"))
    assert mp3.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["episode.mp3"]
    with pytest.raises(TagError, match="nothing.mp3"):
        write_tags(tmp_path / "nothing.mp3", full_tags())


def test_read_tags_of_untagged_file(tmp_path):
    path = tmp_path / "plain.mp3"
    path.write_bytes(b"\xff\xfb" + b"\0" * 400)
    with pytest.raises(TagError, match="no ID3 tag"):
        read_tags(path)


def test_id3_language():
    assert id3_language("ko") == "kor"
    assert id3_language("ko-KR") == "kor"
    assert id3_language("eng") == "eng"
    assert id3_language("xx") == "und"


CONFIG = """
[show]
title = "별빛서재의 저녁 AI 소식"
author = "별빛서재"
description = "저녁 AI 뉴스"
base_url = "https://example.com/show/"
owner_email = "me@example.com"
category = "News"
"""


def test_episode_tags_and_sidecars_of_an_episode(tmp_path, mp3):
    from podcaster.publish.summary import episode_summary
    from podcaster.publish.tag import episode_tags

    (tmp_path / "podcast.toml").write_text(CONFIG, encoding="utf-8")
    config = load_config(tmp_path)
    post = Post(path=tmp_path / "posts" / "2025-11-03-robots.txt", title="로봇과 전기차의 하루",
                date=dt.date(2025, 11, 3), slug="robots", blocks=[],
                sources=[SOURCE_1, SOURCE_2, Source(3, "세 번째", "오후신문", None)])
    timeline = sample_timeline()
    episode = Episode(post, [], 4, mp3, 0, timeline.duration, timeline)

    tags = episode_tags(config, episode)
    assert (tags.title, tags.artist, tags.album, tags.date, tags.track) == (
        "로봇과 전기차의 하루", "별빛서재", "별빛서재의 저녁 AI 소식", "2025-11-03", 4)
    # No description: the generated summary, the same line the feed and pages show.
    assert tags.description == episode_summary(episode)
    assert tags.description.startswith("이번 회에서 다룬 소식: 로봇 바리스타")
    assert tags.language == "kor"
    assert tags.feed_url == "https://example.com/show/feed.xml"
    assert len(tags.guid) == 36
    assert tags.category == "News"
    assert tags.notes.splitlines()[2:] == [
        f"1. {SOURCE_1.title} - 새벽일보", SOURCE_1.url, f"2. {SOURCE_2.title}",
        "3. 세 번째 - 오후신문"]
    assert [c.title for c in tags.chapters][:2] == ["인사", f"기사 1 · {SOURCE_1.title}"]
    assert tags.transcript.startswith("별빛서재: 로봇과 전기차의 하루\n\n")
    assert "오늘 소식 2개를 전합니다." in tags.transcript

    written = write_episode_sidecars(config, episode)
    assert sorted(p.name for p in written) == [
        "robots.chapters.json", "robots.peaks.json", "robots.srt", "robots.transcript.json",
        "robots.vtt"]
    assert all(p.parent == mp3.parent for p in written)
    doc = json.loads((mp3.parent / "robots.chapters.json").read_text(encoding="utf-8"))
    assert doc["title"] == post.title
    assert doc["chapters"][1]["startTime"] == 14
    assert (mp3.parent / "robots.vtt").read_text(encoding="utf-8").startswith("WEBVTT")
    assert write_episode_sidecars(config, episode) == []  # unchanged: nothing rewritten
