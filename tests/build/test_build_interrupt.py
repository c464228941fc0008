"""Real build processes killed, interrupted or terminated at named points, or started twice.

Every signal is sent by the build to itself at a fault-injection point (PODCASTER_FAULT), so
it lands at a known instant whatever the machine's load. The points are read from the build's
own source: a point added or renamed there is tested here without a change.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess

import pytest

from podcaster.build import build_project, faults, produce, run
from podcaster.build.commit import _deferred_interrupts
from podcaster.build.lock import BuildLock
from podcaster.build.manifest import MANIFEST_NAME
from podcaster.errors import BuildLockedError
from tests.helpers import (
    COMMIT,
    LONG_POST_NAME,
    NEW_POST,
    built_project,
    clip_count,
    fault_points,
    long_post,
    mp3_of,
    podcaster_cmd,
    run_cli,
    snapshot,
)

SENTENCES = 60
NEW_CLIPS = SENTENCES + 1  # and the title


# produce:synthesised is in produce.py; produce:workers is reached only with worker
# processes (its own test is in test_build_jobs.py)
BEFORE_COMMIT = [p for p in fault_points(run, produce) if p != "produce:workers"]
# Points reached once per clip: signal at the second, in the middle of synthesis.
PER_CLIP = {"synthesise:clip"}

GONE_POST = "2025-03-01-spring-rain.txt"


def test_the_points_are_found():
    assert {"plan:done", "synthesise:clip", "produce:synthesised"} <= set(BEFORE_COMMIT)
    assert len(COMMIT) >= 2 and all(p.startswith("commit:") for p in COMMIT)


def fault_env(spec: str) -> dict[str, str]:
    return dict(os.environ, PYTHONWARNINGS="ignore", **{faults.ENV: spec})


def start_build(project, *args, fault: str | None = None):
    env = fault_env(fault) if fault else dict(os.environ, PYTHONWARNINGS="ignore")
    return subprocess.Popen(podcaster_cmd(*args, "build", str(project)), env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def change_posts(project) -> None:
    """One post added, one removed (the later episodes move down a number)."""
    name, text = NEW_POST
    (project / "posts" / name).write_text(text, encoding="utf-8")
    (project / "posts" / GONE_POST).unlink()


def public_state(public) -> tuple[dict[str, str], dict]:
    """(every file but the manifest -> sha256, the manifest without file times), after
    checking that the manifest's times and digests are those of the files in ``public``."""
    files = {path: digest for path, (_, _, digest) in snapshot(public).items()
             if path != MANIFEST_NAME}
    manifest = json.loads((public / MANIFEST_NAME).read_text(encoding="utf-8"))
    for record in manifest["episodes"].values():
        mp3 = public / record["file"]
        assert mp3.stat().st_mtime_ns == record.pop("mtime_ns"), record["file"]
        assert files[mp3.relative_to(public).as_posix()] == record["sha256"]
    return files, manifest


@pytest.fixture
def project(tmp_path_factory, tmp_path):
    return built_project(tmp_path_factory, tmp_path / "show")


@pytest.fixture(scope="module")
def new_layout(tmp_path_factory):
    """What public/ holds after the changed project is built without interruption: its
    files' names and each episode's number (the bytes of new audio may differ a little
    from one synthesis to the next)."""
    project = built_project(tmp_path_factory, tmp_path_factory.mktemp("reference") / "show")
    change_posts(project)
    result = build_project(project)
    assert result.built == ["small-boat"] and result.removed == ["spring-rain"]
    return layout(public_state(project / "public"))


def layout(state) -> tuple[set[str], dict[str, int]]:
    """File names (an MP3's content hash left out) and episode numbers."""
    files, manifest = state
    names = {re.sub(r"\.[0-9a-f]{8,}\.mp3$", ".mp3", name) for name in files}
    return names, {slug: r["number"] for slug, r in manifest["episodes"].items()}


def assert_up_to_date(project) -> None:
    """A build now has nothing to do and changes nothing: public/ is one whole build."""
    state = public_state(project / "public")
    again = build_project(project)
    assert again.built == again.retagged == again.restored == again.removed == []
    assert public_state(project / "public") == state


CASES = [(p, "SIGINT") for p in BEFORE_COMMIT + COMMIT]
# SIGTERM: once in each phase, and at the first and last step of the commit.
CASES += [(p, "SIGTERM") for p in BEFORE_COMMIT + [COMMIT[0], COMMIT[-1]]]


