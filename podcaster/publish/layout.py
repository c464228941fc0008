"""The naming and URL scheme of ``public/``: what each published file is called, the URL it is
published at, and the GUIDs that name the show and its episodes.

The build names files with it, the feed, the pages and the tags link them with it, ``check``
maps URLs back to files with it, and ``serve`` recognises the MP3s with it.

File names on disk stay as readable as the slugs (``episodes/로봇-청소기.b2c1….mp3``); every URL
published is a valid URI (RFC 3986): the host in IDNA, every other non-ASCII character and
every character a URI cannot hold percent-encoded as UTF-8 (``uri``). A URL that is already a
URI is left exactly as it is, so an ASCII show publishes the same bytes as before.

GUIDs are derived from the feed URL as podcast.toml writes it (``base_url``), not from its
percent-encoded form: a show whose ``base_url`` holds non-ASCII characters keeps the GUIDs it
has always published.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from podcaster.config import Config
from podcaster.files import copy_atomic
from podcaster.model import Episode, Post

# Characters a URI holds as they are besides letters, digits and ``-._~``: the reserved ones
# (RFC 3986 2.2) and ``%``, so that a URL already percent-encoded is not encoded twice.
URI_SAFE = ":/?#[]@!$&'()*+,;=%~"
_BARE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")  # a "%" that starts no escape: "%25"

# The namespace every podcast:guid is derived in (Podcasting 2.0).
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")

FEED_NAME = "feed.xml"
EPISODES = "episodes"

# Episode artwork: an image beside the post file with the same name, published as
# episodes/<slug>.jpg|.png.
ART_SUFFIXES = {".jpg": ".jpg", ".jpeg": ".jpg", ".png": ".png"}

# Hex digits of the MP3's sha256 in its published name.
AUDIO_HASH_LENGTH = 12


def uri(iri: str) -> str:
    """``iri`` as a URI (RFC 3987 3.1): a non-ASCII host in IDNA (punycode), and every
    non-ASCII character, space, control character, ``"<>\\^`{|}`` and a ``%`` that starts
    no escape percent-encoded as UTF-8. Reserved characters and existing ``%xx`` escapes are
    kept; a URI comes back unchanged."""
    if iri.isascii() and quote(iri, safe=URI_SAFE) == iri and not _BARE_PERCENT.search(iri):
        return iri
    try:
        parts = urlsplit(iri)
        host = parts.hostname or ""
    except ValueError:  # no URL (an unclosed "[" host): every character encoded as it stands
        parts, host = None, ""
    if parts is not None and host and not host.isascii():
        netloc = parts.netloc
        try:
            ascii_host = host.encode("idna").decode("ascii")
        except UnicodeError:  # not a name IDNA takes: percent-encoded below, as RFC 3986 allows
            ascii_host = host
        userinfo, at, hostport = netloc.rpartition("@")
        netloc = userinfo + at + hostport.lower().replace(host, ascii_host, 1)
        iri = iri.replace(parts.netloc, netloc, 1)
    return _BARE_PERCENT.sub("%25", quote(iri, safe=URI_SAFE))


def url_path_name(url: str) -> str:
    """The last part of a URL's path, percent-escapes decoded (a file name in ``public/``);
    empty for what is no URL."""
    try:
        return unquote(Path(urlsplit(url).path).name)
    except ValueError:  # an unclosed "[" host
        return ""


def site_base(config: Config) -> str:
    """``show.base_url`` as a URI, with one trailing slash: every page and file under
    ``public/`` is published under it (the MP3s too, unless ``show.media_base_url``)."""
    return uri(config.show.base_url.rstrip("/") + "/")


def media_base(config: Config) -> str:
    """The URI the MP3s are published under: ``show.media_base_url`` when the audio is hosted
    apart from the pages, else ``site_base``."""
    base = config.show.media_base_url or config.show.base_url
    return uri(base.rstrip("/") + "/")


def site_url(config: Config, relative: str) -> str:
    """Absolute URL of a file under ``public/`` (``episodes/x.html``), on ``show.base_url``."""
    return site_base(config) + uri(relative.lstrip("/"))


def feed_url(config: Config) -> str:
    """The feed's own URL (its ``atom:link rel="self"``)."""
    return site_url(config, FEED_NAME)


def media_url(config: Config, relative: str) -> str:
    """Absolute URL of a media file under ``public/`` (``episodes/x.mp3``), on ``media_base``."""
    return media_base(config) + uri(relative.lstrip("/"))


def enclosure_url(config: Config, relative: str) -> str:
    """The URL podcast apps download a media file under public/ from: ``media_url`` with
    ``show.enclosure_prefix`` (an analytics redirect) in front. The one place an enclosure
    URL is made; the GUID, length and ``podcaster check`` go by the file itself."""
    return uri(config.show.enclosure_prefix) + media_url(config, relative)


def strip_enclosure_prefix(config: Config, url: str) -> str:
    """``url`` without ``show.enclosure_prefix`` (the media URL it redirects to)."""
    prefix = uri(config.show.enclosure_prefix)
    return url[len(prefix):] if prefix and url.startswith(prefix) else url


