"""The preview server: MIME types, Range requests, base_url rewriting, and a feed reader on top."""

from __future__ import annotations

import email.utils
import hashlib
import http.client
import logging
import os
import re
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import feedparser
import pytest

from podcaster import __version__
from podcaster import serve as serve_module
from podcaster.errors import PodcasterError
from podcaster.serve import (
    PreviewHandler,
    RangeNotSatisfiable,
    content_type,
    make_server,
    network_addresses,
    parse_range,
    project_server,
    rewrite_base_url,
)
from tests.helpers import built_show, require_or_skip


@contextmanager
def running(server):
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def request(server, path, method="GET", headers=None):
    """(status, headers, body) of one request to ``server``."""
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=10)
    try:
        conn.request(method, path, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, resp.headers, resp.read()
    finally:
        conn.close()


@pytest.mark.parametrize("header, size, expected", [
    ("bytes=0-99", 1000, (0, 99)),
    ("bytes=100-", 1000, (100, 999)),
    ("bytes=-100", 1000, (900, 999)),
    ("bytes=-5000", 1000, (0, 999)),
    ("bytes=990-5000", 1000, (990, 999)),
    ("bytes=999-999", 1000, (999, 999)),
    (" bytes = 0 - 1 ", 1000, (0, 1)),
    (None, 1000, None),
    ("", 1000, None),
    ("bytes=5-2", 1000, None),  # invalid: ignored, whole file
    ("bytes=0-1,5-6", 1000, None),  # several ranges: whole file
    ("items=0-1", 1000, None),
    ("bytes=-", 1000, None),
])
def test_parse_range(header, size, expected):
    assert parse_range(header, size) == expected


@pytest.mark.parametrize("header, size", [
    ("bytes=1000-", 1000), ("bytes=5000-6000", 1000), ("bytes=-0", 1000), ("bytes=0-", 0),
])
def test_parse_range_unsatisfiable(header, size):
    with pytest.raises(RangeNotSatisfiable):
        parse_range(header, size)


def test_rewrite_base_url():
    data = (b'<link>https://ex.example/show/</link><url>https://ex.example/show/a.mp3</url>'
            b'<x href="https://ex.example/show"/><y>https://ex.example/show-two/b</y>')
    out = rewrite_base_url(data, "https://ex.example/show/", "http://127.0.0.1:9/")
    assert out == (b'<link>http://127.0.0.1:9/</link><url>http://127.0.0.1:9/a.mp3</url>'
                   b'<x href="http://127.0.0.1:9"/><y>https://ex.example/show-two/b</y>')


@pytest.fixture
def files_server(tmp_path):
    root = tmp_path / "public"
    (root / "episodes").mkdir(parents=True)
    (root / "episodes" / "a.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\n안녕\n")
    (root / "episodes" / "a.chapters.json").write_text('{"version": "1.2.0", "chapters": []}')
    (root / "episodes" / "a.mp3").write_bytes(bytes(range(256)) * 40)
    (root / "feed.xml").write_text("<rss/>")
    (root / "other.xml").write_text("<x/>")
    (root / "index.html").write_text("<!doctype html><p>hi</p>")
    (root / "style.css").write_text("p{}")
    (root / ".hidden").write_text("secret")
    (root / "episodes" / ".a.mp3.tmp").write_text("half written")
    (tmp_path / "podcast.toml").write_text("outside public/")
    with running(make_server(root, "127.0.0.1", 0)) as server:
        yield server, root


@pytest.mark.parametrize("path, expected", [
    ("/episodes/a.mp3", "audio/mpeg"),
    ("/episodes/a.vtt", "text/vtt"),
    ("/episodes/a.chapters.json", "application/json"),
    ("/feed.xml", "application/rss+xml"),
    ("/other.xml", "application/xml"),
    ("/index.html", "text/html"),
    ("/", "text/html"),
    ("/style.css", "text/css"),
])
def test_mime_types(files_server, path, expected):
    server, _ = files_server
    status, headers, _ = request(server, path)
    assert status == 200
    assert headers["Content-Type"].split(";")[0] == expected


def test_range_requests_return_the_right_bytes(files_server):
    server, root = files_server
    data = (root / "episodes" / "a.mp3").read_bytes()
    size = len(data)

    status, headers, body = request(server, "/episodes/a.mp3")
    assert (status, body, headers["Accept-Ranges"]) == (200, data, "bytes")
    assert int(headers["Content-Length"]) == size

    for header, (first, last) in [("bytes=0-99", (0, 99)), ("bytes=1000-", (1000, size - 1)),
                                  ("bytes=-300", (size - 300, size - 1)),
                                  ("bytes=5000-99999", (5000, size - 1))]:
        status, headers, body = request(server, "/episodes/a.mp3", headers={"Range": header})
        assert status == 206, header
        assert body == data[first:last + 1], header
        assert headers["Content-Range"] == f"bytes {first}-{last}/{size}"
        assert int(headers["Content-Length"]) == last - first + 1

    status, headers, body = request(server, "/episodes/a.mp3",
                                    headers={"Range": f"bytes={size}-"})
    assert status == 416
    assert headers["Content-Range"] == f"bytes */{size}"
    assert body == b""

    # HEAD gives the same headers and no body.
    status, headers, body = request(server, "/episodes/a.mp3", "HEAD",
                                    headers={"Range": "bytes=10-19"})
    assert (status, body, headers["Content-Range"]) == (206, b"", f"bytes 10-19/{size}")


def test_if_range_and_etags(files_server):
    server, root = files_server
    data = (root / "episodes" / "a.mp3").read_bytes()
    _, headers, _ = request(server, "/episodes/a.mp3")
    etag = headers["ETag"]
    status, _, body = request(server, "/episodes/a.mp3",
                              headers={"Range": "bytes=0-9", "If-Range": etag})
    assert (status, body) == (206, data[:10])
    status, _, body = request(server, "/episodes/a.mp3",
                              headers={"Range": "bytes=0-9", "If-Range": '"other"'})
    assert (status, body) == (200, data)
    status, _, body = request(server, "/episodes/a.mp3", headers={"If-None-Match": etag})
    assert (status, body) == (304, b"")


def test_if_range_with_a_date(files_server):
    """If-Range may hold the Last-Modified date instead of an ETag (RFC 9110 13.1.5)."""
    server, root = files_server
    path = root / "episodes" / "a.mp3"
    data = path.read_bytes()
    os.utime(path, (1_700_000_000, 1_700_000_000))  # not now: the date must be the file's
    _, headers, _ = request(server, "/episodes/a.mp3")
    modified = headers["Last-Modified"]
    assert modified == "Tue, 14 Nov 2023 22:13:20 GMT"
    assert modified == email.utils.formatdate(path.stat().st_mtime, usegmt=True)
    status, headers, body = request(server, "/episodes/a.mp3",
                                    headers={"Range": "bytes=10-19", "If-Range": modified})
    assert (status, body) == (206, data[10:20])
    assert headers["Content-Range"] == f"bytes 10-19/{len(data)}"
    older = email.utils.formatdate(path.stat().st_mtime - 3600, usegmt=True)
    status, _, body = request(server, "/episodes/a.mp3",
                              headers={"Range": "bytes=10-19", "If-Range": older})
    assert (status, body) == (200, data)


@pytest.mark.parametrize("path, expected", [
    ("/../podcast.toml", 404),
    ("/%2e%2e/podcast.toml", 404),
    ("/episodes/..%2f..%2fpodcast.toml", 404),
    ("/.hidden", 404),
    ("/episodes/.a.mp3.tmp", 404),
    ("/missing.mp3", 404),
    ("/episodes/", 404),  # no index.html there, and no folder listings
    ("/episodes", 301),
])
def test_only_public_files_are_served(files_server, path, expected):
    server, _ = files_server
    status, headers, body = request(server, path)
    assert status == expected
    assert b"secret" not in body and b"outside" not in body and b"a.mp3" not in body
    if status == 301:
        assert headers["Location"] == "/episodes/"


def test_missing_public_folder_is_a_clear_error(tmp_path):
    with pytest.raises(PodcasterError, match="podcaster build"):
        make_server(tmp_path / "public", "127.0.0.1", 0)


@pytest.fixture
def show(built_demo):
    return built_show(built_demo)


def test_feedparser_reads_the_feed_through_the_server(show):
    with running(project_server(show.project, "127.0.0.1", 0)) as server:
        parsed = feedparser.parse(server.url + "feed.xml")
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.feed.title == show.config.show.title
        assert parsed.headers["content-type"].startswith("application/rss+xml")
        episodes = {e.post.slug: e for e in show.result.episodes}
        assert len(parsed.entries) == len(episodes) == 3
        for entry in parsed.entries:
            enclosure = entry.enclosures[0]
            # base_url is rewritten to this server, so the preview plays the local files.
            assert enclosure.href.startswith(server.url + "episodes/")
            slug = enclosure.href.rsplit("/", 1)[1].split(".")[0]
            episode = episodes[slug]
            assert entry.title == episode.post.title
            assert int(enclosure.length) == episode.size
            with urllib.request.urlopen(enclosure.href, timeout=10) as resp:
                assert resp.headers["Content-Type"] == "audio/mpeg"
                assert resp.read() == episode.audio_path.read_bytes()
        # Pages name the local feed too.
        _, _, index = request(server, "/")
        assert (server.url + "feed.xml").encode() in index
        assert show.config.show.base_url.encode() not in index


def test_as_published_serves_files_byte_for_byte(show):
    with running(project_server(show.project, "127.0.0.1", 0, rewrite=False)) as server:
        for path in ("feed.xml", "index.html"):
            status, _, body = request(server, "/" + path)
            assert status == 200
            assert body == (show.public / path).read_bytes()


def test_host_header_names_the_local_address(show):
    with running(project_server(show.project, "127.0.0.1", 0)) as server:
        _, _, body = request(server, "/feed.xml", headers={"Host": "192.0.2.7:8000"})
        assert b"http://192.0.2.7:8000/feed.xml" in body
        _, _, body = request(server, "/feed.xml", headers={"Host": 'x"><script>'})
        assert b"<script>" not in body
        assert server.url.encode() + b"feed.xml" in body


@pytest.mark.slow  # runs podcaster in another process
def test_serve_command(show):
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "podcaster", "serve", str(show.project), "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = proc.stdout.readline()
        match = re.match(r"site: (http://127\.0\.0\.1:(\d+)/)$", line.strip())
        assert match, line + proc.stderr.read() if proc.poll() is not None else line
        with urllib.request.urlopen(match.group(1) + "feed.xml", timeout=10) as resp:
            assert resp.status == 200
            assert b"<rss" in resp.read()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def rewriting_server(tmp_path):
    root = tmp_path / "public"
    root.mkdir()
    (root / "feed.xml").write_text(
        '<rss><link>https://ex.example/show/</link>'
        '<enclosure url="https://ex.example/show/episodes/a.mp3"/></rss>', encoding="utf-8")
    (root / "page.HTML").write_text('<a href="https://ex.example/show/x.html">x</a>')
    (root / "a.mp3").write_bytes(b"https://ex.example/show/ stays in audio")
    (tmp_path / "podcast.toml").write_text(
        '[show]\ntitle = "t"\nauthor = "a"\ndescription = "d"\n'
        'base_url = "https://ex.example/show/"\nowner_email = "o@example.org"\n')
    with running(project_server(tmp_path, "127.0.0.1", 0)) as server:
        yield server, root


def test_links_point_at_the_local_server(rewriting_server):
    server, root = rewriting_server
    host, port = server.server_address[:2]
    os.utime(root / "feed.xml", (1_700_000_000, 1_700_000_000))
    status, headers, body = request(server, "/feed.xml")
    local = f"http://{host}:{port}"
    assert status == 200
    assert body == (f'<rss><link>{local}/</link>'
                    f'<enclosure url="{local}/episodes/a.mp3"/></rss>').encode()
    assert int(headers["Content-Length"]) == len(body)
    assert headers["ETag"] == '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
    assert headers["Last-Modified"] == email.utils.formatdate(
        (root / "feed.xml").stat().st_mtime, usegmt=True)
    status, _, body = request(server, "/feed.xml", headers={"Range": "bytes=0-5"})
    assert (status, body) == (206, b"<rss><")
    _, _, body = request(server, "/page.HTML")
    assert body == f'<a href="{local}/x.html">x</a>'.encode()
    _, _, body = request(server, "/a.mp3")
    assert body == (root / "a.mp3").read_bytes()


@pytest.mark.parametrize("host_header, expected", [
    ("localhost:8123", "http://localhost:8123"),
    ("[::1]:8123", "http://[::1]:8123"),
    ("evil.example/path", None),  # not a host name: the server's own address
    ("", None),
])
def test_the_local_address_comes_from_a_sane_host_header(rewriting_server, host_header,
                                                         expected):
    server, _ = rewriting_server
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=10)
    try:
        conn.putrequest("GET", "/feed.xml", skip_host=True)
        if host_header:
            conn.putheader("Host", host_header)
        conn.endheaders()
        body = conn.getresponse().read()
    finally:
        conn.close()
    assert f'<link>{expected or f"http://{host}:{port}"}/</link>'.encode() in body


