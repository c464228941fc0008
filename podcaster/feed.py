"""Episodes → ``feed.xml``: RSS 2.0 with the itunes extension (feedgen)."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

from feedgen.feed import FeedGenerator

from podcaster.model import Episode

log = logging.getLogger(__name__)

PUBLISH_TIME = dt.time(19, 0)
TIME_ZONE = "Asia/Seoul"
GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")


def episode_guid(config, episode: Episode) -> str:
    """A GUID derived from the show URL and the post's date and slug: stable across rebuilds."""
    base = config.show.base_url.split("://", 1)[-1].rstrip("/")
    return str(uuid.uuid5(GUID_NAMESPACE, f"{base}/{episode.post.date.isoformat()}/{episode.post.slug}"))


def pub_date(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, PUBLISH_TIME, tzinfo=ZoneInfo(TIME_ZONE))


def hhmmss(seconds: float) -> str:
    s = int(round(seconds))
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


def episode_url(config, episode: Episode) -> str:
    return config.url(f"episodes/{episode.audio_path.name}")


def render_feed(config, episodes: list[Episode]) -> bytes:
    """The feed XML for ``episodes`` (any order; written newest first)."""
    show = config.show
    fg = FeedGenerator()
    fg.load_extension("podcast")
    fg.title(show.title)
    fg.link(href=show.website, rel="alternate")
    fg.link(href=config.feed_url, rel="self", type="application/rss+xml")
    fg.description(show.description)
    fg.language(show.language)
    fg.author({"name": show.author, "email": show.owner_email})
    fg.generator("podcaster")
    cover_name = "cover" + Path(show.cover).suffix.lower()
    fg.image(url=config.url(cover_name), title=show.title, link=show.website)
    fg.podcast.itunes_image(config.url(cover_name))
    fg.podcast.itunes_author(show.author)
    fg.podcast.itunes_owner(name=show.owner_name, email=show.owner_email)
    fg.podcast.itunes_explicit("yes" if show.explicit else "no")
    fg.podcast.itunes_type("episodic")
    if show.subcategory:
        fg.podcast.itunes_category(show.category, show.subcategory)
    else:
        fg.podcast.itunes_category(show.category)

    ordered = sorted(episodes, key=lambda e: (e.post.date, e.post.slug))
    for ep in ordered:  # feedgen prepends entries: add oldest first to list newest first
        fe = fg.add_entry()
        fe.id(episode_guid(config, ep))
        fe.guid(episode_guid(config, ep), permalink=False)
        fe.title(ep.post.title)
        fe.description(ep.post.description or ep.post.title)
        fe.enclosure(episode_url(config, ep), str(ep.size), "audio/mpeg")
        fe.published(pub_date(ep.post.date))
        fe.podcast.itunes_duration(hhmmss(ep.duration))
        fe.podcast.itunes_episode(ep.number)
        fe.podcast.itunes_episode_type("full")
    if ordered:
        fg.lastBuildDate(pub_date(ordered[-1].post.date))
    return fg.rss_str(pretty=True)
