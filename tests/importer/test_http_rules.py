"""The HTTP rules from both sides: a server's Retry-After, the message after the last retry,
where a redirect may lead, what an origin may be written as, and what a host resolves to."""

from __future__ import annotations

import contextlib
import http.server
import logging
import socket
import threading
import time

import pytest

from podcaster.http import (
    Backoff,
    Fetcher,
    FetchError,
    OriginPolicy,
    Transient,
    parse_origin,
    parse_retry_after,
    retrying,
    system_resolver,
)
from tests.fakes.blog import BlogServer


@pytest.fixture
def blog():
    with BlogServer() as server:
        yield server


def fetcher(server: BlogServer, retries: int = 0) -> Fetcher:
    return Fetcher(retries=retries, backoff=0.01, timeout=30, sleep=lambda s: None,
                   policy=OriginPolicy.for_feed(server.base + "/feed"))


@pytest.mark.parametrize("retry_after, least", [(5.0, 5.0), (None, 0.0), (60.0, 30.0)])
def test_a_servers_retry_after_is_waited_up_to_the_cap(retry_after, least):
    delays: list[float] = []

    def fail():
        raise Transient("rate-limited", "too many requests", retry_after, 429)

    with pytest.raises(Transient) as info:
        retrying(fail, lambda exc: 2, Backoff(first=0.01, cap=30.0),
                 lambda delay, exc: delays.append(delay) or True)
    assert len(delays) == 2 and info.value.attempts == 3
    assert all(least <= d <= max(least, 0.04) for d in delays)
    assert (info.value.status, info.value.message) == (429, "too many requests")


@pytest.mark.parametrize("statuses, problem", [
    ((500, 500), "the server failed (HTTP 500 Internal Server Error) after 2 attempt(s); "
                 "try again later"),
    ((429, 503), "the server failed (HTTP 503 Service Unavailable) after 2 attempt(s); "
                 "try again later"),
    ((503, 429), "too many requests (HTTP 429 Too Many Requests) after 2 attempt(s); "
                 "try again later"),
])
def test_the_last_failure_is_named_with_the_attempts(blog, statuses, problem):
    blog.fail("/feed", *statuses)
    with fetcher(blog, retries=1) as session, pytest.raises(FetchError) as info:
        session.get(blog.base + "/feed")
    assert info.value.format_message() == f"{blog.base}/feed: {problem}"
    assert info.value.status == statuses[-1]


@pytest.mark.parametrize("value, seconds", [
    ("7", 7.0), (" 2.5 ", 2.5), ("-3", 0.0), ("0", 0.0),
    ("", None), (None, None), ("soon", None), ("nan", None), ("inf", None),
    ("Mon, 03 Nov 2025 10:00:00", None),  # a date without its zone says no time
    ("Mon, 03 Nov 2025 10:00:00 -0000", None),
    ("Mon, 03 Nov 2025 10:00:00 GMT", 0.0),  # in the past: at once
])
def test_parse_retry_after(value, seconds):
    assert parse_retry_after(value) == seconds


def test_a_retry_after_date_in_the_future_is_the_seconds_until_it():
    import email.utils
    import time
    when = email.utils.formatdate(time.time() + 100, usegmt=True)
    assert 95 <= parse_retry_after(when) <= 100


@pytest.mark.parametrize("text", ["https://b.example", "https://b.example/", "http://b.example:8080",
                                  "HTTPS://B.Example"])
def test_an_origin_as_an_author_writes_it(text):
    assert str(parse_origin(text)) in ("https://b.example", "http://b.example:8080")


@pytest.mark.parametrize("text", ["https://b.example/blog", "https://b.example?x=1",
                                  "https://b.example/#top", "https://b.example#top",
                                  "https://me@b.example", "https://b.example/?x=1#top"])
def test_an_origin_has_no_path_query_fragment_or_user(text):
    with pytest.raises(ValueError) as info:
        parse_origin(text)
    assert str(info.value) == "an origin is scheme://host[:port], without a path"


@pytest.mark.parametrize("host, addresses", [("0.0.0.0", ["0.0.0.0"]),
                                             ("127.0.0.1", ["127.0.0.1"]), ("::1", ["::1"])])
def test_the_system_resolver_gives_each_address_once(host, addresses):
    assert system_resolver(host, 8080) == addresses