def test_errors_and_redirects_say_what_happened(files_server):
    server, _ = files_server
    status, headers, body = request(server, "/missing.mp3")
    assert (status, body) == (404, b"404 Not Found\n")
    assert headers["Content-Type"] == "text/plain; charset=utf-8"
    assert int(headers["Content-Length"]) == len(body)
    status, headers, body = request(server, "/missing.mp3", "HEAD")
    assert (status, body, int(headers["Content-Length"])) == (404, b"", 14)
    status, headers, body = request(server, "/episodes")
    assert (status, headers["Location"], body) == (301, "/episodes/", b"")
    status, headers, _ = request(server, "/episodes/a.mp3")
    assert headers["Cache-Control"] == "no-cache"
    assert headers["ETag"] == '"{:x}-{:x}"'.format(
        *(lambda st: (st.st_mtime_ns, st.st_size))(
            (server.root / "episodes" / "a.mp3").stat()))
    status, headers, body = request(server, "/episodes/a.mp3",
                                    headers={"If-None-Match": headers["ETag"]})
    assert (status, body, headers["ETag"]) == (304, b"", headers["ETag"])


def test_an_empty_file_and_a_large_one(files_server):
    server, root = files_server
    (root / "empty.json").write_bytes(b"")
    status, headers, body = request(server, "/empty.json")
    assert (status, body, headers["Content-Length"]) == (200, b"", "0")
    with pytest.raises(RangeNotSatisfiable):
        parse_range("bytes=-5", 0)
    big = bytes(range(256)) * 600  # more than one chunk of the copy
    (root / "big.mp3").write_bytes(big)
    _, _, body = request(server, "/big.mp3")
    assert body == big
    status, _, body = request(server, "/big.mp3", headers={"Range": "bytes=70000-140000"})
    assert (status, body) == (206, big[70000:140001])


