"""``podcaster import``: the feed's new and changed entries become post files in ``posts/``.

Two phases, like the build: first every entry is planned and its content fetched (nothing
written), then the post files are written atomically and the import record last. A feed
that cannot be fetched or read stops the import with one line and writes nothing. A post
page that cannot be fetched skips its entry with a warning; the feed's validators are then
not kept, so the next run reads the whole feed and tries that page again.

What is fetched is only the blog's own: the feed's origin and those of
``source.allowed_origins`` (``podcaster.http.OriginPolicy``). What is written is only what a
build can read: every entry's post is read back by the post reader before it is written, and
an entry whose post it refuses is skipped with a warning, so no entry can stop later builds.
The import holds the project's import lock from reading the record to writing it; its
temporary files live in ``.podcaster-cache/``, never in ``posts/``.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from podcaster.errors import ConfigError, OutputError, PodcasterError, output_error
from podcaster.files import write_atomic
from podcaster.http import (
    DEADLINE,
    Fetcher,
    FetchError,
    Origin,
    OriginPolicy,
    checked_origin,
    parse_origin,
)
from podcaster.importer.encoding import decode_document
from podcaster.importer.extract import clean_html, extract_page, main_frame
from podcaster.importer.feed import FeedEntry, parse_feed
from podcaster.importer.options import ImportOptions
from podcaster.importer.post import file_name, generator_meta, post_date, render_post
from podcaster.importer.record import EntryState, FeedState, ImportLock, ImportRecord, digest
from podcaster.importer.robots import RobotsRules
from podcaster.text.read import find_posts, read_post
from podcaster.values import scrub_html

log = logging.getLogger(__name__)

FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/xml;q=0.9, "
               "text/xml;q=0.9, */*;q=0.1")
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
CACHE_DIR = ".podcaster-cache"  # the project's cache folder: the lock and temporary files
BACKOFF = 1.0  # seconds before the first retry of a request


@dataclass
class ImportResult:
    """What one import did. Paths are the post files written or left alone."""

    feed_url: str
    not_modified: bool = False  # the feed answered 304: nothing to do
    new: list[Path] = field(default_factory=list)
    updated: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)  # edited by the author: not replaced
    excluded: list[Path] = field(default_factory=list)  # imported, now left out by the filters
    pruned: list[Path] = field(default_factory=list)  # of those, removed (--prune)
    unchanged: int = 0
    skipped: int = 0  # left out by the filters or --since
    warnings: list[str] = field(default_factory=list)
    requests: int = 0


@dataclass
class _Planned:
    entry: FeedEntry
    path: Path
    data: bytes
    known: bool


def import_feed(project_dir: Path | str, feed_url: str, options: ImportOptions | None = None,
                fetcher: Fetcher | None = None) -> ImportResult:
    """Import ``feed_url`` into ``project_dir/posts/``. Raises FetchError (one line naming
    the URL and the problem) if the feed cannot be fetched or is not a feed, ConfigError for
    a bad ``source.allowed_origins``, OutputError (exit 8) if posts/ cannot be written."""
    options = options or ImportOptions()
    project = Path(project_dir)
    posts_dir = project / "posts"
    checked_origin(feed_url)
    extra = allowed_origins(options)
    own = fetcher is None
    fetcher = fetcher or Fetcher(timeout=DEADLINE, backoff=BACKOFF)
    try:
        with ImportLock(project / CACHE_DIR):
            tmp_dir = project / CACHE_DIR / "import-tmp"
            shutil.rmtree(tmp_dir, ignore_errors=True)  # what a killed import left
            tmp_dir.mkdir(parents=True)
            fetcher.policy = OriginPolicy.for_feed(feed_url, extra, resolver=fetcher.resolver)
            record = ImportRecord.load(posts_dir)
            return _Import(posts_dir, feed_url, options, fetcher, record, tmp_dir).run()
    except OSError as exc:
        raise output_error(exc) or OutputError(f"{exc.filename or posts_dir}: cannot write: "
                                               f"{exc.strerror or exc}") from None
    finally:
        if own:
            fetcher.close()


def allowed_origins(options: ImportOptions) -> list[Origin]:
    """The origins of ``source.allowed_origins``; raises ConfigError naming a bad one."""
    origins = []
    for text in options.allowed_origins:
        try:
            origins.append(parse_origin(str(text)))
        except ValueError as exc:
            raise ConfigError(f"source.allowed_origins: {str(text)[:100]!r} is not an origin "
                              f"({exc}); write scheme://host[:port], e.g. "
                              "https://blog.example.com") from None
    return origins


class _Import:
    def __init__(self, posts_dir: Path, feed_url: str, options: ImportOptions,
                 fetcher: Fetcher, record: ImportRecord, tmp_dir: Path):
        self.posts_dir = posts_dir
        self.tmp_dir = tmp_dir
        self.feed_url = feed_url
        self.options = options
        self.fetcher = fetcher
        self.record = record
        self.robots = RobotsRules(fetcher)
        self.result = ImportResult(feed_url)
        self.complete = True
        self.prune: list[tuple[str, Path]] = []  # entry ids and posts to remove
        self.taken = {e.file for e in record.entries.values()}
        # Posts already in posts/ by stem: an entry never becomes a second post of a name.
        self.existing = {p.stem: p for p in find_posts(posts_dir)} if posts_dir.is_dir() else {}

    def run(self) -> ImportResult:
        start = self.fetcher.requests
        selection = self.options.selection_digest()
        state = self.record.feeds.get(self.feed_url)
        conditional = state is not None and state.settings == selection \
            and not self.options.force and not self.options.prune
        response = self.fetcher.get(
            self.feed_url, accept=FEED_ACCEPT,
            etag=state.etag if conditional else None,
            last_modified=state.last_modified if conditional else None,
        )  # fmt: skip
        if response.status == 304:
            log.info("%s: not modified since the last import", self.feed_url)
            self.result.not_modified = True
        else:
            feed = parse_feed(response)
            for problem in feed.problems:
                self._warn(f"{self.feed_url}: {problem}")
            planned = [p for p in map(self._plan, feed.entries) if p is not None]
            self._write(planned)
            self._prune()
            validators = response.headers if self.complete else {}
            self.record.feeds[self.feed_url] = FeedState(
                validators.get("etag"), validators.get("last-modified"), selection)
            self.record.save(self.posts_dir, self.tmp_dir)
        self.result.requests = self.fetcher.requests - start
        return self.result

    def _warn(self, message: str) -> None:
        log.warning("%s", message)
        self.result.warnings.append(message)

    def _plan(self, entry: FeedEntry) -> _Planned | None:
        try:
            date = post_date(entry, self.options.time_zone)
        except (OverflowError, ValueError):
            self._warn(f"{self.feed_url}: {entry.title!r} is dated {entry.published:%Y-%m-%d}, "
                       f"which is no day in {self.options.time_zone}; skipped")
            self.result.skipped += 1
            return None
        reason = self.options.skip_reason(entry, date)
        if reason:
            log.info("%s: %r skipped: %s", self.feed_url, entry.title, reason)
            self.result.skipped += 1
            if self.options.filter_reason(entry):
                self._excluded(entry, reason)
            return None
        force = self.options.force
        known = self.record.entries.get(entry.id)
        if known is not None:
            path = self.posts_dir / known.file
            if not path.is_file() and not force:
                log.info("%s: removed from posts/ after its import; not imported again "
                         "(--force brings it back)", path)
                self.result.skipped += 1
                return None
            if path.is_file() and not self._imported_here(path):
                return self._keep(path, entry, "the import record names it, but it was not "
                                  "written by podcaster import from this feed")
            edited = path.is_file() and digest(path.read_bytes()) != known.digest
            if known.fingerprint == entry.fingerprint and not force:
                self.result.unchanged += 1
                return None
            if edited and not force:
                self._warn(f"{path}: edited since its import; the blog's newer version of "
                           f"{entry.title!r} is not imported (--force replaces the file)")
                self.result.kept.append(path)
                return None
        else:
            path = self.posts_dir / file_name(entry, self.options.time_zone, self.taken)
            self.taken.add(path.name)
            other = self.existing.get(path.stem)
            if other is not None and other != path:
                return self._keep(other, entry, "remove it to import the entry")
        body = self._content(entry)
        if body is None:
            return None
        data = render_post(entry, body, date, self.feed_url)
        if not self._readable(path, data, entry):
            return None
        if known is None and path.is_file() and not force and path.read_bytes() != data:
            return self._keep(path, entry, "--force replaces the file")
        return _Planned(entry, path, data, known is not None)

    def _excluded(self, entry: FeedEntry, reason: str) -> None:
        """An entry the filters now leave out: report its earlier import; with --prune,
        remove the post if it still holds exactly what the importer wrote."""
        known = self.record.entries.get(entry.id)
        if known is None:
            return
        path = self.posts_dir / known.file
        if path.is_symlink() or not path.is_file():
            return
        if not self._imported_here(path):
            self._warn(f"{path}: the import record names it, but it was not written by "
                       f"podcaster import from this feed; left as it is")
            return
        self.result.excluded.append(path)
        if digest(path.read_bytes()) != known.digest:
            self._warn(f"{path}: imported earlier, now left out ({reason}), but edited since "
                       "its import: remove it yourself if it should not be an episode")
        elif self.options.prune:
            self.prune.append((entry.id, path))
        else:
            self._warn(f"{path}: imported earlier, now left out ({reason}); it is still an "
                       "episode: `podcaster import --prune` removes it")

    def _imported_here(self, path: Path) -> bool:
        """Whether ``path`` is a post this feed's import wrote (it carries the generator
        line): a record edited to name another post must not replace or prune it."""
        return generator_meta(self.feed_url).encode("utf-8") in path.read_bytes()

    def _readable(self, path: Path, data: bytes, entry: FeedEntry) -> bool:
        """Whether the post reader reads ``data`` (tried outside posts/); warns if not."""
        trial = self.tmp_dir / path.name
        try:
            trial.write_bytes(data)
            read_post(trial)
        except PodcasterError as exc:
            problem = exc.format_message().removeprefix(f"{trial}: ")
            self._warn(f"{path}: {entry.title!r} is not imported: the post would not read "
                       f"({problem})")
            self.result.skipped += 1
            return False
        finally:
            trial.unlink(missing_ok=True)
        return True

    def _keep(self, path: Path, entry: FeedEntry, remedy: str) -> None:
        self._warn(f"{path}: a post of this name exists and was not imported from the feed; "
                   f"{entry.title!r} is not imported ({remedy})")
        self.result.kept.append(path)
        self.complete = False  # read the feed again next time: the author may resolve this

    def _content(self, entry: FeedEntry) -> str | None:
        """The entry's post as clean HTML; None (with a warning) when it cannot be had."""
        if entry.content:
            body = clean_html(entry.content, entry.title)
            if body:
                return body
        try:
            return self._page(entry)
        except FetchError as exc:
            self._warn(f"{exc.format_message()}; {entry.title!r} is not imported this time")
            if exc.refused:
                return None
            if exc.status is None or exc.status >= 500 or exc.status == 429:
                self.complete = False  # worth trying again on the next run
            return None

    def _page(self, entry: FeedEntry) -> str | None:
        url = entry.link
        for _ in range(2):  # the page, and the frame it may show the post in
            url = self.fetcher.policy.check(url)  # before its host's robots.txt is asked
            if not self.robots.allowed(url):
                self._warn(f"{url}: robots.txt does not allow podcaster to fetch this page; "
                           f"{entry.title!r} is not imported")
                return None
            page = self.fetcher.get(url, accept=PAGE_ACCEPT)
            text, warning = decode_document(page)
            text, removed = scrub_html(text)
            for problem in (warning, removed and f"{url}: {removed} and any like it removed "
                            f"from the page of {entry.title!r}"):
                if problem:
                    self._warn(problem)
            frame = main_frame(text, page.url)
            if frame is None:
                break
            url = frame
        body = extract_page(text, page.url, entry.title)
        if not body:
            self._warn(f"{page.url}: no post text found on the page; {entry.title!r} is not "
                       "imported")
        return body or None

    def _prune(self) -> None:
        """Remove the posts ``_excluded`` chose, and forget them: if the filters let them in
        again, they are imported again."""
        for entry_id, path in self.prune:
            path.unlink()
            del self.record.entries[entry_id]
            self.result.pruned.append(path)
            log.info("removed %s (left out by the filters)", path)

    def _write(self, planned: list[_Planned]) -> None:
        for item in planned:
            written = write_atomic(item.path, item.data, self.tmp_dir)
            if written:
                (self.result.updated if item.known else self.result.new).append(item.path)
                log.info("%s %s", "updated" if item.known else "imported", item.path)
            else:
                self.result.unchanged += 1
            self.record.entries[item.entry.id] = EntryState(
                self.feed_url, item.path.name, digest(item.data), item.entry.fingerprint)
