"""The details of the show's pages, rendered from hand-made episodes (no audio): page URLs
for sharing, dates and durations, the waveform drawn from given peaks, where chapter links
seek, how the transcript is split into paragraphs, and the second page of the list."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging

import jinja2
import pytest

from podcaster.model import Cue, SegmentSpan, TimedCue, Timeline
from podcaster.publish import site
from podcaster.publish.site import (
    environment,
    iso_duration,
    render_site,
    waveform_view,
    write_site,
)
from podcaster.publish.waveform import Waveform
from tests.helpers import SITE_CONFIG, make_config, parse_html, site_episode

BASE = "https://stars.example.org/radio"


def meta(page, prop: str) -> str:
    (found,) = [m for m in page.find_all("meta") if m.attrs.get("property") == prop]
    return found.attrs["content"]


@pytest.mark.parametrize("seconds, expected", [
    (0, "PT0M0S"), (30.0, "PT0M30S"), (59.5, "PT1M0S"), (120, "PT2M0S"), (125.2, "PT2M5S"),
    (3599.4, "PT59M59S"), (3600, "PT1H0M0S"), (3725.6, "PT1H2M6S"), (7260, "PT2H1M0S"),
])
def test_iso_durations(seconds, expected):
    assert iso_duration(seconds) == expected


def test_pages_tell_number_date_and_duration(tmp_path):
    config = make_config(tmp_path, show=SITE_CONFIG)
    episode = site_episode(tmp_path, "stars", dt.date(2025, 3, 1), 7)
    episode.duration = 3725.6
    files = render_site(config, [episode])
    page = parse_html(files["episodes/stars.html"])
    (header,) = page.find_all("header", "episode-header")
    (meta_line,) = header.find_all("p", "meta")
    assert meta_line.text == "제7화 · 2025년 3월 1일 · 1시간 2분"
    date, duration = meta_line.find_all("time")
    assert date.attrs["datetime"] == "2025-03-01"
    assert duration.attrs["datetime"] == "PT1H2M6S"
    assert page.find_all("audio")[0].attrs["data-duration"] == "3725.600"
    index = parse_html(files["index.html"])
    (item,) = index.find_all("li", "episode-item")
    assert item.find_all("p", "meta")[0].text == "2025년 3월 1일 · 1시간 2분"


def test_every_page_ends_with_a_newline(tmp_path):
    config = make_config(tmp_path, show=SITE_CONFIG)
    files = render_site(config, [site_episode(tmp_path, "stars", dt.date(2025, 3, 1), 1)])
    for name in ("index.html", "episodes/stars.html"):
        assert files[name].endswith(b"</html>\n"), name


def test_a_template_naming_a_missing_value_fails_instead_of_rendering_blank():
    env = environment()
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("<p>{{ title }}</p>").render()
    assert env.from_string("<p>{{ title }}</p>").render(title="<별>") == "<p>&lt;별&gt;</p>"


def test_pages_name_their_own_url_the_audio_and_versioned_static_files(tmp_path):
    config = make_config(tmp_path, show=SITE_CONFIG)
    files = render_site(config, [site_episode(tmp_path, "stars", dt.date(2025, 3, 1), 1)])
    index = parse_html(files["index.html"])
    page = parse_html(files["episodes/stars.html"])
    assert meta(index, "og:url") == f"{BASE}/"
    assert meta(page, "og:url") == f"{BASE}/episodes/stars.html"
    assert meta(page, "og:audio") == f"{BASE}/episodes/stars.mp3"
    assert meta(page, "og:image") == f"{BASE}/cover.png"
    digest = hashlib.sha256()
    for name in ("site.css", "player.js"):
        digest.update(files[f"static/{name}"])
    version = digest.hexdigest()[:10]
    sheets = [link.attrs["href"] for link in page.find_all("link")
              if link.attrs.get("rel") == "stylesheet"]
    assert sheets == [f"../static/site.css?v={version}"]
    assert page.find_all("script")[0].attrs["src"] == f"../static/player.js?v={version}"


def test_audio_hosted_apart_plays_and_downloads_from_its_host(tmp_path):
    config = make_config(tmp_path, 'media_base_url = "https://media.example.net/stars/"\n', show=SITE_CONFIG)
    files = render_site(config, [site_episode(tmp_path, "stars", dt.date(2025, 3, 1), 1)])
    page = parse_html(files["episodes/stars.html"])
    url = "https://media.example.net/stars/episodes/stars.mp3"
    assert page.find_all("audio")[0].attrs["src"] == url
    (download,) = page.find_all("p", "download")
    assert download.find_all("a")[0].attrs["href"] == url
    assert meta(page, "og:audio") == url
    assert page.find_all("a", "cue")[0].attrs["href"] == f"{url}#t=4.000"


PEAKS = [0, 40, 100, 7, 1, 55, 2]


def test_waveform_drawn_from_the_given_peaks(tmp_path):
    config = make_config(tmp_path, show=SITE_CONFIG)
    episode = site_episode(tmp_path, "stars", dt.date(2025, 3, 1), 1)
    peaks = {"stars": json.dumps({"peaks": PEAKS}).encode()}
    page = parse_html(render_site(config, [episode], peaks)["episodes/stars.html"])
    (svg,) = page.find_all("div", "player")[0].find_all("svg", "waveform")
    assert svg.attrs["viewbox"] == "0 0 7 100"
    assert svg.find_all("path", "bars")[0].attrs["d"] == (
        "M0.5 49.5v1 M1.5 30v40 M2.5 0v100 M3.5 46.5v7 M4.5 49.5v1 M5.5 22.5v55 M6.5 49v2")
    # a mark where each chapter after the first starts (13 s and 23 s of 30 s)
    assert [line.attrs["x1"] for line in svg.find_all("line", "mark")] == ["3.03", "5.37"]
    # without peaks there is no waveform
    page = parse_html(render_site(config, [episode])["episodes/stars.html"])
    assert not page.find_all("svg")


def test_no_waveform_without_peaks_or_duration():
    assert waveform_view(None, []) is None
    assert waveform_view(Waveform([], 30.0), []) is None
    assert waveform_view(Waveform([5], 0.0), []) is None
    assert waveform_view(Waveform([5], -1.0), []) is None
    view = waveform_view(Waveform([5], 0.5), [])
    assert (view.bars, view.width, view.marks) == ("M0.5 47.5v5", 1, [])


def speech(kind, text, start, end, segment=None, paragraph=None):
    return TimedCue(Cue(kind, text=text, segment=segment, paragraph=paragraph), start, end)


def short_episode(tmp_path, cues, spans, timeline_duration=10.0, duration=10.0):
    """The hand-made episode of tests/helpers.py (site_episode) with another timeline."""
    episode = site_episode(tmp_path, "short", dt.date(2025, 3, 1), 1)
    episode.timeline = Timeline(cues=cues, segments=spans, duration=timeline_duration)
    episode.duration = duration
    return episode


def test_chapter_links_seek_to_the_chapters_first_sentence(tmp_path):
    config = make_config(tmp_path, show=SITE_CONFIG)
    source = site_episode(tmp_path, "x", dt.date(2025, 3, 1), 1).post.sources[0]
    sound = tmp_path / "sting.mp3"
    cues = [speech("title", "제목", 0.0, 1.5),
            speech("greeting", "안녕하세요.", 2.0, 3.0, 0, 0),
            speech("greeting", "반갑습니다.", 3.6, 4.0, 0, 0),  # under a second before the next
            speech("announcement", "첫 기사입니다.", 4.1, 6.0, 1),
            speech("article", "본문입니다.", 6.2, 7.5, 1, 0),
            TimedCue(Cue("outro", sound=sound, segment=2), 8.0, 10.0)]
    spans = [SegmentSpan(0, "greeting", "인사", 0.0, 4.05),
             SegmentSpan(1, "article", source.title, 4.05, 8.0, source),
             SegmentSpan(2, "signoff", "맺음말", 8.0, 10.0)]  # no sentence of its own
    page = parse_html(render_site(config, [short_episode(tmp_path, cues, spans)])
                      ["episodes/short.html"])
    links = page.find_all("a", "chapter-link")
    assert [a.attrs["data-seek"] for a in links] == ["0.000", "4.100", "8.000"]
    assert [a.attrs["href"] for a in links] == ["short.mp3#t=0.000", "short.mp3#t=4.100",
                                                "short.mp3#t=8.000"]


def test_transcript_paragraphs_and_sentence_ends(tmp_path):
    config = make_config(tmp_path, show=SITE_CONFIG)
    cues = [speech("greeting", "안녕하세요.", 0.0, 1.0, 0, 0),
            speech("greeting", "  ", 1.0, 1.2, 0, 0),  # nothing to show
            speech("greeting", "반갑습니다.", 1.5, 2.5, 0, 0),
            speech("announcement", "첫 기사입니다.", 3.0, 4.0, 1, 0),
            speech("article", "본문 첫 문단.", 4.5, 6.0, 1, 0),
            speech("article", "본문 둘째 문단.", 6.5, 8.0, 1, 1)]
    spans = [SegmentSpan(0, "greeting", "인사", 0.0, 3.0),
             SegmentSpan(1, "commentary", "논평", 3.0, 10.0)]

    def transcript(episode):
        page = parse_html(render_site(config, [episode])["episodes/short.html"])
        return [[(p.attrs["class"], [(a.text, a.attrs["data-end"]) for a in p.find_all("a", "cue")])
                 for p in part.find_all("p", "paragraph")]
                for part in page.find_all("div", "transcript-part")]

    # the last sentence lasts to the end of the timeline
    assert transcript(short_episode(tmp_path, cues, spans, 10.5, 10.0)) == [
        [("paragraph greeting", [("안녕하세요.", "1.000"), ("반갑습니다.", "3.000")])],
        [("paragraph announcement", [("첫 기사입니다.", "4.500")]),
         ("paragraph article", [("본문 첫 문단.", "6.500")]),
         ("paragraph article", [("본문 둘째 문단.", "10.500")])],
    ]
    # or of the episode, when the timeline has no duration
    parts = transcript(short_episode(tmp_path, cues, spans, 0.0, 10.0))
    assert parts[1][2] == ("paragraph article", [("본문 둘째 문단.", "10.000")])


def test_two_pages_of_episodes(tmp_path, monkeypatch):
    monkeypatch.setattr(site, "INDEX_PAGE_SIZE", 2)
    config = make_config(tmp_path, show=SITE_CONFIG)
    episodes = [site_episode(tmp_path, f"ep-{n}", dt.date(2025, 3, n), n, f"방송 {n}")
                for n in (1, 2, 3)]
    files = render_site(config, episodes)
    assert sorted(name for name in files if "/" not in name) == ["index.html", "page-2.html"]
    first, second = (parse_html(files[name]) for name in ("index.html", "page-2.html"))
    assert meta(first, "og:url") == f"{BASE}/"
    assert meta(second, "og:url") == f"{BASE}/page-2.html"
    for page, links, rels, count, start in (
            (first, ["방송 3", "방송 2"], {"next": "page-2.html"}, "1 / 2쪽", "3"),
            (second, ["방송 1"], {"prev": "index.html"}, "2 / 2쪽", "1")):
        assert [a.text for a in page.find_all("a", "episode-link")] == links
        (nav,) = page.find_all("nav", "pager")
        assert {a.attrs["rel"]: a.attrs["href"] for a in nav.find_all("a")} == rels
        assert nav.find_all("span", "count")[0].text == count
        assert page.find_all("ol", "episode-list")[0].attrs["start"] == start


def test_write_site_logs_how_many_files_it_wrote(tmp_path, caplog):
    config = make_config(tmp_path, show=SITE_CONFIG)
    episode = site_episode(tmp_path, "stars", dt.date(2025, 3, 1), 1)
    with caplog.at_level(logging.INFO, logger="podcaster.publish.site"):
        write_site(config, [episode])
        write_site(config, [dataclasses.replace(episode)])
    assert [r.getMessage() for r in caplog.records] == ["site: 4 file(s) written",
                                                        "site: 0 file(s) written"]
