"""The importer's small parts with literal inputs: cleaning, slugs, the HTTP session."""

from __future__ import annotations

import datetime as dt
import socket

import pytest

from podcaster.http import Fetcher, FetchError, OriginPolicy
from podcaster.importer.extract import clean_html, main_frame
from podcaster.importer.feed import FeedEntry
from podcaster.importer.post import entry_slug, file_name, slugify
from tests.fakes.blog import BlogServer

WHEN = dt.datetime(2025, 11, 3, 10, 0, tzinfo=dt.timezone.utc)


def entry(title: str = "제목", link: str | None = None) -> FeedEntry:
    return FeedEntry(id=link or title, title=title, link=link, published=WHEN)


def test_clean_html_keeps_the_post_and_drops_the_rest():
    html = """<div class="entry"><p>안녕하세요<br>둘째 줄</p>
    <figure><img src="a.jpg" alt="사진 설명"><figcaption>캡션</figcaption></figure>
    <blockquote class="q"><p>“인용 <strong>강조</strong>”</p><div>둘째 문단</div></blockquote>
    <div class="share"><button>공유</button></div><script>track()</script>느슨한 글
    <ol start="3"><li><a href="https://a.example/1" onclick="x()">기사 제목</a> -한빛-</li>
    <li><a href="javascript:void(0)">나쁜 링크</a> -둘-</li></ol><h1>제목</h1></div>"""
    assert clean_html(html, title="제목").splitlines() == [
        "<p>안녕하세요<br>둘째 줄</p>",
        "<blockquote><p>“인용 <strong>강조</strong>”</p><p>둘째 문단</p></blockquote>",
        "<p>느슨한 글 </p>",
        '<ol start="3"><li><a href="https://a.example/1">기사 제목</a> -한빛-</li>'
        "<li>나쁜 링크 -둘-</li></ol>",
    ]
    assert clean_html("<p> </p><img alt='그림'>") == ""


def test_main_frame_only_for_a_page_that_is_a_frame():
    frame = b'<html><body><iframe id="mainFrame" src="/PostView?no=1"></iframe></body></html>'
    assert main_frame(frame, "https://blog.example/u/1") == "https://blog.example/PostView?no=1"
    other_site = frame.replace(b"/PostView", b"https://ads.example/PostView")
    assert main_frame(other_site, "https://blog.example/u/1") is None
    text = b"<html><body><p>" + "본문 ".join(["가나다"] * 80).encode() + b"</p>" + frame[12:]
    assert main_frame(text, "https://blog.example/u/1") is None


@pytest.mark.parametrize("link, title, slug", [
    ("https://b.example/2025/11/03/delivery-robot/", "배달 로봇", "delivery-robot"),
    ("https://b.example/2025/11/10/%EC%9D%8C%EC%84%B1-%EB%B9%84%EC%84%9C.html", "x", "음성-비서"),
    ("https://blog.naver.com/user/223456789012?fromRss=true", "AI가 그린 그림, 누구 것?",
     "ai가-그린-그림-누구-것"),
    ("https://x.tistory.com/123", "!!!", "123"),
    (None, "Hello World: 2025", "hello-world-2025"),
    ("https://b.example/p/My_Post.PHP", "x", "my_post"),
])
def test_entry_slug(link, title, slug):
    assert entry_slug(entry(title, link)) == slug


def test_long_titles_are_cut_at_a_word_and_names_never_collide():
    slug = slugify("아주 " * 40, limit=60)
    assert len(slug) <= 60 and not slug.endswith("-")
    taken = {"2025-11-03-same.html"}
    assert file_name(entry("same"), "Asia/Seoul", taken) == "2025-11-03-same-2.html"


def test_connection_errors_are_retried_then_one_line():
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    delays: list[float] = []
    url = f"http://127.0.0.1:{port}/feed.xml"
    with Fetcher(retries=2, backoff=0.01, timeout=2, sleep=delays.append,
                 policy=OriginPolicy.for_feed(url)) as fetcher:
        with pytest.raises(FetchError) as info:
            fetcher.get(url)
        assert fetcher.requests == 0  # none was answered
    assert info.value.format_message() == (f"http://127.0.0.1:{port}/feed.xml: could not "
                                           "connect after 3 attempt(s)")
    assert len(delays) == 2


def test_a_server_that_does_not_answer_in_time():
    """The deadline is the request's, retries included: no second try after it passed."""
    with BlogServer() as server, Fetcher(timeout=0.3, retries=1, backoff=0) as fetcher:
        fetcher.policy = OriginPolicy.for_feed(server.base)
        server.add("/slow.xml", b"<rss/>", "application/rss+xml", delay=1.0)
        with pytest.raises(FetchError, match=r"/slow\.xml: no complete answer within 0.3 s$"):
            fetcher.get(server.base + "/slow.xml")
        assert len(server.requests_to("/slow.xml")) == 1