def relative_url(relative: str) -> str:
    """A link relative to a page (``episodes/x.html``, ``x.mp3``), as a URI reference."""
    return uri(relative)


# ---- GUIDs ---------------------------------------------------------------------------------

def strip_scheme(url: str) -> str:
    """``url`` without ``https://`` and trailing slashes, as podcast:guid is seeded."""
    return url.split("://", 1)[-1].rstrip("/")


def show_guid(config: Config) -> str:
    """The show's podcast:guid: ``feed.guid`` if pinned, else derived from the feed URL as
    podcast.toml writes it (see the module's docstring)."""
    if config.feed.guid:
        return config.feed.guid.strip().lower()
    written = config.show.base_url.rstrip("/") + "/" + FEED_NAME
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, strip_scheme(written)))


def post_guid(config: Config, post: Post) -> str:
    """The GUID of the post's episode: ``[episode_guids]`` for its slug, else a UUIDv5 of the
    post's date and slug in the show's podcast:guid."""
    return slug_guid(config, post.date.isoformat(), post.slug)


def slug_guid(config: Config, date: str, slug: str) -> str:
    """The GUID of the episode of the post dated ``date`` (YYYY-MM-DD) with ``slug``."""
    override = config.episode_guids.get(slug)
    if override:
        return override.strip()
    return str(uuid.uuid5(uuid.UUID(show_guid(config)), f"{date}/{slug}"))


def episode_guid(config: Config, episode: Episode) -> str:
    """The episode's GUID (see ``post_guid``): never changed by rebuilding, re-encoding or
    another engine."""
    return post_guid(config, episode.post)


# ---- file names ----------------------------------------------------------------------------

def cover_name(config: Config) -> str:
    """File name of the show's cover under public/ (``cover.jpg`` or ``cover.png``)."""
    suffix = Path(config.show.cover).suffix.lower()
    return "cover" + ART_SUFFIXES.get(suffix, suffix)


def audio_file_name(slug: str, sha256: str) -> str:
    """The published name of an episode's MP3: ``<slug>.<hash>.mp3``, named by its content.

    A changed MP3 gets a new name, so a file the feed points at is never rewritten: the new
    MP3 goes in beside the old one, the feed is switched to it, then the old one is removed.
    Podcast apps and CDNs never see a URL whose bytes (and length) changed. Slugs have no
    dots, so the slug is the name up to its first dot (``slug_of_audio_name``).
    """
    return f"{slug}.{sha256[:AUDIO_HASH_LENGTH]}.mp3"


def slug_of_audio_name(name: str) -> str:
    """The slug an MP3's file name belongs to."""
    return name.split(".", 1)[0]


def slug_of_audio_url(url: str) -> str:
    """The slug an enclosure URL's MP3 belongs to (percent-escapes decoded)."""
    return slug_of_audio_name(url_path_name(url))


def is_audio_name(name: str) -> bool:
    """Whether ``name`` is a content-addressed MP3 name ``audio_file_name`` gives."""
    parts = name.split(".")
    return (len(parts) == 3 and parts[2] == "mp3" and len(parts[1]) == AUDIO_HASH_LENGTH
            and all(c in "0123456789abcdef" for c in parts[1]))


def episode_file(slug: str, suffix: str) -> str:
    """A file of the episode ``slug`` relative to public/ (``episodes/<slug><suffix>``)."""
    return f"{EPISODES}/{slug}{suffix}"


def episode_audio_path(episode: Episode) -> str:
    """The episode's MP3 relative to public/."""
    return f"{EPISODES}/{episode.audio_path.name}"


def episode_url(config: Config, episode: Episode) -> str:
    """The episode's enclosure URL."""
    return enclosure_url(config, episode_audio_path(episode))


def episode_page_path(episode: Episode) -> str:
    """The episode's web page relative to public/."""
    return episode_file(episode.post.slug, ".html")


# ---- episode artwork -----------------------------------------------------------------------

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
            art[episode_file(ep.post.slug, ART_SUFFIXES[source.suffix.lower()])] = source
    return art


def stale_episode_art(config: Config, episodes: list[Episode]) -> list[Path]:
    """Published artwork of these episodes that their posts no longer have."""
    keep = episode_art(episodes)
    return [config.public_dir / episode_file(ep.post.slug, suffix) for ep in episodes
            for suffix in sorted(set(ART_SUFFIXES.values()))
            if episode_file(ep.post.slug, suffix) not in keep
            and (config.public_dir / episode_file(ep.post.slug, suffix)).is_file()]


def publish_episode_art(config: Config, episodes: list[Episode]) -> None:
    """Copy each post's own artwork to ``public/episodes/<slug>.jpg|.png`` (or remove a stale
    copy when the post no longer has one)."""
    for path in stale_episode_art(config, episodes):
        path.unlink()
    for relative, source in episode_art(episodes).items():
        copy_atomic(source, config.public_dir / relative)