def test_a_relative_redirect_is_followed_within_the_blog(blog):
    blog.add("/old", b"", "text/html", redirect="/new")
    blog.add("/new", "새 글", "text/plain; charset=utf-8")
    with fetcher(blog) as session:
        response = session.get(blog.base + "/old")
    assert (response.url, response.body.decode()) == (blog.base + "/new", "새 글")


@pytest.mark.parametrize("location, problem", [
    ("http://[::1", "redirected to a malformed address 'http://[::1'"),
    ("http://[::1/" + "x" * 300, "redirected to a malformed address "
                                 f"{('http://[::1/' + 'x' * 300)[:200]!r}"),
    ("http://b.example:99999/", "redirected to a malformed address 'http://b.example:99999/'"),
    ("ftp://b.example/file", "redirected to a URL that is not http(s): ftp://b.example/file"),
    ("ftp://b.example/" + "y" * 300, "redirected to a URL that is not http(s): "
                                     + ("ftp://b.example/" + "y" * 300)[:200]),
])
def test_a_redirect_to_what_cannot_be_fetched_is_refused(blog, location, problem):
    blog.add("/feed", b"", "text/html", redirect=location)
    with fetcher(blog, retries=2) as session, pytest.raises(FetchError) as info:
        session.get(blog.base + "/feed")
    assert info.value.format_message() == f"{blog.base}/feed: {problem}"
    assert info.value.refused is True
    assert len(blog.requests_to("/feed")) == 1  # not retried


@pytest.mark.parametrize("address, inside", [
    ("224.0.1.1", True), ("ff0e::1", True),  # global, but multicast
    ("2002:a00:1::", True), ("2002:808:808::", False),  # 6to4 of 10.0.0.1 and of 8.8.8.8
    ("::ffff:10.0.0.1", True), ("::ffff:8.8.8.8", False),
    ("2001:0:4136:e378:8000:63bf:80ff:fffe", True),  # Teredo
])
def test_an_address_is_internal_by_itself_or_by_the_one_it_carries(address, inside):
    import ipaddress

    from podcaster.http import internal
    assert internal(ipaddress.ip_address(address)) is inside


@pytest.mark.parametrize("url, clean", [
    ("http://a_b.example/x!y?q=1#part", "http://a_b.example/x!y?q=1"),
    ("https://blog.example", "https://blog.example/"),
    ("https://blog.example?q=1", "https://blog.example/?q=1"),
    ("https://" + "a" * 63 + ".example/", "https://" + "a" * 63 + ".example/"),
    ("https://blog.example:8443/p", "https://blog.example:8443/p"),
    ("https://blog.example:443/p", "https://blog.example/p"),
])
def test_the_url_requested(url, clean):
    from podcaster.http import split_url
    assert split_url(url)[1] == clean


@pytest.mark.parametrize("url, problem", [
    ("http://blog.example/a b", "spaces, control characters or backslashes in the address"),
    ("http://blog.example/a\x1fb", "spaces, control characters or backslashes in the address"),
    ("http://blog.example/a\\b", "spaces, control characters or backslashes in the address"),
    ("ftp://blog.example/", "only absolute http:// and https:// URLs can be fetched"),
    ("https:///path", "only absolute http:// and https:// URLs can be fetched"),
    ("/relative", "only absolute http:// and https:// URLs can be fetched"),
    ("https://" + "a" * 64 + ".example/", f"host {'a' * 64 + '.example'!r} is not a valid name"),
    ("https://a+b.example/", "host 'a+b.example' is not a valid name"),
    ("https://blog..example/", "host 'blog..example' is not a valid name"),
    ("http://[fe80::1%25eth0]/", "no host"),
    ("http://:80/", "no host"),
])
def test_what_is_not_fetched_says_why(url, problem):
    from podcaster.http import checked_origin
    with pytest.raises(FetchError) as info:
        checked_origin(url)
    assert info.value.problem == f"{problem}; not fetched"
    assert info.value.refused is True


def test_a_host_is_compared_in_lower_case_and_ascii():
    from podcaster.http import normalise_host
    assert normalise_host(" Blog.EXAMPLE. ") == "blog.example"
    assert normalise_host("블로그.Example") == "xn--2i0b10rqve.example"


