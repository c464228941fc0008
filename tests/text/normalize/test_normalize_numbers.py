"""Number readings, checked against an independent parser of Korean numerals."""

import random
import re

import pytest

from podcaster.text.normalize import numbers

_DIGITS = dict(zip("영일이삼사오육칠팔구", range(10)))
_SMALL = {"십": 10, "백": 100, "천": 1000}
_BIG = {"만": 10**4, "억": 10**8, "조": 10**12, "경": 10**16}


def parse_sino(reading: str) -> int:
    """Value of a Sino-Korean numeral such as "삼백이억 오천만" (written independently)."""
    total = section = 0
    digit = None
    for ch in reading.replace(" ", ""):
        if ch in _DIGITS:
            assert digit is None, f"two digits in a row in {reading!r}"
            digit = _DIGITS[ch]
        elif ch in _SMALL:
            section += (1 if digit is None else digit) * _SMALL[ch]
            digit = None
        elif ch in _BIG:
            section += digit or 0
            total += (section or 1) * _BIG[ch]
            section, digit = 0, None
        else:
            raise AssertionError(f"unexpected {ch!r} in {reading!r}")
    return total + section + (digit or 0)


SAMPLES = sorted(
    set(range(0, 1200))
    | {10**k for k in range(20)}
    | {10**k + 1 for k in range(20)}
    | {random.Random(7).randrange(10**k) for k in range(2, 20) for _ in range(40)}
)


@pytest.mark.parametrize("n", SAMPLES[::7] + [30250000000, 671000000, 110000, 100010000])
def test_sino_reads_the_value(n):
    reading = numbers.sino(n)
    assert parse_sino(reading) == n


def test_sino_round_trips_every_sample():
    bad = [n for n in SAMPLES if parse_sino(numbers.sino(n)) != n]
    assert not bad


def test_sino_silent_one_and_spacing():
    for n in SAMPLES:
        reading = numbers.sino(n)
        # a 1 before 십/백/천 is never said, nor a lone 1 before 만
        assert not re.search(r"일[십백천]|(?:^| )일만", reading), (n, reading)
        assert "  " not in reading and reading == reading.strip()
    assert numbers.sino(10**8) == "일억"
    assert numbers.sino(10**12) == "일조"
    assert numbers.sino(10**4) == "만"
    assert numbers.sino(30250000000) == "삼백이억 오천만"
    assert numbers.sino(11000) == "만 천"


def test_sino_negative_and_huge():
    assert numbers.sino(-3) == "마이너스 삼"
    assert numbers.sino(10**20) == "일" + "공" * 20


@pytest.mark.parametrize(
    "n, reading",
    [(1, "한"), (2, "두"), (3, "세"), (4, "네"), (5, "다섯"), (10, "열"), (11, "열한"),
     (20, "스무"), (21, "스물한"), (30, "서른"), (40, "마흔"), (50, "쉰"), (60, "예순"),
     (70, "일흔"), (80, "여든"), (90, "아흔"), (99, "아흔아홉"), (100, "백"), (0, "영")],
)  # fmt: skip
def test_native(n, reading):
    assert numbers.native(n) == reading


def test_native_forms_are_all_different():
    forms = [numbers.native(n) for n in range(1, 100)]
    assert len(set(forms)) == 99


def test_native_ordinal():
    assert numbers.native(1, ordinal=True) == "첫"
    assert numbers.native(2, ordinal=True) == "두"


def test_months():
    assert [numbers.month(m) for m in (6, 10, 1, 11)] == ["유월", "시월", "일월", "십일월"]
    assert numbers.month(13) == "십삼월"


def test_decimal_and_digits():
    assert numbers.decimal("52.9") == "오십이 점 구"
    assert numbers.decimal("0.05") == "영 점 영오"
    assert numbers.digits("2025") == "이영이오"
    assert numbers.phone_digits("010") == "공일공"


@pytest.mark.parametrize("n", [0, 9999, 10000, 15 * 10**8, 15 * 10**7, 10**12 + 5])
def test_korean_grouped_keeps_the_value(n):
    written = numbers.korean_grouped(n)
    value = 0
    for part in written.split():
        unit = _BIG.get(part[-1], 1)
        value += int(part.rstrip("만억조경")) * unit
    assert value == n


def test_grouping_by_ten_thousands():
    from podcaster.text.normalize.numbers import korean_grouped

    values = (9999, 10000, 10001, 12345678, 10**8, 10**12, 10**16, 2 * 10**16 + 5)
    assert [korean_grouped(v) for v in values] == [
        "9999", "1만", "1만 1", "1234만 5678", "1억", "1조", "1경", "2경 5"]


def test_decimals_are_read_digit_by_digit_after_the_point():
    from podcaster.text.normalize.numbers import decimal

    assert [decimal(s) for s in (".5", "0.25", "3.14", "10.05")] == [
        "영 점 오", "영 점 이오", "삼 점 일사", "십 점 영오"]
