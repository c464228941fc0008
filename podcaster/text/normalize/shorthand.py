"""Shorthand of tech and business news, rewritten before the number steps read it.

Model sizes (``72B 모델`` → 칠십이 비), model names written with a space (``GPT 4``) and
earnings shorthand (``2Q``, ``1H25``, ``FY2026``, ``YoY``). Each step turns its form into
plain Korean or into a written form the later steps read.
"""

from __future__ import annotations

import logging
import re

from podcaster.text.normalize import numbers, words
from podcaster.text.normalize.particles import sub_marked
from podcaster.text.normalize.patterns import alternation

log = logging.getLogger(__name__)

# --- model sizes ------------------------------------------------------------------------

# "72B" glued to a model's name or next to a model word is its size in billions of
# parameters, said as written: 칠십이 비. Before a counted word (토큰, 달러) it is a count.
_SIZE_RE = re.compile(r"(?:(?<=[A-Za-z0-9])-)?(?<![A-Za-z0-9.,$₩€£¥])(A)?(\d{1,4}(?:\.\d{1,2})?)B(?![A-Za-z0-9])")
_SIZE_AFTER_RE = re.compile(
    r"[\s-]?(?:모델|언어\s?모델|LLM|sLLM|버전|급|짜리|매개변수\s?모델|파라미터\s?모델|model|"
    r"Instruct|instruct|Chat|chat|Base|base|it\b|MoE|오픈\s?모델|경량|체크포인트)"
)
_COUNT_AFTER_RE = re.compile(
    r"\s?(?:토큰|개|명|건|회|뷰|달러|원|유로|엔|위안|규모|파라미터|매개변수|이상|이하|어치|달러어치)"
    r"(?:[을를이가은는의과와로도만]|으로|에|이다|였다|이었다)?(?![가-힣])"
)
# A sentence about models: a size there is a model's unless a counted word follows it (the
# parameters counted are a count: 매개변수는 70B에 이른다 → 칠백억).
_MODEL_WORDS_RE = re.compile(r"모델|LLM|가중치|체크포인트|크기의|크기로")
_LATIN_NAME_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z0-9.]*)(?:[-\s][\d.]+)?[-\s]$")
# Models Korean news names in Hangul before a size (라마 70B, 큐원 72B).
_MODEL_NAMES = ("라마", "큐원", "젬마", "미스트랄", "믹스트랄", "딥시크", "엑사온", "하이퍼클로바",
                "하이퍼클로바X", "솔라", "파이", "그록", "키미", "팔콘", "올모", "네모트론")  # fmt: skip
_HANGUL_NAME_BEFORE_RE = re.compile(rf"(?:{alternation(_MODEL_NAMES)})(?:\s?[0-9.]+)?\s$")


def _size_context(text: str, m: re.Match) -> bool:
    if m.group(1) or _SIZE_AFTER_RE.match(text, m.end()):
        return True
    start = m.start(1) if m.group(1) else m.start(2)
    before = text[max(0, start - 24) : start]
    name = _LATIN_NAME_BEFORE_RE.search(before)
    if name:
        return name.group(1).upper() not in words.CURRENCY_CODES
    return bool(_HANGUL_NAME_BEFORE_RE.search(before))


def read_model_sizes(text: str) -> str:
    """``Qwen 72B`` and ``8B 모델`` → ``Qwen 칠십이 비``, ``팔 비 모델``; ``Qwen3-235B-A22B`` →
    ``Qwen3 이백삼십오 비 에이 이십이 비``. Once one size in a sentence is a model's, so is
    every other there (``7B·13B·70B``); before a counted word (``1.5B 토큰``, ``2B 달러``)
    the number stays a count of billions."""
    found = list(_SIZE_RE.finditer(text))
    if not found:
        return text
    sizes = any(_size_context(text, m) for m in found) or bool(_MODEL_WORDS_RE.search(text))
    if not sizes:
        for m in found:
            if not _COUNT_AFTER_RE.match(text, m.end()):
                log.warning("%s: a model's size or billions; read as billions", m.group())
        return text

    def repl(m: re.Match) -> str:
        if not m.group(1) and _COUNT_AFTER_RE.match(text, m.end()):
            return m.group()
        n = m.group(2)
        said = numbers.decimal(n) if "." in n else numbers.sino(int(n))
        head = "에이 " if m.group(1) else ""
        joined = " " if m.group().startswith("-") else ""
        return f"{joined}{head}{said} 비"

    return sub_marked(_SIZE_RE, repl, text)


# GPT 4, GPT 4.1 written with a space: the model GPT-4, GPT-4.1 (지피티 포, 지피티 포 점 일).
_GPT_SPACED_RE = re.compile(r"(?<![A-Za-z0-9])GPT ([1-9](?:\.\d)?[a-z]?)(?![\d.,]?\d|[A-Za-z])")


