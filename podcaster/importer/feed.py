"""A blog's RSS 2.0 or Atom feed, parsed by feedparser into plain ``FeedEntry`` values.

feedparser is only given bytes already fetched (never a URL), so every request goes through
the shared session. An entry that cannot become a post (no title, no date, no link and no
content) is left out with a problem naming it; the rest of the feed is still imported.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import logging
import re
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser

import feedparser

from podcaster.importer.fetch import FetchError, Response

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class FeedEntry:
    """One post as the feed describes it."""

    id: str  # guid / Atom id, else the link
    title: str
    link: str | None
    published: dt.datetime  # aware, UTC
    tags: tuple[str, ...] = ()
    content: str | None = None  # the whole post as HTML (content:encoded, Atom content)
    summary: str | None = None  # a summary or excerpt (RSS description, Atom summary)

    @property
    def fingerprint(self) -> str:
        """Changes whenever what the feed says about the post changes."""
        data = [self.title, self.link, self.published.isoformat(), list(self.tags),
                self.content, self.summary]
        return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()


@dataclass
class Feed:
    """The feed's title and its usable entries; ``problems`` names the entries left out."""

    title: str
    entries: list[FeedEntry]
    problems: list[str] = field(default_factory=list)


def parse_feed(response: Response) -> Feed:
    """The feed in ``response``. Raises FetchError if it is not an RSS or Atom feed."""
    parsed = feedparser.parse(
        response.body,
        response_headers={"content-location": response.url,
                          "content-type": response.headers.get("content-type", "")},
    )
    if not parsed.get("version"):
        raise FetchError(response.url, _not_a_feed(response))
    feed = Feed(title=parsed.feed.get("title", ""), entries=[])
    for number, raw in enumerate(parsed.entries, start=1):
        entry, problem = _entry(raw)
        if entry is None:
            feed.problems.append(f"entry {number} ({raw.get('title') or 'no title'!r}): "
                                 f"{problem}; skipped")
        else:
            feed.entries.append(entry)
    return feed


def _entry(raw: dict) -> tuple[FeedEntry | None, str]:
    title = " ".join((raw.get("title") or "").split())
    if not title:
        return None, "no title"
    when = raw.get("published_parsed") or raw.get("updated_parsed")
    if when is None:
        return None, "no publication date that can be read"
    link = raw.get("link") or None
    if link and not link.startswith(("http://", "https://")):
        link = None
    content = next((c.get("value") for c in raw.get("content", [])
                    if c.get("type") in _HTML_TYPES and (c.get("value") or "").strip()), None)
    summary = raw.get("summary") or None
    if content is None and link is None:
        return None, "neither the post's content nor a link to it"
    published = dt.datetime.fromtimestamp(calendar.timegm(when), tz=dt.timezone.utc)
    tags = tuple(dict.fromkeys(t["term"].strip() for t in raw.get("tags", [])
                               if (t.get("term") or "").strip()))
    entry_id = (raw.get("id") or "").strip() or link
    if not entry_id:
        return None, "no id and no link"
    return FeedEntry(entry_id, title, link, published, tags, content, summary), ""


def _not_a_feed(response: Response) -> str:
    kind = response.content_type or "unknown type"
    problem = f"not an RSS or Atom feed ({kind})"
    if response.content_type in _HTML_TYPES:
        finder = _FeedLinks()
        finder.feed(response.body.decode("utf-8", errors="replace"))
        if finder.links:
            problem += f"; the page names its feed: {urllib.parse.urljoin(response.url, finder.links[0])}"
    return problem


class _FeedLinks(HTMLParser):
    """``<link rel="alternate" type="application/rss+xml" href=…>`` of an HTML page."""

    _TYPES = re.compile(r"application/(rss|atom)\+xml", re.I)

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "link" and "alternate" in values.get("rel", "").lower().split() \
                and self._TYPES.fullmatch(values.get("type", "").strip()) and values.get("href"):
            self.links.append(values["href"])
