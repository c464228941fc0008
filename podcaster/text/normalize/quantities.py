"""Steps that read numbers: currency, dates and times, phone numbers and fractions, units,
ranges, and every other number with its counter (세 개, 천백삼십 건, 유월)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from podcaster.text.normalize import numbers, words
from podcaster.text.normalize.patterns import HANGUL as _HANGUL
from podcaster.text.normalize.patterns import alternation as _alternation
from podcaster.text.normalize.patterns import only_if as _only_if

_NUM = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
_CURRENCY_RE = re.compile(
    rf"({_alternation(words.CURRENCY_SYMBOLS)})\s?({_NUM})"
    rf"(?:\s?({_alternation(words.AMOUNT_SUFFIXES)})(?![A-Za-z]))?"
    r"(\s?[십백천]?[만억조])?"
)


@_only_if(r"\d")
def read_currency(text: str) -> str:
    """Move a currency symbol behind its amount: ``$15`` → ``15 달러``,
    ``$1.5B`` → ``15억 달러``, ``€300만`` → ``300만 유로``."""

    def repl(m: re.Match) -> str:
        symbol, amount, suffix, unit = m.groups()
        if suffix:
            try:
                value = Decimal(amount.replace(",", "")) * words.AMOUNT_SUFFIXES[suffix]
            except InvalidOperation:
                return m.group()
            if value == value.to_integral_value():
                amount = numbers.korean_grouped(int(value))
        return f"{amount}{(unit or '').strip()} {words.CURRENCY_SYMBOLS[symbol]}"

    return _CURRENCY_RE.sub(repl, text)


_ISO_DATE_RE = re.compile(
    r"(?<![\d.])(\d{4})(?:-|\.\s?|/)(\d{1,2})(?:-|\.\s?|/)(\d{1,2})(?![\d])(?:\.(?=[^\s\d]))?"
)
_TIME_RE = re.compile(r"(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])")
_SCORE_RE = re.compile(r"(?<![\d:])(\d{1,3}):(\d{1,3})(?![\d:])")


@_only_if(r"\d")
def read_dates_and_times(text: str) -> str:
    """Write numeric dates and clock times with Korean units: ``2025-10-06`` and
    ``2025. 10. 6.`` → ``2025년 10월 6일``; ``14:30`` → ``14시 30분``; ``3:1`` → ``3 대 1``."""

    def date(m: re.Match) -> str:
        y, mo, d = (int(g) for g in m.groups())
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return m.group()
        return f"{y}년 {mo}월 {d}일"

    def time(m: re.Match) -> str:
        h, mi, s = m.group(1), int(m.group(2)), m.group(3)
        if int(h) > 24 or mi > 59:
            return m.group()
        out = f"{int(h)}시"
        if mi:
            out += f" {mi}분"
        if s and int(s):
            out += f" {int(s)}초"
        return out

    text = _ISO_DATE_RE.sub(date, text)
    text = _TIME_RE.sub(time, text)
    return _SCORE_RE.sub(r"\1 대 \2", text)


# Units that are also English words or lone letters ("3 in 1", "5 m") count only when glued.
_SPACED_UNITS = [u for u in words.UNITS if len(u) > 1 and u not in ("in", "ft", "oz", "lb")]
_UNIT_RE = re.compile(
    rf"({_NUM})(\s)({_alternation(_SPACED_UNITS)})(?![A-Za-z0-9])"
    rf"|({_NUM})({_alternation(words.UNITS)})(?![A-Za-z0-9])"
)
_SPEED_UNITS = ("km/h", "mph")


@_only_if(r"\d")
def read_units(text: str) -> str:
    """Write unit signs after a number as Korean words: ``52.9%`` → ``52.9퍼센트``,
    ``30℃`` → ``30도``, ``5km`` → ``5킬로미터``, ``100km/h`` → ``시속 100킬로미터``."""

    def repl(m: re.Match) -> str:
        if m.group(1):
            num, unit = m.group(1), m.group(3)
        else:
            num, unit = m.group(4), m.group(5)
        prefix = "시속 " if unit in _SPEED_UNITS else ""
        return f"{prefix}{num}{words.UNITS[unit]}"

    return _UNIT_RE.sub(repl, text)


_PHONE_RE = re.compile(r"(?<![\d-])0\d{1,2}-\d{3,4}-\d{4}(?![\d-])")
_FRACTION_RE = re.compile(r"(?<![\d/.,])(\d{1,3})/(\d{1,3})(?![\d/])")


@_only_if(r"\d[-/]\d")
def read_phone_numbers_and_fractions(text: str) -> str:
    """Read phone numbers digit by digit (``010-1234-5678`` → ``공일공, 일이삼사, 오육칠팔``)
    and proper fractions (``1/3`` → ``삼분의 일``)."""
    text = _PHONE_RE.sub(
        lambda m: ", ".join(numbers.phone_digits(p) for p in m.group().split("-")), text
    )

    def fraction(m: re.Match) -> str:
        top, bottom = int(m.group(1)), int(m.group(2))
        if not 0 < top < bottom:
            return m.group()
        return f"{numbers.sino(bottom)}분의 {numbers.sino(top)}"

    return _FRACTION_RE.sub(fraction, text)


_COUNTERS = words.NATIVE_COUNTERS + words.SINO_COUNTERS + ("월", "시", "번째", "째", "대")
_TERM = rf"({_NUM})([십백천])?([만억조경])?"
_COUNTER = rf"({_alternation(_COUNTERS)})?"
_NUMBER_RE = re.compile(rf"{_TERM}{_COUNTER}")
_JE_BEFORE_RE = re.compile(r"제\s?$")
# One side of a range: a quantity, or a date or time of several (3월 1일, 오후 2시 30분).
_TIME_OF_DAY = "오전|오후|새벽|아침|낮|저녁|밤"
_CLOCK = _alternation(("년", "월", "일", "시", "분", "초"))
_SIDE = (
    rf"(?:(?:{_TIME_OF_DAY})\s)?{_NUM}[십백천]?[만억조경]?(?:{_alternation(_COUNTERS)})?"
    rf"(?:\s{_NUM}(?:{_CLOCK}))*"
)
_RANGE_RE = re.compile(rf"(?<![\d.,A-Za-z-])({_SIDE})\s*([~∼〜–-])\s*({_SIDE})(?![\d.-])")
_NATIVE = frozenset(words.NATIVE_COUNTERS)
_NUMBERED_NOUN_RE = re.compile(rf"\s?(?:{_alternation(words.NUMBERED_NOUNS)})")
_PARTICLE_AFTER_DAE_RE = re.compile(rf"\s+[{_HANGUL}]")


def read_quantity(
    num: str,
    small: str | None = None,
    big: str | None = None,
    counter: str | None = None,
    sino_only: bool = False,
    after: str = "",
) -> str:
    """Read one number with its optional 십/백/천, 만/억/조 and counter.

    Native numbers (세 개, 스무 살) for native counters up to 99; Sino-Korean otherwise.
    ``after`` is the text that follows, used to tell 3대 (vehicles) from 3대 그룹.
    """
    counter = counter or ""
    plain = num.replace(",", "")
    if small or big:
        head = "" if plain == "1" and (small or big == "만") else _read_plain(plain)
        return head + (small or "") + (big or "") + (" " + counter if counter else "")
    if "." in plain or (len(plain) > 1 and plain.startswith("0")):
        head = _read_plain(plain)
        return f"{head} {counter}" if counter else head
    n = int(plain)
    if not counter:
        return numbers.sino(n)
    if sino_only:
        return f"{numbers.sino(n)}{counter}"
    if counter == "월":
        return numbers.month(n)
    if counter == "시":
        return f"{numbers.native(n) if 0 < n <= 12 else numbers.sino(n)} 시"
    if counter in ("번째", "째"):
        return f"{numbers.native(n, ordinal=True)} {counter}"
    if counter == "대":
        if after[:1].isdigit():  # 1대1, 3대2: a score or ratio
            return f"{numbers.sino(n)} 대 "
        group = n % 10 == 0 or _PARTICLE_AFTER_DAE_RE.match(after)
        return f"{numbers.sino(n)} 대" if group else f"{numbers.native(n)} 대"
    if counter == "번" and _NUMBERED_NOUN_RE.match(after):  # 3번 출구: a number, not times
        return f"{numbers.sino(n)}번"
    if counter in _NATIVE:
        return f"{numbers.native(n)} {counter}"
    return f"{numbers.sino(n)} {counter}"


def _read_plain(plain: str) -> str:
    if "." in plain:
        return numbers.decimal(plain)
    if len(plain) > 1 and plain.startswith("0"):
        return numbers.digits(plain)
    return numbers.sino(int(plain))


# After these a time range reads "A에서 B" (2022∼2026년 사이, 2015~2025년에 걸쳐).
_SPAN_AFTER_RE = re.compile(rf"\s+(?:사이|동안|중|간)(?![{_HANGUL}])|[{_HANGUL}](?<![의는도만])")


# "1~2명" is said 한두 명, as "3~4개" is 서너 개.
_APPROXIMATE = {("1", "2"): "한두", ("2", "3"): "두세", ("3", "4"): "서너", ("4", "5"): "네다섯",
                ("5", "6"): "대여섯"}  # fmt: skip


@_only_if(r"\d")
def read_ranges(text: str) -> str:
    """Read ranges: ``2015∼2025년`` → ``이천십오 년부터 이천이십오 년까지``, ``3월 1일~5일``
    → ``삼월 일 일부터 오 일까지``, ``3~5명`` → ``세 명에서 다섯 명``, ``1~2명`` → ``한두 명``.
    A hyphen counts as a range only before a counter."""

    def repl(m: re.Match) -> str:
        left, sep, right = m.groups()
        lq = list(_NUMBER_RE.finditer(left))
        rq = list(_NUMBER_RE.finditer(right))
        unit = rq[-1].group(4)
        if sep == "-" and not unit:
            return m.group()
        after = text[m.end() : m.end() + 8]
        n1, s1, b1, c1 = lq[0].groups()
        n2, s2, b2, c2 = rq[0].groups()
        if len(lq) == len(rq) == 1 and c2 in _NATIVE and not (s1 or b1 or s2 or b2 or c1):
            if (n1, n2) in _APPROXIMATE:
                return f"{_APPROXIMATE[n1, n2]} {c2}"
        borrowed = c2 if len(lq) == 1 and not c1 else None
        if borrowed in ("일간", "년간", "주간"):  # 4~5일간: 사 일에서 오 일간
            borrowed = borrowed[:-1]
        spoken_left = _read_side(left, lq, borrowed, right)
        spoken_right = _read_side(right, rq, None, after)
        if after.startswith("까지"):
            return f"{spoken_left}부터 {spoken_right}"
        point = (unit or c1 or borrowed) in words.POINT_IN_TIME_COUNTERS
        if point and not _SPAN_AFTER_RE.match(after):
            return f"{spoken_left}부터 {spoken_right}까지"
        return f"{spoken_left}에서 {spoken_right}"

    return _RANGE_RE.sub(repl, text)


def _read_side(side: str, quantities: list[re.Match], borrowed: str | None, after: str) -> str:
    """Read the quantities of one side of a range, keeping the words between them."""
    out, pos = [], 0
    for i, q in enumerate(quantities):
        num, small, big, counter = q.groups()
        follows = side[q.end() : q.end() + 8] if i < len(quantities) - 1 else after
        out.append(side[pos : q.start()])
        out.append(read_quantity(num, small, big, counter or borrowed, after=follows))
        pos = q.end()
    out.append(side[pos:])
    return "".join(out)


_MINUS_RE = re.compile(r"(?<![\w)\]])-(?=\d)")


@_only_if(r"\d")
def read_numbers(text: str) -> str:
    """Read every remaining number in Korean: ``1,130건`` → ``천백삼십 건``, ``3개`` →
    ``세 개``, ``302억 5천만`` → ``삼백이억 오천만``, ``10월`` → ``시월``."""
    text = _MINUS_RE.sub("마이너스 ", text)

    def repl(m: re.Match) -> str:
        num, small, big, counter = m.groups()
        # 제3자, 제2차: an ordinal prefix, always Sino-Korean
        je = bool(_JE_BEFORE_RE.search(text, max(0, m.start() - 2), m.start()))
        after = text[m.end() : m.end() + 8]
        return read_quantity(num, small, big, counter, sino_only=je, after=after)

    return _NUMBER_RE.sub(repl, text)