@pytest.mark.parametrize("host, shown", [
    ("0.0.0.0", "http://127.0.0.1:{port}/"), ("127.0.0.1", "http://127.0.0.1:{port}/"),
    ("::1", "http://[::1]:{port}/"),
])
def test_the_server_url(tmp_path, host, shown):
    if ":" in host and not has_ipv6_loopback():
        require_or_skip(f"no IPv6 here: cannot listen on {host}")
    server = make_server(tmp_path, host, 0)
    try:
        assert server.url == shown.format(port=server.server_address[1])
    finally:
        server.server_close()


def has_ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as sock:
            sock.bind(("::1", 0))
        return True
    except OSError:
        return False


def test_the_default_address_is_port_8000_of_this_machine_only(tmp_path, monkeypatch):
    made = []
    monkeypatch.setattr(serve_module, "PreviewServer", lambda *args: made.append(args))
    make_server(tmp_path)
    assert made == [(tmp_path, "127.0.0.1", 8000, None)]
    (tmp_path / "public").mkdir()
    (tmp_path / "podcast.toml").write_text(
        '[show]\ntitle = "t"\nauthor = "a"\ndescription = "d"\n'
        'base_url = "https://ex.example/show/"\nowner_email = "o@example.org"\n')
    asked = []
    monkeypatch.setattr(serve_module, "make_server", lambda *args: asked.append(args))
    project_server(tmp_path)
    assert asked == [(tmp_path / "public", "127.0.0.1", 8000, "https://ex.example/show/")]


