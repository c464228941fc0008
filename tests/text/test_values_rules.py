"""The characters a published value may hold, over tables from both sides of each range:
control characters (tab and line ends allowed), the bidirectional controls, lone surrogates
and non-characters refused; invisible characters removed (the joiners kept); and in HTML the
character references to any of them removed with them, other references kept."""

from __future__ import annotations

import pytest

from podcaster.values import (
    bad_character,
    is_web_url,
    remove_invisible,
    scrub,
    scrub_html,
    web_url,
)


@pytest.mark.parametrize(("text", "found"), [
    ("봄비 소식\t둘째 줄\n셋째\r", None),
    ("\x07", r"'\x07' (a control character)"),
    ("\x00", r"'\x00' (a control character)"),
    ("\x1f", r"'\x1f' (a control character)"),
    ("\x7f", r"'\x7f' (a control character)"),
    ("\x85", r"'\x85' (a control character)"),
    ("\u2029", None),  # a paragraph separator: invisible, not refused
    ("\u202a", r"'\u202a' (a bidirectional text control)"),
    ("\u202e", r"'\u202e' (a bidirectional text control)"),
    ("\u202f", None),  # a narrow no-break space, just past them
    ("\u2066", r"'\u2066' (a bidirectional text control)"),
    ("\u2069", r"'\u2069' (a bidirectional text control)"),
    ("\u2065", None),
    ("\u206a", None),
    ("\ud800", r"'\ud800' (a lone surrogate)"),
    ("\udfff", r"'\udfff' (a lone surrogate)"),
    ("\ud7a3", None),  # the last Hangul syllable, just before them
    ("\ue000", None),
    ("\ufffe", r"'\ufffe' (not a character)"),
    ("\uffff", r"'\uffff' (not a character)"),
    ("\ufffd", None),
    ("\t\x07", r"'\x07' (a control character)"),  # past an allowed tab
    ("제목\x01\u202e", r"'\x01' (a control character)"),  # the first one
    ("제목\u202e\x01", r"'\u202e' (a bidirectional text control)"),
])
def test_bad_character(text, found):
    assert bad_character(text) == found


@pytest.mark.parametrize(("text", "kept", "first"), [
    ("제목입니다", "제목입니다", None),
    ("제목\u200b입니다", "제목입니다", r"'\u200b' (an invisible character)"),
    ("제\u2028목\u2029", "제목", r"'\u2028' (an invisible character)"),
    ("\ufeff제목", "제목", r"'\ufeff' (an invisible character)"),
    ("가족 👨\u200d👩\u200c", "가족 👨\u200d👩\u200c", None),  # the joiners stay
    ("\x07제\u200b목", "제목", r"'\x07' (a control character)"),
    ("제\u200b목\x07", "제목", r"'\u200b' (an invisible character)"),
    ("줄\t바꿈\n\r", "줄\t바꿈\n\r", None),
    ("\u202e제목", "제목", r"'\u202e' (a bidirectional text control)"),
])
def test_scrub_removes_what_is_refused_and_what_is_invisible(text, kept, first):
    assert scrub(text) == (kept, first)


@pytest.mark.parametrize(("text", "kept", "first"), [
    ("plain ascii", "plain ascii", None),
    ("제목\u200b", "제목", r"'\u200b' (an invisible character)"),
    ("제\u200e목\u2060", "제목", r"'\u200e' (an invisible character)"),
    ("\u202e제목", "\u202e제목", None),  # refused by the caller, not removed here
    ("\x07제목\u200b", "\x07제목", r"'\u200b' (an invisible character)"),
    ("👨\u200d👩", "👨\u200d👩", None),
])
def test_remove_invisible_leaves_what_is_refused_to_the_caller(text, kept, first):
    assert remove_invisible(text) == (kept, first)


@pytest.mark.parametrize(("markup", "kept", "first"), [
    ("<p>제목 &amp; 부제</p>", "<p>제목 &amp; 부제</p>", None),
    ("a&#7;b", "ab", r"'\x07' (a control character)"),
    ("a&#12b", "ab", r"'\x0c' (a control character)"),  # without its semicolon
    ("a&#x202e;b", "ab", r"'\u202e' (a bidirectional text control)"),
    ("a&#X202E;b", "ab", r"'\u202e' (a bidirectional text control)"),
    ("a&lrm;b", "ab", r"'\u200e' (an invisible character)"),
    ("a&zwj;b&zwnj;", "a&zwj;b&zwnj;", None),  # the joiners stay
    ("a&#65;&#x41;b", "a&#65;&#x41;b", None),
    ("a&#x110000;b&#1114112;", "a&#x110000;b&#1114112;", None),  # past Unicode: kept
    ("a&#123456789;b", "a&#123456789;b", None),  # too long to be a reference
    ("a&nosuchname;b", "a&nosuchname;b", None),
    ("\u200ba&#7;", "a", r"'\u200b' (an invisible character)"),  # the text's own first
    ("a&#7;&#x202e;", "a", r"'\x07' (a control character)"),
])
def test_scrub_html_removes_references_to_what_scrub_removes(markup, kept, first):
    assert scrub_html(markup) == (kept, first)


@pytest.mark.parametrize(("url", "forgiven", "exact"), [
    ("https://example.org/a", "https://example.org/a", True),
    ("http://example.org", "http://example.org", True),
    ("  https://example.org/a\n", "https://example.org/a", False),  # spaces around: stripped
    ("HTTPS://example.org/", "HTTPS://example.org/", False),  # the scheme in any case
    ("Http://example.org/", "Http://example.org/", False),
    (None, None, False),
    ("", None, False),
    ("   ", None, False),
    ("https://example.org/a b", None, False),  # a space inside
    ("https://example.org/\x07", None, False),  # a character no output can carry
    ("https://example.org/\u202e", None, False),
    ("https://[::1/", None, False),  # not a link at all
    ("https:///a", None, False),  # no host
    ("ftp://example.org/", None, False),
    ("javascript:alert(1)", None, False),
    ("//example.org/a", None, False),
])
def test_web_url_forgives_spaces_and_case_and_is_web_url_nothing(url, forgiven, exact):
    assert web_url(url) == forgiven
    assert is_web_url(url) is exact
