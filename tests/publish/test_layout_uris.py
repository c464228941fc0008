"""Every URL published is a URI: a Hangul slug gives readable file names on disk and
percent-encoded URLs in the feed, pages, JSON files and ID3 tags; ``check`` accepts them and
``serve`` serves them. GUIDs stay as they were."""

from __future__ import annotations

import http.client
import json
import re
import threading
import uuid
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from podcaster.build import build_project
from podcaster.check import check_project
from podcaster.config import load_config
from podcaster.publish.layout import (
    PODCAST_GUID_NAMESPACE,
    feed_url,
    show_guid,
    site_url,
    slug_of_audio_url,
    uri,
)
from podcaster.publish.tag import read_tags
from podcaster.serve import project_server
from tests.helpers import CONFIG, make_project

SLUG = "로봇-청소기"
POST = """\
로봇 청소기 이야기
안녕하세요 시험 작가입니다.
“한 회사가 계단을 오르는 로봇 청소기를 내놓았다.”
이제 이 층 집도 걱정이 없겠네요.
이상 오늘의 소식이었습니다.
1. 계단 오르는 로봇 청소기 -가전소식-
https://가전.example.org/기사/로봇
"""

# What RFC 3986 lets a URI hold: unreserved, reserved and percent-escapes, nothing else.
URI_CHARS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$")


def assert_uri(url: str) -> None:
    assert URI_CHARS.match(url), url
    assert not re.search(r"%(?![0-9A-Fa-f]{2})", url), url


@given(st.text())
def test_uri_gives_a_uri_that_decodes_back(text):
    url = uri("https://example.org/" + text)
    assert_uri(url)
    if "%" not in text:  # without escapes of its own, decoding gives the text back
        assert unquote(url) == "https://example.org/" + text


@given(st.text())
def test_uri_of_any_text_is_a_uri(text):
    assert_uri(uri(text))


@pytest.mark.parametrize("url", [
    "https://example.org/test-show/feed.xml",
    "https://example.org/a%20b/?q=1&r=a+b#x",
    "http://[::1]:8080/x",
])
def test_a_uri_is_left_as_it_is(url):
    assert uri(url) == url


def test_hosts_in_idna_paths_percent_encoded():
    assert uri("https://블로그.example/팟캐스트/") == (
        "https://xn--2i0b10rqve.example/%ED%8C%9F%EC%BA%90%EC%8A%A4%ED%8A%B8/")


def test_the_guid_of_a_non_ascii_base_url_is_derived_from_it_as_written(tmp_path):
    project = make_project(tmp_path / "show", posts={})
    toml = project / "podcast.toml"
    unpinned = re.sub(r"(?m)^guid = .*\n", "", CONFIG)  # derived, not pinned
    toml.write_text(unpinned.replace("https://example.org/test-show/",
                                     "https://example.org/방송/"), encoding="utf-8")
    config = load_config(project)
    assert feed_url(config) == "https://example.org/%EB%B0%A9%EC%86%A1/feed.xml"
    assert show_guid(config) == str(uuid.uuid5(PODCAST_GUID_NAMESPACE,
                                               "example.org/방송/feed.xml"))


@pytest.fixture(scope="module")
def hangul_show(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("hangul") / "show",
                           posts={f"2025-03-05-{SLUG}.txt": POST})
    build_project(project)
    return project


def test_files_keep_readable_names_and_urls_are_uris(hangul_show):
    public = hangul_show / "public"
    mp3s = list((public / "episodes").glob(f"{SLUG}.*.mp3"))
    assert len(mp3s) == 1
    assert (public / "episodes" / f"{SLUG}.html").is_file()
    config = load_config(hangul_show)
    encoded = quote(SLUG)

    feed = etree.fromstring((public / "feed.xml").read_bytes())
    urls = [e.get("url") or e.get("href") for e in feed.iter()
            if e.get("url") or e.get("href")]
    urls += [e.text for e in feed.iter("link")]
    assert len(urls) >= 6
    for url in urls:
        assert_uri(url)
    (enclosure,) = feed.iter("enclosure")
    assert enclosure.get("url") == site_url(config, f"episodes/{mp3s[0].name}")
    assert f"/episodes/{encoded}." in enclosure.get("url")
    assert slug_of_audio_url(enclosure.get("url")) == SLUG
    assert "https://xn--" in (public / "feed.xml").read_text(encoding="utf-8")  # the source's host

    page = (public / "episodes" / f"{SLUG}.html").read_text(encoding="utf-8")
    index = (public / "index.html").read_text(encoding="utf-8")
    for html in (page, index):
        for url in re.findall(r'(?:href|src|content)="([^"]*(?:/|\.)[^"]*)"', html):
            if "://" in url or url.endswith((".html", ".mp3")):
                assert_uri(url)
    assert f'href="episodes/{encoded}.html"' in index
    chapters = json.loads((public / "episodes" / f"{SLUG}.chapters.json").read_bytes())
    for chapter in chapters["chapters"]:
        if "url" in chapter:
            assert_uri(chapter["url"])
    tags = read_tags(mp3s[0])
    assert_uri(tags["WFED"].text[0])


def test_check_accepts_the_encoded_urls(hangul_show):
    result = check_project(hangul_show)
    assert result.ok, [str(p) for p in result.problems]
    assert result.episodes == 1


def test_serve_serves_the_encoded_urls(hangul_show):
    server = project_server(hangul_show, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        mp3 = next((hangul_show / "public" / "episodes").glob(f"{SLUG}.*.mp3"))
        for name, data in ((mp3.name, mp3.read_bytes()),
                           (f"{SLUG}.html", None)):
            conn = http.client.HTTPConnection(host, port, timeout=10)
            conn.request("GET", "/episodes/" + quote(name))
            response = conn.getresponse()
            body = response.read()
            conn.close()
            assert response.status == 200, name
            if data is not None:
                assert body == data
        conn = http.client.HTTPConnection(host, port, timeout=10)
        conn.request("GET", "/feed.xml", headers={"Host": f"127.0.0.1:{port}"})
        feed = conn.getresponse().read().decode("utf-8")
        conn.close()
        assert f"http://127.0.0.1:{port}/episodes/{quote(SLUG)}." in feed
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_ascii_urls_are_unchanged(tmp_path):
    config = load_config(make_project(tmp_path / "show", posts={}))
    assert feed_url(config) == "https://example.org/test-show/feed.xml"
    assert site_url(config, "episodes/a.b.mp3") == "https://example.org/test-show/episodes/a.b.mp3"
    assert Path(site_url(config, "")).name == "test-show"


def test_a_non_ascii_base_url_builds_checks_and_serves(tmp_path):
    project = make_project(tmp_path / "show", posts={f"2025-03-05-{SLUG}.txt": POST},
                           config=CONFIG.replace("https://example.org/test-show/",
                                                 "https://방송.example.org/저녁/"))
    build_project(project)
    feed = (project / "public" / "feed.xml").read_text(encoding="utf-8")
    base = "https://xn--vh3b23h.example.org/%EC%A0%80%EB%85%81/"
    assert f'href="{base}feed.xml"' in feed
    result = check_project(project)
    assert result.ok, [str(p) for p in result.problems]
    server = project_server(project, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        conn = http.client.HTTPConnection(host, port, timeout=10)
        conn.request("GET", "/feed.xml", headers={"Host": f"127.0.0.1:{port}"})
        served = conn.getresponse().read().decode("utf-8")
        conn.close()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    assert base not in served
    assert f'href="http://127.0.0.1:{port}/feed.xml"' in served
