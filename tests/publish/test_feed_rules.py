"""The feed's rules from both sides, beyond tests/publish/test_feed.py: the channel's
lastBuildDate is the newest episode's date however many episodes there are and in whatever
order they come; each item's duration is rounded to the nearest second, up and down; an item
links one episode image, the .jpg when both kinds are published; and show notes hold the
chapters and the sources only when the episode has them; the category holds a subcategory only
when one is set."""

from __future__ import annotations

import itertools

import pytest

from podcaster.publish.feed import render_feed, show_notes
from tests.helpers import FEED_SHOW, feed_episode, make_config, one, parse_xml, xpath

DAYS = ["2025-01-05", "2025-02-14", "2025-03-30"]


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))),
                         ids=lambda order: "".join(map(str, order)))
def test_last_build_date_is_the_newest_episodes_date(tmp_path, order):
    config = make_config(tmp_path, '[feed]\npublish_time = "06:15"\n')
    episodes = [feed_episode(config, DAYS[n], f"ep-{n}", n + 1) for n in order]
    root = parse_xml(render_feed(config, episodes))
    assert one(root, "/rss/channel/lastBuildDate/text()") == "Sun, 30 Mar 2025 06:15:00 +0900"
    assert xpath(root, "//item/pubDate/text()") == [
        "Sun, 30 Mar 2025 06:15:00 +0900", "Fri, 14 Feb 2025 06:15:00 +0900",
        "Sun, 05 Jan 2025 06:15:00 +0900"]


@pytest.mark.parametrize(("seconds", "shown"), [
    (59.4, "00:00:59"), (59.5, "00:01:00"), (3599.6, "01:00:00"), (3600.4, "01:00:00"),
])
def test_an_items_duration_is_rounded_to_the_nearest_second(tmp_path, seconds, shown):
    config = make_config(tmp_path)
    root = parse_xml(render_feed(config, [feed_episode(config, "2025-11-03", "a", 1,
                                                       duration=seconds)]))
    assert one(root, "//item/itunes:duration/text()") == shown


@pytest.mark.parametrize(("published", "linked"), [
    ([], None), (["png"], "png"), (["jpg"], "jpg"), (["png", "jpg"], "jpg"),
], ids=["none", "png", "jpg", "both"])
def test_an_item_links_one_episode_image_the_jpg_before_the_png(tmp_path, published, linked):
    config = make_config(tmp_path)
    folder = config.public_dir / "episodes"
    folder.mkdir(parents=True)
    for suffix in published:
        (folder / f"rain.{suffix}").write_bytes(b"img")
    root = parse_xml(render_feed(config, [feed_episode(config, "2025-11-03", "rain", 1)]))
    assert xpath(root, "//item/itunes:image/@href") == (
        [f"https://example.com/radio/episodes/rain.{linked}"] if linked else [])


def test_show_notes_without_chapters_or_sources_hold_the_summary_only(tmp_path):
    config = make_config(tmp_path)
    episode = feed_episode(config, "2025-11-03", "rain", 1, description="비 이야기입니다.")
    episode.post.sources.clear()
    episode.timeline.segments.clear()
    assert show_notes(episode) == "<p>비 이야기입니다.</p>"


@pytest.mark.parametrize("subcategory", ["", "Tech News"], ids=["none", "tech-news"])
def test_the_category_holds_the_subcategory_only_when_one_is_set(tmp_path, subcategory):
    config = make_config(tmp_path, show=FEED_SHOW.replace(
        'category = "Technology"', f'category = "News"\nsubcategory = "{subcategory}"'))
    root = parse_xml(render_feed(config, [feed_episode(config, "2025-11-03", "a", 1)]))
    assert one(root, "/rss/channel/itunes:category/@text") == "News"
    assert xpath(root, "/rss/channel/itunes:category/itunes:category/@text") == (
        [subcategory] if subcategory else [])
