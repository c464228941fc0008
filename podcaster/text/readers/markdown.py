"""Markdown posts with optional YAML front matter."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import yaml

from podcaster.errors import PostError
from podcaster.text.readers.base import ParsedPost, Reader
from podcaster.text.readers.paragraphs import Paragraph, clean_text
from podcaster.text.readers.sources import find_source_list

log = logging.getLogger(__name__)

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+(.*?))?\s*#*\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
# "===" under a line makes it a heading. A "---" line is taken as a rule, never as a heading
# underline, so that a paragraph above a rule is not lost.
_SETEXT = re.compile(r"^\s{0,3}=+\s*$")
_QUOTE = re.compile(r"^\s{0,3}>")
_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

_INLINE = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images are not read aloud
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<!\*)\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"<br\s*/?>", re.IGNORECASE), " "),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>\"'])"), r"\1"),
]


def inline_text(text: str) -> str:
    """Markdown inline markup removed: emphasis, code, links (their text stays), images."""
    for pattern, repl in _INLINE:
        text = pattern.sub(repl, text)
    return clean_text(text)


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
    try:
        meta = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "cannot be parsed"
        raise PostError(path, f"front matter is not valid YAML{where}: {problem}") from exc
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise PostError(path, "front matter must be a mapping of keys to values")
    return meta, lines[end + 1 :], end + 1


class MarkdownReader(Reader):
    """``.md``: front matter, a ``#`` title (or the first line), paragraphs, ``>`` quotes.

    Paragraphs are separated by blank lines as in Markdown. A file without any blank line
    between its lines is read like plain text (one paragraph per line). Headings after the
    title, rules, code blocks, images and HTML comments are not part of what is read aloud.
    A ``>`` block ends at the first line without ``>``.
    """

    name = "markdown"
    extensions = (".md", ".markdown")

    def parse(self, text: str, path: Path) -> ParsedPost:
        text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
        meta, lines, offset = split_front_matter(text, path)
        title = meta.get("title")
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is not None:
            heading = _HEADING.match(lines[first])
            if heading or title is None:
                found = (heading.group(1) or "") if heading else lines[first]
                title = title if title is not None else inline_text(found)
                lines = [""] * (first + 1) + lines[first + 1 :]
        if not title or not str(title).strip():
            raise PostError(path, "the post has no title")
        start, end, sources = find_source_list(lines)
        body = lines[:start] + [""] * (end - start) + lines[end:]
        content = [i for i, line in enumerate(body) if line.strip()]
        line_mode = len(content) > 1 and all(
            b - a == 1 for a, b in zip(content, content[1:], strict=False)
        )
        paragraphs = _paragraphs(body, offset, line_mode)
        return ParsedPost(clean_text(str(title)), paragraphs, sources, meta)


def _paragraphs(lines: list[str], offset: int, line_mode: bool) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    buf: list[str] = []
    quoted = False
    start = 0
    in_fence = False

    def flush() -> None:
        nonlocal buf
        if buf:
            paragraphs.append(Paragraph(inline_text(" ".join(buf)), start, quoted))
        buf = []

    for i, line in enumerate(lines):
        number = offset + i + 1
        if _FENCE.match(line):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if buf and not quoted and not line_mode and _SETEXT.match(line):
            buf = []  # the lines above were a heading
            continue
        if not line.strip() or _HEADING.match(line) or _RULE.match(line) or _SETEXT.match(line):
            flush()
            continue
        is_quote = bool(_QUOTE.match(line))
        if is_quote:
            content = re.sub(r"^(\s{0,3}>\s?)+", "", line)
            if not buf or not quoted:
                flush()
            if not content.strip():
                flush()  # an empty "> " line separates quoted paragraphs
                continue
        else:
            item = _LIST_ITEM.match(line)
            if item or quoted:
                flush()
            content = item.group(1) if item else line
        if not buf:
            start, quoted = number, is_quote
        buf.append(content.strip())
        if line_mode:
            flush()
    flush()
    return paragraphs
