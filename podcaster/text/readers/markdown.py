"""Markdown posts with optional YAML front matter, read as CommonMark (markdown-it-py).

Links (with parentheses or ``<…>`` destinations), emphasis, nested ``>`` quotes, lists, code
and HTML blocks follow the CommonMark spec; what is read aloud is the text of paragraphs,
list items and quotes, without markup.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from pathlib import Path

from podcaster.errors import PostError
from podcaster.text.readers.base import ParsedPost, Reader
from podcaster.text.readers.paragraphs import Paragraph, clean_text
from podcaster.text.readers.sources import find_source_list

log = logging.getLogger(__name__)

# Lists and quotes nest at most this deep. The parser stops reading a post silently where its
# own limit (MAX_LEVELS) is reached, and a list level takes two of them (list and item), a
# quote one: with room for MAX_DEPTH lists, a post nested deeper is seen, and refused,
# before anything is lost.
MAX_DEPTH = 16
MAX_LEVELS = 2 * MAX_DEPTH + 8
_CONTAINERS = {"blockquote_open", "bullet_list_open", "ordered_list_open"}
_CLOSERS = {"blockquote_close", "bullet_list_close", "ordered_list_close"}


@functools.cache
def commonmark():
    """The CommonMark parser (with strikethrough), made on first use: a build whose posts are
    all unchanged reads none."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"maxNesting": MAX_LEVELS}).enable("strikethrough")


def check_depth(tokens, path: Path, offset: int) -> None:
    """Raise PostError naming the line where lists and quotes nest deeper than MAX_DEPTH."""
    depth = 0
    for token in tokens:
        if token.type in _CONTAINERS:
            depth += 1
            if depth > MAX_DEPTH:
                line = offset + (token.map[0] if token.map else 0) + 1
                raise PostError(path, f"line {line}: lists and quotes nested more than "
                                f"{MAX_DEPTH} deep; podcaster reads at most {MAX_DEPTH} levels")
        elif token.type in _CLOSERS:
            depth -= 1

# Block tokens whose text is never read aloud.
_SKIPPED = {"fence", "code_block", "html_block", "hr"}
# Inline tokens that are markup around text (the text itself comes as its own token).
_BREAKS = {"softbreak", "hardbreak"}


@dataclass
class _Block:
    """A paragraph or heading as the parser found it, line by line of the source."""

    heading: bool
    quoted: bool
    parts: list[tuple[int, str]] = field(default_factory=list)  # (0-based line, text)
    group: int | None = None  # the outermost ``>`` quote it is in: one quotation

    @property
    def text(self) -> str:
        return clean_text(" ".join(text for _, text in self.parts))


def inline_parts(children, first_line: int) -> list[tuple[int, str]]:
    """The text of an inline token's children, one part per source line: markup dropped,
    links replaced by their text, images and inline HTML left out (``<br>`` is a space)."""
    parts: list[tuple[int, str]] = [(first_line, "")]
    skip_image = 0
    for token in children or []:
        if token.type in _BREAKS:
            parts.append((parts[-1][0] + 1, ""))
            continue
        if token.type == "image":
            continue
        if token.type in ("text", "code_inline") and not skip_image:
            text = token.content
        elif token.type == "html_inline" and token.content.lower().startswith("<br"):
            text = " "
        else:
            continue
        line, before = parts[-1]
        parts[-1] = (line, before + text)
    return [(line, clean_text(text)) for line, text in parts]


def _blocks(tokens) -> list[_Block]:
    blocks: list[_Block] = []
    depth = 0
    quotes = 0  # outermost quotes opened so far
    for i, token in enumerate(tokens):
        if token.type == "blockquote_open":
            quotes += depth == 0
            depth += 1
        elif token.type == "blockquote_close":
            depth -= 1
        elif token.type in ("paragraph_open", "heading_open"):
            inline = tokens[i + 1]
            # "---" under a line is read as a rule, not as a heading's underline, so the
            # paragraph above it is not lost.
            heading = token.type == "heading_open" and token.markup != "-"
            line = token.map[0] if token.map else 0
            blocks.append(_Block(heading, depth > 0, inline_parts(inline.children, line),
                                 quotes if depth > 0 else None))
    return blocks


def inline_text(text: str) -> str:
    """Markdown inline markup removed: emphasis, code, links (their text stays), images."""
    return clean_text(" ".join(t for _, t in inline_parts(
        commonmark().parseInline(text)[0].children, 0)))


def split_front_matter(text: str, path: Path) -> tuple[dict, list[str], int]:
    """Return (front matter, remaining lines, number of lines the front matter took)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, lines, 0
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        raise PostError(path, "front matter is not closed (no second '---' line)")
    import yaml  # here: only posts with front matter need it

    try:
        meta = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "cannot be parsed"
        raise PostError(path, f"front matter is not valid YAML{where}: {problem}") from exc
    except ValueError as exc:  # YAML's own dates: "date: 2026-02-30" is no day
        raise PostError(path, f"front matter has a date that is no day ({exc}); write "
                              "dates as YYYY-MM-DD") from exc
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise PostError(path, "front matter must be a mapping of keys to values")
    return meta, lines[end + 1 :], end + 1


class MarkdownReader(Reader):
    """``.md``: front matter, a ``#`` title (or the first line), paragraphs, ``>`` quotes.

    Paragraphs are separated by blank lines as in Markdown. A file without any blank line
    between its lines is read like plain text (one paragraph per line; a line is quoted when
    it starts with ``>``). Headings after the title, rules, code blocks, images and HTML are
    not part of what is read aloud.
    """

    name = "markdown"
    extensions = (".md", ".markdown")

    def parse(self, text: str, path: Path) -> ParsedPost:
        meta, lines, offset = split_front_matter(text, path)
        start, end, sources = find_source_list(lines, offset + 1)
        body = lines[:start] + [""] * (end - start) + lines[end:]
        content = [i for i, line in enumerate(body) if line.strip()]
        line_mode = len(content) > 1 and all(
            b - a == 1 for a, b in zip(content, content[1:], strict=False)
        )
        tokens = commonmark().parse("\n".join(body))
        check_depth(tokens, path, offset)
        blocks = [b for b in _blocks(tokens) if b.text]
        title = meta.get("title")
        if title is not None and (isinstance(title, bool)
                                  or not isinstance(title, str | int | float)):
            raise PostError(path, f"'title' must be text, not {type(title).__name__}")
        if blocks and (blocks[0].heading or title is None):
            first = blocks.pop(0)
            if title is None:
                title = first.text if first.heading else first.parts[0][1]
            if not first.heading and len(first.parts) > 1:  # the title was its first line
                blocks.insert(0, _Block(False, first.quoted, first.parts[1:], first.group))
        if not title or not str(title).strip():
            raise PostError(path, "the post has no title")
        paragraphs = _paragraphs(blocks, body, offset, line_mode)
        return ParsedPost(clean_text(str(title)), paragraphs, sources, meta)


def _paragraphs(blocks: list[_Block], body: list[str], offset: int,
                line_mode: bool) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    for block in blocks:
        if block.heading:
            continue
        if not line_mode:
            paragraphs.append(Paragraph(block.text, offset + block.parts[0][0] + 1,
                                        block.quoted, block.group))
            continue
        for line, text in block.parts:  # one paragraph per line, as in a .txt post
            if text:
                quoted = block.quoted and body[line].lstrip().startswith(">")
                paragraphs.append(Paragraph(text, offset + line + 1, quoted))
    return paragraphs
