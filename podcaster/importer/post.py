"""An imported entry as a post file: ``posts/YYYY-MM-DD-slug.html``, read by the HTML reader.

The date is the entry's publication time in the show's time zone; the slug comes from the
last part of the entry's link (percent-decoded, as blogs put Hangul slugs in URLs), else from
its title, by the rule every post's slug follows (``podcaster.text.read.check_slug``).
"""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
import urllib.parse
import zoneinfo

from podcaster.errors import PostError
from podcaster.importer.feed import FeedEntry
from podcaster.text.read import MAX_SLUG_LENGTH, check_slug

_UNSAFE = re.compile(r"[^a-z0-9\uac00-\ud7a3_]+")
_EXTENSION = re.compile(r"\.(html?|php|aspx?|jsp)$", re.IGNORECASE)
TITLE_SLUG_LENGTH = 60
FALLBACK_SLUG = "post"
# A file name holds at most 255 bytes. A slug of 200 (66 Hangul) leaves room for what every
# file named after it adds: the post's date and extension, the episode's audio hash, and the
# ".<name>.<random>.tmp" of their atomic writes.
SLUG_BYTES = 200


def post_date(entry: FeedEntry, time_zone: str) -> dt.date:
    """The day the entry was published, in ``time_zone``."""
    return entry.published.astimezone(zoneinfo.ZoneInfo(time_zone)).date()


def slugify(text: str, limit: int = MAX_SLUG_LENGTH) -> str:
    """``text`` as a slug: lowercase letters, digits, Hangul and ``_``, joined by ``-``; at
    most ``limit`` characters and SLUG_BYTES bytes (cut at a ``-`` where there is one)."""
    text = unicodedata.normalize("NFC", text).lower()
    slug = _UNSAFE.sub("-", text).strip("-_")
    limit = len(_within_bytes(slug[:limit], SLUG_BYTES))
    if len(slug) > limit:
        cut = slug[:limit]
        slug = (cut.rsplit("-", 1)[0] if "-" in cut else cut).strip("-_")
    return slug


def _within_bytes(text: str, size: int) -> str:
    """The longest start of ``text`` whose UTF-8 takes at most ``size`` bytes."""
    return text.encode("utf-8")[:size].decode("utf-8", errors="ignore")


def entry_slug(entry: FeedEntry) -> str:
    """The slug for ``entry``: from its link's last path segment when that says something
    (not only digits, as blog platforms number their posts), else from its title."""
    candidates = []
    if entry.link:
        path = urllib.parse.urlsplit(entry.link).path.rstrip("/")
        last = _EXTENSION.sub("", urllib.parse.unquote(path.rsplit("/", 1)[-1]))
        candidates.append(slugify(last))
    candidates.append(slugify(entry.title, TITLE_SLUG_LENGTH))
    for slug in candidates:
        if slug and not slug.replace("-", "").isdigit():
            return slug
    return next((slug for slug in candidates if slug), FALLBACK_SLUG)


def file_name(entry: FeedEntry, time_zone: str, taken: set[str]) -> str:
    """A file name for ``entry`` that is not in ``taken``, numbered ``-2``, ``-3`` ... when
    taken (the slug cut to leave room for the number); raises PostError if the slug is not
    safe (which slugify prevents)."""
    day, slug = post_date(entry, time_zone).isoformat(), entry_slug(entry)
    name, n = f"{day}-{slug}.html", 2
    while name in taken:
        number = f"-{n}"
        cut = _within_bytes(slug[:MAX_SLUG_LENGTH - len(number)], SLUG_BYTES - len(number))
        name, n = f"{day}-{cut}{number}.html", n + 1
    check_slug(name[11:-5], name)
    return name


def generator_meta(feed_url: str) -> str:
    """The line every imported post carries: which feed it was imported from."""
    return f'<meta name="generator" content="podcaster import from {html.escape(feed_url)}">'


def render_post(entry: FeedEntry, body: str, date: dt.date, feed_url: str) -> bytes:
    """The post file: a small HTML page whose ``<article>`` holds the title and ``body``."""
    if not body.strip():
        raise PostError(entry.link or entry.id, "no content left after cleaning")
    title = html.escape(entry.title)
    link = html.escape(entry.link or "", quote=True)
    lines = [
        "<!DOCTYPE html>",
        '<html lang="ko">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{title}</title>",
        f'<meta property="article:published_time" content="{date.isoformat()}">',
        generator_meta(feed_url),
    ]
    if link:
        lines.append(f'<link rel="canonical" href="{link}">')
    lines += ["</head>", "<body>", "<article>", f"<h1>{title}</h1>", body.strip(),
              "</article>", "</body>", "</html>", ""]
    return "\n".join(lines).encode("utf-8")
