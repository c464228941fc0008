"""The assembly workers, each rule from both sides: how many there are (configured or the
usable cores, never more than the episodes, at least one), what a worker does with Ctrl-C, a
stop request and a build process gone, a job's result or a dead worker, and leaving the pool
normally (it waits for the jobs) or early (it stops them)."""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from podcaster.build import workers
from podcaster.build.workers import Workers, build_jobs, result, usable_cores
from podcaster.errors import AudioError


def loaded(module: str) -> bool:
    """Run in a worker: whether ``module`` is loaded there."""
    return module in sys.modules


def pid_together(folder: str, me: int, others: int) -> int:
    """Run in a worker: mark this job started, wait (3 s at most) until the other jobs
    have started too, and give this worker's pid."""
    Path(folder, str(me)).touch()
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and len(os.listdir(folder)) < others + 1:
        time.sleep(0.02)
    return os.getpid()


def stubborn() -> None:
    """Run in a worker: a job that does not hear a stop request (stuck in native code)."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    time.sleep(30)


@pytest.mark.parametrize(("cores", "expected"), [({0, 1, 2}, 3), ({5}, 1), (set(), 1)])
def test_usable_cores_are_the_affinity_mask_at_least_one(monkeypatch, cores, expected):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: cores)
    assert usable_cores() == expected


@pytest.mark.parametrize(("count", "expected"), [(6, 6), (1, 1), (None, 1), (0, 1)])
def test_without_an_affinity_mask_the_cpu_count_is_used(monkeypatch, count, expected):
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: count)
    assert usable_cores() == expected


@pytest.mark.parametrize(("configured", "episodes", "expected"), [
    (0, 10, 4),  # 0: the usable cores
    (0, 2, 2),  # never more than the episodes
    (3, 10, 3),  # as configured
    (3, 2, 2),
    (6, 6, 6),
    (1, 5, 1),  # one: no workers
    (5, 0, 1),  # at least one
    (0, 0, 1),
])
def test_build_jobs(monkeypatch, configured, episodes, expected):
    monkeypatch.setattr(workers, "usable_cores", lambda: 4)
    assert build_jobs(configured, episodes) == expected


@pytest.fixture
def signals():
    """Put SIGINT and SIGTERM's handlers back after a test that sets them."""
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    yield
    for s, handler in saved.items():
        signal.signal(s, handler)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_request_ends_the_worker_with_the_signals_code_and_is_heard_once(signals,
                                                                                signum):
    with pytest.raises(SystemExit) as raised:
        workers._stop(signum, None)
    assert raised.value.code == 128 + signum
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_IGN


def test_a_worker_ignores_ctrl_c_stops_on_sigterm_and_watches_the_build(signals,
                                                                        monkeypatch):
    watched = []
    monkeypatch.setattr(workers, "_watch", lambda pid: watched.append(
        (pid, threading.current_thread().daemon)))
    workers._start_worker(4321)
    for _ in range(100):
        if watched:
            break
        time.sleep(0.01)
    assert watched == [(4321, True)]
    assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    assert signal.getsignal(signal.SIGTERM) is workers._stop


class Exited(Exception):
    def __init__(self, code):
        self.code = code


@pytest.fixture
def exits(monkeypatch) -> None:
    def exit_(code):
        raise Exited(code)

    monkeypatch.setattr(os, "_exit", exit_)


def test_the_watch_ends_the_worker_once_the_build_process_is_gone(monkeypatch, exits):
    slept, asked = [], []
    answers = [None, PermissionError(1, "not ours"), None, ProcessLookupError(3, "gone")]

    def kill(pid, sig):
        asked.append((pid, sig))
        answer = answers.pop(0)
        if answer is not None:
            raise answer

    monkeypatch.setattr(os, "kill", kill)
    monkeypatch.setattr(workers.time, "sleep", slept.append)
    with pytest.raises(Exited) as raised:
        workers._watch(777)
    assert raised.value.code == 1
    assert asked == [(777, 0)] * 4  # signal 0: only asks whether it is there
    assert slept == [workers.WATCH_INTERVAL] * 4 == [1.0] * 4


