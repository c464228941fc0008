"""Roman numerals, read by what stands before them: in English after an English title
(``Final Fantasy XVI`` → 식스틴), with 세 after a monarch's name (``Elizabeth II`` → 이 세),
in Korean after Korean (``시즌 Ⅱ`` → 이, ``제Ⅳ장`` → 제사 장)."""

from __future__ import annotations

import re

from podcaster.text.normalize import words
from podcaster.text.normalize.particles import MARK

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
