"""Lint the built output (``public/feed.xml`` and the files it links) against Apple Podcasts'
requirements and the Podcasting 2.0 namespace rules.

Every problem is one line naming the file (or feed item) and what is wrong. URLs are mapped
back to files under ``public/`` through ``show.base_url``, so lengths, artwork, durations,
transcripts and chapters are checked against the real files.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree
from PIL import Image, UnidentifiedImageError

from podcaster.config import Config, load_config
from podcaster.errors import PodcasterError
from podcaster.feed import post_guid, show_guid
from podcaster.feedext import CHAPTERS_TYPE, ITUNES_NS, PODCAST_NS
from podcaster.model import Post
from podcaster.read import find_posts, read_post
from podcaster.tag import audio_duration

log = logging.getLogger(__name__)

NS = {
    "itunes": ITUNES_NS,
    "podcast": PODCAST_NS,
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
}

# Apple Podcasts' categories and their subcategories.
APPLE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "Arts": ("Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"),
    "Business": ("Careers", "Entrepreneurship", "Investing", "Management", "Marketing",
                 "Non-Profit"),
    "Comedy": ("Comedy Interviews", "Improv", "Stand-Up"),
    "Education": ("Courses", "How To", "Language Learning", "Self-Improvement"),
    "Fiction": ("Comedy Fiction", "Drama", "Science Fiction"),
    "Government": (),
    "History": (),
    "Health & Fitness": ("Alternative Health", "Fitness", "Medicine", "Mental Health",
                         "Nutrition", "Sexuality"),
    "Kids & Family": ("Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"),
    "Leisure": ("Animation & Manga", "Automotive", "Aviation", "Crafts", "Games", "Hobbies",
                "Home & Garden", "Video Games"),
    "Music": ("Music Commentary", "Music History", "Music Interviews"),
    "News": ("Business News", "Daily News", "Entertainment News", "News Commentary", "Politics",
             "Sports News", "Tech News"),
    "Religion & Spirituality": ("Buddhism", "Christianity", "Hinduism", "Islam", "Judaism",
                                "Religion", "Spirituality"),
    "Science": ("Astronomy", "Chemistry", "Earth Sciences", "Life Sciences", "Mathematics",
                "Natural Sciences", "Nature", "Physics", "Social Sciences"),
    "Society & Culture": ("Documentary", "Personal Journals", "Philosophy", "Places & Travel",
                          "Relationships"),
    "Sports": ("Baseball", "Basketball", "Cricket", "Fantasy Sports", "Football", "Golf",
               "Hockey", "Rugby", "Running", "Soccer", "Swimming", "Tennis", "Volleyball",
               "Wilderness", "Wrestling"),
    "Technology": (),
    "True Crime": (),
    "TV & Film": ("After Shows", "Film History", "Film Interviews", "Film Reviews", "TV Reviews"),
}

ARTWORK_MIN, ARTWORK_MAX = 1400, 3000
ARTWORK_SUFFIXES = {"JPEG": ".jpg", "PNG": ".png"}  # the file extensions Apple asks for
DESCRIPTION_MAX_BYTES = 4000
DURATION_TOLERANCE = 2.0  # seconds between itunes:duration and the decoded audio
TIME_SLACK = 1.0  # seconds a transcript cue or chapter may reach past the audio's end
TRANSCRIPT_FORMATS = {"text/vtt": "vtt", "application/x-subrip": "srt", "application/srt": "srt"}

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_VTT_TIME = re.compile(r"^(?:(\d+):)?([0-5]\d):([0-5]\d)\.(\d{3})$")
_SRT_TIME = re.compile(r"^(\d+):([0-5]\d):([0-5]\d),(\d{3})$")


@dataclass(frozen=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class CheckResult:
    feed_path: Path
    episodes: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_project(project_dir: Path | str) -> CheckResult:
    """Lint ``PROJECT_DIR/public/feed.xml`` and the files it links. Raises ConfigError for a
    bad podcast.toml; every other finding is a Problem in the result."""
    return _Checker(load_config(project_dir)).run()


def is_absolute_url(url: str | None) -> bool:
    if not url:
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def parse_duration(text: str) -> float | None:
    """Seconds of an ``itunes:duration`` (``SS``, ``MM:SS`` or ``HH:MM:SS``), None if invalid."""
    parts = text.strip().split(":")
    if not 1 <= len(parts) <= 3 or not all(re.fullmatch(r"\d+(\.\d+)?", p) for p in parts):
        return None
    seconds = 0.0
    for part in parts:
        seconds = seconds * 60 + float(part)
    return seconds


def _text(parent, path: str) -> str | None:
    elem = parent.find(path, NS)
    if elem is None or elem.text is None or not elem.text.strip():
        return None
    return elem.text.strip()


def _rfc822(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        value = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return value if value.tzinfo else None


class _Checker:
    def __init__(self, config: Config):
        self.config = config
        self.public = config.public_dir
        self.feed_path = self.public / "feed.xml"
        self.result = CheckResult(self.feed_path)
        self.feed_where = self._rel(self.feed_path)

    # -- reporting -------------------------------------------------------------------------

    def problem(self, where: str, message: str) -> None:
        self.result.problems.append(Problem(where, message))

    def _rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.config.project_dir))
        except ValueError:
            return str(path)

    # -- the feed --------------------------------------------------------------------------

    def run(self) -> CheckResult:
        if not self.feed_path.is_file():
            self.problem(self.feed_where, "not found (run podcaster build first)")
            return self.result
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        try:
            root = etree.fromstring(self.feed_path.read_bytes(), parser)
        except etree.XMLSyntaxError as exc:
            self.problem(self.feed_where, f"not well-formed XML: {exc}")
            return self.result
        channel = root.find("channel")
        if root.tag != "rss" or root.get("version") != "2.0" or channel is None:
            self.problem(self.feed_where, "not an RSS 2.0 feed (<rss version=\"2.0\"><channel>)")
            return self.result
        items = channel.findall("item")
        self.result.episodes = len(items)
        self.check_channel(channel, items)
        posts = self.posts_by_slug()
        seen_guids: dict[str, int] = {}
        seen_urls: dict[str, int] = {}
        seen_numbers: dict[str, int] = {}
        slugs = set()
        previous_date = None
        for n, item in enumerate(items, start=1):
            slug, date = self.check_item(n, item, posts, seen_guids, seen_urls, seen_numbers)
            slugs.add(slug)
            if date and previous_date and date > previous_date:
                self.problem(self._item_where(n, slug), "items are not newest first")
            previous_date = date or previous_date
        for slug, post in sorted(posts.items()):
            if slug not in slugs:
                self.problem(self._rel(post.path), "post is not in the feed (run podcaster build)")
        return self.result

    def check_channel(self, channel, items) -> None:
        where = f"{self.feed_where}: channel"
        for tag in ("title", "link", "description", "language"):
            if _text(channel, tag) is None:
                self.problem(where, f"missing <{tag}>")
        link = _text(channel, "link")
        if link and not is_absolute_url(link):
            self.problem(where, f"<link> is not an absolute URL: {link}")
        description = _text(channel, "description") or ""
        if len(description.encode("utf-8")) > DESCRIPTION_MAX_BYTES:
            self.problem(where, f"<description> is over {DESCRIPTION_MAX_BYTES} bytes")
        language = _text(channel, "language")
        if language and not _LANGUAGE.match(language):
            self.problem(where, f"<language> is not a language code: {language}")

        self_link = channel.find("atom:link[@rel='self']", NS)
        if self_link is None:
            self.problem(where, 'missing <atom:link rel="self">')
        elif self_link.get("href") != self.config.feed_url:
            self.problem(where, f'<atom:link rel="self"> is {self_link.get("href")!r}, '
                                f"not the feed's URL {self.config.feed_url}")

        image = channel.find("itunes:image", NS)
        if image is None or not image.get("href"):
            self.problem(where, "missing <itunes:image href> (show artwork)")
        else:
            self.check_artwork(where, "itunes:image", image.get("href"))

        self.check_category(where, channel.findall("itunes:category", NS))
        explicit = _text(channel, "itunes:explicit")
        if explicit not in ("true", "false"):
            self.problem(where, f'itunes:explicit must be "true" or "false", got {explicit!r}')
        if _text(channel, "itunes:author") is None:
            self.problem(where, "missing <itunes:author>")
        if _text(channel, "itunes:owner/itunes:name") is None:
            self.problem(where, "missing <itunes:owner><itunes:name>")
        owner_email = _text(channel, "itunes:owner/itunes:email")
        if owner_email is None or "@" not in owner_email:
            self.problem(where, f"<itunes:owner><itunes:email> is not an e-mail: {owner_email!r}")
        itunes_type = _text(channel, "itunes:type")
        if itunes_type not in ("episodic", "serial"):
            self.problem(where, f'itunes:type must be "episodic" or "serial", got {itunes_type!r}')

        guid = _text(channel, "podcast:guid")
        if guid is None:
            self.problem(where, "missing <podcast:guid>")
        elif not _UUID.match(guid):
            self.problem(where, f"podcast:guid is not a UUID: {guid}")
        elif guid.lower() != show_guid(self.config).lower():
            self.problem(where, f"podcast:guid {guid} is not the show's ({show_guid(self.config)}, "
                                "feed.guid or derived from the feed URL); it must never change")
        locked = channel.find("podcast:locked", NS)
        if locked is None:
            self.problem(where, "missing <podcast:locked>")
        else:
            if (locked.text or "").strip() not in ("yes", "no"):
                self.problem(where, f'podcast:locked must be "yes" or "no", got {locked.text!r}')
            if "@" not in (locked.get("owner") or ""):
                self.problem(where, "podcast:locked has no owner e-mail")

        if not items:
            self.problem(where, "no <item>: Apple Podcasts needs at least one episode")
        build_date_text = _text(channel, "lastBuildDate")
        build_date = _rfc822(build_date_text)
        if build_date_text and build_date is None:
            self.problem(where, f"lastBuildDate is not an RFC 822 date: {build_date_text}")
        dates = [d for d in (_rfc822(_text(i, "pubDate")) for i in items) if d]
        if build_date and dates and build_date != max(dates):
            self.problem(where, f"lastBuildDate {build_date_text} is not the newest episode's "
                                "date (the feed would change on every build)")

    def check_category(self, where: str, categories) -> None:
        if not categories:
            self.problem(where, "missing <itunes:category>")
        for cat in categories:
            name = cat.get("text")
            if name not in APPLE_CATEGORIES:
                self.problem(where, f"itunes:category {name!r} is not an Apple Podcasts category")
                continue
            for sub in cat.findall("itunes:category", NS):
                if sub.get("text") not in APPLE_CATEGORIES[name]:
                    self.problem(where, f"itunes:category {sub.get('text')!r} is not a "
                                        f"subcategory of {name!r}")

    # -- items -----------------------------------------------------------------------------

    def _item_where(self, n: int, slug: str | None) -> str:
        return f"{self.feed_where}: item {n}" + (f" ({slug})" if slug else "")

    def check_item(self, n, item, posts, seen_guids, seen_urls, seen_numbers):
        """Check one <item>; returns its slug (from the enclosure URL) and its pubDate."""
        enclosure = item.find("enclosure")
        url = enclosure.get("url") if enclosure is not None else None
        slug = Path(urlsplit(url).path).stem if url else None
        where = self._item_where(n, slug)

        if _text(item, "title") is None:
            self.problem(where, "missing <title>")
        if _text(item, "description") is None:
            self.problem(where, "missing <description>")

        guid_elem = item.find("guid")
        guid = _text(item, "guid")
        if guid is None:
            self.problem(where, "missing <guid>")
        else:
            if guid_elem.get("isPermaLink", "true") != "false" and not is_absolute_url(guid):
                self.problem(where, f'guid {guid} is not a URL: it needs isPermaLink="false"')
            if guid in seen_guids:
                self.problem(where, f"duplicate guid {guid} (also item {seen_guids[guid]})")
            else:
                seen_guids[guid] = n
            post = posts.get(slug) if slug else None
            if post is not None:
                expected = post_guid(self.config, post)
                if guid != expected:
                    self.problem(where, f"guid {guid} is not the one derived from "
                                        f"{self._rel(post.path)} ({expected}): a changed guid "
                                        "makes apps download the episode again")
            elif slug and posts:
                self.problem(where, f"no post in posts/ has the slug {slug!r} "
                                    "(run podcaster build)")

        date_text = _text(item, "pubDate")
        date = _rfc822(date_text)
        if date_text is None:
            self.problem(where, "missing <pubDate>")
        elif date is None:
            self.problem(where, f"pubDate is not an RFC 822 date with a zone: {date_text}")

        audio = self.check_enclosure(where, enclosure, seen_urls, n)
        duration = self.check_duration(where, item, audio)

        number = _text(item, "itunes:episode")
        if number is None:
            self.problem(where, "missing <itunes:episode>")
        elif not number.isdigit() or int(number) < 1:
            self.problem(where, f"itunes:episode must be a positive whole number, got {number}")
        elif number in seen_numbers:
            self.problem(where, f"itunes:episode {number} repeats item {seen_numbers[number]}")
        else:
            seen_numbers[number] = n
        episode_type = _text(item, "itunes:episodeType")
        if episode_type not in ("full", "trailer", "bonus"):
            self.problem(where, f"itunes:episodeType must be full, trailer or bonus, "
                                f"got {episode_type!r}")
        image = item.find("itunes:image", NS)
        if image is not None:
            self.check_artwork(where, "itunes:image", image.get("href"))
        for transcript in item.findall("podcast:transcript", NS):
            self.check_transcript(where, transcript, duration)
        chapters = item.findall("podcast:chapters", NS)
        if len(chapters) > 1:
            self.problem(where, "more than one <podcast:chapters>")
        for elem in chapters:
            self.check_chapters(where, elem, duration)
        return slug, date

    def check_enclosure(self, where: str, enclosure, seen_urls, n) -> Path | None:
        """Check <enclosure>; returns the audio file when it exists."""
        if enclosure is None:
            self.problem(where, "missing <enclosure>")
            return None
        url = enclosure.get("url")
        if enclosure.get("type") != "audio/mpeg":
            self.problem(where, f"enclosure type must be audio/mpeg, got {enclosure.get('type')!r}")
        if url in seen_urls:
            self.problem(where, f"enclosure URL {url} repeats item {seen_urls[url]}")
        seen_urls[url] = n
        file = self.local_file(where, "enclosure", url)
        if file is None:
            return None
        length = enclosure.get("length", "")
        if not length.isdigit():
            self.problem(where, f"enclosure length is not a number of bytes: {length!r}")
        elif int(length) != file.stat().st_size:
            self.problem(where, f"enclosure length {length} does not match {self._rel(file)} "
                                f"({file.stat().st_size} bytes)")
        return file

    def check_duration(self, where: str, item, audio: Path | None) -> float | None:
        """Check itunes:duration against the audio's length; returns the audio's duration."""
        text = _text(item, "itunes:duration")
        stated = parse_duration(text) if text else None
        if text is None:
            self.problem(where, "missing <itunes:duration>")
        elif stated is None:
            self.problem(where, f"itunes:duration is not seconds or HH:MM:SS: {text}")
        if audio is None:
            return stated
        try:
            actual = audio_duration(audio)
        except PodcasterError as exc:
            reason = exc.message.removeprefix(f"{audio}: ")
            self.problem(self._rel(audio), f"cannot read the audio: {reason}")
            return stated
        if actual <= 0:
            self.problem(self._rel(audio), "the audio is empty")
        elif stated is not None and abs(stated - actual) > DURATION_TOLERANCE:
            self.problem(where, f"itunes:duration {text} does not match the audio "
                                f"({actual:.1f} s in {self._rel(audio)})")
        return actual

    # -- linked files ----------------------------------------------------------------------

    def local_file(self, where: str, what: str, url: str | None) -> Path | None:
        """The file under public/ that ``url`` serves, or None (with a problem) if there is
        none: relative URL, outside show.base_url, or missing file."""
        if not url:
            self.problem(where, f"{what} has no URL")
            return None
        if not is_absolute_url(url):
            self.problem(where, f"{what} URL is not absolute: {url}")
            return None
        base = self.config.show.base_url.rstrip("/") + "/"
        if not url.startswith(base):
            self.problem(where, f"{what} URL {url} is outside show.base_url ({base})")
            return None
        public = self.public.resolve()
        file = (public / unquote(urlsplit(url[len(base):]).path)).resolve()
        if public not in file.parents:
            self.problem(where, f"{what} URL {url} points outside public/")
            return None
        if not file.is_file():
            self.problem(where, f"{what}: {self._rel(file)} not found ({url})")
            return None
        return file

    def check_artwork(self, where: str, what: str, url: str | None) -> None:
        file = self.local_file(where, f"{what} (artwork)", url)
        if file is None:
            return
        try:
            with Image.open(file) as image:
                fmt, (width, height), mode = image.format, image.size, image.mode
        except (UnidentifiedImageError, OSError) as exc:
            self.problem(self._rel(file), f"artwork is not a readable image: {exc}")
            return
        at = self._rel(file)
        if fmt not in ARTWORK_SUFFIXES:
            self.problem(at, f"artwork must be JPEG or PNG, not {fmt}")
        elif file.suffix.lower() != ARTWORK_SUFFIXES[fmt]:
            self.problem(at, f"artwork is a {fmt} file named {file.suffix}, "
                             f"not {ARTWORK_SUFFIXES[fmt]}")
        if width != height:
            self.problem(at, f"artwork must be square, is {width}x{height} px")
        if not (ARTWORK_MIN <= width <= ARTWORK_MAX and ARTWORK_MIN <= height <= ARTWORK_MAX):
            self.problem(at, f"artwork is {width}x{height} px; Apple Podcasts needs "
                             f"{ARTWORK_MIN}-{ARTWORK_MAX} px")
        if mode not in ("RGB", "RGBA", "P"):
            self.problem(at, f"artwork must be in the RGB colour space, is {mode}")

    def check_transcript(self, where: str, elem, duration: float | None) -> None:
        url, mime = elem.get("url"), elem.get("type")
        if not mime:
            self.problem(where, f"podcast:transcript {url} has no type")
        if url and is_absolute_url(url) and not url.startswith("https://"):
            self.problem(where, f"podcast:transcript URL must be https: {url}")
        language = elem.get("language")
        if language is not None and not _LANGUAGE.match(language):
            self.problem(where, f"podcast:transcript language is not a language code: {language}")
        file = self.local_file(where, "podcast:transcript", url)
        if file is None or mime not in TRANSCRIPT_FORMATS:
            return
        fmt = TRANSCRIPT_FORMATS[mime]
        if file.suffix.lower() != f".{fmt}":
            self.problem(where, f"podcast:transcript type {mime} but the file is {file.name}")
        error = validate_timed_text(file.read_bytes(), fmt, duration)
        if error:
            self.problem(self._rel(file), error)

    def check_chapters(self, where: str, elem, duration: float | None) -> None:
        url = elem.get("url")
        if elem.get("type") != CHAPTERS_TYPE:
            self.problem(where, f"podcast:chapters type must be {CHAPTERS_TYPE}, "
                                f"got {elem.get('type')!r}")
        if url and is_absolute_url(url) and not url.startswith("https://"):
            self.problem(where, f"podcast:chapters URL must be https: {url}")
        file = self.local_file(where, "podcast:chapters", url)
        if file is None:
            return
        error = validate_chapters(file.read_bytes(), duration)
        if error:
            self.problem(self._rel(file), error)

    # -- posts -----------------------------------------------------------------------------

    def posts_by_slug(self) -> dict[str, Post]:
        """The project's published (non-draft) posts by slug, to check GUIDs are stable."""
        posts: dict[str, Post] = {}
        folder = self.config.posts_dir
        if not folder.is_dir():
            self.problem(self._rel(folder), "posts folder not found")
            return posts
        for path in find_posts(folder):
            try:
                post = read_post(path)
            except PodcasterError as exc:
                self.problem(self._rel(path), exc.message)
                continue
            if not post.draft:
                posts[post.slug] = post
        return posts


