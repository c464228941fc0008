"""Saved blog posts in HTML, read with the standard library's ``html.parser``."""

from __future__ import annotations

import dataclasses
import logging
import re
from html.parser import HTMLParser
from pathlib import Path

from podcaster.errors import PostError
from podcaster.model import Source
from podcaster.text import page
from podcaster.text.readers.base import ParsedPost, Reader
from podcaster.text.readers.paragraphs import Paragraph, clean_text
from podcaster.text.readers.sources import find_source_list, label_line, parse_item

log = logging.getLogger(__name__)

_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip
_BLOCK = {
    "address", "article", "aside", "blockquote", "center", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th",
    "tr", "ul",
}  # fmt: skip
# Never read aloud: code, media, forms and the page's own chrome (one policy with the importer).
_DROP = page.DROP_TAGS
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_LISTS = {"ol", "ul"}
_LIST_ITEMS = {"ol", "ul", "table", "dl"}  # what a source list of links may be written as
_ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")
_NUMBER_PREFIX = re.compile(r"^\s*\d{1,3}[.)]\s+")


class _Node:
    __slots__ = ("tag", "attrs", "children", "line")

    def __init__(self, tag: str, attrs: dict[str, str], line: int) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[_Node | str] = []
        self.line = line

    def iter(self, tag: str | set[str] | None = None, skip: set[str] = frozenset()):
        """This node and its descendants in document order, not entering ``skip`` tags."""
        tags = {tag} if isinstance(tag, str) else tag
        if tags is None or self.tag in tags:
            yield self
        for child in self.children:
            if isinstance(child, _Node) and child.tag not in skip:
                yield from child.iter(tag, skip)

    def find(self, tag: str, skip: set[str] = frozenset()) -> _Node | None:
        return next(self.iter(tag, skip), None)

    def text(self) -> str:
        parts: list[str] = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag not in _DROP:
                parts.append(" " if child.tag == "br" else child.text())
        return clean_text(re.sub(r"\s+", " ", "".join(parts)))