def test_a_url_of_another_origin_is_refused_naming_the_allowed_ones(blog):
    from podcaster.http import Origin
    policy = OriginPolicy([Origin("https", "b.example", 443), Origin("http", "a.example", 8080)])
    with pytest.raises(FetchError) as info:
        policy.check("https://c.example/p/1")
    assert info.value.format_message() == (
        "https://c.example/p/1: not fetched: https://c.example is not the blog's origin "
        "(http://a.example:8080, https://b.example); list it in source.allowed_origins to "
        "allow it")
    assert info.value.refused is True
    assert policy.check("HTTPS://B.example:443/p?x=1") == "https://b.example/p?x=1"


@pytest.mark.parametrize("hops, followed", [(5, True), (6, False)])
def test_five_redirects_are_followed_and_no_more(blog, hops, followed):
    for n in range(hops):
        blog.add(f"/r{n}", b"", "text/html", redirect=f"/r{n + 1}")
    blog.add(f"/r{hops}", "끝", "text/plain; charset=utf-8")
    with fetcher(blog) as session:
        if followed:
            assert session.get(blog.base + "/r0").body.decode() == "끝"
            assert session.requests == hops + 1
        else:
            with pytest.raises(FetchError) as info:
                session.get(blog.base + "/r0")
            assert info.value.format_message() == f"{blog.base}/r0: more than 5 redirects"


def test_a_servers_retry_after_is_honoured_and_every_request_says_who_asks(blog):
    import http.server
    import threading

    from podcaster.http import USER_AGENT
    seen: list[dict] = []

    class Busy(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            seen.append({k.lower(): v for k, v in self.headers.items()})
            first = len(seen) == 1
            self.send_response(429 if first else 200)
            if first:
                self.send_header("Retry-After", "3")
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Busy)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    delays: list[float] = []
    url = f"http://127.0.0.1:{server.server_address[1]}/feed"
    try:
        with Fetcher(retries=1, backoff=0.01, timeout=30, sleep=delays.append,
                     policy=OriginPolicy.for_feed(url)) as session:
            assert session.get(url).body == b"ok"
    finally:
        server.shutdown()
        server.server_close()
    assert len(delays) == 1 and 3.0 <= delays[0] <= 3.1
    assert [h["user-agent"] for h in seen] == [USER_AGENT, USER_AGENT]


def test_credentials_from_the_environment_are_never_sent(blog, tmp_path, monkeypatch):
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login reader password secret\n", encoding="utf-8")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    blog.add("/feed", "피드", "text/plain; charset=utf-8")
    with fetcher(blog) as session:
        assert session.get(blog.base + "/feed").body.decode() == "피드"
    assert "authorization" not in blog.log[0].headers


@pytest.mark.parametrize("size, streamed", [(1000, False), (1001, False), (1000, True),
                                            (1001, True)])
def test_a_body_may_be_as_large_as_the_limit_and_no_larger(blog, size, streamed):
    if streamed:
        blog.add("/big", b"", "application/xml", streamed_size=size)
    else:
        blog.add("/big", b"x" * size, "application/xml")
    with fetcher(blog) as session:
        if size <= 1000:
            assert len(session.get(blog.base + "/big", max_bytes=1000).body) == size
        else:
            with pytest.raises(FetchError) as info:
                session.get(blog.base + "/big", max_bytes=1000)
            told = "" if streamed else f" of {size:,} bytes"
            assert info.value.problem == (f"response{told} is larger than the limit of "
                                          "1,000 bytes; refused")


def test_no_request_is_sent_once_the_deadline_has_passed(blog):
    blog.add("/feed", "피드", "text/plain; charset=utf-8")
    with Fetcher(retries=2, timeout=0, policy=OriginPolicy.for_feed(blog.base + "/feed")) as s:
        with pytest.raises(FetchError) as info:
            s.get(blog.base + "/feed")
        assert s.requests == 0
    assert info.value.format_message() == f"{blog.base}/feed: no complete answer within 0 s"
    assert blog.log == []


# --- A server of a few lines, where the blog's fake cannot answer the way a test needs ------

