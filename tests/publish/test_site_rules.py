"""The show's pages, each rule from both sides: the index counts every episode and shows a
pager only when the list takes more than one page; links inside the site are relative from the
index and from an episode's page alike; a chapter link seeks to its first sentence (0 for the
first chapter, a sentence starting at the chapter's very start included); and the HTML is
written tidy (closing tags under their opening tags, no lines left blank by template tags)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from podcaster.model import Cue, SegmentSpan, TimedCue, Timeline
from podcaster.publish import site
from podcaster.publish.site import render_site
from tests.helpers import SITE_CONFIG, make_config, parse_html, site_episode


def episodes(tmp_path, count: int):
    return [site_episode(tmp_path, f"ep-{n}", dt.date(2025, 3, n), n, f"방송 {n}")
            for n in range(1, count + 1)]


def heading_count(page) -> str:
    (heading,) = [h for h in page.find_all("h2") if h.attrs.get("id") == "episodes-title"]
    return heading.find_all("span", "count")[0].text


@pytest.mark.parametrize("count", [1, 3])
def test_one_page_of_episodes_counts_them_and_has_no_pager(tmp_path, count):
    files = render_site(make_config(tmp_path, show=SITE_CONFIG), episodes(tmp_path, count))
    assert sorted(name for name in files if "/" not in name) == ["index.html"]
    index = parse_html(files["index.html"])
    assert heading_count(index) == f"{count}편"
    assert index.find_all("nav") == []
    assert index.find_all("ol", "episode-list")[0].attrs["start"] == str(count)


def test_every_page_of_a_long_list_counts_all_the_episodes(tmp_path, monkeypatch):
    monkeypatch.setattr(site, "INDEX_PAGE_SIZE", 2)
    files = render_site(make_config(tmp_path, show=SITE_CONFIG), episodes(tmp_path, 3))
    for name in ("index.html", "page-2.html"):
        page = parse_html(files[name])
        assert heading_count(page) == "3편", name
        assert len(page.find_all("nav", "pager")) == 1, name


def local_links(page) -> list[str]:
    """Every link of the page to a file of the site (stylesheet, icon, feed, script)."""
    hrefs = [tag.attrs.get("href") or tag.attrs.get("src")
             for tag in page.find_all("link") + page.find_all("script") + page.find_all("a")]
    return sorted(h for h in hrefs
                  if h and re.search(r"(feed\.xml|cover\.png|static/)", h) and "://" not in h)


def test_links_inside_the_site_are_relative_to_each_page(tmp_path):
    files = render_site(make_config(tmp_path, show=SITE_CONFIG), episodes(tmp_path, 1))
    version = site.static_version()
    expected = sorted(["feed.xml", "feed.xml", "feed.xml", "cover.png",
                       f"static/site.css?v={version}", f"static/player.js?v={version}"])
    assert local_links(parse_html(files["index.html"])) == expected
    assert local_links(parse_html(files["episodes/ep-1.html"])) == ["../" + h for h in expected]
    index = parse_html(files["index.html"])
    assert index.find_all("img", "cover")[0].attrs["src"] == "cover.png"


def cue(kind, text, start, end, segment):
    return TimedCue(Cue(kind, text=text, segment=segment, paragraph=0), start, end)


def chapter_seeks(tmp_path, cues, spans) -> list[str]:
    config = make_config(tmp_path, show=SITE_CONFIG)
    episode = site_episode(tmp_path, "short", dt.date(2025, 3, 1), 1)
    episode.timeline = Timeline(cues=cues, segments=spans, duration=10.0)
    episode.duration = 10.0
    page = parse_html(render_site(config, [episode])["episodes/short.html"])
    return [a.attrs["data-seek"] for a in page.find_all("a", "chapter-link")]


def test_the_first_chapter_seeks_to_the_start_whenever_its_first_sentence_starts(tmp_path):
    cues = [cue("greeting", "안녕하세요.", 1.5, 3.0, 0),
            cue("commentary", "생각을 나눕니다.", 4.0, 6.0, 1)]
    spans = [SegmentSpan(0, "greeting", "인사", 0.0, 4.0),
             SegmentSpan(1, "commentary", "논평", 4.0, 10.0)]
    assert chapter_seeks(tmp_path, cues, spans) == ["0.000", "4.000"]


def test_a_chapter_whose_first_sentence_starts_at_its_start_seeks_to_that_sentence(tmp_path):
    cues = [cue("greeting", "안녕하세요.", 0.5, 3.0, 0),
            cue("commentary", "생각을 나눕니다.", 4.25, 5.0, 1),
            cue("commentary", "하나 더 있습니다.", 5.0, 6.0, 1)]
    spans = [SegmentSpan(0, "greeting", "인사", 0.0, 4.0),
             SegmentSpan(1, "commentary", "논평", 4.0, 10.0)]
    assert chapter_seeks(tmp_path, cues, spans) == ["0.000", "4.250"]


OPEN = re.compile(r"^( *)<([a-z0-9]+)[ >]")
CLOSE = re.compile(r"^( *)</([a-z0-9]+)>$")
VOID = {"meta", "link", "img", "br", "input", "source", "line", "path"}


def untidy_lines(html: str) -> list[str]:
    """Lines holding only spaces, two blank lines in a row, and closing tags on a line of their
    own that do not line up under their opening tag."""
    problems = []
    opened: list[tuple[str, int]] = []
    lines = html.split("\n")
    for n, line in enumerate(lines):
        if line and not line.strip():
            problems.append(f"{n}: spaces only")
        if n and not line and not lines[n - 1] and n < len(lines) - 1:
            problems.append(f"{n}: second blank line")
        if match := CLOSE.match(line):
            indent, tag = len(match.group(1)), match.group(2)
            while opened and opened[-1][0] != tag:
                opened.pop()
            if opened and opened.pop()[1] != indent:
                problems.append(f"{n}: {line.strip()} not under its opening tag")
        elif (match := OPEN.match(line)) and match.group(2) not in VOID \
                and f"</{match.group(2)}>" not in line:
            opened.append((match.group(2), len(match.group(1))))
    return problems


def test_pages_are_written_tidy(tmp_path):
    config = make_config(tmp_path, show=SITE_CONFIG)
    files = render_site(config, episodes(tmp_path, 2))
    for name in ("index.html", "episodes/ep-1.html"):
        assert untidy_lines(files[name].decode("utf-8")) == [], name


def languages(tmp_path, sentences) -> list[tuple[str | None, list[str | None]]]:
    """Each paragraph's lang and its sentences' for one paragraph of (text, language)."""
    config = make_config(tmp_path, show=SITE_CONFIG)
    cues = [TimedCue(Cue("article", text=text, segment=0, paragraph=0, language=language),
                     float(n), n + 0.8) for n, (text, language) in enumerate(sentences)]
    episode = site_episode(tmp_path, "short", dt.date(2025, 3, 1), 1)
    episode.timeline = Timeline(cues=cues, segments=[SegmentSpan(0, "article", "기사", 0.0, 5.0)],
                                duration=5.0)
    page = parse_html(render_site(config, [episode])["episodes/short.html"])
    return [(p.attrs.get("lang"), [a.attrs.get("lang") for a in p.find_all("a", "cue")])
            for p in page.find_all("p", "paragraph")]


@pytest.mark.parametrize(("sentences", "expected"), [
    ([("첫 문장.", "ko"), ("둘째 문장.", "ko")], [(None, [None, None])]),
    ([("첫 문장.", "ko"), ("A quote in English.", "en")], [(None, [None, "en"])]),
    ([("First.", "en"), ("Second.", "en")], [("en", [None, None])]),
], ids=["korean", "one-english-sentence", "english-paragraph"])
def test_a_sentence_read_in_another_language_is_marked_on_the_page(tmp_path, sentences,
                                                                   expected):
    assert languages(tmp_path, sentences) == expected
