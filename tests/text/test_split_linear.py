"""What a sentence end follows, found in one backward scan: it decides as the anchored
pattern it replaces, and a long run of letters and dots costs linear time."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from podcaster.text.languages.split import ENGLISH_ABBREVIATIONS, _abbreviation_before
from podcaster.text.outlets import outlet_of_url

_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def abbreviation_by_pattern(before: str) -> bool:
    m = _WORD_BEFORE_RE.search(before)
    if m is None:
        return False
    word = m.group(1).lower().strip(".")
    return word in ENGLISH_ABBREVIATIONS or (len(word) == 1 and m.group(1)[0].isupper())


@given(st.text(alphabet="aADrMs. é1-", max_size=30), st.integers(0, 5))
def test_the_backward_scan_decides_as_the_pattern(text, start):
    start = min(start, len(text))
    assert _abbreviation_before(text, start, len(text)) == abbreviation_by_pattern(text[start:])


def test_known_words_and_initials():
    assert _abbreviation_before("Dr", 0, 2) and _abbreviation_before("met J", 0, 5)
    assert not _abbreviation_before("the end", 0, 7) and not _abbreviation_before("", 0, 0)


def test_a_host_of_thousands_of_labels_is_looked_up_in_the_table_by_its_last_labels():
    assert outlet_of_url("https://" + "a." * 5000 + "yna.co.kr/x") == "연합뉴스"
    assert outlet_of_url("https://news.kbs.co.kr/a") == "KBS 뉴스"
    assert outlet_of_url("https://www.bbc.com/korean/x") == "BBC 코리아"
