"""The show's web pages: index and episode pages rendered from episodes and their timelines."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from podcaster.config import load_config
from podcaster.model import (
    Cue,
    Episode,
    Post,
    Segment,
    SegmentSpan,
    Source,
    TimedCue,
    Timeline,
)
from podcaster.publish.chapters import episode_chapters
from podcaster.publish.site import render_site, web_url, write_site
from tests.built_show import built_show
from tests.html_query import parse_html

CONFIG = """\
[show]
title = "밤하늘 <라디오> & 친구들"
author = "별지기"
description = "별 이야기를 나누는 방송입니다. <b>굵게</b> 보이면 안 됩니다."
base_url = "https://stars.example.org/radio"
owner_email = "host@example.org"
"""


@pytest.fixture
def config(tmp_path):
    (tmp_path / "podcast.toml").write_text(CONFIG, encoding="utf-8")
    return load_config(tmp_path)


def make_episode(tmp_path: Path, slug: str, day: dt.date, number: int,
                 title: str = "오늘의 별 <script>alert(1)</script> 이야기",
                 source_title: str = "목성 탐사선 소식", outlet: str = "우주신문") -> Episode:
    """An episode with a hand-made timeline: intro, title, greeting, one article, sign-off."""
    sources = [Source(1, source_title, outlet, "https://space.example.com/jupiter"),
               Source(2, "이상한 링크", "어딘가", "javascript:alert(2)")]
    post = Post(path=tmp_path / f"{slug}.txt", title=title, date=day, slug=slug, blocks=[],
                sources=sources, description="목성과 토성 이야기를 전합니다.")
    segments = [Segment("greeting", "인사", ["안녕하세요."]),
                Segment("article", source_title, ["첫 문장.", "둘째 문장."], sources[0]),
                Segment("signoff", "맺음말", ["이상입니다."])]
    sound = tmp_path / "sting.mp3"
    timed = [
        TimedCue(Cue("intro", sound=sound), 0.0, 4.0),
        TimedCue(Cue("title", text=title, pause_after=1.0), 4.0, 6.0),
        TimedCue(Cue("greeting", text="안녕하세요, 별지기입니다.", segment=0, paragraph=0,
                     pause_after=0.5), 7.0, 9.0),
        TimedCue(Cue("greeting", text="오늘도 <맑은> 밤이네요.", segment=0, paragraph=0,
                     pause_after=1.0), 9.5, 11.0),
        TimedCue(Cue("sting", sound=sound, segment=1), 12.0, 13.0),
        TimedCue(Cue("announcement", text="첫 번째 기사, 우주신문입니다.", segment=1,
                     pause_after=0.7), 13.0, 15.0),
        TimedCue(Cue("article", text="탐사선이 목성에 도착했다.", segment=1, paragraph=0,
                     pause_after=0.7), 15.7, 18.0),
        TimedCue(Cue("article", text="사진 100장을 보냈다.", segment=1, paragraph=1,
                     pause_after=1.0), 18.7, 21.0),
        TimedCue(Cue("sting", sound=sound, segment=1), 22.0, 23.0),
        TimedCue(Cue("signoff", text="이상 별 이야기였습니다.", segment=2, paragraph=0,
                     pause_after=0.0), 23.0, 26.0),
        TimedCue(Cue("outro", sound=sound), 26.0, 30.0),
    ]
    spans = [SegmentSpan(0, "greeting", "인사", 0.0, 12.0),
             SegmentSpan(1, "article", source_title, 12.0, 23.0, sources[0]),
             SegmentSpan(2, "signoff", "맺음말", 23.0, 30.0)]
    timeline = Timeline(cues=timed, segments=spans, duration=30.0)
    return Episode(post, segments, number, tmp_path / f"{slug}.mp3", 123456, 30.0, timeline)


def test_episode_page_chapters_transcript_and_sources(tmp_path, config):
    episode = make_episode(tmp_path, "stars", dt.date(2025, 3, 1), 1)
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
    episode = make_episode(tmp_path, "stars", dt.date(2025, 3, 1), 1)
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
    episode = make_episode(tmp_path, "stars", dt.date(2025, 3, 1), 1, source_title=title,
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
    episodes = [make_episode(tmp_path, "first", dt.date(2025, 1, 1), 1, "첫 방송"),
                make_episode(tmp_path, "third", dt.date(2025, 3, 1), 3, "세 번째 방송"),
                make_episode(tmp_path, "second", dt.date(2025, 2, 1), 2, "두 번째 방송")]
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
    episode = make_episode(tmp_path, "stars", dt.date(2025, 3, 1), 1)
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
    episode = make_episode(tmp_path, "stars", dt.date(2025, 3, 1), 1)
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
