"""Property: any text an author writes — a post's title and paragraphs, a source line, the
show's title and description in podcast.toml — is refused with podcaster's own error, or is
published in the feed and on the pages as well-formed XML and HTML holding exactly the text
read, with no control, bidirectional or invisible character in it."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import event, given
from hypothesis import strategies as st
from lxml import etree

from podcaster.config import load_config
from podcaster.errors import PodcasterError
from podcaster.init import toml_value
from podcaster.model import Episode, Segment, SegmentSpan, Timeline
from podcaster.publish.feed import render_feed
from podcaster.publish.site import render_site
from podcaster.text.read import read_post
from podcaster.values import scrub
from tests.helpers import FEED_SHOW, parse_html

# Text with what breaks markup and what hides in it: markup marks, references, CDATA ends,
# controls, bidirectional controls, invisible characters, surrogate-free astral characters.
SHOWN = list("가나다한글 &<>\"'`;#/=]!?-.0123456789xX") + [
    "]]>", "<![CDATA[", "<script>", "&amp;", "&#0;", "&#x202e;", "&#8203;", "&lt;", "\t",
    "\u00ad", "\u200b", "\u200d", "\u200e", "\u200f", "\u2028", "\u2029", "\u2060", "\ufeff",
    "\U000e0001", "\U000e0041", "\U0001f600", "\u00a0"]
REFUSED = ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\u202a", "\u202e", "\u2066", "\u2069",
           "\ufffe", "\uffff"]
# Mostly characters that are published (or removed); now and then one that is refused.
HOSTILE = st.sampled_from(SHOWN * 6 + REFUSED)
TEXT = st.lists(HOSTILE, min_size=1, max_size=30).map("".join) | st.text(min_size=1,
                                                                           max_size=30)


def published(post, config) -> dict[str, bytes]:
    """The feed and the pages of one episode of ``post``."""
    source = post.sources[0] if post.sources else None
    segments = [Segment("article", source.title if source else post.title,
                        [b.text for b in post.blocks], source)]
    timeline = Timeline(segments=[SegmentSpan(0, "article", segments[0].title, 0.0, 9.5,
                                              source)], duration=9.5)
    episode = Episode(post, segments, 1, config.public_dir / "episodes" / f"{post.slug}.mp3",
                      1000, 9.5, timeline)
    files = render_site(config, [episode], peaks={})
    files["feed.xml"] = render_feed(config, [episode])
    return files


def assert_clean(text: str, where: str) -> None:
    assert scrub(text) == (text, None), f"{where}: {text!r}"


@given(title=TEXT, paragraph=TEXT, source=TEXT, show_title=TEXT, description=TEXT)
def test_any_text_is_refused_or_published_well_formed_and_clean(title, paragraph, source,
                                                                 show_title, description):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "podcast.toml").write_text(
            FEED_SHOW.replace('title = "테스트 라디오"', f"title = {toml_value(show_title)}")
            .replace('description = "피드 시험용 한국어 방송입니다."',
                     f"description = {toml_value(description)}"), encoding="utf-8")
        (root / "posts").mkdir()
        path = root / "posts" / "2025-03-01-hostile.txt"
        path.write_text(f"{title}\n안녕하세요 시험 작가입니다.\n{paragraph}\n"
                        f"이상 오늘의 소식이었습니다.\n1. {source} -신문-\n"
                        "https://news.example.org/a\n", encoding="utf-8")
        try:
            config = load_config(root)
            post = read_post(path)
        except PodcasterError:
            event("refused")
            return  # refused with podcaster's own error (exit 2 or 3), naming the file
        assert post.date == dt.date(2025, 3, 1)
        files = published(post, config)

    feed = etree.fromstring(files["feed.xml"])  # strict XML: raises on anything malformed
    for text in feed.itertext():
        assert_clean(text, "feed.xml")
    assert feed.findtext("channel/title") == config.show.title
    assert feed.findtext("channel/item/title") == post.title
    for name, data in files.items():
        if name.endswith(".html"):
            assert_clean(data.decode("utf-8"), name)
    page = parse_html(files[f"episodes/{post.slug}.html"])
    assert page.find_all("h1")[0].text == post.title
