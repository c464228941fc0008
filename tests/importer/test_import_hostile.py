"""`podcaster import` against hostile blogs: a feed that points at the runner's network,
redirects to other ports, trickles its answer, repeats ids, carries impossible dates, lies
about its encoding or hides control characters, and a tampered import record.

Every server is a local ``BlogServer``; the "internal" one stands for what the runner can
reach and the blog must not: no test may leave a request in its log.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from podcaster.errors import OutputError
from podcaster.http import Fetcher, FetchError, OriginPolicy, parse_origin
from podcaster.importer import ImportOptions, import_feed
from podcaster.importer.record import RECORD_NAME
from podcaster.init import ProjectSettings, init_project
from podcaster.text.read import find_posts, read_post
from podcaster.values import bad_character
from tests.fakes.blog import BODY, FEED, SECRET, BlogServer, item, page, rss, serve_feed
from tests.helpers import invoke_cli as cli


@pytest.fixture
def blog():
    with BlogServer() as server:
        yield server


@pytest.fixture
def internal():
    """What the runner can reach and the blog must not: it answers everything with SECRET."""
    with BlogServer() as server:
        for path in ("/", "/secret", "/robots.txt", "/latest/meta-data/", FEED):
            server.add(path, f"<html><body><article><p>{SECRET}</p>" * 20, "text/html")
        yield server


def run(project: Path, url: str, timeout: float = 5, **options):
    with Fetcher(backoff=0.01, timeout=timeout, sleep=lambda s: None) as fetcher:
        return import_feed(project, url, ImportOptions(**options), fetcher=fetcher)


def project_for(project: Path, url: str, source_line: str = "") -> Path:
    """A project made by init that imports ``url``, with ``source_line`` in [source]."""
    init_project(project, ProjectSettings(feed=url))
    toml = project / "podcast.toml"
    text = toml.read_text(encoding="utf-8")
    assert "# exclude_tags = []" in text
    toml.write_text(text.replace("# exclude_tags = []", source_line), encoding="utf-8")
    return project


def port_of(server: BlogServer) -> int:
    return server.httpd.server_address[1]


def spellings(port: int) -> list[str]:
    """The internal server's address, spelled every way a resolver accepts."""
    return [f"http://{host}:{port}/secret" for host in (
        "127.0.0.1", "localhost", "0x7f000001", "2130706433", "0177.0.0.1", "127.1",
        "[::ffff:127.0.0.1]", "[::1]", "blog@127.0.0.1", "127.0.0.1.", "LOCALHOST.",
    )] + ["http://169.254.169.254/latest/meta-data/", "http://[fd00::1]/secret",
          "http://metadata.google.internal/", "http://10.0.0.1/", "http://블로그.example/"]


def test_links_to_the_runners_network_are_never_fetched(blog, internal, tmp_path):
    """A summary-only feed whose links name the internal server in every spelling: none is
    fetched (robots.txt included), each entry is skipped with a warning naming the URL."""
    links = spellings(port_of(internal))
    items = [item(f"글 {n}", f"id-{n}", link, content=None) for n, link in enumerate(links)]
    blog.add("/posts/1", page(), "text/html; charset=utf-8")
    items.append(item("제 블로그 글", "own", blog.base + "/posts/1", content=None))
    result = run(tmp_path, serve_feed(blog, *items))
    assert internal.log == []
    assert [p.name for p in result.new] == ["2025-11-03-1.html"] or len(result.new) == 1
    written = b"".join(p.read_bytes() for p in (tmp_path / "posts").iterdir())
    assert SECRET.encode() not in written
    refused = [w for w in result.warnings if "not fetched" in w]
    assert len(refused) == len(links)
    assert all("is not imported this time" in w for w in refused)
    assert {r.path for r in blog.log} == {FEED, "/robots.txt", "/posts/1"}


def test_a_redirect_to_another_port_is_refused(blog, internal, tmp_path):
    """The blog's page and its feed both redirect to the same host on another port."""
    target = f"http://127.0.0.1:{port_of(internal)}/secret"
    blog.add("/posts/1", b"", "text/html", redirect=target)
    url = serve_feed(blog, item("글", "1", blog.base + "/posts/1", content=None))
    result = run(tmp_path, url)
    assert result.new == [] and any("not the blog's origin" in w for w in result.warnings)
    blog.add("/moved.xml", b"", "text/html", redirect=target)
    moved = cli("import", blog.base + "/moved.xml", str(tmp_path / "b"))
    assert moved.exit_code == 1
    assert len(moved.stderr.splitlines()) == 1 and "not the blog's origin" in moved.stderr
    assert internal.log == []


