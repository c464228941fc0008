"""Whether ``public/`` already holds what this build would publish.

When every episode is unchanged, the commit would render the feed, the pages and every
episode's files only to find them equal to what is there. For a blog of a thousand posts
that rendering is most of a no-op rebuild, so after each commit the build notes, in
``.podcaster-cache/published.json``:

- a digest of everything the published files are made from: podcaster's version, code
  and templates (by size and time), the settings, every episode's keys, number and post bytes, the files beside
  the posts (episode artwork) and the cover;
- the size and modification time of every file under ``public/``.

A build whose episodes are all unchanged and whose digest and files match skips the commit.
A file in ``public/`` changed, added or removed by hand makes the build commit as usual,
which puts it right.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

from podcaster import __version__
from podcaster.build.manifest import FileDigests, Manifest
from podcaster.build.plan import FORMAT_VERSION, Action, Plan
from podcaster.config import Config
from podcaster.files import parse_json, write_atomic

log = logging.getLogger(__name__)

STATE_NAME = "published.json"
PACKAGE = Path(__file__).resolve().parents[1]  # podcaster's code, templates and assets


def _files(folder: Path) -> list[tuple[str, int, int]]:
    """Every file under ``folder``: (relative path, size, mtime in ns), sorted."""
    found = []
    if not folder.is_dir():
        return found
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            try:
                st = os.stat(path)
            except OSError:
                continue
            found.append((os.path.relpath(path, folder), st.st_size, st.st_mtime_ns))
    return sorted(found)


def inputs_key(config: Config, digests: FileDigests, plans: list[Plan]) -> str:
    """Digest of what the published files are made from (files by their ``digests``)."""
    cover = Path(config.show.cover)
    data = {
        "version": [__version__, FORMAT_VERSION],
        "code": [f for f in _files(PACKAGE) if "__pycache__" not in f[0]],
        "settings": [config.values, config.tables],
        "cover": digests(cover) if cover.is_file() else str(cover),
        "posts": _files(config.posts_dir),
        "episodes": [[p.post.slug, p.number, p.audio_key, p.tags_key, p.sha256,
                      hashlib.sha256(p.post.raw).hexdigest()] for p in plans],
    }
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _state_path(config: Config) -> Path:
    return config.cache_dir / STATE_NAME


def up_to_date(config: Config, digests: FileDigests, done: list[Plan],
               manifest: Manifest) -> bool:
    """Whether committing ``done`` (all published before, none changed) would write nothing."""
    if any(p.action is not Action.KEEP for p in done):
        return False
    if set(manifest.episodes) != {p.post.slug for p in done}:
        return False
    try:
        state = parse_json(_state_path(config).read_bytes())
    except (OSError, ValueError):
        return False
    if not isinstance(state, dict) or state.get("inputs") != inputs_key(config, digests, done):
        return False
    files = [list(f) for f in _files(config.public_dir)]
    if state.get("files") != files:
        log.info("public/ changed since the last build: publishing again")
        return False
    return True


def forget(config: Config) -> None:
    """Drop the note before a commit (a commit cut short must not look complete)."""
    _state_path(config).unlink(missing_ok=True)


def remember(config: Config, digests: FileDigests, done: list[Plan]) -> None:
    """Note what was just published (after a complete commit of every post)."""
    state = {"inputs": inputs_key(config, digests, done),
             "files": [list(f) for f in _files(config.public_dir)]}
    try:
        write_atomic(_state_path(config), json.dumps(state, ensure_ascii=False).encode("utf-8"))
    except OSError as exc:  # only a shortcut: the next build commits as usual
        log.warning("%s: cannot write: %s", _state_path(config), exc.strerror)
