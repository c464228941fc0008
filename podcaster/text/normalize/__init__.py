"""Korean text normalisation: written text → what a TTS engine should say.

``normalize("2015∼2025년 52.9%")`` → ``"이천십오 년부터 이천이십오 년까지 오십이 점 구 퍼센트"``.
The transcript keeps what the author wrote; only the spoken text changes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from podcaster.text.normalize.diff import changed_spans
from podcaster.text.normalize.lexicon import Lexicon
from podcaster.text.normalize.steps import STEPS

__all__ = ["STEPS", "Lexicon", "changed_spans", "normalize", "unread_words"]


@lru_cache(maxsize=32)
def _user_lexicon(items: tuple[tuple[str, str], ...]) -> Lexicon:
    return Lexicon(dict(items))


def normalize(text: str, lexicon: Mapping[str, str] | None = None) -> str:
    """Return ``text`` as speakable Korean: numbers, counters, dates, ranges, currency,
    units, Latin acronyms and symbols read out; URLs and emoji dropped.

    ``lexicon`` maps exact strings to readings (the ``[pronunciation]`` table of
    podcast.toml); it is applied before the built-in rules, so it wins over them.
    """
    steps = STEPS
    if lexicon:
        user = _user_lexicon(tuple(sorted(lexicon.items())))
        steps = [STEPS[0], user, *STEPS[1:]]
    for step in steps:
        text = step(text)
    return text


_LATIN_WORD_RE = re.compile(r"[A-Za-z](?:[A-Za-z'.-]*[A-Za-z])?")


def unread_words(spoken: str) -> list[str]:
    """Latin words the rules left as written in ``spoken`` text, each once, in order.

    Engines read them in English or not at all; a reading for each belongs in the
    ``[pronunciation]`` table of podcast.toml.
    """
    return list(dict.fromkeys(_LATIN_WORD_RE.findall(spoken)))
