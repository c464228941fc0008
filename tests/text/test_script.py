"""The spoken script: order of cues, announcements, stings and pauses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from podcaster.model import Block, Post, Segment, Source
from podcaster.text.script import ScriptSettings, announcement, build_script, ordinal

INTRO, STING, OUTRO = Path("intro.mp3"), Path("sting.mp3"), Path("outro.mp3")
SETTINGS = ScriptSettings(intro=INTRO, sting=STING, outro=OUTRO, sentence_pause=0.3,
                          paragraph_pause=0.6, segment_pause=1.1)


def make_post(segments: list[Segment]) -> Post:
    blocks = [Block(p, quoted=s.kind == "article") for s in segments for p in s.paragraphs]
    sources = [s.source for s in segments if s.source]
    return Post(path=Path("2025-11-10-test.txt"), title="저녁의 기술 소식",
                date=dt.date(2025, 11, 10), slug="test", blocks=blocks, sources=sources)


def segments_with_two_articles() -> list[Segment]:
    first = Source(1, "공장에 들어간 협동 로봇", "한빛경제", "https://example.com/1")
    second = Source(2, "바다 위 풍력 발전", None, "https://example.com/2")
    return [
        Segment("greeting", "인사", ["안녕하세요 별빛서재입니다. 오늘도 반갑습니다."]),
        Segment("article", first.title, ["협동 로봇이 공장에 들어갔다. 사람 옆에서 일한다.",
                                         "생산성이 올랐다."], first),
        Segment("article", second.title, ["바다 위에 풍력 단지가 생겼다."], second),
        Segment("commentary", "생각", ["기술은 결국 사람을 돕는 도구입니다."]),
        Segment("signoff", "마무리", ["이상 별빛서재였습니다. 편안한 밤 되세요."]),
    ]


@pytest.mark.parametrize("number, expected", [
    (1, "첫"), (2, "두"), (3, "세"), (4, "네"), (5, "다섯"), (10, "열"), (11, "열한"),
    (12, "열두"), (19, "열아홉"), (20, "스무"), (21, "스물한"), (34, "서른네"), (99, "아흔아홉"),
])
def test_ordinals_are_native_korean(number, expected):
    assert ordinal(number) == expected


def test_announcement_names_the_outlet_from_the_source_list():
    assert announcement(1, Source(1, "제목", "SBS 뉴스")) == "첫 번째 기사, SBS 뉴스입니다."
    assert announcement(3, Source(3, "제목", None)) == "세 번째 기사입니다."
    assert announcement(2, None) == "두 번째 기사입니다."


def test_script_order_stings_and_announcements():
    segments = segments_with_two_articles()
    cues = build_script(make_post(segments), segments, SETTINGS)
    kinds = [c.kind for c in cues]
    assert kinds[:2] == ["intro", "title"]
    assert kinds[-1] == "outro"
    assert cues[1].text == "저녁의 기술 소식"
    # Sting, announcement, the article; between two articles a single sting.
    assert kinds == [
        "intro", "title", "greeting", "greeting",
        "sting", "announcement", "article", "article", "article",
        "sting", "announcement", "article", "sting",
        "commentary", "signoff", "signoff", "outro",
    ]
    announcements = [c.text for c in cues if c.kind == "announcement"]
    assert announcements == ["첫 번째 기사, 한빛경제입니다.", "두 번째 기사입니다."]
    assert all(c.sound == STING for c in cues if c.kind == "sting")
    assert cues[0].sound == INTRO and cues[-1].sound == OUTRO


def test_cues_know_their_segment_and_paragraph():
    segments = segments_with_two_articles()
    cues = build_script(make_post(segments), segments, SETTINGS)
    first_article = [c for c in cues if c.segment == 1]
    assert [c.kind for c in first_article] == ["sting", "announcement", "article", "article",
                                               "article"]
    assert [c.paragraph for c in first_article if c.kind == "article"] == [0, 0, 1]
    assert cues[0].segment is None and cues[-1].segment is None


def test_pauses_follow_the_settings():
    segments = segments_with_two_articles()
    cues = build_script(make_post(segments), segments, SETTINGS)
    pause = {(c.kind, c.text): c.pause_after for c in cues}
    assert pause[("title", "저녁의 기술 소식")] == 1.1
    assert pause[("greeting", "안녕하세요 별빛서재입니다.")] == 0.3  # between sentences
    assert pause[("greeting", "오늘도 반갑습니다.")] == 1.1  # end of a segment
    assert pause[("article", "사람 옆에서 일한다.")] == 0.6  # end of a paragraph
    assert pause[("announcement", "첫 번째 기사, 한빛경제입니다.")] == 0.6
    # An article's last sentence leads into the closing sting, which takes the segment pause.
    assert pause[("article", "생산성이 올랐다.")] == 1.1  # next comes another article's sting
    assert pause[("article", "바다 위에 풍력 단지가 생겼다.")] == 0.6
    stings = [c for c in cues if c.kind == "sting"]
    assert [s.pause_after for s in stings] == [0.3, 0.3, 1.1]


def test_no_sounds_when_none_are_configured():
    segments = segments_with_two_articles()
    cues = build_script(make_post(segments), segments, ScriptSettings())
    assert not any(c.is_sound for c in cues)
    assert cues[0].kind == "title"