def test_a_job_returns_its_value(exits):
    assert workers._run(pow, (2, 10)) == 1024


@pytest.mark.parametrize(("code", "status"), [(143, 143), (130, 130), (None, 1),
                                              ("stopped", 1)])
def test_a_stopped_job_ends_the_worker_with_its_code(exits, code, status):
    def stopped():
        raise SystemExit(code)

    with pytest.raises(Exited) as raised:
        workers._run(stopped, ())
    assert raised.value.code == status


def test_a_result_is_the_jobs_value_or_its_own_error():
    done = Future()
    done.set_result([1, 2])
    assert result(done) == [1, 2]
    failed = Future()
    failed.set_exception(ValueError("bad audio"))
    with pytest.raises(ValueError, match="bad audio"):
        result(failed)


def test_a_dead_worker_is_an_audio_error_saying_what_to_try():
    died = Future()
    died.set_exception(BrokenProcessPool("gone"))
    with pytest.raises(AudioError) as raised:
        result(died)
    assert raised.value.message == ("a worker process assembling episodes died (killed, or out "
                                    "of memory?); try --build-jobs 1")
    assert raised.value.__cause__ is None and raised.value.__suppress_context__


def test_workers_are_forked_servers_with_the_audio_loaded_and_ctrl_c_ignored(caplog):
    with caplog.at_level(logging.INFO, "podcaster"), Workers(2) as pool:
        assert pool.jobs == 2
        parent = result(pool.submit(os.getppid))
        assert parent != os.getpid()  # from the fork server, not from the build process
        assert result(pool.submit(loaded, "podcaster.audio.assemble"))
        assert result(pool.submit(signal.getsignal, signal.SIGINT)) == signal.SIG_IGN
        assert result(pool.submit(signal.getsignal, signal.SIGTERM)) is workers._stop
        slow = pool.submit(time.sleep, 0.5)
    assert slow.done()  # leaving normally waits for every job
    assert "assembling with 2 worker process(es)" in caplog.messages


def test_leaving_early_stops_the_workers_and_their_jobs_at_once():
    with pytest.raises(KeyboardInterrupt), Workers(1) as pool:
        result(pool.submit(pow, 2, 2))  # the worker is up
        jobs = [pool.submit(time.sleep, 30) for _ in range(4)]
        time.sleep(0.3)
        stopping = time.monotonic()  # timed from the interrupt: starting a worker varies with load
        raise KeyboardInterrupt
    assert time.monotonic() - stopping < 10
    for job in jobs:  # none is left to run: cancelled, or ended with its worker
        assert job.cancelled() or isinstance(job.exception(timeout=5), BrokenProcessPool)


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_pool_has_as_many_workers_as_jobs(tmp_path, jobs):
    with Workers(jobs) as pool:
        futures = [pool.submit(pid_together, str(tmp_path), n, 1) for n in range(2)]
        pids = {result(f) for f in futures}
    assert len(pids) == jobs


def test_a_worker_that_does_not_stop_is_killed_after_its_time(monkeypatch):
    monkeypatch.setattr(workers, "STOP_TIMEOUT", 0.5)
    with pytest.raises(KeyboardInterrupt), Workers(1) as pool:
        pid = result(pool.submit(os.getpid))
        job = pool.submit(stubborn)
        time.sleep(0.5)
        stopping = time.monotonic()  # timed from the interrupt: starting a worker varies with load
        raise KeyboardInterrupt
    assert time.monotonic() - stopping < 8  # well under the 10 s the default would wait
    assert isinstance(job.exception(timeout=5), BrokenProcessPool)
    for _ in range(100):  # killed, then reaped by the fork server
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        pytest.fail(f"worker {pid} still runs")
