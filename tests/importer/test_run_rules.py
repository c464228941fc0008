"""One import's decisions from both sides: which failed page makes the next run read the
whole feed again, how deep a frame is followed, what each entry counts as, when the feed
is asked conditionally, and the warnings a user reads."""

from __future__ import annotations

import errno
import json
import logging
from pathlib import Path

import pytest

from podcaster.errors import ConfigError, OutputError
from podcaster.http import Fetcher
from podcaster.importer import ImportOptions, import_feed
from podcaster.importer.record import RECORD_NAME
from tests.fakes.blog import BODY, FEED, BlogServer, item, page, rss, serve_feed

ETAG = '"feed-1"'
MODIFIED = "Mon, 03 Nov 2025 10:00:00 GMT"


@pytest.fixture
def blog():
    with BlogServer() as server:
        yield server


def run(project: Path, url: str, fetcher: Fetcher | None = None, **options):
    own = fetcher is None
    fetcher = fetcher or Fetcher(retries=0, backoff=0.01, timeout=30, sleep=lambda s: None)
    try:
        return import_feed(project, url, ImportOptions(**options), fetcher=fetcher)
    finally:
        if own:
            fetcher.close()


def feed_with(server: BlogServer, *items: str) -> str:
    server.add(FEED, rss(*items), "application/rss+xml; charset=utf-8", etag=ETAG,
               last_modified=MODIFIED)
    return server.base + FEED


def record(project: Path) -> dict:
    return json.loads((project / "posts" / RECORD_NAME).read_text(encoding="utf-8"))


def summary_only(server: BlogServer, title: str = "로봇", guid: str = "g1",
                 path: str = "/p/1") -> str:
    return item(title, guid, link=server.base + path, content=None)


@pytest.mark.parametrize("status, again", [
    (404, False), (410, False), (403, False), (428, False), (430, False), (499, False),
    (429, True), (500, True), (503, True), (599, True),
])
def test_a_page_that_may_answer_later_makes_the_next_run_read_the_feed_again(blog, tmp_path,
                                                                             status, again):
    url = feed_with(blog, summary_only(blog))
    blog.fail("/p/1", status)
    result = run(tmp_path, url)
    assert result.new == [] and len(result.warnings) == 1
    assert result.warnings[0].startswith(f"{blog.base}/p/1: ")
    assert result.warnings[0].endswith("; '로봇' is not imported this time")
    state = record(tmp_path)["feeds"][url]
    assert (state["etag"], state["last_modified"]) == ((None, None) if again
                                                       else (ETAG, MODIFIED))


def test_a_page_outside_the_blog_is_not_worth_reading_the_feed_again(blog, tmp_path):
    with BlogServer() as other:
        url = feed_with(blog, item("밖", "g1", link=other.base + "/p/1", content=None))
        result = run(tmp_path, url)
        assert other.log == []
    assert record(tmp_path)["feeds"][url]["etag"] == ETAG
    assert "is not the blog's origin" in result.warnings[0]


def test_the_validators_of_a_complete_import_are_kept_and_used(blog, tmp_path):
    url = feed_with(blog, item("로봇", "g1", link=blog.base + "/p/1"))
    first = run(tmp_path, url)
    assert record(tmp_path)["feeds"][url]["etag"] == ETAG
    assert record(tmp_path)["feeds"][url]["last_modified"] == MODIFIED
    assert (len(first.new), first.not_modified, first.requests) == (1, False, 1)
    second = run(tmp_path, url)
    assert (second.not_modified, second.requests, second.new) == (True, 1, [])
    assert blog.log[-1].headers["if-none-match"] == ETAG
    assert blog.log[-1].headers["if-modified-since"] == MODIFIED


@pytest.mark.parametrize("options", [dict(force=True), dict(prune=True),
                                     dict(exclude_tags=("일상",)), dict(time_zone="UTC")])
def test_force_prune_or_other_filters_read_the_whole_feed(blog, tmp_path, options):
    url = feed_with(blog, item("로봇", "g1", link=blog.base + "/p/1"))
    run(tmp_path, url)
    again = run(tmp_path, url, **options)
    assert again.not_modified is False
    assert "if-none-match" not in blog.log[-1].headers
    assert "if-modified-since" not in blog.log[-1].headers


