"""Japanese text for a Japanese voice: only what the voice needs.

Japanese voices read kanji, kana, numbers and the usual marks themselves; full-width and
half-width forms are made standard (ＡＩ → AI, ｶﾀｶﾅ → カタカナ), URLs and emoji dropped.
"""

from __future__ import annotations

import re
import unicodedata

_URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.I)


def normalize_japanese(text: str) -> str:
    """``text`` as a Japanese voice should be given it."""
    text = unicodedata.normalize("NFKC", _URL_RE.sub("", text))
    text = "".join(c for c in text if unicodedata.category(c) not in ("So", "Cc", "Cf", "Cs"))
    return " ".join(text.split())