def test_an_address_in_use_is_one_clear_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(PodcasterError) as info:
            make_server(tmp_path, "127.0.0.1", port)
    assert info.value.format_message() == (
        f"cannot listen on 127.0.0.1:{port}: Address already in use")


def test_names_with_a_backslash_or_a_nul_are_not_found(files_server):
    server, root = files_server
    (root / "a\\b.txt").write_text("a backslash is a folder separator elsewhere")
    for path in ("/a%5Cb.txt", "/a%5cb.txt", "/episodes/a.mp3%00", "/a%00b.txt"):
        assert exchange(server, f"GET {path} HTTP/1.1\nHost: x\n") == (
            ["HTTP/1.1 404 Not Found", SERVER_LINE, "Content-Type: text/plain; charset=utf-8",
             "Content-Length: 14"], b"404 Not Found\n"), path


def test_network_addresses_leave_out_loopback():
    addresses = network_addresses()
    assert addresses == sorted(set(addresses))
    assert not [a for a in addresses if a.startswith("127.")]


def test_one_connection_carries_many_answers(files_server):
    """Keep-alive: every answer is exactly as long as it says (HEAD and errors too), or the
    next answer on the same connection would be garbled."""
    server, root = files_server
    (root / "data.bin").write_bytes(b"\x00\x01")
    data = (root / "episodes" / "a.mp3").read_bytes()
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=10)
    answers = []
    try:
        for method, path, headers in [
                ("HEAD", "/missing.mp3", {}), ("HEAD", "/episodes/a.mp3", {}),
                ("GET", "/episodes/a.mp3", {"Range": "bytes=5-5"}),
                ("GET", "/episodes/a.mp3", {"Range": "bytes=10-19"}),
                ("GET", "/missing.mp3", {}), ("GET", "/data.bin", {}),
                ("GET", "/episodes/a.mp3", {"Range": "bytes=0-3"})]:
            conn.request(method, path, headers=headers)
            resp = conn.getresponse()
            answers.append((resp.status, resp.getheader("Content-Type"), resp.read()))
    finally:
        conn.close()
    assert answers == [
        (404, "text/plain; charset=utf-8", b""), (200, "audio/mpeg", b""),
        (206, "audio/mpeg", data[5:6]), (206, "audio/mpeg", data[10:20]),
        (404, "text/plain; charset=utf-8", b"404 Not Found\n"),
        (200, "application/octet-stream", b"\x00\x01"), (206, "audio/mpeg", data[:4])]


