"""`podcaster import` against three blogs played by a local server (tests/fakes/blog.py).

Each imported post must read and segment exactly like the post its author wrote
(tests/blogs/*/originals/), and re-running must cost one conditional request.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from podcaster.importer import Fetcher, FetchError, ImportOptions, import_feed
from podcaster.importer.record import RECORD_NAME
from podcaster.text.read import read_post
from podcaster.text.segment import describe_segments, segment_post
from tests.fakes.blog import (
    BLOGS,
    JEKYLL_FEED,
    NAVER_FEED,
    WP_FEED,
    BlogServer,
    jekyll,
    naver,
    wordpress,
)

BLOG_LOADERS = {"wordpress": wordpress, "jekyll": jekyll, "naver": naver}
# What the WordPress blog writes about other topics: not part of the podcast.
WP_OPTIONS = {"exclude_tags": ("일상",)}
_VERSIONS = itertools.count(1)


@pytest.fixture
def server():
    with BlogServer() as blog_server:
        yield blog_server


def run(project: Path, url: str, delays: list | None = None, **options):
    fetcher = Fetcher(backoff=0.01, timeout=5,
                      sleep=delays.append if delays is not None else lambda s: None)
    with fetcher:
        return import_feed(project, url, ImportOptions(**options), fetcher=fetcher)


def segments(path: Path) -> dict:
    post = read_post(path)
    return describe_segments(post, segment_post(post))


def originals(blog: str) -> list[Path]:
    return sorted((BLOGS / blog / "originals").iterdir())


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.iterdir()}


def set_body(server: BlogServer, path: str, old: str, new: str):
    """Change what ``path`` serves, with new validators as a real server would send."""
    route = server.routes[path]
    text = route.body.decode("utf-8")
    assert old in text
    route.body = text.replace(old, new, 1).encode("utf-8")
    version = next(_VERSIONS)
    route.etag = f'"v{version}"' if route.etag else None
    route.last_modified = f"Thu, 20 Nov 2025 00:00:{version:02d} GMT" \
        if route.last_modified else None


@pytest.mark.parametrize("blog", BLOG_LOADERS)
def test_each_imported_post_segments_like_the_original(server, tmp_path, blog):
    url = BLOG_LOADERS[blog](server)
    result = run(tmp_path, url, **(WP_OPTIONS if blog == "wordpress" else {}))
    assert result.warnings == []
    expected = originals(blog)
    assert sorted(p.name for p in result.new) == sorted(p.stem + ".html" for p in expected)
    for original in expected:
        imported = tmp_path / "posts" / (original.stem + ".html")
        assert segments(imported) == segments(original), imported.name
        kinds = [s["kind"] for s in segments(imported)["segments"]]
        assert kinds[0] == "greeting" and kinds[-1] == "signoff" and "article" in kinds
        assert all(s["source"]["url"] for s in segments(imported)["segments"]
                   if s["kind"] == "article")


def test_page_chrome_images_and_scripts_are_left_out(server, tmp_path):
    run(tmp_path, naver(server))
    for post in (tmp_path / "posts").glob("*.html"):
        text = post.read_text(encoding="utf-8")
        assert "<script" not in text and "<img" not in text and "<iframe" not in text
        for chrome in ("출퇴근길에 읽은", "전체 글 보기", "카테고리", "이웃추가", "공감", "공유",
                       "댓글", "아침햇살", "이 블로그", "자율주행 버스", "광고", "노트북",
                       "Copyright", "승강장의 안내 화면", "바다 그림", "URL 복사"):
            assert chrome not in text, (post.name, chrome)
    wp = tmp_path / "wp"
    run(wp, wordpress(server), **WP_OPTIONS)
    text = (wp / "posts" / "2025-11-05-hospital-counter.html").read_text(encoding="utf-8")
    assert "상담용 화면" not in text and "사진: 하늘정원" not in text and "<figure" not in text


def test_summary_only_feed_fetches_frame_and_post_pages_and_robots_once(server, tmp_path):
    url = naver(server)
    result = run(tmp_path, url)
    paths = [r.path for r in server.log]
    assert paths[0] == NAVER_FEED
    assert paths.count("/robots.txt") == 1
    assert sum(p.startswith("/PostView.naver") for p in paths) == 2
    assert result.requests == len(server.log) == 6  # feed, robots.txt, 2 x (frame, post)
    assert all(r.headers["user-agent"].startswith("podcaster/") for r in server.log)


@pytest.mark.parametrize("blog, header", [("wordpress", "if-none-match"),
                                          ("jekyll", "if-none-match"),
                                          ("naver", "if-modified-since")])
def test_second_run_with_nothing_new_is_one_conditional_request(server, tmp_path, blog,
                                                                 header):
    url = BLOG_LOADERS[blog](server)
    run(tmp_path, url)
    before = snapshot(tmp_path / "posts")
    server.log.clear()
    result = run(tmp_path, url)
    assert result.not_modified and result.requests == 1
    assert len(server.log) == 1 and header in server.log[0].headers
    assert snapshot(tmp_path / "posts") == before


def test_new_entry_fetches_only_its_own_page(server, tmp_path):
    url = naver(server)
    full = server.routes[NAVER_FEED].body.decode("utf-8")
    newest = re.search(r"<item>.*?</item>\n", full, re.S).group(0)
    set_body(server, NAVER_FEED, newest, "")
    first = run(tmp_path, url)
    assert [p.name for p in first.new] == ["2025-11-17-지하철-안내-방송을-ai가-맡는다.html"]
    set_body(server, NAVER_FEED, "<item>", newest + "<item>")
    server.log.clear()
    second = run(tmp_path, url)
    assert [p.name for p in second.new] == ["2025-11-19-ai가-그린-그림-저작권은-누구에게.html"]
    assert second.unchanged == 1
    assert [r.path.split("?")[0] for r in server.log] == [
        NAVER_FEED, "/robots.txt", "/baramdrawer/223456789345", "/PostView.naver"]


def test_changed_entry_is_updated_and_the_others_left_alone(server, tmp_path):
    url = jekyll(server)
    run(tmp_path, url)
    posts = tmp_path / "posts"
    before = snapshot(posts)
    set_body(server, JEKYLL_FEED, "우박 가능성을", "우박과 냉해 가능성을")
    result = run(tmp_path, url)
    changed = posts / "2025-11-12-farm-drone.html"
    assert result.updated == [changed] and result.new == [] and result.unchanged == 1
    assert "우박과 냉해 가능성을" in changed.read_text(encoding="utf-8")
    after = snapshot(posts)
    assert after["2025-11-10-음성-비서.html"] == before["2025-11-10-음성-비서.html"]
    assert after[RECORD_NAME] != before[RECORD_NAME]


def test_post_edited_after_import_is_kept_until_force(server, tmp_path):
    url = wordpress(server)
    run(tmp_path, url, **WP_OPTIONS)
    post = tmp_path / "posts" / "2025-11-03-delivery-robot.html"
    edited = post.read_text(encoding="utf-8").replace("석 달 동안", "세 달 동안")
    post.write_text(edited, encoding="utf-8")
    set_body(server, WP_FEED, "편안한 저녁 보내세요.", "편안한 밤 보내세요.")

    result = run(tmp_path, url, **WP_OPTIONS)
    assert result.kept == [post] and result.updated == []
    assert len(result.warnings) == 1
    assert str(post) in result.warnings[0] and "--force" in result.warnings[0]
    assert post.read_text(encoding="utf-8") == edited

    result = run(tmp_path, url, **WP_OPTIONS)  # the edit is still kept, quietly
    assert result.not_modified and post.read_text(encoding="utf-8") == edited

    forced = run(tmp_path, url, force=True, **WP_OPTIONS)
    assert post in forced.updated
    text = post.read_text(encoding="utf-8")
    assert "편안한 밤 보내세요." in text and "석 달 동안" in text


def test_a_post_of_the_same_name_is_not_overwritten(server, tmp_path):
    posts = tmp_path / "posts"
    posts.mkdir()
    mine = posts / "2025-11-10-음성-비서.html"
    mine.write_text("<h1>내가 쓴 글</h1><p>안녕하세요.</p>", encoding="utf-8")
    result = run(tmp_path, jekyll(server))
    assert result.kept == [mine] and "--force" in result.warnings[0]
    assert mine.read_text(encoding="utf-8") == "<h1>내가 쓴 글</h1><p>안녕하세요.</p>"
    assert [p.name for p in result.new] == ["2025-11-12-farm-drone.html"]
    # A post written by hand in another format is not doubled either.
    mine.unlink()
    txt = posts / "2025-11-10-음성-비서.txt"
    txt.write_text("음성 비서\n안녕하세요.\n", encoding="utf-8")
    again = run(tmp_path, jekyll(server))
    assert again.kept == [txt] and "remove it" in again.warnings[0]
    assert not mine.exists()


@pytest.mark.parametrize("options, imported", [
    ({}, {"autumn-walk", "hospital-counter", "delivery-robot"}),
    ({"include_tags": ("ai 뉴스",)}, {"hospital-counter", "delivery-robot"}),
    ({"exclude_tags": ("일상", "교육")}, {"delivery-robot"}),
    ({"title_pattern": "로봇|상담원"}, {"hospital-counter", "delivery-robot"}),
    ({"since": __import__("datetime").date(2025, 11, 5)}, {"autumn-walk", "hospital-counter"}),
])
def test_filters_skip_entries(server, tmp_path, options, imported):
    result = run(tmp_path, wordpress(server), **options)
    assert {p.stem[11:] for p in result.new} == imported
    assert result.skipped == 3 - len(imported)


def test_entry_dates_follow_the_time_zone(server, tmp_path):
    # 2025-11-04 22:30 UTC is the morning of 2025-11-05 in Seoul.
    result = run(tmp_path, wordpress(server), **WP_OPTIONS)
    assert "2025-11-05-hospital-counter.html" in {p.name for p in result.new}
    utc = run(tmp_path / "utc", wordpress(server), time_zone="UTC", **WP_OPTIONS)
    assert "2025-11-04-hospital-counter.html" in {p.name for p in utc.new}


def test_429_then_success(server, tmp_path):
    url = jekyll(server)
    server.fail(JEKYLL_FEED, 429, 429)
    delays: list[float] = []
    result = run(tmp_path, url, delays=delays)
    assert len(result.new) == 2
    assert len(server.requests_to(JEKYLL_FEED)) == 3
    assert len(delays) == 2 and delays[1] > delays[0] > 0  # backoff grows


def test_500_gives_up_with_one_line_and_writes_nothing(server, tmp_path):
    url = wordpress(server)
    server.fail(WP_FEED, 500, 500, 500, 500)
    with pytest.raises(FetchError) as info:
        run(tmp_path, url)
    message = info.value.format_message()
    assert "\n" not in message
    assert message.startswith(url + ": ") and "HTTP 500" in message and "4 attempt" in message
    assert not (tmp_path / "posts").exists()


def test_page_that_fails_is_retried_on_the_next_run(server, tmp_path):
    url = naver(server)
    page = next(p for p in server.routes if "logNo=223456789345" in p)
    server.fail(page, 503, 503, 503, 503)
    result = run(tmp_path, url)
    assert [p.name for p in result.new] == ["2025-11-17-지하철-안내-방송을-ai가-맡는다.html"]
    assert len(result.warnings) == 1 and "HTTP 503" in result.warnings[0]
    assert page.split("?")[0] in result.warnings[0]
    assert not list((tmp_path / "posts").glob(".*.tmp"))
    server.log.clear()
    again = run(tmp_path, url)  # no validators were kept: the feed is read in full
    assert not again.not_modified
    assert "if-modified-since" not in server.log[0].headers
    assert [p.name for p in again.new] == ["2025-11-19-ai가-그린-그림-저작권은-누구에게.html"]


def test_robots_txt_is_honoured_for_pages(server, tmp_path):
    url = naver(server)
    server.add("/robots.txt", "User-agent: podcaster\nDisallow: /PostView.naver\n",
               "text/plain")
    result = run(tmp_path, url)
    assert result.new == []
    assert len(result.warnings) == 2 and all("robots.txt" in w for w in result.warnings)
    assert not any(r.path.startswith("/PostView") for r in server.log)


def test_non_feed_url_is_refused_naming_the_real_feed(server, tmp_path):
    server.add("/", '<!DOCTYPE html><html><head><title>하늘정원</title>'
               '<link rel="alternate" type="application/rss+xml" title="피드" href="/feed/">'
               "</head><body><p>블로그 첫 화면</p></body></html>", "text/html; charset=UTF-8")
    with pytest.raises(FetchError, match=r"not an RSS or Atom feed \(text/html\); the page "
                                         r"names its feed: http://127\.0\.0\.1:\d+/feed/"):
        run(tmp_path, server.base + "/")
    assert not (tmp_path / "posts").exists()


def test_broken_entry_is_skipped_with_a_warning(server, tmp_path):
    url = wordpress(server)
    base = server.base
    broken = (f"<item>\n\t\t<title>날짜가 없는 글</title>\n\t\t<link>{base}/2025/11/06/x/"
              "</link>\n\t\t<description>내용</description>\n\t</item>\n\t<item>\n\t\t"
              f"<title></title>\n\t\t<link>{base}/?p=1</link>\n\t\t<pubDate>Thu, 06 Nov "
              "2025 10:00:00 +0000</pubDate>\n\t</item>\n\t")
    set_body(server, WP_FEED, "<item>", broken + "<item>")
    result = run(tmp_path, url, **WP_OPTIONS)
    assert len(result.new) == 2
    assert len(result.warnings) == 2
    assert "entry 1 ('날짜가 없는 글'): no publication date" in result.warnings[0]
    assert "entry 2 ('no title'): no title; skipped" in result.warnings[1]
    assert all(w.startswith(url + ": ") for w in result.warnings)


def test_huge_responses_are_refused(server, tmp_path):
    server.add("/declared.xml", b"<rss/>", "application/rss+xml", declared_size=50_000_000)
    server.add("/streamed.xml", b"", "application/rss+xml", streamed_size=3_000_000)
    with Fetcher(max_bytes=1_000_000, backoff=0) as fetcher:
        with pytest.raises(FetchError, match="50,000,000 bytes is larger than the limit"):
            import_feed(tmp_path, server.base + "/declared.xml", fetcher=fetcher)
        with pytest.raises(FetchError, match="larger than the limit of 1,000,000 bytes"):
            import_feed(tmp_path, server.base + "/streamed.xml", fetcher=fetcher)
        assert fetcher.requests == 2
    assert not (tmp_path / "posts").exists()


def test_redirects_are_followed_and_only_http_is_fetched(server, tmp_path):
    url = jekyll(server)
    server.add("/atom.xml", b"", "text/plain", redirect=url)
    assert len(run(tmp_path, server.base + "/atom.xml").new) == 2
    server.add("/elsewhere.xml", b"", "text/plain", redirect="file:///etc/passwd")
    with pytest.raises(FetchError, match="not http"):
        run(tmp_path, server.base + "/elsewhere.xml")
    with pytest.raises(FetchError, match="only absolute http:// and https:// URLs"):
        run(tmp_path, "file:///etc/passwd")
