"""From a reader's raw paragraphs to ``Block``s: which paragraphs are quotes.

A paragraph is a quote when the WHOLE paragraph is wrapped in one pair of quote marks
(“…”, "…", 「…」, 『…』, and the mismatched “…" or "…” that editors leave) or when the
format marks it as one (Markdown ``>``, HTML ``<blockquote>``). Quotes nested inside stay
part of the text; only the outer marks go. A quote opened at the start of a paragraph may run
over several paragraphs (each may open again with the mark, as in English, and only the last
closes). One that never closes is an error. The paragraphs of one quotation are flagged so that the segmenter sees one
quote block, not several.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from pathlib import Path

from podcaster.errors import PostError
from podcaster.model import Block

log = logging.getLogger(__name__)

# Opening mark -> closing mark of the quotes that can wrap a paragraph.
QUOTE_PAIRS = {"“": "”", '"': '"', "「": "」", "『": "』", "＂": "＂"}

# The double quote marks, which editors mix up: any of them may close what another opened.
_DOUBLE_OPEN = '“"＂'
_DOUBLE_CLOSE = '”"＂'

_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200a\u3000]+")
_OPEN_CONTEXT = "([{<〈《"


@dataclass
class Paragraph:
    """A paragraph as a reader found it: text, where it starts, and whether the format quotes it."""

    text: str
    line: int  # 1-based line of the file (0 when unknown)
    quoted: bool = False
    group: int | None = None  # paragraphs of one format quote (one <blockquote>) share it
    marked: str = ""  # the text with its links as Markdown links, when it has any (HTML)


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


def _balanced(text: str) -> bool:
    """True when the double quotes inside ``text`` pair up (curly ones in order)."""
    depth = 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0 and text.count('"') % 2 == 0 and text.count("＂") % 2 == 0


def _closes_at_end(text: str, depth: int = 0, opener: str | None = None) -> bool:
    """True when the quote open at the start of ``text`` (or already open: ``depth``) is
    closed by the last character, also by a mismatched double mark (“…" or "…”)."""
    opener = opener or text[0]
    if outer_close(text, depth, opener) == len(text) - 1:
        return True
    inner = text[0 if depth else 1 : -1]
    return opener in _DOUBLE_OPEN and text[-1] in _DOUBLE_CLOSE and _balanced(inner)


# Quote marks wrapping a whole paragraph are removed this many layers deep at most (“『…』”
# is two); each layer is a scan of the text, so a paragraph of thousands of nested marks
# keeps the rest rather than taking quadratic time.
MAX_WRAPS = 8


def _strip_outer(text: str) -> str:
    """Remove the quote marks wrapping the whole of ``text``, if any (up to MAX_WRAPS
    layers)."""
    for _ in range(MAX_WRAPS):
        if not (len(text) >= 2 and text[0] in QUOTE_PAIRS and _closes_at_end(text)):
            break
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
        continues = _same_format_quote(paras, i, blocks)
        if text[0] not in QUOTE_PAIRS:
            blocks.append(Block(text, para.quoted, continues, para.line))
            i += 1
            continue
        if len(text) > 1 and _closes_at_end(text):
            inner = _strip_outer(text)
            if inner:
                blocks.append(Block(inner, True, continues, para.line))
        elif outer_close(text) is None:
            run, i = _multi_paragraph_quote(paras, i, path)
            if run and continues:
                run[0] = replace(run[0], continues=True)
            blocks.extend(run)
            continue
        else:
            # A quoted phrase followed by the author's words is not a quote
            # (unless the format itself quotes the paragraph).
            blocks.append(Block(text, para.quoted, continues, para.line))
        i += 1
    return blocks


def _same_format_quote(paras: list[Paragraph], i: int, blocks: list[Block]) -> bool:
    """True when ``paras[i]`` is inside the same format quote as the block before it."""
    para = paras[i]
    if not para.quoted or para.group is None or not blocks or not blocks[-1].quoted:
        return False
    prev = next((p for p in reversed(paras[:i]) if clean_text(p.text)), None)
    return prev is not None and prev.group == para.group


def _multi_paragraph_quote(
    paras: list[Paragraph], start: int, path: Path
) -> tuple[list[Block], int]:
    """A quote opened at ``paras[start]`` that does not close in that paragraph.

    If it closes at the end of a later paragraph, the paragraphs of it become quoted blocks of
    one quotation; a later paragraph may open again with the same mark (the convention of
    closing only the last paragraph of a long quote). Inside a format's quote the search stops
    at the end of that quote.

    A mark that is never closed does not swallow what follows: once a paragraph has opened
    again with the mark (English style), the first paragraph that does not (and does not
    close the quote either) is the author's again; and a paragraph opening with a mark after
    one that did not starts a new quote. The quote then ends before those paragraphs, its
    first block is flagged ``unclosed`` and a warning names the line. A mark that nothing
    after it closes or repeats is taken to quote its own paragraph only (flagged the same way),
    the safe guess that leaves the rest of the post the author's; only a mark alone in its
    paragraph, which quotes nothing, stops the build (PostError).
    Returns the blocks and the index after them.
    """
    within = paras[start].quoted
    first = clean_text(paras[start].text)
    opener = first[0]
    reopeners = _DOUBLE_OPEN if opener in _DOUBLE_OPEN else opener
    parts = [(first[1:].strip(), paras[start].line)]
    english = False  # a later paragraph opened again with the mark
    plain: tuple[int, int] | None = None  # (paragraph, part) of the first without a mark
    j = start + 1
    while j < len(paras) and (paras[j].quoted or not within):
        text = clean_text(paras[j].text)
        if not text:
            j += 1
            continue
        reopens = text[0] in reopeners and len(text) > 1
        if reopens and plain is not None:
            return _unclosed(parts[: plain[1]], path, paras[start].line), plain[0]
        if reopens:
            text = text[1:].strip()
            english = True
        closed = _closes_at_end(text, depth=1, opener=opener)
        if not reopens and english and not closed:
            return _unclosed(parts, path, paras[start].line), j
        if not closed and outer_close(text, depth=1, opener=opener) is not None:
            j += 1
            break  # closed mid-paragraph: the author's text quoting someone
        if not reopens and plain is None:
            plain = (j, len(parts))
        body = text[:-1].strip() if closed else text
        parts.append((body, paras[j].line))
        j += 1
        if closed:
            kept = [p for p in parts if p[0]]
            return [Block(t, True, k > 0, ln) for k, (t, ln) in enumerate(kept)], j
    else:
        if english:
            return _unclosed(parts, path, paras[start].line), j
        if not within and parts[0][0]:
            return _unclosed(parts[:1], path, paras[start].line), start + 1
        if not within:
            where = f"line {paras[start].line}" if paras[start].line else "a paragraph"
            raise PostError(path, f"unclosed quote at {where}: {first}: a quote mark alone "
                            "quotes nothing; add the closing mark where the quote ends, or "
                            "remove the mark")
        log.warning("%s: quote mark at line %s is not closed", path, paras[start].line)
    # The paragraphs as they are; those of one format quote are still one quotation.
    kept = [(p, text) for p in paras[start:j] if (text := clean_text(p.text))]
    return [Block(text, p.quoted,
                  k > 0 and p.group is not None and kept[k - 1][0].group == p.group, p.line)
            for k, (p, text) in enumerate(kept)], j


def _unclosed(parts: list[tuple[str, int]], path: Path, line: int) -> list[Block]:
    """The blocks of a quote whose opening mark (at ``line``) is never closed."""
    # attribution warns about it (naming post, paragraph and line) with the post's warnings
    log.debug("%s: the quote mark opened at line %s is not closed; the quote ends at line %s",
              path, line or "?", parts[-1][1] or "?")
    kept = [p for p in parts if p[0]]
    return [Block(t, True, k > 0, ln, unclosed=k == 0) for k, (t, ln) in enumerate(kept)]
