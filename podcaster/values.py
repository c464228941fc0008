"""Checks every published value passes where it is read: text that goes into XML, ID3 and
JSON, and links.

Text may hold any character XML 1.0 allows, less the control characters other than tab and
line ends: a BEL or NUL in a title would make the feed unwritable after every episode had
been synthesised, so it is refused when the post or podcast.toml is read. So are the
bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): they
make a title display as other text than it is, in apps, pages and file lists. Links are
published only as http(s): ``javascript:``, ``data:`` and every other scheme are dropped.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")
_ALLOWED_CONTROLS = "\t\n\r"
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