@contextlib.contextmanager
def answering(respond, host: str = "127.0.0.1"):
    """A server on ``host`` whose every GET is ``respond(handler)``; yields its base URL."""
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            respond(self)

        def log_message(self, *args):
            pass

    class Server(http.server.ThreadingHTTPServer):
        address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        daemon_threads = True

    server = Server((host, 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    shown = f"[{host}]" if ":" in host else host
    try:
        yield f"http://{shown}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def policy_for(base: str, resolver=None) -> OriginPolicy:
    return OriginPolicy.for_feed(base + "/feed", resolver=resolver or system_resolver)


def test_a_url_that_is_not_one_line_is_named_as_written_in_python():
    from podcaster.http import checked_origin
    with pytest.raises(FetchError) as info:
        checked_origin("https://blog.example/a\nb")
    assert info.value.format_message() == (
        "'https://blog.example/a\\nb': spaces, control characters or backslashes in the "
        "address; not fetched")


@pytest.mark.parametrize("length, shown", [(200, 200), (201, 200), (199, 199)])
def test_a_refused_url_is_named_by_its_first_200_characters(length, shown):
    from podcaster.http import checked_origin
    url = "ftp://blog.example/" + "x" * (length - len("ftp://blog.example/"))
    with pytest.raises(FetchError) as info:
        checked_origin(url)
    assert info.value.url == url[:shown]


def test_an_answer_that_breaks_off_is_named(blog):
    blog.add("/cut", b"0123456789", "text/plain", declared_size=100)
    with fetcher(blog) as session, pytest.raises(FetchError) as info:
        session.get(blog.base + "/cut")
    assert info.value.format_message() == (f"{blog.base}/cut: the answer broke off "
                                           "(ChunkedEncodingError)")
    assert (info.value.status, info.value.refused) == (None, False)


def test_a_body_of_many_pieces_is_read_whole(blog):
    body = bytes(range(256)) * 1000  # 256 kB: several reads
    blog.add("/big", body, "application/octet-stream")
    with fetcher(blog) as session:
        assert session.get(blog.base + "/big").body == body


@pytest.mark.parametrize("size, refused", [(200_000, False), (200_001, True)])
def test_a_streamed_body_is_measured_over_all_its_pieces(blog, size, refused):
    blog.add("/big", b"", "application/xml", streamed_size=size)
    with fetcher(blog) as session:
        if refused:
            with pytest.raises(FetchError) as info:
                session.get(blog.base + "/big", max_bytes=200_000)
            assert info.value.problem == ("response is larger than the limit of 200,000 "
                                          "bytes; refused")
        else:
            assert len(session.get(blog.base + "/big", max_bytes=200_000).body) == size


def test_an_answer_that_ends_after_the_deadline_is_late():
    def slowly(handler):  # no length: the answer ends when the connection closes
        handler.send_response(200)
        handler.send_header("Content-Type", "text/plain")
        handler.end_headers()
        try:
            for _ in range(40):
                handler.wfile.write(b"x")
                handler.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass
        handler.close_connection = True

    with answering(slowly) as base, Fetcher(retries=0, timeout=0.5,
                                            policy=policy_for(base)) as session:
        with pytest.raises(FetchError) as info:
            session.get(base + "/slow")
    assert info.value.format_message() == f"{base}/slow: no complete answer within 0.5 s"


def test_what_is_accepted_by_default_and_when_asked(blog):
    blog.add("/feed", "피드", "text/plain; charset=utf-8")
    with fetcher(blog) as session:
        session.get(blog.base + "/feed")
        session.get(blog.base + "/feed", accept="text/html")
    assert [r.headers["accept"] for r in blog.log] == ["*/*", "text/html"]


def test_each_retry_is_a_verbose_line_naming_why(blog, caplog):
    blog.fail("/feed", 429, 503)
    blog.add("/feed", "피드", "text/plain; charset=utf-8")
    caplog.set_level(logging.INFO, logger="podcaster.http")
    with Fetcher(retries=2, backoff=0.001, timeout=30, sleep=lambda s: None,
                 policy=policy_for(blog.base)) as session:
        assert session.get(blog.base + "/feed").body.decode() == "피드"
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.INFO] == [
        f"{blog.base}/feed: rate-limited; retrying in 0.0 s",
        f"{blog.base}/feed: server; retrying in 0.0 s"]


@pytest.mark.parametrize("backoff, attempts, waits", [(0.01, 3, 2), (100.0, 1, 0)])
def test_a_retry_is_waited_for_only_when_the_deadline_leaves_time(blog, backoff, attempts,
                                                                 waits):
    blog.fail("/feed", 503, 503, 503)
    slept: list[float] = []
    with Fetcher(retries=2, backoff=backoff, timeout=30, sleep=slept.append,
                 policy=policy_for(blog.base)) as session, pytest.raises(FetchError) as info:
        session.get(blog.base + "/feed")
    assert info.value.problem == (f"the server failed (HTTP 503 Service Unavailable) after "
                                  f"{attempts} attempt(s); try again later")
    assert len(slept) == waits and len(blog.requests_to("/feed")) == attempts


def test_a_server_that_cannot_be_reached_is_named_without_try_again_later(caplog):
    with answering(lambda handler: None) as base:
        pass  # closed: nothing listens on its port any more
    caplog.set_level(logging.INFO, logger="podcaster.http")
    with Fetcher(retries=1, backoff=0.001, timeout=30, sleep=lambda s: None,
                 policy=policy_for(base)) as session, pytest.raises(FetchError) as info:
        session.get(base + "/feed")
    assert info.value.format_message() == f"{base}/feed: could not connect after 2 attempt(s)"
    assert (info.value.status, info.value.refused) == (None, False)
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.INFO] == [
        f"{base}/feed: unreachable; retrying in 0.0 s"]


