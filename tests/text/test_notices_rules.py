"""How an attribution warning reads: where it points (post, paragraph, line), the quote's
first words and the advice only when there are some, and its JSON form."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from podcaster.model import Block, Post
from podcaster.text.notices import AttributionWarning, first_words, warning_at


@pytest.mark.parametrize(("warning", "text"), [
    (AttributionWarning("a.md", "no source"), "a.md: no source"),
    (AttributionWarning("a.md", "no source", 3), "a.md: paragraph 3: no source"),
    (AttributionWarning("a.md", "no source", 3, 12), "a.md: paragraph 3 (line 12): no source"),
    (AttributionWarning("a.md", "no source", 3, 12, "별이 뜬다"),
     "a.md: paragraph 3 (line 12): “별이 뜬다”: no source"),
    (AttributionWarning("a.md", "no source", 3, 0, "", "add a source line"),
     "a.md: paragraph 3: no source (add a source line)"),
])  # fmt: skip
def test_a_warning_says_where_the_quote_what_and_the_advice(warning, text):
    assert str(warning) == text


def test_the_json_form_leaves_out_what_is_not_known():
    assert AttributionWarning("a.md", "no source").to_dict() == {
        "post": "a.md", "paragraph": None, "line": None, "message": "no source"}
    assert AttributionWarning("a.md", "m", 2, 7, "별이", "fix it").to_dict() == {
        "post": "a.md", "paragraph": 2, "line": 7, "message": "m", "quote": "별이",
        "advice": "fix it"}


def test_a_warning_at_a_paragraph_names_it_from_one_with_its_line_and_first_words():
    post = Post(path=Path("posts/2025-05-05-night.md"), title="밤", date=dt.date(2025, 5, 5),
                slug="night", blocks=[Block("첫 문단이다.", line=3),
                                      Block("둘째 문단은 조금 더 길게 쓴 글이다.", line=9)],
                sources=[])
    warning = warning_at(post, 1, "fits no source", "name it")
    assert warning == AttributionWarning("2025-05-05-night.md", "fits no source", 2, 9,
                                         "둘째 문단은 조금 더 …", "name it")
    assert warning_at(post, 0, "m").advice == ""


@pytest.mark.parametrize(("text", "words", "expected"), [
    ("하나 둘 셋", 4, "하나 둘 셋"),
    ("하나 둘 셋 넷", 4, "하나 둘 셋 넷"),
    ("하나 둘 셋 넷 다섯", 4, "하나 둘 셋 넷 …"),
    ("하나  둘\n셋", 2, "하나 둘 …"),
    ("", 4, ""),
])
def test_first_words_with_an_ellipsis_only_when_there_are_more(text, words, expected):
    assert first_words(text, words) == expected


def test_four_words_name_a_quote():
    assert first_words("하나 둘 셋 넷 다섯") == "하나 둘 셋 넷 …"
