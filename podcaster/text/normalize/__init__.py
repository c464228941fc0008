"""Korean text normalisation: written text → what a TTS engine should say.

``normalize("2015∼2025년 52.9%")`` → ``"이천십오 년부터 이천이십오 년까지 오십이 점 구 퍼센트"``.
The transcript keeps what the author wrote; only the spoken text changes.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from functools import lru_cache

from podcaster.text.normalize import english
from podcaster.text.normalize.diff import changed_spans
from podcaster.text.normalize.lexicon import Lexicon
from podcaster.text.normalize.particles import KEEP_CLOSE, KEEP_OPEN
from podcaster.text.normalize.steps import STEPS

__all__ = [
    "STEPS", "Lexicon", "changed_spans", "english_sentences", "normalize", "transliterations",
    "unread_words",
]  # fmt: skip

log = logging.getLogger(__name__)
_LATIN_RE = re.compile("[A-Za-z]")


@lru_cache(maxsize=32)
def _user_lexicon(items: tuple[tuple[str, str], ...]) -> Lexicon:
    # A reading in Latin letters is the author's choice: later steps leave it as written.
    return Lexicon(
        {k: KEEP_OPEN + v + KEEP_CLOSE if _LATIN_RE.search(v) else v
         for k, v in items}
    )  # fmt: skip


def _steps(lexicon: Mapping[str, str] | None):
    if not lexicon:
        return STEPS
    user = _user_lexicon(tuple(sorted(lexicon.items())))
    return [STEPS[0], user, *STEPS[1:]]


def normalize(text: str, lexicon: Mapping[str, str] | None = None) -> str:
    """Return ``text`` as speakable Korean: numbers, counters, dates, ranges, currency,
    units, Latin words and symbols read out; URLs and emoji dropped.

    ``lexicon`` maps exact strings to readings (the ``[pronunciation]`` table of
    podcast.toml); it is applied before the built-in rules, so it wins over them.
    """
    for sentence in english_sentences(text, lexicon):
        log.warning(
            "English read word by word, give it a Korean reading under [pronunciation]: %s",
            sentence,
        )
    for step in _steps(lexicon):
        text = step(text)
    return text


def english_sentences(text: str, lexicon: Mapping[str, str] | None = None) -> list[str]:
    """The English sentences of ``text`` (four Latin words or more, not only names) that no
    ``lexicon`` entry reads: the engine can only read them word by word, so each needs a
    Korean reading from the author. Each is listed once, as written."""
    if not _LATIN_RE.search(text):
        return []
    steps = _steps(lexicon)
    for step in steps[: len(steps) - len(STEPS) + 1]:
        text = step(text)
    return english.sentences(text)


def transliterations(text: str, lexicon: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    """The English words of ``text`` that are read by pronunciation (the CMU dictionary and
    the loanword orthography) or spelled because nothing is known about them, each once with
    its reading: ``[("Blackwell", "블랙웰")]``. Names of the built-in lexicon and the
    ``lexicon`` given are not listed; a reading can be overridden there."""
    for step in _steps(lexicon):
        if step is english.read_english:
            return english.guesses(text)
        text = step(text)
    return []


_LATIN_WORD_RE = re.compile(r"[A-Za-z](?:[A-Za-z'.-]*[A-Za-z])?")


def unread_words(spoken: str) -> list[str]:
    """Latin words the rules left as written in ``spoken`` text, each once, in order.

    Engines read them in English or not at all; a reading for each belongs in the
    ``[pronunciation]`` table of podcast.toml.
    """
    return list(dict.fromkeys(_LATIN_WORD_RE.findall(spoken)))