def test_the_requests_counted_are_this_imports_own(blog, tmp_path):
    url = feed_with(blog, summary_only(blog))
    blog.add("/p/1", page(), "text/html; charset=utf-8")
    with Fetcher(retries=0, timeout=30) as fetcher:
        first = run(tmp_path, url, fetcher)
        second = run(tmp_path, url, fetcher)
    assert (first.requests, second.requests) == (3, 1)  # feed, robots.txt, page; then 304


def frame_page(target: str) -> str:
    return f'<html><body><iframe src="{target}"></iframe></body></html>'


@pytest.mark.parametrize("frames, imported", [(0, True), (1, True), (2, False)])
def test_one_frame_is_followed_and_no_more(blog, tmp_path, frames, imported):
    url = feed_with(blog, summary_only(blog, path="/p/0"))
    for n in range(frames):
        blog.add(f"/p/{n}", frame_page(f"/p/{n + 1}"), "text/html; charset=utf-8")
    blog.add(f"/p/{frames}", page(), "text/html; charset=utf-8")
    result = run(tmp_path, url)
    if imported:
        [post] = result.new
        assert "도서관 로봇 이야기" in post.read_text(encoding="utf-8")
        assert result.warnings == []
    else:
        assert result.new == []
        # the page read is named, not the frame it shows and that is not followed
        assert result.warnings == [f"{blog.base}/p/1: no post text found on the page; '로봇' "
                                   "is not imported"]


def test_a_page_robots_txt_forbids_is_named(blog, tmp_path):
    url = feed_with(blog, summary_only(blog))
    blog.add("/robots.txt", "User-agent: podcaster\nDisallow: /p/\n", "text/plain")
    blog.add("/p/1", page(), "text/html; charset=utf-8")
    result = run(tmp_path, url)
    assert result.warnings == [f"{blog.base}/p/1: robots.txt does not allow podcaster to fetch "
                               "this page; '로봇' is not imported"]
    assert blog.requests_to("/p/1") == []


def test_invisible_characters_in_a_page_are_removed_and_named(blog, tmp_path):
    url = feed_with(blog, summary_only(blog))
    blog.add("/p/1", page(BODY.replace("도서관", "도서\u200b관")), "text/html; charset=utf-8")
    result = run(tmp_path, url)
    [post] = result.new
    assert "\u200b" not in post.read_text(encoding="utf-8")
    assert result.warnings == [f"{blog.base}/p/1: '\\u200b' (an invisible character) and any "
                               "like it removed from the page of '로봇'"]


def test_a_page_in_a_mislabelled_encoding_is_named(blog, tmp_path):
    url = feed_with(blog, summary_only(blog))
    blog.add("/p/1", page().encode("cp949"), "text/html; charset=utf-8")
    result = run(tmp_path, url)
    assert len(result.new) == 1
    assert result.warnings == [f"{blog.base}/p/1: declares utf-8 but is CP949; read as CP949"]


def test_an_entry_whose_content_cleans_to_nothing_is_read_from_its_page(blog, tmp_path):
    url = feed_with(blog, item("로봇", "g1", link=blog.base + "/p/1",
                               content="<script>x()</script><img src='a.png'>"))
    blog.add("/p/1", page(), "text/html; charset=utf-8")
    [post] = run(tmp_path, url).new
    assert "도서관 로봇 이야기" in post.read_text(encoding="utf-8")


