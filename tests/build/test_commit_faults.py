"""A build killed at any moment of its commit leaves a feed whose every enclosure exists
with exactly the length the feed states; the next build finishes the job."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import time

import pytest

from podcaster.build import build_project
from podcaster.check import check_project
from tests.helpers import built_project, podcaster_cmd, snapshot

# The commit's fault points, in the order the commit reaches them (see podcaster.build.commit).
COMMIT_POINTS = ["commit:start", "commit:audio", "commit:audio#2", "commit:files",
                 "commit:feed", "commit:manifest", "commit:done"]

NEW_POST = """\
바닷바람 발전소
안녕하세요 시험 작가입니다.
“남해안에 바닷바람으로 전기를 만드는 발전 단지가 새로 들어선다.”
겨울 바다의 바람이 쓸모가 많네요.
이상 오늘의 소식이었습니다.
1. 남해안 해상 풍력 단지 착공 -바다신문-
https://sea.example.org/wind
"""

# Problems about posts/ and the feed disagreeing are expected until the commit's feed step;
# anything else (a missing file, a wrong length, unreadable audio) would be a broken feed.
EXPECTED_WHILE_OLD_FEED = ("post is not in the feed", "no post in posts/ has the slug",
                           "older than")


def changed_project(tmp_path_factory, dest):
    """A built project with every kind of change: a post edited (new audio), one removed,
    one added, and a new author (every MP3 re-tagged, so every MP3 gets a new name)."""
    project = built_project(tmp_path_factory, dest)
    post = project / "posts" / "2025-03-01-spring-rain.txt"
    post.write_text(post.read_text(encoding="utf-8").replace("꽃이", "벚꽃이"), encoding="utf-8")
    (project / "posts" / "2025-03-03-night-train.txt").unlink()
    (project / "posts" / "2025-03-05-sea-wind.txt").write_text(NEW_POST, encoding="utf-8")
    toml = project / "podcast.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("시험 작가", "새 작가"),
                    encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def primed(tmp_path_factory):
    """The changed project after one build killed at the start of its commit: public/ is the
    old build, the new audio waits in the cache (so each later build only tags)."""
    project = changed_project(tmp_path_factory, tmp_path_factory.mktemp("primed") / "show")
    before = snapshot(project / "public")
    proc = run_build(project, fault="commit:start=kill")
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert snapshot(project / "public") == before
    return project


def run_build(project, fault: str | None = None, **popen) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    env.pop("PODCASTER_FAULT", None)
    if fault:
        env["PODCASTER_FAULT"] = fault
    return subprocess.run(podcaster_cmd("-q", "build", str(project)), capture_output=True,
                          text=True, timeout=300, env=env, **popen)


def broken_links(project) -> list[str]:
    """What ``podcaster check`` finds wrong in public/ itself (posts/ aside)."""
    return [str(p) for p in check_project(project).problems
            if not any(e in p.message for e in EXPECTED_WHILE_OLD_FEED)]


def copy_of(primed, tmp_path):
    dest = tmp_path / "show"
    shutil.copytree(primed, dest, symlinks=True)
    return dest


@pytest.mark.parametrize("point", COMMIT_POINTS)
def test_a_kill_at_each_commit_step_leaves_a_consistent_feed(primed, tmp_path, point):
    project = copy_of(primed, tmp_path)
    name, _, nth = point.partition("#")
    fault = f"{name}=count:{nth}=kill" if nth else f"{name}=kill"

    proc = run_build(project, fault=fault)

    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert (project / "public" / "feed.xml").is_file()
    assert broken_links(project) == []
    result = build_project(project)  # the next build finishes the job
    assert result.failed == []
    assert [str(p) for p in check_project(project).problems] == []
    mp3s = sorted(p.name.split(".")[0] for p in (project / "public/episodes").glob("*.mp3"))
    assert mp3s == ["robot-library", "sea-wind", "spring-rain"]  # no file left behind


def test_random_kills_during_the_commit_leave_a_consistent_feed(primed, tmp_path):
    """Kills at random instants (bounded: PODCASTER_KILLS, 8 by default)."""
    project = copy_of(primed, tmp_path)
    rng = random.Random(int(os.environ.get("PODCASTER_KILL_SEED", "14")))
    # How long a build takes to reach its commit and finish it, on this machine.
    started = time.monotonic()
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    env.pop("PODCASTER_FAULT", None)
    reference = copy_of(primed, tmp_path / "reference")
    assert run_build(reference).returncode == 0
    whole = time.monotonic() - started
    for _ in range(int(os.environ.get("PODCASTER_KILLS", "8"))):
        proc = subprocess.Popen(podcaster_cmd("-q", "build", str(project)), env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.0) * whole)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        if (project / "public" / "feed.xml").is_file():
            assert broken_links(project) == []
    assert run_build(project).returncode == 0
    assert [str(p) for p in check_project(project).problems] == []
