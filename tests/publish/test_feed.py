"""The feed: what podcast clients read from it, every tag queried with XPath, stable GUIDs and
byte-identical rebuilds."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import re
import shutil
import uuid
from array import array
from email.utils import parsedate_to_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import lxml.html
import podcastparser
import pytest
from click.testing import CliRunner
from PIL import Image

from podcaster import ffmpeg
from podcaster.cli import main
from podcaster.config import load_config
from podcaster.errors import ConfigError, PodcasterError
from podcaster.model import Post, Source
from podcaster.publish.feed import render_feed, show_notes
from podcaster.publish.layout import (
    cover_name,
    episode_guid,
    feed_url,
    post_guid,
    publish_episode_art,
    show_guid,
    slug_of_audio_name,
    strip_scheme,
)
from podcaster.publish.summary import episode_summary
from podcaster.speech.engines import _REGISTRY, Audio, Engine
from podcaster.text.read import read_post
from tests.helpers import FEED_SHOW, feed_episode, make_config, mp3_of, one, parse_xml, xpath

PODCAST_GUID_NS = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
SEOUL = ZoneInfo("Asia/Seoul")


def assert_author_and_owner(channel, author: str, email: str) -> None:
    """The channel's author and owner (the show's author, the owner's e-mail); episodic."""
    assert one(channel, "itunes:author/text()") == author
    assert one(channel, "itunes:owner/itunes:name/text()") == author
    assert one(channel, "itunes:owner/itunes:email/text()") == email
    assert one(channel, "itunes:type/text()") == "episodic"


# -- rendering, without audio ---------------------------------------------------------------


def test_items_newest_first_with_dates_at_the_configured_time(tmp_path):
    config = make_config(tmp_path, '[feed]\npublish_time = "07:30"\ntime_zone = "America/New_York"\n')
    a = feed_episode(config, "2025-03-01", "first", 1)
    b = feed_episode(config, "2025-03-09", "second", 2)  # the day US daylight saving starts
    root = parse_xml(render_feed(config, [a, b]))
    items = xpath(root, "/rss/channel/item")
    assert [one(i, "title/text()") for i in items] == ["second 이야기", "first 이야기"]
    dates = [parsedate_to_datetime(one(i, "pubDate/text()")) for i in items]
    zone = ZoneInfo("America/New_York")
    assert dates == [dt.datetime(2025, 3, 9, 7, 30, tzinfo=zone),
                     dt.datetime(2025, 3, 1, 7, 30, tzinfo=zone)]
    assert one(items[0], "pubDate/text()").endswith("-0400")
    assert one(items[1], "pubDate/text()").endswith("-0500")
    assert parsedate_to_datetime(one(root, "/rss/channel/lastBuildDate/text()")) == dates[0]


def test_default_publish_time_is_seven_pm_in_seoul(tmp_path):
    config = make_config(tmp_path)
    root = parse_xml(render_feed(config, [feed_episode(config, "2025-11-03", "x", 1)]))
    assert one(root, "//item/pubDate/text()") == "Mon, 03 Nov 2025 19:00:00 +0900"


def test_render_is_deterministic_and_holds_no_clock_time(tmp_path):
    config = make_config(tmp_path)
    episodes = [feed_episode(config, "2024-02-29", "leap", 1),
                feed_episode(config, "2024-03-02", "next", 2)]
    first = render_feed(config, episodes)
    assert render_feed(config, list(reversed(episodes))) == first
    text = first.decode("utf-8")
    # every date in the feed is an episode's date; the channel has no pubDate of its own
    stamps = set(re.findall(r"<(?:pubDate|lastBuildDate)>([^<]+)<", text))
    assert stamps == {"Thu, 29 Feb 2024 19:00:00 +0900", "Sat, 02 Mar 2024 19:00:00 +0900"}
    assert xpath(parse_xml(first), "/rss/channel/pubDate") == []
    assert one(parse_xml(first), "/rss/channel/generator/text()") == "podcaster"
    assert str(dt.date.today().year) not in text.replace("2024", "")


