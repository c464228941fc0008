"""Dates as people write them in news: slash dates (7/21, 12/25/2024, 25/12/2024),
apostrophe years ('24년), weekday markers (4일(화)) and zero-padded clock minutes.

These steps only rewrite the forms into ``2024년 12월 25일``-style text; the number steps
read it aloud afterwards.
"""

from __future__ import annotations

import logging
import re

from podcaster.text.normalize.particles import sub_marked

log = logging.getLogger(__name__)

_APOSTROPHE_YEAR_RE = re.compile(r"(?:(?<=^)|(?<=[\s(“\"]))['‘’](\d{2})(?!\d)")
_FULL_SLASH_DATE_RE = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_SLASH_DATE_RE = re.compile(r"(?<![\d/.,\w-])(\d{1,2})/(\d{1,2})(?![\d/.,]?\d)")
_WEEKDAY = r"\((?:월|화|수|목|금|토|일)(?:[·,~∼〜](?:월|화|수|목|금|토|일))?\)"
# What makes "7/21" a date: a weekday marker or a date word next to it.
_DATE_AFTER_RE = re.compile(
    rf"\s?{_WEEKDAY}|\s?(?:부터|까지|자|일자|[~∼〜]\s?\d{{1,2}}/\d)"
    r"|\s?(?:개막|출시|발표|공개|개최|마감|기준|오전|오후|새벽|저녁|밤|시행|예정|현지|발매|열린|열리)"
)
_DATE_BEFORE_RE = re.compile(r"(?:오는|지난|이번|다음|올해|내년|작년|날짜|일정|일시|날|[~∼〜]|\d{4}년)\s?$")
# What makes "3/4" a quantity: a comparison or amount word after it.
_QUANTITY_AFTER_RE = re.compile(
    r"\s?(?:이상|이하|미만|초과|가량|정도|수준|만큼|에\s?불과|에\s?해당|을\s?차지|를\s?차지|의|로\s?줄|로\s?늘|가량|쯤)"
)
# What makes "4/9" a share: an owner of the whole before it (표본의 4/9, 응답자 중 4/9).
_QUANTITY_BEFORE_RE = re.compile(
    r"(?:[가-힣]의|중|가운데|전체|인구|표본|응답자|유권자|참가자|비율|비중|무려|불과|겨우|고작|약)\s?$"
)
_FRACTION_BOTTOMS = frozenset((2, 3, 4, 5, 6, 8, 10))
_WEEKDAY_RE = re.compile(rf"(?<=일)\s?{_WEEKDAY}((?:에|까지)(?![가-힣]))?")
# 월~금 standing alone: a span of weekdays (월요일부터 금요일까지).
_BARE_WEEKDAY_SPAN_RE = re.compile(
    r"(?<![가-힣(])([월화수목금토일])\s?[~∼〜]\s?([월화수목금토일])"
    r"(?:(?![가-힣)])|(에는|에만|에도|에|은|는|도|만)(?![가-힣]))"
)
# What a particle after a span of weekdays becomes after 까지 (토~일에는 → …까지는).
_AFTER_SPAN = {"에는": "는", "에만": "만", "에도": "도", "에": "", "은": "는", "는": "는", "도": "도",
               "만": "만"}  # fmt: skip
# The second date of a span written with dots (16.(월)~18.(수)): its day, 18일(수).
_DOTTED_DAY_RE = re.compile(rf"(?<=[~∼〜])\s?(\d{{1,2}})\.\s?(?={_WEEKDAY})")
# A dotted date with its weekday (2026. 3. 4.(수), 3. 4.(수)): written 2026년 3월 4일(수).
_DOTTED_WEEKDAY_RE = re.compile(
    rf"(?<![\d.])(?:(\d{{4}})\.\s?)?(\d{{1,2}})\.\s?(\d{{1,2}})\.?\s?(?={_WEEKDAY})"
)
_WEEKDAY_SPAN_RE = re.compile(r"[~∼〜]")
_WEEKDAY_PART_RE = re.compile(r"월|화|수|목|금|토|일")
_TIME_OF_DAY = "(?:오전|오후|새벽|아침|낮|저녁|밤)"
_CLOCK = rf"(?:{_TIME_OF_DAY}\s?)?\d{{1,2}}시(?:\s?\d{{1,2}}분)?"
_WHEN = (
    rf"(?:(?:지난|오는|이번)\s)?(?:\d{{4}}년\s?)?(?:\d{{1,2}}월\s?)?\d{{1,2}}일(?:\s?{_WEEKDAY})?"
    rf"(?:\s{_TIME_OF_DAY}(?!\s?\d)|\s?{_CLOCK})?|{_CLOCK}"
)
# 3일(현지시간), 오후 2시(한국 시각): the time zone is said before the date, as anchors do.
_ZONE_NOTE_RE = re.compile(
    rf"(?<![\d가-힣])({_WHEN})\s?\(\s*((?:[가-힣]{{1,6}}\s?){{0,2}}시[간각])\s*\)"
)
_ZERO_MINUTES_RE = re.compile(r"(\d시)\s?00분(?!\d)")
_PADDED_RE = re.compile(r"(?<![\d.,])0(\d)(?=\s?(?:시|분|초|월|일)(?![가-힣]*간))")


