"""Chapters from the timeline, the JSON chapters file, and — on the built demo — the chapters,
transcripts and tags as independent readers (ffmpeg, webvtt-py, mutagen) see them."""

from __future__ import annotations

import json

import pytest
import webvtt

from podcaster.model import SegmentSpan
from podcaster.publish.chapters import chapter_titles, chapters_json, episode_chapters
from podcaster.publish.tag import read_tags
from podcaster.text.read import read_post
from podcaster.text.segment import segment_post
from tests.helpers import SOURCE_1, ffmpeg_chapters, sample_timeline

# -- chapters from a timeline -------------------------------------------------------------


def test_one_chapter_per_segment_with_titles_and_source_links():
    chapters = episode_chapters(sample_timeline())
    assert [c.title for c in chapters] == [
        "인사",
        "기사 1 · 로봇 바리스타 매장 100곳 돌파",
        "논평 1",
        "기사 2 · 전기차 충전소 두 배로",
        "논평 2",
        "맺음말",
    ]
    assert [c.url for c in chapters] == [None, SOURCE_1.url, None, None, None, None]
    assert [c.kind for c in chapters] == ["greeting", "article", "commentary", "article",
                                          "commentary", "signoff"]


def test_chapters_start_at_first_sentence_and_cover_the_audio():
    timeline = sample_timeline()
    chapters = episode_chapters(timeline)
    # the first chapter covers the intro and title; an article's chapter starts with its
    # announcement, after the sting
    assert [c.start_ms for c in chapters] == [0, 14000, 24000, 28000, 34000, 37000]
    for a, b in zip(chapters, chapters[1:]):
        assert a.end_ms == b.start_ms
    assert chapters[-1].end_ms == round(timeline.duration * 1000)


def test_single_commentary_is_not_numbered():
    spans = [SegmentSpan(0, "greeting", "인사", 0, 1), SegmentSpan(1, "article", "기사 1", 1, 2),
             SegmentSpan(2, "commentary", "논평", 2, 3), SegmentSpan(3, "signoff", "맺음말", 3, 4)]
    assert chapter_titles(spans) == ["인사", "기사 1", "논평", "맺음말"]


def test_chapters_json_follows_podcasting_2_format():
    chapters = episode_chapters(sample_timeline())
    doc = json.loads(chapters_json(chapters, title="로봇과 전기차의 하루",
                                   podcast_name="저녁 소식").decode("utf-8"))
    assert doc["version"] == "1.2.0"
    assert doc["title"] == "로봇과 전기차의 하루"
    assert doc["podcastName"] == "저녁 소식"
    items = doc["chapters"]
    assert [i["title"] for i in items] == [c.title for c in chapters]
    assert [i["startTime"] for i in items] == [0, 14, 24, 28, 34, 37]
    assert items[-1]["endTime"] == 46.5
    assert items[1]["url"] == SOURCE_1.url
    assert all("url" not in i for n, i in enumerate(items) if n != 1)
    assert all(isinstance(i["startTime"], (int, float)) for i in items)


# -- the built demo, read by independent readers ------------------------------------------


@pytest.fixture(scope="module")
def demo_build(built_demo):
    return built_demo


def vtt_seconds(stamp: str) -> float:
    h, m, s = stamp.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def test_demo_chapters_match_json_and_transcript(demo_build):
    project, result = demo_build
    assert len(result.episodes) == 3
    for episode in result.episodes:
        slug = episode.post.slug
        folder = project / "public" / "episodes"
        chapters, _ = ffmpeg_chapters(episode.audio_path)
        doc = json.loads((folder / f"{slug}.chapters.json").read_text(encoding="utf-8"))
        vtt = webvtt.read(str(folder / f"{slug}.vtt"))
        starts = [vtt_seconds(c.start) for c in vtt]

        # right titles, in order: one per segment of the post
        segments = segment_post(read_post(episode.post.path))
        assert [c["title"] for c in chapters] == [c["title"] for c in doc["chapters"]]
        assert len(chapters) == len(segments)
        n = 0
        for chapter, segment in zip(chapters, segments):
            if segment.kind == "article":
                n += 1
                assert chapter["title"] == f"기사 {n} · {segment.source.title}"
            else:
                assert chapter["title"].startswith(segment.title)
        # the same start times in the MP3, the JSON and the transcript (within 50 ms)
        for n, (chapter, item) in enumerate(zip(chapters, doc["chapters"])):
            start = int(chapter["START"]) / 1000
            assert abs(start - item["startTime"]) <= 0.05
            if n > 0:  # chapters after the first open with a sentence of the transcript
                assert min(abs(start - s) for s in starts) <= 0.05, chapter["title"]
        article_urls = [s.source.url for s in segments if s.kind == "article" and s.source]
        assert [i["url"] for i in doc["chapters"] if "url" in i] == article_urls


def test_demo_transcripts_parse_in_order_within_the_audio(demo_build):
    project, result = demo_build
    for episode in result.episodes:
        folder = project / "public" / "episodes"
        vtt = webvtt.read(str(folder / f"{episode.post.slug}.vtt"))
        _, duration = ffmpeg_chapters(episode.audio_path)
        times = [(vtt_seconds(c.start), vtt_seconds(c.end)) for c in vtt]
        assert len(times) > 10
        for (start, end), (next_start, _) in zip(times, times[1:]):
            assert start < end <= next_start
        assert times[-1][1] <= duration
        assert times[-1][1] <= episode.duration
        # the author speaks first (the title); quotes are credited to their outlets
        assert vtt[0].voice == "별빛서재"
        assert vtt[0].text == episode.post.title
        outlets = {s.source.outlet for s in episode.segments if s.kind == "article"}
        assert outlets <= {c.voice for c in vtt}
        srt = webvtt.from_srt(str(folder / f"{episode.post.slug}.srt"))
        assert vtt_seconds(srt[0].start) == times[0][0]
        assert vtt_seconds(srt[-1].end) == times[-1][1]


def test_demo_mp3_chapter_frames_and_tags(demo_build):
    project, result = demo_build
    for episode in result.episodes:
        tags = read_tags(episode.audio_path)
        assert tags.version == (2, 3, 0)
        assert str(tags["TIT2"]) == episode.post.title
        assert str(tags["TRCK"]) == str(episode.number)
        (toc,) = tags.getall("CTOC")
        chaps = sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
        assert toc.child_element_ids == [c.element_id for c in chaps]
        assert chaps[0].start_time == 0
        assert chaps[-1].end_time == round(episode.duration * 1000)
        assert episode.size == episode.audio_path.stat().st_size