def test_a_malformed_redirect_is_a_clean_error(blog, tmp_path):
    blog.add(FEED, b"", "text/html", redirect="http://[::1")
    result = cli("import", blog.base + FEED, str(tmp_path))
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        f"Error: {blog.base}{FEED}: redirected to a malformed address 'http://[::1'"]


def test_allowed_origins_open_exactly_the_listed_origin(blog, internal, tmp_path):
    """source.allowed_origins lets pages come from another origin (here another port)."""
    internal.add("/posts/2", page(), "text/html; charset=utf-8")
    url = serve_feed(blog, item("다른 곳의 글", "2", internal.base + "/posts/2", content=None))
    blog.routes[FEED].etag = '"v1"'  # unchanged feed: only a change of settings reads it again
    assert run(tmp_path / "a", url).new == []
    assert internal.log == []
    result = run(tmp_path / "a", url, allowed_origins=(internal.base,))
    assert len(result.new) == 1  # listing the origin reads the feed again
    assert {r.path for r in internal.log} == {"/robots.txt", "/posts/2"}
    project = project_for(tmp_path / "c", url, f'allowed_origins = ["{internal.base}"]')
    listed = cli("import", str(project))
    assert listed.exit_code == 0 and "1 new" in listed.output, listed.output
    project = project_for(tmp_path / "d", url, f'allowed_origins = ["{url}"]')
    bad = cli("import", str(project))
    assert bad.exit_code == 2 and "source.allowed_origins" in bad.stderr
    assert "without a path" in bad.stderr


def test_a_trickling_answer_is_cut_at_the_deadline(blog, tmp_path):
    """One byte every 0.2 s: each read is quick, the whole never comes. Cut at 1 s."""
    blog.add(FEED, rss(item("글", "1")), "application/rss+xml", trickle=0.2)
    start = time.monotonic()
    with pytest.raises(FetchError, match=r"no complete answer within 1 s$"):
        run(tmp_path, blog.base + FEED, timeout=1)
    assert time.monotonic() - start < 3
    assert len(blog.requests_to(FEED)) == 1  # not tried again: the deadline is the request's
    assert not (tmp_path / "posts").exists()


