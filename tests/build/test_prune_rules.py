"""``cache prune`` from both sides: the clips of current posts (drafts too, and those of the
engine asked for) stay and the others go; a dry run counts without removing and needs no
lock; a real prune takes the build lock and, while a build holds it, removes nothing."""

from __future__ import annotations

import os

import pytest

from podcaster.build.lock import LOCK_NAME, BuildLock
from podcaster.build.prune import planned_keys, prune_clips
from podcaster.config import load_config
from podcaster.errors import BuildLockedError
from podcaster.speech.cache import ClipCache, PruneResult
from tests.helpers import POSTS, make_project

STALE = "ee" + "0" * 62
DRAFT = "---\ndraft: true\n---\n" + """\
비밀 원고
안녕하세요 시험 작가입니다.
“아직 공개하지 않은 기사의 문장이다.”
이상 오늘의 소식이었습니다.
"""
PCM = b"\x00\x01" * 200


@pytest.fixture
def config(tmp_path):
    posts = dict(list(POSTS.items())[:2])
    posts["2025-03-09-secret.md"] = DRAFT
    return load_config(make_project(tmp_path / "show", posts))


def fill(config, keys) -> ClipCache:
    cache = ClipCache(config.cache_dir)
    for key in keys:
        cache.put(key, PCM, 22050)
    return cache


def clips(config) -> set[str]:
    return {p.stem for p in (config.cache_dir / "clips").rglob("*.wav")}


def draft_only_keys(config) -> set[str]:
    os.rename(config.posts_dir / "2025-03-09-secret.md", config.project_dir / "secret.md")
    try:
        published = planned_keys(config)
    finally:
        os.rename(config.project_dir / "secret.md", config.posts_dir / "2025-03-09-secret.md")
    return planned_keys(config) - published


def test_the_clips_of_a_draft_are_planned_with_the_published_posts(config):
    extra = draft_only_keys(config)
    assert len(extra) >= 2  # the draft's title and quote


def test_a_prune_removes_only_the_clips_no_post_uses(config):
    used = planned_keys(config)
    fill(config, used | {STALE})
    result = prune_clips(config)
    assert (result.removed, result.kept) == (1, len(used))
    assert result.freed == 44 + len(PCM)  # a WAV header and the samples
    assert clips(config) == used


def test_a_dry_run_counts_the_same_and_removes_nothing(config):
    used = planned_keys(config)
    fill(config, used | {STALE})
    assert prune_clips(config, dry_run=True) == PruneResult(1, 44 + len(PCM), len(used))
    assert clips(config) == used | {STALE}


def test_the_engine_asked_for_decides_which_clips_are_in_use(config):
    espeak, gtts = planned_keys(config), planned_keys(config, "gtts")
    assert espeak.isdisjoint(gtts)
    one = {sorted(gtts)[0]}
    fill(config, espeak | one)
    assert prune_clips(config, "gtts", dry_run=True) == PruneResult(
        len(espeak), len(espeak) * (44 + len(PCM)), 1)
    assert prune_clips(config, "gtts") == PruneResult(len(espeak), len(espeak) * (44 + len(PCM)), 1)
    assert clips(config) == one


def test_a_prune_while_a_build_holds_the_lock_removes_nothing(config):
    used = planned_keys(config)
    fill(config, used | {STALE})
    lock = config.cache_dir / LOCK_NAME
    with BuildLock(lock):
        with pytest.raises(BuildLockedError) as raised:
            prune_clips(config)
        assert prune_clips(config, dry_run=True).removed == 1  # counting needs no lock
    assert raised.value.message == (
        f"{lock}: another build of this project is running (pid {os.getpid()}); wait for it "
        "to finish, then prune again")
    assert clips(config) == used | {STALE}
    assert prune_clips(config).removed == 1  # the lock is free again
