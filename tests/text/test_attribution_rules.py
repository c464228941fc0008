"""Attribution without sources, from both sides: the unclosed quote's warning with and
without a known line, and the greeting's count grouping quotes one per article only when it
counts the quote blocks and they are not already the runs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from podcaster.model import Block, Post
from podcaster.text.attribution import NO_SOURCES, attribute


def post_of(blocks: list[Block]) -> Post:
    return Post(path=Path("2025-07-07-quotes.md"), title="인용", date=dt.date(2025, 7, 7),
                slug="quotes", blocks=blocks, sources=[])


@pytest.mark.parametrize(("line", "where"), [
    (0, "paragraph 2: "), (8, "paragraph 2 (line 8): ")])
def test_an_unclosed_quote_is_named_with_its_line_when_known(line, where):
    blocks = [Block("안녕하세요."), Block("“첫 문단이다.", quoted=True, unclosed=True, line=line),
              Block("둘째 문단이다.", quoted=True, continues=True, line=line and line + 2),
              Block("이상입니다.")]
    warnings = [str(w) for w in attribute(post_of(blocks)).warnings]
    end = f" (line {line + 2})" if line else ""
    assert warnings == [
        f"2025-07-07-quotes.md: {where}““첫 문단이다.”: the quote mark opened here is not "
        f"closed; the quote is taken to end with paragraph 3{end}; add the closing mark where "
        "it ends",
        f"2025-07-07-quotes.md: {NO_SOURCES}"]


def test_a_closed_quote_gives_only_the_no_sources_warning():
    blocks = [Block("안녕하세요."), Block("“인용이다.”", quoted=True, line=3)]
    assert [w.message for w in attribute(post_of(blocks)).warnings] == [NO_SOURCES]


@pytest.mark.parametrize(("greeting", "articles"), [
    # two quotes in one run: one article, unless the greeting counts two
    ("오늘은 소식이 있습니다.", [[1, 2], [4]]),
    ("오늘은 세 가지 소식입니다.", [[1], [2], [4]]),
    ("오늘은 두 가지 소식입니다.", [[1, 2], [4]]),
    ("오늘은 네 가지 소식입니다.", [[1, 2], [4]]),
])
def test_without_sources_the_greetings_count_may_part_a_run(greeting, articles):
    blocks = [Block(greeting), Block("“가.”", quoted=True), Block("“나.”", quoted=True),
              Block("그렇군요."), Block("“다.”", quoted=True)]
    found = attribute(post_of(blocks)).articles
    assert [a.blocks for a in found] == articles
    assert all(a.source is None and a.why == ["the post lists no sources"] for a in found)


def test_without_sources_a_count_of_the_runs_changes_nothing_when_runs_are_blocks():
    blocks = [Block("오늘은 두 가지 소식입니다."), Block("“가.”", quoted=True), Block("그렇다."),
              Block("“나.”", quoted=True)]
    assert [a.blocks for a in attribute(post_of(blocks)).articles] == [[1], [3]]


def test_a_post_without_quotes_has_no_articles_and_no_warning():
    found = attribute(post_of([Block("안녕하세요."), Block("그렇습니다.")]))
    assert (found.articles, found.warnings) == ([], [])