def test_what_each_entry_counts_as(blog, tmp_path):
    entries = [item("하나", "g1", link=blog.base + "/p/1"),
               item("둘", "g2", link=blog.base + "/p/2"),
               item("셋", "g3", link=blog.base + "/p/3"),
               item("넷", "g4", link=blog.base + "/p/4")]
    url = feed_with(blog, *entries)
    first = run(tmp_path, url)
    assert (len(first.new), first.unchanged, first.skipped, first.updated) == (4, 0, 0, [])
    posts = {f"{n}.html": p for n, p in zip((1, 2, 3, 4), first.new)}
    posts["2.html"].unlink()  # the author removed it
    posts["3.html"].write_text(posts["3.html"].read_text(encoding="utf-8") + "<p>덧</p>",
                               encoding="utf-8")  # and edited this one
    changed = [item("다섯", "g5", link=blog.base + "/p/5", date="Sat, 01 Nov 2025 10:00:00 +0000"),
               item("하나", "g1", link=blog.base + "/p/1"),
               item("둘", "g2", link=blog.base + "/p/2"),
               item("셋 고침", "g3", link=blog.base + "/p/3"),
               item("넷 고침", "g4", link=blog.base + "/p/4")]
    blog.add(FEED, rss(*changed), "application/rss+xml; charset=utf-8", etag='"feed-2"')
    second = run(tmp_path, url, since=__import__("datetime").date(2025, 11, 2))
    assert second.unchanged == 1  # 하나
    assert second.skipped == 2  # 둘 (removed by the author) and 다섯 (before --since)
    assert second.kept == [posts["3.html"]]  # edited: not replaced
    assert second.updated == [posts["4.html"]] and second.new == []
    assert second.warnings == [f"{posts['3.html']}: edited since its import; the blog's newer "
                               "version of '셋 고침' is not imported (--force replaces the file)"]
    forced = run(tmp_path, url, force=True)
    assert sorted(p.name for p in forced.new + forced.updated) == sorted(
        [posts["2.html"].name, posts["3.html"].name, "2025-11-01-다섯.html"])
    assert forced.unchanged == 2 and forced.skipped == 0
    blog.add(FEED, rss(*changed), "application/rss+xml; charset=utf-8", etag='"feed-3"')
    last = run(tmp_path, url)
    assert (last.unchanged, last.skipped, last.new, last.updated) == (5, 0, [], [])


def test_a_post_written_again_with_the_same_bytes_counts_as_unchanged(blog, tmp_path):
    url = feed_with(blog, item("하나", "g1", link=blog.base + "/p/1"))
    [post] = run(tmp_path, url).new
    (tmp_path / "posts" / RECORD_NAME).unlink()  # the record lost, the post as imported
    again = run(tmp_path, url)
    assert (again.new, again.updated, again.unchanged, again.kept) == ([], [], 1, [])
    assert record(tmp_path)["entries"]["g1"]["file"] == post.name


def test_an_authors_post_of_the_same_stem_is_kept(blog, tmp_path):
    url = feed_with(blog, item("하나", "g1", link=blog.base + "/p/robot"))
    posts = tmp_path / "posts"
    posts.mkdir()
    mine = posts / "2025-11-03-robot.md"
    mine.write_text("---\ntitle: 내 글\ndate: 2025-11-03\n---\n\n내가 쓴 글입니다.\n",
                    encoding="utf-8")
    result = run(tmp_path, url, time_zone="UTC")
    assert (result.new, result.kept) == ([], [mine])
    assert result.warnings == [f"{mine}: a post of this name exists and was not imported from "
                               "the feed; '하나' is not imported (remove it to import the entry)"]
    assert record(tmp_path)["feeds"][url]["etag"] is None  # the author may resolve it


def test_two_entries_of_one_long_slug_on_one_day_are_both_imported(blog, tmp_path):
    slug = "a" * 130
    url = feed_with(blog, item("하나", "g1", link=f"{blog.base}/x/{slug}"),
                    item("둘", "g2", link=f"{blog.base}/y/{slug}"))
    result = run(tmp_path, url, time_zone="UTC")
    assert sorted(p.name for p in result.new) == [f"2025-11-03-{'a' * 118}-2.html",
                                                  f"2025-11-03-{'a' * 120}.html"]
    assert result.warnings == []


def test_what_a_killed_import_left_is_cleared(blog, tmp_path):
    url = feed_with(blog, item("하나", "g1", link=blog.base + "/p/1"))
    leftover = tmp_path / ".podcaster-cache" / "import-tmp" / "2025-11-03-1.html"
    leftover.parent.mkdir(parents=True)
    leftover.write_text("half", encoding="utf-8")
    result = run(tmp_path, url)
    assert len(result.new) == 1 and not leftover.exists()
    assert list(leftover.parent.iterdir()) == []
    assert (tmp_path / "posts" / result.new[0].name).is_file()


