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
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

from podcaster.config import Config
from podcaster.errors import PodcasterError
from podcaster.files import copy_atomic
from podcaster.model import Episode, Post
from podcaster.publish.chapters import episode_chapters
from podcaster.publish.summary import summary
from podcaster.timecode import timecode

log = logging.getLogger(__name__)

# The XML namespaces of the feed's extensions (Podcasting 2.0, Apple's iTunes tags).
PODCAST_NS = "https://podcastindex.org/namespace/1.0"
ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"

# The namespace every podcast:guid is derived in (Podcasting 2.0).
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")

# Files written next to an episode's MP3 that the feed links when they exist:
# suffix -> (podcast:transcript type, rel).
TRANSCRIPTS = {".vtt": ("text/vtt", "captions"), ".srt": ("application/x-subrip", None),
               ".transcript.json": ("application/json", None)}
CHAPTERS_SUFFIX = ".chapters.json"
# Episode artwork: an image beside the post file with the same name, published as
# episodes/<slug>.jpg|.png.
ART_SUFFIXES = {".jpg": ".jpg", ".jpeg": ".jpg", ".png": ".png"}

NOTES_CHAPTERS = "차례"
NOTES_SOURCES = "출처"


def strip_scheme(url: str) -> str:
    """``url`` without ``https://`` and trailing slashes, as podcast:guid is seeded."""
    return url.split("://", 1)[-1].rstrip("/")


def show_guid(config: Config) -> str:
    """The show's podcast:guid: ``feed.guid`` if pinned, else derived from the feed URL."""
    if config.feed.guid:
        return config.feed.guid.strip().lower()
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, strip_scheme(config.feed_url)))


def episode_guid(config: Config, episode: Episode) -> str:
    """The episode's GUID (see ``post_guid``): never changed by rebuilding, re-encoding or
    another engine."""
    return post_guid(config, episode.post)


def post_guid(config: Config, post: Post) -> str:
    """The GUID of the post's episode: ``[episode_guids]`` for its slug, else a UUIDv5 of the
    post's date and slug in the show's podcast:guid."""
    override = config.episode_guids.get(post.slug)
    if override:
        return override.strip()
    return str(uuid.uuid5(uuid.UUID(show_guid(config)), f"{post.date.isoformat()}/{post.slug}"))


def pub_date(config: Config, day: dt.date) -> dt.datetime:
    """The post's date at ``feed.publish_time`` in ``feed.time_zone``."""
    hour, minute = (int(x) for x in config.feed.publish_time.split(":"))
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=ZoneInfo(config.feed.time_zone))


def cover_name(config: Config) -> str:
    """File name of the show's cover under public/ (``cover.jpg`` or ``cover.png``)."""
    suffix = Path(config.show.cover).suffix.lower()
    return "cover" + ART_SUFFIXES.get(suffix, suffix)


# Hex digits of the MP3's sha256 in its published name.
AUDIO_HASH_LENGTH = 12


def audio_file_name(slug: str, sha256: str) -> str:
    """The published name of an episode's MP3: ``<slug>.<hash>.mp3``, named by its content.

    A changed MP3 gets a new name, so a file the feed points at is never rewritten: the new
    MP3 goes in beside the old one, the feed is switched to it, then the old one is removed.
    Podcast apps and CDNs never see a URL whose bytes (and length) changed. Slugs have no
    dots, so the slug is the name up to its first dot (``slug_of_audio_name``).
    """
    return f"{slug}.{sha256[:AUDIO_HASH_LENGTH]}.mp3"


def slug_of_audio_name(name: str) -> str:
    """The slug an MP3's file name (or URL path's last part) belongs to."""
    return name.split(".", 1)[0]


def is_audio_name(name: str) -> bool:
    """Whether ``name`` is a content-addressed MP3 name ``audio_file_name`` gives."""
    parts = name.split(".")
    return (len(parts) == 3 and parts[2] == "mp3" and len(parts[1]) == AUDIO_HASH_LENGTH
            and all(c in "0123456789abcdef" for c in parts[1]))


def media_url(config: Config, relative: str) -> str:
    """Absolute URL of a media file under public/ (``episodes/x.mp3``): on
    ``show.media_base_url`` when the audio is hosted apart from the pages, else on
    ``base_url``."""
    base = config.show.media_base_url or config.show.base_url
    return base.rstrip("/") + "/" + relative.lstrip("/")


def enclosure_url(config: Config, relative: str) -> str:
    """The URL podcast apps download a media file under public/ from: ``media_url`` with
    ``show.enclosure_prefix`` (an analytics redirect) in front. The one place an enclosure
    URL is made; the GUID, length and ``podcaster check`` go by the file itself."""
    return config.show.enclosure_prefix + media_url(config, relative)


def strip_enclosure_prefix(config: Config, url: str) -> str:
    """``url`` without ``show.enclosure_prefix`` (the media URL it redirects to)."""
    prefix = config.show.enclosure_prefix
    return url[len(prefix):] if prefix and url.startswith(prefix) else url


def episode_audio_path(episode: Episode) -> str:
    """The episode's MP3 relative to public/."""
    return f"episodes/{episode.audio_path.name}"


def episode_url(config: Config, episode: Episode) -> str:
    """The episode's enclosure URL."""
    return enclosure_url(config, episode_audio_path(episode))


