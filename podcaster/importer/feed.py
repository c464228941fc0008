"""A blog's RSS 2.0 or Atom feed, parsed by feedparser into plain ``FeedEntry`` values.

feedparser is only given bytes already fetched (never a URL), so every request goes through
the shared session, after its encoding is checked (``encoding``). An entry that cannot
become a post (no title, no date or one outside 1970-9999, no link and no content) is left out
with a problem naming it; the rest of the feed is still imported. Every text of an entry is
scrubbed of control and invisible characters (``podcaster.values.scrub``), with a problem
naming the entry and the field. Entries sharing an id are reduced to one, the same one
whatever their order: the earliest published (then the lowest fingerprint).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import hashlib
import json
import logging
import re
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser

import feedparser

from podcaster.http import FetchError, Response
from podcaster.importer.encoding import decode_document
from podcaster.values import scrub, scrub_html

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_MARKUP = ("content", "summary")
FIRST_YEAR, LAST_YEAR = 1970, 9998  # a year after 9998 may be 10000 in the show's time zone


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
    """The feed in ``response``. Raises FetchError if it is not an RSS or Atom feed, or not
    text in an encoding that can be read."""
    text, warning = decode_document(response)
    content_type = response.headers.get("content-type", "").split(";")[0]
    parsed = feedparser.parse(
        text.encode("utf-8"),
        response_headers={"content-location": response.url,
                          "content-type": f"{content_type or 'application/xml'}; charset=utf-8"},
    )
    if not parsed.get("version"):
        raise FetchError(response.url, _not_a_feed(response))
    feed = Feed(title=scrub(parsed.feed.get("title", ""))[0], entries=[])
    if warning:
        feed.problems.append(warning)
    for number, raw in enumerate(parsed.entries, start=1):
        name = f"entry {number} ({scrub(raw.get('title') or '')[0][:80] or 'no title'!r})"
        removed: dict[str, str] = {}
        entry, problem = _entry(raw, functools.partial(_scrubbed, removed))
        if removed:
            first = next(iter(removed.values()))
            feed.problems.append(f"{name}: {first} and any like it removed from its "
                                 f"{', '.join(removed)}")
        if entry is None:
            feed.problems.append(f"{name}: {problem}; skipped")
        else:
            feed.entries.append(entry)
    feed.entries = _one_per_id(feed)
    return feed


def _scrubbed(removed: dict[str, str], field: str, text: str) -> str:
    """``text`` scrubbed; what was removed from it is noted in ``removed`` by field."""
    clean, first = (scrub_html if field in _MARKUP else scrub)(text)
    if first:
        removed.setdefault(field, first)
    return clean


def _one_per_id(feed: Feed) -> list[FeedEntry]:
    """The entries with one per id, in feed order; the others named in ``feed.problems``."""
    chosen: dict[str, FeedEntry] = {}
    for entry in feed.entries:
        other = chosen.get(entry.id)
        if other is None or (entry.published, entry.fingerprint) < (other.published,
                                                                     other.fingerprint):
            chosen[entry.id] = entry
    for entry in feed.entries:
        if chosen[entry.id] is not entry:
            feed.problems.append(f"entry {entry.title!r}: the same id as "
                                 f"{chosen[entry.id].title!r} ({entry.id[:80]}); skipped")
    return [e for e in feed.entries if chosen[e.id] is e]


def _entry(raw: dict, clean) -> tuple[FeedEntry | None, str]:
    title = " ".join(clean("title", raw.get("title") or "").split())
    if not title:
        return None, "no title"
    when = raw.get("published_parsed") or raw.get("updated_parsed")
    if when is None:
        return None, "no publication date that can be read"
    if not FIRST_YEAR <= when.tm_year <= LAST_YEAR:
        return None, f"published in the year {when.tm_year}, outside {FIRST_YEAR}-{LAST_YEAR}"
    link = clean("link", raw.get("link") or "").strip() or None
    if link and not link.startswith(("http://", "https://")):
        link = None
    content = next((c.get("value") for c in raw.get("content", [])
                    if c.get("type") in _HTML_TYPES and (c.get("value") or "").strip()), None)
    content = clean("content", content) if content else None
    summary = clean("summary", raw.get("summary") or "") or None
    if content is None and link is None:
        return None, "neither the post's content nor a link to it"
    published = dt.datetime.fromtimestamp(calendar.timegm(when), tz=dt.timezone.utc)
    tags = tuple(dict.fromkeys(clean("tags", t["term"]).strip() for t in raw.get("tags", [])
                               if (t.get("term") or "").strip()))
    entry_id = clean("id", (raw.get("id") or "")).strip() or link
    if not entry_id:
        return None, "no id and no link"
    return FeedEntry(entry_id, title, link, published, tuple(t for t in tags if t), content,
                     summary), ""


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
