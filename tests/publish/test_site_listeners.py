"""What a listener notices on the built demo's pages and files: one summary everywhere, one
duration everywhere, links that play without JavaScript, the player inside <main>, and the
waveform drawn from peaks computed at build time."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from podcaster.config import load_config
from podcaster.publish.chapters import episode_chapters
from podcaster.publish.layout import site_url
from podcaster.publish.site import render_site
from podcaster.publish.summary import episode_summary
from podcaster.publish.tag import read_tags
from podcaster.publish.waveform import PEAK_COUNT, compute_peaks, pcm_peaks, valid_peaks
from podcaster.timecode import korean_duration, timecode, whole_seconds
from tests.helpers import built_show, parse_html

NS = {"itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd"}


@pytest.fixture(scope="module")
def show(built_demo):
    return built_show(built_demo)


def page(show, name: str):
    return parse_html((show.public / name).read_bytes())


def meta(doc, attr: str, value: str) -> str:
    (found,) = [m for m in doc.find_all("meta") if m.attrs.get(attr) == value]
    return found.attrs["content"]


def test_one_summary_in_the_feed_tags_page_and_index(show):
    feed = etree.parse(str(show.public / "feed.xml"))
    index = page(show, "index.html")
    index_lines = {li.find_all("a", "episode-link")[0].attrs["href"]:
                   li.find_all("p", "summary")[0].text
                   for li in index.find_all("li", "episode-item")}
    txt_posts = 0
    for episode in show.result.episodes:
        slug = episode.post.slug
        summary = episode_summary(episode)
        txt_posts += episode.post.path.suffix == ".txt"
        assert summary != episode.post.title and len(summary) > 20
        (description,) = feed.xpath(f"//item[link='{site_url(show.config, f'episodes/{slug}.html')}']"
                                    "/description/text()")
        assert description == summary
        (comm,) = read_tags(episode.audio_path).getall("COMM")
        assert comm.text == [summary]
        doc = page(show, f"episodes/{slug}.html")
        assert meta(doc, "name", "description") == summary
        assert meta(doc, "property", "og:description") == summary
        assert doc.find_all("p", "episode-description")[0].text == summary
        assert index_lines[f"episodes/{slug}.html"] == summary
    assert txt_posts >= 1  # posts without a front-matter description among them


def test_one_duration_everywhere_rounded_to_the_nearest_second(show):
    feed = etree.parse(str(show.public / "feed.xml"))
    index = page(show, "index.html")
    for episode in show.result.episodes:
        slug = episode.post.slug
        whole = whole_seconds(episode.duration)
        (stated,) = feed.xpath(f"//item[contains(enclosure/@url, '/{slug}.')]"
                               "/itunes:duration/text()", namespaces=NS)
        h, m, s = (int(x) for x in stated.split(":"))
        assert h * 3600 + m * 60 + s == whole
        shown = [t for t in page(show, f"episodes/{slug}.html").find_all("time", "duration")]
        (item,) = [li for li in index.find_all("li", "episode-item")
                   if li.find_all("a")[0].attrs["href"] == f"episodes/{slug}.html"]
        shown += item.find_all("time", "duration")
        assert [t.text for t in shown] == [korean_duration(episode.duration)] * 2
        minutes, seconds = divmod(whole, 60)
        assert [t.attrs["datetime"] for t in shown] == [f"PT{minutes}M{seconds}S"] * 2


def test_rounding_rule():
    assert whole_seconds(117.88) == 118 and whole_seconds(116.5) == 117
    assert whole_seconds(117.49) == 117
    assert korean_duration(117.88) == "1분 58초"
    assert timecode(117.88, round_down=False) == "1:58"


def test_chapters_and_sentences_play_without_javascript(show):
    episode = show.richest()
    doc = page(show, f"episodes/{episode.post.slug}.html")
    mp3 = episode.audio_path.name
    chapters = doc.find_all("a", "chapter-link")
    assert len(chapters) == len(episode_chapters(episode.timeline)) >= 4
    for link in chapters:
        assert link.attrs["href"] == f"{mp3}#t={link.attrs['data-seek']}"
    cues = doc.find_all("a", "cue")
    assert len(cues) == len(episode.timeline.speech())
    for cue in cues:
        assert cue.attrs["href"] == f"{mp3}#t={cue.attrs['data-start']}"
    html = (show.public / f"episodes/{episode.post.slug}.html").read_text(encoding="utf-8")
    assert not re.search(r'href="#', html)  # no in-page anchor without a target


def test_the_player_is_inside_main(show):
    for episode in show.result.episodes:
        doc = page(show, f"episodes/{episode.post.slug}.html")
        (main,) = doc.find_all("main")
        (audio,) = main.find_all("audio")
        assert audio.attrs["src"] == episode.audio_path.name
        assert doc.find_all("audio") == [audio]


def test_waveform_under_the_player_from_build_time_peaks(show):
    for episode in show.result.episodes:
        slug = episode.post.slug
        peaks = json.loads((show.public / f"episodes/{slug}.peaks.json").read_bytes())
        assert peaks["bytes"] == episode.audio_path.stat().st_size
        assert len(peaks["peaks"]) == PEAK_COUNT and max(peaks["peaks"]) > 50
        doc = page(show, f"episodes/{slug}.html")
        (player,) = doc.find_all("div", "player")
        (svg,) = player.find_all("svg", "waveform")
        assert svg.attrs["viewbox"] == f"0 0 {PEAK_COUNT} 100"
        (bars,) = svg.find_all("path", "bars")
        assert bars.attrs["d"].count("M") == PEAK_COUNT
        chapters = episode_chapters(episode.timeline)
        marks = [float(line.attrs["x1"]) for line in svg.find_all("line", "mark")]
        assert marks == pytest.approx([c.start / episode.duration * PEAK_COUNT
                                       for c in chapters[1:]], abs=0.01)
        assert len(doc.find_all("script")) == 1  # the site's own player.js, nothing else


def test_peaks_follow_the_audio():
    import numpy as np

    quiet_then_loud = np.concatenate([np.zeros(1000, "<i2"), np.full(1000, 32767, "<i2")])
    assert compute_peaks(quiet_then_loud, 4) == [0, 0, 100, 100]
    assert compute_peaks(np.full(100, 8192, "<i2"), 2) == [50, 50]  # square-root scale
    assert compute_peaks(np.zeros(0, "<i2"), 3) == [0, 0, 0]


@pytest.mark.parametrize("value", [
    None, "peaks", {"0": 1}, [1] * (PEAK_COUNT - 1), [1] * (PEAK_COUNT + 1), [101] * PEAK_COUNT,
    [-1] * PEAK_COUNT, [True] * PEAK_COUNT, [1.0] * PEAK_COUNT, ["1"] * PEAK_COUNT])
def test_stored_peaks_that_are_not_a_waveform_are_not_taken(value):
    assert valid_peaks(value) is None  # such peaks are decoded from the MP3 instead


def test_stored_peaks_are_taken_as_they_are():
    peaks = [0] * (PEAK_COUNT - 2) + [50, 100]
    assert valid_peaks(peaks) == peaks


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(-32768, 32767), max_size=3000), st.integers(1, 300))
def test_peaks_read_from_a_file_a_stretch_at_a_time_are_those_of_the_whole(
        tmp_path_factory, samples, count):
    import numpy as np

    audio = np.array(samples, dtype="<i2")
    path = tmp_path_factory.mktemp("pcm") / "copy.pcm"
    path.write_bytes(audio.tobytes())
    assert pcm_peaks(path, count) == compute_peaks(audio, count)
    assert len(compute_peaks(audio, count)) == count


def test_pages_play_from_the_media_host(show):
    config = load_config(show.project, {"show.media_base_url": "https://media.example.net/evening-ai"})
    files = render_site(config, show.result.episodes)
    episode = show.richest()
    doc = parse_html(files[f"episodes/{episode.post.slug}.html"])
    url = f"https://media.example.net/evening-ai/episodes/{episode.audio_path.name}"
    assert doc.find_all("audio")[0].attrs["src"] == url
    assert doc.find_all("a", "chapter-link")[0].attrs["href"].startswith(url + "#t=")
    assert meta(doc, "property", "og:audio") == url