# --- hostile and broken clients --------------------------------------------------------


@pytest.mark.parametrize("header, expected", [
    ("bytes=" + "9" * 5000 + "-", "unsatisfiable"),
    ("bytes=0-" + "9" * 5000, (0, 999)),
    ("bytes=-" + "9" * 5000, (0, 999)),
    ("bytes=" + "0" * 5000 + "5-9", (5, 9)),
])
def test_parse_range_with_huge_numbers(header, expected):
    if expected == "unsatisfiable":
        with pytest.raises(RangeNotSatisfiable):
            parse_range(header, 1000)
    else:
        assert parse_range(header, 1000) == expected


def test_huge_range_is_answered_416(files_server):
    server, root = files_server
    status, headers, _ = request(server, "/episodes/a.mp3",
                                 headers={"Range": "bytes=" + "7" * 5000 + "-"})
    assert status == 416
    assert headers["Content-Range"] == f"bytes */{(root / 'episodes' / 'a.mp3').stat().st_size}"


def test_idle_connection_is_closed(files_server):
    server, _ = files_server
    server.idle_timeout = 0.3
    # Without the server's idle timeout, recv would wait out the client's own 10 s and raise.
    with socket.create_connection(server.server_address[:2], timeout=10) as sock:
        sock.sendall(b"GET /episodes/a.mp3 HTTP/1.1\r\n")  # and never the rest
        assert sock.recv(1024) == b""  # the server hung up


