"""Small rules of several normalising steps, each from both sides: a time taken of zero,
the words an author may check (never the text kept as written), the tables written as
word=reading pairs, and where a spoken text differs from the written one."""

import pytest

from podcaster.text.normalize.diff import changed_spans
from podcaster.text.normalize.english import guesses
from podcaster.text.normalize.fixed import read_record_times
from podcaster.text.normalize.outlets import _pairs
from podcaster.text.normalize.particles import KEEP_CLOSE, KEEP_OPEN


@pytest.mark.parametrize(
    "written,said",
    [
        ("마라톤 기록은 0:00:00이다", "마라톤 기록은 0초이다"),
        ("마라톤 기록은 0:05:00이다", "마라톤 기록은 5분이다"),
        ("마라톤 기록은 2:05:30이다", "마라톤 기록은 2시간 5분 30초이다"),
    ],
)
def test_a_time_taken(written, said):
    assert read_record_times(written).replace("\ue000", "") == said


def test_words_kept_as_written_are_not_offered_to_check():
    kept = KEEP_OPEN + "https://zqxv.example.com" + KEEP_CLOSE
    assert guesses(kept + " 관련") == []
    assert guesses(kept + " Zqxvw 관련") == [("Zqxvw", "제트큐엑스브이더블유")]
    # words on both sides of a kept span stay two words, each as written
    assert guesses("Zqxvw" + kept + "Wvxqz") == [
        ("Zqxvw", "제트큐엑스브이더블유"),
        ("Wvxqz", "더블유브이엑스큐제트"),
    ]


def test_a_table_of_pairs():
    assert _pairs(" reuters=로이터\n  ap=ap통신 ") == {"reuters": "로이터", "ap": "ap통신"}
    assert _pairs("") == {}


def test_a_long_text_shows_only_what_changed():
    # past 200 characters, the characters that come back often still line the texts up
    written = "사과 3개와 배 2개. " * 20
    spoken = written.replace("3개", "세 개").replace("2개", "두 개")
    left, right = changed_spans(written, spoken)
    assert [w for w, changed in left if changed] == ["3", "2"] * 20
    assert [s for s, changed in right if changed] == ["세 ", "두 "] * 20
    assert "".join(w for w, _ in left) == written
    assert "".join(s for s, _ in right) == spoken
