"""Written forms of Latin abbreviations that are not plain words: dotted acronyms (A.I.,
U.S.), single letters paired with a slash (I/O, A/B), a colon inside a name (re:Invent) and
mobile generations (5G). They are rewritten to the plain letters the later steps read."""

from __future__ import annotations

import re

from podcaster.text.normalize import words
from podcaster.text.normalize.particles import sub_marked

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
