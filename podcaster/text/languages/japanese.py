"""Japanese text for a Japanese voice: only what the voice needs.

Japanese voices read kanji, kana, numbers and the usual marks themselves; full-width and
half-width forms are made standard (ＡＩ → AI, ｶﾀｶﾅ → カタカナ), URLs and emoji dropped.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable

_URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.I)
_HAN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
KANA_PACKAGE = "pykakasi"  # kanji → kana, offline, from its own dictionary


def normalize_japanese(text: str) -> str:
    """``text`` as a Japanese voice should be given it."""
    text = unicodedata.normalize("NFKC", _URL_RE.sub("", text))
    text = "".join(c for c in text if unicodedata.category(c) not in ("So", "Cc", "Cf", "Cs"))
    return " ".join(text.split())


_reader: tuple[str, Callable[[str], str]] | None = None
_reader_lock = threading.Lock()


def has_kanji(text: str) -> bool:
    return _HAN_RE.search(text) is not None


def kana_reader() -> tuple[str, Callable[[str], str]] | None:
    """``(name and version, text -> text with its kanji in hiragana)`` from pykakasi, or
    None when it is not installed (``pip install 'podcaster-ko[japanese]'``).

    A voice that reads kana only (eSpeak NG's ``ja``) needs it; the version belongs in the
    cache key of what it reads, since another dictionary may read a word otherwise.
    """
    global _reader
    with _reader_lock:
        if _reader is None:
            try:
                from importlib.metadata import version

                import pykakasi
            except ImportError:
                return None
            converter = pykakasi.kakasi()
            lock = threading.Lock()

            def to_kana(text: str) -> str:
                with lock:
                    parts = converter.convert(text)
                return "".join(p["hira"] if has_kanji(p["orig"]) else p["orig"] for p in parts)

            _reader = (f"{KANA_PACKAGE}-{version(KANA_PACKAGE)}", to_kana)
        return _reader