def test_client_reset_is_one_quiet_line(files_server, capfd, caplog):
    caplog.set_level(logging.INFO, logger="podcaster.serve")
    server, _ = files_server
    sock = socket.create_connection(server.server_address[:2], timeout=10)
    sock.sendall(b"GET /episodes/a.mp3 HTTP/1.1\r\nHost: x\r\n")
    time.sleep(0.2)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()  # RST instead of FIN
    time.sleep(0.3)
    assert request(server, "/episodes/a.mp3")[0] == 200  # still serving
    assert "Traceback" not in capfd.readouterr().err
    assert [r.getMessage() for r in caplog.records if "connection closed" in r.getMessage()] \
        == ["127.0.0.1: connection closed (Connection reset by peer)"]


def test_a_client_that_stops_reading_is_cut_off_with_one_quiet_line(files_server, capfd,
                                                                   caplog):
    caplog.set_level(logging.INFO, logger="podcaster.serve")
    server, root = files_server
    server.idle_timeout = 0.2
    (root / "long.mp3").write_bytes(bytes(range(256)) * 4096 * 16)  # 16 MiB
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.connect(server.server_address[:2])
        sock.sendall(b"GET /long.mp3 HTTP/1.1\r\nHost: x\r\n\r\n")  # and never read
        lines = []
        for _ in range(200):  # the server gives up after 0.2 s without progress
            lines = [r.getMessage() for r in caplog.records if r.name == "podcaster.serve"]
            if len(lines) == 2:
                break
            time.sleep(0.05)
    assert lines == ['127.0.0.1 "GET /long.mp3 HTTP/1.1" 200 -',
                     "127.0.0.1 Request timed out: TimeoutError('timed out')"]
    assert "Traceback" not in capfd.readouterr().err


def test_an_unexpected_error_is_reported_with_its_traceback(files_server, monkeypatch, capfd):
    server, _ = files_server

    def broken(self, path):
        raise ValueError("a bug")

    monkeypatch.setattr(PreviewHandler, "_body", broken)
    with socket.create_connection(server.server_address[:2], timeout=10) as sock:
        sock.sendall(b"GET /episodes/a.mp3 HTTP/1.1\r\nHost: x\r\n\r\n")
        assert sock.recv(1024) == b""  # no answer: the connection is closed
        port = sock.getsockname()[1]
    err = capfd.readouterr().err
    assert f"Exception occurred during processing of request from ('127.0.0.1', {port})" in err
    assert "ValueError: a bug" in err


def test_content_addressed_mp3s_are_cached_for_good(files_server):
    server, root = files_server
    (root / "episodes" / "a.0123456789ab.mp3").write_bytes(b"ID3")
    _, headers, _ = request(server, "/episodes/a.0123456789ab.mp3")
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    _, headers, _ = request(server, "/feed.xml")
    assert headers["Cache-Control"] == "no-cache"


# --- the exact bytes on the wire -------------------------------------------------------

SERVER_LINE = f"Server: podcaster/{__version__} {BaseHTTPRequestHandler.sys_version}"
DATE_LINE = re.compile(r"Date: [A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$")


def exchange(server, head: str) -> tuple[list[str], bytes]:
    """(the answer's status and header lines as sent, its body) for one raw request that
    asks the server to close the connection: everything the server writes is read, so a
    byte more than the answer announces is seen too. The Date line is checked and left out."""
    with socket.create_connection(server.server_address[:2], timeout=10) as sock:
        sock.sendall(head.replace("\n", "\r\n").encode() + b"Connection: close\r\n\r\n")
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    head_bytes, _, body = received.partition(b"\r\n\r\n")
    lines = head_bytes.decode("latin-1").split("\r\n")
    dates = [line for line in lines if line.startswith("Date: ")]
    assert len(dates) == 1 and DATE_LINE.match(dates[0]), lines
    return [line for line in lines if not line.startswith("Date: ")], body


