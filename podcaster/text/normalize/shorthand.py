"""Shorthand of tech and business news, rewritten before the number steps read it.

Model sizes (``72B 모델`` → 칠십이 비), earnings shorthand (``2Q``, ``1H25``, ``FY2026``,
``YoY``), countdowns (``D-7``), store deals (``2+1 행사``), events named by their date
(``10·26``), record times (``2:05:30`` in a race), round-the-clock service (``24/7``),
Roman numerals (``시즌 Ⅱ``, ``Final Fantasy XVI``), abbreviations written with a full stop
(``vs.``, ``etc.``, ``Jr.``) and phone numbers written with brackets or dots. Each step turns
its form into plain Korean or into a written form the later steps read.
"""

from __future__ import annotations

import logging
import re

from podcaster.text.normalize import numbers, words
from podcaster.text.normalize.events import EVENT_WORDS, EVENTS
from podcaster.text.normalize.particles import MARK, sub_marked
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


# --- countdowns, deals, events, round the clock -----------------------------------------

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
_CLOCK_SAID = {"서비스", "운영", "영업", "가동", "상담", "지원", "대응", "감시", "모니터링"}


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


# --- Roman numerals ---------------------------------------------------------------------

_ROMAN_CHARS = {chr(0x2160 + i): i + 1 for i in range(12)} | {chr(0x2170 + i): i + 1 for i in range(12)}
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
_LATIN_ROMAN = r"X{0,3}(?:IX|IV|V?I{0,3})"
_SERIES_WORDS = (
    "Part", "PART", "Season", "SEASON", "Chapter", "Vol", "Vol.", "Episode", "Act", "Book",
    "Phase", "Stage", "Level", "Type", "World War", "시즌", "파트", "제", "챕터", "에피소드",
)  # fmt: skip
# Names of monarchs and popes: their number is said with 세 (엘리자베스 이 세).
_REGNAL = (
    "Elizabeth", "Charles", "Henry", "Louis", "Leo", "Benedict", "George", "Edward",
    "William", "Napoleon", "Pius", "Gregory", "Alexander", "Nicholas", "Peter", "Frederick",
    "Richard", "Ludwig", "Philip", "Felipe", "Willem", "Carl", "Gustaf", "Akihito", "James",
    "Paul", "John Paul", "Innocent", "Clement", "Urban", "Victor", "Ramesses", "Ptolemy",
)  # fmt: skip
_ROMAN_RE = re.compile(r"(?<![A-Za-z0-9])([\u2160-\u217b]|[IVX]+)(?![A-Za-z0-9])")
_LATIN_ROMAN_RE = re.compile(_LATIN_ROMAN)
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*(?: Paul| War)?)\s?$")
_HANGUL_BEFORE_RE = re.compile(r"(시즌|파트|제|챕터|에피소드)\s?$")


def _roman_value(written: str) -> int:
    if written in _ROMAN_CHARS:
        return _ROMAN_CHARS[written]
    total, previous = 0, 0
    for c in reversed(written):
        v = _ROMAN_VALUES[c]
        total += -v if v < previous else v
        previous = max(previous, v)
    return total


