"""Commit: everything rendered and staged first, then put into ``public/`` in an order that
keeps the published feed true at every instant.

MP3s are named by their content (``<slug>.<hash>.mp3``, see ``audio_file_name``), so a file
the live feed points at is never rewritten. The steps, each a fault-injection point:

1. ``commit:start`` — every file to publish (transcripts, chapters, artwork, pages, the feed)
   has been rendered and written under the staging folder; nothing in ``public/`` changed.
2. ``commit:audio`` (after each) — new MP3s renamed into ``public/episodes/`` beside the
   ones the live feed still names.
3. ``commit:files`` — the files beside the MP3s, artwork and pages renamed into place.
4. ``commit:feed`` — the feed renamed into place: from here it names the new MP3s.
5. ``commit:manifest`` — files no episode uses any more deleted (old MP3s, removed posts);
   the manifest is written next, last of all.
6. ``commit:done`` — the manifest is in place.

A kill anywhere leaves a feed (old or new) whose every enclosure exists with its stated
length; at worst unused files stay until the next build, which deletes them. A file whose
content is unchanged is not written at all. SIGINT and SIGTERM wait until the commit is done.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import signal
import threading
from collections.abc import Callable
from pathlib import Path

from podcaster.build import faults
from podcaster.build.manifest import (
    AudioStore,
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
from podcaster.publish.feed import render_feed
from podcaster.publish.layout import (
    EPISODES,
    FEED_NAME,
    cover_name,
    episode_art,
    is_audio_name,
    stale_episode_art,
)
from podcaster.publish.site import render_site
from podcaster.publish.tag import render_episode_sidecars, sidecar_path
from podcaster.publish.waveform import peaks_path, render_peaks

log = logging.getLogger(__name__)

def commit(config: Config, store: AudioStore, staging: Path, done: list[Plan],
           kept: list[EpisodeRecord], old: Manifest) -> tuple[list[Episode], list[str]]:
    """Put everything in place in public/ (files made under ``staging`` first); return the
    published episodes and removed slugs. ``store`` holds the encoded audio kept in the cache:
    what no published episode uses is dropped."""
    public_dir, project_dir = config.public_dir, config.project_dir
    episodes = [p.episode for p in done]
    episodes += [episode_from_record(r, public_dir, project_dir) for r in kept]
    episodes.sort(key=lambda e: (e.post.date, e.post.slug))
    new = Manifest({r.slug: r for r in kept})
    audio = {p.post.slug: p.staged for p in done if p.staged is not None}
    # an unchanged episode whose peaks file is gone has its peaks stored with its audio
    keys = {p.post.slug: p.audio_key for p in done} | {r.slug: r.audio_key for r in kept}

    def stored_peaks(slug: str) -> object:
        return store.peaks(keys[slug]) if slug in keys else None

    files = render_publication(config, episodes, audio, stored_peaks)
    staged = stage_files(staging / "public", public_dir, files)
    with _deferred_interrupts():
        faults.point("commit:start")
        for plan in done:
            if plan.staged is not None:
                install(plan.staged, plan.episode.audio_path)
                faults.point("commit:audio")
        feed = staged.pop(FEED_NAME, None)
        for relative, path in staged.items():
            install(path, public_dir / relative)
        faults.point("commit:files")
        if feed is not None:
            install(feed, public_dir / FEED_NAME)
        faults.point("commit:feed")
        for plan in done:
            new.episodes[plan.post.slug] = episode_record(
                plan.episode, audio_key=plan.audio_key, tags_key=plan.tags_key,
                sha256=plan.sha256, mtime_ns=plan.episode.audio_path.stat().st_mtime_ns,
                public_dir=public_dir, project_dir=project_dir)
        removed = sorted(set(old.episodes) - set(new.episodes))
        for path in unused_files(config, episodes, old, new):
            log.info("removing %s", path)
            path.unlink(missing_ok=True)
        faults.point("commit:manifest")
        write_atomic(manifest_path(public_dir), new.to_bytes())
        faults.point("commit:done")
    # Audio no published episode uses is dropped from the cache (clips stay).
    store.prune({r.audio_key for r in new.episodes.values()})
    return episodes, removed


def render_publication(config: Config, episodes: list[Episode], staged: dict[str, Path],
                       stored_peaks: Callable[[str], object] | None = None,
                       ) -> dict[str, bytes | Path]:
    """Every file the commit publishes besides the MP3s, by path relative to ``public/``:
    bytes rendered here, or the file to copy (cover, episode artwork). ``staged`` holds the
    new MP3s by slug (the others are in ``public/``); ``stored_peaks(slug)`` gives the peaks
    kept for an episode's audio, if any (see ``waveform.render_peaks``). Raises before
    anything is written, so a value that cannot be rendered leaves ``public/`` untouched."""
    files: dict[str, bytes | Path] = {}
    peaks: dict[str, bytes] = {}
    for episode in episodes:
        for suffix, data in render_episode_sidecars(config, episode).items():
            files[f"episodes/{sidecar_path(episode, suffix).name}"] = data
        slug = episode.post.slug
        peaks[slug] = render_peaks(episode, staged.get(slug, episode.audio_path), stored_peaks)
        files[f"episodes/{peaks_path(episode).name}"] = peaks[slug]
    files[cover_name(config)] = Path(config.show.cover)
    files.update(episode_art(episodes))
    files.update(render_site(config, episodes, peaks))
    files[FEED_NAME] = render_feed(config, episodes, exists=lambda relative: relative in files)
    return files


def stage_files(staging: Path, public_dir: Path, files: dict[str, bytes | Path]) -> dict[str, Path]:
    """Write each file whose content differs from ``public/``'s under ``staging``; return the
    staged files by path relative to ``public/`` (the feed last)."""
    staged: dict[str, Path] = {}
    for relative, content in sorted(files.items(), key=lambda kv: kv[0] == FEED_NAME):
        data = content.read_bytes() if isinstance(content, Path) else content
        dest = public_dir / relative
        if dest.is_file() and dest.stat().st_size == len(data) and dest.read_bytes() == data:
            continue
        path = staging / relative
        write_atomic(path, data)
        staged[relative] = path
    return staged


def unused_files(config: Config, episodes: list[Episode], old: Manifest,
                 new: Manifest) -> list[Path]:
    """Files in ``public/episodes/`` that no published episode uses any more: MP3s other than
    each episode's current one (older versions, ones left by a killed build), the files of
    removed posts, and artwork a post no longer has."""
    folder = config.public_dir / EPISODES
    current = {e.audio_path.name for e in episodes}
    live = {e.post.slug for e in episodes}
    unused = set(stale_episode_art(config, episodes))
    if folder.is_dir():
        for path in folder.iterdir():
            if path.name in current or not path.is_file():
                continue
            if is_audio_name(path.name) or (
                    path.suffix == ".mp3" and path.stem in live):  # a name from before hashing
                unused.add(path)
    for slug in set(old.episodes) - set(new.episodes):
        unused.update(episode_files(folder, slug, live))
    return sorted(p for p in unused if p.name not in current)


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