def test_an_empty_feed_is_refused(tmp_path):
    with pytest.raises(PodcasterError):
        render_feed(make_config(tmp_path), [])


def test_guid_depends_only_on_the_show_and_the_post(tmp_path):
    config = make_config(tmp_path)
    ep = feed_episode(config, "2025-11-03", "robot", 1)
    rebuilt = feed_episode(config, "2025-11-03", "robot", 7, size=999, duration=301.0)
    rebuilt.audio_path = tmp_path / "elsewhere.mp3"
    guid = episode_guid(config, ep)
    assert uuid.UUID(guid).version == 5
    assert episode_guid(config, rebuilt) == guid
    root_a = parse_xml(render_feed(config, [ep]))
    root_b = parse_xml(render_feed(config, [rebuilt]))
    assert one(root_a, "//item/guid/text()") == one(root_b, "//item/guid/text()") == guid
    assert one(root_a, "//item/guid/@isPermaLink") == "false"
    # another slug or another day is another episode
    assert episode_guid(config, feed_episode(config, "2025-11-03", "robot2", 1)) != guid
    assert episode_guid(config, feed_episode(config, "2025-11-04", "robot", 1)) != guid


def test_show_guid_follows_the_namespace_rule_and_can_be_pinned(tmp_path):
    config = make_config(tmp_path / "a")
    expected = str(uuid.uuid5(PODCAST_GUID_NS, "example.com/radio/feed.xml"))
    assert show_guid(config) == expected
    ep = feed_episode(config, "2025-11-03", "robot", 1)
    old_guid = episode_guid(config, ep)
    # the feed moves: with the old podcast:guid pinned, no episode GUID changes
    unpinned = FEED_SHOW.replace("https://example.com/radio/", "https://podcast.example.org/")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "podcast.toml").write_text(unpinned, encoding="utf-8")
    assert episode_guid(load_config(tmp_path / "b"), ep) != old_guid
    (tmp_path / "b" / "podcast.toml").write_text(unpinned + f'[feed]\nguid = "{expected}"\n',
                                                 encoding="utf-8")
    moved = load_config(tmp_path / "b")
    assert feed_url(moved) == "https://podcast.example.org/feed.xml"
    assert show_guid(moved) == expected
    assert episode_guid(moved, ep) == old_guid
    root = parse_xml(render_feed(moved, [feed_episode(moved, "2025-11-03", "robot", 1)]))
    assert one(root, "/rss/channel/podcast:guid/text()") == expected
    assert one(root, "//item/guid/text()") == old_guid


def test_guid_override_by_slug(tmp_path):
    config = make_config(tmp_path, '[episode_guids]\nrobot = "https://old-host.example/ep/17"\n')
    root = parse_xml(render_feed(config, [feed_episode(config, "2025-11-03", "robot", 1),
                                      feed_episode(config, "2025-11-04", "other", 2)]))
    guids = xpath(root, "//item/guid/text()")
    assert guids[1] == "https://old-host.example/ep/17"
    assert uuid.UUID(guids[0]).version == 5


def test_bad_feed_options_are_reported_together(tmp_path):
    extra = '[feed]\npublish_time = "7pm"\ntime_zone = "Mars/Olympus"\nguid = "abc"\n'
    with pytest.raises(ConfigError) as info:
        make_config(tmp_path, extra)
    message = info.value.message
    for text in ("feed.publish_time", "feed.time_zone", "feed.guid must be a UUID"):
        assert text in message
    with pytest.raises(ConfigError, match="episode_guids.b repeats"):
        make_config(tmp_path, '[episode_guids]\na = "same"\nb = "same"\n')


