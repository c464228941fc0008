"""``podcaster check``'s feed rules from both sides, on a small hand-made project (two posts,
two MP3s (podcaster's own intro), the default cover; no synthesis): the clean project passes, and each broken
value gives its one line, while the value just inside the rule gives none."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from lxml import etree

from podcaster.check.feed import (
    APPLE_CATEGORIES,
    check_feed,
    parse_duration,
    rfc822,
)
from podcaster.check.report import Report, shown, whole_number
from podcaster.config import default_asset, load_config
from podcaster.publish.feed import render_feed
from podcaster.publish.layout import cover_name, episode_audio_path, post_guid, show_guid
from podcaster.publish.tag import audio_duration
from podcaster.text.read import read_post
from tests.helpers import feed_episode

NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "atom": "http://www.w3.org/2005/Atom",
}
SHOW = """[show]
title = "바다 라디오"
author = "김바다"
description = "바다 이야기를 나누는 방송."
base_url = "https://example.net/sea/"
owner_email = "sea@example.net"
"""
POSTS = [("2025-03-01", "first"), ("2025-03-08", "second")]
FEED = "public/feed.xml"
CH = f"{FEED}: channel"


def write_project(root: Path, extra: str = "") -> Path:
    """Two posts, their MP3s (podcaster's own intro), the default cover and the feed that
    the build would write for them."""
    (root / "posts").mkdir(parents=True)
    (root / "podcast.toml").write_text(SHOW + extra, encoding="utf-8")
    for day, slug in POSTS:
        (root / "posts" / f"{day}-{slug}.txt").write_text(
            f"{slug} 이야기\n안녕하세요 바다 라디오입니다.\n오늘은 파도 이야기를 합니다.\n",
            encoding="utf-8")
    config = load_config(root)
    episodes = []
    for number, (day, slug) in enumerate(POSTS, start=1):
        episode = feed_episode(config, day, slug, number)
        episode = dataclasses.replace(episode, post=read_post(config.posts_dir / f"{day}-{slug}.txt"))
        mp3 = config.public_dir / episode_audio_path(episode)
        mp3.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(default_asset("intro.mp3"), mp3)
        episodes.append(dataclasses.replace(episode, size=mp3.stat().st_size,
                                            duration=audio_duration(mp3)))
    shutil.copy(default_asset("cover.png"), config.public_dir / cover_name(config))
    (config.public_dir / "feed.xml").write_bytes(render_feed(config, episodes))
    return root


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> Path:
    return write_project(tmp_path_factory.mktemp("check") / "sea")


@pytest.fixture
def sea(clean, tmp_path) -> Path:
    """A private copy of the clean project, free to break."""
    return Path(shutil.copytree(clean, tmp_path / "sea"))


class Feed:
    def __init__(self, project: Path):
        self.path = project / FEED
        self.root = etree.fromstring(self.path.read_bytes())
        self.channel = self.root.find("channel")
        self.items = self.channel.findall("item")

    def find(self, path: str, parent=None):
        return (self.channel if parent is None else parent).find(path, NS)

    def remove(self, path: str, parent=None) -> None:
        parent = self.channel if parent is None else parent
        parent.remove(parent.find(path, NS))

    def set_text(self, path: str, text: str | None, parent=None) -> None:
        self.find(path, parent).text = text

    def save(self) -> None:
        self.path.write_bytes(etree.tostring(self.root, xml_declaration=True, encoding="utf-8"))


def report_of(project: Path, stale: bool = False) -> Report:
    report = Report(load_config(project))
    report.stale = stale
    check_feed(report)
    return report


def found(project: Path, stale: bool = False) -> list[str]:
    return [str(p) for p in report_of(project, stale).result.problems]


def after(project: Path, change, stale: bool = False) -> list[str]:
    feed = Feed(project)
    change(feed)
    feed.save()
    return found(project, stale)


def item_where(n: int) -> str:
    return f"{FEED}: item {n} ({['second', 'first'][n - 1]})"


def test_the_clean_project_passes_with_both_episodes(clean):
    report = report_of(clean)
    assert report.result.problems == [] and report.result.episodes == 2
    assert report.result.ok


# --- the feed file ------------------------------------------------------------------------

def test_no_feed_and_a_feed_that_is_not_xml(sea):
    (sea / FEED).unlink()
    assert found(sea) == [f"{FEED}: not found (run podcaster build first)"]
    (sea / FEED).write_text("<rss", encoding="utf-8")
    assert len(found(sea)) == 1 and found(sea)[0].startswith(f"{FEED}: not well-formed XML: ")


@pytest.mark.parametrize("text", [
    '<feed version="2.0"><channel/></feed>', '<rss version="0.91"><channel/></rss>',
    '<rss><channel/></rss>', '<rss version="2.0"><title/></rss>'])
def test_anything_but_rss_2_with_a_channel_is_refused(sea, text):
    (sea / FEED).write_text(text, encoding="utf-8")
    report = report_of(sea)
    assert [str(p) for p in report.result.problems] == [
        f'{FEED}: not an RSS 2.0 feed (<rss version="2.0"><channel>)']
    assert report.result.episodes == 0


# --- the channel --------------------------------------------------------------------------

@pytest.mark.parametrize("tag", ["title", "link", "description", "language"])
@pytest.mark.parametrize("how", ["removed", "blank"])
def test_each_required_channel_tag_missing_or_blank(sea, tag, how):
    def change(feed):
        if how == "removed":
            feed.remove(tag)
        else:
            feed.set_text(tag, "  ")
    assert after(sea, change) == [f"{CH}: missing <{tag}>"]


def test_a_relative_channel_link(sea):
    assert after(sea, lambda f: f.set_text("link", "/sea/")) == [
        f"{CH}: <link> is not an absolute URL: /sea/"]


@pytest.mark.parametrize(("chars", "fits"), [(1333, True), (1334, False), (4000, None)])
def test_the_description_is_counted_in_bytes_up_to_4000(sea, chars, fits):
    text = "바" * chars if fits is not None else "a" * chars
    expected = [] if fits in (True, None) else [f"{CH}: <description> is over 4000 bytes"]
    assert after(sea, lambda f: f.set_text("description", text)) == expected
    if fits is None:
        assert after(sea, lambda f: f.set_text("description", "a" * 4001)) == [
            f"{CH}: <description> is over 4000 bytes"]


@pytest.mark.parametrize(("language", "ok"), [("ko-KR", True), ("en", True), ("korean!", False),
                                               ("k", False)])
def test_the_channel_language_must_be_a_code(sea, language, ok):
    assert after(sea, lambda f: f.set_text("language", language)) == (
        [] if ok else [f"{CH}: <language> is not a language code: {language}"])


def test_the_self_link_missing_or_elsewhere(sea):
    other = "https://example.net/old/feed.xml"
    assert after(sea, lambda f: f.find("atom:link[@rel='self']").set("href", other)) == [
        f"{CH}: <atom:link rel=\"self\"> is '{other}', not the feed's URL "
        "https://example.net/sea/feed.xml"]
    assert found(sea, stale=True) == []
    assert after(sea, lambda f: f.remove("atom:link[@rel='self']")) == [
        f'{CH}: missing <atom:link rel="self">']


def test_the_show_artwork_missing_without_href_or_not_found(sea):
    assert after(sea, lambda f: f.find("itunes:image").set("href", "")) == [
        f"{CH}: missing <itunes:image href> (show artwork)"]
    assert after(sea, lambda f: f.find("itunes:image").set(
        "href", "https://example.net/sea/art.png")) == [
        f"{CH}: itunes:image (artwork): public/art.png not found "
        "(https://example.net/sea/art.png)"]
    assert after(sea, lambda f: f.remove("itunes:image")) == [
        f"{CH}: missing <itunes:image href> (show artwork)"]


def test_artwork_that_breaks_apples_rules_is_named_by_its_file(sea):
    (sea / "public" / "cover.png").write_bytes(b"not an image")
    lines = found(sea)
    assert len(lines) == 1 and lines[0].startswith("public/cover.png: ")


def set_category(feed, name, sub=None):
    for cat in feed.channel.findall("itunes:category", NS):
        feed.channel.remove(cat)
    cat = etree.SubElement(feed.channel, f"{{{NS['itunes']}}}category", text=name)
    if sub is not None:
        etree.SubElement(cat, f"{{{NS['itunes']}}}category", text=sub)


@pytest.mark.parametrize(("name", "sub", "expected"), [
    ("Technology", None, []),
    ("Science", "Physics", []),
    ("TV & Film", "Film Reviews", []),
    ("Tech", None, ["itunes:category 'Tech' is not an Apple Podcasts category"]),
    ("Science", "Cooking", ["itunes:category 'Cooking' is not a subcategory of 'Science'"]),
    ("Technology", "Podcasting", ["itunes:category 'Podcasting' is not a subcategory of "
                                  "'Technology'"]),
])
def test_categories_and_subcategories_are_apples(sea, name, sub, expected):
    assert after(sea, lambda f: set_category(f, name, sub)) == [f"{CH}: {e}" for e in expected]


def test_no_category(sea):
    assert after(sea, lambda f: f.remove("itunes:category")) == [
        f"{CH}: missing <itunes:category>"]


def test_apples_category_table_has_its_subcategories():
    assert len(APPLE_CATEGORIES) == 19
    assert APPLE_CATEGORIES["Technology"] == () and "Tech News" in APPLE_CATEGORIES["News"]


@pytest.mark.parametrize(("value", "ok"), [("true", True), ("false", True), ("no", False),
                                            ("yes", False), ("True", False)])
def test_explicit_is_true_or_false(sea, value, ok):
    assert after(sea, lambda f: f.set_text("itunes:explicit", value)) == (
        [] if ok else [f"{CH}: itunes:explicit must be \"true\" or \"false\", got {value!r}"])


def test_explicit_missing(sea):
    assert after(sea, lambda f: f.remove("itunes:explicit")) == [
        f"{CH}: itunes:explicit must be \"true\" or \"false\", got None"]


@pytest.mark.parametrize(("path", "line"), [
    ("itunes:author", "missing <itunes:author>"),
    ("itunes:owner/itunes:name", "missing <itunes:owner><itunes:name>"),
    ("itunes:owner/itunes:email", "<itunes:owner><itunes:email> is not an e-mail: None"),
])
def test_author_and_owner_missing(sea, path, line):
    def change(feed):
        parent_path, _, name = path.rpartition("/")
        parent = feed.find(parent_path) if parent_path else feed.channel
        parent.remove(parent.find(name, NS))
    assert after(sea, change) == [f"{CH}: {line}"]


def test_an_owner_email_without_at(sea):
    assert after(sea, lambda f: f.set_text("itunes:owner/itunes:email", "sea.example.net")) == [
        f"{CH}: <itunes:owner><itunes:email> is not an e-mail: 'sea.example.net'"]


@pytest.mark.parametrize(("value", "ok"), [("episodic", True), ("serial", True),
                                            ("daily", False)])
def test_itunes_type_is_episodic_or_serial(sea, value, ok):
    assert after(sea, lambda f: f.set_text("itunes:type", value)) == (
        [] if ok else [f"{CH}: itunes:type must be \"episodic\" or \"serial\", got {value!r}"])


def test_the_show_guid_missing_not_a_uuid_or_changed(sea):
    config = load_config(sea)
    guid = show_guid(config)
    assert after(sea, lambda f: f.set_text("podcast:guid", guid.upper())) == []
    assert after(sea, lambda f: f.set_text("podcast:guid", "show-1")) == [
        f"{CH}: podcast:guid is not a UUID: show-1"]
    other = "0f8fad5b-d9cb-469f-a165-70867728950e"
    assert after(sea, lambda f: f.set_text("podcast:guid", other)) == [
        f"{CH}: podcast:guid {other} is not the show's ({guid}, feed.guid or derived from the "
        "feed URL); it must never change"]
    assert found(sea, stale=True) == []
    assert after(sea, lambda f: f.remove("podcast:guid")) == [f"{CH}: missing <podcast:guid>"]


@pytest.mark.parametrize(("text", "owner", "expected"), [
    ("yes", "sea@example.net", []),
    ("no", "sea@example.net", []),
    (" no ", "a@b", []),
    ("maybe", "sea@example.net", ["podcast:locked must be \"yes\" or \"no\", got 'maybe'"]),
    (None, "sea@example.net", ["podcast:locked must be \"yes\" or \"no\", got None"]),
    ("yes", "sea.example.net", ["podcast:locked has no owner e-mail"]),
    ("yes", None, ["podcast:locked has no owner e-mail"]),
])
def test_locked_is_yes_or_no_with_an_owner(sea, text, owner, expected):
    def change(feed):
        locked = feed.find("podcast:locked")
        locked.text = text
        if owner is None:
            del locked.attrib["owner"]
        else:
            locked.set("owner", owner)
    assert after(sea, change) == [f"{CH}: {e}" for e in expected]


def test_locked_missing(sea):
    assert after(sea, lambda f: f.remove("podcast:locked")) == [f"{CH}: missing <podcast:locked>"]


def test_a_feed_without_items_and_posts_not_in_it(sea):
    def change(feed):
        for item in feed.items:
            feed.channel.remove(item)
    assert after(sea, change) == [
        f"{CH}: no <item>: Apple Podcasts needs at least one episode",
        "posts/2025-03-01-first.txt: post is not in the feed (run podcaster build)",
        "posts/2025-03-08-second.txt: post is not in the feed (run podcaster build)"]
    assert found(sea, stale=True) == [
        f"{CH}: no <item>: Apple Podcasts needs at least one episode"]


def test_last_build_date_is_a_date_and_the_newest_episodes(sea):
    assert after(sea, lambda f: f.set_text("lastBuildDate", "yesterday")) == [
        f"{CH}: lastBuildDate is not an RFC 822 date: yesterday"]
    older = "Sat, 01 Mar 2025 19:00:00 +0900"
    assert after(sea, lambda f: f.set_text("lastBuildDate", older)) == [
        f"{CH}: lastBuildDate {older} is not the newest episode's date (the feed would change "
        "on every build)"]
    newer = "Sun, 09 Mar 2025 19:00:00 +0900"
    assert after(sea, lambda f: f.set_text("lastBuildDate", newer)) == [
        f"{CH}: lastBuildDate {newer} is not the newest episode's date (the feed would change "
        "on every build)"]
    same = "Sat, 08 Mar 2025 10:00:00 +0000"  # the same moment, written in UTC
    assert after(sea, lambda f: f.set_text("lastBuildDate", same)) == []
    assert after(sea, lambda f: f.remove("lastBuildDate")) == []


# --- the items ----------------------------------------------------------------------------

def test_items_newest_first(sea):
    def swap(feed):
        first, second = feed.items
        feed.channel.remove(first)
        feed.channel.append(first)
    assert after(sea, swap) == [f"{item_where(2).replace('(first)', '(second)')}: items are not "
                                "newest first"]


def test_an_item_without_a_date_does_not_hide_the_order_of_the_others(sea):
    def change(feed):
        first, second = feed.items  # newest first: "second", then "first"
        third = etree.fromstring(etree.tostring(first))
        third.find("pubDate").text = "Sun, 09 Mar 2025 19:00:00 +0900"
        first.find("pubDate").text = "Sat, 15 Mar 2025 19:00:00 +0900"
        second.remove(second.find("pubDate"))
        feed.channel.append(third)
    lines = after(sea, change)
    assert f"{FEED}: item 2 (first): missing <pubDate>" in lines
    assert f"{FEED}: item 3 (second): items are not newest first" not in lines
    assert [line for line in lines if "newest first" in line] == []


@pytest.mark.parametrize("tag", ["title", "description"])
def test_an_item_title_or_description_missing(sea, tag):
    assert after(sea, lambda f: f.remove(tag, f.items[0])) == [
        f"{item_where(1)}: missing <{tag}>"]


def test_an_item_guid_missing_duplicated_or_not_the_posts(sea):
    config = load_config(sea)
    assert after(sea, lambda f: f.set_text("guid", " ", f.items[0])) == [
        f"{item_where(1)}: missing <guid>"]
    second_guid = Feed(sea).items[1].find("guid").text

    def duplicate(feed):
        feed.items[0].find("guid").text = second_guid
    lines = after(sea, duplicate)
    expected_second = post_guid(config, read_post(sea / "posts" / "2025-03-08-second.txt"))
    assert lines == [
        f"{item_where(1)}: guid {second_guid} is not the one derived from "
        f"posts/2025-03-08-second.txt ({expected_second}): a changed guid makes apps download "
        "the episode again",
        f"{item_where(2)}: duplicate guid {second_guid} (also item 1)"]
    assert found(sea, stale=True) == [f"{item_where(2)}: duplicate guid {second_guid} "
                                      "(also item 1)"]


@pytest.mark.parametrize(("permalink", "guid", "ok"), [
    (None, "https://example.net/sea/episodes/second.html", True),
    ("true", "https://example.net/sea/episodes/second.html", True),
    (None, "second-guid", False),
    ("true", "second-guid", False),
    ("false", "second-guid", True),
])
def test_a_guid_that_is_no_url_needs_is_permalink_false(sea, permalink, guid, ok):
    (sea / "podcast.toml").write_text(
        SHOW + f'[episode_guids]\nsecond = "{guid}"\n', encoding="utf-8")

    def change(feed):
        elem = feed.items[0].find("guid")
        elem.text = guid
        if permalink is None:
            del elem.attrib["isPermaLink"]
        else:
            elem.set("isPermaLink", permalink)
    assert after(sea, change) == ([] if ok else [
        f'{item_where(1)}: guid {guid} is not a URL: it needs isPermaLink="false"'])


def test_an_item_whose_post_is_gone(sea):
    (sea / "posts" / "2025-03-08-second.txt").unlink()
    assert found(sea) == [f"{item_where(1)}: no post in posts/ has the slug 'second' "
                          "(run podcaster build)"]
    assert found(sea, stale=True) == []
    for post in (sea / "posts").iterdir():
        post.unlink()
    assert found(sea) == []  # no posts at all: nothing to compare the feed with


def test_posts_that_cannot_be_read_or_no_posts_folder(sea):
    (sea / "posts" / "2025-03-10-broken.md").write_text(
        "---\ndraft: maybe\n---\n제목\n본문입니다.\n", encoding="utf-8")
    lines = found(sea)
    assert len(lines) == 1 and lines[0].startswith("posts/2025-03-10-broken.md: ")
    (sea / "posts" / "2025-03-10-broken.md").write_text(
        "---\ndraft: true\n---\n초안\n아직 쓰는 중입니다.\n", encoding="utf-8")
    assert found(sea) == []  # a draft is in no feed
    shutil.rmtree(sea / "posts")
    assert found(sea) == ["posts: posts folder not found"]


@pytest.mark.parametrize(("text", "line"), [
    (None, "missing <pubDate>"),
    ("2025-03-08", "pubDate is not an RFC 822 date with a zone: 2025-03-08"),
    ("Sat, 08 Mar 2025 19:00:00 -0000", "pubDate is not an RFC 822 date with a zone: "
                                        "Sat, 08 Mar 2025 19:00:00 -0000"),
])
def test_an_item_date_missing_or_without_a_zone(sea, text, line):
    def change(feed):
        if text is None:
            feed.remove("pubDate", feed.items[0])
        else:
            feed.set_text("pubDate", text, feed.items[0])
    lines = after(sea, change)
    assert f"{item_where(1)}: {line}" in lines
    assert [x for x in lines if "item 1" in x] == [f"{item_where(1)}: {line}"]


@pytest.mark.parametrize(("number", "line"), [
    (None, "missing <itunes:episode>"),
    ("0", "itunes:episode must be a positive whole number, got 0"),
    ("-3", "itunes:episode must be a positive whole number, got -3"),
    ("two", "itunes:episode must be a positive whole number, got two"),
    ("1", "itunes:episode 1 repeats item 2"),
    ("9" * 50, "itunes:episode must be a positive whole number, got " + "9" * 40
     + "… (50 characters)"),
    ("7", None),
])
def test_the_episode_number_is_positive_and_used_once(sea, number, line):
    def change(feed):
        item = feed.items[1]  # the older one, checked second
        if number is None:
            feed.remove("itunes:episode", item)
        else:
            feed.set_text("itunes:episode", number, item)
    expected = [] if line is None else [f"{item_where(2)}: {line}"]
    if number == "1":  # the newer item keeps 2: the older one takes 1 again
        def change(feed):  # noqa: F811
            feed.set_text("itunes:episode", "2", feed.items[1])
        expected = [f"{item_where(2)}: itunes:episode 2 repeats item 1"]
    assert after(sea, change) == expected


@pytest.mark.parametrize(("value", "ok"), [("full", True), ("trailer", True), ("bonus", True),
                                            ("teaser", False), (None, False)])
def test_the_episode_type(sea, value, ok):
    def change(feed):
        if value is None:
            feed.remove("itunes:episodeType", feed.items[0])
        else:
            feed.set_text("itunes:episodeType", value, feed.items[0])
    assert after(sea, change) == ([] if ok else [
        f"{item_where(1)}: itunes:episodeType must be full, trailer or bonus, got {value!r}"])


def test_an_episode_image_is_checked_like_the_cover(sea):
    def change(feed):
        etree.SubElement(feed.items[0], f"{{{NS['itunes']}}}image",
                         href="https://example.net/sea/episodes/second.png")
    assert after(sea, change) == [
        f"{item_where(1)}: itunes:image (artwork): public/episodes/second.png not found "
        "(https://example.net/sea/episodes/second.png)"]
    shutil.copy(sea / "public" / "cover.png", sea / "public" / "episodes" / "second.png")
    assert found(sea) == []


def test_more_than_one_chapters_file(sea):
    def change(feed):
        for _ in range(2):
            etree.SubElement(feed.items[0], f"{{{NS['podcast']}}}chapters",
                             url="https://example.net/sea/episodes/second.chapters.json",
                             type="application/json+chapters")
    lines = after(sea, change)
    assert f"{item_where(1)}: more than one <podcast:chapters>" in lines


# --- the enclosure ------------------------------------------------------------------------

def test_an_item_without_enclosure(sea):
    lines = after(sea, lambda f: f.remove("enclosure", f.items[0]))
    assert lines[0] == f"{FEED}: item 1: missing <enclosure>"


def test_the_enclosure_type_must_be_audio_mpeg(sea):
    assert after(sea, lambda f: f.find("enclosure", f.items[0]).set("type", "audio/mp3")) == [
        f"{item_where(1)}: enclosure type must be audio/mpeg, got 'audio/mp3'"]


def test_two_items_with_one_enclosure_url(sea):
    url = Feed(sea).items[0].find("enclosure").get("url")
    lines = after(sea, lambda f: f.find("enclosure", f.items[1]).set("url", url))
    assert f"{FEED}: item 2 (second): enclosure URL {url} repeats item 1" in lines


@pytest.mark.parametrize(("length", "line"), [
    (-1, "enclosure length {length} does not match public/episodes/second.mp3 ({size} bytes)"),
    (+1, "enclosure length {length} does not match public/episodes/second.mp3 ({size} bytes)"),
    ("", "enclosure length is not a number of bytes: ''"),
    ("-{size}", "enclosure length is not a number of bytes: '-{size}'"),
    ("0{size}", None),
    (0, None),
])
def test_the_enclosure_length_is_the_files_size_from_both_sides(sea, length, line):
    size = (sea / "public" / "episodes" / "second.mp3").stat().st_size
    length = str(size + length) if isinstance(length, int) else length.format(size=size)
    assert after(sea, lambda f: f.find("enclosure", f.items[0]).set("length", length)) == (
        [] if line is None else [f"{item_where(1)}: {line.format(length=length, size=size)}"])


def test_an_enclosure_without_a_length_is_named_as_empty(sea):
    lines = after(sea, lambda f: f.find("enclosure", f.items[0]).attrib.pop("length"))
    assert lines == [f"{item_where(1)}: enclosure length is not a number of bytes: ''"]


@pytest.mark.parametrize(("url", "line"), [
    ("/sea/episodes/second.mp3", "enclosure URL is not absolute: /sea/episodes/second.mp3"),
    ("https://example.net/sea/../../etc/second.mp3",
     "enclosure URL https://example.net/sea/../../etc/second.mp3 points outside public/"),
    ("https://example.net/sea/episodes/second.old.mp3",
     "enclosure: public/episodes/second.old.mp3 not found "
     "(https://example.net/sea/episodes/second.old.mp3)"),
    ("https://cdn.example.net/second.mp3", "enclosure URL https://cdn.example.net/second.mp3 is "
                                           "outside show.base_url (https://example.net/sea/)"),
])
def test_an_enclosure_url_must_lead_to_a_file_of_public(sea, url, line):
    lines = after(sea, lambda f: f.find("enclosure", f.items[0]).set("url", url))
    assert f"{FEED}: item 1 (second): {line}" in lines


def test_an_enclosure_with_an_empty_url(sea):
    lines = after(sea, lambda f: f.find("enclosure", f.items[0]).set("url", ""))
    assert f"{FEED}: item 1: enclosure has no URL" in lines


def test_an_enclosure_outside_the_media_base(tmp_path):
    project = write_project(tmp_path / "sea", 'media_base_url = "https://cdn.example.net/sea/"\n')
    assert found(project) == []
    url = "https://example.net/sea/episodes/second.mp3"
    lines = after(project, lambda f: f.find("enclosure", f.items[0]).set("url", url))
    assert f"{item_where(1)}: enclosure URL https://example.net/sea/episodes/second.mp3 is " \
           "outside show.media_base_url (https://cdn.example.net/sea/)" in lines
    assert found(project, stale=True) == []


def test_an_enclosure_prefix_is_stripped_before_the_file_is_found(tmp_path):
    prefix = "https://op3.dev/e/"
    project = write_project(tmp_path / "sea", f'enclosure_prefix = "{prefix}"\n')
    assert found(project) == []
    url = Feed(project).items[0].find("enclosure").get("url")
    assert url.startswith(prefix + "https://example.net/sea/episodes/")
    bare = url.removeprefix(prefix)
    assert after(project, lambda f: f.find("enclosure", f.items[0]).set("url", bare)) == [
        f"{item_where(1)}: enclosure URL {bare} does not start with show.enclosure_prefix "
        f"({prefix})"]
    assert found(project, stale=True) == []


# --- the duration -------------------------------------------------------------------------

@pytest.mark.parametrize(("offset", "ok"), [(0, True), (1.9, True), (-1.9, True), (2.6, False),
                                             (-2.6, False)])
def test_the_stated_duration_matches_the_audio_from_both_sides(sea, offset, ok):
    actual = audio_duration(sea / "public" / "episodes" / "second.mp3")
    stated = actual + offset
    text = f"{max(stated, 0):.3f}"
    lines = after(sea, lambda f: f.set_text("itunes:duration", text, f.items[0]))
    assert lines == ([] if ok else [
        f"{item_where(1)}: itunes:duration {text} does not match the audio ({actual:.1f} s in "
        "public/episodes/second.mp3)"])


@pytest.mark.parametrize(("text", "line"), [
    (None, "missing <itunes:duration>"),
    ("1:2:3:4", "itunes:duration is not seconds or HH:MM:SS: 1:2:3:4"),
    ("soon", "itunes:duration is not seconds or HH:MM:SS: soon"),
])
def test_the_stated_duration_missing_or_unreadable(sea, text, line):
    def change(feed):
        if text is None:
            feed.remove("itunes:duration", feed.items[0])
        else:
            feed.set_text("itunes:duration", text, feed.items[0])
    assert after(sea, change) == [f"{item_where(1)}: {line}"]


def test_audio_that_cannot_be_read(sea):
    mp3 = sea / "public" / "episodes" / "second.mp3"
    mp3.write_bytes(b"\0" * mp3.stat().st_size)
    assert found(sea) == ["public/episodes/second.mp3: cannot read the audio: not an MP3 file "
                          "(no MPEG audio frames)"]


@pytest.mark.parametrize(("text", "seconds"), [
    ("5", 5.0), ("1.5", 1.5), ("01:02", 62.0), ("1:02:03", 3723.0), ("00:00:01.25", 1.25),
    (" 7 ", 7.0), ("", None), ("1:2:3:4", None), ("-1", None), ("1:-2", None), ("a:b", None),
    (":", None), ("1.", None),
])
def test_durations_in_seconds_minutes_or_hours(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(("text", "ok"), [
    ("Sat, 08 Mar 2025 19:00:00 +0900", True), ("Sat, 08 Mar 2025 19:00:00 GMT", True),
    ("Sat, 08 Mar 2025 19:00:00 -0000", False), ("", False), (None, False), ("soon", False),
])
def test_dates_need_a_zone(text, ok):
    assert (rfc822(text) is not None) is ok


@pytest.mark.parametrize(("text", "number"), [
    ("0", 0), ("42", 42), ("0042", 42), ("0" * 30 + "7", 7), ("9" * 18, int("9" * 18)),
    ("1" + "0" * 18, None), ("", None), (None, None), ("٤٢", None), ("4.2", None), ("-4", None),
    (" 4", None),
])
def test_a_whole_number_is_ascii_digits_of_at_most_18(text, number):
    assert whole_number(text) == number


@pytest.mark.parametrize(("text", "limit", "out"), [
    ("a" * 40, 40, "a" * 40), ("a" * 41, 40, "a" * 40 + "… (41 characters)"),
    ("abcdef", 5, "abcde… (6 characters)"), ("abcde", 5, "abcde"),
])
def test_a_long_value_is_cut_saying_how_long_it_was(text, limit, out):
    assert shown(text, limit) == out
    if limit == 40:
        assert shown(text) == out


# --- transcripts and chapters the items link ----------------------------------------------

EPISODES_URL = "https://example.net/sea/episodes/"
VTT = "WEBVTT\n\n00:00.000 --> 00:01.000\n안녕하세요.\n"
SRT = "1\n00:00:00,000 --> 00:00:01,000\n안녕하세요.\n"
CHAPTERS = '{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "인사"}]}'


def link(feed, tag: str, **attrs) -> None:
    etree.SubElement(feed.items[0], f"{{{NS['podcast']}}}{tag}", **attrs)


@pytest.mark.parametrize(("name", "mime", "text"), [
    ("second.vtt", "text/vtt", VTT), ("second.srt", "application/x-subrip", SRT),
    ("second.srt", "application/srt", SRT),
    ("second.json", "application/json", '{"segments": [{"startTime": 0, "endTime": 1, '
                                        '"body": "안녕하세요."}]}'),
])
def test_a_transcript_of_each_type_passes(sea, name, mime, text):
    (sea / "public" / "episodes" / name).write_text(text, encoding="utf-8")
    assert after(sea, lambda f: link(f, "transcript", url=EPISODES_URL + name, type=mime,
                                     language="ko")) == []


@pytest.mark.parametrize(("attrs", "lines"), [
    ({"type": "text/vtt", "url": "http://example.net/sea/episodes/second.vtt"},
     ["podcast:transcript URL must be https: http://example.net/sea/episodes/second.vtt",
      "podcast:transcript URL http://example.net/sea/episodes/second.vtt is outside "
      "show.base_url (https://example.net/sea/)"]),
    ({"url": EPISODES_URL + "second.vtt"},
     [f"podcast:transcript {EPISODES_URL}second.vtt has no type"]),
    ({"type": "text/vtt", "url": EPISODES_URL + "second.vtt", "language": "korean!"},
     ["podcast:transcript language is not a language code: korean!"]),
    ({"type": "text/vtt", "url": EPISODES_URL + "second.srt"},
     ["podcast:transcript type text/vtt but the file is second.srt"]),
    ({"type": "text/html", "url": EPISODES_URL + "second.vtt"}, []),  # not read: no rule
    ({"type": "text/vtt", "url": EPISODES_URL + "second.VTT"}, []),
])
def test_a_transcripts_link_from_both_sides(sea, attrs, lines):
    folder = sea / "public" / "episodes"
    (folder / "second.vtt").write_text(VTT, encoding="utf-8")
    (folder / "second.srt").write_text(VTT, encoding="utf-8")  # WebVTT under the wrong name
    (folder / "second.VTT").write_text(VTT, encoding="utf-8")
    assert after(sea, lambda f: link(f, "transcript", **attrs)) == [
        f"{item_where(1)}: {line}" for line in lines]


def test_a_broken_transcript_is_named_by_its_file(sea):
    (sea / "public" / "episodes" / "second.vtt").write_text(
        "WEBVTT\n\n00:00.000 --> 00:30.000\n너무 깁니다.\n", encoding="utf-8")
    duration = audio_duration(sea / "public" / "episodes" / "second.mp3")
    assert after(sea, lambda f: link(f, "transcript", url=EPISODES_URL + "second.vtt",
                                     type="text/vtt")) == [
        f"public/episodes/second.vtt: cue 00:00.000 --> 00:30.000 ends after the audio "
        f"({duration:.1f} s)"]
    (sea / "public" / "episodes" / "second.vtt").write_text(
        "WEBVTT\n\n00:00.000 --> 00:13.000\n끝까지.\n", encoding="utf-8")  # in the slack
    assert found(sea) == []


def test_a_json_transcript_is_read_as_json(sea):
    (sea / "public" / "episodes" / "second.json").write_text('{"segments": []}',
                                                            encoding="utf-8")
    assert after(sea, lambda f: link(f, "transcript", url=EPISODES_URL + "second.json",
                                     type="application/json")) == [
        'public/episodes/second.json: JSON transcript needs a non-empty "segments" list']


@pytest.mark.parametrize(("attrs", "text", "lines"), [
    ({"type": "application/json+chapters"}, CHAPTERS, []),
    ({"type": "application/json"}, CHAPTERS,
     ["{where}: podcast:chapters type must be application/json+chapters, got "
      "'application/json'"]),
    ({}, CHAPTERS, ["{where}: podcast:chapters type must be application/json+chapters, "
                    "got None"]),
    ({"type": "application/json+chapters"}, '{"chapters": []}',
     ['public/episodes/second.chapters.json: chapters file needs a "version" string']),
    ({"type": "application/json+chapters"},
     '{"version": "1.2.0", "chapters": [{"startTime": 14}]}',
     ["public/episodes/second.chapters.json: chapter 1 starts after the audio ends (14 > "
      "{duration:.1f} s)"]),
])
def test_chapters_from_both_sides(sea, attrs, text, lines):
    (sea / "public" / "episodes" / "second.chapters.json").write_text(text, encoding="utf-8")
    duration = audio_duration(sea / "public" / "episodes" / "second.mp3")
    assert after(sea, lambda f: link(f, "chapters", url=EPISODES_URL + "second.chapters.json",
                                     **attrs)) == [
        line.format(where=item_where(1), duration=duration) for line in lines]


def test_chapters_over_http_and_missing(sea):
    url = "http://example.net/sea/episodes/second.chapters.json"
    assert after(sea, lambda f: link(f, "chapters", url=url,
                                     type="application/json+chapters")) == [
        f"{item_where(1)}: podcast:chapters URL must be https: {url}",
        f"{item_where(1)}: podcast:chapters URL {url} is outside show.base_url "
        "(https://example.net/sea/)"]
    assert after(sea, lambda f: f.find("podcast:chapters", f.items[0]).set(
        "url", EPISODES_URL + "none.json")) == [
        f"{item_where(1)}: podcast:chapters: public/episodes/none.json not found "
        f"({EPISODES_URL}none.json)"]
    assert after(sea, lambda f: f.find("podcast:chapters", f.items[0]).set(
        "url", "episodes/none.json")) == [
        f"{item_where(1)}: podcast:chapters URL is not absolute: episodes/none.json"]


def test_entities_declared_in_the_feed_are_not_expanded(sea):
    feed = sea / FEED
    data = feed.read_bytes().replace(b"<rss ", b'<!DOCTYPE rss [<!ENTITY t "\xeb\xb0\x94\xeb\x8b\xa4">]>'
                                     b"<rss ", 1)
    title = "<title>바다 라디오</title>".encode()
    feed.write_bytes(data.replace(title, b"<title>&t;</title>", 1))
    assert found(sea) == [f"{CH}: missing <title>"]


def test_a_dtd_the_feed_names_is_never_read(sea):
    """A feed whose DTD would add version="2.0" to a bare <rss> is judged by its own bytes."""
    dtd = sea / "show.dtd"
    dtd.write_text('<!ATTLIST rss version CDATA "2.0">\n', encoding="utf-8")
    feed = sea / FEED
    data = feed.read_bytes().replace(b' version="2.0">', b">", 1)
    assert b'version="2.0"' not in data.split(b"?>", 1)[1]
    feed.write_bytes(data.replace(b"<rss", f'<!DOCTYPE rss SYSTEM "{dtd.as_uri()}"><rss'.encode(), 1))
    assert found(sea) == [f'{FEED}: not an RSS 2.0 feed (<rss version="2.0"><channel>)']
    dtd.unlink()  # a DTD that is not there is no error either: the feed is read the same
    assert found(sea) == [f'{FEED}: not an RSS 2.0 feed (<rss version="2.0"><channel>)']


def test_two_episodes_of_the_same_moment_are_in_order(sea):
    def same_date(feed):
        first, second = feed.items
        second.find("pubDate").text = first.find("pubDate").text
    assert after(sea, same_date) == []


def mpeg_frames(frames: int) -> bytes:
    """An MP3 whose Xing header says it has ``frames`` frames of 1152 samples at 44.1 kHz."""
    header = bytes([0xFF, 0xFB, 0x90, 0x00])  # MPEG-1 layer III, 128 kb/s, 44.1 kHz: 417 bytes
    first = bytearray(413)
    first[32:44] = b"Xing" + (1).to_bytes(4, "big") + frames.to_bytes(4, "big")
    return header + bytes(first) + (header + bytes(413)) * 3


@pytest.mark.parametrize(("frames", "stated", "lines"), [
    (0, "0", ["public/episodes/second.mp3: the audio is empty"]),
    (20, "1", []),  # half a second is short, not empty
])
def test_an_empty_audio_from_both_sides(sea, frames, stated, lines):
    mp3 = sea / "public" / "episodes" / "second.mp3"
    mp3.write_bytes(mpeg_frames(frames))
    assert 0 <= audio_duration(mp3) < 1

    def change(feed):
        feed.find("enclosure", feed.items[0]).set("length", str(mp3.stat().st_size))
        feed.set_text("itunes:duration", stated, feed.items[0])
    assert after(sea, change) == lines


def test_a_stated_duration_exactly_two_seconds_off_still_matches(sea):
    actual = audio_duration(sea / "public" / "episodes" / "second.mp3")
    text = repr(actual + 2.0)
    assert parse_duration(text) - actual == 2.0
    assert after(sea, lambda f: f.set_text("itunes:duration", text, f.items[0])) == []


def test_every_category_is_checked_after_an_unknown_one(sea):
    def change(feed):
        set_category(feed, "Tech")
        etree.SubElement(etree.SubElement(feed.channel, f"{{{NS['itunes']}}}category",
                                          text="Science"),
                         f"{{{NS['itunes']}}}category", text="Cooking")
    assert after(sea, change) == [
        f"{CH}: itunes:category 'Tech' is not an Apple Podcasts category",
        f"{CH}: itunes:category 'Cooking' is not a subcategory of 'Science'"]


def test_a_post_that_cannot_be_read_does_not_hide_the_posts_after_it(sea):
    (sea / "posts" / "2025-03-05-broken.md").write_text(
        "---\ndraft: maybe\n---\n제목\n본문입니다.\n", encoding="utf-8")
    assert found(sea) == ["posts/2025-03-05-broken.md: 'draft' must be true or false, not 'maybe'"]


def test_a_post_linked_from_outside_the_project_is_refused(sea, tmp_path):
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("다른 곳\n밖에 있는 글입니다.\n", encoding="utf-8")
    (sea / "posts" / "2025-03-05-elsewhere.txt").symlink_to(elsewhere)
    assert found(sea) == [
        f"posts/2025-03-05-elsewhere.txt: is a link to {elsewhere.resolve()}, outside the "
        "project; copy the post into posts/ instead"]