def test_the_answers_header_lines_are_exactly_these(files_server):
    server, root = files_server
    path = root / "episodes" / "a.mp3"
    os.utime(path, (1_700_000_000, 1_700_000_000))
    data = path.read_bytes()
    stat = path.stat()
    etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
    modified = "Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT"
    whole = ["HTTP/1.1 200 OK", SERVER_LINE, "Content-Type: audio/mpeg",
             f"Content-Length: {len(data)}", "Accept-Ranges: bytes", modified,
             f"ETag: {etag}", "Cache-Control: no-cache"]
    assert exchange(server, "GET /episodes/a.mp3 HTTP/1.1\nHost: x\n") == (whole, data)
    assert exchange(server, "HEAD /episodes/a.mp3 HTTP/1.1\nHost: x\n") == (whole, b"")
    part = ["HTTP/1.1 206 Partial Content", SERVER_LINE, "Content-Type: audio/mpeg",
            "Content-Length: 10", "Accept-Ranges: bytes",
            f"Content-Range: bytes 10-19/{len(data)}", modified, f"ETag: {etag}",
            "Cache-Control: no-cache"]
    assert exchange(server, "GET /episodes/a.mp3 HTTP/1.1\nHost: x\nRange: bytes=10-19\n") \
        == (part, data[10:20])
    assert exchange(server, f"GET /episodes/a.mp3 HTTP/1.1\nHost: x\nRange: bytes={len(data)}-\n") \
        == (["HTTP/1.1 416 Requested Range Not Satisfiable", SERVER_LINE,
             f"Content-Range: bytes */{len(data)}", "Content-Length: 0"], b"")
    assert exchange(server, f"GET /episodes/a.mp3 HTTP/1.1\nHost: x\nIf-None-Match: {etag}\n") \
        == (["HTTP/1.1 304 Not Modified", SERVER_LINE, f"ETag: {etag}"], b"")
    not_found = ["HTTP/1.1 404 Not Found", SERVER_LINE,
                 "Content-Type: text/plain; charset=utf-8", "Content-Length: 14"]
    assert exchange(server, "GET /missing.mp3 HTTP/1.1\nHost: x\n") == (
        not_found, b"404 Not Found\n")
    assert exchange(server, "HEAD /missing.mp3 HTTP/1.1\nHost: x\n") == (not_found, b"")
    assert exchange(server, "GET /episodes HTTP/1.1\nHost: x\n") == (
        ["HTTP/1.1 301 Moved Permanently", SERVER_LINE, "Location: /episodes/",
         "Content-Length: 0"], b"")


def test_a_rewritten_file_sends_exactly_the_bytes_asked(rewriting_server):
    server, root = rewriting_server
    os.utime(root / "feed.xml", (1_700_000_000, 1_700_000_000))
    local = b"http://feeds.test:8123"
    feed = (b'<rss><link>' + local + b'/</link><enclosure url="' + local
            + b'/episodes/a.mp3"/></rss>')
    etag = '"' + hashlib.sha256(feed).hexdigest()[:20] + '"'
    lines, body = exchange(server, "GET /feed.xml HTTP/1.1\nHost: feeds.test:8123\n"
                                   "Range: bytes=0-5\n")
    assert (lines, body) == (
        ["HTTP/1.1 206 Partial Content", SERVER_LINE,
         "Content-Type: application/rss+xml; charset=utf-8", "Content-Length: 6",
         "Accept-Ranges: bytes", f"Content-Range: bytes 0-5/{len(feed)}",
         "Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT", f"ETag: {etag}",
         "Cache-Control: no-cache"], b"<rss><")
    lines, body = exchange(server, "GET /feed.xml HTTP/1.1\nHost: feeds.test:8123\n")
    assert (lines[0], lines[3], body) == ("HTTP/1.1 200 OK", f"Content-Length: {len(feed)}",
                                          feed)


