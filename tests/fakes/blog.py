"""A local HTTP server that plays a blog, for ``podcaster import`` without the internet.

One ``BlogServer`` is one host on 127.0.0.1 (a free port): it answers GET for the paths it
was given (path and query matched exactly), with ``ETag`` / ``Last-Modified`` and 304 for a
matching conditional request like a real web server, and logs every request. Failures are
queued per path (``fail(path, 429, 500)``); ``huge(path, size)`` streams a body of that size;
a route with ``trickle`` sends its body one byte at a time.

``wordpress``, ``jekyll`` and ``naver`` load the fixture blogs of ``tests/blogs/``: a
WordPress RSS feed with the whole posts, a Jekyll Atom feed with the whole posts, and a
Naver-Blog-like RSS feed with summaries only, whose posts are pages in a frame with the
blog's header, sidebar, share buttons, comments and related posts around them.
"""

from __future__ import annotations

import html
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.helpers import TESTS

BLOGS = TESTS / "blogs"
MAX_STREAM = 64_000_000  # a huge body never grows past this, whoever reads it


@dataclass
class Route:
    body: bytes
    content_type: str
    etag: str | None = None
    last_modified: str | None = None
    streamed_size: int = 0  # > 0: stream this many bytes without a Content-Length
    declared_size: int = 0  # > 0: announce this Content-Length (and send only the body)
    redirect: str | None = None  # answer 301 to this address
    delay: float = 0.0  # seconds to wait before answering (a slow server)
    trickle: float = 0.0  # > 0: send the body one byte at a time, this many seconds apart


@dataclass
class Logged:
    path: str
    headers: dict[str, str]


@dataclass
class BlogServer:
    routes: dict[str, Route] = field(default_factory=dict)
    log: list[Logged] = field(default_factory=list)
    failures: dict[str, deque] = field(default_factory=dict)

    def __post_init__(self) -> None:
        server = self

        class Handler(BaseHTTPRequestHandler):
            timeout = 10  # seconds a connection may stay idle: a stuck client cannot hang us

            def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
                server.log.append(Logged(self.path, {k.lower(): v for k, v in
                                                     self.headers.items()}))
                queue = server.failures.get(self.path)
                if queue:
                    status = queue.popleft()
                    self.send_response(status)
                    if status == 429:
                        self.send_header("Retry-After", "0")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404)
                    return
                if route.delay:
                    time.sleep(min(route.delay, 5.0))
                if route.redirect:
                    self.send_response(301)
                    self.send_header("Location", route.redirect)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if (route.etag and self.headers.get("If-None-Match") == route.etag) or (
                        route.last_modified
                        and self.headers.get("If-Modified-Since") == route.last_modified):
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", route.content_type)
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)
                if route.trickle:
                    self.send_header("Content-Length", str(len(route.body)))
                    self.end_headers()
                    self._trickle(route.body, route.trickle)
                    self.close_connection = True
                    return
                if route.streamed_size:
                    self.end_headers()
                    self._stream(min(route.streamed_size, MAX_STREAM))
                    self.close_connection = True
                    return
                self.send_header("Content-Length", str(route.declared_size or len(route.body)))
                self.end_headers()
                try:
                    self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                if route.declared_size:
                    self.close_connection = True

            def _stream(self, size: int) -> None:
                chunk = b"<item>" + b"x" * 65530
                try:
                    while size > 0:
                        self.wfile.write(chunk[:size])
                        size -= len(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _trickle(self, body: bytes, pause: float) -> None:
                try:
                    for i in range(len(body)):
                        self.wfile.write(body[i:i + 1])
                        self.wfile.flush()
                        time.sleep(pause)
                except (BrokenPipeError, ConnectionResetError, OSError):
                    pass

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True,
                                       kwargs={"poll_interval": 0.05})  # a quick shutdown

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> BlogServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)

    def add(self, path: str, body: bytes | str, content_type: str, **kwargs) -> Route:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, content_type, **kwargs)
        return self.routes[path]

    def fail(self, path: str, *statuses: int) -> None:
        """The next requests of ``path`` get these statuses, in order."""
        self.failures.setdefault(path, deque()).extend(statuses)

    def requests_to(self, path: str) -> list[Logged]:
        return [r for r in self.log if r.path == path]

    def template(self, relative: str, **values: str) -> str:
        """A fixture file with ``{{base}}`` (this server's address) and ``values`` filled in."""
        text = (BLOGS / relative).read_text(encoding="utf-8")
        for key, value in {"base": self.base, **values}.items():
            text = text.replace("{{" + key + "}}", value)
        return text