def test_the_deadline_is_20_seconds_on_the_command_line(blog, tmp_path, monkeypatch):
    import podcaster.importer.run as run_module

    assert run_module.DEADLINE == 20.0  # what README promises
    monkeypatch.setattr(run_module, "DEADLINE", 0.5)
    blog.add(FEED, rss(item("글", "1")), "application/rss+xml", trickle=0.2)
    result = cli("import", blog.base + FEED, str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {blog.base}{FEED}: no complete answer within 0.5 s"


def test_duplicate_ids_keep_one_entry_whatever_the_order(blog, tmp_path):
    first = item("첫 번째 글", "same", blog.base + "/a", content=BODY.replace("도서관", "공원"))
    second = item("두 번째 글", "same", blog.base + "/b", date="Tue, 04 Nov 2025 10:00:00 +0000")
    url = serve_feed(blog, second, first)
    result = run(tmp_path, url)
    assert [p.name for p in result.new] == ["2025-11-03-a.html"]
    assert any("the same id as '첫 번째 글'" in w for w in result.warnings)
    before = (tmp_path / "posts" / "2025-11-03-a.html").read_bytes()
    serve_feed(blog, first, second)  # the feed lists them the other way round
    again = run(tmp_path, url)
    assert again.new == [] and again.updated == [] and again.unchanged == 1
    assert (tmp_path / "posts" / "2025-11-03-a.html").read_bytes() == before
    assert sorted(p.name for p in (tmp_path / "posts").iterdir()) == [
        RECORD_NAME, "2025-11-03-a.html"]


def test_dates_out_of_range_are_skipped_with_a_warning(blog, tmp_path):
    url = serve_feed(
        blog,
        item("아주 옛날 글", "old", blog.base + "/old", date="Mon, 01 Jan 0001 00:00:00 +0000"),
        item("먼 미래 글", "far", blog.base + "/far", date="Fri, 31 Dec 9999 23:00:00 +0000"),
        item("날짜가 이상한 글", "bad", blog.base + "/bad", date="어제쯤"),
        item("1969년 글", "moon", blog.base + "/moon", date="Sun, 20 Jul 1969 20:17:00 +0000"),
        item("오늘 글", "ok", blog.base + "/ok"),
    )
    result = cli("import", url, str(tmp_path / "cli"))
    assert result.exit_code == 0, result.output
    assert "1 new, 0 updated" in result.output
    imported = run(tmp_path, url)
    assert [p.name for p in find_posts(tmp_path / "posts")] == ["2025-11-03-ok.html"]
    for title in ("아주 옛날 글", "먼 미래 글", "날짜가 이상한 글", "1969년 글"):
        assert sum(title in w and w.endswith("; skipped") for w in imported.warnings) == 1


def test_euc_kr_served_as_utf8_is_read_as_what_it_is(blog, tmp_path):
    """A feed and a page in EUC-KR, labelled UTF-8: imported as Hangul (with a warning),
    never as mojibake; bytes that are no Korean encoding at all are refused."""
    feed = rss(item("인코딩이 틀린 글", "1", blog.base + "/1"),
               item("페이지만 있는 글", "2", blog.base + "/2", content=None), encoding="utf-8")
    blog.add(FEED, feed.encode("euc-kr"), "application/rss+xml; charset=utf-8")
    blog.add("/2", page().encode("euc-kr"), "text/html; charset=UTF-8")
    result = run(tmp_path, blog.base + FEED)
    assert len(result.new) == 2
    for path in result.new:
        post = read_post(path)
        assert "로봇이 책을 제자리에 꽂습니다" in " ".join(b.text for b in post.blocks)
    assert {read_post(p).title for p in result.new} == {"인코딩이 틀린 글", "글"} or all(
        "\ufffd" not in read_post(p).title for p in result.new)
    warnings = [w for w in result.warnings if "declares utf-8 but is CP949" in w]
    assert len(warnings) == 2
    blog.add("/broken.xml", b"\xff\xfe\xfa" * 50 + feed.encode("utf-8"),
             "application/rss+xml; charset=utf-8")
    with pytest.raises(FetchError, match="cannot decode the text"):
        run(tmp_path / "b", blog.base + "/broken.xml")


def test_utf8_labelled_latin1_is_read_as_utf8(blog, tmp_path):
    feed = rss(item("라벨이 틀린 글", "1", blog.base + "/1"))
    blog.add(FEED, feed.encode("utf-8"), "application/rss+xml; charset=iso-8859-1")
    result = run(tmp_path, blog.base + FEED)
    assert read_post(result.new[0]).title == "라벨이 틀린 글"
    assert any("declares iso8859-1 but is UTF-8" in w for w in result.warnings)


HIDDEN = ["&#1;", "\u202e", "\u2066", "\u200b", "\u200f", "\u2028", "\ufeff", "\U000e0041",
          "&#x202E;", "&#8203;", "&#x7;"]


def character(text: str) -> str:
    """The character ``text`` is or refers to (``&#1;`` is U+0001)."""
    if text.startswith("&#x") or text.startswith("&#X"):
        return chr(int(text[3:-1], 16))
    return chr(int(text[2:-1])) if text.startswith("&#") else text


def test_control_and_invisible_characters_never_reach_posts(blog, tmp_path):
    """Titles, tags, ids and bodies full of control, bidi and invisible characters: every
    post is written without them (warnings name the entry) and reads back; a build-time
    check of each post passes."""
    items = []
    for n, bad in enumerate(HIDDEN):
        title = f"제목{bad}{n}번"
        body = BODY.replace("로봇이", f"로봇{bad}이")
        items.append(item(title, f"id{bad}{n}", f"{blog.base}/p{n}", content=body)
                     .replace("</item>", f"<category>태그{bad}</category></item>"))
    items.append(item("\u202e요약만 있는 글", "summary", blog.base + "/s", content=None))
    blog.add("/s", page(BODY.replace("로봇이", "로봇&#1;&#x202e;\u200b이")),
             "text/html; charset=utf-8")
    url = serve_feed(blog, *items)
    result = cli("import", url, str(tmp_path))
    assert result.exit_code == 0, result.output
    posts = find_posts(tmp_path / "posts")
    assert len(posts) == len(HIDDEN) + 1
    for path in posts:
        text = path.read_text(encoding="utf-8")
        for bad in HIDDEN:
            assert bad not in text and character(bad) not in text, (path, bad)
        post = read_post(path)
        assert bad_character(post.title) is None
        assert "로봇이 책을" in " ".join(b.text for b in post.blocks)
    check = cli("segments", str(posts[0]))
    assert check.exit_code == 0, check.output
    warnings = run(tmp_path / "again", url).warnings
    assert sum("removed from its title" in w for w in warnings) == len(HIDDEN) + 1
    assert sum("removed from its title, content, tags" in w for w in warnings) >= 8
    assert any("removed from the page of '요약만 있는 글'" in w for w in warnings)


def test_a_post_the_reader_refuses_is_skipped_not_written(blog, tmp_path):
    """An entry whose post could not be read (here: a title that is only invisible
    characters after scrubbing leaves no title; a body that is only a heading) is skipped
    with a warning, and the rest is imported."""
    url = serve_feed(blog, item("빈 글", "empty", blog.base + "/e", content="<h2>빈 글</h2>"),
                     item("좋은 글", "good", blog.base + "/g"))
    result = run(tmp_path, url)
    assert [p.name for p in result.new] == ["2025-11-03-g.html"]
    assert not (tmp_path / "posts" / "2025-11-03-e.html").exists()


TAMPERED = ["../podcast.toml", "../../outside.html", "/etc/passwd", "sub/post.html", "..",
            ".", "", "post.html\x00.txt", ".hidden.html", "podcast.toml", "a\\..\\b.html",
            "C:evil.html", " post.html", "post\n.html"]


@pytest.mark.parametrize("name", TAMPERED)
@pytest.mark.parametrize("force", [False, True])
def test_a_tampered_record_is_refused_and_nothing_outside_posts_changes(
        blog, tmp_path, name, force):
    url = serve_feed(blog, item("글", "1", blog.base + "/1"))
    project = project_for(tmp_path / "show", url)
    (project / "posts").mkdir(parents=True, exist_ok=True)
    record = {"version": 1, "feeds": {},
              "entries": {"1": {"feed": url, "file": name, "digest": "0" * 64,
                                "fingerprint": "x"}}}
    (project / "posts" / RECORD_NAME).write_text(json.dumps(record), encoding="utf-8")
    before = snapshot(tmp_path, skip=project / "posts")
    result = cli("import", str(project), *(["--force"] if force else []))
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        f"Error: {project / 'posts' / RECORD_NAME}: cannot read the import record (file "
        f"{name[:80]!r} is not the plain name of a .html file in posts/); remove it to "
        "import every entry again"]
    assert snapshot(tmp_path, skip=project / "posts") == before
    assert sorted(p.name for p in (project / "posts").iterdir()) == [RECORD_NAME]


