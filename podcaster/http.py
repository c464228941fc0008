"""Every HTTP request podcaster makes goes by the rules of this module.

Retrying: a failure that may pass (429, 5xx, a timeout, no connection) is a ``Transient``;
``retrying`` tries again after an exponential backoff with jitter (``Backoff``), honouring a
server's ``Retry-After`` up to the backoff's cap. The speech engines wrap their requests in
it (``speech/engines/network.py`` adds their rate limit), and so does ``Fetcher``.

``Fetcher`` is the session of ``podcaster import``: it fetches only from the origins an
``OriginPolicy`` allows (scheme, host and port; every address spelling normalised, every
redirect checked again), resolves each host once and connects to exactly the address it
checked, gives each request one overall deadline (redirects, retries, waits and the body
included, however slowly the server sends), and never reads more than ``max_bytes`` of a
body. Every failure is a ``FetchError`` whose message is one line naming the URL.
"""

from __future__ import annotations

import email.utils
import ipaddress
import logging
import random
import socket
import threading
import time
import urllib.parse
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from podcaster import __version__
from podcaster.errors import PodcasterError

if TYPE_CHECKING:
    import requests
    from requests.adapters import HTTPAdapter

# requests and urllib3 are imported where a session is made, not with this module: the
# speech engines' retry rules are here too, and a build that fetches nothing (espeak, or
# every clip cached) should not load an HTTP stack.

log = logging.getLogger(__name__)

T = TypeVar("T")

USER_AGENT = f"podcaster/{__version__} (blog-to-podcast importer; python-requests)"
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5
MAX_BYTES = 10_000_000
DEADLINE = 20.0  # seconds for one request, whatever happens inside it
CHUNK = 64 * 1024
DEFAULT_PORTS = {"http": 80, "https": 443}

# Why a request failed, as far as retrying is concerned.
RATE_LIMITED = "rate-limited"  # HTTP 429
SERVER = "server"  # HTTP 5xx, broken answer
TIMEOUT = "timeout"  # connected, but no answer in time
UNREACHABLE = "unreachable"  # no connection at all (DNS, refused, offline)


class Transient(Exception):
    """A request failed in a way that may pass if tried again later.

    ``message`` is the one line a user reads if every retry fails: what happened and the
    probable cause. ``attempts`` is set when ``retrying`` gives up.
    """

    def __init__(self, reason: str, message: str, retry_after: float | None = None,
                 status: int | None = None):
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.retry_after = retry_after
        self.status = status
        self.attempts = 1


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff with half jitter: retry ``n`` (0-based) waits between half and
    all of ``min(cap, first * 2**n)``; a server's Retry-After is honoured up to ``cap``."""

    first: float = 0.5
    cap: float = 30.0

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        base = min(self.cap, self.first * (2 ** attempt))
        delay = base / 2 + random.uniform(0, base / 2)
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.cap))
        return delay


