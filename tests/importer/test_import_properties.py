"""Properties of `podcaster import` over hostile input: any import record is either refused
with one line naming it or touches nothing outside posts/; no URL a feed can name makes the
importer fetch from outside the blog's origin."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from podcaster.errors import PodcasterError
from podcaster.http import FetchError, OriginPolicy, split_url
from podcaster.importer import Fetcher, ImportOptions, import_feed
from podcaster.importer.record import RECORD_NAME
from tests.fakes.blog import FEED, SECRET, BlogServer, item, page, rss

NAMES = ["2025-11-03-a.html", "2025-11-03-b.html", "../podcast.toml", "../outside.html",
         "/tmp/x.html", "sub/a.html", "..", ".", "", ".podcaster-import.json", "a\x00.html",
         "posts/../../outside.html", "C:\\x.html", "~/x.html", "%2e%2e/x.html"]
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)


@pytest.fixture(scope="module")
def blog():
    with BlogServer() as server:
        server.add(FEED, rss(item("가 글", "1", server.base + "/a"),
                             item("나 글", "2", server.base + "/b")), "application/rss+xml")
        yield server


@pytest.fixture(scope="module")
def internal():
    with BlogServer() as server:
        for path in ("/", "/secret", "/robots.txt", "/a", "/b"):
            server.add(path, page(f"<p>{SECRET}</p>" * 20), "text/html")
        yield server


def entry_state(url: str):
    name = st.sampled_from(NAMES) | st.text(min_size=0, max_size=12) \
        | st.builds("/".join, st.lists(st.sampled_from(["..", ".", "a", "", "b.html"]),
                                       min_size=1, max_size=4))
    return st.fixed_dictionaries({
        "feed": st.sampled_from([url, "http://elsewhere.example/feed"]),
        "file": name,
        "digest": st.sampled_from(["0" * 64, "x"]),
        "fingerprint": st.text(max_size=5),
    }) | JSON


def records(url: str):
    record = st.fixed_dictionaries({
        "version": st.sampled_from([1, 1, 1, 2, "1", None]),
        "feeds": st.dictionaries(st.sampled_from([url, "x"]), st.fixed_dictionaries({
            "etag": st.none() | st.text(max_size=5), "last_modified": st.none(),
            "settings": st.text(max_size=5)}) | JSON, max_size=2),
        "entries": st.dictionaries(st.sampled_from(["1", "2", "3"]), entry_state(url),
                                   max_size=3),
    })
    return record | JSON


def outside(root: Path, posts: Path) -> dict[str, bytes | str]:
    found: dict[str, bytes | str] = {}
    for path in sorted(root.rglob("*")):
        if path.is_relative_to(posts) or ".podcaster-cache" in path.parts:
            continue
        found[str(path.relative_to(root))] = path.read_bytes() if path.is_file() \
            and not path.is_symlink() else "link" if path.is_symlink() else "dir"
    return found


@given(data=st.data(), force=st.booleans(), linked=st.booleans())
def test_any_record_is_refused_or_touches_only_posts(blog, data, force, linked):
    url = blog.base + FEED
    record = data.draw(records(url))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        project = root / "show"
        posts = project / "posts"
        posts.mkdir(parents=True)
        (root / "outside.html").write_text("밖", encoding="utf-8")
        (project / "podcast.toml").write_text("[show]\n", encoding="utf-8")
        if linked:  # a committed link in posts/ that leads out of it
            (posts / "2025-11-03-a.html").symlink_to(project / "podcast.toml")
        (posts / RECORD_NAME).write_text(json.dumps(record), encoding="utf-8")
        before = outside(root, posts)
        try:
            with Fetcher(backoff=0.01, timeout=5, sleep=lambda s: None) as fetcher:
                import_feed(project, url, ImportOptions(force=force), fetcher=fetcher)
        except PodcasterError as exc:
            message = exc.format_message()
            assert message.startswith(f"{posts / RECORD_NAME}: cannot read the import record")
            assert "\n" not in message
        assert outside(root, posts) == before
        for path in posts.rglob("*"):
            assert path.parent == posts and (path.is_file() or path.is_symlink())
            assert not path.name.endswith(".tmp")


HOSTS = ["127.0.0.1", "localhost", "0x7f000001", "2130706433", "0177.0.0.1", "127.1",
         "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[::1]", "127.0.0.1.", "LocalHost",
         "169.254.169.254", "[fd00::1]", "10.0.0.1", "0", "0.0.0.0", "example.com"]


def links(blog_port: int, internal_port: int):
    port = st.sampled_from([f":{blog_port}", f":{internal_port}", "", ":80", ":0", ":x",
                            f":{internal_port}@127.0.0.1:{blog_port}"])
    user = st.sampled_from(["", "blog@", "a:b@", f"127.0.0.1:{blog_port}@"])
    composed = st.builds(lambda s, u, h, p, path: f"{s}://{u}{h}{p}/{path}",
                         st.sampled_from(["http", "https", "HTTP", "ftp", "javascript"]), user,
                         st.sampled_from(HOSTS) | st.text(max_size=8), port,
                         st.sampled_from(["secret", "a", "", "../secret", "%2e%2e/secret"]))
    return composed | st.text(max_size=30)


@given(data=st.data())
def test_no_link_makes_the_importer_fetch_outside_the_blog(blog, internal, data):
    blog_port = blog.httpd.server_address[1]
    internal_port = internal.httpd.server_address[1]
    chosen = data.draw(st.lists(links(blog_port, internal_port), min_size=1, max_size=4))
    items = [item(f"글 {n}", f"p{n}", link, content=None) for n, link in enumerate(chosen)]
    blog.add("/prop.xml", rss(*items), "application/rss+xml")
    before = len(blog.log)
    with tempfile.TemporaryDirectory() as tmp:
        with Fetcher(backoff=0.01, timeout=5, retries=0, sleep=lambda s: None) as fetcher:
            import_feed(Path(tmp), blog.base + "/prop.xml", fetcher=fetcher)
        written = b"".join(p.read_bytes() for p in Path(tmp).rglob("*.html"))
    assert internal.log == []
    assert SECRET.encode() not in written
    assert len(blog.log) >= before + 1


@given(url=st.text(max_size=40) | st.builds(
    lambda h, rest: f"http://{h}{rest}", st.sampled_from(HOSTS), st.text(max_size=15)))
def test_a_checked_url_is_always_of_an_allowed_origin(url):
    """Whatever the text, ``check`` either refuses it or gives a URL whose origin (read
    again, as the connection will) is the allowed one."""
    policy = OriginPolicy(split_url("http://127.0.0.1:8123/")[:1])
    try:
        checked = policy.check(url)
    except FetchError as exc:
        assert exc.refused and "\n" not in exc.format_message()
        return
    assert split_url(checked)[0] in policy.origins
    assert split_url(checked)[1] == checked