def test_record_values_of_the_wrong_type_are_refused(blog, tmp_path):
    url = serve_feed(blog, item("글", "1", blog.base + "/1"))
    posts = tmp_path / "posts"
    posts.mkdir()
    for bad in ({"feeds": {url: {"etag": 5}}, "entries": {}},
                {"feeds": {}, "entries": {"1": ["x"]}},
                {"feeds": {}, "entries": {"1": {"feed": url, "file": "a.html", "digest": None,
                                                "fingerprint": "x"}}},
                {"feeds": [], "entries": {}}):
        (posts / RECORD_NAME).write_text(json.dumps({"version": 1, **bad}), encoding="utf-8")
        result = cli("import", url, str(tmp_path))
        assert result.exit_code == 1, (bad, result.output)
        assert "cannot read the import record" in result.stderr


def snapshot(root: Path, skip: Path) -> dict[str, bytes]:
    """Every file below ``root`` but inside ``skip`` and the cache, with its bytes."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not p.is_relative_to(skip) and ".podcaster-cache" not in p.parts}


def test_two_imports_at_once_keep_both_feeds(tmp_path):
    """Two feeds imported into one project at the same time: the record keeps both."""
    with BlogServer() as one, BlogServer() as two:
        urls = []
        for server, name in ((one, "하나"), (two, "둘")):
            server.add(FEED, rss(item(f"{name}의 글", name, server.base + f"/{name}")),
                       "application/rss+xml", delay=0.5)
            urls.append(server.base + FEED)
        errors: list[BaseException] = []

        def go(url: str) -> None:
            try:
                run(tmp_path, url)
            except BaseException as exc:  # noqa: BLE001 (reported below)
                errors.append(exc)

        threads = [threading.Thread(target=go, args=(u,)) for u in urls]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    assert errors == []
    record = json.loads((tmp_path / "posts" / RECORD_NAME).read_text(encoding="utf-8"))
    assert sorted(record["feeds"]) == sorted(urls)
    assert len(record["entries"]) == 2


def test_a_kill_while_writing_leaves_no_temporary_file_in_posts(blog, tmp_path):
    """SIGKILL at the moment a post would be renamed into place: posts/ holds nothing
    half-written and no hidden temporary file."""
    url = serve_feed(blog, item("글", "1", blog.base + "/1"))
    script = textwrap.dedent(f"""
        import os, signal
        real = os.replace
        def replace(src, dst, *a, **k):
            if "posts" in str(dst):
                os.kill(os.getpid(), signal.SIGKILL)
            return real(src, dst, *a, **k)
        os.replace = replace
        from podcaster.importer import import_feed
        import_feed({str(tmp_path)!r}, {url!r})
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).resolve().parents[2],
                          capture_output=True, timeout=120)
    assert done.returncode == -9, done.stderr
    posts = tmp_path / "posts"
    assert not posts.exists() or list(posts.iterdir()) == []
    again = run(tmp_path, url)  # the next run cleans up and imports
    assert len(again.new) == 1
    assert list((tmp_path / ".podcaster-cache" / "import-tmp").iterdir()) == []