def _english_number(n: int) -> str:
    teens = ("텐", "일레븐", "트웰브", "서틴", "포틴", "피프틴", "식스틴", "세븐틴", "에이틴",
             "나인틴")  # fmt: skip
    if n < 10:
        return words.ENGLISH_DIGITS[n]
    if n < 20:
        return teens[n - 10]
    tens = {2: "트웬티", 3: "서티"}[n // 10]
    return tens + (words.ENGLISH_DIGITS[n % 10] if n % 10 else "")


def read_roman_numerals(text: str) -> str:
    """Roman numerals by what stands before them: after an English title in English
    (``Final Fantasy XVI`` → ``Final Fantasy 식스틴``), after a monarch's name with 세
    (``Elizabeth II`` → ``Elizabeth 2세``), after Korean in Korean (``시즌 Ⅱ`` → ``시즌 2``,
    ``제Ⅳ장`` → ``제4장``). Letters (II, XVI) count only after a title word or a series word
    (Part, Season, 시즌); a lone I, V or X only after a series word."""
    if not re.search(r"[\u2160-\u217b]|[IVX]", text):
        return text

    def repl(m: re.Match) -> str:
        written = m.group(1)
        unicode_sign = written in _ROMAN_CHARS
        if not (unicode_sign or _LATIN_ROMAN_RE.fullmatch(written)):
            return written
        before = text[max(0, m.start() - 16) : m.start()]
        latin = _WORD_BEFORE_RE.search(before)
        hangul = _HANGUL_BEFORE_RE.search(before)
        value = _roman_value(written)
        if not value:
            return written
        if latin:
            word = latin.group(1)
            if word.rstrip(".") in _REGNAL or word in _REGNAL:
                return f"{value}세"
            series = word.rstrip(".") in _SERIES_WORDS or word in _SERIES_WORDS
            if not unicode_sign and len(written) == 1 and not series:
                return written
            if not unicode_sign and not (series or word[:1].isupper()):
                return written
            return _english_number(value)
        if unicode_sign or hangul:
            return str(value)
        return written

    def marked(m: re.Match) -> str:
        # a reading in words takes the particle after it anew; digits are read on later
        out = repl(m)
        follows = text[m.end() : m.end() + 1]
        if out != m.group() and not out[-1:].isdigit() and "가" <= follows <= "힣":
            return out + MARK
        return out

    return _ROMAN_RE.sub(marked, text)


# --- abbreviations with a full stop ----------------------------------------------------

ABBREVIATIONS = {
    "vs.": "대", "Vs.": "대", "VS.": "대", "v.": "대", "etc.": "등", "Etc.": "등",
    "Jr.": "주니어", "Sr.": "시니어", "Inc.": "인크", "Corp.": "코퍼레이션", "Co.": "컴퍼니",
    "Ltd.": "리미티드", "Dr.": "닥터", "Mr.": "미스터", "Mrs.": "미세스", "Ms.": "미즈",
    "St.": "세인트", "Mt.": "마운트", "Ave.": "애비뉴", "feat.": "피처링", "Feat.": "피처링",
    "approx.": "약", "cf.": "참고", "Vol.": "볼륨", "vol.": "볼륨", "Prof.": "교수",
}  # fmt: skip
_ABBREVIATION_RE = re.compile(
    rf"(?<![A-Za-z.])({alternation(ABBREVIATIONS)})(?![A-Za-z0-9])"
)
_END_RE = re.compile(r"\s*(?:$|[\"'”’」』)]+\s*$)")


def read_stopped_abbreviations(text: str) -> str:
    """``삼성 vs. 애플`` → ``삼성 대 애플``, ``태블릿 etc.`` → ``태블릿 등``, ``King Jr.`` →
    ``King 주니어``: the full stop of an abbreviation is no pause, and is kept only where
    the sentence ends on it."""

    def repl(m: re.Match) -> str:
        reading = ABBREVIATIONS[m.group(1)]
        if m.group(1) == "v." and not (text[m.start() - 1 : m.start()] == " " and text[m.end() : m.end() + 1] == " "):
            return m.group()
        return reading + ("." if _END_RE.match(text, m.end()) else "")

    return sub_marked(_ABBREVIATION_RE, repl, text)


# --- phone numbers ----------------------------------------------------------------------

_AREA = r"0\d{1,2}"
_PHONE_FORMS = (
    (re.compile(rf"(?<![\d)])\(({_AREA})\)\s?(\d{{3,4}})[-.\s](\d{{4}})(?![\d])"), r"\1-\2-\3"),
    (re.compile(rf"(?<![\d.])({_AREA})\.(\d{{3,4}})\.(\d{{4}})(?![\d]|\.\d)"), r"\1-\2-\3"),
    (re.compile(rf"(?<![\d(])({_AREA})\)\s?(\d{{3,4}})-(\d{{4}})(?![\d])"), r"\1-\2-\3"),
    (re.compile(r"\+\s?82[\s-]?(?:\(0\)\s?)?0?(\d{1,2})[\s.-](\d{3,4})[\s.-](\d{4})(?![\d])"),
     r"+82-\1-\2-\3"),
)  # fmt: skip


def read_phone_forms(text: str) -> str:
    """Phone numbers written with the area code in brackets, with dots, or with the country
    code (``(02) 123-4567``, ``02.123.4567``, ``+82 (0)10-1234-5678``) → the hyphenated form
    that is read digit by digit (not an amount, a decimal or a version)."""
    for pattern, form in _PHONE_FORMS:
        text = pattern.sub(form, text)
    return text
