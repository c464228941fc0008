"""Steps that read numbers: dates and times, ranges, and every other number with its counter
(세 개, 천백삼십 건, 유월). Currency, units and fractions are in ``measures``."""

from __future__ import annotations

import re

from podcaster.text.normalize import numbers, words
from podcaster.text.normalize.particles import MARK, sub_marked
from podcaster.text.normalize.patterns import HANGUL as _HANGUL
from podcaster.text.normalize.patterns import alternation as _alternation

_NUM = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"

# A trailing full stop belongs to the date (2024. 7. 21. 기준) unless the sentence ends there.
_ISO_DATE_RE = re.compile(
    r"(?<![\d.])(\d{4})(?:-|\.\s?|/)(\d{1,2})(?:-|\.\s?|/)(\d{1,2})(?![\d])(?:\.(?=\s*[^\s\d\"'”’」』)]))?"
)
_TIME_RE = re.compile(r"(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])")
_SCORE_RE = re.compile(r"(?<![\d:])(\d{1,3}):(\d{1,3})(?![\d:])")


def read_dates_and_times(text: str) -> str:
    """Write numeric dates and clock times with Korean units: ``2025-10-06`` and
    ``2025. 10. 6.`` → ``2025년 10월 6일``; ``14:30`` → ``14시 30분``; ``3:1`` → ``3 대 1``.
    Hours are kept as written on the 24-hour clock (18:30 → 18시 30분: 열여덟 시 삼십 분)."""

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

    text = sub_marked(_ISO_DATE_RE, date, text)
    text = sub_marked(_TIME_RE, time, text)
    return _SCORE_RE.sub(r"\1 대 \2", text)


_UNIT_WORDS = tuple(w for w in set(words.UNITS.values()) if " " not in w)
_COUNTERS = (
    words.NATIVE_COUNTERS + words.SINO_COUNTERS + _UNIT_WORDS + ("월", "시", "번째", "째", "대")
)
_TERM = rf"({_NUM})([십백천])?([만억조경])?"
_COUNTER = rf"({_alternation(_COUNTERS)})?"
_NUMBER_RE = re.compile(rf"{_TERM}{_COUNTER}")
_JE_BEFORE_RE = re.compile(r"제\s?$")
# One side of a range: a quantity, or a date or time of several (3월 1일, 오후 2시 30분).
_TIME_OF_DAY = "오전|오후|새벽|아침|낮|저녁|밤"
_CLOCK = _alternation(("년", "월", "일", "시", "분", "초"))
# At most five more parts of a date or time follow the first (2025년 3월 1일 오후 3시 10분
# 20초): bounded, so that a long run of dates with no range in it is scanned in linear time
# rather than tried again from every date.
_SIDE = (
    rf"(?:(?:{_TIME_OF_DAY})\s)?{_NUM}[십백천]?[만억조경]?(?:{_alternation(_COUNTERS)})?"
    rf"(?:\s{_NUM}(?:{_CLOCK})){{0,5}}(?:\s[월화수목금토일]요일)?"
)
_RANGE_RE = re.compile(rf"(?<![\d.,A-Za-z-])({_SIDE})\s*([~∼〜–-])\s*({_SIDE})(?![\d-]|\.\d)")
_NATIVE = frozenset(words.NATIVE_COUNTERS)
_NUMBERED_NOUN_RE = re.compile(rf"\s?(?:{_alternation(words.NUMBERED_NOUNS)})")
_PARTICLE_AFTER_DAE_RE = re.compile(rf"\s+[{_HANGUL}]")
# A machine named just before "N대" (드론 20대, GPU 30대, H100 20대, 서버 총 30대): a machine
# noun, a product code with a digit (H100, RTX 5090) or a machine in Latin letters (PC, SUV);
# not a company (SKT 20대 가입자: an age).
_MACHINE_BEFORE_RE = re.compile(
    rf"(?:(?:{_alternation(m for m in words.MACHINES if m != '차')}|(?<![{_HANGUL}])차)"
    rf"(?:[을를이가은는도]|만)?"
    rf"|(?<![A-Za-z0-9])(?:[A-Za-z][A-Za-z-]*\d[A-Za-z0-9-]*|[A-Za-z]+\s(?:\d+|[공일이삼사오육칠팔구]{{3,}})[A-Za-z]*"
    rf"|{_alternation(words.LATIN_MACHINES)}))\s(?:(?:총|모두|약|최대|최소|무려)\s)?$"
)


