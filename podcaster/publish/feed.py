"""Episodes → ``feed.xml``: RSS 2.0 with Apple's itunes tags (feedgen) and the Podcasting 2.0
``podcast:`` namespace (``podcaster.publish.feedext``).

The feed is a function of the config, the posts and the files in ``public/``: the same inputs
give byte-identical XML (no clock time goes in), and an episode's GUID depends only on the
show and the post's date and slug, never on the audio, the engine or the build.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from zoneinfo import ZoneInfo

from podcaster.config import Config
from podcaster.errors import PodcasterError
from podcaster.model import Episode
from podcaster.publish import feedext
from podcaster.publish.chapters import episode_chapters
from podcaster.publish.layout import (
    ART_SUFFIXES,
    cover_name,
    episode_file,
    episode_guid,
    episode_page_path,
    episode_url,
    feed_url,
    show_guid,
    site_url,
    uri,
)
from podcaster.publish.summary import episode_summary
from podcaster.timecode import timecode

log = logging.getLogger(__name__)

# Files written next to an episode's MP3 that the feed links when they exist:
# suffix -> (podcast:transcript type, rel).
TRANSCRIPTS = {".vtt": ("text/vtt", "captions"), ".srt": ("application/x-subrip", None),
               ".transcript.json": ("application/json", None)}
CHAPTERS_SUFFIX = ".chapters.json"

NOTES_CHAPTERS = "차례"
NOTES_SOURCES = "출처"


def pub_date(config: Config, day: dt.date) -> dt.datetime:
    """The post's date at ``feed.publish_time`` in ``feed.time_zone``."""
    hour, minute = (int(x) for x in config.feed.publish_time.split(":"))
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=ZoneInfo(config.feed.time_zone))


def copyright_text(config: Config, episodes: list[Episode]) -> str:
    """``show.copyright``, else "© <first year>–<last year> <author>" (one year when equal)."""
    if config.show.copyright.strip():
        return config.show.copyright.strip()
    years = sorted({e.post.date.year for e in episodes})
    span = f"{years[0]}" if years[0] == years[-1] else f"{years[0]}–{years[-1]}"
    return f"© {span} {config.show.author}"


def show_notes(episode: Episode) -> str:
    """HTML show notes: the summary, the chapters with their start times (the same chapters as
    the MP3 and the JSON file, for apps without chapter support), and the sources as links."""
    esc = html.escape
    parts = [f"<p>{esc(episode_summary(episode))}</p>"]
    chapters = episode_chapters(episode.timeline) if episode.timeline.segments else []
    if chapters:
        items = []
        for chapter in chapters:
            title = esc(chapter.title)
            if chapter.url:
                title = f'<a href="{esc(uri(chapter.url))}">{title}</a>'
            items.append(f"<li>{timecode(chapter.start, pad_lead=True)} {title}</li>")
        parts.append(f"<p>{NOTES_CHAPTERS}</p><ul>{''.join(items)}</ul>")
    if episode.post.sources:
        items = []
        for source in episode.post.sources:
            title = esc(source.title)
            if source.url:
                title = f'<a href="{esc(uri(source.url))}">{title}</a>'
            outlet = f" ({esc(source.outlet)})" if source.outlet else ""
            items.append(f"<li>{title}{outlet}</li>")
        parts.append(f"<p>{NOTES_SOURCES}</p><ol>{''.join(items)}</ol>")
    return "\n".join(parts)


def render_feed(config: Config, episodes: list[Episode], exists=None) -> bytes:
    """The feed XML for ``episodes`` (any order; written newest first).

    Transcripts, chapters and episode art are linked when their files exist: ``exists``
    answers for a path relative to ``public/`` (the build passes what the commit will
    publish); by default the files in ``public/episodes/`` are looked at. Raises
    PodcasterError when there is no episode.
    """
    if exists is None:
        def exists(relative: str) -> bool:
            return (config.public_dir / relative).is_file()
    if not episodes:
        raise PodcasterError("no episodes to put in the feed")
    show = config.show
    from feedgen.feed import FeedGenerator  # lazily: a build that renders no feed skips it

    fg = FeedGenerator()
    fg.load_extension("podcast")
    feedext.register(fg)
    fg.title(show.title)
    fg.link(href=feed_url(config), rel="self", type="application/rss+xml")
    fg.link(href=uri(show.website), rel="alternate")  # RSS <link> takes the last link given
    fg.description(show.description)
    fg.language(show.language)
    fg.generator("podcaster")  # no version: an upgrade alone must not change the feed
    cover = site_url(config, cover_name(config))
    fg.image(url=cover, title=show.title, link=uri(show.website))
    fg.podcast.itunes_image(cover)
    fg.podcast.itunes_author(show.author)
    fg.podcast.itunes_owner(name=show.owner_name, email=show.owner_email)
    fg.podcast.itunes_type("episodic")
    category = {"cat": show.category}
    if show.subcategory:
        category["sub"] = show.subcategory
    fg.podcast.itunes_category(category)
    fg.podcastindex.explicit(show.explicit)
    fg.podcastindex.guid(show_guid(config))
    fg.podcastindex.locked(config.feed.locked, show.owner_email)
    fg.copyright(copyright_text(config, episodes))
    # The default cover is podcaster's own art, not a picture of the host.
    own_cover = config.is_set("show.cover")
    fg.podcastindex.person(show.author, "host", href=uri(show.website),
                           img=cover if own_cover else None)
    if show.funding_url:
        fg.podcastindex.funding(uri(show.funding_url), show.funding_text)

    ordered = sorted(episodes, key=lambda e: (e.post.date, e.post.slug))
    for ep in ordered:  # feedgen prepends entries: add oldest first to list newest first
        slug = ep.post.slug
        fe = fg.add_entry()
        fe.guid(episode_guid(config, ep), permalink=False)
        fe.title(ep.post.title)
        fe.link(href=site_url(config, episode_page_path(ep)))
        fe.description(episode_summary(ep))
        fe.content(show_notes(ep), type="CDATA")
        fe.enclosure(episode_url(config, ep), str(ep.size), "audio/mpeg")
        fe.published(pub_date(config, ep.post.date))
        fe.podcast.itunes_duration(timecode(ep.duration, hours=True, pad_lead=True, round_down=False))
        fe.podcast.itunes_episode(ep.number)
        fe.podcast.itunes_episode_type("full")
        for suffix in sorted(set(ART_SUFFIXES.values())):
            if exists(episode_file(slug, suffix)):
                fe.podcast.itunes_image(site_url(config, episode_file(slug, suffix)))
                break
        for suffix, (mime, rel) in TRANSCRIPTS.items():
            if exists(episode_file(slug, suffix)):
                fe.podcastindex.transcript(site_url(config, episode_file(slug, suffix)), mime,
                                           language=show.language, rel=rel)
        if exists(episode_file(slug, CHAPTERS_SUFFIX)):
            fe.podcastindex.chapters(site_url(config, episode_file(slug, CHAPTERS_SUFFIX)))
    # The newest episode's date, not the clock: an unchanged rebuild gives the same bytes.
    fg.lastBuildDate(pub_date(config, ordered[-1].post.date))
    return fg.rss_str(pretty=True)