def _seconds(match: re.Match) -> float:
    h, m, s, ms = match.groups()
    return int(h or 0) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000


def validate_timed_text(data: bytes, fmt: str, duration: float | None) -> str | None:
    """None if ``data`` is a valid WebVTT (``fmt`` "vtt") or SubRip ("srt") file whose cues
    are in order and inside ``duration``; else what is wrong."""
    try:
        text = data.decode("utf-8").lstrip("\ufeff").replace("\r\n", "\n")
    except UnicodeDecodeError:
        return "transcript is not UTF-8 text"
    time_re = _VTT_TIME if fmt == "vtt" else _SRT_TIME
    blocks = [b for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    if fmt == "vtt":
        if not blocks or not re.match(r"^WEBVTT(?:[ \t].*)?$", blocks[0].split("\n")[0]):
            return 'WebVTT file does not start with "WEBVTT"'
        blocks = blocks[1:]
    cues = 0
    last_start = 0.0
    for block in blocks:
        lines = block.split("\n")
        timing = next((i for i, line in enumerate(lines) if "-->" in line), None)
        if timing is None:
            if fmt == "vtt" and lines[0].split(" ")[0] in ("NOTE", "STYLE", "REGION"):
                continue
            return f"cue without a timing line: {lines[0][:40]!r}"
        if fmt == "srt" and (timing != 1 or not lines[0].strip().isdigit()):
            return f"SubRip cue must be a number, then the timing line: {lines[0][:40]!r}"
        parts = lines[timing].split()
        if len(parts) < 3 or parts[1] != "-->":
            return f"bad timing line: {lines[timing]!r}"
        start, end = time_re.match(parts[0]), time_re.match(parts[2])
        if not start or not end:
            return f"bad timestamp in: {lines[timing]!r}"
        start_s, end_s = _seconds(start), _seconds(end)
        if end_s < start_s:
            return f"cue ends before it starts: {lines[timing]!r}"
        if start_s < last_start:
            return f"cues are not in time order at {parts[0]}"
        if duration is not None and end_s > duration + TIME_SLACK:
            return f"cue {parts[0]} --> {parts[2]} ends after the audio ({duration:.1f} s)"
        if not any(line.strip() for line in lines[timing + 1 :]):
            return f"cue {parts[0]} has no text"
        last_start = start_s
        cues += 1
    if not cues:
        return "transcript has no cues"
    return None


def validate_chapters(data: bytes, duration: float | None) -> str | None:
    """None if ``data`` is a valid Podcasting 2.0 JSON chapters file whose chapters start in
    order inside ``duration``; else what is wrong."""
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        return f"chapters file is not JSON: {exc}"
    if not isinstance(doc, dict) or not isinstance(doc.get("version"), str):
        return 'chapters file needs a "version" string'
    chapters = doc.get("chapters")
    if not isinstance(chapters, list) or not chapters:
        return 'chapters file needs a non-empty "chapters" list'
    last = -1.0
    for i, chapter in enumerate(chapters, start=1):
        start = chapter.get("startTime") if isinstance(chapter, dict) else None
        if isinstance(start, bool) or not isinstance(start, (int, float)) or start < 0:
            return f"chapter {i} has no valid startTime"
        if start < last:
            return f"chapter {i} starts before chapter {i - 1}"
        if duration is not None and start > duration + TIME_SLACK:
            return f"chapter {i} starts after the audio ends ({start} > {duration:.1f} s)"
        if "title" in chapter and not isinstance(chapter["title"], str):
            return f"chapter {i} title is not a string"
        for key in ("url", "img"):
            if key in chapter and not is_absolute_url(chapter[key]):
                return f"chapter {i} {key} is not an absolute URL: {chapter[key]!r}"
        last = start
    return None
