"""Readings every Korean listener knows, written in short: countdowns (``D-7`` → 디 마이너스
칠), store deals (``2+1 행사`` → 투 플러스 원), events named by their date (``10·26`` →
십이륙, ``events.py``), the UN climate conference (``COP28``), round-the-clock service
(``24/7``) and times taken in a race or a video (``2:05:30`` → 두 시간 오 분 삼십 초)."""

from __future__ import annotations

import re

from podcaster.text.normalize import numbers, words
from podcaster.text.normalize.events import EVENT_WORDS, EVENTS
from podcaster.text.normalize.particles import sub_marked
from podcaster.text.normalize.patterns import alternation

_COUNTDOWN_RE = re.compile(r"(?<![A-Za-z0-9])D\s?([-+])\s?(\d{1,4})(?![\d.,]?\d)")
_DEAL_RE = re.compile(
    r"(?<![\d+.,])([1-9])\s?\+\s?([1-9])(?![\d+.,])"
    r"(?=\s?(?:행사|이벤트|혜택|상품|프로모션|할인|증정|판매|묶음|구성|제품|기획|딜|쿠폰|특가))"
)
_EVENT_RE = re.compile(
    r"(?<![\d.,·ㆍ])(\d{1,2})([·ㆍ.])(\d{1,2})(?![\d%]|[.,·ㆍ]\d)"
    r"(?!(?:일|월|위|차|개|명|번|회|년|세|대|학년|시|분|층|호|등|배|점|퍼센트|%|kg|km|m\b))"
)
_EVENT_WORD_RE = re.compile(rf"\s?(?:절|{alternation(EVENT_WORDS)})")
# The UN climate conference and its number (COP28 → 콥 28, 콥 이십팔).
_COP_RE = re.compile(r"(?<![A-Za-z0-9])COP\s?(\d{1,2})(?![\d.,]?\d)")
_AROUND_CLOCK_RE = re.compile(r"(?<![\d/.,])24\s?/\s?(?:7|365)(?![\d/]|[.,]\d)")


def read_countdowns_and_events(text: str) -> str:
    """``D-7`` → ``디 마이너스 칠``, ``D+30`` → ``디 플러스 삼십``; ``2+1 행사`` → ``투
    플러스 원 행사``; events named by their date: ``10·26 사건`` → ``십이륙 사건``, ``5.18
    민주화운동`` → ``오일팔 민주화운동``; ``COP28`` → ``콥 28``; ``24/7 운영`` → ``이십사 시간 연중무휴 운영``."""
    if "D" in text:
        text = sub_marked(
            _COUNTDOWN_RE,
            lambda m: f"디 {'마이너스' if m.group(1) == '-' else '플러스'} {numbers.sino(int(m.group(2)))}",
            text,
        )
    if "+" in text:
        text = sub_marked(
            _DEAL_RE,
            lambda m: f"{words.ENGLISH_DIGITS[int(m.group(1))]} 플러스 "
            f"{words.ENGLISH_DIGITS[int(m.group(2))]}",
            text,
        )

    def event(m: re.Match) -> str:
        reading = EVENTS.get(f"{int(m.group(1))}·{int(m.group(3))}")
        if not reading:
            return m.group()
        if m.group(2) == "." and not _EVENT_WORD_RE.match(text, m.end()):
            return m.group()  # 5.18 alone is a decimal
        return reading

    if "·" in text or "ㆍ" in text or "." in text:
        text = sub_marked(_EVENT_RE, event, text)
    if "COP" in text:
        text = _COP_RE.sub(r"콥 \1", text)
    if "/" in text:
        text = sub_marked(_AROUND_CLOCK_RE, lambda m: "이십사 시간 연중무휴", text)
    return text


# --- record times -----------------------------------------------------------------------

_RACE_RE = re.compile(
    r"마라톤|기록|완주|레이스|우승|결승|하프|풀코스|트라이애슬론|철인|구간|랩타임|페이스|달리기|"
    r"러닝|경주|사이클|수영|스키|크로스컨트리|울트라|주파|골인|결승선|타임|경보|영상|길이|분량|"
    r"재생|러닝타임|상영|소요|걸렸|걸린|만에"
)
_HMS_RE = re.compile(r"(?<![\d:.])(\d{1,2}):([0-5]\d):([0-5]\d)(?:\.(\d{1,3}))?(?![\d:]|\.\d)")
_MS_FRACTION_RE = re.compile(r"(?<![\d:.])(\d{1,2}):([0-5]\d)\.(\d{1,3})(?![\d:]|\.\d)")


def read_record_times(text: str) -> str:
    """In a sentence about a race or a length of time, ``2:05:30`` is a time taken:
    ``2시간 5분 30초`` (두 시간 오 분 삼십 초), not the clock; ``3:45.12`` is always
    minutes and seconds (``3분 45.12초``)."""
    if ":" not in text:
        return text

    def hms(m: re.Match) -> str:
        h, mi, s, frac = int(m.group(1)), int(m.group(2)), int(m.group(3)), m.group(4)
        parts = [f"{h}시간"] if h else []
        if mi:
            parts.append(f"{mi}분")
        if s or frac:
            parts.append(f"{s}.{frac}초" if frac else f"{s}초")
        return " ".join(parts) or "0초"

    if _RACE_RE.search(text):
        text = sub_marked(_HMS_RE, hms, text)
    def ms(m: re.Match) -> str:
        minutes = int(m.group(1))
        return (f"{minutes}분 " if minutes else "") + f"{int(m.group(2))}.{m.group(3)}초"

    return sub_marked(_MS_FRACTION_RE, ms, text)
