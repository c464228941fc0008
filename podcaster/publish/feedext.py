"""feedgen extensions: the Podcasting 2.0 ``podcast:`` namespace, and ``itunes:explicit``
written as ``true``/``false`` (feedgen's itunes extension only knows yes/no/clean).

Register them on a FeedGenerator with ``register(fg)``; then ``fg.podcastindex`` sets the
channel's tags and ``entry.podcastindex`` an item's transcripts and chapters.
"""

from __future__ import annotations

from dataclasses import dataclass

import lxml.etree  # noqa: F401  feedgen.util uses lxml.etree without importing it
from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.util import xml_elem

# The XML namespaces of the feed's extensions (Podcasting 2.0, Apple's iTunes tags).
PODCAST_NS = "https://podcastindex.org/namespace/1.0"
ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"

CHAPTERS_TYPE = "application/json+chapters"


def _tag(name: str) -> str:
    return f"{{{PODCAST_NS}}}{name}"


@dataclass(frozen=True)
class Person:
    name: str
    role: str = "host"
    href: str | None = None
    img: str | None = None


class PodcastIndexExtension(BaseExtension):
    """Channel tags: ``podcast:guid``, ``podcast:locked``, ``podcast:person``,
    ``podcast:funding`` and ``itunes:explicit``."""

    def __init__(self) -> None:
        self._guid: str | None = None
        self._locked: tuple[bool, str | None] | None = None
        self._explicit: bool | None = None
        self._persons: list[Person] = []
        self._funding: tuple[str, str] | None = None

    def extend_ns(self) -> dict[str, str]:
        return {"podcast": PODCAST_NS, "itunes": ITUNES_NS}

    def guid(self, value: str) -> None:
        """The show's permanent identity (a UUIDv5), kept even when the feed moves."""
        self._guid = value

    def locked(self, locked: bool, owner: str | None = None) -> None:
        """Whether other hosting platforms may import the feed; ``owner`` is an e-mail."""
        self._locked = (locked, owner)

    def explicit(self, explicit: bool) -> None:
        """``itunes:explicit`` as Apple now asks for it: ``true`` or ``false``."""
        self._explicit = explicit

    def person(self, name: str, role: str = "host", href: str | None = None,
               img: str | None = None) -> None:
        """Someone who makes the show: ``href`` a page about them, ``img`` their picture."""
        self._persons.append(Person(name, role, href, img))

    def funding(self, url: str, text: str) -> None:
        """Where listeners can support the show, and the link's text."""
        self._funding = (url, text)

    def extend_rss(self, rss_feed):
        channel = rss_feed[0]
        if self._explicit is not None:
            xml_elem(f"{{{ITUNES_NS}}}explicit", channel).text = (
                "true" if self._explicit else "false"
            )
        if self._guid:
            xml_elem(_tag("guid"), channel).text = self._guid
        if self._locked is not None:
            locked, owner = self._locked
            elem = xml_elem(_tag("locked"), channel)
            if owner:
                elem.set("owner", owner)
            elem.text = "yes" if locked else "no"
        for person in self._persons:
            elem = xml_elem(_tag("person"), channel, role=person.role)
            for key in ("href", "img"):
                if getattr(person, key):
                    elem.set(key, getattr(person, key))
            elem.text = person.name
        if self._funding:
            url, text = self._funding
            xml_elem(_tag("funding"), channel, url=url).text = text
        return rss_feed

    def extend_atom(self, atom_feed):
        return atom_feed


@dataclass(frozen=True)
class Transcript:
    url: str
    type: str
    language: str | None = None
    rel: str | None = None


class PodcastIndexEntryExtension(BaseEntryExtension):
    """Item tags: ``podcast:transcript`` (any number) and ``podcast:chapters``."""

    def __init__(self) -> None:
        self._transcripts: list[Transcript] = []
        self._chapters: str | None = None

    def extend_ns(self) -> dict[str, str]:
        return {"podcast": PODCAST_NS}

    def transcript(self, url: str, type: str, language: str | None = None,
                   rel: str | None = None) -> None:
        """Link a transcript; ``rel="captions"`` marks a file with time codes."""
        self._transcripts.append(Transcript(url, type, language, rel))

    def chapters(self, url: str) -> None:
        """Link a JSON chapters file."""
        self._chapters = url

    def extend_rss(self, item):
        for t in self._transcripts:
            elem = xml_elem(_tag("transcript"), item, url=t.url, type=t.type)
            if t.language:
                elem.set("language", t.language)
            if t.rel:
                elem.set("rel", t.rel)
        if self._chapters:
            xml_elem(_tag("chapters"), item, url=self._chapters, type=CHAPTERS_TYPE)
        return item

    def extend_atom(self, entry):
        return entry


def register(fg) -> None:
    """Load both extensions on ``fg`` (before adding entries) as ``podcastindex``."""
    fg.register_extension("podcastindex", PodcastIndexExtension, PodcastIndexEntryExtension,
                          atom=False, rss=True)