def parse_retry_after(value: str | None) -> float | None:
    """A ``Retry-After`` header in seconds (a number of seconds or an HTTP date); None when
    absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when is None or when.tzinfo is None:
            return None
        seconds = when.timestamp() - time.time()
    return max(0.0, seconds) if seconds == seconds and seconds < float("inf") else None


def retrying(call: Callable[[], T], retries: Callable[[Transient], int], backoff: Backoff,
             wait: Callable[[float, Transient], bool]) -> T:
    """``call()``, tried again while it raises Transient and ``retries(exc)`` allows.

    Before each retry ``wait(delay, exc)`` waits (or refuses, returning False, when there is
    no time for it). The last Transient is raised with ``attempts`` set.
    """
    attempt = 0
    while True:
        try:
            return call()
        except Transient as exc:
            exc.attempts = attempt + 1
            if attempt >= retries(exc):
                raise
            if not wait(backoff.delay(attempt, exc.retry_after), exc):
                raise
            attempt += 1


class FetchError(PodcasterError):
    """A URL could not be fetched; the message names it and says why. ``refused``: the URL
    is outside what may be fetched (trying again will not help)."""

    def __init__(self, url: str, problem: str, status: int | None = None,
                 refused: bool = False):
        self.url = url
        self.problem = problem
        self.status = status  # the HTTP status, when the server answered
        self.refused = refused
        shown = url if url.isprintable() else repr(url)  # one line, whatever the feed wrote
        super().__init__(f"{shown}: {problem}")


# --- Origins -------------------------------------------------------------------------------

@dataclass(frozen=True, order=True)
class Origin:
    """Scheme, host and port: what a URL must share with the blog to be fetched. The host is
    normalised: lower case, IDNA, no trailing dot, an IP address in its one spelling."""

    scheme: str
    host: str
    port: int

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = DEFAULT_PORTS[self.scheme] == self.port
        return f"{self.scheme}://{host}" + ("" if default else f":{self.port}")


def ip_literal(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address ``host`` spells, in any form a resolver accepts (``0x7f000001``,
    ``2130706433``, ``0177.0.0.1``, ``127.1``, ``::ffff:127.0.0.1``); None for a name."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        try:  # inet_aton reads every old spelling: hex, octal, one number, fewer parts
            address = ipaddress.IPv4Address(socket.inet_aton(host))
        except (OSError, ValueError):
            return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def normalise_host(host: str) -> str:
    """``host`` as compared and connected to; raises ValueError when it is no host."""
    host = host.strip().rstrip(".").lower()
    if not host or "%" in host:  # empty, or an IPv6 zone
        raise ValueError("no host")
    address = ip_literal(host)
    if address is not None:
        return str(address)
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise ValueError(f"host {host!r} is not a valid name") from None
    if not all(label and len(label) <= 63 for label in ascii_host.split(".")) \
            or not all(c.isalnum() or c in "-._" for c in ascii_host):
        raise ValueError(f"host {host!r} is not a valid name")
    return ascii_host


def split_url(url: str) -> tuple[Origin, str]:
    """The origin of ``url`` and the URL to request (user-info removed, host normalised);
    raises ValueError for anything that is not an absolute http(s) URL."""
    if any(ord(c) < 33 or c == "\\" for c in url):
        raise ValueError("spaces, control characters or backslashes in the address")
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.netloc:
        raise ValueError("only absolute http:// and https:// URLs can be fetched")
    host = normalise_host(parts.hostname or "")
    port = parts.port or DEFAULT_PORTS[scheme]
    origin = Origin(scheme, host, port)
    netloc = str(origin).split("://", 1)[1]
    return origin, urllib.parse.urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def parse_origin(text: str) -> Origin:
    """An origin as an author writes it (``https://blog.example.com``, a port if not the
    scheme's own); raises ValueError for a path, query or anything but http(s)."""
    origin, _ = split_url(text)
    parts = urllib.parse.urlsplit(text)
    if parts.path not in ("", "/") or parts.query or parts.fragment or "@" in parts.netloc:
        raise ValueError("an origin is scheme://host[:port], without a path")
    return origin


def internal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether ``address`` is loopback, private, link-local (cloud metadata), shared,
    reserved, multicast or otherwise not on the public internet."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour or (
            address.teredo[1] if address.teredo else None)
        if embedded is not None and internal(embedded):
            return True
    return not address.is_global or address.is_multicast


Resolver = Callable[[str, int], list[str]]


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses ``host`` resolves to, in the resolver's order; raises OSError."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class OriginPolicy:
    """Which URLs may be fetched: those of ``origins`` only. Each host is resolved once per
    policy and every address checked; an internal address (loopback, private, link-local)
    is accepted only when ``allow_internal``: the blog itself is on one, as the first
    resolution of the ``feed`` origin decides (the feed is always fetched first)."""

    def __init__(self, origins: Iterable[Origin], allow_internal: bool = False,
                 resolver: Resolver = system_resolver, feed: Origin | None = None):
        self.origins = frozenset(origins)
        self.allow_internal = allow_internal
        self.resolver = resolver
        self.feed = feed
        self._addresses: dict[tuple[str, int], list[str]] = {}
        self._lock = threading.Lock()

    @classmethod
    def for_feed(cls, feed_url: str, extra: Iterable[Origin] = (),
                 resolver: Resolver = system_resolver) -> OriginPolicy:
        """The feed's own origin and ``extra`` (raises FetchError for a bad feed URL)."""
        origin = checked_origin(feed_url)[0]
        return cls({origin, *extra}, resolver=resolver, feed=origin)

    def check(self, url: str) -> str:
        """The URL to request for ``url``; raises FetchError (refused) when its origin is
        not allowed."""
        origin, clean = checked_origin(url)
        if origin not in self.origins:
            allowed = ", ".join(sorted(map(str, self.origins)))
            raise FetchError(url, f"not fetched: {origin} is not the blog's origin ({allowed}); "
                             "list it in source.allowed_origins to allow it", refused=True)
        return clean

    def addresses(self, url: str, origin: Origin) -> list[str]:
        """The checked addresses to connect to for ``origin`` (resolved once)."""
        key = (origin.host, origin.port)
        with self._lock:
            if key not in self._addresses:
                self._addresses[key] = self._resolve(url, origin)
            return self._addresses[key]

    def _resolve(self, url: str, origin: Origin) -> list[str]:
        """The addresses of ``origin``, checked; raises OSError when the host cannot be
        resolved (a connection error, retried) and FetchError when it may not be used."""
        literal = ip_literal(origin.host)
        found = [str(literal)] if literal is not None else self.resolver(origin.host,
                                                                        origin.port)
        addresses = [a for a in (ip_literal(text.split("%")[0]) for text in found) if a]
        if not addresses:
            raise OSError(f"{origin.host} has no address")
        if origin == self.feed and not self._addresses:
            self.allow_internal = any(internal(a) for a in addresses)
        for address in addresses:
            if internal(address) and not self.allow_internal:
                raise FetchError(url, f"not fetched: {origin.host} resolves to the internal "
                                 f"address {address}, and the blog's feed is not on one",
                                 refused=True)
        return [str(a) for a in addresses]