@pytest.mark.slow
@pytest.mark.parametrize("point, sig", CASES)
def test_a_signal_leaves_public_entirely_old_or_entirely_new(project, new_layout, point, sig):
    public = project / "public"
    before = snapshot(public)
    change_posts(project)
    action = f"signal:{sig}"
    spec = f"{point}=count:2={action}" if point in PER_CLIP else f"{point}={action}"
    proc = start_build(project, fault=spec)
    _, err = proc.communicate(timeout=300)

    code, message = (130, "Interrupted.") if sig == "SIGINT" else (143, "Terminated.")
    assert proc.returncode == code, err
    assert err.strip().splitlines()[-1] == message
    assert not (project / ".podcaster-cache" / "staging").exists()
    if point in COMMIT:  # the commit finishes first: all new
        assert layout(public_state(public)) == new_layout
    else:  # nothing was touched, not even a file time
        assert snapshot(public) == before
        result = build_project(project)
        assert result.built == ["small-boat"]
        assert layout(public_state(public)) == new_layout
    assert_up_to_date(project)


@pytest.mark.slow
def test_sigkill_mid_synthesis_leaves_public_intact(project):
    (project / "posts" / LONG_POST_NAME).write_text(long_post(SENTENCES), encoding="utf-8")
    public = project / "public"
    before = snapshot(public)
    start = clip_count(project)
    proc = start_build(project, fault="synthesise:clip=count:10=kill")
    proc.communicate(timeout=300)
    made = clip_count(project)
    assert proc.returncode == -signal.SIGKILL
    assert 10 <= made - start < NEW_CLIPS

    assert snapshot(public) == before

    result = build_project(project)
    assert result.built == ["long-day"]
    assert result.stats.cached >= made - start  # the clips made before the kill are reused
    assert result.stats.synthesised == NEW_CLIPS - (made - start)
    assert mp3_of(public, "long-day").is_file()
    assert build_project(project).unchanged == [
        "spring-rain", "robot-library", "night-train", "long-day"]


@pytest.mark.slow
def test_a_second_build_is_refused_while_one_runs(project):
    change_posts(project)
    # The first build stops itself once it holds the lock and has planned.
    proc = start_build(project, "-q", fault="plan:done=signal:SIGSTOP")
    try:
        _, status = os.waitpid(proc.pid, os.WUNTRACED)
        assert os.WIFSTOPPED(status)
        second = run_cli("build", str(project))
        assert second.returncode == BuildLockedError.exit_code
        message = second.stderr.strip()
        assert "\n" not in message
        assert "another build of this project is running" in message
        assert f"pid {proc.pid}" in message
    finally:
        proc.send_signal(signal.SIGCONT)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err  # the first build goes on unharmed
    assert list((project / "public" / "episodes").glob("small-boat.*mp3"))


def test_lock_is_exclusive_and_released(tmp_path):
    path = tmp_path / "cache" / "build.lock"
    with BuildLock(path):
        with pytest.raises(BuildLockedError):
            with BuildLock(path):
                pass
    with BuildLock(path):  # released on exit
        pass


@pytest.fixture
def sigterm_recorded():
    """SIGTERM recorded instead of ending the test run."""
    got: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: got.append(signum))
    yield got
    signal.signal(signal.SIGTERM, previous)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_the_commit_finishes_before_a_signal_acts(sig, sigterm_recorded):
    # SIGINT's handler before: Python's, or SIG_IGN in a process started in the background
    sigint_before = signal.getsignal(signal.SIGINT)
    steps = []
    with pytest.raises(KeyboardInterrupt):
        with _deferred_interrupts():
            os.kill(os.getpid(), sig)
            steps.append("after the signal")
            os.kill(os.getpid(), sig)  # twice is still once
            steps.append("to the end")
    assert steps == ["after the signal", "to the end"]
    # SIGTERM is passed on to the handler there was before, once
    assert sigterm_recorded == ([signal.SIGTERM] if sig == signal.SIGTERM else [])
    assert signal.getsignal(signal.SIGINT) is sigint_before


def test_no_signal_no_interrupt(sigterm_recorded):
    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    with _deferred_interrupts():
        pass
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == before
    assert sigterm_recorded == []