@pytest.mark.parametrize("status, problem", [
    (200, None), (204, None), (299, None),
    (300, "HTTP 300 Multiple Choices"), (301, "HTTP 301 Moved Permanently"),
    (404, "HTTP 404 Not Found"), (410, "HTTP 410 Gone"),
])
def test_which_statuses_are_an_answer(blog, status, problem):
    blog.fail("/page", status)  # answered with an empty body (and no Location)
    with fetcher(blog) as session:
        if problem is None:
            response = session.get(blog.base + "/page")
            assert (response.status, response.body) == (status, b"")
        else:
            with pytest.raises(FetchError) as info:
                session.get(blog.base + "/page")
            assert info.value.format_message() == f"{blog.base}/page: {problem}"
            assert (info.value.status, info.value.refused) == (status, False)


def test_a_not_modified_answer_has_no_body_whatever_its_length_says(blog):
    def not_modified(handler):
        handler.send_response(304)
        handler.send_header("Content-Length", "50000000")  # the length of the full answer
        handler.send_header("ETag", '"v1"')
        handler.end_headers()

    with answering(not_modified) as base, fetcher(blog) as session:
        session.policy = policy_for(base)
        response = session.get(base + "/feed", etag='"v1"')
    assert (response.status, response.body, response.headers["etag"]) == (304, b"", '"v1"')


def test_a_location_on_an_answer_that_is_no_redirect_is_not_followed(blog):
    def created(handler):
        body = "새 글".encode()
        handler.send_response(200)
        handler.send_header("Location", "/elsewhere")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    with answering(created) as base, fetcher(blog) as session:
        session.policy = policy_for(base)
        response = session.get(base + "/feed")
        assert (response.url, response.body.decode(), session.requests) == (
            base + "/feed", "새 글", 1)


def test_a_fetchers_defaults_retry_three_times_after_growing_waits(blog):
    blog.fail("/feed", 500, 500, 500, 500)
    slept: list[float] = []
    with Fetcher(sleep=slept.append, policy=policy_for(blog.base)) as session, \
            pytest.raises(FetchError) as info:
        session.get(blog.base + "/feed")
    assert info.value.problem.endswith("after 4 attempt(s); try again later")
    assert len(slept) == 3
    assert 0.5 <= slept[0] <= 1.0 and 1.0 <= slept[1] <= 2.0 and 2.0 <= slept[2] <= 4.0


def test_a_fetcher_without_a_policy_fetches_nothing(blog):
    with Fetcher(retries=0) as session, pytest.raises(FetchError) as info:
        session.get(blog.base + "/feed")
    assert info.value.format_message() == (
        f"{blog.base}/feed: not fetched: {blog.base} is not the blog's origin (); list it in "
        "source.allowed_origins to allow it")
    assert info.value.refused is True and blog.log == []


def names(**hosts: list[str]):
    """A resolver that knows only ``hosts`` (dots written as underscores)."""
    table = {name.replace("_", "."): addresses for name, addresses in hosts.items()}

    def resolve(host: str, port: int) -> list[str]:
        return list(table.get(host, []))

    return resolve