class _TreeBuilder(HTMLParser):
    """A forgiving tree builder: closes open ``<p>``/``<li>`` the way browsers do."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#document", {}, 1)
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self._close_implied("p", stop=_BLOCK)
        if tag == "li":
            self._close_implied("li", stop=_LISTS)
        node = _Node(tag, {k: v or "" for k, v in attrs}, self.getpos()[0])
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def _close_implied(self, tag: str, stop: set[str]) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            current = self.stack[i].tag
            if current == tag:
                del self.stack[i:]
                return
            if current in stop:
                return


class HtmlReader(Reader):
    """``.html``: title from ``<h1>`` (else ``<title>``), ``<p>`` paragraphs,
    ``<blockquote>`` quotes, sources from the last list of links.

    Only the ``<article>`` (else ``<main>``, else ``<body>``) is read; navigation, headers,
    footers, asides, scripts and styles are dropped. A ``<br>`` ends a paragraph, as a line
    break does in a plain-text post.
    """

    name = "html"
    extensions = (".html", ".htm")

    def parse(self, text: str, path: Path) -> ParsedPost:
        builder = _TreeBuilder()
        try:
            builder.feed(text)
            builder.close()
        except AssertionError as exc:  # html.parser on a broken "<!" declaration, e.g. "<![0"
            raise PostError(path, f"the HTML cannot be parsed: {exc}") from None
        root = builder.root
        unpruned = _content(root)
        meta = _meta(root, unpruned)
        title = _title(root, unpruned)
        if not title:
            raise PostError(path, "the page has no <h1> or <title>")
        dropped = _prune(root) + _drop_title_element(root, title)
        if dropped:
            log.debug("%s: %d elements of page furniture left out", path, dropped)
        content = _content(root)
        source_list = _source_list(content)
        sources = _list_sources(source_list) if source_list is not None else []
        paragraphs = [p for p in _Walker(skip=source_list).paragraphs(content)
                      if not _furniture_paragraph(p, path)]
        if not sources:
            start, end, sources = find_source_list([p.marked or p.text for p in paragraphs])
            sources = [dataclasses.replace(s, line=paragraphs[s.line - 1].line)
                       for s in sources]
            del paragraphs[start:end]
        elif paragraphs and label_line(paragraphs[-1].text):
            paragraphs.pop()  # "출처" above the list of links
        return ParsedPost(title, paragraphs, sources, meta)


def _content(root: _Node) -> _Node:
    """The element holding the post: a platform's post element, else ``<article>``,
    ``<main>``, ``<body>``."""
    found = _select(root, page.content_selectors())
    return (
        found
        or root.find("article", skip=_DROP)
        or root.find("main", skip=_DROP)
        or root.find("body")
        or root
    )


def _select(root: _Node, selectors: tuple[str, ...], blocked: frozenset[str] = frozenset()):
    return page.select(root, _TREE, selectors, blocked)


def _prune(root: _Node) -> int:
    return page.prune(root, _TREE, keep=frozenset({"table"}))


def _remove(parent: _Node, children: list[_Node]) -> None:
    gone = {id(child) for child in children}
    parent.children = [c for c in parent.children if id(c) not in gone]


_TREE = page.Tree(
    children=lambda node: [c for c in node.children if isinstance(c, _Node)],
    describe=lambda node: (node.tag, node.attrs),
    remove=_remove,
)


def _furniture_paragraph(paragraph: Paragraph, path: Path) -> bool:
    """True (and logged) for a paragraph that is a line of page furniture by its words."""
    if paragraph.quoted or not page.furniture_line(paragraph.text):
        return False
    log.debug("%s: line %s left out as page furniture: %s", path, paragraph.line,
              paragraph.text[:60])
    return True


def _meta(root: _Node, content: _Node) -> dict:
    meta: dict = {}
    for node in root.iter("meta"):
        key = node.attrs.get("name") or node.attrs.get("property") or ""
        value = node.attrs.get("content", "").strip()
        if key.lower() == "description" and value:
            meta.setdefault("description", value)
        elif key.lower() == "article:published_time" and _ISO_DATE.match(value):
            meta.setdefault("date", _ISO_DATE.match(value).group(1))
    if "date" not in meta:
        for node in content.iter("time"):
            m = _ISO_DATE.match(node.attrs.get("datetime", ""))
            if m:
                meta["date"] = m.group(1)
                break
    return meta


_TITLE_BLOCKED = frozenset({"nav", "footer", "aside", "script", "style"})


def _title(root: _Node, content: _Node) -> str:
    """The post's title: a platform's title element, else the ``<h1>`` of the post, the
    page's ``og:title``, any ``<h1>``, the ``<title>`` without the blog's name."""
    furniture = _TITLE_BLOCKED
    node = _select(root, page.title_selectors(), blocked=furniture)
    if node is not None and node.text():
        return node.text()
    h1 = content.find("h1", skip=furniture)
    if h1 is not None and h1.text():
        return h1.text()
    for meta in root.iter("meta"):
        if meta.attrs.get("property", "").lower() == "og:title" and meta.attrs.get("content", "").strip():
            return clean_text(meta.attrs["content"])
    h1 = root.find("h1", skip=furniture | {"header"})
    if h1 is not None and h1.text():
        return h1.text()
    node = root.find("title")
    if node is not None:
        # "Post title | Blog name", "Post title :: Blog name": the blog's name goes.
        return re.split(r" \| | :: ", node.text())[0].strip()
    return ""


def _drop_title_element(root: _Node, title: str) -> int:
    """Remove the platform's title element (already read as the title) where it sits inside
    the post's element, so the title is not read again as the greeting; returns 1 if it
    went."""
    node = _select(root, page.title_selectors(), blocked=_TITLE_BLOCKED)
    if node is None or node.text() != title:
        return 0
    for parent in root.iter():
        if any(child is node for child in parent.children):
            _remove(parent, [node])
            return 1
    return 0


def _source_list(content: _Node) -> _Node | None:
    """The last list of links (``<ol>``/``<ul>``, a ``<table>`` or a ``<dl>`` of them)
    after the last blockquote, if any. A table is never read aloud, but a table of links
    after the post is its source list."""
    candidates: list[_Node] = []
    for node in content.iter(skip=_DROP - {"table"}):
        if node.tag == "blockquote":
            candidates.clear()
        elif node.tag in _LIST_ITEMS:
            items = [item for item, _ in _items(node)]
            linked = [item for item in items if _link(item) is not None]
            if items and len(linked) * 2 >= len(items):
                candidates.append(node)
    return candidates[-1] if candidates else None


def _items(node: _Node) -> list[tuple[_Node, str]]:
    """The items of a list of links and each one's text: an ``<li>``; a ``<table>``'s row
    of data cells, read "title | outlet"; a ``<dl>``'s term with its descriptions."""
    if node.tag in _LISTS:
        return [(li, li.text()) for li in node.children if isinstance(li, _Node) and li.tag == "li"]
    if node.tag == "table":
        rows = [tr for tr in node.iter("tr") if any(True for _ in tr.iter("td"))]
        return [(tr, " | ".join(cell.text() for cell in tr.children
                                if isinstance(cell, _Node) and cell.tag in ("td", "th")
                                and cell.text())) for tr in rows]
    items: list[tuple[_Node, str]] = []
    for child in (c for c in node.children if isinstance(c, _Node)):
        if child.tag == "dt":
            items.append((child, child.text()))
        elif child.tag == "dd" and items and child.text():
            items[-1] = (items[-1][0], f"{items[-1][1]} | {child.text()}")
    return items