def checked_origin(url: str) -> tuple[Origin, str]:
    """``split_url`` with a FetchError (refused) for what is not a fetchable URL."""
    try:
        return split_url(url)
    except ValueError as exc:
        raise FetchError(url[:200], f"{exc}; not fetched", refused=True) from None


# --- Connections to checked addresses only --------------------------------------------------

def _guarded_adapter(policy_of: Callable[[], OriginPolicy], sockets: weakref.WeakSet) -> HTTPAdapter:
    """A requests adapter whose connections go to the addresses the policy checked (never a
    second DNS lookup) and register their sockets so a deadline can cut them."""
    from requests.adapters import HTTPAdapter
    from urllib3.connection import HTTPConnection, HTTPSConnection
    from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
    from urllib3.exceptions import NewConnectionError

    def connection(base: type, scheme: str) -> type:
        class Guarded(base):
            def _new_conn(self):
                origin = Origin(scheme, normalise_host(self.host.strip("[]")), self.port)
                url = f"{origin}/"
                last: Exception | None = None
                name = self._dns_host  # urllib3's host: the Host header, SNI, the TLS name
                try:
                    for address in policy_of().addresses(url, origin):
                        self._dns_host = address  # only the socket connects to the address
                        try:
                            sock = super()._new_conn()
                        except (OSError, NewConnectionError) as exc:  # urllib3's is no OSError
                            last = exc
                            continue
                        sockets.add(sock)
                        return sock
                finally:
                    self._dns_host = name
                raise last or OSError(f"no address for {origin}")

        return Guarded

    class GuardedHTTPPool(HTTPConnectionPool):
        ConnectionCls = connection(HTTPConnection, "http")

    class GuardedHTTPSPool(HTTPSConnectionPool):
        ConnectionCls = connection(HTTPSConnection, "https")

    class Adapter(HTTPAdapter):
        def init_poolmanager(self, *args, **kwargs) -> None:
            super().init_poolmanager(*args, **kwargs)
            self.poolmanager.pool_classes_by_scheme = {"http": GuardedHTTPPool,
                                                       "https": GuardedHTTPSPool}

    return Adapter()


class Deadline:
    """One request's time: ``remaining()`` seconds are left; when none are, every socket of
    the session is shut down, so a server trickling bytes cannot hold the request."""

    def __init__(self, seconds: float, sockets: weakref.WeakSet):
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.expired = False
        self._sockets = sockets
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def remaining(self) -> float:
        return max(0.0, self.end - time.monotonic())

    def _expire(self) -> None:
        self.expired = True
        for sock in list(self._sockets):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def __enter__(self) -> Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()


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

    @property
    def charset(self) -> str | None:
        """The charset the Content-Type header declares, lower case; None if none."""
        for param in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "charset" and value.strip(" \"'"):
                return value.strip(" \"'").lower()
        return None


