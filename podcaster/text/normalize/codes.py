"""Numbers that are names, not amounts, read digit by digit (phone, service, account, ID,
flight and bus numbers), and results read as scores (3대 2로, 4-1로, 2:0)."""

from __future__ import annotations

import re

from podcaster.text.normalize import numbers
from podcaster.text.normalize.particles import sub_marked
from podcaster.text.normalize.words import CURRENCY_CODES

# Phone numbers (010-1234-5678, 02-123-4567), service numbers (1577-0000, 1588-1234),
# and any other digit groups joined by hyphens that are not dates or ranges: three groups
# or more (account and business numbers), or a group of five digits or more (900101-1234567).
_PHONE_RE = re.compile(
    r"(?<![\d-])(?:\+82-?)?(?:0\d{1,2}-\d{3,4}-\d{4}|1[5-8]\d{2}-\d{4})(?![\d-])"
    r"|(?<![\d.,-])\d+(?:-\d+){2,}(?![\d-])"
    r"|(?<![\d.,-])(?:\d{5,}-\d+|\d+-\d{5,})(?![\d-]|\s?(?:명|원|개|건|달러|년|대|곳|배|%))"
)
# Short service numbers (112, 119, 1330) where the sentence is about calling them.
_SERVICE = r"11[0-9]|12[0-9]|13[0-9]|182|1330|1339|1345|1350|1366|1388|1393"
_SERVICE_RE = re.compile(
    rf"(?<![\d.,-])({_SERVICE})(?=번(?!째)|\s?(?:에|로|으로|나|이나|과|와|,|\.|\)|신고|전화|상담|콜|구급|안내|센터|문의|종합|긴급)|$)"
)
_CALLING_RE = re.compile(r"신고|전화|번호|콜센터|상담|긴급|구급|경찰|소방|문의|안내|다이얼")
# Numbers after a word that names them: 계좌번호 110-123-456789, 편명 702, 버스 7016번.
_NAMED_RE = re.compile(
    r"(?:번호|계좌|편명|학번|사번|우편번호|비밀번호)\s?:?\s?(\d[\d-]{2,}\d)(?![\d.,])"
    r"|(?<![\d.,])(\d{3,4})(?=번\s?(?:버스|마을버스|광역버스|간선버스|지선버스|시내버스))"
)
# Numbered places with a hyphen: 3-1번 출구, 12-3번지 (삼 다시 일번, 십이 다시 삼 번지).
_DASHED_NUMBER_RE = re.compile(
    r"(?<![\d.,-])(\d{1,4})-(\d{1,4})(?=번지|번\s?(?:출구|버스|마을버스|게이트|국도|노선|승강장|좌석|창구))"
)
# Flight numbers: an airline code and its number (KE017편, 항공편 OZ 202).
_FLIGHT_RE = re.compile(
    r"(?<![A-Za-z0-9])([A-Z]{2}|[A-Z]\d|\d[A-Z])\s?(\d{2,4})(?=\s?(?:편|항공편|여객기|화물기))"
    r"|(?<=편\s)([A-Z]{2}|[A-Z]\d)\s?(\d{2,4})(?![\d.,])"
)


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


def _groups(s: str) -> str:
    return ", ".join(numbers.phone_digits(p) for p in re.split(r"-", s) if p)


def read_codes(text: str) -> str:
    """Read numbers that are names digit by digit, 0 as 공: ``010-1234-5678`` →
    ``공일공, 일이삼사, 오육칠팔``, ``1577-0000`` → ``일오칠칠, 공공공공``, ``119에 신고`` →
    ``일일구에 신고``, ``7016번 버스`` → ``칠공일육번 버스``, ``KE017편`` → ``KE 공일칠편``."""
    if "-" in text:
        text = sub_marked(_PHONE_RE, lambda m: _groups(m.group().replace("+82", "82")), text)

    def named(m: re.Match) -> str:
        if m.group(1):
            return m.group()[: m.start(1) - m.start()] + _groups(m.group(1))
        return numbers.phone_digits(m.group(2))

    text = sub_marked(_NAMED_RE, named, text)
    text = _DASHED_NUMBER_RE.sub(
        lambda m: f"{numbers.sino(int(m.group(1)))} 다시 {numbers.sino(int(m.group(2)))}", text
    )
    text = _FLIGHT_RE.sub(
        lambda m: f"{m.group(1) or m.group(3)} {numbers.phone_digits(m.group(2) or m.group(4))}",
        text,
    )
    if _CALLING_RE.search(text):
        text = sub_marked(_SERVICE_RE, lambda m: numbers.phone_digits(m.group(1)), text)
    return text


