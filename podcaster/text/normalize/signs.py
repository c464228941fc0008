"""Arrows and the marks of Korean news tables: ``3% → 5%`` is a change (3%에서 5%로),
``▲1.2%`` a rise (1.2% 상승), ``▼`` a fall, ``△3억`` a negative amount."""

from __future__ import annotations

import re

from podcaster.text.normalize.particles import CHOOSE

_ARROW = r"(?:→|⇒|➡|⟶|->|=>)"
_COUNTER_WORD = r"(?:원|달러|엔|유로|위안|명|개|곳|건|대|배|년|월|일|시|분|초|점|위|층|달러로|원으로)"
# A sentence may end on the last figure: 3만 원 → 4만 원이었다 (no 로 after 이었다).
_COPULA = r"(?:이었습니다|였습니다|입니다|이었다|였다|이다)"
_TOKEN = (
    rf"[-+]?\d(?:[^\s(),→⇒➡⟶<>=]|,(?=\d{{3}}))*(?:\s{_COUNTER_WORD}{_COPULA}?(?![가-힣]))?"
    # a name of up to five Latin words is one side (M4 Pro, RTX 5090 Ti); bounded, so that a
    # long run of capitalised words is not scanned again from each of them
    r"|[A-Za-z][^\s(),→⇒➡⟶<>=]*(?:\s(?:[A-Z][A-Za-z0-9.-]*|\d+(?:[.,]\d+)*)(?:[가-힣]+|(?=[\s(),→⇒➡⟶<>=.!?]|$))){0,4}"
    r"|[^\s(),→⇒➡⟶<>=]+"
)
_CHAIN_RE = re.compile(rf"({_TOKEN})((?:\s*{_ARROW}\s*(?:{_TOKEN}))+)")
_ARROW_RE = re.compile(rf"\s*{_ARROW}\s*")
_CHANGE_WORDS_RE = re.compile(
    r"변경|바뀌|바꾸|바꿨|상향|하향|인상|인하|증가|감소|늘|줄|상승|하락|전환|교체|개편|격상|격하"
    r"|올려|내려|올랐|내렸|떨어|뛰|개명|이전|조정|확대|축소|성장"
)
_TRAILING_PUNCT = ".!?;:,"
_HAS_PARTICLE_RE = re.compile(rf"(?:으로|로|까지|에서|에|{_COPULA})$")
_NUMBER_MARK_RE = re.compile(r"([▲▼▽△])\s?(\d[\d,.]*(?:%p|%|[가-힣A-Za-z]+)?)(\s?(?:올|오른|오르|상승|뛰|늘|내|하락|떨어|줄|빠|감소|증가))?")
_MARK_WORDS = {"▲": "{} 상승", "▼": "{} 하락", "▽": "{} 하락", "△": "마이너스 {}"}


def read_arrows(text: str) -> str:
    """Read ``A → B`` as a change, ``A에서 B로``, when both sides are figures or the sentence
    speaks of a change (인상, 변경, 늘었다 …); otherwise an arrow is a pause (메뉴 → 설정)."""
    if not re.search(_ARROW, text):
        return text
    changing = bool(_CHANGE_WORDS_RE.search(text))

    def repl(m: re.Match) -> str:
        tokens = [m.group(1), *_ARROW_RE.split(m.group(2))[1:]]
        # the punctuation the last side ends with (taken off from the end: a pattern anchored
        # at the end would scan a long run of marks again from each of them)
        last = tokens[-1].rstrip(_TRAILING_PUNCT)
        tail = tokens[-1][len(last):]
        tokens[-1] = last
        figures = all(re.search(r"\d", t) for t in tokens)
        if not (figures or changing) or not all(tokens):
            return ", ".join(tokens) + tail
        first, *rest = tokens
        said = [first if first.endswith("에서") else first + "에서"]
        for t in rest:
            said.append(t if _HAS_PARTICLE_RE.search(t) else t + CHOOSE + "로")
        return said[0] + " " + ", 다시 ".join(said[1:]) + tail

    return _CHAIN_RE.sub(repl, text)


def read_table_marks(text: str) -> str:
    """``▲1.2%`` → ``1.2% 상승``, ``▼300`` → ``300 하락``, ``△3억`` → ``마이너스 3억``;
    the same marks before words are list bullets and become pauses later."""
    if not re.search("[▲▼▽△]", text):
        return text

    def repl(m: re.Match) -> str:
        mark, figure, verb = m.groups()
        if verb and mark != "△":  # ▲1.2% 올랐다: the verb already says it
            return f" {figure}{verb}"
        return " " + _MARK_WORDS[mark].format(figure) + (verb or "")

    return _NUMBER_MARK_RE.sub(repl, text)
