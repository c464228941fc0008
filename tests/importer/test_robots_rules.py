"""robots.txt for post pages: which answers allow every page, which allow none, and whose
rules are podcaster's (RFC 9309)."""

from __future__ import annotations

import pytest

from podcaster.http import Fetcher, FetchError, OriginPolicy
from podcaster.importer.robots import MAX_ROBOTS_BYTES, RobotsRules
from tests.fakes.blog import BlogServer

RULES = """User-agent: *
Disallow: /

User-agent: podcaster
Disallow: /private/
"""


def fetcher(server: BlogServer) -> Fetcher:
    return Fetcher(retries=0, timeout=5, policy=OriginPolicy.for_feed(server.base + "/feed"))


def test_podcasters_own_group_decides_and_is_read_once():
    with BlogServer() as server, fetcher(server) as session:
        server.add("/robots.txt", RULES, "text/plain")
        rules = RobotsRules(session)
        assert rules.allowed(server.base + "/2025/11/post.html")
        assert not rules.allowed(server.base + "/private/post.html")
        assert rules.allowed(server.base + "/private")  # the rule is a path prefix
        assert [r.path for r in server.log] == ["/robots.txt"]
        assert server.log[0].headers["accept"] == "text/plain"


def test_bytes_that_are_not_utf8_do_not_hide_the_rules():
    with BlogServer() as server, fetcher(server) as session:
        server.add("/robots.txt", b"# \xbf\xa9\xb1\xe2 \xff\n" + RULES.encode(), "text/plain")
        rules = RobotsRules(session)
        assert not rules.allowed(server.base + "/private/post.html")
        assert rules.allowed(server.base + "/post.html")


def test_a_byte_order_mark_does_not_hide_the_first_group():
    with BlogServer() as server, fetcher(server) as session:
        server.add("/robots.txt", b"\xef\xbb\xbfUser-agent: podcaster\nDisallow: /\n", "text/plain")
        rules = RobotsRules(session)
        assert not rules.allowed(server.base + "/post.html")


@pytest.mark.parametrize("size, allowed", [(MAX_ROBOTS_BYTES - 1000, True),
                                           (MAX_ROBOTS_BYTES + 1, False)])
def test_a_robots_txt_is_read_up_to_500_kb(size, allowed):
    body = RULES + "#" * (size - len(RULES) - 1) + "\n"
    with BlogServer() as server, fetcher(server) as session:
        server.add("/robots.txt", body, "text/plain")
        rules = RobotsRules(session)
        if allowed:
            assert rules.allowed(server.base + "/post.html")
            assert not rules.allowed(server.base + "/private/post.html")
        else:
            with pytest.raises(FetchError) as info:
                rules.allowed(server.base + "/post.html")
            assert "larger than the limit of 500,000 bytes" in info.value.problem


@pytest.mark.parametrize("status", [400, 401, 403, 404, 410, 451, 499])
def test_a_client_error_allows_every_page(status):
    with BlogServer() as server, fetcher(server) as session:
        server.fail("/robots.txt", status)
        rules = RobotsRules(session)
        assert rules.allowed(server.base + "/private/post.html")
        assert rules.allowed(server.base + "/post.html")
        assert len(server.requests_to("/robots.txt")) == 1  # remembered for the host


@pytest.mark.parametrize("status", [500, 503, 399, 302])
def test_a_server_error_allows_no_page_until_it_can_be_read(status):
    with BlogServer() as server, fetcher(server) as session:
        server.fail("/robots.txt", status)
        with pytest.raises(FetchError) as info:
            RobotsRules(session).allowed(server.base + "/post.html")
    assert info.value.url == server.base + "/robots.txt"
    assert info.value.format_message().startswith(server.base + "/robots.txt: ")
    assert info.value.problem.endswith("; no page of this host is fetched until its "
                                       "robots.txt can be read")


class _Unanswered:
    """A session whose every request finds no server: no HTTP status at all."""

    def get(self, url, **kwargs):
        raise FetchError(url, "could not connect after 1 attempt(s)")


def test_no_answer_allows_no_page():
    with pytest.raises(FetchError) as info:
        RobotsRules(_Unanswered()).allowed("https://blog.example/post.html")
    assert info.value.format_message() == (
        "https://blog.example/robots.txt: could not connect after 1 attempt(s); no page of "
        "this host is fetched until its robots.txt can be read")
