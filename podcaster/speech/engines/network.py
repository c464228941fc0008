"""What network engines share: a global request-rate limit and retries with backoff.

An engine wraps each HTTP request in ``RequestPolicy.call``. A request that fails in a way
that may pass (rate limited, server error, timeout, connection error) raises
``TransientError``; the policy waits (exponential backoff with jitter, or the server's
``Retry-After``) and tries again, by the rules every request of podcaster follows
(``podcaster.http``). After the last retry it raises one ``EngineError`` whose message is the
probable cause.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from podcaster.errors import EngineError
from podcaster.http import (
    RATE_LIMITED,
    SERVER,
    TIMEOUT,
    UNREACHABLE,
    Backoff,
    parse_retry_after,
    retrying,
)
from podcaster.http import Transient as TransientError

log = logging.getLogger(__name__)

T = TypeVar("T")

__all__ = ["RATE_LIMITED", "SERVER", "TIMEOUT", "UNREACHABLE", "TransientError",
           "parse_retry_after"]


class EngineUnreachableError(EngineError):
    """The engine's service could not be reached at all (offline, DNS, refused)."""


class Cancelled(Exception):
    """The synthesis was abandoned (another clip failed); stop sending requests."""


@dataclass(frozen=True)
class RequestSettings:
    """How network engines pace and retry their requests."""

    rate_limit: float = 10.0  # requests per second over all jobs; 0 = no limit
    retries: int = 4  # tries after the first one
    timeout: float = 20.0  # seconds to wait for an answer
    backoff: float = 0.5  # first retry delay in seconds; doubles each retry
    max_backoff: float = 30.0


class RateLimiter:
    """Spaces request starts at least ``1/rate`` seconds apart, across threads.

    ``hold(seconds)`` delays every later request (used when the server says "too many").
    """

    def __init__(self, rate: float):
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self._lock = threading.Lock()
        self._next = 0.0

    def wait(self) -> None:
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next)
            self._next = slot + self.interval
        if slot > now:
            time.sleep(slot - now)

    def hold(self, seconds: float) -> None:
        with self._lock:
            self._next = max(self._next, time.monotonic() + seconds)


def backoff_delay(attempt: int, settings: RequestSettings, retry_after: float | None) -> float:
    """Seconds to wait before retry number ``attempt`` (0-based): exponential, half jitter."""
    return Backoff(settings.backoff, settings.max_backoff).delay(attempt, retry_after)


class RequestPolicy:
    """Rate limit + retries for one engine's requests; counts requests and retries."""

    def __init__(self, settings: RequestSettings | None = None):
        self.settings = settings or RequestSettings()
        self.limiter = RateLimiter(self.settings.rate_limit)
        self._lock = threading.Lock()
        self._retries_override: int | None = None
        self.abort = threading.Event()  # set to make waiting and later calls give up
        self.requests = 0
        self.retries = 0

    @contextmanager
    def quick_unreachable(self, retries: int = 1) -> Iterator[None]:
        """Within the block, give up on an unreachable service after ``retries`` retries.

        For a reachability probe: an offline machine should not wait through every backoff.
        """
        self._retries_override = retries
        try:
            yield
        finally:
            self._retries_override = None

    def call(self, request: Callable[[], T], what: str = "request") -> T:
        """Run ``request`` under the rate limit, retrying transient failures.

        Raises EngineError (EngineUnreachableError if the service was never reached) with
        the probable cause once the retries are used up.
        """
        settings = self.settings

        def attempt() -> T:
            if self.abort.is_set():
                raise Cancelled(what)
            self.limiter.wait()
            with self._lock:
                self.requests += 1
            return request()

        def retries(exc: TransientError) -> int:
            if exc.reason == UNREACHABLE and self._retries_override is not None:
                return min(settings.retries, self._retries_override)
            return settings.retries

        def wait(delay: float, exc: TransientError) -> bool:
            if exc.reason == RATE_LIMITED:
                self.limiter.hold(delay)  # everyone slows down, not just this job
            log.info("%s: %s; retrying in %.1f s", what, exc.reason, delay)
            with self._lock:
                self.retries += 1
            if self.abort.wait(delay):
                raise Cancelled(what)
            return True

        try:
            return retrying(attempt, retries, Backoff(settings.backoff, settings.max_backoff),
                            wait)
        except TransientError as exc:
            tries = f" (gave up after {exc.attempts} tries)" if exc.attempts > 1 else ""
            error = EngineUnreachableError if exc.reason == UNREACHABLE else EngineError
            raise error(exc.message + tries) from None