def test_a_bad_allowed_origin_is_named_cut_to_100_characters(tmp_path):
    bad = "https://blog.example/" + "p" * 200
    with pytest.raises(ConfigError) as info:
        run(tmp_path, "https://blog.example/rss.xml", allowed_origins=("https://ok.example", bad))
    assert info.value.format_message() == (
        f"source.allowed_origins: {bad[:100]!r} is not an origin (an origin is "
        "scheme://host[:port], without a path); write scheme://host[:port], e.g. "
        "https://blog.example.com")
    assert not (tmp_path / "posts").exists()


def test_an_allowed_origin_is_fetched(blog, tmp_path):
    with BlogServer() as other:
        other.add("/p/1", page(), "text/html; charset=utf-8")
        url = serve_feed(blog, item("밖", "g1", link=other.base + "/p/1", content=None))
        result = run(tmp_path, url, allowed_origins=(other.base,))
        assert [r.path for r in other.log] == ["/robots.txt", "/p/1"]
    assert len(result.new) == 1 and result.warnings == []


def tagged(server: BlogServer, *tags: str) -> str:
    return feed_with(server, item("하나", "g1", link=server.base + "/p/1"),
                     item("둘", "g2", link=server.base + "/p/2").replace(
                         "</item>", "".join(f"<category>{t}</category>" for t in tags)
                         + "</item>"))


def test_a_post_the_filters_now_leave_out_is_reported_once_with_the_remedy(blog, tmp_path):
    url = tagged(blog, "일상")
    first = run(tmp_path, url)
    two = first.new[1]
    later = run(tmp_path, url, exclude_tags=("일상",))
    assert (later.excluded, later.pruned, later.skipped) == ([two], [], 1)
    assert later.warnings == [f"{two}: imported earlier, now left out (tagged 일상 "
                              "(source.exclude_tags)); it is still an episode: `podcaster "
                              "import --prune` removes it"]


def test_a_left_out_post_the_record_names_but_another_wrote_is_left_with_a_warning(blog,
                                                                                    tmp_path):
    url = tagged(blog, "일상")
    two = run(tmp_path, url).new[1]
    two.write_text("<html><body><article><h1>둘</h1><p>내 글</p></article></body></html>",
                   encoding="utf-8")
    later = run(tmp_path, url, exclude_tags=("일상",), prune=True)
    assert (later.excluded, later.pruned) == ([], []) and two.is_file()
    assert later.warnings == [f"{two}: the import record names it, but it was not written by "
                              "podcaster import from this feed; left as it is"]


@pytest.mark.parametrize("how", ["removed", "linked"])
def test_a_left_out_post_that_is_gone_or_a_link_is_not_touched(blog, tmp_path, how):
    url = tagged(blog, "일상")
    two = run(tmp_path, url).new[1]
    if how == "linked":
        kept = tmp_path / "kept.html"
        kept.write_bytes(two.read_bytes())
        two.unlink()
        two.symlink_to(kept)
    else:
        two.unlink()
    later = run(tmp_path, url, exclude_tags=("일상",), prune=True)
    assert (later.excluded, later.pruned, later.warnings) == ([], [], [])
    if how == "linked":
        assert two.is_symlink() and (tmp_path / "kept.html").is_file()


@pytest.mark.parametrize("error, shown", [
    (lambda posts: OSError(errno.EINVAL, "Invalid argument", str(posts / "x.html")),
     lambda posts: f"{posts / 'x.html'}: cannot write: Invalid argument"),
    (lambda posts: OSError("the disk said no"),
     lambda posts: f"{posts}: cannot write: the disk said no"),
    (lambda posts: OSError(errno.EROFS, "Read-only file system", str(posts / "y.html")),
     lambda posts: f"{posts / 'y.html'}: cannot write: read-only file system"),
])
def test_a_post_that_cannot_be_written_is_one_line_naming_the_file(blog, tmp_path, monkeypatch,
                                                                   error, shown):
    url = feed_with(blog, item("하나", "g1", link=blog.base + "/p/1"))
    posts = tmp_path / "posts"

    def refuse(*args, **kwargs):
        raise error(posts)

    monkeypatch.setattr("podcaster.importer.run.write_atomic", refuse)
    with pytest.raises(OutputError) as info:
        run(tmp_path, url)
    assert info.value.format_message() == shown(posts)
    assert info.value.exit_code == 8


