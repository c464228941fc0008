"""A local preview server for ``public/``: right MIME types, HTTP Range requests, no listings.

Podcast apps and Safari seek in an episode with Range requests, so single byte ranges are
answered with 206 and ``Content-Range`` (416 when the range lies past the end).

The feed and pages name their files by the show's ``base_url``, which points at the
published site. For a preview the server rewrites ``base_url`` in feed, pages and JSON to
the address the request came to (its ``Host``), so a phone that subscribes to the local feed
also plays the local episodes. ``rewrite=False`` serves every file byte for byte.
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import logging
import os
import re
import socket
import sys
import urllib.parse
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO

from podcaster import __version__
from podcaster.config import load_config
from podcaster.errors import PodcasterError
from podcaster.publish.layout import FEED_NAME, is_audio_name, site_base

log = logging.getLogger(__name__)

MIME_TYPES = {
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".vtt": "text/vtt; charset=utf-8",
    ".srt": "application/x-subrip; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".json": "application/json",
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
    ".webp": "image/webp",
}
FEED_TYPE = "application/rss+xml; charset=utf-8"
REWRITTEN_SUFFIXES = (".xml", ".html", ".htm", ".json")
CHUNK = 64 * 1024
IDLE_TIMEOUT = 30.0  # seconds a connection may stay silent

_HOST = re.compile(r"^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$")
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class RangeNotSatisfiable(Exception):
    """The requested byte range starts past the end of the file."""


def content_type(path: Path) -> str:
    if path.name == FEED_NAME:
        return FEED_TYPE
    return MIME_TYPES.get(path.suffix.lower(), "application/octet-stream")


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """The inclusive byte range ``(first, last)`` a ``Range`` header asks of ``size`` bytes.

    Returns None when the whole file should be sent (no header, a header this server does
    not take, such as several ranges). Raises RangeNotSatisfiable when no byte of the file
    is in the range.
    """
    if not header:
        return None
    match = _RANGE.match(header.strip().replace(" ", ""))
    if not match:
        return None
    first, last = match.groups()
    if first == "" and last == "":
        return None
    if first == "":  # the last N bytes
        length = _byte_number(last)
        if length == 0 or size == 0:
            raise RangeNotSatisfiable
        return max(size - length, 0), size - 1
    start = _byte_number(first)
    if last and _byte_number(last) < start:
        return None  # invalid, so ignored (RFC 9110 14.2)
    if start >= size:
        raise RangeNotSatisfiable
    end = _byte_number(last) if last else size - 1
    return start, min(end, size - 1)


def _byte_number(digits: str) -> int:
    """A byte position; any number of more than 18 digits is past every file's end (and
    is not converted: a 5000-digit number would exceed Python's int parsing limit)."""
    digits = digits.lstrip("0") or "0"
    return int(digits) if len(digits) <= 18 else 10**18


def rewrite_base_url(data: bytes, base_url: str, local_url: str) -> bytes:
    """``data`` with every link under ``base_url`` pointed at ``local_url`` instead."""
    base = base_url.rstrip("/").encode("utf-8")
    local = local_url.rstrip("/").encode("utf-8")
    return re.sub(re.escape(base) + rb"(?=[/\"'<\s?#]|$)", lambda _: local, data)


@dataclass
class _Body:
    """What a GET answers with: a file opened before anything is sent (so a build that
    replaces or deletes it meanwhile changes nothing of this answer), or bytes made in
    memory."""

    size: int
    mtime: float
    etag: str
    file: BinaryIO | None = None
    data: bytes | None = None


class PreviewServer(ThreadingHTTPServer):
    """Serves ``root`` (a project's public/ folder); ``base_url`` set means rewrite it.

    A connection idle (or trickling) for ``timeout`` seconds between two reads or writes is
    closed; a client that drops its connection costs one quiet log line, not a traceback.
    """

    daemon_threads = True
    idle_timeout = IDLE_TIMEOUT  # seconds; the handler sets it on its socket

    def __init__(self, root: Path, host: str, port: int, base_url: str | None = None):
        self.root = Path(root).resolve()
        self.base_url = base_url
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, port), PreviewHandler)

    def handle_error(self, request, client_address) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            log.info("%s: connection closed (%s)", client_address[0],
                     exc.strerror or type(exc).__name__)
            return
        super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        if host in ("0.0.0.0", "::"):
            host = "127.0.0.1"
        if ":" in str(host):
            host = f"[{host}]"
        return f"http://{host}:{port}/"


