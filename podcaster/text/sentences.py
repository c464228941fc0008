"""Korean sentence splitting for synthesis, and breaking long sentences at clause boundaries."""

from __future__ import annotations

import math
import re

_CLOSERS = "\"'”’」』)]》〉"
_HANGUL = "가-힣"

# A sentence ends at . ? ! or an ellipsis, plus any closing quotes or brackets, followed by
# whitespace or the end; or at a bare full stop between Hangul (했다.그리고). A run of marks
# is tried from its first mark only (the lookbehinds): from every mark of a long run, the
# run would be scanned again each time.
_END_RE = re.compile(
    rf"(?:(?<![.?!])[.?!]+|(?<!…)…+)[{re.escape(_CLOSERS)}]*(?=\s|$)"
    rf"|(?<=[{_HANGUL}])\.(?=[{_HANGUL}])"
)
# Syllables that end a Korean sentence; an ellipsis after anything else is a pause.
_FINAL_SYLLABLES = frozenset("다요죠까네군지나라가자세오어아해게래니데걸걔임음함됨듯")
_ABBREVIATIONS = frozenset(
    ("dr", "mr", "mrs", "ms", "st", "vs", "jr", "sr", "prof", "no", "inc", "co", "ltd",
     "u.s", "u.k", "e.g", "i.e", "a.m", "p.m", "fig", "vol", "corp")
)  # fmt: skip
_LIST_MARKER_RE = re.compile(r"^\s*\d{1,3}$")
# A quotation that a Korean ending is glued to ("…합니다. 곧 갑니다"라고 했다) is part of a
# longer sentence: no sentence ends inside it.
_QUOTATION_RE = re.compile(r'“[^“”]*”|‘[^‘’]*’|「[^「」]*」|『[^『』]*』|"[^"]*"')
_MAX_EMBEDDED = 300
# A parenthesis left open this long no longer holds sentences together.
_MAX_PAREN = 200
_HANGUL_RE = re.compile(f"[{_HANGUL}]")


def split_sentences(text: str) -> list[str]:
    """Split Korean ``text`` into sentences, each stripped, none empty.

    Ends at ``다.``/``요.``/``까?``/``!``/``…`` and the like; keeps closing quotes and brackets
    with their sentence; does not split numbers (``52.9``), list markers (``1.``),
    abbreviations (``Dr.``), an ellipsis after a non-final syllable (``이는... 다시``),
    a quotation a Korean ending is glued to (``"좋다. 가자."라고``), or inside parentheses.
    A line break always ends a sentence.
    """
    out: list[str] = []
    for line in text.splitlines():
        out.extend(_split_line(line))
    return out


