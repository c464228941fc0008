"""The names and URLs of public/, each rule from both sides: which URLs ``uri`` leaves alone
and which it encodes (a non-ASCII host, a bare "%", an unclosed "["), bases with exactly one
slash, the media base and the enclosure prefix only when set, the show's and the episodes' GUIDs
pinned or derived, and each post's artwork found, preferred, published and taken away."""

from __future__ import annotations

import uuid

import pytest

from podcaster.publish.layout import (
    PODCAST_GUID_NAMESPACE,
    cover_name,
    enclosure_url,
    episode_art_source,
    episode_audio_path,
    episode_guid,
    episode_page_path,
    episode_url,
    feed_url,
    media_base,
    post_guid,
    publish_episode_art,
    relative_url,
    show_guid,
    site_base,
    site_url,
    slug_guid,
    slug_of_audio_url,
    stale_episode_art,
    uri,
    url_path_name,
)
from tests.helpers import FEED_SHOW, config_with, feed_episode, make_config


@pytest.mark.parametrize(("iri", "expected"), [
    ("https://example.org/a/b.mp3?x=1&y=2#t", "https://example.org/a/b.mp3?x=1&y=2#t"),
    ("https://example.org/a%20b", "https://example.org/a%20b"),  # an escape is kept
    ("https://example.org/100%", "https://example.org/100%25"),  # a bare "%" is encoded
    ("https://example.org/%zz", "https://example.org/%25zz"),
    ("https://example.org/a b", "https://example.org/a%20b"),
    ('https://example.org/"<x>"', "https://example.org/%22%3Cx%3E%22"),
    ("https://example.org/방송", "https://example.org/%EB%B0%A9%EC%86%A1"),
    ("https://Example.ORG/방송", "https://Example.ORG/%EB%B0%A9%EC%86%A1"),  # an ASCII host as written
    # a non-ASCII host in IDNA, its case folded; the port and a user kept
    ("https://블로그.Example:8080/x", "https://xn--2i0b10rqve.example:8080/x"),
    ("https://나@블로그.example/", "https://%EB%82%98@xn--2i0b10rqve.example/"),
    ("https://Me@블로그.example/", "https://Me@xn--2i0b10rqve.example/"),
    # only the host is IDNA: the same name later in the path is percent-encoded
    ("https://블로그.example/블로그.example",
     "https://xn--2i0b10rqve.example/%EB%B8%94%EB%A1%9C%EA%B7%B8.example"),
    # a host IDNA refuses (a label over 63 characters): percent-encoded as it stands
    ("https://" + "가" * 70 + ".example/", "https://" + "%EA%B0%80" * 70 + ".example/"),
    # no URL at all (an unclosed "[" host): every character encoded as it stands
    ("https://[방송/x", "https://[%EB%B0%A9%EC%86%A1/x"),
    ("방송 1", "%EB%B0%A9%EC%86%A1%201"),
], ids=["uri", "escape", "bare-percent", "bad-escape", "space", "quotes", "path", "ascii-host",
        "idna-host",
        "userinfo", "userinfo-case", "host-in-path", "long-label", "unclosed-bracket", "no-url"])
def test_uri_encodes_only_what_a_uri_cannot_hold(iri, expected):
    assert uri(iri) == expected
    assert uri(expected) == expected  # a URI comes back unchanged


@pytest.mark.parametrize(("url", "name"), [
    ("https://example.org/episodes/%EB%B0%A9%EC%86%A1.abc.mp3?x=1", "방송.abc.mp3"),
    ("https://example.org/episodes/a.mp3", "a.mp3"),
    ("https://example.org/", ""),
    ("https://[::1/x.mp3", ""),  # no URL
])
def test_the_file_name_of_a_url(url, name):
    assert url_path_name(url) == name


def test_the_slug_of_an_audio_url():
    assert slug_of_audio_url("https://e.example/episodes/%EB%B0%A9.0123456789ab.mp3") == "방"


@pytest.mark.parametrize("base", ["https://example.com/radio", "https://example.com/radio/",
                                  "https://example.com/radio///"])
def test_the_site_has_one_slash_after_its_base_whatever_was_written(tmp_path, base):
    config = make_config(tmp_path, show=FEED_SHOW.replace("https://example.com/radio/", base))
    assert site_base(config) == "https://example.com/radio/"
    assert media_base(config) == "https://example.com/radio/"  # no media base: the site's
    assert site_url(config, "/episodes/a.html") == "https://example.com/radio/episodes/a.html"
    assert site_url(config, "방송.html") == "https://example.com/radio/%EB%B0%A9%EC%86%A1.html"
    assert site_url(config, "Xmas.html") == "https://example.com/radio/Xmas.html"
    assert feed_url(config) == "https://example.com/radio/feed.xml"
    assert enclosure_url(config, "episodes/a.mp3") == "https://example.com/radio/episodes/a.mp3"


def test_a_base_ending_in_x_keeps_it(tmp_path):
    config = make_config(tmp_path, show=FEED_SHOW.replace("https://example.com/radio/",
                                                          "https://example.com/boX//"))
    assert site_base(config) == media_base(config) == "https://example.com/boX/"


