"""The show's web pages: index and episode pages rendered from episodes and their timelines."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest

from podcaster.config import load_config
from podcaster.model import (
    Source,
)
from podcaster.publish.chapters import episode_chapters
from podcaster.publish.site import render_site, web_url, write_site
from tests.helpers import SITE_CONFIG, built_show, parse_html, site_episode


@pytest.fixture
def config(tmp_path):
    (tmp_path / "podcast.toml").write_text(SITE_CONFIG, encoding="utf-8")
    return load_config(tmp_path)


def test_episode_page_chapters_transcript_and_sources(tmp_path, config):
    episode = site_episode(tmp_path, "stars", dt.date(2025, 3, 1), 1)
    files = render_site(config, [episode])
    page = parse_html(files["episodes/stars.html"])

    audio = page.find_all("audio")[0]
    assert audio.attrs["src"] == "stars.mp3"
    assert audio.attrs["preload"] == "metadata"

    # Chapters start with their first sentence (the article's announcement, not the sting).
    chapters = page.find_all("li", "chapter")
    assert [float(c.attrs["data-start"]) for c in chapters] == [0.0, 13.0, 23.0]
    assert [float(c.attrs["data-end"]) for c in chapters] == [13.0, 23.0, 30.0]
    links = [c.find_all("a", "chapter-link")[0] for c in chapters]
    assert [float(a.attrs["data-seek"]) for a in links] == [0.0, 13.0, 23.0]
    assert [a.find_all("span", "chapter-title")[0].text for a in links] == [
        "인사", "기사 1 · 목성 탐사선 소식", "맺음말"]
    assert [a.attrs["href"] for a in chapters[1].find_all("a", "chapter-source")] == [
        "https://space.example.com/jupiter"]

    # Every spoken cue appears once, in order; it owns the time up to the next cue's start.
    cues = page.find_all("a", "cue")
    speech = [(i, t) for i, t in enumerate(episode.timeline.cues) if not t.cue.is_sound]
    assert [c.text for c in cues] == [t.cue.text for _, t in speech]
    for el, (i, t) in zip(cues, speech, strict=True):
        assert float(el.attrs["data-start"]) == t.start
        assert float(el.attrs["data-end"]) == episode.timeline.cues[i + 1].start
        assert el.attrs["data-seek"] == el.attrs["data-start"]

    # The transcript is grouped by chapter, with the article's paragraphs apart.
    parts = page.find_all("div", "transcript-part")
    assert [p.find_all("h3")[0].text.split(" ", 1)[1] if p.find_all("h3") else None
            for p in parts] == [None, "인사", "기사 1 · 목성 탐사선 소식", "맺음말"]
    article_paragraphs = parts[2].find_all("p", "paragraph")
    assert [len(p.find_all("a", "cue")) for p in article_paragraphs] == [1, 1, 1]
    assert "announcement" in article_paragraphs[0].classes

    # Sources: web links are links; anything else is plain text.
    sources = page.find_all("ol", "sources")[0]
    hrefs = [a.attrs["href"] for a in sources.find_all("a")]
    assert hrefs == ["https://space.example.com/jupiter"]
    assert "이상한 링크" in sources.text
    assert "javascript:" not in files["episodes/stars.html"].decode()


def test_pages_escape_what_the_author_wrote(tmp_path, config):
    episode = site_episode(tmp_path, "stars", dt.date(2025, 3, 1), 1)
    files = render_site(config, [episode])
    for name in ("index.html", "episodes/stars.html"):
        html = files[name].decode()
        assert "<script>alert(1)</script>" not in html
        assert "<b>굵게</b>" not in html
        assert "<라디오>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html or name == "index.html"
        # The only scripts are the site's own, loaded from the site itself.
        scripts = parse_html(html).find_all("script")
        assert [s.attrs.get("src", "").split("?")[0] for s in scripts] == [
            "static/player.js" if name == "index.html" else "../static/player.js"]
    page = parse_html(files["episodes/stars.html"])
    assert page.find_all("h1")[0].text == episode.post.title
    assert "오늘도 <맑은> 밤이네요." in [c.text for c in page.find_all("a", "cue")]


def test_source_titles_and_outlets_are_escaped_everywhere(tmp_path, config):
    # A source line is copied from another site: its markup is text, never markup.
    title = "<i>목성</i> 탐사선 & <img src=x onerror=alert(3)> 소식"
    outlet = "<u>우주신문</u>"
    episode = site_episode(tmp_path, "stars", dt.date(2025, 3, 1), 1, source_title=title,
                           outlet=outlet)
    episode.post.sources[1] = Source(2, title, outlet, "javascript:alert(2)")  # not a link
    files = render_site(config, [episode])
    for name, html in files.items():
        if not name.endswith(".html"):
            continue
        page = parse_html(html)
        assert not page.find_all("i") and not page.find_all("u"), name
        assert not [e for e in page.iter() if "onerror" in e.attrs], name
    page = parse_html(files["episodes/stars.html"])
    assert [s.text for s in page.find_all("span", "chapter-title")][1] == f"기사 1 · {title}"
    heading = page.find_all("div", "transcript-part")[2].find_all("h3")[0].text
    assert heading.split(" ", 1)[1] == f"기사 1 · {title}"
    sources = page.find_all("ol", "sources")[0]
    for li in sources.find_all("li"):
        assert li.text.strip() in (title + outlet, f"{title} {outlet}")
    assert sources.find_all("a")[0].text == title


def test_index_lists_episodes_newest_first_and_the_feed(tmp_path, config):
    episodes = [site_episode(tmp_path, "first", dt.date(2025, 1, 1), 1, "첫 방송"),
                site_episode(tmp_path, "third", dt.date(2025, 3, 1), 3, "세 번째 방송"),
                site_episode(tmp_path, "second", dt.date(2025, 2, 1), 2, "두 번째 방송")]
    files = render_site(config, episodes)
    assert sorted(files) == ["episodes/first.html", "episodes/second.html",
                             "episodes/third.html", "index.html", "static/player.js",
                             "static/site.css"]
    index = parse_html(files["index.html"])
    links = index.find_all("a", "episode-link")
    assert [a.attrs["href"] for a in links] == ["episodes/third.html", "episodes/second.html",
                                                "episodes/first.html"]
    assert [a.text for a in links] == ["세 번째 방송", "두 번째 방송", "첫 방송"]
    feed_input = index.find_all("input", "feed-url")[0]
    assert feed_input.attrs["value"] == "https://stars.example.org/radio/feed.xml"
    assert feed_input.attrs["readonly"] == ""
    copy = [b for b in index.find_all("button") if b.attrs.get("data-copy")]
    assert copy and copy[0].attrs["data-copy"] == feed_input.attrs["id"]
    alternate = [link for link in index.find_all("link")
                 if link.attrs.get("type") == "application/rss+xml"]
    assert alternate[0].attrs["href"] == "feed.xml"
    assert index.find_all("img", "cover")[0].attrs["src"] == "cover.png"
    assert index.find_all("html")[0].attrs["lang"] == "ko"


def test_no_external_resources(tmp_path, config):
    """Pages load nothing from another site (no CDN), so they work offline."""
    episode = site_episode(tmp_path, "stars", dt.date(2025, 3, 1), 1)
    for name, data in render_site(config, [episode]).items():
        if not name.endswith(".html"):
            continue
        page = parse_html(data)
        for el in page.iter():
            if el.tag in ("script", "img", "audio", "source", "iframe") and "src" in el.attrs:
                assert not urlsplit(el.attrs["src"]).netloc, (name, el.attrs)
            if el.tag == "link" and el.attrs.get("rel") in ("stylesheet", "icon"):
                assert not urlsplit(el.attrs["href"]).netloc, (name, el.attrs)
    css = render_site(config, [episode])["static/site.css"].decode()
    assert not re.search(r"url\(|@import", css)


def test_write_site_skips_unchanged_files(tmp_path, config):
    episode = site_episode(tmp_path, "stars", dt.date(2025, 3, 1), 1)
    written = write_site(config, [episode])
    public = config.public_dir
    assert {p.relative_to(public).as_posix() for p in written} == {
        "index.html", "episodes/stars.html", "static/site.css", "static/player.js"}
    assert write_site(config, [episode]) == []
    episode.post.description = "바뀐 설명"
    assert {p.relative_to(public).as_posix() for p in write_site(config, [episode])} == {
        "index.html", "episodes/stars.html"}


@pytest.mark.parametrize("url, expected", [
    ("https://a.example/x", "https://a.example/x"), (" http://a.example ", "http://a.example"),
    ("javascript:alert(1)", None), ("data:text/html,x", None), (None, None), ("", None),
    ("//evil.example", None),
])
def test_web_url(url, expected):
    assert web_url(url) == expected


def test_built_site_links_resolve(built_demo):
    """In a real build, every relative link of every page names a file in public/."""
    show = built_show(built_demo)
    pages = [show.public / "index.html"] + sorted((show.public / "episodes").glob("*.html"))
    assert len(pages) == 1 + len(show.result.episodes) == 4
    for page in pages:
        for el in parse_html(page.read_bytes()).iter():
            for attr in ("href", "src"):
                target = el.attrs.get(attr)
                if not target or urlsplit(target).scheme or target.startswith("#"):
                    continue
                path = urlsplit(target).path
                resolved = (page.parent / path).resolve()
                assert resolved.is_file(), f"{page.name}: {attr}={target} -> {resolved}"


def test_built_episode_page_matches_its_timeline(built_demo):
    show = built_show(built_demo)
    for episode in show.result.episodes:
        page = parse_html((show.public / "episodes" / f"{episode.post.slug}.html").read_bytes())
        cues = page.find_all("a", "cue")
        speech = episode.timeline.speech()
        assert [c.text for c in cues] == [t.cue.text for t in speech]
        # Times are written to the millisecond, rounded up so a seek lands inside the cue.
        for el, timed in zip(cues, speech, strict=True):
            start = float(el.attrs["data-start"])
            assert timed.start <= start < timed.start + 0.001 + 1e-9
        # The same chapters as the MP3's CHAP frames and the chapters JSON.
        chapters = page.find_all("li", "chapter")
        expected = episode_chapters(episode.timeline)
        assert [c.find_all("span", "chapter-title")[0].text for c in chapters] == [
            c.title for c in expected]
        assert [float(c.attrs["data-start"]) for c in chapters] == [c.start for c in expected]


def test_a_long_list_of_episodes_is_split_into_pages(tmp_path, config):
    from podcaster.publish.site import INDEX_PAGE_SIZE

    total = 2 * INDEX_PAGE_SIZE + 3
    first = dt.date(2023, 1, 1)
    episodes = [site_episode(tmp_path, f"ep-{n:03d}", first + dt.timedelta(days=n), n + 1,
                             f"방송 {n + 1}") for n in range(total)]
    written = write_site(config, episodes)
    names = {p.relative_to(config.public_dir).as_posix() for p in written}
    assert {"index.html", "page-2.html", "page-3.html"} <= names
    pages = [parse_html((config.public_dir / name).read_bytes())
             for name in ("index.html", "page-2.html", "page-3.html")]
    titles = [[a.text for a in page.find_all("a", "episode-link")] for page in pages]
    assert [len(t) for t in titles] == [INDEX_PAGE_SIZE, INDEX_PAGE_SIZE, 3]
    assert titles[0][0] == f"방송 {total}" and titles[2][-1] == "방송 1"  # newest first
    assert pages[1].find_all("ol")[0].attrs["start"] == str(total - INDEX_PAGE_SIZE)
    assert f"{total}편" in pages[2].find_all("span", "count")[0].text
    nav = [{a.attrs["rel"]: a.attrs["href"] for a in page.find_all("nav", "pager")[0]
            .find_all("a")} for page in pages]
    assert nav == [{"next": "page-2.html"}, {"prev": "index.html", "next": "page-3.html"},
                   {"prev": "page-2.html"}]

    write_site(config, episodes[:INDEX_PAGE_SIZE])  # one page again: the others go
    assert not list(config.public_dir.glob("page-*.html"))
    assert not parse_html((config.public_dir / "index.html").read_bytes()).find_all("nav",
                                                                                     "pager")
