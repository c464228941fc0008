"""One HTTP session for everything ``podcaster import`` fetches: the feed, post pages and
their hosts' robots.txt.

The session names podcaster and its version in its User-Agent, follows redirects (only to
http(s), at most ``MAX_REDIRECTS``), waits at most ``timeout`` seconds for each answer,
retries 429, 5xx, timeouts and connection errors with exponential backoff (honouring a
``Retry-After`` in seconds), sends ``If-None-Match`` / ``If-Modified-Since`` when asked to,
and never reads more than ``max_bytes`` of a body. Every failure is a ``FetchError`` whose
message is one line naming the URL and the problem.
"""

from __future__ import annotations

import logging
import random
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass

import requests

from podcaster import __version__
from podcaster.errors import PodcasterError

log = logging.getLogger(__name__)

USER_AGENT = f"podcaster/{__version__} (blog-to-podcast importer; python-requests)"
ROBOTS_AGENT = "podcaster"  # the product token robots.txt rules are matched against
MAX_REDIRECTS = 5
MAX_BYTES = 10_000_000
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
BACKOFF = 1.0  # seconds before the first retry; doubled for each further one
MAX_RETRY_AFTER = 60.0  # seconds: a longer Retry-After is not worth an hourly run's time
CHUNK = 64 * 1024


class FetchError(PodcasterError):
    """A URL could not be fetched; the message names it and says why."""

    def __init__(self, url: str, problem: str, status: int | None = None):
        self.url = url
        self.problem = problem
        self.status = status  # the HTTP status, when the server answered
        super().__init__(f"{url}: {problem}")


@dataclass(frozen=True)
class Response:
    """A fetched answer: the final URL (after redirects), status, headers and body."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


def check_http_url(url: str) -> str:
    """``url`` if it is an absolute http(s) URL; raises FetchError otherwise."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise FetchError(url, "only absolute http:// and https:// URLs can be fetched")
    return url


class Fetcher:
    """The shared session. ``requests`` counts every request sent, redirects included."""

    def __init__(self, timeout: float = 20.0, retries: int = 3, backoff: float | None = None,
                 max_bytes: int = MAX_BYTES, sleep: Callable[[float], None] = time.sleep):
        self.timeout = timeout
        self.retries = retries
        self.backoff = BACKOFF if backoff is None else backoff
        self.max_bytes = max_bytes
        self.sleep = sleep
        self.requests = 0
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.session.max_redirects = MAX_REDIRECTS
        self.session.hooks["response"].append(self._count)

    def _count(self, response: requests.Response, *args, **kwargs) -> None:
        self.requests += 1
        log.debug("%s %s -> %d", response.request.method, response.url, response.status_code)

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get(self, url: str, accept: str = "*/*", etag: str | None = None,
            last_modified: str | None = None, max_bytes: int | None = None) -> Response:
        """GET ``url``, retrying what can pass. A 304 is returned (with an empty body); any
        other status outside 200-299 after the retries raises FetchError."""
        check_http_url(url)
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempts = self.retries + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                response = self.session.get(url, headers=headers, timeout=self.timeout,
                                            stream=True)
            except requests.exceptions.TooManyRedirects:
                raise FetchError(url, f"more than {MAX_REDIRECTS} redirects") from None
            except (requests.exceptions.InvalidSchema, requests.exceptions.InvalidURL,
                    requests.exceptions.MissingSchema) as exc:
                raise FetchError(url, f"redirected to a URL that is not http(s): {exc}") from None
            except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as exc:
                problem = "no answer in time" if isinstance(exc, requests.exceptions.Timeout) \
                    else "could not connect"
                if last:
                    raise FetchError(url, f"{problem} after {attempts} attempt(s)") from None
                self._wait(url, attempt, None, problem)
                continue
            with response:
                if response.status_code in RETRY_STATUS and not last:
                    self._wait(url, attempt, response.headers.get("Retry-After"),
                               f"HTTP {response.status_code}")
                    continue
                return self._finish(url, response, attempts, max_bytes or self.max_bytes)
        raise AssertionError("unreachable")  # pragma: no cover

    def _finish(self, url: str, response: requests.Response, attempts: int,
                limit: int) -> Response:
        status = response.status_code
        if status in RETRY_STATUS:
            why = "too many requests" if status == 429 else "the server failed"
            raise FetchError(url, f"{why} (HTTP {status} {response.reason}) "
                             f"after {attempts} attempt(s); try again later", status)
        if status != 304 and not 200 <= status < 300:
            raise FetchError(url, f"HTTP {status} {response.reason}", status)
        check_http_url(response.url)
        headers = {k.lower(): v for k, v in response.headers.items()}
        body = b"" if status == 304 else self._read(url, response, limit)
        return Response(response.url, status, headers, body)

    def _read(self, url: str, response: requests.Response, limit: int) -> bytes:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(url, f"response of {int(declared):,} bytes is larger than the "
                             f"limit of {limit:,} bytes; refused")
        chunks, size = [], 0
        try:
            for chunk in response.iter_content(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise FetchError(url, f"response is larger than the limit of {limit:,} "
                                     "bytes; refused")
                chunks.append(chunk)
        except (requests.exceptions.RequestException, OSError) as exc:
            raise FetchError(url, f"the answer broke off ({type(exc).__name__})") from None
        return b"".join(chunks)

    def _wait(self, url: str, attempt: int, retry_after: str | None, problem: str) -> None:
        delay = self.backoff * 2 ** attempt + random.uniform(0, self.backoff)
        if retry_after and retry_after.strip().isdigit():
            delay = max(delay, min(float(retry_after), MAX_RETRY_AFTER))
        log.info("%s: %s; retrying in %.1f s", url, problem, delay)
        self.sleep(delay)
