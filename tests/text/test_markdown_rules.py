"""The Markdown reader's rules from both sides: front matter or none, a title from front
matter, a heading or the first line, paragraph mode or line mode, what is never read, the
nesting limit, and the text left of inline markup."""

from __future__ import annotations

from pathlib import Path

import pytest

from podcaster.errors import PostError
from podcaster.text.readers.markdown import (
    MAX_DEPTH,
    MarkdownReader,
    inline_text,
    split_front_matter,
)

P = Path("2025-03-04-a.md")


def parse(text: str):
    post = MarkdownReader().parse(text, P)
    return post.title, [(p.text, p.line, p.quoted, p.group) for p in post.paragraphs]


def refused(text: str) -> str:
    with pytest.raises(PostError) as caught:
        MarkdownReader().parse(text, P)
    assert caught.value.path == P
    return caught.value.problem


# --- front matter ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("# 제목\n본문\n", ({}, ["# 제목", "본문", ""], 0)),                  # none
    ("\n---\na: 1\n---\n본문\n", ({}, ["", "---", "a: 1", "---", "본문", ""], 0)),  # not first
    ("---\na: 1\n---\n본문\n", ({"a": 1}, ["본문", ""], 3)),
    (" --- \na: 1\n ... \n본문\n", ({"a": 1}, ["본문", ""], 3)),            # "..." closes too
    ("---\n---\n본문\n", ({}, ["본문", ""], 2)),                            # empty: no keys
    ("---\n# 주석만\n---\n본문\n", ({}, ["본문", ""], 3)),
])
def test_split_front_matter(text, expected):
    assert split_front_matter(text, P) == expected


@pytest.mark.parametrize(("text", "problem"), [
    ("---\ntitle: 제목\n본문\n", "front matter is not closed (no second '---' line)"),
    ("---\ntitle: 제목\nb: [\n---\n본문\n",
     "front matter is not valid YAML at line 3: expected the node content, but found "
     "'<stream end>'"),
    ("---\ndate: 2025-02-30\n---\n본문\n",
     "front matter has a date that is no day (day is out of range for month); write dates "
     "as YYYY-MM-DD"),
    ("---\n- 하나\n---\n본문\n", "front matter must be a mapping of keys to values"),
    ("---\n제목만\n---\n본문\n", "front matter must be a mapping of keys to values"),
])
def test_front_matter_refused(text, problem):
    with pytest.raises(PostError) as caught:
        split_front_matter(text, P)
    assert (caught.value.path, caught.value.problem) == (P, problem)


# --- the title --------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "title", "paragraphs"), [
    ("# 제목\n\n본문.\n", "제목", [("본문.", 3, False, None)]),
    ("제목\n===\n\n본문.\n", "제목", [("본문.", 4, False, None)]),
    # front matter's title wins; the heading under it is not read
    ("---\ntitle: 앞 제목\n---\n# 머리\n\n본문.\n", "앞 제목", [("본문.", 6, False, None)]),
    # ... and a first paragraph that is no heading is the post's
    ("---\ntitle: 앞 제목\n---\n본문 하나.\n\n본문 둘.\n", "앞 제목",
     [("본문 하나.", 4, False, None), ("본문 둘.", 6, False, None)]),
    ("---\ntitle: 2025\n---\n본문.\n", "2025", [("본문.", 4, False, None)]),
    # no heading: the first line is the title, the rest of its paragraph the body
    ("첫 줄이 제목\n둘째 줄 본문\n\n셋째 문단\n", "첫 줄이 제목",
     [("둘째 줄 본문", 2, False, None), ("셋째 문단", 4, False, None)]),
    ("첫 줄이 제목\n\n본문.\n", "첫 줄이 제목", [("본문.", 3, False, None)]),
])
def test_the_title(text, title, paragraphs):
    assert parse(text) == (title, paragraphs)


@pytest.mark.parametrize(("front", "problem"), [
    ("title: true", "'title' must be text, not bool"),
    ("title: [하나]", "'title' must be text, not list"),
    ("title: \"  \"", "the post has no title"),
    ("title: \"\"", "the post has no title"),
])
def test_a_title_that_is_no_text(front, problem):
    assert refused(f"---\n{front}\n---\n본문.\n") == problem


def test_a_post_of_front_matter_only_has_no_title():
    assert refused("---\na: 1\n---\n\n") == "the post has no title"


# --- paragraphs -------------------------------------------------------------------------------


