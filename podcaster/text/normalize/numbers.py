"""Reading numbers aloud in Korean: Sino-Korean (일, 이, 삼 …) and native (한, 두, 세 …)."""

from __future__ import annotations

SINO_DIGITS = "영일이삼사오육칠팔구"
_SMALL_UNITS = ("", "십", "백", "천")
_BIG_UNITS = ("", "만", "억", "조", "경")

_NATIVE_ONES = ("", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉")
_NATIVE_TENS = ("", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔")

MONTHS = {
    1: "일월", 2: "이월", 3: "삼월", 4: "사월", 5: "오월", 6: "유월",
    7: "칠월", 8: "팔월", 9: "구월", 10: "시월", 11: "십일월", 12: "십이월",
}  # fmt: skip


def _sino_group(n: int) -> str:
    """Read 0 < n < 10000; a 1 before 십/백/천 is silent (천, 백, 십)."""
    out = []
    for place in (3, 2, 1, 0):
        d = n // 10**place % 10
        if not d:
            continue
        if place and d == 1:
            out.append(_SMALL_UNITS[place])
        else:
            out.append(SINO_DIGITS[d] + _SMALL_UNITS[place])
    return "".join(out)


def sino(n: int) -> str:
    """Sino-Korean reading of a whole number, groups of four digits split by 만/억/조/경.

    ``sino(30250000000)`` is ``"삼백이억 오천만"``; ``sino(10000)`` is ``"만"``; ``sino(0)``
    is ``"영"``. Numbers of 10^20 and above are read digit by digit.
    """
    if n < 0:
        return "마이너스 " + sino(-n)
    if n == 0:
        return "영"
    if n >= 10**LONGEST:
        return phone_digits(str(n))
    words = []
    for i in range(len(_BIG_UNITS) - 1, -1, -1):
        group = n // 10 ** (4 * i) % 10000
        if not group:
            continue
        if group == 1 and i:
            # 만 alone, but 일억, 일조: a lone 1 is silent only before 만.
            words.append(_BIG_UNITS[i] if i == 1 else "일" + _BIG_UNITS[i])
        else:
            words.append(_sino_group(group) + _BIG_UNITS[i])
    return " ".join(words)


def digits(s: str) -> str:
    """Read a string of digits one by one: ``"0125"`` → ``"영일이오"``."""
    return "".join(SINO_DIGITS[int(c)] for c in s if c.isdigit())


LONGEST = 20
"""Numbers of more digits than this are beyond 경 (10^20): they are read as codes."""
_SPELLED_LIMIT = 40


def long_number(s: str) -> str:
    """Read a digit string too long for the big units without converting it to an int:
    up to 40 digits one by one, 0 as 공 (as codes and hashes are read); longer ones by
    their length (``"5000 자리 숫자"``: nobody reads thousands of digits aloud)."""
    if len(s) <= _SPELLED_LIMIT:
        return phone_digits(s)
    return f"{sino(len(s))} 자리 숫자"


def phone_digits(s: str) -> str:
    """Read digits the way phone numbers are said, 0 as 공: ``"010"`` → ``"공일공"``."""
    return digits(s).replace("영", "공")


def decimal(s: str) -> str:
    """Read a decimal number written with a point, digit by digit after it: ``"52.9"`` →
    ``"오십이 점 구"``, ``"3.05"`` → ``"삼 점 영오"``. Trailing zeros are not said
    (``"245.10"`` → ``"이백사십오 점 일"``, ``"2.0"`` → ``"이"``): they add no value."""
    whole, _, frac = s.partition(".")
    frac = frac.rstrip("0")
    head = sino(int(whole)) if whole else "영"
    return f"{head} 점 {digits(frac)}" if frac else head


def native(n: int, ordinal: bool = False) -> str:
    """Native Korean attributive form for 1..99 (``3`` → ``"세"``, ``20`` → ``"스무"``).

    With ``ordinal`` 1 is ``"첫"`` (첫 번째). Other numbers fall back to Sino-Korean, as
    announcers do.
    """
    if not 0 < n < 100:
        return sino(n)
    if ordinal and n == 1:
        return "첫"
    if n == 20:
        return "스무"
    return _NATIVE_TENS[n // 10] + _NATIVE_ONES[n % 10]


def month(n: int) -> str:
    """Month name: ``6`` → ``"유월"``, ``10`` → ``"시월"``; outside 1..12 read plainly."""
    return MONTHS.get(n) or sino(n) + "월"


def korean_grouped(value: int) -> str:
    """Write ``value`` with Korean big units and digits: 1500000000 → ``"15억"``,
    150000000 → ``"1억 5000만"`` (a form the number step reads back)."""
    if value < 10000:
        return str(value)
    parts = []
    for i, unit in ((4, "경"), (3, "조"), (2, "억"), (1, "만"), (0, "")):
        group = value // 10 ** (4 * i) % 10000
        if group:
            parts.append(f"{group}{unit}")
    return " ".join(parts)