class Fetcher:
    """The import session: allowed origins only, one deadline per request, bounded bodies.

    ``policy`` decides what may be fetched (``OriginPolicy.for_feed`` once the feed is
    known; until then nothing may). ``requests`` counts every answer, redirects included.
    The session holds no cookies, proxies or credentials from the environment.
    """

    def __init__(self, timeout: float = DEADLINE, retries: int = 3, backoff: float = 1.0,
                 max_bytes: int = MAX_BYTES, sleep: Callable[[float], None] = time.sleep,
                 policy: OriginPolicy | None = None, resolver: Resolver = system_resolver):
        self.timeout = timeout  # the overall deadline of one get()
        self.retries = retries
        self.backoff = Backoff(first=backoff, cap=max(timeout, backoff))
        self.max_bytes = max_bytes
        self.sleep = sleep
        self.resolver = resolver
        self.policy = policy or OriginPolicy((), resolver=resolver)
        self.requests = 0
        self._sockets: weakref.WeakSet = weakref.WeakSet()
        import requests
        self.session = requests.Session()
        self.session.trust_env = False  # no proxy, .netrc or CA bundle from the environment
        self.session.headers["User-Agent"] = USER_AGENT
        # Sent through the adapter itself: redirects are this class's to follow and check.
        self.adapter = _guarded_adapter(lambda: self.policy, self._sockets)
        self.session.mount("http://", self.adapter)
        self.session.mount("https://", self.adapter)

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get(self, url: str, accept: str = "*/*", etag: str | None = None,
            last_modified: str | None = None, max_bytes: int | None = None) -> Response:
        """GET ``url`` (an allowed origin), retrying what can pass, within the deadline.
        A 304 is returned (with an empty body); any other status outside 200-299 after the
        retries raises FetchError."""
        self.policy.check(url)
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        limit = max_bytes or self.max_bytes
        with Deadline(self.timeout, self._sockets) as deadline:
            def wait(delay: float, exc: Transient) -> bool:
                if delay >= deadline.remaining():
                    return False
                log.info("%s: %s; retrying in %.1f s", url, exc.reason, delay)
                self.sleep(delay)
                return True

            try:
                return retrying(lambda: self._attempt(url, headers, limit, deadline),
                                lambda exc: self.retries, self.backoff, wait)
            except Transient as exc:
                if deadline.expired or exc.reason == TIMEOUT:
                    raise self._late(url, deadline) from None
                raise FetchError(url, f"{exc.message} after {exc.attempts} attempt(s)"
                                 + ("; try again later" if exc.status else ""),
                                 exc.status) from None

    def _late(self, url: str, deadline: Deadline) -> FetchError:
        return FetchError(url, f"no complete answer within {deadline.seconds:g} s")

    def _attempt(self, url: str, headers: dict, limit: int, deadline: Deadline) -> Response:
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            target = self.policy.check(current)
            response = self._send(target, headers, deadline)
            with response:
                status = response.status_code
                if status in REDIRECT_STATUS and "location" in response.headers:
                    current = _redirect(target, response.headers["location"])
                    continue
                if status in RETRY_STATUS:
                    why = "too many requests" if status == 429 else "the server failed"
                    raise Transient(RATE_LIMITED if status == 429 else SERVER,
                                    f"{why} (HTTP {status} {response.reason})",
                                    parse_retry_after(response.headers.get("Retry-After")),
                                    status)
                if status != 304 and not 200 <= status < 300:
                    raise FetchError(url, f"HTTP {status} {response.reason}", status)
                headers_out = {k.lower(): v for k, v in response.headers.items()}
                body = b"" if status == 304 else self._read(url, response, limit, deadline)
                return Response(target, status, headers_out, body)
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")

    def _send(self, target: str, headers: dict, deadline: Deadline) -> requests.Response:
        import requests

        remaining = deadline.remaining()
        if remaining <= 0:
            raise Transient(TIMEOUT, "no answer in time")
        try:
            request = self.session.prepare_request(requests.Request("GET", target, headers))
            response = self.adapter.send(request, stream=True, timeout=remaining,
                                         verify=self.session.verify)
            self.requests += 1
            log.debug("GET %s -> %d", target, response.status_code)
            return response
        except FetchError:
            raise
        except requests.exceptions.Timeout as exc:
            if isinstance(exc, requests.exceptions.ConnectTimeout):
                raise Transient(UNREACHABLE, "could not connect") from None
            raise Transient(TIMEOUT, "no answer in time") from None
        except requests.exceptions.SSLError as exc:
            reason = getattr(exc.args[0], "reason", None) if exc.args else None
            raise FetchError(target, f"the secure connection failed: {reason or exc}"[:300],
                             refused=True) from None
        except requests.exceptions.ConnectionError:
            if deadline.expired:
                raise Transient(TIMEOUT, "no answer in time") from None
            raise Transient(UNREACHABLE, "could not connect") from None
        except (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema,
                requests.exceptions.MissingSchema, ValueError) as exc:
            raise FetchError(target, f"cannot be fetched ({type(exc).__name__})",
                             refused=True) from None

    def _read(self, url: str, response: requests.Response, limit: int,
              deadline: Deadline) -> bytes:
        import requests

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
            if deadline.expired:
                raise self._late(url, deadline) from None
            raise FetchError(url, f"the answer broke off ({type(exc).__name__})") from None
        if deadline.expired:
            raise self._late(url, deadline)
        return b"".join(chunks)


def _redirect(base: str, location: str) -> str:
    """The absolute address a redirect names; raises FetchError for a malformed one."""
    try:
        target = urllib.parse.urljoin(base, location.strip())
        urllib.parse.urlsplit(target).port  # noqa: B018 (raises ValueError when malformed)
    except ValueError:
        raise FetchError(base, f"redirected to a malformed address {location[:200]!r}",
                         refused=True) from None
    if urllib.parse.urlsplit(target).scheme.lower() not in DEFAULT_PORTS:
        raise FetchError(base, f"redirected to a URL that is not http(s): {target[:200]}",
                         refused=True)
    return target
