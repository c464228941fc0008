"""Small regex helpers the normalisation steps share."""

from __future__ import annotations

import functools
import re

HANGUL = "가-힣"  # a character class range of all Hangul syllables


def alternation(items) -> str:
    """A regex alternation of literal ``items``, longest first so the longest one wins."""
    return "|".join(re.escape(i) for i in sorted(set(items), key=lambda s: (-len(s), s)))


def only_if(pattern: str, step):
    """``step`` guarded so it returns text in which ``pattern`` does not occur unchanged,
    without running (most sentences have no digits or no Latin letters)."""
    probe = re.compile(pattern)

    @functools.wraps(step)
    def guarded(text: str) -> str:
        return step(text) if probe.search(text) else text

    return guarded