def test_transcripts_and_chapters_are_linked_when_their_files_exist(tmp_path):
    config = make_config(tmp_path)
    a = feed_episode(config, "2025-11-03", "with-files", 1)
    b = feed_episode(config, "2025-11-04", "without", 2)
    folder = config.public_dir / "episodes"
    folder.mkdir(parents=True)
    for name in ("with-files.vtt", "with-files.srt", "with-files.chapters.json"):
        (folder / name).write_text("x", encoding="utf-8")
    root = parse_xml(render_feed(config, [a, b]))
    item = one(root, "//item[title='with-files 이야기']")
    vtt = one(item, "podcast:transcript[@type='text/vtt']")
    assert vtt.get("url") == "https://example.com/radio/episodes/with-files.vtt"
    assert (vtt.get("language"), vtt.get("rel")) == ("ko", "captions")
    srt = one(item, "podcast:transcript[@type='application/x-subrip']")
    assert srt.get("url") == "https://example.com/radio/episodes/with-files.srt"
    assert srt.get("language") == "ko" and srt.get("rel") is None
    chapters = one(item, "podcast:chapters")
    assert chapters.get("url") == "https://example.com/radio/episodes/with-files.chapters.json"
    assert chapters.get("type") == "application/json+chapters"
    other = one(root, "//item[title='without 이야기']")
    assert xpath(other, "podcast:transcript | podcast:chapters") == []


def test_show_notes_hold_summary_chapter_times_and_source_links(tmp_path):
    config = make_config(tmp_path)
    ep = feed_episode(config, "2025-11-03", "robot", 1, description="오늘은 로봇 소식입니다.")
    item = one(parse_xml(render_feed(config, [ep])), "//item")
    assert one(item, "description/text()") == "오늘은 로봇 소식입니다."
    notes = lxml.html.fragment_fromstring(one(item, "content:encoded/text()"), create_parent="div")
    text = notes.text_content()
    assert "오늘은 로봇 소식입니다." in text
    assert "00:00 인사" in text
    assert "01:12 기사 1 · 로봇 <주방> & 반도체" in text  # 72.9 s, rounded down
    hrefs = notes.xpath("//a/@href")
    assert hrefs and set(hrefs) == {"https://news.example.com/a?x=1&y=2"}
    assert "한빛일보" in text
    # without a description, the summary names the sources covered
    plain = one(parse_xml(render_feed(config, [feed_episode(config, "2025-11-03", "r", 1)])),
                "//item/description/text()")
    assert "로봇 <주방> & 반도체" in plain


def test_channel_explicit_is_true_or_false(tmp_path):
    config = make_config(tmp_path, "")
    root = parse_xml(render_feed(config, [feed_episode(config, "2025-11-03", "a", 1)]))
    assert one(root, "/rss/channel/itunes:explicit/text()") == "false"
    (tmp_path / "podcast.toml").write_text(FEED_SHOW.replace('category = "Technology"',
                                                        'category = "Technology"\nexplicit = true'),
                                           encoding="utf-8")
    config = load_config(tmp_path)
    root = parse_xml(render_feed(config, [feed_episode(config, "2025-11-03", "a", 1)]))
    assert one(root, "/rss/channel/itunes:explicit/text()") == "true"


def test_episode_art_beside_the_post_is_published_and_linked(tmp_path):
    config = make_config(tmp_path)
    config.posts_dir.mkdir()
    ep = feed_episode(config, "2025-11-03", "robot", 1)
    Image.new("RGB", (1400, 1400), (200, 40, 40)).save(ep.post.path.with_suffix(".jpeg"), "JPEG")
    publish_episode_art(config, [ep])
    published = config.public_dir / "episodes" / "robot.jpg"
    assert published.read_bytes() == ep.post.path.with_suffix(".jpeg").read_bytes()
    root = parse_xml(render_feed(config, [ep]))
    assert one(root, "//item/itunes:image/@href") == "https://example.com/radio/episodes/robot.jpg"
    ep.post.path.with_suffix(".jpeg").unlink()
    publish_episode_art(config, [ep])
    assert not published.exists()
    assert xpath(parse_xml(render_feed(config, [ep])), "//item/itunes:image") == []


