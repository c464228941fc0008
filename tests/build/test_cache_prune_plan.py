"""`podcaster cache prune` plans through the build's plan: it holds the build lock (a running
build keeps every clip), reads posts with the build's checks, and uses the plan cache."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from podcaster.build import build_project
from podcaster.build.lock import LOCK_NAME, BuildLock
from podcaster.build.prune import planned_keys
from podcaster.cli import main
from podcaster.config import load_config
from podcaster.errors import BuildLockedError, PostError
from podcaster.speech.cache import ClipCache
from podcaster.text import read as read_module
from tests.helpers import POSTS, make_project


@pytest.fixture
def built(tmp_path):
    project = make_project(tmp_path / "show")
    build_project(project)
    return project


def test_prune_while_a_build_runs_removes_nothing_and_exits_6(built):
    config = load_config(built)
    cache = ClipCache(config.cache_dir)
    (built / "posts" / "2025-03-03-night-train.txt").unlink()  # its clips are now unused
    before = cache.keys()
    with BuildLock(config.cache_dir / LOCK_NAME):  # as a running build holds it
        result = CliRunner().invoke(main, ["cache", "prune", str(built)])
    assert result.exit_code == BuildLockedError.exit_code == 6, result.output
    assert "another build of this project is running" in result.output
    assert "prune again" in result.output
    assert cache.keys() == before
    dry = CliRunner().invoke(main, ["cache", "prune", "--dry-run", str(built)])
    assert dry.exit_code == 0, dry.output  # counting removes nothing: no lock needed
    after = CliRunner().invoke(main, ["cache", "prune", str(built)])
    assert after.exit_code == 0, after.output
    assert cache.keys() < before


def test_planned_keys_take_unchanged_posts_from_the_plan_cache(built, monkeypatch):
    reads = []
    real = read_module.read_post

    def counting(path, **options):
        reads.append(path.name)
        return real(path, **options)

    monkeypatch.setattr(read_module, "read_post", counting)
    config = load_config(built)
    assert planned_keys(config) == ClipCache(config.cache_dir).keys()
    assert reads == []  # every post as the last build planned it


def test_a_post_outside_the_project_is_refused_as_the_build_refuses_it(built, tmp_path):
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(POSTS["2025-03-01-spring-rain.txt"], encoding="utf-8")
    link = built / "posts" / "2025-03-09-elsewhere.txt"
    os.symlink(outside, link)
    with pytest.raises(PostError) as build_error:
        build_project(built)
    with pytest.raises(PostError) as prune_error:
        planned_keys(load_config(built))
    assert str(link) in prune_error.value.message
    assert prune_error.value.message.split(": ", 1)[1] == \
        build_error.value.message.split(": ", 1)[1]


def test_drafts_keep_their_clips(built):
    post = built / "posts" / "2025-03-08-night-bus.md"
    text = POSTS["2025-03-03-night-train.txt"].replace("기차", "버스")
    config = load_config(built)
    without = planned_keys(config)
    post.write_text("---\ndraft: false\n---\n" + text, encoding="utf-8")
    published = planned_keys(config)
    post.write_text("---\ndraft: true\n---\n" + text, encoding="utf-8")
    assert planned_keys(config) == published > without
