"""Episodes assembled in worker processes: the same bytes as one job, errors and Ctrl-C."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import time

import pytest

from podcaster.build import build_project
from podcaster.build.manifest import MANIFEST_NAME
from podcaster.build.workers import build_jobs, usable_cores
from podcaster.config import load_config
from podcaster.errors import ConfigError
from tests.helpers import make_project, podcaster_cmd, snapshot

SLUGS = ["spring-rain", "robot-library", "night-train"]


def manifest_without_mtimes(public):
    episodes = json.loads((public / MANIFEST_NAME).read_bytes())["episodes"]
    return {slug: {k: v for k, v in e.items() if k != "mtime_ns"} for slug, e in episodes.items()}


def fresh_copy(source, dest):
    """``source`` without public/ and without stored episode audio: its clips only, so a
    build of the copy assembles and encodes every episode again."""
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("public", "episodes"))
    return dest


def test_one_job_and_two_jobs_publish_the_same_bytes(tmp_path, caplog):
    one = make_project(tmp_path / "one")
    assert build_project(one, build_jobs=1).built == SLUGS
    two = fresh_copy(one, tmp_path / "two")
    with caplog.at_level(logging.INFO, logger="podcaster.build.workers"):
        result = build_project(two, build_jobs=2)
    assert result.built == SLUGS
    assert result.stats.synthesised == 0
    assert "assembling with 2 worker process(es)" in caplog.text

    a, b = snapshot(one / "public"), snapshot(two / "public")
    assert set(a) == set(b)
    for name in set(a) - {MANIFEST_NAME}:
        assert a[name][1:] == b[name][1:], name  # size and sha256
    assert manifest_without_mtimes(one / "public") == manifest_without_mtimes(two / "public")
    assert not (two / ".podcaster-cache" / "staging").exists()


def test_jobs_default_to_the_usable_cores_and_never_exceed_the_episodes(tmp_path):
    assert usable_cores() == len(os.sched_getaffinity(0))
    assert build_jobs(0, 100) == usable_cores()
    assert build_jobs(8, 3) == 3
    assert build_jobs(4, 0) == 1
    project = make_project(tmp_path / "show")
    assert load_config(project).build.jobs == 0
    with (project / "podcast.toml").open("a", encoding="utf-8") as fh:
        fh.write("\n[build]\njobs = -1\n")
    with pytest.raises(ConfigError, match="build.jobs must be between 0 and"):
        load_config(project)


def run_with_fault(project, fault, *args):
    env = dict(os.environ, PYTHONWARNINGS="ignore", PODCASTER_FAULT=fault)
    return subprocess.run(podcaster_cmd("-q", "build", str(project), "--build-jobs", "2", *args),
                          capture_output=True, text=True, timeout=300, env=env)


def test_a_failure_in_a_worker_stops_the_build_and_publishes_nothing(tmp_path):
    project = make_project(tmp_path / "show")
    proc = run_with_fault(project, "produce:assemble:robot-library=error")
    assert proc.returncode not in (0, 70), proc.stderr  # a clean error, not a traceback
    assert "input/output error" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not list((project / "public").glob("**/*.mp3"))
    assert not (project / ".podcaster-cache" / "staging").exists()
    # the fault gone, the next build makes every episode
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    again = subprocess.run(podcaster_cmd("-q", "build", str(project), "--build-jobs", "2"),
                           capture_output=True, text=True, timeout=300, env=env)
    assert again.returncode == 0, again.stderr
    assert len(list((project / "public").glob("episodes/*.mp3"))) == 3


def test_ctrl_c_while_workers_assemble_exits_130_and_stops_them(tmp_path):
    project = make_project(tmp_path / "show")
    build_project(project, build_jobs=1)
    public = project / "public"
    before = snapshot(public)
    for post in (project / "posts").iterdir():  # every episode to assemble again
        post.write_text(post.read_text(encoding="utf-8").replace("안녕하세요", "안녕하십니까"),
                        encoding="utf-8")

    # one worker is busy for longer than the test waits: it must be stopped, not waited for
    env = dict(os.environ, PYTHONWARNINGS="ignore",
               PODCASTER_FAULT="produce:assemble:spring-rain=sleep:600;"
                               "produce:workers=count:1=signal:SIGINT")
    proc = subprocess.Popen(podcaster_cmd("build", str(project), "--build-jobs", "2"), env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert err.strip().splitlines()[-1] == "Interrupted."
    assert snapshot(public) == before
    time.sleep(1.0)  # a worker left running would write into staging again
    assert not (project / ".podcaster-cache" / "staging").exists()
    # nothing of the session is left running (workers, fork server, encoders)
    assert running_in_session(proc.pid) == []


def running_in_session(session):
    """Processes of a session that still run (exited ones not yet reaped do not count)."""
    running = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session and fields[0] not in "ZX":
            running.append(pid)
    return running


def test_a_worker_asked_to_stop_twice_stops_once():
    """The build process and the pool may both ask a worker to stop (SIGTERM): the first
    request unwinds the worker, a second one while it does is ignored (it would otherwise
    end the worker with a traceback on the terminal)."""
    import signal

    from podcaster.build import workers

    previous = signal.getsignal(signal.SIGTERM)
    try:
        signal.signal(signal.SIGTERM, workers._stop)
        with pytest.raises(SystemExit) as stop:
            workers._stop(signal.SIGTERM, None)
        assert stop.value.code == 128 + signal.SIGTERM
        assert signal.getsignal(signal.SIGTERM) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGTERM, previous)