def test_cover_is_published_as_jpg_or_png(tmp_path):
    Image.new("RGB", (1400, 1400)).save(tmp_path / "art.jpeg", "JPEG")
    config = make_config(tmp_path)
    assert cover_name(config) == "cover.png"  # the default cover
    text = FEED_SHOW.replace('category = "Technology"', 'category = "Technology"\ncover = "art.jpeg"')
    (tmp_path / "podcast.toml").write_text(text, encoding="utf-8")
    config = load_config(tmp_path)
    assert cover_name(config) == "cover.jpg"
    root = parse_xml(render_feed(config, [feed_episode(config, "2025-11-03", "a", 1)]))
    assert one(root, "/rss/channel/itunes:image/@href") == "https://example.com/radio/cover.jpg"


# -- the built demo -------------------------------------------------------------------------


@pytest.fixture
def demo(built_demo) -> Path:
    """The demo project built once per run (read-only)."""
    return built_demo[0]


def demo_posts(project: Path) -> dict[str, Post]:
    posts = [read_post(p) for p in sorted((project / "posts").iterdir())]
    return {p.slug: p for p in posts if not p.draft}


def expected_date(post: Post) -> dt.datetime:
    return dt.datetime.combine(post.date, dt.time(19, 0), tzinfo=SEOUL)


def audio_seconds(path: Path) -> float:
    return ffmpeg.duration(path)


def assert_whole_seconds(seconds: int, mp3: Path) -> None:
    """A duration in whole seconds is the decoded audio's, rounded (to the nearest)."""
    decoded = audio_seconds(mp3)
    assert abs(seconds - decoded) <= 0.5 + 1e-3, (seconds, decoded, mp3.name)


def episode_numbers(posts: dict[str, Post]) -> dict[str, int]:
    """Episode N is the N-th post by date (then slug)."""
    ordered = sorted(posts.values(), key=lambda p: (p.date, p.slug))
    return {p.slug: n for n, p in enumerate(ordered, 1)}


def test_podcast_clients_find_every_episode(demo):
    public = demo / "public"
    posts = demo_posts(demo)
    data = (public / "feed.xml").read_bytes()

    gpodder = podcastparser.parse("https://evening-ai.example.org/feed.xml",
                                  (public / "feed.xml").open("rb"))
    assert gpodder["title"] == "별빛서재의 저녁 AI 소식"
    assert gpodder["cover_url"] == "https://evening-ai.example.org/cover.png"
    assert len(gpodder["episodes"]) == len(posts) == 3
    for ep in gpodder["episodes"]:
        (enclosure,) = ep["enclosures"]
        slug = slug_of_audio_name(enclosure["url"].rsplit("/", 1)[1])
        post = posts[slug]
        mp3 = mp3_of(public, slug)
        assert ep["title"] == post.title
        assert enclosure["url"] == f"https://evening-ai.example.org/episodes/{mp3.name}"
        assert enclosure["mime_type"] == "audio/mpeg"
        assert enclosure["file_size"] == mp3.stat().st_size
        assert_whole_seconds(ep["total_time"], mp3)
        assert ep["published"] == int(expected_date(post).timestamp())

    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.feed.language == "ko"
    assert len(parsed.entries) == 3
    for entry in parsed.entries:
        (enclosure,) = entry.enclosures
        slug = slug_of_audio_name(enclosure.href.rsplit("/", 1)[1])
        post = posts[slug]
        mp3 = mp3_of(public, slug)
        assert entry.title == post.title
        assert int(enclosure.length) == mp3.stat().st_size
        h, m, s = (int(x) for x in entry.itunes_duration.split(":"))
        assert_whole_seconds(h * 3600 + m * 60 + s, mp3)
        assert int(entry.itunes_episode) == episode_numbers(posts)[slug]
        published = dt.datetime(*entry.published_parsed[:6], tzinfo=dt.timezone.utc)
        assert published == expected_date(post)
        assert entry.id and not entry.guidislink


