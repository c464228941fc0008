"""The feed's checks: RSS 2.0, Apple's channel and item tags, Podcasting 2.0 tags, GUIDs
derived from the posts, enclosures whose lengths and durations match the files."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from pathlib import Path

from lxml import etree

from podcaster.check.artwork import check_artwork
from podcaster.check.files import check_chapters, check_transcript
from podcaster.check.report import CheckResult, Report, shown, whole_number
from podcaster.config.formats import LANGUAGE
from podcaster.errors import PodcasterError
from podcaster.model import Post
from podcaster.publish.feedext import ITUNES_NS, PODCAST_NS
from podcaster.publish.layout import feed_url, post_guid, show_guid, slug_of_audio_url
from podcaster.publish.tag import audio_duration
from podcaster.text.read import find_posts, read_post
from podcaster.values import is_web_url

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

NS = {
    "itunes": ITUNES_NS,
    "podcast": PODCAST_NS,
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
}

DESCRIPTION_MAX_BYTES = 4000
DURATION_TOLERANCE = 2.0  # seconds between itunes:duration and the decoded audio

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def find_text(parent, path: str) -> str | None:
    """The stripped text of ``parent``'s child at ``path`` (a path in ``NS``), None if empty."""
    elem = parent.find(path, NS)
    if elem is None or elem.text is None or not elem.text.strip():
        return None
    return elem.text.strip()


def parse_duration(text: str) -> float | None:
    """Seconds of an ``itunes:duration`` (``SS``, ``MM:SS`` or ``HH:MM:SS``), None if invalid."""
    parts = text.strip().split(":")
    if not 1 <= len(parts) <= 3 or not all(re.fullmatch(r"\d+(\.\d+)?", p) for p in parts):
        return None
    seconds = 0.0
    for part in parts:
        seconds = seconds * 60 + float(part)
    return seconds