def _valid(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31


def _weekdays(m: re.Match) -> str:
    days = [d + "요일" for d in _WEEKDAY_PART_RE.findall(m.group())]
    if len(days) == 2 and _WEEKDAY_SPAN_RE.search(m.group()):
        # 2~6일(월~금): the span of days, then the span of weekdays
        return f", {days[0]}부터 {days[1]}까지"
    return " " + "·".join(days) + (m.group(1) or "")


def read_calendar(text: str) -> str:
    """``'24년`` → ``24년``; ``12/25/2024`` and ``25/12/2024`` → ``2024년 12월 25일``;
    ``7/21(월)``, ``오는 7/21`` → ``7월 21일 월요일``, ``오는 7월 21일`` (``3/4 이상`` stays a
    fraction); ``4일(화)`` → ``4일 화요일``, ``2026. 3. 4.(수)`` → ``2026년 3월 4일 수요일``, ``2~6일(월~금)`` →
    ``2~6일, 월요일부터 금요일까지``; ``7시 05분`` → ``7시 5분``; ``3일(현지시간)`` →
    ``현지시간 3일`` (the time zone before the date it qualifies, not a comma aside)."""
    text = _APOSTROPHE_YEAR_RE.sub(r"\1", text)

    def full(m: re.Match) -> str:
        a, b, year = int(m.group(1)), int(m.group(2)), m.group(3)
        if _valid(a, b) and _valid(b, a) and a != b:
            log.warning("%s: day and month could be either way; read as month/day/year", m.group())
        if _valid(a, b):
            return f"{year}년 {a}월 {b}일"
        if _valid(b, a):
            return f"{year}년 {b}월 {a}일"
        return m.group()

    def short(m: re.Match) -> str:
        month, day = int(m.group(1)), int(m.group(2))
        if not _valid(month, day):
            return m.group()
        after, before = text[m.end() : m.end() + 12], text[max(0, m.start() - 8) : m.start()]
        if _QUANTITY_AFTER_RE.match(after) or after.lstrip().startswith("분기"):
            return m.group()
        dated = _DATE_AFTER_RE.match(after) or _DATE_BEFORE_RE.search(before)
        if not dated and _QUANTITY_BEFORE_RE.search(before):
            return m.group()  # 표본의 4/9가: a share of the whole named before it
        if not dated and month < day and day in _FRACTION_BOTTOMS:
            return m.group()  # 1/2, 3/4: a fraction unless something says it is a date
        if not dated and month < day:
            log.warning("%s: a date or a fraction; read as a date", m.group())
        return f"{month}월 {day}일"

    def dotted(m: re.Match) -> str:
        year, month, day = m.groups()
        if not _valid(int(month), int(day)):
            return m.group()
        return (f"{year}년 " if year else "") + f"{int(month)}월 {int(day)}일"

    if "/" in text:
        text = sub_marked(_FULL_SLASH_DATE_RE, full, text)
        text = sub_marked(_SLASH_DATE_RE, short, text)
    if "(" in text:
        text = _DOTTED_WEEKDAY_RE.sub(dotted, text)
        text = _DOTTED_DAY_RE.sub(r"\1일", text)
        text = _ZONE_NOTE_RE.sub(r"\2 \1", text)
        text = _WEEKDAY_RE.sub(_weekdays, text)
    text = _ZERO_MINUTES_RE.sub(r"\1", text)
    return _PADDED_RE.sub(r"\1", text)


def read_weekday_spans(text: str) -> str:
    """``월~금`` → ``월요일부터 금요일까지`` (a span of weekdays, not 월에서 금)."""
    return _BARE_WEEKDAY_SPAN_RE.sub(
        lambda m: f"{m.group(1)}요일부터 {m.group(2)}요일까지{_AFTER_SPAN.get(m.group(3) or '', '')}",
        text,
    )