def test_a_media_base_and_a_prefix_move_the_enclosures_only(tmp_path):
    config = config_with(tmp_path, media_base_url="https://media.example.net/방송//",
                         enclosure_prefix="https://op3.example/e,pg=1/")
    assert media_base(config) == "https://media.example.net/%EB%B0%A9%EC%86%A1/"
    assert site_base(config) == "https://example.com/radio/"
    assert enclosure_url(config, "/episodes/a.mp3") == (
        "https://op3.example/e,pg=1/https://media.example.net/%EB%B0%A9%EC%86%A1/episodes/a.mp3")
    episode = feed_episode(config, "2025-11-03", "rain", 1)
    assert episode_audio_path(episode) == "episodes/rain.mp3"
    assert episode_page_path(episode) == "episodes/rain.html"
    assert episode_url(config, episode).startswith("https://op3.example/e,pg=1/https://media.")


def test_relative_links_are_uri_references():
    assert relative_url("episodes/비.html") == "episodes/%EB%B9%84.html"
    assert relative_url("a.mp3") == "a.mp3"


def test_a_pinned_show_guid_is_used_in_lower_case(tmp_path):
    pinned = make_config(tmp_path / "a", '\n[feed]\nguid = "0F0E0D0C-0B0A-5908-8706-050403020100"\n')
    assert show_guid(pinned) == "0f0e0d0c-0b0a-5908-8706-050403020100"
    derived = make_config(tmp_path / "b")
    assert show_guid(derived) == str(uuid.uuid5(PODCAST_GUID_NAMESPACE, "example.com/radio/feed.xml"))


def test_an_episode_guid_is_the_override_for_its_slug_else_derived(tmp_path):
    config = make_config(tmp_path, '\n[episode_guids]\nrain = "  tag:old.example,2020:rain  "\n')
    assert slug_guid(config, "2025-11-03", "rain") == "tag:old.example,2020:rain"
    assert slug_guid(config, "2025-11-03", "snow") == str(
        uuid.uuid5(uuid.UUID(show_guid(config)), "2025-11-03/snow"))
    assert slug_guid(config, "2025-11-04", "snow") != slug_guid(config, "2025-11-03", "snow")


@pytest.mark.parametrize(("files", "chosen"), [
    (["x.jpg"], "x.jpg"),
    (["x.JPG"], "x.JPG"),
    (["x.jpeg"], "x.jpeg"),
    (["x.JPEG"], "x.JPEG"),
    (["x.png"], "x.png"),
    (["x.PNG"], "x.PNG"),
    (["x.gif", "x.webp"], None),
    ([], None),
    (["x.png", "x.jpeg", "x.jpg"], "x.jpg"),  # .jpg, then .jpeg, then .png
    (["x.png", "x.jpeg"], "x.jpeg"),
])
def test_the_artwork_beside_a_post(tmp_path, files, chosen):
    config = make_config(tmp_path)
    config.posts_dir.mkdir()
    episode = feed_episode(config, "2025-11-03", "rain", 1)
    for name in files:
        episode.post.path.with_name(episode.post.path.stem + name[1:]).write_bytes(b"img")
    found = episode_art_source(episode.post)
    assert (found.name if found else None) == (
        episode.post.path.stem + chosen[1:] if chosen else None)


def test_artwork_is_published_under_the_slug_and_a_stale_copy_removed(tmp_path):
    config = make_config(tmp_path)
    config.posts_dir.mkdir()
    rain = feed_episode(config, "2025-11-03", "rain", 1)
    snow = feed_episode(config, "2025-11-04", "snow", 2)
    rain.post.path.with_suffix(".JPEG").write_bytes(b"rain-art")
    episodes = config.public_dir / "episodes"
    episodes.mkdir(parents=True)
    (episodes / "rain.png").write_bytes(b"old")  # the post's art was a PNG before
    (episodes / "snow.jpg").write_bytes(b"old")  # the post has no art any more
    (episodes / "other.jpg").write_bytes(b"kept")  # not one of these episodes
    assert stale_episode_art(config, [rain, snow]) == [episodes / "rain.png",
                                                       episodes / "snow.jpg"]
    publish_episode_art(config, [rain, snow])
    assert sorted(p.name for p in episodes.iterdir()) == ["other.jpg", "rain.jpg"]
    assert (episodes / "rain.jpg").read_bytes() == b"rain-art"
    assert stale_episode_art(config, [rain, snow]) == []


def test_a_base_ending_in_x_keeps_it_in_the_show_guid(tmp_path):
    config = make_config(tmp_path, show=FEED_SHOW.replace("https://example.com/radio/",
                                                          "https://example.com/boX/"))
    assert show_guid(config) == str(uuid.uuid5(PODCAST_GUID_NAMESPACE, "example.com/boX/feed.xml"))


def test_an_episodes_guid_is_derived_from_its_posts_date_and_slug(tmp_path):
    config = make_config(tmp_path)
    episode = feed_episode(config, "2025-11-03", "rain", 1)
    expected = str(uuid.uuid5(uuid.UUID(show_guid(config)), "2025-11-03/rain"))
    assert post_guid(config, episode.post) == episode_guid(config, episode) == expected


@pytest.mark.parametrize(("cover", "name"), [
    ("art.jpg", "cover.jpg"), ("art.jpeg", "cover.jpg"), ("art.JPEG", "cover.jpg"),
    ("art.png", "cover.png"), ("art.PNG", "cover.png"), ("art.webp", "cover.webp"),
])
def test_the_cover_is_published_under_its_kinds_suffix(tmp_path, cover, name):
    (tmp_path / cover).write_bytes(b"img")
    assert cover_name(config_with(tmp_path / "show", cover=f"../{cover}")) == name
