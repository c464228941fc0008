"""The built site in a real browser: Chromium driven by Playwright, served by `podcaster serve`.

Needs Debian's Chromium (``apt-get install chromium``); Playwright's own browser download is
not used. Skipped, saying why, where either is missing.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from podcaster.publish.chapters import episode_chapters
from podcaster.serve import project_server
from tests.helpers import built_show, require_or_skip

try:
    from playwright import sync_api
except ImportError:
    sync_api = None


def find_chromium() -> str | None:
    candidates = [os.environ.get("PODCASTER_CHROMIUM"), "/usr/bin/chromium",
                  shutil.which("chromium"), shutil.which("chromium-browser")]
    return next((c for c in candidates if c and Path(c).is_file()), None)


CHROMIUM = find_chromium()


@pytest.fixture(scope="module", autouse=True)
def browser_available():
    if sync_api is None:
        require_or_skip("playwright is not installed (pip install -e '.[test]')")
    if CHROMIUM is None:
        require_or_skip("Chromium not found (apt-get install chromium, or set "
                        "PODCASTER_CHROMIUM to its path)")


CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-default-apps", "--disable-sync", "--no-first-run",
                 "--mute-audio", "--autoplay-policy=no-user-gesture-required"]
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 20_000


@pytest.fixture(scope="module")
def show(built_demo):
    return built_show(built_demo)


@pytest.fixture(scope="module")
def server(show):
    server = project_server(show.project, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                             headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    """A phone-sized page; fails the test on script errors or requests off the local site."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    foreign: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: None if req.url.startswith(server.url)
            or req.url.startswith("data:") else foreign.append(req.url))
    yield page
    context.close()
    assert errors == []
    assert foreign == []


def open_episode(page, server, slug: str) -> None:
    page.goto(f"{server.url}episodes/{slug}.html")
    page.wait_for_function("document.getElementById('player').readyState >= 1")


def cue_at(episode, t: float) -> str | None:
    """The text of the sentence playing at ``t``: it runs from its start to the next cue's."""
    cues = episode.timeline.cues
    for i, timed in enumerate(cues):
        end = cues[i + 1].start if i + 1 < len(cues) else episode.timeline.duration
        if timed.start <= t < end:
            return None if timed.cue.is_sound else timed.cue.text
    return None


def pause_and_read(page) -> float:
    return page.evaluate("(() => { const a = document.getElementById('player'); a.pause(); "
                         "return a.currentTime; })()")


def highlighted(page) -> str | None:
    return page.evaluate("(document.querySelector('.cue.current') || {}).textContent || null")


def wait_for_highlight(page, text: str | None) -> None:
    page.wait_for_function(
        "(want) => ((document.querySelector('.cue.current') || {}).textContent || null) === want",
        arg=text)


def test_index_lists_every_episode(page, server, show):
    page.goto(server.url)
    episodes = sorted(show.result.episodes, key=lambda e: e.post.date, reverse=True)
    links = page.locator("a.episode-link")
    assert links.count() == len(episodes) == 3
    assert links.all_inner_texts() == [e.post.title for e in episodes]
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [
        f"episodes/{e.post.slug}.html" for e in episodes]
    assert page.title() == show.config.show.title
    assert page.locator("img.cover").evaluate("img => img.naturalWidth") > 0
    # The copyable feed address is the local server's (base_url is rewritten for previews).
    assert page.locator("#feed-url").input_value() == server.url + "feed.xml"
    # Readable on a phone: nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    links.nth(1).click()
    page.wait_for_url(f"{server.url}episodes/{episodes[1].post.slug}.html")
    assert page.locator("h1").inner_text() == episodes[1].post.title


def test_audio_loads_metadata_with_the_episode_duration(page, server, show):
    for episode in show.result.episodes:
        open_episode(page, server, episode.post.slug)
        duration = page.evaluate("document.getElementById('player').duration")
        assert duration == pytest.approx(episode.duration, abs=0.1), episode.post.slug
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_clicking_a_chapter_jumps_there_and_highlights_the_sentence(page, server, show):
    episode = show.richest()
    open_episode(page, server, episode.post.slug)
    chapters = page.locator("a.chapter-link")
    spans = episode_chapters(episode.timeline)  # what the MP3's chapter frames say
    assert chapters.count() == len(spans) >= 4
    assert "article" in [s.kind for s in spans]
    highlighted_some = False
    # Out of order, so jumps go backwards and forwards.
    for n in sorted(range(len(spans)), key=lambda i: (i % 2, -i)):
        start = spans[n].start
        chapters.nth(n).click()
        page.wait_for_function(
            "(s) => Math.abs(document.getElementById('player').currentTime - s) < 1.5",
            arg=start)
        t = pause_and_read(page)
        assert start - 0.002 <= t < start + 1.5, (n, start, t)
        expected = cue_at(episode, t)
        wait_for_highlight(page, expected)
        highlighted_some |= expected is not None
        current = page.locator("li.chapter.current")
        assert current.count() == 1
        assert current.locator(".chapter-title").inner_text() == spans[n].title
    assert highlighted_some  # chapters that open with speech highlight their first sentence