def join_model_names(text: str) -> str:
    """``GPT 4`` → ``GPT-4``, ``GPT 4.1`` → ``GPT-4.1``: one model, one reading however it is
    spaced."""
    return _GPT_SPACED_RE.sub(r"GPT-\1", text)


# --- earnings shorthand -----------------------------------------------------------------

# The year after a quarter or a half: glued (1Q25), after an apostrophe (3Q'25) or a full
# year after a space (Q4 2025), never an amount (2Q 25%, Q3 2025년).
_YEAR = (
    r"(?:\s(?=20\d\d(?![\d%]|[.,]\d|\s?[년%]))|\s?['‘’](?=\d\d(?!\d))|(?=\d\d(?!\d)|\d{4}(?!\d)))"
    r"(\d{4}|\d{2})"
)
_QUARTER_RE = re.compile(rf"(?<![A-Za-z0-9.,/])([1-4])Q(?:{_YEAR})?(?![A-Za-z0-9])")
# Q1 and H1 only with a year after a space or an apostrophe (Q3 alone is said 큐쓰리 as
# written; H100 is a chip, H2 hydrogen).
_SPACED_YEAR = r"(?:\s(?=20\d\d(?![\d%]|[.,]\d|\s?[년%]))|\s?['‘’](?=\d\d(?!\d)))(\d{4}|\d{2})"
_Q_FIRST_RE = re.compile(rf"(?<![A-Za-z0-9.,/])Q([1-4]){_SPACED_YEAR}(?![A-Za-z0-9])")
_HALF_RE = re.compile(rf"(?<![A-Za-z0-9.,/])([12])H(?:{_YEAR})?(?![A-Za-z0-9])")
_H_FIRST_RE = re.compile(rf"(?<![A-Za-z0-9.,/])H([12]){_SPACED_YEAR}(?![A-Za-z0-9])")
_FISCAL_RE = re.compile(r"(?<![A-Za-z0-9])FY\s?['‘’]?(\d{4}|\d{2})(?![\d.,]?\d)")
_ESTIMATE_RE = re.compile(r"(?<![A-Za-z0-9.,])(20\d{2})([EF])(?![A-Za-z0-9])")
_COMPARISONS = {
    "YoY": "전년 대비", "yoy": "전년 대비", "y/y": "전년 대비", "Y/Y": "전년 대비",
    "QoQ": "전 분기 대비", "qoq": "전 분기 대비", "q/q": "전 분기 대비", "Q/Q": "전 분기 대비",
    "MoM": "전월 대비", "mom": "전월 대비", "m/m": "전월 대비", "M/M": "전월 대비",
    "HoH": "전 반기 대비", "YTD": "연초 대비", "ytd": "연초 대비",
    "TTM": "최근 십이 개월",
}  # fmt: skip
_COMPARISON_RE = re.compile(
    rf"(?<![A-Za-z0-9/])({alternation(_COMPARISONS)})(?![A-Za-z0-9/])"
)
_MOM_RE = re.compile(r"mom|MoM")


def _year(written: str | None) -> str:
    if not written:
        return ""
    return f"{written if len(written) == 4 else '20' + written}년 "


def read_earnings(text: str) -> str:
    """Earnings shorthand as analysts say it: ``2Q`` → ``2분기``, ``1Q25`` → ``2025년 1분기``,
    ``1H25`` → ``2025년 상반기``, ``FY2026`` → ``2026 회계연도``, ``2026E`` → ``2026년
    예상``, ``YoY`` → ``전년 대비``, ``QoQ`` → ``전 분기 대비`` (the numbers are read later)."""
    text = sub_marked(_QUARTER_RE, lambda m: f"{_year(m.group(2))}{m.group(1)}분기", text)
    text = sub_marked(_Q_FIRST_RE, lambda m: f"{_year(m.group(2))}{m.group(1)}분기", text)
    half = {"1": "상반기", "2": "하반기"}
    text = sub_marked(_HALF_RE, lambda m: f"{_year(m.group(2))}{half[m.group(1)]}", text)
    text = sub_marked(_H_FIRST_RE, lambda m: f"{_year(m.group(2))}{half[m.group(1)]}", text)
    text = sub_marked(_FISCAL_RE, lambda m: f"{_year(m.group(1))[:-2]} 회계연도", text)
    text = sub_marked(
        _ESTIMATE_RE, lambda m: f"{m.group(1)}년 {'예상' if m.group(2) == 'E' else '전망'}", text
    )

    def comparison(m: re.Match) -> str:
        written = m.group(1)
        if _MOM_RE.fullmatch(written) and not re.search(r"\d", text):
            return written  # "mom" is also a word: a comparison only beside figures
        return _COMPARISONS[written]

    return sub_marked(_COMPARISON_RE, comparison, text)