# A result: "3대 2로", "4-1로 이겼다", "2:0 승리". Score words say the sentence is about one.
_SCORE_WORDS = (
    r"경기|승리|이겼|꺾|졌|패배|패했|완승|완패|역전|무승부|비겼|결승|준결승|스코어|점수|골|세트|"
    r"득점|앞서|뒤지|표결|투표|찬성|반대|판정|대결|맞대결"
)
_SCORE_CONTEXT_RE = re.compile(_SCORE_WORDS)
_SCORE_RE = re.compile(
    r"(?<![\d.,:-])(\d{1,3})\s?(?:대|-|:)\s?(\d{1,3})(?![\d.,:-]|\s?[만천백억조원명개곳건대번호%])"
    r"(?=\s?(?:로|으로|의|에서|까지|로서|\s|,|\.|$|[가-힣]))"
)


def read_scores(text: str) -> str:
    """Read results as scores: ``3대 2로`` → ``3 대 2로`` (삼 대 이, not the counter 세 대),
    ``4-1로 이겼다`` → ``4 대 1로``. Only in a sentence about a game, vote or verdict; a
    ``3:1`` ratio outside one is read the same way."""
    if not _SCORE_CONTEXT_RE.search(text):
        return text
    return _SCORE_RE.sub(r"\1 대 \2", text)


# A digit run longer than the big units reach (10^20 and up), with its optional commas and
# decimals; a run after a point is a decimal part and is read digit by digit anyway.
_LONG_RE = re.compile(r"(?<![\d.,])\d[\d,]*\d(?:\.(\d+))?")


def read_long_numbers(text: str) -> str:
    """Read numbers of more than 20 digits before anything converts them to ``int``:
    one by one with 0 as 공 up to 40 digits, longer ones by their length
    (``"오천 자리 숫자"``). Shorter numbers are left to the other steps."""

    def repl(m: re.Match) -> str:
        whole = m.group().partition(".")[0].replace(",", "")
        if len(whole) <= numbers.LONGEST or not whole.isdigit():
            return m.group()
        frac = m.group(1)
        return numbers.long_number(whole) + (f" 점 {numbers.digits(frac)}" if frac else "")

    return sub_marked(_LONG_RE, repl, text)


# Versions: v2.1.0, 버전 1.2.3, 2.4.10 (three parts or more, or a v before two).
# A capital V after a name is the name's (DeepSeek-V3.1, DeepSeek V3.1: 브이쓰리 점 일, as V3).
_VERSION_RE = re.compile(
    r"(?<![A-Za-z0-9.])(?:(?:v|(?<![A-Za-z][\s-])V)\s?(\d{1,4}(?:\.\d{1,4})+)|(\d{1,3}(?:\.\d{1,4}){2,}))(?![\d.]\d|[A-Za-z])"
)


# A decimal right after a Latin name is its version (Gemini 2.0, PCIe 5.0, Python 3.10),
# unless the name is a currency code (EUR 1.50) or a unit or sign follows the number.
_NAMED_VERSION_RE = re.compile(
    r"(?<=[A-Za-z] )(\d{1,2}\.\d{1,2})(?=$|[\s.,)\]!?:;'\"”’]"
    r"|(?:을|를|이|가|은|는|과|와|의|으로|로|에서|에|도|만|까지|부터|이다|이며|이고|버전)(?![가-힣]))"
)


def _letters_before(text: str, end: int) -> str:
    """The Latin letters that end at ``end`` in ``text``, read backwards (a search for them
    from the start would scan the text again for every version number: quadratic)."""
    start = end
    while start and text[start - 1].isascii() and text[start - 1].isalpha():
        start -= 1
    return text[start:end]


def _says_version(text: str, start: int, end: int) -> bool:
    """Whether 버전 is written right before ``start`` or right after ``end``, spaces
    between (read outwards, not by a search of the whole text for every version)."""
    while start and text[start - 1].isspace():
        start -= 1
    while end < len(text) and text[end].isspace():
        end += 1
    return text[max(0, start - 2) : start] == "버전" or text.startswith("버전", end)


def read_versions(text: str) -> str:
    """Read version numbers part by part, every part whole (zeros included):
    ``v2.1.0`` → ``버전 이 점 일 점 영``, ``1.10.2`` → ``일 점 십 점 이``, ``Gemini 2.0`` →
    ``Gemini 이 점 영`` (a decimal loses its trailing zeros; a version keeps them)."""

    def repl(m: re.Match) -> str:
        parts = (m.group(1) or m.group(2)).split(".")
        spoken = " 점 ".join(numbers.sino(int(p)) for p in parts)
        said = _says_version(text, m.start(), m.end())
        return f"버전 {spoken}" if m.group(1) and not said else spoken

    def named(m: re.Match) -> str:
        if _letters_before(text, m.start() - 1).upper() in CURRENCY_CODES:  # "EUR 1.50"
            return m.group()
        return " 점 ".join(numbers.sino(int(p)) for p in m.group(1).split("."))

    text = sub_marked(_VERSION_RE, repl, text)
    return sub_marked(_NAMED_VERSION_RE, named, text)
