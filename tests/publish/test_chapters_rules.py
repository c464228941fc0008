"""Chapters, each rule from both sides: a source with and without a title or link, one and
several commentaries, a segment with and without words, audio longer and shorter than the
last chapter's start, and the JSON's optional fields present and absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from podcaster.model import Cue, SegmentSpan, Source, TimedCue, Timeline
from podcaster.publish.chapters import Chapter, chapter_titles, chapters_json, episode_chapters

GREETING = SegmentSpan(0, "greeting", "인사", 0.0, 1.0)
SIGNOFF = SegmentSpan(9, "signoff", "맺음말", 8.0, 9.0)


def article(source: Source | None, index: int = 1) -> SegmentSpan:
    return SegmentSpan(index, "article", "기사", 1.0, 2.0, source)


@pytest.mark.parametrize(("source", "title"), [
    (Source(1, "로봇 바리스타"), "기사 1 · 로봇 바리스타"),
    (Source(1, "  로봇 바리스타 \n"), "기사 1 · 로봇 바리스타"),  # spaces around are dropped
    (Source(1, "   "), "기사 1"),  # a blank title: the number alone
    (Source(1, ""), "기사 1"),
    (None, "기사 1"),  # no source at all
])
def test_an_article_chapter_is_numbered_and_named_by_its_source(source, title):
    assert chapter_titles([GREETING, article(source), SIGNOFF]) == ["인사", title, "맺음말"]


def test_articles_are_numbered_in_order():
    spans = [article(Source(1, "가")), article(None, 2), article(Source(3, "다"), 3)]
    assert chapter_titles(spans) == ["기사 1 · 가", "기사 2", "기사 3 · 다"]


@pytest.mark.parametrize(("commentaries", "titles"), [
    (0, []),
    (1, ["논평"]),  # a single part is not numbered
    (2, ["논평 1", "논평 2"]),
    (3, ["논평 1", "논평 2", "논평 3"]),
])
def test_commentary_is_numbered_only_when_there_are_several(commentaries, titles):
    spans = [GREETING] + [SegmentSpan(n + 1, "commentary", "논평", 0.0, 1.0)
                          for n in range(commentaries)] + [SIGNOFF]
    assert chapter_titles(spans) == ["인사", *titles, "맺음말"]


# ---- times ---------------------------------------------------------------------------------


def words(segment: int, start: float, end: float) -> TimedCue:
    return TimedCue(Cue("x", text="말", spoken="말", segment=segment), start, end)


def sound(segment: int | None, start: float, end: float) -> TimedCue:
    return TimedCue(Cue("sting", sound=Path("sting.mp3"), segment=segment), start, end)


def spans3(*starts: float, duration: float) -> list[SegmentSpan]:
    ends = [*starts[1:], duration]
    kinds = ["greeting", "commentary", "signoff"]
    return [SegmentSpan(n, kinds[n], kinds[n], s, e) for n, (s, e) in
            enumerate(zip(starts, ends))]


def test_a_chapter_starts_at_its_first_words_not_at_the_sound_before_them():
    cues = [sound(None, 0.0, 3.0), words(0, 3.0, 5.0), sound(1, 5.5, 6.5), words(1, 6.5, 8.0),
            words(1, 8.0, 9.0), words(2, 9.5, 11.0)]
    timeline = Timeline(cues, spans3(0.0, 5.5, 9.5, duration=12.0), 12.0)
    chapters = episode_chapters(timeline)
    assert [(c.start_ms, c.end_ms) for c in chapters] == [(0, 6500), (6500, 9500),
                                                          (9500, 12000)]


def test_a_segment_without_words_starts_where_its_span_starts():
    cues = [words(0, 1.0, 5.0), sound(1, 5.5, 6.5), words(2, 9.5, 11.0)]
    timeline = Timeline(cues, spans3(0.0, 5.5, 9.5, duration=12.0), 12.0)
    assert [c.start_ms for c in episode_chapters(timeline)] == [0, 5500, 9500]


def test_a_chapter_never_starts_before_the_one_before_it():
    # the second segment's span says 2 s, the third's first words come at 1 s
    cues = [words(0, 0.5, 1.0), words(2, 1.0, 2.0)]
    timeline = Timeline(cues, spans3(0.0, 2.0, 3.0, duration=4.0), 4.0)
    assert [(c.start_ms, c.end_ms) for c in episode_chapters(timeline)] == [
        (0, 2000), (2000, 2000), (2000, 4000)]


def test_times_are_rounded_to_the_nearest_millisecond():
    cues = [words(0, 0.0, 1.0), words(1, 1.2346, 2.0), words(2, 2.0004, 2.5)]
    timeline = Timeline(cues, spans3(0.0, 1.2346, 2.0004, duration=3.0006), 3.0006)
    assert [(c.start_ms, c.end_ms) for c in episode_chapters(timeline)] == [
        (0, 1235), (1235, 2000), (2000, 3001)]


@pytest.mark.parametrize(("duration", "last_end"), [
    (12.0, 12000),  # the audio runs on: the last chapter covers it all
    (9.0, 9500),  # audio said to end before the last words: no chapter ends before it starts
])
def test_the_last_chapter_ends_with_the_audio_and_never_before_its_start(duration, last_end):
    cues = [words(0, 0.0, 5.0), words(1, 6.0, 8.0), words(2, 9.5, 11.0)]
    timeline = Timeline(cues, spans3(0.0, 6.0, 9.5, duration=duration), duration)
    chapters = episode_chapters(timeline)
    assert chapters[-1].start_ms == 9500 and chapters[-1].end_ms == last_end


def test_no_segments_no_chapters():
    assert episode_chapters(Timeline([], [], 10.0)) == []


@pytest.mark.parametrize(("kind", "source", "url"), [
    ("article", Source(1, "가", url="https://a.example/1"), "https://a.example/1"),
    ("article", Source(1, "가", url=""), None),  # an empty link is no link
    ("article", Source(1, "가"), None),
    ("article", None, None),
    ("commentary", Source(1, "가", url="https://a.example/1"), None),  # only articles link
])
def test_only_an_article_with_a_source_link_links(kind, source, url):
    spans = [SegmentSpan(0, kind, "제목", 0.0, 2.0, source)]
    (chapter,) = episode_chapters(Timeline([words(0, 0.0, 1.0)], spans, 2.0))
    assert chapter.url == url and chapter.kind == kind


# ---- the JSON file ---------------------------------------------------------------------------


CHAPTERS = [Chapter("인사", 0, 1500), Chapter("기사 1", 1500, 3250, "https://뉴스.example/기사 1")]


@pytest.mark.parametrize(("title", "name", "keys"), [
    ("제목", "쇼", ["version", "title", "podcastName", "chapters"]),
    (None, None, ["version", "chapters"]),
    ("", "", ["version", "chapters"]),  # empty is absent, not ""
    ("제목", None, ["version", "title", "chapters"]),
    (None, "쇼", ["version", "podcastName", "chapters"]),
])
def test_the_episode_title_and_podcast_name_are_written_only_when_known(title, name, keys):
    doc = json.loads(chapters_json(CHAPTERS, title=title, podcast_name=name))
    assert list(doc) == keys
    assert doc.get("title") == (title or None) and doc.get("podcastName") == (name or None)


def test_json_chapters_are_in_seconds_with_encoded_links():
    doc = json.loads(chapters_json(CHAPTERS))
    assert doc["chapters"] == [
        {"startTime": 0, "endTime": 1.5, "title": "인사"},
        {"startTime": 1.5, "endTime": 3.25, "title": "기사 1",
         "url": "https://xn--vg1b002a.example/%EA%B8%B0%EC%82%AC%201"},
    ]
    raw = chapters_json(CHAPTERS).decode("utf-8")
    assert "인사" in raw and raw.endswith("}\n")  # Hangul as written, one final newline
