"""Weekdays after a date and spans of weekdays, both sides of each rule: two weekdays joined
by a dot are two days, by a tilde a span; a particle after a span is said after 까지, in the
form 까지 takes (까지는, never 까지은), for every particle in the table."""

import pytest

from podcaster.text.normalize import normalize
from podcaster.text.normalize.calendar import read_calendar, read_weekday_spans


@pytest.mark.parametrize(
    "written,said",
    [
        ("4일(화)", "4일 화요일"),
        ("4일(화)에", "4일 화요일에"),
        ("4일(화·수)", "4일 화요일·수요일"),
        ("4일(화,수)", "4일 화요일·수요일"),
        ("2~6일(월~금)", "2~6일, 월요일부터 금요일까지"),
    ],
)
def test_weekdays_after_a_date(written, said):
    assert read_calendar(written) == said


@pytest.mark.parametrize(
    "particle,after",
    [("", ""), ("에는", "는"), ("에만", "만"), ("에도", "도"), ("에", ""), ("은", "는"),
     ("는", "는"), ("도", "도"), ("만", "만")],
)  # fmt: skip
def test_a_particle_after_a_span_of_weekdays(particle, after):
    assert read_weekday_spans(f"월~금{particle} 연다") == f"월요일부터 금요일까지{after} 연다"


def test_a_span_of_weekdays_in_a_sentence():
    assert normalize("매장은 월~금은 쉰다.") == "매장은 월요일부터 금요일까지는 쉰다."
    assert normalize("토~일에는 연다.") == "토요일부터 일요일까지는 연다."
