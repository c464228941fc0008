"""The numbered source list at the end of a post.

Accepted item forms (outlet optional, dash may be -, – or —)::

    1. title -outlet-            (URL on the next line)
    1. title -outlet- https://…
    1. [title](https://…) -outlet-
    - [title](https://…)         (Markdown bullets are numbered by position)
"""

from __future__ import annotations

import functools
import logging
import re

from podcaster.model import Source

log = logging.getLogger(__name__)

_DASH = "-–—‐‒―"
_NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s+(\S.*?)\s*$")
_BULLET = re.compile(r"^\s*[-*+•]\s+(\S.*?)\s*$")
# A line holding nothing but a link, of any scheme: such a line under a source is part of the
# list (never read aloud), and read.py drops what is not http(s).
_BARE_URL = re.compile(
    r"^\s*<?((?:[a-z][a-z0-9+.-]*://|javascript:|data:|vbscript:|file:|mailto:)[^\s<>]+)>?\s*$",
    re.IGNORECASE)
_TRAILING_URL = re.compile(r"\s<?(https?://\S+?)>?$")
_OUTLET = re.compile(rf"\s[{_DASH}]\s*([^{_DASH}\s][^{_DASH}]*?)\s*[{_DASH}]$")
_LABEL = re.compile(
    r"^\s*(?:#{1,6}\s*)?[*_]*\s*(?:출처|참고|참고\s*기사|참고\s*자료|기사\s*출처|관련\s*기사|원문|"
    r"sources?|references?|links?)\s*[*_]*\s*[:：]?\s*[*_]*\s*$",
    re.IGNORECASE,
)


# Links are parsed as CommonMark; every destination is kept here (markdown-it would leave a
# javascript: link unparsed, its markup in the title), and read.py applies the URL policy.
@functools.cache
def _links():
    """A CommonMark inline parser that keeps every link (the URL policy decides later)."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark")
    parser.validateLink = lambda url: True
    return parser


def markdown_link(text: str) -> tuple[str, str] | None:
    """``(text with the first Markdown link replaced by its own text, its destination)``,
    or None when ``text`` has no Markdown link. Destinations may hold parentheses or be
    written ``<…>``, as CommonMark allows."""
    if "](" not in text:
        return None
    children = _links().parseInline(text)[0].children or []
    url = None
    out = []
    for token in children:
        if token.type == "link_open" and url is None and token.markup != "autolink":
            url = token.attrGet("href")
        elif token.type in ("text", "code_inline"):
            out.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            out.append(" ")
    if url is None:
        return None
    return "".join(out), str(url)


def url_of_line(line: str) -> str | None:
    """The URL if ``line`` holds nothing but a URL (bare, <…> or a Markdown link)."""
    m = _BARE_URL.match(line)
    if m:
        return m.group(1)
    link = markdown_link(line.strip())
    if link and link[1] and line.strip().startswith("[") and line.strip().endswith(")"):
        return link[1]
    return None


def split_outlet(text: str) -> tuple[str, str | None]:
    """Split ``title -outlet-`` into (title, outlet); outlet None when absent."""
    m = _OUTLET.search(" " + text)
    if not m or m.start() == 0:
        return text.strip(), None
    return (" " + text)[: m.start()].strip(), m.group(1).strip()


def parse_item(n: int, text: str) -> Source:
    """One source from the text of a list item (without its number)."""
    url = None
    link = markdown_link(text)
    if link:
        text, url = link[0].strip(), link[1]
    else:
        tail = _TRAILING_URL.search(text)
        if tail:
            url = tail.group(1)
            text = text[: tail.start()].strip()
    title, outlet = split_outlet(text)
    return Source(n=n, title=title, outlet=outlet, url=url)


def _item(line: str) -> tuple[int | None, str] | None:
    m = _NUMBERED.match(line)
    if m:
        return int(m.group(1)), m.group(2)
    m = _BULLET.match(line)
    if m:
        return None, m.group(1)
    return None


def find_source_list(lines: list[str]) -> tuple[int, int, list[Source]]:
    """Find the post's source list among ``lines``.

    Returns ``(start, end, sources)``: lines ``start:end`` hold the list (a "출처:" label
    before it included); ``(len(lines), len(lines), [])`` when there is none. The list is the
    last run of list items (with their URL lines) that has a URL or an outlet; a run that
    does not end the post counts only if at least half of its items have a URL.
    """
    n = len(lines)
    last_text = max((i for i, line in enumerate(lines) if line.strip()), default=-1)
    found = (n, n, [])
    i = 0
    while i < n:
        if _item(lines[i]) is None:
            i += 1
            continue
        start = end = i
        while end < n and (not lines[end].strip() or url_of_line(lines[end]) or _item(lines[end])):
            end += 1
        while end > start and not lines[end - 1].strip():
            end -= 1
        sources = _parse_lines(lines[start:end])
        at_end = end > last_text
        with_url = sum(1 for s in sources if s.url)
        if (at_end and any(s.url or s.outlet for s in sources)) or with_url * 2 >= len(sources):
            found = (_label_start(lines, start), end, sources)
        i = end
    return found


def _label_start(lines: list[str], start: int) -> int:
    label = start - 1
    while label >= 0 and not lines[label].strip():
        label -= 1
    return label if label >= 0 and _LABEL.match(lines[label]) else start


def _parse_lines(lines: list[str]) -> list[Source]:
    sources: list[Source] = []
    for line in lines:
        if not line.strip():
            continue
        url = url_of_line(line)
        if url:
            if sources and sources[-1].url is None:
                last = sources[-1]
                sources[-1] = Source(last.n, last.title, last.outlet, url)
            else:
                log.debug("URL line without a source item: %s", url)
            continue
        number, text = _item(line)
        sources.append(parse_item(number if number is not None else len(sources) + 1, text))
    return sources