class PreviewHandler(BaseHTTPRequestHandler):
    server: PreviewServer
    server_version = f"podcaster/{__version__}"
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        self.timeout = self.server.idle_timeout  # the socket timeout StreamRequestHandler sets
        super().setup()

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        log.info("%s %s", self.address_string(), format % args)

    def _answer(self, send_body: bool) -> None:
        url_path = urllib.parse.urlsplit(self.path).path
        path = self._resolve(url_path)
        if path is None:
            self._error(HTTPStatus.NOT_FOUND)
            return
        if path.is_dir():
            if not url_path.endswith("/"):
                self._redirect(url_path + "/")
                return
            path = path / "index.html"
            if not path.is_file():
                self._error(HTTPStatus.NOT_FOUND)
                return
        try:
            body = self._body(path)
        except OSError:
            self._error(HTTPStatus.NOT_FOUND)
            return
        with body.file or contextlib.nullcontext():
            self._send(path, body, send_body)

    def _send(self, path: Path, body: _Body, send_body: bool) -> None:
        if self.headers.get("If-None-Match") == body.etag:
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("ETag", body.etag)
            self.end_headers()
            return

        last_modified = email.utils.formatdate(body.mtime, usegmt=True)
        if_range = self.headers.get("If-Range")
        range_header = self.headers.get("Range")
        if if_range and if_range not in (body.etag, last_modified):
            range_header = None  # the client holds another version: send it all
        try:
            byte_range = parse_range(range_header, body.size)
        except RangeNotSatisfiable:
            self.send_response(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
            self.send_header("Content-Range", f"bytes */{body.size}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return

        first, last = byte_range if byte_range else (0, body.size - 1)
        length = max(last - first + 1, 0)
        self.send_response(HTTPStatus.PARTIAL_CONTENT if byte_range else HTTPStatus.OK)
        self.send_header("Content-Type", content_type(path))
        self.send_header("Content-Length", str(length))
        self.send_header("Accept-Ranges", "bytes")
        if byte_range:
            self.send_header("Content-Range", f"bytes {first}-{last}/{body.size}")
        self.send_header("Last-Modified", last_modified)
        self.send_header("ETag", body.etag)
        # A preview is rebuilt often: let browsers revalidate instead of guessing. An MP3
        # named by its content never changes under its name.
        self.send_header("Cache-Control", "public, max-age=31536000, immutable"
                         if is_audio_name(path.name) else "no-cache")
        self.end_headers()
        if not send_body or length == 0:
            return
        try:
            if body.data is not None:
                self.wfile.write(body.data[first:last + 1])
            else:
                body.file.seek(first)
                _copy(body.file, self.wfile, length)
        except (BrokenPipeError, ConnectionResetError):
            # Players drop connections when they seek elsewhere; nothing to report.
            self.close_connection = True

    def _resolve(self, url_path: str) -> Path | None:
        """The file or folder under the root that ``url_path`` names, or None.

        Hidden names (such as files being written) and anything outside the root are None.
        """
        parts = [p for p in urllib.parse.unquote(url_path).split("/") if p]
        if any(p.startswith(".") or "\\" in p or "\0" in p for p in parts):
            return None
        root = self.server.root
        path = root.joinpath(*parts).resolve() if parts else root
        if path != root and root not in path.parents:
            return None
        return path if path.exists() else None

    def _body(self, path: Path) -> _Body:
        fh = open(path, "rb")  # closed by the caller, or here when no file is answered
        try:
            stat = os.fstat(fh.fileno())
            base_url = self.server.base_url
            if not (base_url and path.suffix.lower() in REWRITTEN_SUFFIXES):
                etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
                return _Body(stat.st_size, stat.st_mtime, etag, file=fh)
            with fh:
                data = rewrite_base_url(fh.read(), base_url, self._local_url())
        except BaseException:
            fh.close()
            raise
        etag = '"' + hashlib.sha256(data).hexdigest()[:20] + '"'
        return _Body(len(data), stat.st_mtime, etag, data=data)

    def _local_url(self) -> str:
        """The address this request came to: its Host header when sane, else the server's."""
        host = self.headers.get("Host", "")
        if not _HOST.match(host):
            return self.server.url
        return f"http://{host}/"

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", urllib.parse.quote(location))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _error(self, status: HTTPStatus) -> None:
        body = f"{status.value} {status.phrase}\n".encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _copy(src, dest, length: int) -> None:
    remaining = length
    while remaining > 0:
        chunk = src.read(min(CHUNK, remaining))
        if not chunk:
            break
        dest.write(chunk)
        remaining -= len(chunk)


def make_server(public_dir: Path | str, host: str = "127.0.0.1", port: int = 8000,
                base_url: str | None = None) -> PreviewServer:
    """A server for ``public_dir``, bound but not yet serving (call ``serve_forever``).

    ``base_url`` given: links under it in the feed, pages and JSON point at the local server.
    Raises PodcasterError when the folder is missing or the address cannot be bound.
    """
    public_dir = Path(public_dir)
    if not public_dir.is_dir():
        raise PodcasterError(f"{public_dir}: not found; run `podcaster build` first")
    try:
        return PreviewServer(public_dir, host, port, base_url)
    except OSError as exc:
        raise PodcasterError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def project_server(project_dir: Path | str, host: str = "127.0.0.1", port: int = 8000,
                   rewrite: bool = True) -> PreviewServer:
    """A preview server for a project's ``public/`` (see ``make_server``)."""
    config = load_config(project_dir)
    return make_server(config.public_dir, host, port,
                       site_base(config) if rewrite else None)


def network_addresses() -> list[str]:
    """This machine's IPv4 addresses other than loopback, as far as the host name tells."""
    try:
        _, _, addresses = socket.gethostbyname_ex(socket.gethostname())
    except OSError:
        return []
    return sorted({a for a in addresses if not a.startswith("127.")})