def rfc822(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        value = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return value if value.tzinfo else None


def check_feed(report: Report) -> CheckResult:
    if not report.feed_path.is_file():
        report.problem(report.feed_where, "not found (run podcaster build first)")
        return report.result
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(report.feed_path.read_bytes(), parser)
    except etree.XMLSyntaxError as exc:
        report.problem(report.feed_where, f"not well-formed XML: {exc}")
        return report.result
    channel = root.find("channel")
    if root.tag != "rss" or root.get("version") != "2.0" or channel is None:
        report.problem(report.feed_where, "not an RSS 2.0 feed (<rss version=\"2.0\"><channel>)")
        return report.result
    items = channel.findall("item")
    report.result.episodes = len(items)
    check_channel(report, channel, items)
    posts = posts_by_slug(report, )
    seen_guids: dict[str, int] = {}
    seen_urls: dict[str, int] = {}
    seen_numbers: dict[str, int] = {}
    slugs = set()
    previous_date = None
    for n, item in enumerate(items, start=1):
        slug, date = check_item(report, n, item, posts, seen_guids, seen_urls, seen_numbers)
        slugs.add(slug)
        if date and previous_date and date > previous_date:
            report.problem(item_where(report, n, slug), "items are not newest first")
        previous_date = date or previous_date
    for slug, post in sorted(posts.items()):
        if slug not in slugs:
            report.outdated(report.rel(post.path),
                            "post is not in the feed (run podcaster build)")
    return report.result


def check_channel(report: Report, channel, items) -> None:
    where = f"{report.feed_where}: channel"
    for tag in ("title", "link", "description", "language"):
        if find_text(channel, tag) is None:
            report.problem(where, f"missing <{tag}>")
    link = find_text(channel, "link")
    if link and not is_web_url(link):
        report.problem(where, f"<link> is not an absolute URL: {link}")
    description = find_text(channel, "description") or ""
    if len(description.encode("utf-8")) > DESCRIPTION_MAX_BYTES:
        report.problem(where, f"<description> is over {DESCRIPTION_MAX_BYTES} bytes")
    language = find_text(channel, "language")
    if language and not LANGUAGE.match(language):
        report.problem(where, f"<language> is not a language code: {language}")

    self_link = channel.find("atom:link[@rel='self']", NS)
    if self_link is None:
        report.problem(where, 'missing <atom:link rel="self">')
    elif self_link.get("href") != feed_url(report.config):
        report.outdated(where, f'<atom:link rel="self"> is {self_link.get("href")!r}, '
                               f"not the feed's URL {feed_url(report.config)}")

    image = channel.find("itunes:image", NS)
    if image is None or not image.get("href"):
        report.problem(where, "missing <itunes:image href> (show artwork)")
    else:
        check_artwork(report, where, "itunes:image", image.get("href"))

    check_category(report, where, channel.findall("itunes:category", NS))
    explicit = find_text(channel, "itunes:explicit")
    if explicit not in ("true", "false"):
        report.problem(where, f'itunes:explicit must be "true" or "false", got {explicit!r}')
    if find_text(channel, "itunes:author") is None:
        report.problem(where, "missing <itunes:author>")
    if find_text(channel, "itunes:owner/itunes:name") is None:
        report.problem(where, "missing <itunes:owner><itunes:name>")
    owner_email = find_text(channel, "itunes:owner/itunes:email")
    if owner_email is None or "@" not in owner_email:
        report.problem(where, f"<itunes:owner><itunes:email> is not an e-mail: {owner_email!r}")
    itunes_type = find_text(channel, "itunes:type")
    if itunes_type not in ("episodic", "serial"):
        report.problem(where, f'itunes:type must be "episodic" or "serial", got {itunes_type!r}')

    guid = find_text(channel, "podcast:guid")
    if guid is None:
        report.problem(where, "missing <podcast:guid>")
    elif not _UUID.match(guid):
        report.problem(where, f"podcast:guid is not a UUID: {guid}")
    elif guid.lower() != show_guid(report.config).lower():
        report.outdated(where, f"podcast:guid {guid} is not the show's ({show_guid(report.config)}, "
                               "feed.guid or derived from the feed URL); it must never change")
    locked = channel.find("podcast:locked", NS)
    if locked is None:
        report.problem(where, "missing <podcast:locked>")
    else:
        if (locked.text or "").strip() not in ("yes", "no"):
            report.problem(where, f'podcast:locked must be "yes" or "no", got {locked.text!r}')
        if "@" not in (locked.get("owner") or ""):
            report.problem(where, "podcast:locked has no owner e-mail")

    if not items:
        report.problem(where, "no <item>: Apple Podcasts needs at least one episode")
    build_date_text = find_text(channel, "lastBuildDate")
    build_date = rfc822(build_date_text)
    if build_date_text and build_date is None:
        report.problem(where, f"lastBuildDate is not an RFC 822 date: {build_date_text}")
    dates = [d for d in (rfc822(find_text(i, "pubDate")) for i in items) if d]
    if build_date and dates and build_date != max(dates):
        report.problem(where, f"lastBuildDate {build_date_text} is not the newest episode's "
                              "date (the feed would change on every build)")


def check_category(report: Report, where: str, categories) -> None:
    if not categories:
        report.problem(where, "missing <itunes:category>")
    for cat in categories:
        name = cat.get("text")
        if name not in APPLE_CATEGORIES:
            report.problem(where, f"itunes:category {name!r} is not an Apple Podcasts category")
            continue
        for sub in cat.findall("itunes:category", NS):
            if sub.get("text") not in APPLE_CATEGORIES[name]:
                report.problem(where, f"itunes:category {sub.get('text')!r} is not a "
                                      f"subcategory of {name!r}")


def item_where(report: Report, n: int, slug: str | None) -> str:
    return f"{report.feed_where}: item {n}" + (f" ({slug})" if slug else "")


def check_item(report: Report, n, item, posts, seen_guids, seen_urls, seen_numbers):
    """Check one <item>; returns its slug (from the enclosure URL) and its pubDate."""
    enclosure = item.find("enclosure")
    url = enclosure.get("url") if enclosure is not None else None
    slug = slug_of_audio_url(url) if url else None
    where = item_where(report, n, slug)

    if find_text(item, "title") is None:
        report.problem(where, "missing <title>")
    if find_text(item, "description") is None:
        report.problem(where, "missing <description>")

    guid_elem = item.find("guid")
    guid = find_text(item, "guid")
    if guid is None:
        report.problem(where, "missing <guid>")
    else:
        if guid_elem.get("isPermaLink", "true") != "false" and not is_web_url(guid):
            report.problem(where, f'guid {guid} is not a URL: it needs isPermaLink="false"')
        if guid in seen_guids:
            report.problem(where, f"duplicate guid {guid} (also item {seen_guids[guid]})")
        else:
            seen_guids[guid] = n
        post = posts.get(slug) if slug else None
        if post is not None:
            expected = post_guid(report.config, post)
            if guid != expected:
                report.outdated(where, f"guid {guid} is not the one derived from "
                                       f"{report.rel(post.path)} ({expected}): a changed guid "
                                       "makes apps download the episode again")
        elif slug and posts:
            report.outdated(where, f"no post in posts/ has the slug {slug!r} "
                                   "(run podcaster build)")

    date_text = find_text(item, "pubDate")
    date = rfc822(date_text)
    if date_text is None:
        report.problem(where, "missing <pubDate>")
    elif date is None:
        report.problem(where, f"pubDate is not an RFC 822 date with a zone: {date_text}")

    audio = check_enclosure(report, where, enclosure, seen_urls, n)
    duration = check_duration(report, where, item, audio)

    number = find_text(item, "itunes:episode")
    if number is None:
        report.problem(where, "missing <itunes:episode>")
    elif (whole_number(number) or 0) < 1:
        report.problem(where, f"itunes:episode must be a positive whole number, "
                              f"got {shown(number)}")
    elif number in seen_numbers:
        report.problem(where, f"itunes:episode {number} repeats item {seen_numbers[number]}")
    else:
        seen_numbers[number] = n
    episode_type = find_text(item, "itunes:episodeType")
    if episode_type not in ("full", "trailer", "bonus"):
        report.problem(where, f"itunes:episodeType must be full, trailer or bonus, "
                              f"got {episode_type!r}")
    image = item.find("itunes:image", NS)
    if image is not None:
        check_artwork(report, where, "itunes:image", image.get("href"))
    for transcript in item.findall("podcast:transcript", NS):
        check_transcript(report, where, transcript, duration)
    chapters = item.findall("podcast:chapters", NS)
    if len(chapters) > 1:
        report.problem(where, "more than one <podcast:chapters>")
    for elem in chapters:
        check_chapters(report, where, elem, duration)
    return slug, date


def check_enclosure(report: Report, where: str, enclosure, seen_urls, n) -> Path | None:
    """Check <enclosure>; returns the audio file when it exists."""
    if enclosure is None:
        report.problem(where, "missing <enclosure>")
        return None
    url = enclosure.get("url") or ""
    if enclosure.get("type") != "audio/mpeg":
        report.problem(where, f"enclosure type must be audio/mpeg, got {enclosure.get('type')!r}")
    if url in seen_urls:
        report.problem(where, f"enclosure URL {url} repeats item {seen_urls[url]}")
    seen_urls[url] = n
    if report.config.show.enclosure_prefix and not url.startswith(
            report.config.show.enclosure_prefix):
        report.outdated(where, f"enclosure URL {url} does not start with show.enclosure_prefix "
                               f"({report.config.show.enclosure_prefix})")
        return None
    file = report.local_file(where, "enclosure", url, media=True)
    if file is None:
        return None
    length = enclosure.get("length", "")
    if whole_number(length) is None:
        report.problem(where, f"enclosure length is not a number of bytes: {shown(length)!r}")
    elif whole_number(length) != file.stat().st_size:
        report.problem(where, f"enclosure length {shown(length)} does not match "
                              f"{report.rel(file)} ({file.stat().st_size} bytes)")
    return file


def check_duration(report: Report, where: str, item, audio: Path | None) -> float | None:
    """Check itunes:duration against the audio's length; returns the audio's duration."""
    text = find_text(item, "itunes:duration")
    stated = parse_duration(text) if text else None
    if text is None:
        report.problem(where, "missing <itunes:duration>")
    elif stated is None:
        report.problem(where, f"itunes:duration is not seconds or HH:MM:SS: {text}")
    if audio is None:
        return stated
    try:
        actual = audio_duration(audio)
    except PodcasterError as exc:
        reason = exc.message.removeprefix(f"{audio}: ")
        report.problem(report.rel(audio), f"cannot read the audio: {reason}")
        return stated
    if actual <= 0:
        report.problem(report.rel(audio), "the audio is empty")
    elif stated is not None and abs(stated - actual) > DURATION_TOLERANCE:
        report.problem(where, f"itunes:duration {text} does not match the audio "
                              f"({actual:.1f} s in {report.rel(audio)})")
    return actual


def posts_by_slug(report: Report) -> dict[str, Post]:
    """The project's published (non-draft) posts by slug, to check GUIDs are stable."""
    posts: dict[str, Post] = {}
    folder = report.config.posts_dir
    if not folder.is_dir():
        report.problem(report.rel(folder), "posts folder not found")
        return posts
    for path in find_posts(folder):
        try:
            post = read_post(path, inside=(report.config.project_dir, folder))
        except PodcasterError as exc:
            report.problem(report.rel(path), exc.message.removeprefix(f"{path}: "))
            continue
        if not post.draft:
            posts[post.slug] = post
    return posts