def _split_line(line: str) -> list[str]:
    embedded = [
        m.span()
        for m in _QUOTATION_RE.finditer(line)
        if len(m.group()) <= _MAX_EMBEDDED and _HANGUL_RE.match(line, m.end())
    ]
    sentences = []
    start = 0
    for m in _END_RE.finditer(line):
        if any(a < m.start() < b - 1 for a, b in embedded):
            continue
        if not _is_boundary(line, start, m):
            continue
        piece = line[start : m.end()].strip()
        if piece:
            sentences.append(piece)
        start = m.end()
    rest = line[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


def _open_paren(text: str) -> int:
    """Index of the last unclosed ``(`` in ``text``, or -1."""
    stack = []
    for i, c in enumerate(text):
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            stack.pop()
    return stack[-1] if stack else -1


def _word_before(text: str) -> str:
    """The Latin letters and full stops that ``text`` ends with (``Dr.`` in ``... Dr``).

    Read backwards from the end: a search for them anchored at the end would try again
    from every letter of a long run that is not at the end (quadratic)."""
    i = len(text)
    while i and (text[i - 1] == "." or (text[i - 1].isascii() and text[i - 1].isalpha())):
        i -= 1
    return text[i:]


def _is_boundary(line: str, start: int, m: re.Match) -> bool:
    mark = m.group()
    before = line[start : m.start()]
    if not before.strip():
        return False
    stop = mark.rstrip(_CLOSERS)
    if stop.startswith(("…", "..")):
        if before.rstrip()[-1:] not in _FINAL_SYLLABLES:
            return False
    elif stop == ".":
        if _LIST_MARKER_RE.match(before):
            return False
        if _word_before(before).lower().strip(".") in _ABBREVIATIONS:
            return False
    # Inside parentheses the sentence goes on after the closing bracket.
    if ")" not in mark:
        paren = _open_paren(before)
        if paren >= 0 and len(before) - paren <= _MAX_PAREN:
            return False
    return True


# A parenthesis holding whole sentences: its text ends a sentence (. ? ! …) before ")".
_ASIDE_RE = re.compile(rf"\s?\(([^()]{{1,{_MAX_PAREN}}}?[.?!…][\"'”’」』]*)\)")
_SENTENCE_END_RE = re.compile(r"[.?!…][\"'”’」』)\]]*$")


def _ellipsis_as_stop(text: str) -> str:
    """``text`` with the ellipsis it ends with (``..`` or more, or ``…``) made one full stop.

    Taken off from the end: a pattern anchored at the end would scan a long run of dots
    inside the text again from each of them."""
    dots = text.rstrip(".")
    if len(text) - len(dots) >= 2:
        return dots + "."
    marks = text.rstrip("…")
    return marks + "." if marks != text else text


def lift_asides(sentence: str) -> str:
    """Move parentheses that hold whole sentences to after the sentence, for speaking.

    ``변조기술(아마 딥페이크일까요?)을 썼다.`` → ``변조기술을 썼다. 아마 딥페이크일까요?``: read
    in place, the particle after ``)`` would follow a question mark. Other parentheses stay.
    """
    asides = [m.group(1).strip() for m in _ASIDE_RE.finditer(sentence)]
    if not asides:
        return sentence
    host = _ellipsis_as_stop(_ASIDE_RE.sub("", sentence).strip())
    if host and not _SENTENCE_END_RE.search(host):
        host += "."
    return " ".join([host, *asides]).strip()


# Break points inside a sentence, best first: after punctuation, after a clause ending,
# at any space.
_PUNCT_BREAK_RE = re.compile(r"[,;:·)\]}”’」』]+\s+")
_CLAUSE_ENDINGS = (
    "고", "며", "으며", "지만", "는데", "은데", "인데", "면서", "으면서", "니까", "으니",
    "므로", "어서", "아서", "해서", "여서", "거나", "든지", "면", "으면", "도록", "려고",
    "지요", "는데도", "지만도", "다가", "자", "나", "던데", "든가", "라서", "이라서", "고서",
)  # fmt: skip
_CLAUSE_BREAK_RE = re.compile(
    rf"[{_HANGUL}](?:{'|'.join(sorted(_CLAUSE_ENDINGS, key=len, reverse=True))})\s+"
)
_SPACE_BREAK_RE = re.compile(r"\s+")
_BREAKS = ((0.0, _PUNCT_BREAK_RE), (0.25, _CLAUSE_BREAK_RE), (0.6, _SPACE_BREAK_RE))


def split_chunks(text: str, limit: int = 100) -> list[str]:
    """Break ``text`` into pieces of at most ``limit`` characters, at the best boundary:
    punctuation, then a clause ending (…고, …며, …지만, …는데), then any space. Never cuts a
    word unless a single word is longer than ``limit``. Chunks are balanced in length.
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    text = " ".join(text.split())
    chunks = []
    while len(text) > limit:
        cut = _best_cut(text, limit)
        head, text = text[:cut].strip(), text[cut:].strip()
        if head:
            chunks.append(head)
    if text:
        chunks.append(text)
    return chunks


def _best_cut(text: str, limit: int) -> int:
    """Index where to cut ``text`` (longer than ``limit``): the boundary that best trades
    its kind (punctuation beats a clause ending beats a bare space) against balance."""
    pieces = math.ceil(len(text) / limit)
    target = len(text) / pieces
    low = max(1, int(target * 0.4))
    best, best_cost = None, math.inf
    for penalty, pattern in _BREAKS:
        for m in pattern.finditer(text):
            size = _cut_len(text, m)
            if low <= size <= limit:
                cost = abs(size - target) / target + penalty
                if cost < best_cost:
                    best, best_cost = m.end(), cost
    if best is not None:
        return best
    # No boundary in the window: the latest space that fits, else a hard cut.
    spaces = [m.start() for m in _SPACE_BREAK_RE.finditer(text, 0, limit + 1) if m.start()]
    return spaces[-1] if spaces else limit


def _cut_len(text: str, m: re.Match) -> int:
    return len(text[: m.end()].rstrip())
