"""Amounts with what they measure, both sides of each rule: proper fractions only (a top of
zero or as large as the bottom stays as written), a unit after a fraction glued or spaced,
magnitudes written with thousands separators, rates read with their denominator first, and a
speed word said once when the text already says it before the number."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podcaster.text.normalize import normalize
from podcaster.text.normalize.measures import (
    HEDGES,
    _speed,
    read_currency,
    read_fractions,
    read_magnitudes,
    read_units,
)


@pytest.mark.parametrize(
    "written,said",
    [
        ("1/3", "삼분의 일"),
        ("2/3", "삼분의 이"),
        ("0/3", "0/3"),  # a top of zero is no fraction
        ("3/3", "3/3"),  # nor a top as large as the bottom
        ("4/3", "4/3"),
        ("-1/4", "마이너스 사분의 일"),
        ("3/4분기", "삼 사분기"),
        ("4/4분기", "사 사분기"),
        ("1/4분기", "일 사분기"),
    ],
)
def test_only_a_proper_fraction_is_read(written, said):
    assert read_fractions(written) == said


@pytest.mark.parametrize(
    "written,said",
    [
        # a unit glued to the fraction is always its unit
        ("2/3kg", "삼분의 이 킬로그램"),
        ("2/3in", "삼분의 이 인치"),
        # after a space, only a unit that is no English word
        ("2/3 kg", "삼분의 이 킬로그램"),
        ("2/3 in", "삼분의 이 in"),
        ("2/3 ft", "삼분의 이 ft"),
        # a counter after it is spoken apart from it
        ("3/4컵", "사분의 삼 컵"),
    ],
)
def test_a_unit_after_a_fraction(written, said):
    assert read_fractions(written).replace("\ue000", "") == said


@pytest.mark.parametrize(
    "written,said",
    [
        ("1,500K 토큰", "150만 토큰"),
        ("1,000,000K", "10억"),
        ("1.5K", "1500"),
        ("1.5M", "150만"),
        ("405B", "4050억"),
        ("3T", "3조"),
        ("1.2345K", "1.2345K"),  # not a whole number: left as written
        ("3M", "쓰리엠"),
        ("3M 토큰", "300만 토큰"),
    ],
)
def test_magnitudes(written, said):
    assert read_magnitudes(written) == said


@pytest.mark.parametrize(
    "written,said",
    [
        ("5mg/L", "리터당 5밀리그램"),
        ("3km/h", "시속 3킬로미터"),
        ("3m/s", "초속 3미터"),
        ("50 tokens/s", "초당 50 토큰"),
        ("10 req/s", "초당 10 요청"),
        ("120fps", "초당 120프레임"),
        # a unit that is per second already, over seconds: 초당 once
        ("10Gbps/s", "초당 10기가비트"),
    ],
)
def test_a_rate_is_read_with_its_denominator_first(written, said):
    assert read_units(written) == said


@pytest.mark.parametrize(
    "sentence,spoken",
    [
        ("최고 시속 72km/h로 달린다.", "최고 시속 칠십이 킬로미터로 달린다."),
        ("최고 시속   72km/h로 달린다.", "최고 시속 칠십이 킬로미터로 달린다."),
        ("최고 시속\t72km/h로 달린다.", "최고 시속 칠십이 킬로미터로 달린다."),
        ("최고시속72km/h로 달린다.", "최고시속칠십이 킬로미터로 달린다."),
        ("시속 약 72km/h로 달린다.", "시속 약 칠십이 킬로미터로 달린다."),
        ("시속 최대 72km/h로 달린다.", "시속 최대 칠십이 킬로미터로 달린다."),
        ("초당 최대 50 tokens/s를 낸다.", "초당 최대 오십 토큰을 낸다."),
        ("초당   50 tokens/s를 낸다.", "초당 오십 토큰을 낸다."),
        # not said before: said once, before the number
        ("약 72km/h로 달린다.", "약 시속 칠십이 킬로미터로 달린다."),
        ("시속은 빠르다. 72km/h로 달린다.", "시속은 빠르다. 시속 칠십이 킬로미터로 달린다."),
        ("분당 50 tokens/s를 낸다.", "분당 초당 오십 토큰을 낸다."),
    ],
)
def test_a_speed_word_already_said_before_the_number_is_said_once(sentence, spoken):
    assert normalize(sentence) == spoken


def said_before(prefix: str, text: str) -> bool:
    """The rule, as a pattern: the prefix, then at most one hedge word, then the number,
    with any spaces between."""
    hedge = "|".join(HEDGES)
    return re.search(rf"{re.escape(prefix)}(?:\s*(?:{hedge}))?\s*$", text) is not None


SPACES = st.sampled_from(["", " ", "  ", "\t", "\u3000", "\n"])
WORDS = st.sampled_from(["시속", "초당", "리터당", "속", "당", "약", "최고", "최대", "최소", "평균",
                         "무려", "x", "2", "시속약", "최", ""])


@settings(max_examples=300)
@given(st.sampled_from(["시속", "초당", "리터당"]), st.lists(st.tuples(WORDS, SPACES), max_size=2),
       WORDS, SPACES, st.sampled_from(["", *HEDGES, "최", "약약"]), SPACES)
def test_a_speed_word_is_said_before_the_number_exactly_when_the_rule_says(
        prefix, pieces, word, space, hedge, last):
    text = "".join(w + s for w, s in pieces) + word + space + hedge + last
    expected = "" if said_before(prefix, text) else prefix + " "
    assert _speed(prefix, text + "72km/h", len(text)) == expected


@pytest.mark.parametrize(
    "written,said",
    [
        ("$15", "15 달러"),
        ("₩5000", "5000 원"),
        ("USD 300", "300 달러"),
        ("300 USD", "300 달러"),
        ("€300만", "300만 유로"),
        # a code in lower case, before and after its amount
        ("chf 120", "120 스위스 프랑"),
        ("120 chf", "120 스위스 프랑"),
        # a suffix multiplies the amount, whole or not
        ("$1.5B", "15억 달러"),
        ("$1,500K", "150만 달러"),
        ("$2M", "200만 달러"),
        ("$1.2345K", "1234.5 달러"),
        ("$0.5M", "50만 달러"),
    ],
)
def test_currency_goes_behind_its_amount(written, said):
    assert read_currency(written) == said


@pytest.mark.parametrize(
    "sentence,said",
    [
        # a code that is also a word is money only in a sentence about money
        ("TOP 10 목록", "TOP 10 목록"),
        ("PHP 1000", "PHP 1000"),
        ("1000 PHP", "1000 PHP"),
        ("환율 PHP 1000", "환율 1000 필리핀 페소"),
        ("환율 1000 PHP", "환율 1000 필리핀 페소"),
        ("PHP 1000을 송금했다", "1000 필리핀 페소\ue000을 송금했다"),
        # a code that is no word is money anywhere, in any sentence
        ("USD 300 목록", "300 달러 목록"),
        ("환율 USD 300", "환율 300 달러"),
    ],
)
def test_an_ambiguous_code_is_money_only_in_a_sentence_about_money(sentence, said):
    assert read_currency(sentence) == said


@pytest.mark.parametrize(
    "written,said",
    [
        # a speed unit brings its speed word, said once
        ("60mph", "시속 60마일"),
        ("60 mph", "시속 60마일"),
        ("시속 60mph", "시속 60마일"),
        ("100kph", "시속 100킬로미터"),
        ("시속 100kph", "시속 100킬로미터"),
        # a temperature in Fahrenheit: 화씨 before the number, said once
        ("80°F", "화씨 80도"),
        ("화씨 80°F", "화씨 80도"),
        ("화씨 약 80°F", "화씨 약 80도"),
        ("30℃", "30도"),
        # a unit that is per second
        ("10Gbps", "초당 10기가비트"),
        # a unit after a big unit, glued or spaced
        ("10만t", "10만 톤"),
        ("3억kWh", "3억 킬로와트시"),
        ("10만 kWh", "10만 킬로와트시"),
        ("5천km", "5천 킬로미터"),
        # decades
        ("1990s", "1990년대"),
        ("'90s", "90년대"),
        ("1990s가", "1990년대가"),
        # a unit that is an English word counts only glued
        ("5min", "5분"),
        ("5 min", "5 min"),
        ("5 km", "5킬로미터"),
        ("52.9%", "52.9퍼센트"),
    ],
)
def test_units_after_a_number(written, said):
    assert read_units(written).replace("\ue000", "") == said