def test_clicking_a_sentence_plays_it_and_the_highlight_follows(page, server, show):
    episode = show.richest()
    open_episode(page, server, episode.post.slug)
    speech = episode.timeline.speech()
    cues = page.locator("a.cue")
    assert cues.count() == len(speech)
    n = 5
    cues.nth(n).click()
    page.wait_for_function("!document.getElementById('player').paused")
    t = pause_and_read(page)
    assert speech[n].start - 0.01 <= t < speech[n].end + 1.0
    wait_for_highlight(page, cue_at(episode, t))
    assert highlighted(page) == speech[n].cue.text

    # While it plays, the highlight moves on to the next sentence.
    following = speech[n + 1]
    page.evaluate("(t) => { const a = document.getElementById('player'); a.currentTime = t; "
                  "a.play(); }", following.start - 0.4)
    page.wait_for_function(
        "(t) => document.getElementById('player').currentTime > t", arg=following.start + 0.3)
    t = pause_and_read(page)
    wait_for_highlight(page, cue_at(episode, t))
    assert highlighted(page) == following.cue.text


def test_a_time_in_the_address_starts_there(page, server, show):
    episode = show.richest()
    target = episode.timeline.segments[2].start + 3
    page.goto(f"{server.url}episodes/{episode.post.slug}.html#t={target:.1f}")
    page.wait_for_function(
        "(t) => Math.abs(document.getElementById('player').currentTime - t) < 0.2",
        arg=round(target, 1))
    wait_for_highlight(page, cue_at(episode, round(target, 1)))


def test_sources_are_links(page, server, show):
    episode = show.richest()
    open_episode(page, server, episode.post.slug)
    links = page.locator("ol.sources a")
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [
        s.url for s in episode.post.sources]


def axe_violations(page) -> str | None:
    """axe-core's report of the page's accessibility violations, or None when there are none."""
    axe = pytest.importorskip("axe_playwright_python.sync_playwright",
                              reason="axe-playwright-python is not installed")
    results = axe.Axe().run(page, options={"resultTypes": ["violations"],
                                           "runOnly": {"type": "tag", "values": [
                                               "wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                               "best-practice"]}})
    return results.generate_report() if results.violations_count else None


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_the_index_and_an_episode(page, server, show, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(server.url)
    assert axe_violations(page) is None
    open_episode(page, server, show.richest().post.slug)
    assert axe_violations(page) is None


def test_clicking_the_waveform_seeks_there(page, server, show):
    episode = show.richest()
    open_episode(page, server, episode.post.slug)
    wave = page.locator("svg.waveform")
    box = wave.bounding_box()
    assert box["width"] > 300 and box["height"] > 20
    marks = page.locator("svg.waveform line.mark")
    assert marks.count() == len(episode_chapters(episode.timeline)) - 1
    page.mouse.click(box["x"] + box["width"] * 0.75, box["y"] + box["height"] / 2)
    t = pause_and_read(page)
    assert t == pytest.approx(episode.duration * 0.75, abs=1.5)
    played = float(page.locator("svg.waveform rect.played").get_attribute("width"))
    assert played == pytest.approx(0.75 * int(wave.get_attribute("viewBox").split()[2]), abs=3)


def test_chapter_links_play_the_audio_without_javascript(browser, server, show):
    """With scripts off, a chapter link is a media-fragment link: the browser opens the MP3
    at the chapter's time."""
    episode = show.richest()
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(f"{server.url}episodes/{episode.post.slug}.html")
        link = page.locator("a.chapter-link").nth(2)
        seek = link.get_attribute("data-seek")
        with page.expect_response(lambda r: r.url.split("#")[0].endswith(".mp3")) as response:
            link.click()
        assert response.value.status in (200, 206)
        assert response.value.headers["content-type"] == "audio/mpeg"
        page.wait_for_url(f"**/{episode.audio_path.name}#t={seek}")
    finally:
        context.close()
