"""Checks every published value passes where it is read: text that goes into XML, ID3 and
JSON, and links.

Text may hold any character XML 1.0 allows, less the control characters other than tab and
line ends: a BEL or NUL in a title would make the feed unwritable after every episode had
been synthesised, so it is refused when the post or podcast.toml is read. So are the
bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): they
make a title display as other text than it is, in apps, pages and file lists. Links are
published only as http(s): ``javascript:``, ``data:`` and every other scheme are dropped.

Text that comes from elsewhere (an imported feed) is cleaned rather than refused:
``scrub`` removes what ``bad_character`` refuses and the invisible characters (zero-width
space, direction marks, line and paragraph separators, byte-order marks, tag characters)
that would make a published title read or sort as other text than it shows.
"""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")
_ALLOWED_CONTROLS = "\t\n\r"
_REFERENCE = re.compile(r"&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?")
_JOINERS = "\u200c\u200d"
_BIDI_CONTROLS = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))


def bad_character(text: str) -> str | None:
    """The first character of ``text`` that XML, ID3 or JSON output cannot carry safely
    (described, e.g. ``'\\x07' (a control character)``), or None when there is none."""
    for ch in text:
        code = ord(ch)
        if ch in _ALLOWED_CONTROLS:
            continue
        if unicodedata.category(ch) == "Cc":
            return f"{ch!r} (a control character)"
        if code in _BIDI_CONTROLS:
            return f"{ch!r} (a bidirectional text control)"
        if 0xD800 <= code <= 0xDFFF:
            return f"{ch!r} (a lone surrogate)"
        if code in (0xFFFE, 0xFFFF):
            return f"{ch!r} (not a character)"
    return None


def _invisible(ch: str) -> bool:
    # Format characters other than the zero-width (non-)joiner emoji and scripts need.
    category = unicodedata.category(ch)
    return (category == "Cf" and ch not in _JOINERS) or category in ("Zl", "Zp")


def without_invisible(text: str) -> tuple[str, str | None]:
    """``text`` without the invisible characters (a line or paragraph separator becomes a
    space, runs of spaces it leaves are one), and a description of the first removed (None
    when nothing was). What ``bad_character`` refuses stays, to be refused."""
    first: str | None = None
    kept = []
    for ch in text:
        if not _invisible(ch) or bad_character(ch):
            kept.append(ch)
            continue
        if unicodedata.category(ch) in ("Zl", "Zp"):
            kept.append(" ")
        first = first or f"{ch!r} (an invisible character)"
    if first is None:
        return text, None
    return re.sub(r" {2,}", " ", "".join(kept)).strip(), first


def scrub(text: str) -> tuple[str, str | None]:
    """``text`` without the characters ``bad_character`` refuses and the invisible ones,
    and a description of the first removed (None when nothing was)."""
    first: str | None = None
    kept = []
    for ch in text:
        problem = bad_character(ch) if ch not in _ALLOWED_CONTROLS else None
        if problem is None and _invisible(ch):
            problem = f"{ch!r} (an invisible character)"
        if problem is None:
            kept.append(ch)
        elif first is None:
            first = problem
    return ("".join(kept), first) if first else (text, None)


def scrub_html(markup: str) -> tuple[str, str | None]:
    """``scrub`` for HTML: character references (``&#1;``, ``&#x202e;``, ``&lrm;``) to the
    characters it removes are removed too."""
    markup, first = scrub(markup)

    def reference(match: re.Match) -> str:
        nonlocal first
        name = match.group(1)
        if name.startswith("#"):  # the code point itself: html.unescape hides some as ""
            code = int(name[2:], 16) if name[1:2] in "xX" and len(name) > 1 else int(name[1:])
            text = chr(code) if code <= 0x10FFFF else "\ufffd"
        else:
            text = html.unescape(match.group(0))
        removed = scrub(text)[1]
        if removed is None:
            return match.group(0)
        first = first or removed
        return ""

    return _REFERENCE.sub(reference, markup), first


def web_url(url: str | None) -> str | None:
    """``url`` (stripped) if it is an absolute http(s) link with a host, else None."""
    if not url:
        return None
    url = url.strip()
    if bad_character(url) or any(ch.isspace() for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an invalid IPv6 host
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.netloc:
        return None
    return url


def is_web_url(url: str | None) -> bool:
    """Whether ``url`` is, exactly as written, an absolute http(s) link with a host: the rule
    for the links of podcast.toml and for those ``podcaster check`` finds in a feed. Unlike
    ``web_url`` (for what authors paste into posts) nothing is forgiven: no surrounding
    spaces, a lower-case scheme."""
    return url is not None and web_url(url) == url and url.startswith(("http://", "https://"))
