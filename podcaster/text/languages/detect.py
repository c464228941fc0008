"""The language a sentence is read in, from the scripts its letters are written in.

Korean, English and Japanese are written in scripts of their own, so the letters decide,
with no statistical model: kana make a sentence Japanese (Korean never uses kana); Latin
words make it English only when they are words of a sentence (two or more, not only
acronyms and code names) and outweigh its Hangul; everything else is Korean. So a Korean
sentence keeps its English names (엔비디아의 GPU) and a short English phrase or quote, and
a one-word sentence (``GPT-5.``) or a run of acronyms stays with the Korean voice, which
reads names the way the rest of the episode does.
"""

from __future__ import annotations

import re

KOREAN = "ko"
ENGLISH = "en"
JAPANESE = "ja"
FOREIGN = (ENGLISH, JAPANESE)  # languages a sentence can have besides Korean

_HANGUL_RE = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_KANA_RE = re.compile("[\u3041-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9d]")
_HAN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A Latin word with what may be glued to it (GPT-5, U.S., don't, H100)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:['’.\-][A-Za-z0-9]+)*")
_LETTER_RE = re.compile("[A-Za-z]")

# An English sentence's Latin letters must outnumber this many times its Hangul syllables
# (about three letters make an English syllable, and the English must weigh twice the
# Korean): "Reporter 김민지 wrote that the chip is fast." is English, 그는 "It will change
# everything"이라고 말했다 is Korean.
LETTERS_PER_HANGUL = 6
# The longest word in capitals taken for an acronym or a name (NASA, NVIDIA).
ACRONYM_LETTERS = 6
MIN_WORDS = 2  # words of a sentence, at least one of them a plain word


def detect_language(text: str) -> str:
    """``"ko"``, ``"en"`` or ``"ja"``: the language whose voice should read ``text``."""
    hangul = len(_HANGUL_RE.findall(text))
    kana = len(_KANA_RE.findall(text))
    if kana and kana + len(_HAN_RE.findall(text)) > hangul:
        return JAPANESE
    words = _WORD_RE.findall(text)
    if len(words) < MIN_WORDS or not any(_is_plain(w) for w in words):
        return KOREAN
    letters = len(_LETTER_RE.findall(text))
    return ENGLISH if letters > LETTERS_PER_HANGUL * hangul else KOREAN


def _is_plain(word: str) -> bool:
    """Whether ``word`` belongs to a sentence rather than a name: a function word, a word in
    lower case, or a word in capitals too long for an acronym (a headline's). A capitalised
    word may be a name (Claude, Sonnet), a short one in capitals an acronym (GPU, NASA), a
    word with digits a code name (GPT-5, H100): none of these make a sentence English."""
    if word.lower() in FUNCTION_WORDS:
        return True
    if any(c.isdigit() for c in word):
        return False
    if word[0].islower():
        return True
    return word.isupper() and len(word.replace(".", "")) > ACRONYM_LETTERS


# Words that only a sentence has (a headline in capitals has them too: THE, OF, TO).
FUNCTION_WORDS = frozenset("""
a an the of to in on at by for from with about into over after before as and or but not no
is are was were be been being has have had do does did will would can could should may might
must shall it its this that these those he she they we you i his her their our your my me us
them who what which when where why how said says than then there here if so up out new
""".split())
