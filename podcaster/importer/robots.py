"""robots.txt for post pages: a page is fetched only if its host's rules allow podcaster.

The rules are fetched once per host through the shared session (RFC 9309: a missing
robots.txt, or any other 4xx, allows everything; a server error or no answer allows
nothing, so the page is retried on a later run).
"""

from __future__ import annotations

import logging
import urllib.parse
import urllib.robotparser

from podcaster.http import Fetcher, FetchError

log = logging.getLogger(__name__)

ROBOTS_AGENT = "podcaster"  # the product token robots.txt rules are matched against
MAX_ROBOTS_BYTES = 500_000  # RFC 9309 asks crawlers to read at least 500 KiB


class RobotsRules:
    """Per-host robots.txt rules, fetched on first use."""

    def __init__(self, fetcher: Fetcher):
        self.fetcher = fetcher
        self._hosts: dict[str, urllib.robotparser.RobotFileParser | bool] = {}

    def allowed(self, url: str) -> bool:
        """Whether podcaster may fetch ``url``; raises FetchError if robots.txt cannot be
        read because the host failed (then nothing on it may be fetched)."""
        parts = urllib.parse.urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._hosts:
            self._hosts[host] = self._load(host + "/robots.txt")
        rules = self._hosts[host]
        if isinstance(rules, bool):
            return rules
        return rules.can_fetch(ROBOTS_AGENT, url)

    def _load(self, robots_url: str) -> urllib.robotparser.RobotFileParser | bool:
        try:
            response = self.fetcher.get(robots_url, accept="text/plain",
                                        max_bytes=MAX_ROBOTS_BYTES)
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                log.debug("%s: %s, so every page may be fetched", robots_url, exc.problem)
                return True
            raise FetchError(robots_url, f"{exc.problem}; no page of this host is fetched "
                             "until its robots.txt can be read") from None
        parser = urllib.robotparser.RobotFileParser(robots_url)
        # a byte-order mark is not part of the first line (else its group is not read)
        parser.parse(response.body.decode("utf-8-sig", errors="replace").splitlines())
        return parser