def test_entries_with_no_day_in_the_time_zone_are_each_skipped_with_a_warning(blog, tmp_path):
    url = feed_with(blog, item("하나", "g1", link=blog.base + "/p/1"),
                    item("둘", "g2", link=blog.base + "/p/2"))
    result = run(tmp_path, url, time_zone="/etc/localtime")  # no zone key: no day in it
    assert (result.new, result.skipped) == ([], 2)
    assert result.warnings == [
        f"{url}: '하나' is dated 2025-11-03, which is no day in /etc/localtime; skipped",
        f"{url}: '둘' is dated 2025-11-03, which is no day in /etc/localtime; skipped"]


REFUSED = "<p>“</p><p>혼자 남은 따옴표 뒤의 글입니다.</p>"  # a quote mark alone: the reader refuses it


def test_a_post_the_reader_would_refuse_is_skipped_with_its_reason(blog, tmp_path, caplog):
    url = feed_with(blog, item("하나", "g1", link=blog.base + "/p/1", content=REFUSED),
                    item("둘", "g2", link=blog.base + "/p/2", content=REFUSED),
                    item("셋", "g3", link=blog.base + "/p/3"))
    caplog.set_level(logging.WARNING, logger="podcaster.importer.run")
    result = run(tmp_path, url, time_zone="UTC")
    posts = tmp_path / "posts"
    assert [p.name for p in result.new] == ["2025-11-03-셋.html"]
    assert (result.skipped, result.kept) == (2, [])
    reason = ("unclosed quote at line 13: “: a quote mark alone quotes nothing; add the "
              "closing mark where the quote ends, or remove the mark")
    assert result.warnings == [
        f"{posts / '2025-11-03-하나.html'}: '하나' is not imported: the post would not read "
        f"({reason})",
        f"{posts / '2025-11-03-둘.html'}: '둘' is not imported: the post would not read "
        f"({reason})"]
    # each warning is logged as it is (the command prints it), once
    assert [r.getMessage() for r in caplog.records
            if r.name == "podcaster.importer.run"] == result.warnings
    assert sorted(p.name for p in posts.iterdir()) == sorted(["2025-11-03-셋.html", RECORD_NAME])
    assert list((tmp_path / ".podcaster-cache" / "import-tmp").iterdir()) == []
    assert sorted(record(tmp_path)["entries"]) == ["g3"]


def test_a_trial_post_that_cannot_be_written_stops_the_import_naming_it(blog, tmp_path,
                                                                         monkeypatch):
    url = feed_with(blog, item("하나", "g1", link=blog.base + "/p/1"))
    write_bytes = Path.write_bytes

    def too_many_files(path, data):
        if path.parent.name == "import-tmp":
            raise OSError(errno.EMFILE, "Too many open files", str(path))
        return write_bytes(path, data)

    monkeypatch.setattr(Path, "write_bytes", too_many_files)
    with pytest.raises(OutputError) as info:
        run(tmp_path, url, time_zone="UTC")
    trial = tmp_path / ".podcaster-cache" / "import-tmp" / "2025-11-03-하나.html"
    assert info.value.format_message() == f"{trial}: cannot write: too many open files"
    assert not (tmp_path / "posts").exists()


def info_lines(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records
            if r.name == "podcaster.importer.run" and r.levelno == logging.INFO]


