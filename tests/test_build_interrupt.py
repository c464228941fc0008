"""Real build processes: killed mid-synthesis, interrupted, or started twice at once."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest

from podcaster.build import build_project
from podcaster.build.lock import BuildLock
from podcaster.errors import BuildLockedError
from tests.build_fixtures import (
    LONG_POST_NAME,
    built_project,
    clip_count,
    long_post,
    mp3_of,
    podcaster_cmd,
    run_cli,
    snapshot,
)

SENTENCES = 60
NEW_CLIPS = SENTENCES + 1  # and the title


@pytest.fixture
def project(tmp_path_factory, tmp_path):
    project = built_project(tmp_path_factory, tmp_path / "show")
    (project / "posts" / LONG_POST_NAME).write_text(long_post(SENTENCES), encoding="utf-8")
    return project


def start_build(project, *args):
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    return subprocess.Popen(podcaster_cmd(*args, "build", str(project)), env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_synthesis(proc, project, start_count, timeout=60.0):
    """Wait until the build has synthesised a first new clip; return the count then."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        n = clip_count(project)
        if n > start_count:
            return n
        if proc.poll() is not None:
            pytest.fail(f"build ended before synthesising: {proc.communicate()}")
        time.sleep(0.005)
    proc.kill()
    pytest.fail("build did not start synthesising")


def test_sigkill_mid_synthesis_leaves_public_intact(project):
    public = project / "public"
    before = snapshot(public)
    start = clip_count(project)
    proc = start_build(project)
    wait_for_synthesis(proc, project, start)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    made = clip_count(project)
    assert proc.returncode == -signal.SIGKILL
    assert made - start < NEW_CLIPS, "the build was killed after synthesis ended"

    assert snapshot(public) == before

    result = build_project(project)
    assert result.built == ["long-day"]
    assert result.stats.cached >= made - start  # the clips made before the kill are reused
    assert result.stats.synthesised == NEW_CLIPS - (made - start)
    assert mp3_of(public, "long-day").is_file()
    assert build_project(project).unchanged == [
        "spring-rain", "robot-library", "night-train", "long-day"]


def test_ctrl_c_mid_synthesis_exits_130_with_public_intact(project):
    public = project / "public"
    before = snapshot(public)
    proc = start_build(project)
    wait_for_synthesis(proc, project, clip_count(project))
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert err.strip().splitlines()[-1] == "Interrupted."
    assert snapshot(public) == before
    assert not (project / ".podcaster-cache" / "staging").exists()


def test_a_second_build_is_refused_while_one_runs(project):
    proc = start_build(project, "-q")
    wait_for_synthesis(proc, project, clip_count(project))
    started = time.monotonic()
    second = run_cli("build", str(project))
    assert proc.poll() is None, "the first build ended before the second was tried"
    assert second.returncode == BuildLockedError.exit_code
    assert time.monotonic() - started < 20
    message = second.stderr.strip()
    assert "\n" not in message
    assert "another build of this project is running" in message
    assert f"pid {proc.pid}" in message
    proc.kill()
    proc.communicate(timeout=30)


def test_lock_is_exclusive_and_released(tmp_path):
    path = tmp_path / "cache" / "build.lock"
    with BuildLock(path):
        with pytest.raises(BuildLockedError):
            with BuildLock(path):
                pass
    with BuildLock(path):  # released on exit
        pass