def test_a_posts_folder_that_cannot_be_written_is_exit_8(blog, tmp_path, monkeypatch):
    url = serve_feed(blog, item("글", "1", blog.base + "/1"))
    (tmp_path / "posts").write_text("a file where the folder belongs", encoding="utf-8")
    blocked = cli("import", url, str(tmp_path))
    assert blocked.exit_code == 8, blocked.output
    assert blocked.stderr.count("\n") == 1 and "posts" in blocked.stderr
    (tmp_path / "posts").unlink()

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(tmp_path / "posts" / "x"))

    monkeypatch.setattr("podcaster.importer.run.write_atomic", full)
    with pytest.raises(OutputError, match="no space left on the device"):
        run(tmp_path, url)
    result = cli("import", url, str(tmp_path))
    assert result.exit_code == 8
    assert result.stderr.strip().endswith("cannot write: no space left on the device (disk full)")


def test_each_host_is_resolved_once_and_connected_to_as_checked(blog, tmp_path):
    """A name the system cannot resolve, answered by our resolver with the blog's address:
    the connection goes to the checked address (no second lookup can swap it)."""
    asked: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        asked.append(host)
        return ["127.0.0.1"]

    port = port_of(blog)
    blog.add("/posts/1", page(), "text/html; charset=utf-8")
    serve_feed(blog, item("글", "1", f"http://blog.invalid:{port}/posts/1", content=None))
    with Fetcher(backoff=0.01, timeout=5, resolver=resolver) as fetcher:
        result = import_feed(tmp_path, f"http://blog.invalid:{port}{FEED}", fetcher=fetcher)
    assert len(result.new) == 1
    assert asked == ["blog.invalid"]
    assert {r.headers["host"] for r in blog.log} == {f"blog.invalid:{port}"}  # the name, not the address


def test_a_public_blog_never_reaches_internal_addresses():
    """A feed on a public address: an allowed origin whose name resolves to an internal
    address (or is one) is refused before any connection."""
    table = {"blog.example": ["93.184.215.14"], "cdn.example": ["10.1.2.3"],
             "rebind.example": ["93.184.215.15", "127.0.0.1"]}

    policy = OriginPolicy.for_feed(
        "https://blog.example/feed",
        [parse_origin(o) for o in ("https://cdn.example", "https://rebind.example",
                                   "http://169.254.169.254", "http://[fd00::1]")],
        resolver=lambda host, port: table[host])
    assert policy.addresses("https://blog.example/feed", policy.feed) == ["93.184.215.14"]
    assert not policy.allow_internal
    for url in ("https://cdn.example/a", "https://rebind.example/b",
                "http://169.254.169.254/latest/meta-data/", "http://[fd00::1]/"):
        with pytest.raises(FetchError, match="internal address") as info:
            with Fetcher(policy=policy, retries=0) as fetcher:
                fetcher.get(url)
        assert info.value.refused
