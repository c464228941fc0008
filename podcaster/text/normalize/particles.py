"""Particles that follow a replaced reading: 은/는, 이/가, 을/를, 과/와, 으로/로 …

A particle written after a number, symbol or Latin word was chosen for what the author had
in mind (``120fps로``: 에프피에스로); once the reading changes (초당 백이십 프레임) it may no
longer fit. Steps that replace text call :func:`sub_marked`, which puts :data:`MARK` after a
reading that a Hangul particle follows; :func:`choose_particles`, the last step, re-chooses
each marked particle for the final sound of the reading and removes the marks.
"""

from __future__ import annotations

import re
from collections.abc import Callable

MARK = "\ue000"  # a private-use character: "a reading ends here"
CHOOSE = "\ue001"  # "choose 으로/로 here" (a reading that needs a particle: A에서 B로)
KEEP_OPEN, KEEP_CLOSE = "\ue002", "\ue003"  # around readings an author keeps as written
KEPT_RE = re.compile(f"{KEEP_OPEN}[^{KEEP_CLOSE}]*{KEEP_CLOSE}")

# (after a final consonant, after a vowel); longest first so 으로는 wins over 으로.
_PAIRS = (
    ("으로부터", "로부터"), ("으로서", "로서"), ("으로써", "로써"), ("으로는", "로는"),
    ("으로도", "로도"), ("으로의", "로의"), ("으로만", "로만"), ("으로", "로"),
    ("이라는", "라는"), ("이라고", "라고"), ("이라며", "라며"), ("이라", "라"), ("이나", "나"),
    ("이랑", "랑"), ("이며", "며"), ("이면", "면"), ("이었다", "였다"), ("이지만", "지만"), ("이고", "고"),
    ("이다", "다"), ("과의", "와의"), ("과는", "와는"), ("과도", "와도"),
    ("은", "는"), ("이", "가"), ("을", "를"), ("과", "와"),
)  # fmt: skip
_CHOICE = {p: pair for pair in _PAIRS for p in pair}
_ALL = sorted(_CHOICE, key=len, reverse=True)
_MARKED_RE = re.compile(
    "([가-힣])" + MARK + "(" + "|".join(_ALL) + ")(?![가-힣])"
)
_CHOOSE_RE = re.compile("([가-힣])" + CHOOSE + "로")
_RIEUL = 8  # the final ㄹ takes 로, not 으로


def particle_for(syllable: str, particle: str) -> str:
    """The form of ``particle`` (any of a pair) that fits after ``syllable``."""
    consonant_form, vowel_form = _CHOICE[particle]
    final = (ord(syllable) - 0xAC00) % 28
    if consonant_form.startswith("으") and final == _RIEUL:
        return vowel_form
    return consonant_form if final else vowel_form


def sub_marked(pattern: re.Pattern, repl: Callable[[re.Match], str], text: str) -> str:
    """``pattern.sub(repl, text)``, marking each changed reading that Hangul follows."""

    def marked(m: re.Match) -> str:
        out = repl(m)
        end = m.end()
        if out != m.group() and end < len(text) and "가" <= text[end] <= "힣":
            return out + MARK
        return out

    return pattern.sub(marked, text)


def choose_particles(text: str) -> str:
    """Re-choose the particles after marked readings and remove the marks:
    ``프레임\\ue000로`` → ``프레임으로``."""
    if MARK not in text and CHOOSE not in text:
        return text
    text = _MARKED_RE.sub(lambda m: m.group(1) + particle_for(m.group(1), m.group(2)), text)
    text = _CHOOSE_RE.sub(lambda m: m.group(1) + particle_for(m.group(1), "로"), text)
    return text.replace(MARK, "").replace(CHOOSE, "")


def outside_kept(text: str, fn: Callable[[str], str]) -> str:
    """Apply ``fn`` to the text outside the readings an author keeps as written."""
    if KEEP_OPEN not in text:
        return fn(text)
    out, pos = [], 0
    for m in KEPT_RE.finditer(text):
        out.append(fn(text[pos : m.start()]))
        out.append(m.group())
        pos = m.end()
    out.append(fn(text[pos:]))
    return "".join(out)
