"""The feed's Podcasting 2.0 and iTunes extension tags, each from both sides: every channel tag
and attribute written when set and absent when not (explicit true and false, locked yes and no
with and without an owner, a person with and without a page and a picture), and every item
link with and without its language and rel."""

from __future__ import annotations

import pytest
from feedgen.feed import FeedGenerator
from lxml import etree

from podcaster.publish.feedext import CHAPTERS_TYPE, ITUNES_NS, PODCAST_NS, register

NS = {"podcast": PODCAST_NS, "itunes": ITUNES_NS}


def feed(channel=None, item=None) -> etree._Element:
    fg = FeedGenerator()
    register(fg)
    fg.title("비 오는 밤")
    fg.link(href="https://example.com/rain/")
    fg.description("빗소리 방송")
    if channel:
        channel(fg.podcastindex)
    entry = fg.add_entry()
    entry.title("첫 회")
    entry.guid("guid-1")
    if item:
        item(entry.podcastindex)
    return etree.fromstring(fg.rss_str())


def tags(root, path: str) -> list:
    return root.xpath(path, namespaces=NS)


def test_nothing_set_writes_no_extension_tag_but_declares_the_namespaces():
    root = feed()
    assert tags(root, "//podcast:*") == [] and tags(root, "//itunes:*") == []
    assert root.nsmap["podcast"] == PODCAST_NS and root.nsmap["itunes"] == ITUNES_NS


@pytest.mark.parametrize(("value", "text"), [(True, "true"), (False, "false")])
def test_explicit_is_true_or_false(value, text):
    root = feed(lambda p: p.explicit(value))
    assert [e.text for e in tags(root, "/rss/channel/itunes:explicit")] == [text]


def test_the_guid_only_when_it_has_a_value():
    assert [e.text for e in tags(feed(lambda p: p.guid("abc-1")), "/rss/channel/podcast:guid")] \
        == ["abc-1"]
    assert tags(feed(lambda p: p.guid("")), "//podcast:guid") == []


@pytest.mark.parametrize(("locked", "owner", "text", "attr"), [
    (True, "me@example.com", "yes", "me@example.com"),
    (False, "me@example.com", "no", "me@example.com"),
    (True, None, "yes", None),
    (False, "", "no", None),
])
def test_locked_yes_or_no_with_its_owner_when_given(locked, owner, text, attr):
    (elem,) = tags(feed(lambda p: p.locked(locked, owner)), "/rss/channel/podcast:locked")
    assert (elem.text, elem.get("owner")) == (text, attr)


@pytest.mark.parametrize(("href", "img"), [
    (None, None), ("https://example.com/me", None), (None, "https://example.com/me.png"),
    ("https://example.com/me", "https://example.com/me.png"),
])
def test_a_person_with_a_page_and_a_picture_when_given(href, img):
    def people(p):
        p.person("김비", href=href, img=img)
        p.person("이눈", role="guest")

    host, guest = tags(feed(people), "/rss/channel/podcast:person")
    assert (host.text, host.get("role"), host.get("href"), host.get("img")) == (
        "김비", "host", href, img)
    assert (guest.text, guest.get("role"), guest.get("href"), guest.get("img")) == (
        "이눈", "guest", None, None)


def test_funding_with_its_link_and_text():
    (elem,) = tags(feed(lambda p: p.funding("https://example.com/give", "후원하기")),
                   "/rss/channel/podcast:funding")
    assert (elem.get("url"), elem.text) == ("https://example.com/give", "후원하기")


def test_item_transcripts_with_language_and_rel_only_when_given_and_chapters():
    def links(p):
        p.transcript("https://example.com/1.vtt", "text/vtt", "ko", "captions")
        p.transcript("https://example.com/1.json", "application/json")
        p.chapters("https://example.com/1.chapters.json")

    root = feed(item=links)
    vtt, json_ = tags(root, "/rss/channel/item/podcast:transcript")
    assert dict(vtt.attrib) == {"url": "https://example.com/1.vtt", "type": "text/vtt",
                                "language": "ko", "rel": "captions"}
    assert dict(json_.attrib) == {"url": "https://example.com/1.json",
                                  "type": "application/json"}
    (chapters,) = tags(root, "/rss/channel/item/podcast:chapters")
    assert dict(chapters.attrib) == {"url": "https://example.com/1.chapters.json",
                                     "type": CHAPTERS_TYPE}
    assert CHAPTERS_TYPE == "application/json+chapters"


def test_an_item_without_links_has_no_item_tags():
    assert tags(feed(item=lambda p: p.chapters("")), "/rss/channel/item/podcast:*") == []
