"""The outlet of a source's address: each way a host is written (case, a trailing dot,
www./m./mobile./amp.), a path prefix before its host, subdomains, and what is no address."""

from __future__ import annotations

import pytest

from podcaster.text.outlets import known_outlet, outlet_of_url


@pytest.mark.parametrize(("url", "outlet"), [
    ("https://kbs.co.kr/news/1", "KBS"),
    ("https://news.kbs.co.kr/news/1", "KBS 뉴스"),  # a longer key wins
    ("https://sports.news.kbs.co.kr/1", "KBS 뉴스"),  # a subdomain of it
    ("https://reuters.com/world", "로이터"),  # a key of two labels
    ("https://a.b.c.d.reuters.com/x", "로이터"),  # many labels
    ("https://x.n.news.naver.com/a", "네이버 뉴스"),  # the key with the most labels
    ("HTTPS://WWW.KBS.CO.KR/NEWS", "KBS"),
    ("https://kbs.co.kr./news", "KBS"),  # a fully qualified host
    ("  https://kbs.co.kr  ", "KBS"),
    ("https://www.reuters.com", "로이터"),
    ("https://m.reuters.com", "로이터"),
    ("https://mobile.reuters.com", "로이터"),
    ("https://amp.reuters.com", "로이터"),
    ("https://www.bbc.com/korean/news-1", "BBC 코리아"),  # a key with a path
    ("https://bbc.com/KOREAN", "BBC 코리아"),
    ("https://bbc.com//korean/", "BBC 코리아"),
    ("https://bbc.com/news/korean", "BBC"),  # only the first part of the path
    ("https://bbc.com/news", "BBC"),
    ("https://bbc.com/Xkorean", "BBC"),  # the path's first part as written
    ("https://bbc.com", "BBC"),
    ("https://kbs.co.kr.example.com/", None),
    ("https://co.kr/", None),
    ("https://example.com/", None),
    ("https:///kbs.co.kr", None),  # no host
    ("https://www./", None),
    ("kbs.co.kr", None),  # no scheme: a path, not a host
    ("http://[::1", None),  # not a URL at all
    ("", None),
    (None, None),
])  # fmt: skip
def test_the_outlet_of_an_address(url, outlet):
    assert outlet_of_url(url) == outlet


@pytest.mark.parametrize(("name", "known"), [
    ("로이터", True), ("로 이 터", True), ("Reuters", True), ("REUTERS", True),
    ("The Verge", True), ("theverge", True), ("더 버지", True), ("블룸버그통신", True),
    ("뉴욕 타임즈 ", True), ("별빛일보", False), ("", False),
])
def test_known_outlets_ignore_spaces_and_case(name, known):
    assert known_outlet(name) is known
