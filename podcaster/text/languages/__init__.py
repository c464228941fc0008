"""The language of each sentence, and what each language's voice is given.

A Korean post may quote English or Japanese sources in the original. Each sentence's
language is decided from its text (``detect``); a paragraph is split into sentences by the
rules of its language (``split``); a foreign sentence is normalised for its own voice
(``english``, ``japanese``) and never reaches the Korean normaliser.
"""

from podcaster.text.languages.detect import (
    ENGLISH,
    FOREIGN,
    JAPANESE,
    KOREAN,
    detect_language,
)
from podcaster.text.languages.split import split_by_language
from podcaster.text.languages.voice_text import for_voice

__all__ = ["ENGLISH", "FOREIGN", "JAPANESE", "KOREAN", "detect_language", "for_voice",
           "split_by_language"]