# Counters a Sino-Korean number never goes with: native up to 99 (마흔다섯 살, 예순 마리).
_ALWAYS_NATIVE = frozenset(
    ("살", "마리", "사람", "그루", "송이", "켤레", "벌", "자루", "포기", "모금", "방울", "걸음",
     "그릇", "마디", "달", "해", "차례", "가지", "군데")
)  # fmt: skip
NATIVE_LIMIT = 30
"""Counts below this are read native (스물다섯 명), from it on Sino-Korean (삼십 곳, 오십사 개),
as news readers do; a sentence with a count from the limit on reads its two-digit counts
Sino-Korean too (이십오 명에서 육백사십 명으로), so that one sentence does not mix both."""
_CLOCK_COUNTERS = frozenset(("시", "분", "초", "월", "일"))
_COUNTED_FORMS = {"두": "둘", "세": "셋", "네": "넷"}  # before 째: 둘째, not 두째


def read_quantity(
    num: str,
    small: str | None = None,
    big: str | None = None,
    counter: str | None = None,
    sino_only: bool = False,
    after: str = "",
    native_limit: int = NATIVE_LIMIT,
    before: str = "",
) -> str:
    """Read one number with its optional 십/백/천, 만/억/조 and counter.

    Native numbers (세 개, 스물다섯 명) for native counters below ``native_limit`` (살, 마리
    … up to 99); Sino-Korean otherwise. ``after`` is the text that follows, used to tell
    3대 (vehicles) from 3대 그룹; ``before`` the text before it, to tell 드론 20대 (machines,
    counted natively up to 99) from 20대 (an age).
    """
    counter = counter or ""
    plain = num.replace(",", "")
    if small or big:
        head = "" if plain == "1" and (small or big == "만") else _read_plain(plain)
        return head + (small or "") + (big or "") + (" " + counter if counter else "")
    if counter in _CLOCK_COUNTERS and plain.isdigit():
        plain = str(int(plain))  # 05분, 07시: no 영
    if "." in plain or (len(plain) > 1 and plain.startswith("0")):
        head = _read_plain(plain)
        return f"{head} {counter}" if counter else head
    n = int(plain)
    if not counter:
        return numbers.sino(n)
    if sino_only:  # 제3자, 제2차; a chapter apart (제사 장, not the priest)
        return f"{numbers.sino(n)}{' ' if counter == '장' else ''}{counter}"
    if counter == "월":
        return numbers.month(n)
    if counter == "시":  # the 24-hour clock read native: 열여덟 시, 스물네 시
        return f"{numbers.native(n) if 0 < n <= 24 else numbers.sino(n)} 시"
    limit = 100 if counter in _ALWAYS_NATIVE else native_limit
    if counter == "째" and 0 < n < limit:  # 첫째, 둘째, 셋째, 열넷째: one word
        ordinal = numbers.native(n, ordinal=True)
        return ordinal[:-1] + _COUNTED_FORMS.get(ordinal[-1], ordinal[-1]) + counter
    if counter == "번째":  # an ordinal is native up to 99 (서른 번째, 마흔다섯 번째)
        return f"{numbers.native(n, ordinal=True) if n < 100 else numbers.sino(n)} {counter}"
    if counter == "째":
        return f"{numbers.native(n, ordinal=True) if n < limit else numbers.sino(n)} {counter}"
    if counter == "대":
        if after[:1].isdigit():  # 1대1, 3대2: a score or ratio
            return f"{numbers.sino(n)} 대 "
        if _MACHINE_BEFORE_RE.search(before):  # 드론 20대를: machines, not an age
            return f"{numbers.native(n) if n < 100 else numbers.sino(n)} 대"
        group = n % 10 == 0 or _PARTICLE_AFTER_DAE_RE.match(after) or n >= limit
        return f"{numbers.sino(n)} 대" if group else f"{numbers.native(n)} 대"
    if counter == "번" and _NUMBERED_NOUN_RE.match(after):  # 3번 출구: a number, not times
        return f"{numbers.sino(n)}번"
    if counter in _NATIVE and n < limit:
        return f"{numbers.native(n)} {counter}"
    return f"{numbers.sino(n)} {counter}"


def _read_plain(plain: str) -> str:
    if "." in plain:
        return numbers.decimal(plain)
    if len(plain) > 1 and plain.startswith("0"):
        return numbers.digits(plain)
    return numbers.sino(int(plain))


