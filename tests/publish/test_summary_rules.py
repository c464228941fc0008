"""The episode's one summary line, each fallback from both sides: the post's own description
(when it holds more than spaces), else the titles of its sources (those with a title), else its
first paragraph that holds more than spaces, else its title; and the 300-character limit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from podcaster.model import Post, Segment, Source
from podcaster.publish.summary import MAX_CHARS, shorten, summary


def post(description: str | None = None, sources: list[Source] | None = None) -> Post:
    return Post(path=Path("2025-11-03-rain.txt"), title="비 오는 저녁의 소식",
                date=dt.date(2025, 11, 3), slug="rain", blocks=[], sources=sources or [],
                description=description)


def segments(*paragraphs: str) -> list[Segment]:
    return [Segment("greeting", "인사", list(paragraphs[:1])),
            Segment("commentary", "생각", list(paragraphs[1:]))]


TITLED = [Source(1, "  우산 대란  ", "새벽일보"), Source(2, "", "오후신문"), Source(3, "  "),
          Source(4, "장화 품절")]


@pytest.mark.parametrize(("description", "sources", "paragraphs", "expected"), [
    # the post's own description, its spaces made single, never shortened
    ("  짧은  요약\n둘째 줄 ", TITLED, ("첫 문단",), "짧은 요약 둘째 줄"),
    ("가" * 400, [], (), "가" * 400),
    # a description of spaces only, or none: the sources' titles (untitled ones left out)
    ("  \n ", TITLED, ("첫 문단",), "이번 회에서 다룬 소식: 우산 대란 · 장화 품절"),
    (None, TITLED, ("첫 문단",), "이번 회에서 다룬 소식: 우산 대란 · 장화 품절"),
    ("", [Source(1, "단 하나")], (), "이번 회에서 다룬 소식: 단 하나"),
    # no titled source: the first paragraph that holds more than spaces, spaces made single
    (None, [Source(1, " "), Source(2, "")], ("  ", "\n", "  비가  많이\n왔습니다. "),
     "비가 많이 왔습니다."),
    (None, [], ("첫  인사입니다.", "둘째 문단"), "첫 인사입니다."),
    # nothing at all: the title
    (None, [], (" ", ""), "비 오는 저녁의 소식"),
    (" ", [Source(1, " ")], (), "비 오는 저녁의 소식"),
], ids=["description", "long-description", "blank-description", "no-description",
        "one-source", "blank-paragraphs", "first-paragraph", "blank-everything",
        "nothing"])
def test_the_summary_falls_back_in_order(description, sources, paragraphs, expected):
    assert summary(post(description, sources), segments(*paragraphs)) == expected


def test_a_summary_from_sources_or_a_paragraph_is_cut_at_the_limit():
    many = [Source(n, f"소식 {n:02d} 제목입니다") for n in range(1, 40)]
    line = summary(post(sources=many), [])
    assert len(line) == MAX_CHARS and line.endswith("…")
    assert line.startswith("이번 회에서 다룬 소식: 소식 01 제목입니다 · 소식 02")
    paragraph = summary(post(), segments("나" * 301))
    assert paragraph == "나" * (MAX_CHARS - 1) + "…"


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("가나다", 3, "가나다"),  # exactly the limit: kept whole
    ("가나다라", 3, "가나…"),  # one over: cut, ending in "…"
    ("가  나다라", 4, "가…"),  # the space before the cut is dropped
    ("", 3, ""),
])
def test_shorten_both_sides_of_the_limit(text, limit, expected):
    assert shorten(text, limit) == expected


def test_shorten_defaults_to_the_summary_limit():
    assert shorten("가" * MAX_CHARS) == "가" * MAX_CHARS
    assert shorten("가" * (MAX_CHARS + 1)) == "가" * (MAX_CHARS - 1) + "…"