@pytest.mark.parametrize("name, expected", [
    ("a.mp3", "audio/mpeg"), ("A.MP3", "audio/mpeg"), ("a.m4a", "audio/mp4"),
    ("a.vtt", "text/vtt; charset=utf-8"), ("a.srt", "application/x-subrip; charset=utf-8"),
    ("a.xml", "application/xml; charset=utf-8"), ("a.json", "application/json"),
    ("a.html", "text/html; charset=utf-8"), ("a.htm", "text/html; charset=utf-8"),
    ("a.css", "text/css; charset=utf-8"), ("a.js", "text/javascript; charset=utf-8"),
    ("a.txt", "text/plain; charset=utf-8"), ("a.png", "image/png"), ("a.jpg", "image/jpeg"),
    ("a.jpeg", "image/jpeg"), ("a.svg", "image/svg+xml"), ("a.ico", "image/x-icon"),
    ("a.webp", "image/webp"), ("feed.xml", "application/rss+xml; charset=utf-8"),
    ("a.bin", "application/octet-stream"), ("feed.xml.bak", "application/octet-stream"),
])
def test_content_type_of_each_kind_of_file(name, expected):
    assert content_type(Path(name)) == expected


def test_each_request_is_one_log_line(files_server, caplog):
    caplog.set_level(logging.INFO, logger="podcaster.serve")
    server, _ = files_server
    request(server, "/episodes/a.mp3", headers={"Range": "bytes=0-9"})
    request(server, "/missing.mp3", "HEAD")
    assert [r.getMessage() for r in caplog.records if r.name == "podcaster.serve"] == [
        '127.0.0.1 "GET /episodes/a.mp3 HTTP/1.1" 206 -',
        '127.0.0.1 "HEAD /missing.mp3 HTTP/1.1" 404 -']


def test_a_base_url_ending_in_x_keeps_its_last_letter():
    data = b'<a href="https://ex.example/radioX/a.mp3"/><b>https://ex.example/radio/</b>'
    assert rewrite_base_url(data, "https://ex.example/radioX/", "http://studioX/") == (
        b'<a href="http://studioX/a.mp3"/><b>https://ex.example/radio/</b>')


@pytest.mark.parametrize("change", ["deleted", "replaced"])
def test_a_file_a_build_changes_during_an_answer_is_sent_as_it_was(files_server, monkeypatch,
                                                                  change):
    """A build deletes old MP3s and replaces the feed and pages while the server runs: the
    answer whose headers are out sends the file they describe, whole."""
    server, root = files_server
    path = root / "episodes" / "a.mp3"
    data = path.read_bytes()
    sent_headers = PreviewHandler.end_headers

    def build_meanwhile(self):
        sent_headers(self)
        if path.read_bytes() == data:
            replacement = root / "episodes" / "b.mp3"
            replacement.write_bytes(b"new" * 5000)
            if change == "deleted":
                path.unlink()
            else:
                os.replace(replacement, path)

    monkeypatch.setattr(PreviewHandler, "end_headers", build_meanwhile)
    lines, body = exchange(server, "GET /episodes/a.mp3 HTTP/1.1\nHost: x\n")
    assert (lines[0], lines[3], body) == ("HTTP/1.1 200 OK", f"Content-Length: {len(data)}",
                                          data)


def test_a_file_gone_between_look_up_and_read_is_not_found(files_server, monkeypatch):
    server, root = files_server
    look_up = PreviewHandler._resolve

    def removed_meanwhile(self, url_path):
        path = look_up(self, url_path)
        path.unlink()  # by a build's commit, say
        return path

    monkeypatch.setattr(PreviewHandler, "_resolve", removed_meanwhile)
    assert exchange(server, "GET /episodes/a.mp3 HTTP/1.1\nHost: x\n") == (
        ["HTTP/1.1 404 Not Found", SERVER_LINE, "Content-Type: text/plain; charset=utf-8",
         "Content-Length: 14"], b"404 Not Found\n")