def test_the_verbose_lines_name_each_post_imported_updated_or_skipped(blog, tmp_path, caplog):
    url = feed_with(blog, item("하나", "g1", link=blog.base + "/p/1"),
                    item("둘", "g2", link=blog.base + "/p/2",
                         date="Sat, 01 Nov 2025 10:00:00 +0000"))
    caplog.set_level(logging.INFO, logger="podcaster.importer.run")
    first = run(tmp_path, url, time_zone="UTC")
    one, two = first.new
    assert info_lines(caplog) == [f"imported {one}", f"imported {two}"]
    caplog.clear()
    blog.add(FEED, rss(item("하나 고침", "g1", link=blog.base + "/p/1"),
                       item("둘", "g2", link=blog.base + "/p/2",
                            date="Sat, 01 Nov 2025 10:00:00 +0000")),
             "application/rss+xml; charset=utf-8", etag='"feed-2"')
    since = __import__("datetime").date(2025, 11, 2)
    second = run(tmp_path, url, time_zone="UTC", since=since)
    assert (second.updated, second.skipped) == ([one], 1)
    assert info_lines(caplog) == [
        f"{url}: '둘' skipped: published 2025-11-01, before --since 2025-11-02",
        f"updated {one}"]
    caplog.clear()
    one.unlink()
    blog.add(FEED, rss(item("하나 또 고침", "g1", link=blog.base + "/p/1")),
             "application/rss+xml; charset=utf-8", etag='"feed-3"')
    third = run(tmp_path, url, time_zone="UTC")
    assert (third.new, third.updated, third.skipped) == ([], [], 1)
    assert info_lines(caplog) == [f"{one}: removed from posts/ after its import; not "
                                  "imported again (--force brings it back)"]


def test_the_verbose_line_names_each_post_pruned(blog, tmp_path, caplog):
    url = tagged(blog, "일상")
    two = run(tmp_path, url).new[1]
    caplog.set_level(logging.INFO, logger="podcaster.importer.run")
    later = run(tmp_path, url, exclude_tags=("일상",), prune=True)
    assert later.pruned == [two] and not two.exists()
    assert info_lines(caplog)[-1] == f"removed {two} (left out by the filters)"


def test_an_authors_post_of_the_same_name_is_replaced_only_with_force(blog, tmp_path):
    url = feed_with(blog, item("하나", "g1", link=blog.base + "/p/robot"))
    posts = tmp_path / "posts"
    posts.mkdir()
    mine = posts / "2025-11-03-robot.html"
    mine.write_text("<html><body><article><h1>내 글</h1><p>내가 쓴 글입니다.</p></article>"
                    "</body></html>", encoding="utf-8")
    result = run(tmp_path, url, time_zone="UTC")
    assert (result.new, result.kept) == ([], [mine])
    assert result.warnings == [f"{mine}: a post of this name exists and was not imported from "
                               "the feed; '하나' is not imported (--force replaces the file)"]
    assert "내가 쓴 글" in mine.read_text(encoding="utf-8")
    forced = run(tmp_path, url, time_zone="UTC", force=True)
    assert (forced.new, forced.kept, forced.warnings) == ([mine], [], [])
    assert "도서관 로봇" in mine.read_text(encoding="utf-8")


def test_a_page_is_asked_for_as_html(blog, tmp_path):
    url = feed_with(blog, summary_only(blog))
    blog.add("/p/1", page(), "text/html; charset=utf-8")
    run(tmp_path, url)
    [asked] = blog.requests_to("/p/1")
    assert asked.headers["accept"] == "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
    assert blog.requests_to(FEED)[0].headers["accept"] == (
        "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
        "*/*;q=0.1")


@pytest.mark.parametrize("where", ["content", "page"])
def test_a_heading_that_repeats_the_title_is_left_out(blog, tmp_path, where):
    text = "<h2>봄비 소식</h2>" + BODY
    if where == "content":
        url = feed_with(blog, item("봄비 소식", "g1", link=blog.base + "/p/1", content=text))
    else:
        url = feed_with(blog, item("봄비 소식", "g1", link=blog.base + "/p/1", content=None))
        blog.add("/p/1", page(text), "text/html; charset=utf-8")
    [post] = run(tmp_path, url).new
    written = post.read_text(encoding="utf-8")
    assert written.count("봄비 소식") == 2  # the <title> and the one <h1>
    assert "<h2>봄비 소식</h2>" not in written and "도서관 로봇" in written


