"""Steps that read amounts with what they measure: currency (symbols and ISO codes), units
and rates, and fractions (with their sign and unit)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from podcaster.text.normalize import numbers, words
from podcaster.text.normalize.currencies import AMBIGUOUS, CAPITALS_ONLY, CURRENCY_CONTEXT
from podcaster.text.normalize.particles import sub_marked
from podcaster.text.normalize.patterns import alternation as _alternation

NUM = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
# Codes are matched as written in capitals, and in lower case too where that is no English
# word (chf 120); a code that is also a word or a name (TOP 10, AMD 7900) only in a
# sentence about money.
_CODES = [*words.CURRENCY_CODES, *(c.lower() for c in words.CURRENCY_CODES if c not in CAPITALS_ONLY)]
_MONEY = {**words.CURRENCY_SYMBOLS, **words.CURRENCY_CODES}
_SUFFIX = _alternation(words.AMOUNT_SUFFIXES)
_CURRENCY_RE = re.compile(
    rf"(?<![A-Za-z])({_alternation([*words.CURRENCY_SYMBOLS, *_CODES])})\s?({NUM})"
    # a suffix after a space stands alone (not the M of "chf 120 M4")
    rf"(?:(?:\s(?=(?:{_SUFFIX})(?![A-Za-z0-9가-힣]))|(?<=\d))({_SUFFIX})(?![A-Za-z0-9]))?"
    r"(\s?[십백천]?[만억조])?"
)
_CODE_AFTER_RE = re.compile(
    rf"(?<![\d.,])({NUM})(\s?[십백천]?[만억조])?\s?({_alternation(_CODES)})"
    r"(?![A-Za-z])"
)
_MONEY_CONTEXT_RE = re.compile(CURRENCY_CONTEXT)


def read_currency(text: str) -> str:
    """Move a currency sign or code behind its amount: ``$15`` → ``15 달러``,
    ``$1.5B`` → ``15억 달러``, ``€300만`` → ``300만 유로``, ``USD 300`` and ``300 USD`` →
    ``300 달러``, ``HK$20`` → ``20 홍콩 달러``, ``chf 120`` → ``120 스위스 프랑``."""
    money = None

    def is_money(code: str) -> bool:
        nonlocal money
        if code.upper() not in AMBIGUOUS:
            return True
        if money is None:
            money = bool(_MONEY_CONTEXT_RE.search(text))
        return money

    def repl(m: re.Match) -> str:
        symbol, amount, suffix, unit = m.groups()
        if not is_money(symbol):
            return m.group()
        if suffix:
            try:
                value = Decimal(amount.replace(",", "")) * words.AMOUNT_SUFFIXES[suffix]
            except InvalidOperation:
                return m.group()
            if value == value.to_integral_value():
                amount = numbers.korean_grouped(int(value))
            else:  # $1.2345K: 1234.5 달러, not 1.2345 달러
                amount = format(value.normalize(), "f")
        name = _MONEY.get(symbol) or _MONEY[symbol.upper()]
        return f"{amount}{(unit or '').strip()} {name}"

    def after(m: re.Match) -> str:
        amount, unit, code = m.groups()
        if not is_money(code):
            return m.group()
        return f"{amount}{(unit or '').strip()} {words.CURRENCY_CODES[code.upper()]}"

    text = sub_marked(_CURRENCY_RE, repl, text)
    return sub_marked(_CODE_AFTER_RE, after, text)


# A number glued to K, M, B or T counts thousands, millions, billions, trillions (1M 토큰,
# 405B 모델, 10K); 2K/5K before a screen word is a resolution, left to the letters.
_MAGNITUDE = {"K": 10**3, "k": 10**3, "M": 10**6, "B": 10**9, "T": 10**12}
_MAGNITUDE_RE = re.compile(
    rf"(?<![A-Za-z\d.,$-])({NUM})([KkMBT])(?![A-Za-z0-9²³/])"
    r"(?!\s?(?:해상도|모니터|디스플레이|화질|영상|TV|UHD|게이밍|연필|MRI))"
)
# 3M is also a company's name: a count only when a counted word follows (3M 토큰).
_COUNTED_RE = re.compile(r"\s?(?:토큰|파라미터|매개변수|개|명|건|회|뷰|달러|원|이상|이하|규모)")


def read_magnitudes(text: str) -> str:
    """Read K, M, B and T after a number as 천, 백만, 십억 and 조: ``1M 토큰`` → ``100만
    토큰``, ``405B`` → ``4050억``, ``1.5K`` → ``1500``, ``3T`` → ``3조`` (then read as
    numbers)."""

    def repl(m: re.Match) -> str:
        if m.group() == "3M" and not _COUNTED_RE.match(text, m.end()):
            return "쓰리엠"
        value = Decimal(m.group(1).replace(",", "")) * _MAGNITUDE[m.group(2)]
        if value != value.to_integral_value():
            return m.group()
        return numbers.korean_grouped(int(value))

    return sub_marked(_MAGNITUDE_RE, repl, text)


# Lone letters and units that are also English words count only when glued to the number.
_GLUED_ONLY = {"in", "ft", "oz", "lb", "hr", "min", "sec", "mi", "ha", "nit", "nits", "cc",
               "cal", "bp", "ms", "ns", "mA"}  # fmt: skip
_SPACED_UNITS = [u for u in words.UNITS if len(u) > 1 and u not in _GLUED_ONLY]
_BEFORE = r"(?<![A-Za-z\d.,])"  # a number that is not part of a name (LPDDR5X) or number
_UNIT_RE = re.compile(
    rf"{_BEFORE}({NUM})(?:(\s)({_alternation(_SPACED_UNITS)})|({_alternation(words.UNITS)}))"
    r"(?![A-Za-z0-9²³])"
)
# A unit after a big unit (10만t, 3억kWh, 5천km): 10만 톤.
_BIG_UNIT_RE = re.compile(
    rf"{_BEFORE}({NUM}\s?(?:[십백천]?[만억조]|[십백천]))\s?({_alternation(_SPACED_UNITS)}|t|m|g|L|W)(?![A-Za-z0-9²³])"
)
_DECADE_RE = re.compile(r"(?<![\d.,])['‘’]?(\d{1,3}0)s(?![A-Za-z])")
_NUMERATORS = _alternation([*words.UNITS, *words.RATE_NUMERATORS, *words.RATE_WORDS, "kph"])
_RATE_RE = re.compile(
    rf"{_BEFORE}({NUM})\s?({_NUMERATORS})\s?/\s?({_alternation(words.RATE_DENOMINATORS)})"
    r"(?![A-Za-z0-9²³])"
)
_PREFIXED = {"mph": ("시속", "마일"), "kph": ("시속", "킬로미터"), "°F": ("화씨", "도")}


def _unit_word(unit: str) -> str:
    word = words.UNITS.get(unit) or words.RATE_WORDS.get(unit, unit)
    return " " + word if unit in words.RATE_WORDS else word


# words that may stand between a speed word and its number (시속 약 72km/h, 초당 최대 50 …)
HEDGES = ("약", "최대", "최고", "최소", "평균", "무려")  # may stand between 시속 and the number


def _space_before(text: str, end: int) -> int:
    """Where the spaces that end at ``end`` begin."""
    while end and text[end - 1].isspace():
        end -= 1
    return end


def _speed(prefix: str, text: str, start: int) -> str:
    """``prefix`` (시속, 초당 …) and a space, or nothing when the text already says it
    before the number (최고 시속 72km/h: one 시속; 시속 약 72km/h, 초당 50 tokens/s: one).
    Read backwards from the number, so a paragraph full of units stays linear."""
    end = _space_before(text, start)
    ends = [end]
    for hedge in HEDGES:
        if end >= len(hedge) and text.startswith(hedge, end - len(hedge)):
            ends.append(_space_before(text, end - len(hedge)))
    said = any(e >= len(prefix) and text.startswith(prefix, e - len(prefix)) for e in ends)
    return "" if said else prefix + " "


def read_units(text: str) -> str:
    """Write unit signs after a number as Korean words: ``52.9%`` → ``52.9퍼센트``,
    ``30℃`` → ``30도``, ``5km`` → ``5킬로미터``, ``1990s`` → ``1990년대``.

    Every rate ``A/B`` is read with its denominator first, as Korean says rates:
    ``5mg/L`` → ``리터당 5밀리그램``, ``120fps`` → ``초당 120프레임``; a length per hour,
    minute or second is a speed: ``100km/h`` → ``시속 100킬로미터``, ``3m/s`` → ``초속 3미터``.
    """

    def rate(m: re.Match) -> str:
        num, top, bottom = m.groups()
        if top in _PREFIXED:
            return m.group()
        if top in words.LENGTH_UNITS and bottom in words.SPEED_PREFIXES:
            return f"{_speed(words.SPEED_PREFIXES[bottom], text, m.start())}{num}{_unit_word(top)}"
        per = _speed(f"{words.RATE_DENOMINATORS[bottom]}당", text, m.start())
        return f"{per}{num}{_unit_word(top)}"

    def unit(m: re.Match) -> str:
        num, _space, spaced, glued = m.groups()
        name = spaced or glued
        if name in _PREFIXED:
            prefix, word = _PREFIXED[name]
            return f"{_speed(prefix, text, m.start())}{num}{word}"
        if name in words.PER_SECOND_UNITS:
            return f"초당 {num}{words.UNITS[name]}"
        return f"{num}{words.UNITS[name]}"

    text = _DECADE_RE.sub(r"\1년대", text)
    text = sub_marked(_BIG_UNIT_RE, lambda m: f"{m.group(1)} {words.UNITS[m.group(2)]}", text)
    text = sub_marked(_RATE_RE, rate, text)
    return sub_marked(_UNIT_RE, unit, text)


_QUARTER_RE = re.compile(r"(?<![\d/.,])([1-4])/4\s?분기")
_FRACTION_RE = re.compile(
    rf"(?:(?<![\w)\]])(-)|(?<![\d/.,]))(\d{{1,3}})/(\d{{1,3}})(?![\d/])"
    rf"(?:(\s?)({_alternation(words.UNITS)})(?![A-Za-z0-9]))?"
)


_COUNTER_AFTER_RE = re.compile(
    _alternation((*words.NATIVE_COUNTERS, *words.SINO_COUNTERS, "컵", "스푼", "큰술", "작은술"))
)


def read_fractions(text: str) -> str:
    """Read proper fractions: ``1/3`` → ``삼분의 일``, ``-1/4`` → ``마이너스 사분의 일``,
    ``1/2kg`` → ``이분의 일 킬로그램``; ``3/4분기`` is a quarter of the year: ``삼 사분기``.
    Dates written with a slash are read before this step."""
    text = _QUARTER_RE.sub(lambda m: f"{numbers.sino(int(m.group(1)))} 사분기", text)

    def fraction(m: re.Match) -> str:
        minus, top, bottom, space, unit = m.groups()
        top, bottom = int(top), int(bottom)
        if not 0 < top < bottom:
            return m.group()
        out = ("마이너스 " if minus else "") + f"{numbers.sino(bottom)}분의 {numbers.sino(top)}"
        if unit and (space == "" or unit in _SPACED_UNITS):
            out += " " + words.UNITS[unit]
        elif unit:
            out += space + unit
        elif _COUNTER_AFTER_RE.match(text, m.end()):
            out += " "  # 3/4컵: 사분의 삼 컵
        return out

    return sub_marked(_FRACTION_RE, fraction, text)
