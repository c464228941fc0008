"""What ``podcaster check`` finds, and where: one ``Problem`` per line, naming the file or
feed item; the ``Report`` the checks write into, mapping URLs back to files in ``public/``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from podcaster.config import Config
from podcaster.publish.layout import FEED_NAME, media_base, site_base, strip_enclosure_prefix
from podcaster.values import is_web_url

# More digits than any byte count or episode number has: such a figure is no true value, and
# is not converted (a 5000-digit one would exceed Python's limit on converting text to int).
MAX_DIGITS = 18


def whole_number(text: str | None) -> int | None:
    """``text`` as a whole number if it is ASCII digits alone, at most MAX_DIGITS of them
    (leading zeros aside), else None."""
    if not text or not text.isascii() or not text.isdigit():
        return None
    digits = text.lstrip("0") or "0"
    return int(digits) if len(digits) <= MAX_DIGITS else None


def shown(text: str, limit: int = 40) -> str:
    """``text`` for a message: cut to ``limit`` characters, saying how long it was."""
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} characters)"


@dataclass(frozen=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class CheckResult:
    feed_path: Path
    episodes: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # advice; they do not fail a check

    @property
    def ok(self) -> bool:
        return not self.problems


class Report:
    """The problems found so far in one project's ``public/``."""

    def __init__(self, config: Config):
        self.config = config
        self.public = config.public_dir
        self.feed_path = self.public / FEED_NAME
        self.result = CheckResult(self.feed_path)
        self.feed_where = self.rel(self.feed_path)
        # Set when public/ is older than podcast.toml or a post: the one problem saying so
        # stands for every difference between the feed and today's settings and posts.
        self.stale = False

    def problem(self, where: str, message: str) -> None:
        self.result.problems.append(Problem(where, message))

    def outdated(self, where: str, message: str) -> None:
        """A problem that a build from today's settings and posts would not have: left out
        when public/ is known to be older than them (``stale``)."""
        if not self.stale:
            self.problem(where, message)

    def warning(self, where: str, message: str) -> None:
        self.result.warnings.append(Problem(where, message))

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.config.project_dir))
        except ValueError:
            return str(path)

    def local_file(self, where: str, what: str, url: str | None,
                   media: bool = False) -> Path | None:
        """The file under public/ that ``url`` serves, or None (with a problem) if there is
        none: relative URL, outside show.base_url, or missing file.

        ``media``: ``url`` is an enclosure, served from ``show.media_base_url`` when that is
        set, behind ``show.enclosure_prefix`` when that is set.
        """
        if not url:
            self.problem(where, f"{what} has no URL")
            return None
        if media:
            url = strip_enclosure_prefix(self.config, url)
        if not is_web_url(url):
            self.problem(where, f"{what} URL is not absolute: {url}")
            return None
        base = media_base(self.config) if media else site_base(self.config)
        if not url.startswith(base):
            option = "show.media_base_url" if base != site_base(self.config) else "show.base_url"
            self.outdated(where, f"{what} URL {url} is outside {option} ({base})")
            return None
        public = self.public.resolve()
        file = (public / unquote(urlsplit(url[len(base):]).path)).resolve()
        if public not in file.parents:
            self.problem(where, f"{what} URL {url} points outside public/")
            return None
        if not file.is_file():
            self.problem(where, f"{what}: {self.rel(file)} not found ({url})")
            return None
        return file