def test_every_tag_of_the_demo_feed(demo):
    config = load_config(demo)
    public = demo / "public"
    posts = demo_posts(demo)
    root = parse_xml((public / "feed.xml").read_bytes())
    ch = one(root, "/rss[@version='2.0']/channel")
    base = "https://evening-ai.example.org/"

    assert one(ch, "title/text()") == "별빛서재의 저녁 AI 소식"
    assert one(ch, "link/text()") == base
    assert one(ch, "description/text()").startswith("하루를 마무리하는 저녁")
    assert one(ch, "language/text()") == "ko"
    self_link = one(ch, "atom:link[@rel='self']")
    assert (self_link.get("href"), self_link.get("type")) == (base + "feed.xml",
                                                              "application/rss+xml")
    cover = one(ch, "itunes:image/@href")
    assert cover == base + "cover.png" and (public / "cover.png").is_file()
    with Image.open(public / "cover.png") as image:
        assert image.format in ("PNG", "JPEG") and image.width == image.height
        assert 1400 <= image.width <= 3000
    assert one(ch, "itunes:category/@text") == "News"
    assert one(ch, "itunes:category/itunes:category/@text") == "Tech News"
    assert one(ch, "itunes:explicit/text()") == "false"
    assert_author_and_owner(ch, "별빛서재", "host@example.com")
    assert one(ch, "podcast:guid/text()") == str(
        uuid.uuid5(PODCAST_GUID_NS, "evening-ai.example.org/feed.xml"))
    locked = one(ch, "podcast:locked")
    assert (locked.text, locked.get("owner")) == ("yes", "host@example.com")
    assert xpath(ch, "pubDate") == []

    items = xpath(ch, "item")
    newest = max(posts.values(), key=lambda p: p.date)
    assert parsedate_to_datetime(one(ch, "lastBuildDate/text()")) == expected_date(newest)
    dates = [parsedate_to_datetime(one(i, "pubDate/text()")) for i in items]
    assert dates == sorted(dates, reverse=True) and len(items) == len(posts)
    for item in items:
        enclosure = one(item, "enclosure")
        slug = slug_of_audio_name(enclosure.get("url").rsplit("/", 1)[1])
        post = posts[slug]
        mp3 = mp3_of(public, slug)
        assert one(item, "title/text()") == post.title
        guid = one(item, "guid")
        assert guid.get("isPermaLink") == "false"
        assert guid.text == post_guid(config, post)
        assert parsedate_to_datetime(one(item, "pubDate/text()")) == expected_date(post)
        assert enclosure.get("url") == f"{base}episodes/{mp3.name}"
        assert enclosure.get("length") == str(mp3.stat().st_size)
        assert enclosure.get("type") == "audio/mpeg"
        h, m, s = (int(x) for x in one(item, "itunes:duration/text()").split(":"))
        assert_whole_seconds(h * 3600 + m * 60 + s, mp3)
        assert one(item, "itunes:episodeType/text()") == "full"
        assert int(one(item, "itunes:episode/text()")) == episode_numbers(posts)[slug]
        assert one(item, "description/text()").strip()
        notes = lxml.html.fragment_fromstring(one(item, "content:encoded/text()"),
                                              create_parent="div")
        links = set(notes.xpath("//a/@href"))
        assert {s.url for s in post.sources if s.url} <= links
        timestamps = [li.text_content() for li in notes.xpath("//ul/li")]
        assert len(timestamps) >= 4 and all(re.match(r"\d\d:\d\d \S", t) for t in timestamps)
        chapters_file = public / "episodes" / f"{slug}.chapters.json"
        if chapters_file.is_file():  # the notes list the very chapters apps get from the file
            doc = json.loads(chapters_file.read_text(encoding="utf-8"))
            assert timestamps == [
                f"{int(c['startTime']) // 60:02d}:{int(c['startTime']) % 60:02d} {c['title']}"
                for c in doc["chapters"]]
        # transcripts and chapters are linked exactly when their files were built
        for suffix, mime in ((".vtt", "text/vtt"), (".srt", "application/x-subrip")):
            tags = xpath(item, f"podcast:transcript[@type='{mime}']")
            assert len(tags) == (public / "episodes" / f"{slug}{suffix}").is_file()
            for tag in tags:
                assert tag.get("url") == f"{base}episodes/{slug}{suffix}"
                assert tag.get("language") == "ko"
                assert tag.get("rel") == ("captions" if suffix == ".vtt" else None)
        chapters = xpath(item, "podcast:chapters")
        assert len(chapters) == (public / "episodes" / f"{slug}.chapters.json").is_file()
        for tag in chapters:
            assert tag.get("type") == "application/json+chapters"
    numbers = sorted(int(one(i, "itunes:episode/text()")) for i in items)
    assert numbers == list(range(1, len(items) + 1))


