"""Commit: staged MP3s renamed into ``public/episodes/``, then the files beside them, the
feed and pages, the removal of episodes whose post is gone, and last the manifest.

Every file goes to a temporary name and is renamed into place; a file whose content is
unchanged is not written at all. SIGINT and SIGTERM wait until the commit is done.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import signal
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from podcaster.build import faults
from podcaster.build.manifest import (
    EpisodeRecord,
    Manifest,
    episode_from_record,
    episode_record,
    file_sha256,
    manifest_path,
)
from podcaster.build.plan import Plan
from podcaster.config import Config
from podcaster.files import copy_atomic, write_atomic
from podcaster.model import Episode
from podcaster.publish.feed import cover_name, publish_episode_art, render_feed
from podcaster.publish.site import write_site
from podcaster.publish.tag import write_episode_sidecars

if TYPE_CHECKING:
    from podcaster.build.run import Build

log = logging.getLogger(__name__)


def commit(build: Build, done: list[Plan], kept: list[EpisodeRecord],
           old: Manifest) -> tuple[list[Episode], list[str]]:
    """Put everything in place in public/; return the published episodes and removed slugs."""
    episodes = [p.episode for p in done]
    episodes += [episode_from_record(r, build.public_dir, build.project_dir) for r in kept]
    episodes.sort(key=lambda e: (e.post.date, e.post.slug))
    new = Manifest({r.slug: r for r in kept})
    with _deferred_interrupts():
        faults.point("commit:start")
        for plan in done:
            if plan.staged is not None:
                install(plan.staged, plan.episode.audio_path)
                faults.point("commit:audio")
        for episode in episodes:
            write_episode_files(build.config, episode)
        faults.point("commit:episode-files")
        publish(build.config, episodes)
        faults.point("commit:published")
        for plan in done:
            new.episodes[plan.post.slug] = episode_record(
                plan.episode, audio_key=plan.audio_key, tags_key=plan.tags_key,
                sha256=plan.sha256, mtime_ns=plan.episode.audio_path.stat().st_mtime_ns,
                public_dir=build.public_dir, project_dir=build.project_dir)
        removed = sorted(set(old.episodes) - set(new.episodes))
        for slug in removed:
            for path in episode_files(build.episodes_dir, slug, set(new.episodes)):
                log.info("removing %s", path)
                path.unlink(missing_ok=True)
        faults.point("commit:manifest")
        write_atomic(manifest_path(build.public_dir), new.to_bytes())
    # Audio no published episode uses is dropped from the cache (clips stay).
    build.store.prune({r.audio_key for r in new.episodes.values()})
    return episodes, removed


def write_episode_files(config: Config, episode: Episode) -> None:
    """Write the per-episode files beside the MP3 (``public/episodes/<slug>.*``).

    Called at commit for every published episode, built or unchanged, after its MP3 is in
    place. Writers use ``write_atomic``, which leaves files whose content is unchanged alone.
    Every file must be named ``<slug>.<ext>`` so removing the post removes it.
    """
    write_episode_sidecars(config, episode)


def publish(config: Config, episodes: list[Episode]) -> None:
    """Write the project-wide files, each only if its content changed: the show's cover,
    episode artwork, the feed and the web pages."""
    copy_atomic(Path(config.show.cover), config.public_dir / cover_name(config))
    publish_episode_art(config, episodes)
    write_atomic(config.public_dir / "feed.xml", render_feed(config, episodes))
    write_site(config, episodes)


def install(staged: Path, dest: Path) -> bool:
    """Rename ``staged`` onto ``dest`` unless ``dest`` already holds the same bytes.

    True if ``dest`` was replaced. Falls back to an atomic copy across file systems.
    """
    if dest.is_file() and dest.stat().st_size == staged.stat().st_size \
            and file_sha256(dest) == file_sha256(staged):
        staged.unlink()
        return False
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.replace(staged, dest)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        copy_atomic(staged, dest)
        staged.unlink()
    return True


def episode_files(episodes_dir: Path, slug: str, live: set[str]) -> list[Path]:
    """The files of ``episodes_dir`` that belong to ``slug`` (``<slug>.<ext>``).

    A file that belongs to a longer live slug (``a.b.mp3`` when ``a.b`` is live and ``a`` is
    not) is not ``slug``'s.
    """
    if not episodes_dir.is_dir():
        return []
    prefix = slug + "."
    others = [s + "." for s in live if s.startswith(prefix)]
    return sorted(
        p for p in episodes_dir.iterdir()
        if p.is_file() and p.name.startswith(prefix)
        and not any(p.name.startswith(o) for o in others)
    )


@contextlib.contextmanager
def _deferred_interrupts():
    """Hold SIGINT/SIGTERM back while public/ is being updated, then act on them."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    sigs = [signal.SIGINT, signal.SIGTERM]
    previous = {s: signal.signal(s, lambda signum, frame: received.append(signum))
                for s in sigs}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        if signal.SIGTERM in received:
            os.kill(os.getpid(), signal.SIGTERM)
        if received:
            raise KeyboardInterrupt