def test_a_public_blog_may_use_public_addresses_only():
    from podcaster.http import Origin
    policy = OriginPolicy.for_feed(
        "https://blog.example/feed", [Origin("https", "cdn.example", 443)],
        resolver=names(blog_example=["93.184.216.34"], cdn_example=["10.0.0.7", "8.8.8.8"]))
    cdn, blog = Origin("https", "cdn.example", 443), Origin("https", "blog.example", 443)
    with pytest.raises(FetchError) as info:  # the other origin is asked first: still refused
        policy.addresses("https://cdn.example/a.png", cdn)
    assert info.value.format_message() == (
        "https://cdn.example/a.png: not fetched: cdn.example resolves to the internal address "
        "10.0.0.7, and the blog's feed is not on one")
    assert info.value.refused is True
    assert policy.addresses("https://blog.example/feed", blog) == ["93.184.216.34"]


def test_a_blog_on_an_internal_address_may_use_internal_addresses():
    from podcaster.http import Origin
    policy = OriginPolicy.for_feed(
        "https://blog.example/feed", [Origin("https", "cdn.example", 443)],
        resolver=names(blog_example=["fe80::1%eth0"], cdn_example=["10.0.0.7"]))
    assert policy.addresses("https://blog.example/feed",
                            Origin("https", "blog.example", 443)) == ["fe80::1"]
    assert policy.addresses("https://cdn.example/a.png",
                            Origin("https", "cdn.example", 443)) == ["10.0.0.7"]


def test_a_policy_made_without_the_feed_allows_no_internal_address():
    from podcaster.http import Origin
    origin = Origin("http", "127.0.0.1", 8080)
    with pytest.raises(FetchError) as info:
        OriginPolicy([origin]).addresses("http://127.0.0.1:8080/feed", origin)
    assert info.value.problem == ("not fetched: 127.0.0.1 resolves to the internal address "
                                  "127.0.0.1, and the blog's feed is not on one")


@pytest.mark.parametrize("addresses", [["127.0.0.2"], ["127.0.0.3", "127.0.0.2"]])
def test_a_name_is_connected_to_at_the_first_of_its_addresses_that_answers(addresses):
    def hello(handler):
        handler.send_response(200)
        handler.send_header("Content-Length", "2")
        handler.end_headers()
        handler.wfile.write(b"ok")

    with answering(hello, host="127.0.0.2") as base:
        port = base.rsplit(":", 1)[1]
        url = f"http://blog.test:{port}/feed"
        with Fetcher(retries=0, timeout=30, policy=policy_for(
                f"http://blog.test:{port}", names(blog_test=addresses))) as session:
            assert session.get(url).body == b"ok"


def test_an_allowed_origin_on_an_internal_address_is_refused_when_connecting(blog):
    from podcaster.http import Origin
    port = blog.base.rsplit(":", 1)[1]
    policy = OriginPolicy.for_feed(
        "https://blog.example/feed", [Origin("http", "inside.test", int(port))],
        resolver=names(blog_example=["93.184.216.34"], inside_test=["127.0.0.1"]))
    blog.add("/feed", "비밀", "text/plain; charset=utf-8")
    with Fetcher(retries=0, timeout=30, policy=policy) as session, \
            pytest.raises(FetchError) as info:
        session.get(f"http://inside.test:{port}/feed")
    assert info.value.format_message() == (
        f"http://inside.test:{port}/: not fetched: inside.test resolves to the internal "
        "address 127.0.0.1, and the blog's feed is not on one")
    assert blog.log == []


def test_an_ipv6_blog_is_fetched():
    def hello(handler):
        handler.send_response(200)
        handler.send_header("Content-Length", "2")
        handler.end_headers()
        handler.wfile.write(b"ok")

    with answering(hello, host="::1") as base, Fetcher(retries=0, timeout=30,
                                                        policy=policy_for(base)) as session:
        assert session.get(base + "/feed").body == b"ok"


def test_a_host_ending_in_an_upper_case_letter_keeps_it():
    from podcaster.http import normalise_host
    assert normalise_host("Blog.BOX.") == "blog.box"


def test_every_answer_is_a_debug_line(blog, caplog):
    blog.add("/old", b"", "text/html", redirect="/new")
    blog.add("/new", "새 글", "text/plain; charset=utf-8")
    caplog.set_level(logging.DEBUG, logger="podcaster.http")
    with fetcher(blog) as session:
        session.get(blog.base + "/old")
    assert [r.getMessage() for r in caplog.records if r.name == "podcaster.http"] == [
        f"GET {blog.base}/old -> 301", f"GET {blog.base}/new -> 200"]


