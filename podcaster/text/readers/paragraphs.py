"""From a reader's raw paragraphs to ``Block``s: which paragraphs are quotes.

A paragraph is a quote when the WHOLE paragraph is wrapped in one pair of quote marks
(“…”, "…", 「…」, 『…』) or when the format marks it as one (Markdown ``>``, HTML
``<blockquote>``). Quotes nested inside stay part of the text; only the outer marks go.
A quote opened at the start of a paragraph may run over several paragraphs; one that never
closes is an error.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from podcaster.errors import PostError
from podcaster.model import Block

log = logging.getLogger(__name__)

# Opening mark -> closing mark of the quotes that can wrap a paragraph.
QUOTE_PAIRS = {"“": "”", '"': '"', "「": "」", "『": "』", "＂": "＂"}

_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200a\u3000]+")
_OPEN_CONTEXT = "([{<〈《"


@dataclass
class Paragraph:
    """A paragraph as a reader found it: text, where it starts, and whether the format quotes it."""

    text: str
    line: int  # 1-based line of the file (0 when unknown)
    quoted: bool = False


def clean_text(text: str) -> str:
    """Collapse runs of spaces (including no-break and ideographic spaces) and trim."""
    return _SPACES.sub(" ", text).strip()


def _quote_depths(text: str, opener: str, closer: str, depth: int = 0):
    """Yield (index, depth after the mark) for each ``opener``/``closer`` in ``text``.

    When both marks are the same character (straight quotes) a mark after a space or at the
    start opens, any other mark closes.
    """
    for i, ch in enumerate(text):
        if opener == closer:
            if ch != opener:
                continue
            at_start = i == 0 or text[i - 1].isspace() or text[i - 1] in _OPEN_CONTEXT
            at_end = i == len(text) - 1
            if depth == 0 or (at_start and not at_end):
                depth += 1
            else:
                depth -= 1
        elif ch == opener:
            depth += 1
        elif ch == closer:
            depth -= 1
        else:
            continue
        yield i, depth


def outer_close(text: str, depth: int = 0, opener: str | None = None) -> int | None:
    """Index of the mark that brings the quote depth of ``text`` back to 0, or None.

    ``text`` starts with ``opener`` unless ``depth`` > 0 says we are already inside a quote.
    """
    opener = opener or text[0]
    closer = QUOTE_PAIRS[opener]
    for i, d in _quote_depths(text, opener, closer, depth):
        if d <= 0:
            return i
    return None


def _strip_outer(text: str) -> str:
    """Remove the quote marks wrapping the whole of ``text``, if any (repeatedly)."""
    while len(text) >= 2 and text[0] in QUOTE_PAIRS and outer_close(text) == len(text) - 1:
        text = text[1:-1].strip()
    return text


def blocks_from_paragraphs(paras: list[Paragraph], path: Path) -> list[Block]:
    """Return the blocks of ``paras`` in order, quotes flagged and unwrapped.

    Raises PostError for a quote that opens a paragraph and never closes (inside a format's
    own quote, such as a ``<blockquote>``, an unclosed mark is left as it is).
    """
    blocks: list[Block] = []
    i = 0
    while i < len(paras):
        para = paras[i]
        text = clean_text(para.text)
        if not text:
            i += 1
            continue
        if text[0] not in QUOTE_PAIRS:
            blocks.append(Block(text, quoted=para.quoted))
            i += 1
            continue
        end = outer_close(text)
        if end is None:
            run, i = _multi_paragraph_quote(paras, i, path)
            blocks.extend(run)
            continue
        if end == len(text) - 1:
            inner = _strip_outer(text)
            if inner:
                blocks.append(Block(inner, quoted=True))
        else:
            # A quoted phrase followed by the author's words is not a quote
            # (unless the format itself quotes the paragraph).
            blocks.append(Block(text, quoted=para.quoted))
        i += 1
    return blocks


def _multi_paragraph_quote(
    paras: list[Paragraph], start: int, path: Path
) -> tuple[list[Block], int]:
    """A quote opened at ``paras[start]`` that does not close in that paragraph.

    If it closes at the end of a later paragraph, each paragraph of it becomes a quoted
    block; a later paragraph may open again with the same mark (the convention of closing
    only the last paragraph of a long quote). Inside a format's quote the search stops at
    the end of that quote. Returns the blocks and the index after them.
    """
    within = paras[start].quoted
    first = clean_text(paras[start].text)
    opener = first[0]
    closer = QUOTE_PAIRS[opener]
    parts = [first[1:].strip()]
    j = start + 1
    while j < len(paras) and (paras[j].quoted or not within):
        text = clean_text(paras[j].text)
        j += 1
        if not text:
            continue
        if text.startswith(opener) and opener != closer:
            text = text[1:].strip()
        end = outer_close(text, depth=1, opener=opener)
        if end is None:
            parts.append(text)
            continue
        if end == len(text) - 1:
            parts.append(text[:-1].strip())
            return [Block(p, quoted=True) for p in parts if p], j
        break  # closed mid-paragraph: the author's text quoting someone
    else:
        if not within:
            where = f"line {paras[start].line}" if paras[start].line else "a paragraph"
            snippet = first if len(first) <= 24 else first[:24] + "…"
            raise PostError(path, f"unclosed quote at {where}: {snippet}")
        log.warning("%s: quote mark at line %s is not closed", path, paras[start].line)
    original = [(clean_text(p.text), p.quoted) for p in paras[start:j]]
    return [Block(t, quoted=q) for t, q in original if t], j