def episode_page_path(episode: Episode) -> str:
    """The episode's web page relative to public/."""
    return f"episodes/{episode.post.slug}.html"


def copyright_text(config: Config, episodes: list[Episode]) -> str:
    """``show.copyright``, else "© <first year>–<last year> <author>" (one year when equal)."""
    if config.show.copyright.strip():
        return config.show.copyright.strip()
    years = sorted({e.post.date.year for e in episodes})
    span = f"{years[0]}" if years[0] == years[-1] else f"{years[0]}–{years[-1]}"
    return f"© {span} {config.show.author}"


def episode_art_source(post: Post) -> Path | None:
    """An image beside the post with the post file's name (``2025-11-03-x.jpg``), if any."""
    for suffix in ART_SUFFIXES:
        for candidate in (post.path.with_suffix(suffix), post.path.with_suffix(suffix.upper())):
            if candidate.is_file():
                return candidate
    return None


def episode_art(episodes: list[Episode]) -> dict[str, Path]:
    """Each post's own artwork, by the path it is published at under ``public/``
    (``episodes/<slug>.jpg|.png``)."""
    art = {}
    for ep in episodes:
        source = episode_art_source(ep.post)
        if source:
            art[f"episodes/{ep.post.slug}{ART_SUFFIXES[source.suffix.lower()]}"] = source
    return art


def stale_episode_art(config: Config, episodes: list[Episode]) -> list[Path]:
    """Published artwork of these episodes that their posts no longer have."""
    keep = episode_art(episodes)
    folder = config.public_dir / "episodes"
    return [folder / f"{ep.post.slug}{suffix}" for ep in episodes
            for suffix in sorted(set(ART_SUFFIXES.values()))
            if f"episodes/{ep.post.slug}{suffix}" not in keep
            and (folder / f"{ep.post.slug}{suffix}").is_file()]


def publish_episode_art(config: Config, episodes: list[Episode]) -> None:
    """Copy each post's own artwork to ``public/episodes/<slug>.jpg|.png`` (or remove a stale
    copy when the post no longer has one)."""
    for path in stale_episode_art(config, episodes):
        path.unlink()
    for relative, source in episode_art(episodes).items():
        copy_atomic(source, config.public_dir / relative)


def episode_summary(episode: Episode) -> str:
    """The episode's one summary line (``podcaster.publish.summary``)."""
    return summary(episode.post, episode.segments)


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
                title = f'<a href="{esc(chapter.url)}">{title}</a>'
            items.append(f"<li>{timecode(chapter.start, pad_lead=True)} {title}</li>")
        parts.append(f"<p>{NOTES_CHAPTERS}</p><ul>{''.join(items)}</ul>")
    if episode.post.sources:
        items = []
        for source in episode.post.sources:
            title = esc(source.title)
            if source.url:
                title = f'<a href="{esc(source.url)}">{title}</a>'
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
    from feedgen.feed import FeedGenerator  # here: a build that renders no feed skips it

    from podcaster.publish import feedext

    fg = FeedGenerator()
    fg.load_extension("podcast")
    feedext.register(fg)
    fg.title(show.title)
    fg.link(href=config.feed_url, rel="self", type="application/rss+xml")
    fg.link(href=show.website, rel="alternate")  # RSS <link> takes the last link given
    fg.description(show.description)
    fg.language(show.language)
    fg.generator("podcaster")  # no version: an upgrade alone must not change the feed
    cover = config.url(cover_name(config))
    fg.image(url=cover, title=show.title, link=show.website)
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
    fg.podcastindex.person(show.author, "host", href=show.website,
                           img=cover if own_cover else None)
    if show.funding_url:
        fg.podcastindex.funding(show.funding_url, show.funding_text)

    ordered = sorted(episodes, key=lambda e: (e.post.date, e.post.slug))
    for ep in ordered:  # feedgen prepends entries: add oldest first to list newest first
        slug = ep.post.slug
        fe = fg.add_entry()
        fe.guid(episode_guid(config, ep), permalink=False)
        fe.title(ep.post.title)
        fe.link(href=config.url(episode_page_path(ep)))
        fe.description(episode_summary(ep))
        fe.content(show_notes(ep), type="CDATA")
        fe.enclosure(episode_url(config, ep), str(ep.size), "audio/mpeg")
        fe.published(pub_date(config, ep.post.date))
        fe.podcast.itunes_duration(timecode(ep.duration, hours=True, pad_lead=True, round_down=False))
        fe.podcast.itunes_episode(ep.number)
        fe.podcast.itunes_episode_type("full")
        for suffix in sorted(set(ART_SUFFIXES.values())):
            if exists(f"episodes/{slug}{suffix}"):
                fe.podcast.itunes_image(config.url(f"episodes/{slug}{suffix}"))
                break
        for suffix, (mime, rel) in TRANSCRIPTS.items():
            if exists(f"episodes/{slug}{suffix}"):
                fe.podcastindex.transcript(config.url(f"episodes/{slug}{suffix}"), mime,
                                           language=show.language, rel=rel)
        if exists(f"episodes/{slug}{CHAPTERS_SUFFIX}"):
            fe.podcastindex.chapters(config.url(f"episodes/{slug}{CHAPTERS_SUFFIX}"))
    # The newest episode's date, not the clock: an unchanged rebuild gives the same bytes.
    fg.lastBuildDate(pub_date(config, ordered[-1].post.date))
    return fg.rss_str(pretty=True)
