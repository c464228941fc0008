"""Written forms of Latin abbreviations that are not plain words: dotted acronyms (A.I.,
U.S.), single letters paired with a slash (I/O, A/B), a colon inside a name (re:Invent) and
mobile generations (5G). They are rewritten to the plain letters the later steps read.
Abbreviations written with a full stop (vs., etc., Jr.) are read as words, the stop kept
only where the sentence ends."""

from __future__ import annotations

import re

from podcaster.text.normalize import words
from podcaster.text.normalize.particles import sub_marked
from podcaster.text.normalize.patterns import alternation

_DOTTED_RE = re.compile(r"(?<![A-Za-z0-9.])((?:[A-Za-z]\.){2,})(?![A-Za-z0-9])")
_LATIN_ABBREVIATIONS = {"e.g.": "예를 들어", "i.e.": "즉", "a.m.": "오전", "p.m.": "오후"}
_SLASHED_RE = re.compile(r"(?<![A-Za-z0-9/])([A-Z])/([A-Z])(?![A-Za-z0-9/])")
_COLON_NAME_RE = re.compile(r"(?<![A-Za-z0-9])([a-z]{2,}):([A-Z][A-Za-z]+)")
# 3G, 4G, 5G, 6G: said with English digits as operators and broadcasters do (파이브지).
_GENERATION_RE = re.compile(r"(?<![A-Za-z0-9.,])([2-6])G(?![A-Za-z0-9])")
_SENTENCE_END_RE = re.compile(r"\s*(?:$|\n|[\"'”’」』)]\s*$)")


def read_abbreviations(text: str) -> str:
    """``A.I.`` → ``AI``, ``U.S.`` → ``US`` (a full stop kept where the sentence ends),
    ``e.g.`` → ``예를 들어``; ``I/O`` → ``IO``; ``re:Invent`` → ``reInvent``; ``5G`` →
    ``파이브지``, ``LTE`` being spelled like any acronym (엘티이)."""

    def dotted(m: re.Match) -> str:
        written = m.group(1)
        if written.lower() in _LATIN_ABBREVIATIONS:
            return _LATIN_ABBREVIATIONS[written.lower()]
        letters = written.replace(".", "").upper()
        return letters + ("." if _SENTENCE_END_RE.match(text, m.end()) else "")

    text = sub_marked(_DOTTED_RE, dotted, text)
    text = _SLASHED_RE.sub(r"\1\2", text)
    text = _COLON_NAME_RE.sub(r"\1\2", text)
    return sub_marked(
        _GENERATION_RE, lambda m: words.ENGLISH_DIGITS[int(m.group(1))] + "지", text
    )


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
