"""Written text → what the voice of its language is given."""

from __future__ import annotations

from collections.abc import Mapping

from podcaster.text.languages.detect import ENGLISH, JAPANESE, KOREAN
from podcaster.text.languages.english import normalize_english
from podcaster.text.languages.japanese import normalize_japanese


def _korean(text: str, lexicon: Mapping[str, str] | None) -> str:
    from podcaster.text.normalize import normalize  # the big one: loaded when first needed

    return normalize(text, lexicon)


# language -> its normaliser. The [pronunciation] table holds Korean readings: it is given
# to the Korean normaliser only.
NORMALISERS = {
    KOREAN: _korean,
    ENGLISH: lambda text, lexicon: normalize_english(text),
    JAPANESE: lambda text, lexicon: normalize_japanese(text),
}


def for_voice(text: str, language: str = KOREAN,
              lexicon: Mapping[str, str] | None = None) -> str:
    """``text`` normalised for the voice of ``language`` (Korean for a language not known)."""
    return NORMALISERS.get(language, _korean)(text, lexicon)