def test_links_on_a_page_are_made_absolute_from_its_address(blog, tmp_path):
    url = feed_with(blog, summary_only(blog))
    blog.add("/p/1", b"", "text/html", redirect="/posts/1")
    words = "오늘은 도서관 로봇 이야기를 길게 합니다. " * 10
    blog.add("/posts/1", f"<html><body><div><p>{words}<a href='/posts/2'>다음 글</a> 입니다</p>"
             f"<p>{words}</p></div></body></html>", "text/html; charset=utf-8")
    [post] = run(tmp_path, url).new
    assert f'<a href="{blog.base}/posts/2">다음 글</a>' in post.read_text(encoding="utf-8")


def test_an_import_with_the_default_options_and_session(blog, tmp_path, caplog):
    url = feed_with(blog, item("하나", "g1", link=blog.base + "/p/1"))
    first = import_feed(tmp_path, url)
    assert (first.feed_url, len(first.new), first.requests) == (url, 1, 1)
    assert blog.log[0].headers["user-agent"].startswith("podcaster/")
    caplog.set_level(logging.INFO, logger="podcaster.importer.run")
    second = import_feed(tmp_path, url)
    assert (second.feed_url, second.not_modified, second.new) == (url, True, [])
    assert info_lines(caplog) == [f"{url}: not modified since the last import"]


def test_the_sessions_resolver_finds_the_blog(blog, tmp_path):
    port = blog.base.rsplit(":", 1)[1]
    asked: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        asked.append(host)
        return ["127.0.0.1"] if host == "blog.test" else []

    url = f"http://blog.test:{port}{FEED}"
    blog.add(FEED, rss(item("하나", "g1", link=f"http://blog.test:{port}/p/1")),
             "application/rss+xml; charset=utf-8")
    with Fetcher(retries=0, timeout=30, resolver=resolver) as fetcher:
        result = run(tmp_path, url, fetcher)
    assert len(result.new) == 1 and asked == ["blog.test"]


def test_each_problem_of_the_feed_is_a_warning_naming_it(blog, tmp_path):
    url = feed_with(blog, item("하나", "g1", link=blog.base + "/p/1"),
                    item("둘", "g2", link=blog.base + "/p/2").replace(
                        "<pubDate>Mon, 03 Nov 2025 10:00:00 +0000</pubDate>", ""))
    result = run(tmp_path, url)
    assert len(result.new) == 1
    [warning] = result.warnings
    assert warning.startswith(f"{url}: entry 2 ('둘'): ") and warning.endswith("; skipped")


def test_an_entry_of_a_long_hangul_link_is_imported(blog, tmp_path):
    import urllib.parse
    slug = "도서관" * 40  # 360 bytes in UTF-8: more than a file name may hold
    url = feed_with(blog, item("하나", "g1", link=f"{blog.base}/entry/{urllib.parse.quote(slug)}"))
    result = run(tmp_path, url, time_zone="UTC")
    assert [p.name for p in result.new] == [f"2025-11-03-{slug[:66]}.html"]
    assert result.warnings == []


def test_no_temporary_file_of_an_import_is_made_among_the_posts(blog, tmp_path, monkeypatch):
    """The posts and the import record are written through the cache's import-tmp: a killed
    import leaves nothing in posts/ that a build would read or a user would have to clear."""
    from podcaster import files

    url = feed_with(blog, item("하나", "g1", link=blog.base + "/p/1"))
    plain = files.atomic_file
    used = []

    def spy(path, *args, tmp_dir=None, **kwargs):
        used.append((Path(path).name, tmp_dir))
        return plain(path, *args, tmp_dir=tmp_dir, **kwargs)

    monkeypatch.setattr(files, "atomic_file", spy)
    result = run(tmp_path, url)
    names = {name for name, _ in used}
    assert {RECORD_NAME, result.new[0].name} <= names
    assert {tmp for _, tmp in used} == {tmp_path / ".podcaster-cache" / "import-tmp"}
