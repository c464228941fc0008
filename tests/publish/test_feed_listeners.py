"""What apps and directories show from the feed beyond the episodes themselves: each item's
web page, the copyright, the host, funding, and audio hosted apart from the pages (with an
analytics prefix) — queried with XPath and read back with feedparser and podcastparser."""

from __future__ import annotations

import io

import feedparser
import podcastparser
import pytest

from podcaster.errors import ConfigError
from podcaster.publish.feed import render_feed
from podcaster.publish.layout import enclosure_url, episode_guid, media_url
from tests.helpers import config_with, feed_episode, make_config, one, parse_xml, xpath

# A Hangul slug's page, as a URI (the file on disk keeps the readable name).
ROBOT_KITCHEN_PAGE = ("https://example.com/radio/episodes/"
                      "%EB%A1%9C%EB%B4%87-%EC%A3%BC%EB%B0%A9.html")


def test_each_item_links_its_episode_page(tmp_path):
    config = make_config(tmp_path)
    episodes = [feed_episode(config, "2025-11-03", "robot", 1),
                feed_episode(config, "2025-11-04", "로봇-주방", 2)]
    data = render_feed(config, episodes)
    root = parse_xml(data)
    assert one(root, "//item[title='robot 이야기']/link/text()") == \
        "https://example.com/radio/episodes/robot.html"
    assert one(root, "/rss/channel/link/text()") == "https://example.com/radio/"
    parsed = feedparser.parse(data)
    assert {e.title: e.link for e in parsed.entries} == {
        "robot 이야기": "https://example.com/radio/episodes/robot.html",
        "로봇-주방 이야기": ROBOT_KITCHEN_PAGE}
    gpodder = podcastparser.parse("https://example.com/radio/feed.xml", io.BytesIO(data))
    assert sorted(e["link"] for e in gpodder["episodes"]) == [
        ROBOT_KITCHEN_PAGE, "https://example.com/radio/episodes/robot.html"]


def test_copyright_spans_the_years_of_the_episodes(tmp_path):
    config = make_config(tmp_path)
    one_year = [feed_episode(config, "2025-03-01", "a", 1), feed_episode(config, "2025-11-03", "b", 2)]
    assert one(parse_xml(render_feed(config, one_year)), "/rss/channel/copyright/text()") == \
        "© 2025 시험 진행자"
    years = one_year + [feed_episode(config, "2026-06-01", "c", 3),
                        feed_episode(config, "2027-01-02", "d", 4)]
    data = render_feed(config, years)
    assert one(parse_xml(data), "/rss/channel/copyright/text()") == "© 2025–2027 시험 진행자"
    assert feedparser.parse(data).feed.rights == "© 2025–2027 시험 진행자"

    own = config_with(tmp_path / "own", copyright="CC BY 4.0 시험 진행자")
    assert one(parse_xml(render_feed(own, [feed_episode(own, "2025-03-01", "a", 1)])),
               "/rss/channel/copyright/text()") == "CC BY 4.0 시험 진행자"


def test_host_person_links_the_site_and_the_cover_when_set(tmp_path):
    config = make_config(tmp_path)
    root = parse_xml(render_feed(config, [feed_episode(config, "2025-03-01", "a", 1)]))
    person = one(root, "/rss/channel/podcast:person")
    assert (person.text, person.get("role")) == ("시험 진행자", "host")
    assert person.get("href") == "https://example.com/radio/"
    assert person.get("img") is None  # podcaster's default cover is not the host's picture

    folder = tmp_path / "with-cover"
    folder.mkdir()
    (folder / "art.png").write_bytes((tmp_path / "podcast.toml").read_bytes())
    config = config_with(folder, cover="art.png", website="https://blog.example.com/")
    person = one(parse_xml(render_feed(config, [feed_episode(config, "2025-03-01", "a", 1)])),
                 "/rss/channel/podcast:person[@role='host']")
    assert person.get("href") == "https://blog.example.com/"
    assert person.get("img") == "https://example.com/radio/cover.png"


def test_funding_only_when_configured(tmp_path):
    config = make_config(tmp_path)
    root = parse_xml(render_feed(config, [feed_episode(config, "2025-03-01", "a", 1)]))
    assert xpath(root, "//podcast:funding") == []
    config = config_with(tmp_path / "f", funding_url="https://support.example.com/radio",
                         funding_text="커피 한 잔 후원")
    funding = one(parse_xml(render_feed(config, [feed_episode(config, "2025-03-01", "a", 1)])),
                  "/rss/channel/podcast:funding")
    assert (funding.get("url"), funding.text) == ("https://support.example.com/radio",
                                                 "커피 한 잔 후원")


def test_json_transcript_is_listed_beside_the_captions(tmp_path):
    config = make_config(tmp_path)
    folder = config.public_dir / "episodes"
    folder.mkdir(parents=True)
    for suffix in (".vtt", ".srt", ".transcript.json"):
        (folder / f"a{suffix}").write_text("x", encoding="utf-8")
    item = one(parse_xml(render_feed(config, [feed_episode(config, "2025-03-01", "a", 1)])), "//item")
    found = [(t.get("type"), t.get("rel"), t.get("url").rsplit("/", 1)[1])
             for t in xpath(item, "podcast:transcript")]
    assert found == [("text/vtt", "captions", "a.vtt"), ("application/x-subrip", None, "a.srt"),
                     ("application/json", None, "a.transcript.json")]


def test_media_base_url_and_enclosure_prefix_move_only_the_enclosures(tmp_path):
    plain = make_config(tmp_path / "plain")
    hosted = config_with(tmp_path / "hosted", media_base_url="https://media.example.net/radio",
                         enclosure_prefix="https://op3.dev/e/")
    folder = hosted.public_dir / "episodes"
    folder.mkdir(parents=True)
    for suffix in (".vtt", ".chapters.json"):
        (folder / f"a{suffix}").write_text("x", encoding="utf-8")
    ep = feed_episode(hosted, "2025-03-01", "a", 1)
    root = parse_xml(render_feed(hosted, [ep]))
    enclosure = one(root, "//item/enclosure")
    assert enclosure.get("url") == \
        "https://op3.dev/e/https://media.example.net/radio/episodes/a.mp3"
    assert enclosure.get("length") == str(ep.size)
    assert one(root, "//item/podcast:transcript/@url") == \
        "https://example.com/radio/episodes/a.vtt"
    assert one(root, "//item/podcast:chapters/@url") == \
        "https://example.com/radio/episodes/a.chapters.json"
    assert one(root, "//item/link/text()") == "https://example.com/radio/episodes/a.html"
    assert one(root, "/rss/channel/atom:link[@rel='self']/@href") == \
        "https://example.com/radio/feed.xml"
    # GUIDs do not depend on where the audio is
    assert one(root, "//item/guid/text()") == episode_guid(plain, feed_episode(plain, "2025-03-01", "a", 1))
    assert media_url(hosted, "episodes/a.mp3") == "https://media.example.net/radio/episodes/a.mp3"
    assert enclosure_url(plain, "episodes/a.mp3") == "https://example.com/radio/episodes/a.mp3"


@pytest.mark.parametrize("key,value", [("media_base_url", "media.example.net/x"),
                                       ("enclosure_prefix", "op3.dev/e/"),
                                       ("funding_url", "javascript:alert(1)")])
def test_hosting_options_must_be_web_urls(tmp_path, key, value):
    with pytest.raises(ConfigError, match=f"show.{key} must be an absolute http"):
        config_with(tmp_path, **{key: value})