WP_FEED = "/feed/"
JEKYLL_FEED = "/feed.xml"
NAVER_FEED = "/baramdrawer.xml"
NAVER_POSTS = {
    "223456789012": ("지하철 안내 방송을 AI가 맡는다", "2025. 11. 17. 8:42"),
    "223456789345": ("AI가 그린 그림, 저작권은 누구에게", "2025. 11. 19. 21:10"),
}


def wordpress(server: BlogServer) -> str:
    """Serve the WordPress blog; returns its feed URL."""
    server.add(WP_FEED, server.template("wordpress/feed.xml"),
               "application/rss+xml; charset=UTF-8", etag='"3f1a-wp-feed"',
               last_modified="Fri, 07 Nov 2025 09:12:44 GMT")
    return server.base + WP_FEED


def jekyll(server: BlogServer) -> str:
    """Serve the Jekyll site (as GitHub Pages does: ETag and Last-Modified); its feed URL."""
    server.add(JEKYLL_FEED, server.template("jekyll/feed.xml"), "application/xml",
               etag='W/"6573a1c2-1f0b"', last_modified="Wed, 12 Nov 2025 12:05:40 GMT")
    return server.base + JEKYLL_FEED


def naver(server: BlogServer) -> str:
    """Serve the Naver-like blog (feed without ETag, pages in a frame); its feed URL."""
    server.add(NAVER_FEED, server.template("naver/rss.xml"), "text/xml;charset=UTF-8",
               last_modified="Wed, 19 Nov 2025 12:10:07 GMT")
    server.add("/robots.txt", server.template("naver/robots.txt"), "text/plain")
    for logno, (title, published) in NAVER_POSTS.items():
        server.add(f"/baramdrawer/{logno}?fromRss=true&trackingCode=rss",
                   server.template("naver/pages/frame.html", title=title, logno=logno),
                   "text/html;charset=UTF-8")
        content = (BLOGS / "naver" / "pages" / f"{logno}.html").read_text(encoding="utf-8")
        server.add(f"/PostView.naver?blogId=baramdrawer&logNo={logno}&redirect=Dlog"
                   "&widgetTypeCall=true&directAccess=false",
                   server.template("naver/pages/postview.html", title=title, logno=logno,
                                   published=published, content=content),
                   "text/html;charset=UTF-8")
    return server.base + NAVER_FEED


# Hand-written RSS for the importer's attack tests: any title, id, date, link or body.
FEED = "/rss.xml"
BODY = ("<p>안녕하세요, 바람서랍입니다.</p><p>오늘은 도서관 로봇 이야기입니다. "
        "로봇이 책을 제자리에 꽂습니다.</p><p>이상 바람서랍이었습니다.</p>")
SECRET = "내부망 비밀 문서"  # what the internal server answers: never in a post


def item(title: str, guid: str, link: str = "", date: str = "Mon, 03 Nov 2025 10:00:00 +0000",
         content: str | None = BODY, summary: str = "요약") -> str:
    """An RSS item; ``content=None`` makes it summary-only (its page must be fetched)."""
    encoded = f"<content:encoded><![CDATA[{content}]]></content:encoded>" if content else ""
    return (f"<item><title>{title}</title><guid isPermaLink=\"false\">{guid}</guid>"
            f"<link>{html.escape(link)}</link><pubDate>{date}</pubDate>"
            f"<description>{html.escape(summary)}</description>{encoded}</item>")


def rss(*items: str, encoding: str = "utf-8") -> str:
    return (f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>바람서랍</title><link>http://blog.example/</link>{''.join(items)}"
            "</channel></rss>")


def serve_feed(server: BlogServer, *items: str) -> str:
    server.add(FEED, rss(*items), "application/rss+xml; charset=utf-8")
    return server.base + FEED


def page(text: str = BODY) -> str:
    return f"<html><head><title>글</title></head><body><article><h1>글</h1>{text}" \
           "</article></body></html>"