# After these a time range reads "A에서 B" (2022∼2026년 사이, 2015~2025년에 걸쳐).
# A particle may follow them (2015~2025년 사이에, 동안의).
_SPAN_AFTER_RE = re.compile(
    rf"\s+(?:사이|동안|중|간)(?:에서|에는|에도|에|의|엔|은|는|도)?(?![{_HANGUL}])"
    rf"|[{_HANGUL}](?<![의는도만])"
)


# "1~2명" is said 한두 명, as "3~4개" is 서너 개; "2~3년" 이삼 년, "1~2%" 일이 퍼센트.
_APPROXIMATE = {("1", "2"): "한두", ("2", "3"): "두세", ("3", "4"): "서너", ("4", "5"): "네다섯",
                ("5", "6"): "대여섯"}  # fmt: skip


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
        after = text[m.end() : m.end() + 9].replace(MARK, "")
        n1, s1, b1, c1 = lq[0].groups()
        n2, s2, b2, c2 = rq[0].groups()
        before = text[max(0, m.start() - 6) : m.start()]
        point = _is_point(unit or c1 or c2, n1, left, before)
        simple = len(lq) == len(rq) == 1 and not (s1 or b1 or s2 or b2 or c1)
        if simple and c2 in _NATIVE and (n1, n2) in _APPROXIMATE:
            return f"{_APPROXIMATE[n1, n2]} {c2}"
        if simple and c2 and not point and c2 not in _NATIVE and _consecutive(n1, n2):
            return f"{numbers.SINO_DIGITS[int(n1)]}{numbers.SINO_DIGITS[int(n2)]} {c2}"
        borrowed = c2 if len(lq) == 1 and not c1 else None
        if borrowed in ("일간", "년간", "주간"):  # 4~5일간: 사 일에서 오 일간
            borrowed = borrowed[:-1]
        spoken_left = _read_side(left, lq, borrowed, right)
        spoken_right = _read_side(right, rq, None, after)
        if after.startswith("까지"):
            return f"{spoken_left}부터 {spoken_right}"
        if point and not _SPAN_AFTER_RE.match(after):
            return f"{spoken_left}부터 {spoken_right}까지"
        return f"{spoken_left}에서 {spoken_right}"

    return sub_marked(_RANGE_RE, repl, text)


def _consecutive(a: str, b: str) -> bool:
    return a.isdigit() and b.isdigit() and 0 < int(a) < 9 and int(b) == int(a) + 1


def _is_point(counter: str | None, first: str, left: str, before: str) -> bool:
    """Whether a range of ``counter`` spans points in time (2015~2025년, 3월 3~5일, 9~10시:
    부터 … 까지) rather than durations (2~3년 안에, 3~5일: 이삼 년, 삼 일에서 오 일)."""
    if counter in ("년", "년도"):
        return len(first.replace(",", "")) >= 3
    if counter == "일":
        return "월" in left or bool(re.search(r"\d월\s?$", before))
    if counter in ("분", "초"):
        return "시" in left or bool(re.search(r"\d시\s?$", before))
    return counter in words.POINT_IN_TIME_COUNTERS


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


def read_numbers(text: str) -> str:
    """Read every remaining number in Korean: ``1,130건`` → ``천백삼십 건``, ``3개`` →
    ``세 개``, ``302억 5천만`` → ``삼백이억 오천만``, ``10월`` → ``시월``."""
    text = _MINUS_RE.sub("마이너스 ", text)
    found = list(_NUMBER_RE.finditer(text))
    large = any(
        m.group(4) in _NATIVE and m.group(4) not in _ALWAYS_NATIVE and not (m.group(2) or m.group(3))
        and m.group(1).replace(",", "").isdigit() and int(m.group(1).replace(",", "")) >= NATIVE_LIMIT
        for m in found
    )  # fmt: skip
    limit = 10 if large else NATIVE_LIMIT

    def repl(m: re.Match) -> str:
        num, small, big, counter = m.groups()
        # 제3자, 제2차: an ordinal prefix, always Sino-Korean
        je = bool(_JE_BEFORE_RE.search(text, max(0, m.start() - 2), m.start()))
        after = text[m.end() : m.end() + 9].replace(MARK, "")
        before = text[max(0, m.start() - 14) : m.start()].replace(MARK, "") if counter == "대" else ""
        return read_quantity(num, small, big, counter, je, after, native_limit=limit, before=before)

    return sub_marked(_NUMBER_RE, repl, text)