@pytest.mark.parametrize("timeout, waited", [(60, 45.0), (20, None)])
def test_a_retry_after_is_honoured_up_to_the_deadline(timeout, waited):
    answers = iter([429, 200])

    def busy(handler):
        status = next(answers, 200)
        handler.send_response(status)
        if status == 429:
            handler.send_header("Retry-After", "45")
        handler.send_header("Content-Length", "2")
        handler.end_headers()
        handler.wfile.write(b"ok")

    slept: list[float] = []
    with answering(busy) as base, Fetcher(retries=1, timeout=timeout, sleep=slept.append,
                                          policy=policy_for(base)) as session:
        if waited:
            assert session.get(base + "/feed").body == b"ok"
            assert slept == [waited]  # up to the deadline, not the backoff's usual 30 s
        else:
            with pytest.raises(FetchError) as info:
                session.get(base + "/feed")
            assert info.value.problem == ("too many requests (HTTP 429 Too Many Requests) "
                                          "after 1 attempt(s); try again later")
            assert slept == []


def test_a_certificate_for_another_name_is_refused_naming_why(tmp_path):
    import ssl
    import subprocess

    def certificate(name: str):  # an elliptic-curve key: made at once, unlike RSA
        cert, key = tmp_path / f"{name}.pem", tmp_path / f"{name}.key"
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                        "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-keyout",
                        str(key), "-out", str(cert), "-subj", f"/CN={name}", "-addext",
                        f"subjectAltName=DNS:{name}"], check=True, capture_output=True,
                       timeout=60)
        return cert, key

    good, _ = certificate("blog.invalid")
    other, other_key = certificate("other.invalid")
    server = BlogServer()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(other, other_key)
    server.httpd.socket = context.wrap_socket(server.httpd.socket, server_side=True)
    url = f"https://blog.invalid:{server.httpd.server_address[1]}/feed.xml"
    with server, Fetcher(retries=2, timeout=30, resolver=names(blog_invalid=["127.0.0.1"])) as f:
        f.policy = OriginPolicy.for_feed(url, resolver=f.resolver)
        f.session.verify = str(good)
        with pytest.raises(FetchError) as info:
            f.get(url)
    problem = info.value.problem
    assert problem.startswith("the secure connection failed: ") and len(problem) <= 300
    assert "CERTIFICATE_VERIFY_FAILED" in problem and "Max retries" not in problem
    assert (info.value.url, info.value.refused, info.value.status) == (url, True, None)


def test_retrying_asks_how_often_by_the_failure_and_waits_longer_each_time():
    from podcaster.http import RATE_LIMITED, SERVER
    failures = iter([Transient(RATE_LIMITED, "busy"), Transient(RATE_LIMITED, "busy"),
                     Transient(RATE_LIMITED, "busy"), Transient(SERVER, "broken", status=500)])
    waits: list[tuple[float, str]] = []

    def call():
        raise next(failures)

    with pytest.raises(Transient) as info:
        retrying(call, lambda exc: 5 if exc.reason == RATE_LIMITED else 0,
                 Backoff(first=1.0, cap=30.0), lambda delay, exc: waits.append(
                     (delay, exc.reason)) or True)
    assert (info.value.reason, info.value.attempts) == (SERVER, 4)
    assert [reason for _, reason in waits] == [RATE_LIMITED] * 3
    for (delay, _), least in zip(waits, (0.5, 1.0, 2.0)):
        assert least <= delay <= 2 * least


def test_a_body_larger_than_the_limit_is_not_read_to_its_end():
    sent = [0]

    def endless(handler):  # no length: 32 MB unless the reader stops listening
        handler.send_response(200)
        handler.end_headers()
        piece = b"x" * 65536
        try:
            for _ in range(512):
                handler.wfile.write(piece)
                sent[0] += len(piece)
        except OSError:
            pass
        handler.close_connection = True

    with answering(endless) as base, Fetcher(retries=0, timeout=30,
                                             policy=policy_for(base)) as session:
        with pytest.raises(FetchError) as info:
            session.get(base + "/feed", max_bytes=100_000)
        time.sleep(0.2)  # the server notices the closed connection
    assert info.value.problem == "response is larger than the limit of 100,000 bytes; refused"
    assert sent[0] < 16_000_000