def test_clean_rebuild_gives_a_byte_identical_feed(demo, tmp_path):
    project = tmp_path / "demo"
    shutil.copytree(demo, project, ignore=shutil.ignore_patterns("public"))
    result = CliRunner().invoke(main, ["-q", "build", str(project), "--engine", "espeak"])
    assert result.exit_code == 0, result.output
    assert (project / "public" / "feed.xml").read_bytes() == \
        (demo / "public" / "feed.xml").read_bytes()


class ToneEngine(Engine):
    """A stand-in engine: a tone as long as the text would take to say."""

    name = "test-tone"

    def synthesize(self, text: str, voice) -> Audio:
        rate = 22050
        n = int(rate * (0.3 + 0.06 * len(text)))
        samples = array("h", (int(6000 * math.sin(2 * math.pi * 330 * i / rate))
                              for i in range(n)))
        return Audio(samples.tobytes(), rate)


def test_guids_survive_another_engine_and_other_audio_settings(demo, tmp_path,
                                                               monkeypatch):
    monkeypatch.setitem(_REGISTRY, ToneEngine.name, ToneEngine)
    project = tmp_path / "demo"
    shutil.copytree(demo, project, ignore=shutil.ignore_patterns("public", "posts"))
    (project / "posts").mkdir()
    post_file = sorted((demo / "posts").iterdir())[0]
    shutil.copy(post_file, project / "posts")
    with (project / "podcast.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[audio]\nbitrate = "96k"\nsample_rate = 22050\n')
    result = CliRunner().invoke(main, ["-q", "build", str(project), "--engine", ToneEngine.name])
    assert result.exit_code == 0, result.output

    def items(feed: Path) -> dict[str, tuple[str, str, str]]:
        root = parse_xml(feed.read_bytes())
        return {slug_of_audio_name(one(i, "enclosure/@url").rsplit("/", 1)[1]): (
                    one(i, "guid/text()"), one(i, "enclosure/@length"),
                    one(i, "itunes:duration/text()"))
                for i in xpath(root, "//item")}

    before = items(demo / "public" / "feed.xml")
    after = items(project / "public" / "feed.xml")
    (url,) = after
    assert after[url][0] == before[url][0]  # the same GUID
    assert after[url][1] != before[url][1]  # for different audio


def test_every_channel_and_item_tag_of_a_rendered_feed(tmp_path):
    """The tags of a feed rendered from hand-made episodes (no audio): fast, so the mutation
    runs use it; the demo's built feed is checked the same way below."""
    config = make_config(tmp_path, '\n[feed]\nlocked = true\n')
    eps = [feed_episode(config, "2025-11-03", "robot", 1, size=4321, duration=95.4),
           feed_episode(config, "2025-11-04", "chip", 2, size=8765, duration=3725.6)]
    data = render_feed(config, eps)
    assert data.startswith(b"<?xml") and b"\n  <channel>" in data  # pretty printed
    ch = one(parse_xml(data), "/rss/channel")
    base = "https://example.com/radio/"
    assert one(ch, "atom:link[@rel='self']/@href") == f"{base}feed.xml"
    assert one(ch, "atom:link[@rel='self']/@type") == "application/rss+xml"
    assert one(ch, "link/text()") == base
    assert one(ch, "language/text()") == "ko"
    assert one(ch, "image/url/text()") == f"{base}cover.png"
    assert one(ch, "image/title/text()") == "테스트 라디오"
    assert one(ch, "image/link/text()") == base
    assert_author_and_owner(ch, "시험 진행자", "radio@example.com")
    assert one(ch, "itunes:category/@text") == "Technology"
    assert one(ch, "podcast:locked/text()") == "yes"
    assert one(ch, "podcast:locked/@owner") == "radio@example.com"
    items = xpath(ch, "item")
    assert [one(i, "enclosure/@url") for i in items] == [
        f"{base}episodes/chip.mp3", f"{base}episodes/robot.mp3"]
    assert [one(i, "enclosure/@length") for i in items] == ["8765", "4321"]
    assert [one(i, "enclosure/@type") for i in items] == ["audio/mpeg"] * 2
    assert [one(i, "itunes:duration/text()") for i in items] == ["01:02:06", "00:01:35"]
    assert [one(i, "itunes:episode/text()") for i in items] == ["2", "1"]
    assert [one(i, "itunes:episodeType/text()") for i in items] == ["full"] * 2
    assert [one(i, "guid/@isPermaLink") for i in items] == ["false"] * 2
    assert [one(i, "guid/text()") for i in items] == [episode_guid(config, e) for e in eps[::-1]]
    assert b"<content:encoded><![CDATA[<p>" in data


def test_a_subcategory_and_an_unlocked_feed(tmp_path):
    config = make_config(tmp_path / "b", '\n[feed]\nlocked = false\n')
    config = dataclasses.replace(config, show=dataclasses.replace(config.show,
                                                                  subcategory="Tech News"))
    ch = one(parse_xml(render_feed(config, [feed_episode(config, "2025-11-03", "r", 1)])),
             "/rss/channel")
    assert one(ch, "itunes:category/@text") == "Technology"
    assert one(ch, "itunes:category/itunes:category/@text") == "Tech News"
    assert one(ch, "podcast:locked/text()") == "no"


def test_show_notes_in_full(tmp_path):
    config = make_config(tmp_path)
    ep = feed_episode(config, "2025-11-03", "robot", 1, description="요약입니다.")
    ep.post.sources.append(Source(2, "출처만 있는 글", "", ""))
    notes = show_notes(ep)
    assert notes == (
        "<p>요약입니다.</p>\n"
        "<p>차례</p><ul><li>00:00 인사</li><li>01:12 <a href=\"https://news.example.com/a?x=1"
        "&amp;y=2\">기사 1 · 로봇 &lt;주방&gt; &amp; 반도체</a></li></ul>\n"
        "<p>출처</p><ol><li><a href=\"https://news.example.com/a?x=1&amp;y=2\">로봇 &lt;주방&gt;"
        " &amp; 반도체</a> (한빛일보)</li><li>출처만 있는 글</li></ol>")


def test_the_summary_falls_back_to_sources_then_the_first_paragraph(tmp_path):
    config = make_config(tmp_path)
    ep = feed_episode(config, "2025-11-03", "robot", 1)
    ep.post.sources.append(Source(2, "둘째 소식", "", ""))
    assert episode_summary(ep) == "이번 회에서 다룬 소식: 로봇 <주방> & 반도체 · 둘째 소식"
    ep.post.sources.clear()
    assert episode_summary(ep) == "안녕하세요 시험 진행자입니다."
    long = "가" * 298 + "  나다라"  # 304 characters: cut at 299, trailing space dropped
    ep.segments[0].paragraphs[0] = long
    assert episode_summary(ep) == "가" * 298 + "…"
    ep.segments[0].paragraphs[0] = "가" * 300  # 300 fits
    assert episode_summary(ep) == "가" * 300
    ep.segments[0].paragraphs[0] = "가" * 301
    assert episode_summary(ep) == "가" * 299 + "…"
    ep.segments.clear()
    assert episode_summary(ep) == ep.post.title


@pytest.mark.parametrize("url, expected", [
    ("https://example.com/radio/feed.xml", "example.com/radio/feed.xml"),
    ("http://example.com/radio//", "example.com/radio"),
    ("example.com/x/", "example.com/x"),
    ("https://a.example/b://c/", "a.example/b://c"),
    ("https://example.com/radioX/", "example.com/radioX"),
])
def test_strip_scheme(url, expected):
    assert strip_scheme(url) == expected
