"""Invisible characters in a post the author wrote (zero-width space, direction marks, line
and paragraph separators, byte-order marks, tag characters) are removed when the post is
read, with a warning naming the post and the line or field; the characters that display text
as other text (bidirectional overrides, controls) stay refused. One rule with the importer's
(``podcaster.values``): nothing invisible reaches the feed, pages, tags or transcripts."""

from __future__ import annotations

import logging

import pytest
from hypothesis import given
from hypothesis import strategies as st

from podcaster.errors import PostError
from podcaster.model import Post
from podcaster.text.read import read_post
from podcaster.values import bad_character, remove_invisible, scrub

INVISIBLE = {
    "zero-width space": "\u200b",
    "right-to-left mark": "\u200f",
    "line separator": "\u2028",
    "paragraph separator": "\u2029",
    "byte-order mark": "\ufeff",
    "tag letter": "\U000e0041",
    "cancel tag": "\U000e007f",
    "word joiner": "\u2060",
    "soft hyphen": "\u00ad",
}


def texts(post: Post) -> list[str]:
    """Every text of ``post`` that is published somewhere."""
    found = [post.title, post.description or ""] + [b.text for b in post.blocks]
    for source in post.sources:
        found += [source.title, source.outlet or "", source.url or ""]
    return found


def assert_clean(post: Post) -> None:
    for text in texts(post):
        assert remove_invisible(text) == (text, None), repr(text)
        assert scrub(text) == (text, None), repr(text)


def plain_post(ch: str) -> str:
    return (f"봄{ch}비 소식\n"
            "안녕하세요 시험 작가입니다.\n"
            f"“기상청은 주말{ch} 동안 비가 내린다고 예보했다.”\n"
            "비가 오면 꽃이 더 빨리 필 것 같습니다.\n"
            "이상 오늘의 소식이었습니다.\n"
            f"1. 주말 봄비 예보 -날씨{ch}신문-\n"
            "https://weather.example.org/spring-rain\n")


@pytest.mark.parametrize("ch", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_invisible_characters_written_in_a_post_are_removed_with_a_warning(tmp_path, caplog,
                                                                           ch):
    path = tmp_path / "2025-03-01-spring-rain.txt"
    path.write_text(plain_post(ch), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        post = read_post(path)
    assert_clean(post)
    assert post.title == "봄비 소식"
    assert post.sources[0].outlet == "날씨신문"
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(f"{path}: lines 1, 3, 6: removed invisible characters")
    assert repr(ch) in warnings[0]


@pytest.mark.parametrize("ch", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_invisible_characters_from_references_and_front_matter_are_removed(tmp_path, caplog,
                                                                            ch):
    code = f"{ord(ch):x}"
    html = tmp_path / "2025-03-02-entity.html"
    html.write_text(f"<html><head><title>엔티티&#x{code}; 제목</title></head><body>"
                    "<p>안녕하세요 시험 작가입니다.</p>"
                    f"<p>오늘은&#{ord(ch)};짧게 이야기합니다.</p>"
                    "<p>이상 오늘의 소식이었습니다.</p></body></html>", encoding="utf-8")
    md = tmp_path / "2025-03-03-front.md"
    escape = f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}"
    md.write_text(f'---\ntitle: "앞{escape}머리"\ndescription: "설명{escape}입니다"\n---\n'
                  "안녕하세요 시험 작가입니다.\n\n"
                  f"오늘은 짧게&#x{code};이야기합니다.\n\n"
                  "이상 오늘의 소식이었습니다.\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        posts = [read_post(html), read_post(md)]
    for post in posts:
        assert_clean(post)
    assert posts[1].title == "앞머리" and posts[1].description == "설명입니다"
    assert "오늘은짧게 이야기합니다." in [b.text for b in posts[0].blocks] or ch in "\u2028\u2029"
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any(w.startswith(f"{md}: the title: removed invisible") for w in warnings), warnings
    assert any(w.startswith(f"{md}: the description: removed invisible") for w in warnings)
    assert any(w.startswith(f"{md}: the paragraph 2: removed invisible") for w in warnings)


@pytest.mark.parametrize("ch", ["\u202a", "\u202e", "\u2066", "\u2069", "\x07"])
def test_characters_that_show_other_text_stay_refused(tmp_path, ch):
    path = tmp_path / "2025-03-01-spring-rain.txt"
    path.write_text(plain_post(ch), encoding="utf-8")
    with pytest.raises(PostError, match="2025-03-01-spring-rain.txt"):
        read_post(path)


def test_a_title_of_invisible_characters_only_is_refused(tmp_path):
    path = tmp_path / "2025-03-01-x.html"
    path.write_text("<html><head><title>&#x200b;</title></head><body><p>안녕하세요.</p>"
                    "</body></html>", encoding="utf-8")
    with pytest.raises(PostError, match="2025-03-01-x.html: the title is only invisible"):
        read_post(path)


def test_joiners_emoji_and_scripts_need_are_kept(tmp_path):
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    path = tmp_path / "2025-03-01-family.txt"
    path.write_text(f"가족 {family} 이야기\n안녕하세요 시험 작가입니다.\n"
                    "오늘은 짧게 이야기합니다.\n이상 오늘의 소식이었습니다.\n", encoding="utf-8")
    assert read_post(path).title == f"가족 {family} 이야기"


@given(st.text(max_size=60))
def test_any_text_removed_of_invisibles_keeps_what_is_refused_and_nothing_invisible(text):
    clean, first = remove_invisible(text)
    # What is refused is left for the reader to refuse; nothing else invisible is left.
    assert bad_character(clean) == bad_character(text)
    assert scrub(clean)[0] == scrub(text)[0]
    assert (first is None) == (clean == text)
    assert remove_invisible(clean) == (clean, None)
