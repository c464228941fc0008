"""The names and URLs the feed publishes: content-addressed MP3 names, media URLs joined with
exactly one slash, the analytics prefix taken off again, artwork found beside a post whatever
the case of its suffix, and the show's cover under its published name."""

from __future__ import annotations

import pytest
from PIL import Image

from podcaster.errors import PodcasterError
from podcaster.publish.feed import render_feed
from podcaster.publish.layout import (
    audio_file_name,
    cover_name,
    episode_art,
    is_audio_name,
    media_url,
    slug_of_audio_name,
    strip_enclosure_prefix,
)
from tests.helpers import config_with, feed_episode, make_config, one, parse_xml

HASH = "0123456789abcdef" * 4  # a sha256 in hex


def test_audio_names_are_slug_and_twelve_hex_digits():
    name = audio_file_name("robot-kitchen", HASH)
    assert name == "robot-kitchen.0123456789ab.mp3"
    assert is_audio_name(name)
    assert slug_of_audio_name(name) == "robot-kitchen"


@pytest.mark.parametrize("name", [
    "robot.0123abc.mp3",           # a hash too short, though hex
    "robot.0123456789abc.mp3",     # too long
    "robot.0123456789ab.ogg",      # not an MP3
    "robot.0123456789ab.MP3",
    "robot.0123456789aX.mp3",      # not hex
    "robot.0123456789AB.mp3",      # hex digits are lower case
    "robot.mp3",                   # no hash at all
    "robot.0123456789ab.mp3.part",
    "abc",
])
def test_other_names_are_not_content_addressed_mp3s(name):
    assert not is_audio_name(name)


def test_media_urls_join_with_one_slash(tmp_path):
    config = make_config(tmp_path / "plain")
    assert media_url(config, "episodes/a.mp3") == "https://example.com/radio/episodes/a.mp3"
    assert media_url(config, "/episodes/a.mp3") == "https://example.com/radio/episodes/a.mp3"
    assert media_url(config, "Xmas.mp3") == "https://example.com/radio/Xmas.mp3"
    hosted = config_with(tmp_path / "hosted", media_base_url="https://media.example.net/boX/")
    assert media_url(hosted, "/episodes/a.mp3") == "https://media.example.net/boX/episodes/a.mp3"


def test_the_enclosure_prefix_is_taken_off_only_where_it_is(tmp_path):
    media = "https://media.example.net/radio/episodes/a.mp3"
    hosted = config_with(tmp_path / "hosted", media_base_url="https://media.example.net/radio",
                         enclosure_prefix="https://op3.dev/e/")
    assert strip_enclosure_prefix(hosted, "https://op3.dev/e/" + media) == media
    assert strip_enclosure_prefix(hosted, media) == media
    assert strip_enclosure_prefix(hosted, "https://op3.dev/x/" + media) == \
        "https://op3.dev/x/" + media
    plain = make_config(tmp_path / "plain")
    assert strip_enclosure_prefix(plain, "https://op3.dev/e/" + media) == \
        "https://op3.dev/e/" + media


def test_episode_art_with_an_upper_case_suffix(tmp_path):
    config = make_config(tmp_path)
    config.posts_dir.mkdir()
    ep = feed_episode(config, "2025-11-03", "robot", 1)
    art = ep.post.path.with_suffix(".PNG")
    Image.new("RGB", (1400, 1400), (10, 120, 200)).save(art, "PNG")
    assert episode_art([ep]) == {"episodes/robot.png": art}


def test_a_cover_of_another_kind_keeps_its_suffix(tmp_path):
    (tmp_path / "art.webp").write_bytes(b"RIFF")
    config = config_with(tmp_path, cover="art.webp")
    assert cover_name(config) == "cover.webp"
    (tmp_path / "art.PNG").write_bytes(b"x")
    assert cover_name(config_with(tmp_path / "b", cover="../art.PNG")) == "cover.png"


def test_an_empty_feed_says_why(tmp_path):
    with pytest.raises(PodcasterError) as info:
        render_feed(make_config(tmp_path), [])
    assert info.value.message == "no episodes to put in the feed"


def test_the_rss_image_names_the_show_and_links_its_website(tmp_path):
    config = config_with(tmp_path, website="https://blog.example.com/stars")
    root = parse_xml(render_feed(config, [feed_episode(config, "2025-11-03", "a", 1)]))
    assert one(root, "/rss/channel/image/title/text()") == "테스트 라디오"
    assert one(root, "/rss/channel/image/link/text()") == "https://blog.example.com/stars"
    assert one(root, "/rss/channel/link/text()") == "https://blog.example.com/stars"
