"""podcaster/http.py with literal inputs: addresses in every spelling, origins, backoff,
Retry-After and the retry loop the engines and the importer share."""

from __future__ import annotations

import ipaddress
import shutil
import ssl
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from podcaster.http import (
    SERVER,
    UNREACHABLE,
    Backoff,
    Fetcher,
    FetchError,
    Origin,
    OriginPolicy,
    Transient,
    internal,
    parse_origin,
    parse_retry_after,
    retrying,
    split_url,
)
from tests.fakes.blog import BlogServer
from tests.helpers import require_or_skip

LOOPBACK = Origin("http", "127.0.0.1", 8080)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:8080/a", "http://0x7f000001:8080/a", "http://2130706433:8080/a",
    "http://0177.0.0.1:8080/a", "http://127.1:8080/a", "http://[::ffff:127.0.0.1]:8080/a",
    "http://[::ffff:7f00:1]:8080/a", "http://blog@127.0.0.1:8080/a",
    "http://a:b@127.0.0.1:8080/a", "http://127.0.0.1.:8080/a", "HTTP://127.0.0.1:8080/a",
])
def test_every_spelling_of_an_address_is_one_origin(url):
    origin, clean = split_url(url)
    assert origin == LOOPBACK
    assert clean == "http://127.0.0.1:8080/a"  # no user-info is ever sent


@pytest.mark.parametrize("url, origin", [
    ("http://블로그.example/글", Origin("http", "xn--2i0b10rqve.example", 80)),
    ("https://BLOG.Example./feed", Origin("https", "blog.example", 443)),
    ("https://blog.example:443/", Origin("https", "blog.example", 443)),
    ("http://[::1]:81/", Origin("http", "::1", 81)),
])
def test_names_are_normalised(url, origin):
    assert split_url(url)[0] == origin
    assert split_url(str(origin) + "/")[0] == origin


@pytest.mark.parametrize("url", [
    "ftp://blog.example/", "javascript:alert(1)", "//blog.example/", "http://", "http://[::1",
    "http://blog.example:99999/", "http://blog .example/", "http://a\\b.example/",
    "http://[fe80::1%25eth0]/", "http://-..example/", "file:///etc/passwd",
])
def test_what_is_no_fetchable_url_is_refused(url):
    with pytest.raises(ValueError):
        split_url(url)


def test_origins_in_podcast_toml_have_no_path():
    assert parse_origin("https://cdn.example.com") == Origin("https", "cdn.example.com", 443)
    assert parse_origin("http://127.0.0.1:9000/") == Origin("http", "127.0.0.1", 9000)
    for bad in ("https://cdn.example.com/feed", "https://x@cdn.example.com", "cdn.example.com"):
        with pytest.raises(ValueError):
            parse_origin(bad)


@pytest.mark.parametrize("address", [
    "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
    "0.0.0.0", "224.0.0.1", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1",
    "2002:7f00:1::", "::",
])
def test_internal_addresses(address):
    assert internal(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:4700::1111"])
def test_public_addresses(address):
    assert not internal(ipaddress.ip_address(address))


def test_backoff_grows_and_is_capped():
    backoff = Backoff(first=1.0, cap=4.0)
    for attempt, (low, high) in enumerate([(0.5, 1), (1, 2), (2, 4), (2, 4), (2, 4)]):
        assert low <= backoff.delay(attempt) <= high
    assert backoff.delay(0, retry_after=3.0) == 3.0
    assert backoff.delay(0, retry_after=600.0) == 4.0  # a server cannot make us wait longer


def test_retry_after_in_seconds_or_a_date():
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after(" 1.5 ") == 1.5
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    for bad in (None, "", "soon", "nan", "inf", "-3x"):
        assert parse_retry_after(bad) is None


def test_retrying_gives_up_with_the_attempts_counted():
    calls, waits = [], []

    def call():
        calls.append(1)
        raise Transient(SERVER, "the server failed")

    with pytest.raises(Transient) as info:
        retrying(call, lambda exc: 2, Backoff(0.01, 0.01), lambda d, e: waits.append(d) or True)
    assert len(calls) == 3 and len(waits) == 2 and info.value.attempts == 3


def test_retrying_stops_when_there_is_no_time_to_wait():
    calls = []

    def call():
        calls.append(1)
        if len(calls) < 3:
            raise Transient(UNREACHABLE, "could not connect")
        return "ok"

    assert retrying(call, lambda exc: 5, Backoff(0.01), lambda d, e: True) == "ok"
    calls.clear()
    with pytest.raises(Transient):
        retrying(call, lambda exc: 5, Backoff(0.01), lambda d, e: False)
    assert len(calls) == 1


@given(st.text(max_size=60))
def test_split_url_is_stable(text):
    """Any text is refused or gives a URL that splits to the same origin and itself."""
    try:
        origin, clean = split_url(text)
    except ValueError:
        return
    assert split_url(clean) == (origin, clean)


def certificate(folder: Path, name: str) -> tuple[Path, Path]:
    """A self-signed certificate for ``name`` and its key, made by openssl."""
    if shutil.which("openssl") is None:
        require_or_skip("openssl is not installed (needed to make a test certificate)")
    cert, key = folder / f"{name}.pem", folder / f"{name}.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-keyout", str(key), "-out", str(cert), "-subj", f"/CN={name}",
                    "-addext", f"subjectAltName=DNS:{name}"],
                   check=True, capture_output=True, timeout=60)
    return cert, key


def test_https_to_a_checked_address_still_verifies_the_name(tmp_path):
    """The connection goes to the address the policy checked, but TLS (SNI, the
    certificate's name) and the Host header use the blog's name."""
    good, key = certificate(tmp_path, "blog.invalid")
    other, other_key = certificate(tmp_path, "other.invalid")
    for served, served_key, ok in ((good, key, True), (other, other_key, False)):
        server = BlogServer()
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(served, served_key)
        server.httpd.socket = context.wrap_socket(server.httpd.socket, server_side=True)
        server.add("/feed.xml", b"<rss/>", "application/rss+xml")
        url = f"https://blog.invalid:{server.httpd.server_address[1]}/feed.xml"
        with server, Fetcher(retries=0, timeout=5,
                             resolver=lambda h, p: ["127.0.0.1"]) as fetcher:
            fetcher.policy = OriginPolicy.for_feed(url, resolver=fetcher.resolver)
            fetcher.session.verify = str(good)
            if ok:
                assert fetcher.get(url).body == b"<rss/>"
                assert server.log[0].headers["host"] == url.split("/")[2]
            else:
                with pytest.raises(FetchError, match="the secure connection failed"):
                    fetcher.get(url)
