"""One URL policy for every output: only http(s) links are published, anything else is dropped
with a warning naming the post and the line; Markdown links are read as CommonMark."""

from __future__ import annotations

import json
import logging

import pytest
from lxml import etree

from podcaster.build import build_project
from podcaster.config import load_config
from podcaster.errors import ConfigError
from podcaster.model import Source
from podcaster.publish.tag import read_tags
from podcaster.text.read import read_post
from podcaster.values import is_web_url
from tests.helpers import built_project, mp3_of

HOSTILE = ["javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)",
           "file:///etc/passwd", "ftp://files.example/a"]


def body(post) -> str:
    return " ".join(b.text for b in post.blocks)


@pytest.mark.parametrize("url", HOSTILE)
def test_markdown_source_with_another_scheme_is_dropped_with_a_warning(tmp_path, caplog, url):
    path = tmp_path / "2025-04-01-links.md"
    path.write_text(f"# 제목\n\n안녕하세요.\n\n본문입니다.\n\n1. [첫 기사]({url}) -아웃렛-\n",
                    encoding="utf-8")
    post = read_post(path)
    assert post.sources == [Source(1, "첫 기사", "아웃렛", None)]
    (warning,) = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert str(path) in warning and "line 7" in warning and "source 1" in warning


@pytest.mark.parametrize("url", HOSTILE)
def test_text_source_line_with_another_scheme_is_not_read_aloud(tmp_path, url):
    path = tmp_path / "2025-04-01-links.txt"
    path.write_text(f"제목\n안녕하세요.\n이상 오늘의 소식이었습니다.\n1. 첫 기사 -아웃렛-\n{url}\n",
                    encoding="utf-8")
    post = read_post(path)
    assert post.sources == [Source(1, "첫 기사", "아웃렛", None)]
    assert url.split(":")[0] not in body(post)


def test_html_text_source_with_another_scheme_is_not_read_aloud(tmp_path):
    path = tmp_path / "2025-04-01-links.html"
    path.write_text(
        "<h1>제목</h1><p>안녕하세요.</p><p>이상 오늘의 소식이었습니다.</p>"
        "<p>1. 첫 기사 -아웃렛-</p><p>javascript:alert(1)</p>", encoding="utf-8")
    post = read_post(path)
    assert "javascript" not in body(post)
    assert post.sources == [Source(1, "첫 기사", "아웃렛", None)]


def test_html_list_links_with_another_scheme_are_dropped(tmp_path):
    path = tmp_path / "2025-04-01-links.html"
    path.write_text(
        "<h1>제목</h1><p>안녕하세요.</p><p>이상 오늘의 소식이었습니다.</p>"
        "<ol><li><a href='javascript:alert(2)'>둘째 기사</a> -신문-</li>"
        "<li><a href='https://ok.example/3'>셋째 기사</a> -신문-</li></ol>", encoding="utf-8")
    post = read_post(path)
    assert [s.url for s in post.sources] == [None, "https://ok.example/3"]


@pytest.mark.parametrize("item, title, url", [
    ("[위키 문서](https://ko.wikipedia.org/wiki/Rust_(programming_language)) -위키-",
     "위키 문서", "https://ko.wikipedia.org/wiki/Rust_(programming_language)"),
    ("[꺾쇠 주소](<https://a.example/a b>) -신문-", "꺾쇠 주소", "https://a.example/a%20b"),
    ("[*강조된* 제목](https://a.example/x \"설명\") -신문-", "강조된 제목",
     "https://a.example/x"),
])
def test_markdown_links_follow_commonmark(tmp_path, item, title, url):
    path = tmp_path / "2025-04-01-links.md"
    path.write_text(f"# 제목\n\n안녕하세요.\n\n본문입니다.\n\n1. {item}\n", encoding="utf-8")
    (source,) = read_post(path).sources
    assert (source.title, source.url) == (title, url)
    assert source.outlet in ("위키", "신문")


def test_no_javascript_link_reaches_feed_chapters_or_tags(tmp_path_factory, tmp_path):
    project = built_project(tmp_path_factory, tmp_path / "show")
    post = project / "posts" / "2025-03-01-spring-rain.txt"
    post.write_text(post.read_text(encoding="utf-8").replace(
        "1. 주말 남부 지방 봄비 예보 -날씨신문-\nhttps://weather.example.org/spring-rain",
        "1. [주말 남부 지방 봄비 예보](javascript:alert(1)) -날씨신문-"), encoding="utf-8")
    build_project(project)
    public = project / "public"
    feed = (public / "feed.xml").read_bytes()
    assert b"javascript" not in feed
    notes = etree.fromstring(feed).xpath(
        "//item[contains(enclosure/@url, 'spring-rain')]/*[local-name()='encoded']/text()")[0]
    assert "주말 남부 지방 봄비 예보" in notes
    chapters = json.loads((public / "episodes" / "spring-rain.chapters.json").read_bytes())
    assert "javascript" not in json.dumps(chapters)
    tags = read_tags(mp3_of(public, "spring-rain"))
    assert not [f for f in tags.getall("CHAP") for sub in f.sub_frames.values()
                if "javascript" in str(getattr(sub, "url", ""))]
    for path in public.rglob("*"):
        if path.is_file() and path.suffix != ".mp3":
            assert b"javascript:" not in path.read_bytes(), path


WEB_URLS = [
    ("https://example.org/show/", True), ("http://example.org/", True),
    ("https://[::1]/feed/", True), ("https://예시.한국/방송/", True),
    ("https://", False), ("https:///show/", False), ("HTTPS://example.org/", False),
    (" https://example.org/", False), ("https://example.org/ a/", False),
    ("https://[::1/", False), ("ftp://example.org/", False), ("example.org/show/", False),
    ("javascript:alert(1)//", False), ("https://example.org/\u202e/", False),
]


def config_with(key: str, url: str) -> str:
    """A podcast.toml whose setting ``key`` (``table.name``) is ``url``."""
    tables = {"show": {"title": "링크 시험", "author": "시험 작가", "description": "설명",
                       "base_url": "https://example.com/show/", "owner_email": "me@example.com",
                       "funding_text": "후원하기"}, "source": {}}
    table, name = key.split(".")
    tables[table][name] = url
    return "".join(f"[{table}]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in values.items())
                   for table, values in tables.items())


@pytest.mark.parametrize("url, ok", WEB_URLS)
def test_one_rule_for_every_link_of_podcast_toml(tmp_path, url, ok):
    assert is_web_url(url) is ok
    for key in ("show.base_url", "show.media_base_url", "show.enclosure_prefix",
                "show.funding_url", "source.feed"):
        (tmp_path / "podcast.toml").write_text(config_with(key, url), encoding="utf-8")
        if ok:
            load_config(tmp_path)
        else:
            with pytest.raises(ConfigError, match=key.replace(".", r"\.")):
                load_config(tmp_path)
