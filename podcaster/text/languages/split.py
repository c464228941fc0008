"""A paragraph into sentences by the rules of its language, each with the language it is
read in.

A paragraph that is English as a whole is split at English sentence ends (not after
``U.S.``, ``Dr.``, an initial, inside ``3.5``, nor before a word in lower case); any other
paragraph by the Korean rules, and then each piece gets its own language (a Japanese one is
split again at ``。！？``, not inside 「…」), so a Korean paragraph holding one English
sentence keeps its Korean sentences Korean.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from podcaster.text.languages.detect import ENGLISH, JAPANESE, KOREAN, detect_language

# Words a full stop follows without ending the sentence (lower case, without the stop).
ENGLISH_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sr jr st mt ft gen gov sen rep rev sgt capt col lt maj pres messrs
inc co corp ltd llc plc bros dept univ assn est approx vs etc al cf
u.s u.k u.n e.u u.s.a e.g i.e a.m p.m no nos vol fig op ed eds
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
""".split())
_CLOSERS = "\"'”’)]"
_OPENERS = "\"'“‘(["
# A sentence end: marks, closing quotes, then space and what may begin a sentence (a capital,
# a digit, or a Korean sentence after the English ones).
_ENGLISH_END_RE = re.compile(
    rf"[.?!…]+[{re.escape(_CLOSERS)}]*(?=\s+[{re.escape(_OPENERS)}]*[A-Z0-9가-힣]|\s*$)")

_JAPANESE_OPEN = "「『（(【〈《"
_JAPANESE_CLOSE = "」』）)】〉》"
_JAPANESE_ENDS = "。！？!?"


def split_english(text: str) -> list[str]:
    """English ``text`` split at its sentence ends; a line break always ends one."""
    out: list[str] = []
    for line in text.splitlines():
        start = 0
        for m in _ENGLISH_END_RE.finditer(line):
            if m.group().startswith(".") and _abbreviation_before(line, start, m.start()):
                continue
            piece = line[start:m.end()].strip()
            if piece:
                out.append(piece)
            start = m.end()
        rest = line[start:].strip()
        if rest:
            out.append(rest)
    return out


def _abbreviation_before(line: str, start: int, end: int) -> bool:
    """Whether ``line[start:end]`` ends in an abbreviation or an initial (the word is the
    run of letters and dots before ``end`` from its first letter; found by one backward
    scan over that run, so a long run costs once, not once per character)."""
    i = end
    while i > start and (line[i - 1] == "." or line[i - 1].isascii() and line[i - 1].isalpha()):
        i -= 1
    while i < end and line[i] == ".":
        i += 1
    if i == end:
        return False
    found = line[i:end]
    word = found.lower().strip(".")
    # A single capital is an initial (J. K. Rowling).
    return word in ENGLISH_ABBREVIATIONS or (len(word) == 1 and found[0].isupper())


def split_japanese(text: str) -> list[str]:
    """Japanese ``text`` split after 。！？ outside brackets; a line break always ends one."""
    out: list[str] = []
    for line in text.splitlines():
        start = depth = i = 0
        while i < len(line):
            c = line[i]
            i += 1
            if c in _JAPANESE_OPEN:
                depth += 1
            elif c in _JAPANESE_CLOSE:
                depth = max(0, depth - 1)
            elif c in _JAPANESE_ENDS and depth == 0:
                while i < len(line) and line[i] in _JAPANESE_ENDS:
                    i += 1
                if line[start:i].strip():
                    out.append(line[start:i].strip())
                start = i
        if line[start:].strip():
            out.append(line[start:].strip())
    return out


_SPLITTERS = {ENGLISH: split_english, JAPANESE: split_japanese}


def split_by_language(paragraph: str,
                      languages: Collection[str] = (ENGLISH, JAPANESE)) -> list[tuple[str, str]]:
    """``(sentence, language)`` for each sentence of ``paragraph``, in order.

    Only the ``languages`` given (besides Korean) get a voice of their own; a sentence in
    another language is Korean (its Latin words read in Hangul, as without this step).
    """
    from podcaster.text.sentences import split_sentences

    whole = detect_language(paragraph)
    if whole == ENGLISH and ENGLISH in languages:
        sentences = split_english(paragraph)
    else:  # Korean rules end a sentence at ". " too: Korean sentences before Japanese ones
        sentences = split_sentences(paragraph)
    out = []
    for sentence in sentences:
        language = detect_language(sentence)
        if language not in languages:
            language = KOREAN
        if language in _SPLITTERS and (language != whole or language == JAPANESE):
            # A foreign piece the Korean rules cut, split by its own language's rules.
            out.extend((s, language) for s in _SPLITTERS[language](sentence))
        else:
            out.append((sentence, language))
    return out
