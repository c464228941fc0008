"""Worker processes that assemble and encode episodes while the build goes on with others.

Assembly is numpy DSP plus an ffmpeg encoder per episode: one episode keeps about one core
busy, so on a machine with more cores several episodes are assembled at once, each in its
own process (memory stays per episode, as in a one-job build). Each episode's audio depends
only on its own inputs, so the bytes are the same whatever the number of jobs.

Workers are forked from a fork server that has the audio modules loaded, not from the build
process (which may run threads). They ignore SIGINT: Ctrl-C reaches the build process, which
stops the workers (SIGTERM: a worker kills its encoder and removes its temporary file) and
cleans up as a one-job build does.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from podcaster.errors import AudioError

log = logging.getLogger(__name__)

PRELOAD = ["podcaster.audio.assemble"]
STOP_TIMEOUT = 10.0  # seconds a stopped worker gets to clean up before it is killed
WATCH_INTERVAL = 1.0  # seconds between a worker's checks that the build process still runs


def usable_cores() -> int:
    """The CPU cores this process may run on (its affinity mask), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def build_jobs(configured: int, episodes: int) -> int:
    """Worker processes for ``episodes`` to assemble: ``configured`` (0 = usable cores),
    never more than there are episodes; 1 means no workers (assembled in the build process)."""
    return max(1, min(configured or usable_cores(), episodes))


def _start_worker(build_pid: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _stop)
    threading.Thread(target=_watch, args=(build_pid,), daemon=True).start()


def _watch(build_pid: int) -> None:
    """End this worker once the build process is gone (killed outright, it cannot stop its
    workers, and a worker's own queue would keep it waiting for ever)."""
    while True:
        time.sleep(WATCH_INTERVAL)
        try:
            os.kill(build_pid, 0)
        except ProcessLookupError:
            os._exit(1)
        except OSError:
            pass  # exists, but not ours to signal: still there


def _stop(signum, frame) -> None:
    # Asked once is enough: the build process and the pool itself may both ask, and a second
    # request arriving while the first unwinds would end the worker with a traceback.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise SystemExit(128 + signum)


def _run(fn: Callable[..., Any], args: tuple) -> Any:
    """Run one job in a worker; a stop request unwinds it (cleaning up) and ends the worker."""
    try:
        return fn(*args)
    except SystemExit as exc:
        os._exit(exc.code if isinstance(exc.code, int) else 1)


class Workers:
    """A pool of ``jobs`` worker processes; ``submit`` returns a future. Leaving the ``with``
    block early (an error, Ctrl-C) stops the workers and waits for them to exit."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self._pool: Any = None

    def __enter__(self) -> Workers:
        import multiprocessing  # here: a build with one episode or none never needs it
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        self._pool = ProcessPoolExecutor(self.jobs, mp_context=context,
                                         initializer=_start_worker, initargs=(os.getpid(),))
        log.info("assembling with %d worker process(es)", self.jobs)
        return self

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        assert self._pool is not None
        return self._pool.submit(_run, fn, args)

    def __exit__(self, exc_type, exc, tb) -> None:
        assert self._pool is not None
        if exc_type is None:
            self._pool.shutdown(wait=True)
            return
        processes = list(getattr(self._pool, "_processes", {}).values())
        for process in processes:
            process.terminate()
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.join(STOP_TIMEOUT)
            if process.is_alive():  # pragma: no cover - a worker stuck in native code
                process.kill()
                process.join()


def result(future: Future) -> Any:
    """The value of a worker's job; a worker that died (killed, out of memory) is an
    AudioError rather than a traceback."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool:
        raise AudioError("a worker process assembling episodes died (killed, or out of "
                         "memory?); try --build-jobs 1") from None
