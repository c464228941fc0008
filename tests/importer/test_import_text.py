"""The text an import writes: any text scrubbed has nothing left that a post may not hold,
and any HTML scrubbed is cleaned without a crash and reads back."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from podcaster.importer.extract import clean_html
from podcaster.values import bad_character, scrub, scrub_html

HOSTILE = st.sampled_from(["\x01", "\x7f", "\x85", "\u202e", "\u2066", "\u200b", "\u200f",
                           "\u2028", "\ufeff", "\U000e0041", "\ud800", "\uffff", "&#1;",
                           "&#x202E;", "&#8203;", "&lrm;", "&ZeroWidthSpace;", "&#0;",
                           "&#x110000;", "&amp;#1;", "\u200d", "가", "<p>", "</p>", " "])
TEXT = st.lists(st.text(max_size=8) | HOSTILE, max_size=20).map("".join)


def clean(text: str) -> bool:
    return bad_character(text) is None and not any(
        unicodedata.category(c) in ("Zl", "Zp") or (unicodedata.category(c) == "Cf"
                                                    and c not in "\u200c\u200d") for c in text)


@given(TEXT)
def test_scrubbed_text_holds_nothing_a_post_may_not(text):
    result, removed = scrub(text)
    assert clean(result)
    assert (removed is None) == (result == text)
    assert scrub(result) == (result, None)


@given(TEXT)
def test_scrubbed_html_is_cleaned_without_a_crash(text):
    markup, _ = scrub_html(f"<p>{text}</p>")
    assert clean(markup)
    body = clean_html(markup)
    assert clean(body)
    assert scrub_html(markup)[1] is None