def test_paragraph_mode_joins_lines_and_numbers_quotes():
    text = "# 제목\n\n첫 문단.\n둘째 줄.\n\n> 인용 하나\n>\n> 인용 둘\n\n본문\n\n> 다른 인용\n"
    assert parse(text)[1] == [
        ("첫 문단. 둘째 줄.", 3, False, None), ("인용 하나", 6, True, 1),
        ("인용 둘", 8, True, 1), ("본문", 10, False, None), ("다른 인용", 12, True, 2)]


def test_line_mode_without_blank_lines():
    text = "제목 줄\n첫 줄.\n> 인용 줄.\n> 인용 둘.\n끝 줄.\n"
    assert parse(text)[1] == [
        ("첫 줄.", 2, False, None), ("인용 줄.", 3, True, None), ("인용 둘.", 4, True, None),
        ("끝 줄.", 5, False, None)]


def test_one_blank_line_is_paragraph_mode():
    assert parse("제목 줄\n첫 줄.\n둘째 줄.\n\n끝 줄.\n")[1] == [
        ("첫 줄. 둘째 줄.", 2, False, None), ("끝 줄.", 5, False, None)]


def test_line_mode_after_front_matter_numbers_the_file_lines():
    assert parse("---\ntitle: 앞\n---\n첫 줄.\n둘째 줄.\n")[1] == [
        ("첫 줄.", 4, False, None), ("둘째 줄.", 5, False, None)]


def test_a_dashed_underline_is_a_rule_not_a_heading():
    assert parse("# 제목\n\n문단 하나\n---\n\n문단 둘.\n")[1] == [
        ("문단 하나", 3, False, None), ("문단 둘.", 6, False, None)]


def test_code_html_rules_and_later_headings_are_not_read():
    text = "# 제목\n\n```\n코드\n```\n\n<div>html</div>\n\n***\n\n본문.\n\n## 중간 머리\n\n끝.\n"
    assert parse(text)[1] == [("본문.", 11, False, None), ("끝.", 15, False, None)]


def test_inline_markup_is_dropped_and_breaks_are_spaces():
    text = ("# 제목\n\n**굵은** `코드` [링크](https://example.com/a) ![그림](x.png) "
            "줄<br>바꿈 <span>html</span>\n둘째 줄  \n셋째\n")
    assert parse(text)[1] == [("굵은 코드 링크 줄 바꿈 html 둘째 줄 셋째", 3, False, None)]


def test_the_source_list_is_not_read_and_lines_keep_their_numbers():
    post = MarkdownReader().parse(
        "---\ntitle: 앞\n---\n# 제목\n\n본문.\n\n1. 기사 -한빛일보-\n", P)
    assert [(p.text, p.line) for p in post.paragraphs] == [("본문.", 6)]
    assert [(s.n, s.title, s.outlet, s.line) for s in post.sources] == [(1, "기사", "한빛일보", 8)]
    assert post.meta == {"title": "앞"}


@pytest.mark.parametrize(("text", "expected"), [
    ("**굵은** `코드` [링크](https://example.com/a) ![그림](x.png)", "굵은 코드 링크"),
    ("첫 줄\n둘째 줄", "첫 줄 둘째 줄"),
    ("앞<br/>뒤", "앞 뒤"),
    ("~~지운~~ 글", "지운 글"),
])
def test_inline_text(text, expected):
    assert inline_text(text) == expected


# --- nesting ----------------------------------------------------------------------------------


def test_quotes_nested_to_the_limit_are_read():
    assert parse("# 제목\n\n" + ">" * MAX_DEPTH + " 깊은 인용\n")[1] == [
        ("깊은 인용", 3, True, 1)]


@pytest.mark.parametrize(("text", "line"), [
    ("# 제목\n\n" + ">" * (MAX_DEPTH + 1) + " 깊은 인용\n", 3),
    ("---\ntitle: 앞\n---\n# 제목\n\n본문.\n\n" + ">" * (MAX_DEPTH + 1) + " 깊은 인용\n", 8),
    ("# 제목\n\n" + "".join("  " * i + "- 항목\n" for i in range(MAX_DEPTH + 1)),
     3 + MAX_DEPTH),
])
def test_deeper_nesting_is_refused_naming_the_line(text, line):
    assert refused(text) == (f"line {line}: lists and quotes nested more than 16 deep; "
                             "podcaster reads at most 16 levels")


def test_closed_quotes_do_not_add_up():
    quotes = "".join(f"{'>' * MAX_DEPTH} 인용 {n}\n\n본문 {n}.\n\n" for n in range(3))
    assert len(parse("# 제목\n\n" + quotes)[1]) == 6
    lists = "".join("".join("  " * i + "- 항목\n" for i in range(MAX_DEPTH)) + "\n본문.\n\n"
                    for _ in range(2))
    assert parse("# 제목\n\n" + lists)[1]