def _link(node: _Node) -> _Node | None:
    for a in node.iter("a"):
        if a.attrs.get("href", "").startswith(("http://", "https://")):
            return a
    return None


def _list_sources(node: _Node) -> list[Source]:
    sources = []
    start_attr = node.attrs.get("start", "")
    start = int(start_attr) if start_attr.isdigit() else 1
    for k, (li, text) in enumerate(_items(node)):
        a = _link(li)
        url = a.attrs["href"] if a is not None else None
        if url:
            text = text.replace(url, " ")
        source = parse_item(start + k, clean_text(_NUMBER_PREFIX.sub("", text)), url)
        if not source.title and a is not None:
            source = dataclasses.replace(source, title=a.text())
        if source.title:
            sources.append(dataclasses.replace(source, line=li.line))
    return sources


class _Walker:
    """Collects paragraphs in document order; ``<br>`` and block elements end a paragraph.

    Paragraphs inside one (outermost) ``<blockquote>`` share its number as their ``group``.
    """

    def __init__(self, skip: _Node | None) -> None:
        self.skip = skip
        self.out: list[Paragraph] = []
        self.buf: list[str] = []
        self.marked: list[str] = []  # the same text with its links written as Markdown
        self.group: int | None = None
        self.line = 0
        self.quotes = 0

    def paragraphs(self, node: _Node) -> list[Paragraph]:
        self._walk(node, group=None)
        self._flush()
        return self.out

    def _walk(self, node: _Node, group: int | None) -> None:
        for child in node.children:
            if isinstance(child, str):
                if not self.buf:
                    if not child.strip():
                        continue  # blank before the paragraph's text: where it starts is later
                    self.group, self.line = group, node.line
                self.buf.append(re.sub(r"\s+", " ", child))
                self.marked.append(self.buf[-1])
                continue
            if child is self.skip or child.tag in _DROP or "hidden" in child.attrs:
                continue
            if child.tag == "br":
                self._flush()
            elif child.tag in _HEADINGS:
                self._flush()
            elif child.tag in _BLOCK:
                self._flush()
                inner = group
                if inner is None and child.tag == "blockquote":
                    self.quotes += 1
                    inner = self.quotes
                self._walk(child, inner)
                self._flush()
            elif child.tag == "a" and _is_web(child.attrs.get("href", "")):
                # A source list written as paragraphs keeps its links for the list's reader.
                href = child.attrs["href"].strip()
                self.marked.append("[")
                self._walk(child, group)
                self.marked.append(f"]({href})")
            else:
                self._walk(child, group)

    def _flush(self) -> None:
        text = clean_text("".join(self.buf))
        if text:
            marked = clean_text("".join(self.marked))
            self.out.append(Paragraph(text, self.line, self.group is not None, self.group,
                                      marked if marked != text else ""))
        self.buf = []
        self.marked = []


def _is_web(href: str) -> bool:
    return href.strip().lower().startswith(("http://", "https://"))
