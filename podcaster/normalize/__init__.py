"""Korean text normalisation: written text → what a TTS engine should say.

``normalize("2015∼2025년 52.9%")`` → ``"이천십오 년부터 이천이십오 년까지 오십이 점 구 퍼센트"``.
The transcript keeps what the author wrote; only the spoken text changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from podcaster.normalize.steps import STEPS, Lexicon

__all__ = ["STEPS", "Lexicon", "normalize"]


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
