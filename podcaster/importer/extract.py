"""A post's main content as clean HTML: from the feed's own HTML, or extracted from the page.

A page (when the feed carries only a summary) is read by the page policy the ``.html`` reader
uses (``podcaster.text.page``): the platform's furniture is removed and, when the platform's
post element is found, that is the post; otherwise trafilatura finds the main content.
Both paths then pass the same allow-list: paragraphs, headings, blockquotes, lists, line
breaks, emphasis and http(s) links are kept; the policy's dropped elements (scripts, media,
forms, the page's chrome) go; any other element is unwrapped, its text kept (a ``<div>`` of
text becomes a paragraph).
"""

from __future__ import annotations

import logging
import re
import urllib.parse

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.utils import decode_file

from podcaster.text import page

log = logging.getLogger(__name__)

_DROP = page.DROP_TAGS
_PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "dt", "dd", "address"}
_INLINE_KEEP = {"strong", "em", "b", "i"}
_INLINE = _INLINE_KEEP | {
    "a", "span", "font", "u", "s", "small", "big", "sub", "sup", "mark", "code", "kbd",
    "abbr", "cite", "q", "time", "del", "ins", "var", "samp", "tt", "wbr", "br", "strike",
}  # fmt: skip
_SPACES = re.compile(r"\s+")
_THIN_PAGE = 200  # characters: less text than this around a frame means the post is inside


def clean_html(html: str, title: str = "") -> str:
    """``html`` reduced to the allow-listed elements, one block per line; a heading that
    only repeats ``title`` is dropped. Empty string when no text is left."""
    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    body = root.find(".//body")
    out = etree.Element("div")
    _blocks(body if body is not None else root, out)
    blocks = []
    for element in out:
        text = _SPACES.sub(" ", "".join(element.itertext())).strip()
        if not text or (element.tag.startswith("h") and text == title.strip()):
            continue
        blocks.append(etree.tostring(element, encoding="unicode", method="html").strip())
    return "\n".join(blocks)


def extract_page(page_bytes: bytes, url: str, title: str = "") -> str:
    """The main content of a post page as clean HTML; empty string when none is found."""
    root = _parse_page(page_bytes)
    if root is not None:
        page.prune(root, _TREE)
        post = page.select(root, _TREE, page.content_selectors())
        if post is not None:
            return clean_html(lxml.html.tostring(post, encoding="unicode"), title)
        page_bytes = lxml.html.tostring(root, encoding="unicode")
    html = trafilatura.extract(
        _bare_urls_as_text(page_bytes), url=url, output_format="html", include_links=True,
        include_images=False, include_comments=False, include_tables=False,
        include_formatting=True, deduplicate=False,
    )  # fmt: skip
    return clean_html(html or "", title)


def _parse_page(page_bytes: bytes | str):
    """The page as an lxml tree, its bytes decoded as trafilatura would; None if unparsable."""
    text = decode_file(page_bytes) if isinstance(page_bytes, bytes) else page_bytes
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None


_TREE = page.Tree(
    children=lambda element: [c for c in element if isinstance(c.tag, str)],
    describe=lambda element: (element.tag.lower(), dict(element.attrib)),
    remove=lambda parent, children: [child.drop_tree() for child in children],
)


def _bare_urls_as_text(page: bytes) -> bytes | str:
    """The page with every link whose text is its own address turned into that text.

    A source list puts each URL on a line of its own, which blogs turn into a link; the
    extractor takes a short paragraph that is all link for boilerplate and drops it. As
    text the URL stays, and the post reader still finds it.
    """
    try:
        root = lxml.html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return page
    changed = False
    for link in list(root.iter("a")):
        text = (link.text_content() or "").strip()
        if text and text == (link.get("href") or "").strip() and len(link) == 0:
            link.drop_tag()
            changed = True
    return lxml.html.tostring(root, encoding="unicode") if changed else page


def main_frame(page: bytes, url: str) -> str | None:
    """The URL of the frame a page shows its post in, when the page itself holds almost no
    text and one frame of the same site fills it (blogs that wrap each post in a frame)."""
    try:
        root = lxml.html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return None
    for element in list(root.iter("script", "style", "noscript")):
        element.drop_tree()
    if len(_SPACES.sub("", root.text_content())) >= _THIN_PAGE:
        return None
    host = urllib.parse.urlsplit(url).netloc
    for frame in root.iter("iframe", "frame"):
        src = urllib.parse.urljoin(url, frame.get("src") or "")
        parts = urllib.parse.urlsplit(src)
        if parts.scheme in ("http", "https") and parts.netloc == host and src != url:
            return src
    return None


def _text(target: etree._Element, text: str | None) -> None:
    """Append ``text`` to the inline content of ``target``."""
    if not text:
        return
    text = _SPACES.sub(" ", text)
    if len(target):
        target[-1].tail = (target[-1].tail or "") + text
    else:
        target.text = (target.text or "") + text


def _tag(element) -> str | None:
    return element.tag.lower() if isinstance(element.tag, str) else None


def _blocks(src: etree._Element, out: etree._Element) -> None:
    """Copy the content of ``src`` into the block container ``out``: loose text and inline
    elements are gathered into paragraphs."""
    para: etree._Element | None = None

    def paragraph() -> etree._Element:
        nonlocal para
        if para is None:
            para = etree.SubElement(out, "p")
        return para

    if src.text and src.text.strip():
        _text(paragraph(), src.text)
    for child in src:
        tag = _tag(child)
        if tag is None or tag in _DROP:
            pass
        elif tag == "br":
            para = None
        elif tag in _PARAGRAPHS:
            para = None
            name = {"h1": "h2", "pre": "p", "dt": "p", "dd": "p", "address": "p"}.get(tag, tag)
            _inline(child, etree.SubElement(out, name))
        elif tag == "blockquote":
            para = None
            _blocks(child, etree.SubElement(out, "blockquote"))
        elif tag in ("ol", "ul"):
            para = None
            _list(child, etree.SubElement(out, tag))
        elif tag in _INLINE:
            _inline_element(child, paragraph())
        else:  # div, section, article, li outside a list ...: a block of its own
            para = None
            _blocks(child, out)
        if child.tail and child.tail.strip():
            _text(paragraph(), child.tail)


def _list(src: etree._Element, out: etree._Element) -> None:
    if src.get("start", "").isdigit():
        out.set("start", src.get("start"))
    for child in src:
        if _tag(child) == "li":
            _inline(child, etree.SubElement(out, "li"))


def _inline(src: etree._Element, out: etree._Element) -> None:
    """Copy the text and inline content of ``src`` into ``out`` (nested blocks flattened)."""
    _text(out, src.text)
    for child in src:
        tag = _tag(child)
        if tag is not None and tag not in _DROP:
            _inline_element(child, out)
        _text(out, child.tail)


def _inline_element(child: etree._Element, out: etree._Element) -> None:
    tag = _tag(child)
    if tag == "br":
        etree.SubElement(out, "br")
    elif tag == "a":
        href = (child.get("href") or "").strip()
        if href.startswith(("http://", "https://")):
            link = etree.SubElement(out, "a", href=href)
            _inline(child, link)
        else:
            _inline(child, out)
    elif tag in _INLINE_KEEP:
        _inline(child, etree.SubElement(out, tag))
    elif tag in _PARAGRAPHS or tag in ("div", "blockquote", "li"):
        if len(out) or (out.text or "").strip():
            etree.SubElement(out, "br")
        _inline(child, out)
    else:
        _inline(child, out)
