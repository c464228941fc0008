"""Shared by the build benches: run podcaster or a script from outside, measure wall time and
memory of its whole process tree, and list the clips of a project's episodes.

Not a bench itself (scripts/bench runs bench_*.py only).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Run:
    wall: float  # seconds
    peak_tree: int  # bytes: the largest sum over the process tree, sampled
    peak_process: int  # bytes: the largest single process of the tree, sampled


def _table() -> tuple[dict[int, int], dict[int, int]]:
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
    return parents, rss


def tree_rss(root: int) -> tuple[int, int]:
    """(sum, largest) resident memory of ``root`` and all its descendants, from /proc."""
    parents, rss = _table()
    children: dict[int, list[int]] = {}
    for pid, parent in parents.items():
        children.setdefault(parent, []).append(pid)
    total = largest = 0
    todo = [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        largest = max(largest, rss.get(pid, 0))
        todo.extend(children.get(pid, ()))
    return total, largest


def run(cmd: list[str], sample: float = 0.05, env: dict | None = None) -> Run:
    """Run ``cmd`` to the end; its wall time and peak memory (sampled every ``sample`` s).

    The wall time ends when the process does (it is waited for, not polled); memory is
    sampled on a thread beside it, so sampling neither delays nor rounds the time."""
    peak = [0, 0]  # tree, largest process
    done = threading.Event()

    def watch(pid: int) -> None:
        while not done.is_set():
            total, largest = tree_rss(pid)
            peak[0], peak[1] = max(peak[0], total), max(peak[1], largest)
            done.wait(sample)

    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=dict(os.environ, PYTHONWARNINGS="ignore", **(env or {})))
    watcher = threading.Thread(target=watch, args=(proc.pid,), daemon=True)
    watcher.start()
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    proc.wait()
    wall = time.perf_counter() - started
    done.set()
    watcher.join()
    if proc.returncode != 0:
        sys.exit(f"{' '.join(map(str, cmd))} failed ({proc.returncode}): {err.strip()}")
    return Run(wall, peak[0], peak[1])


# Where the benches' podcaster runs keep their compiled bytecode. An installed podcaster has
# it (pip compiles at install, Python caches on first import); a shell with
# PYTHONDONTWRITEBYTECODE set would make every run compile every module again (~60 ms),
# which no user's build pays. The first run of a bench writes the cache here.
PYCACHE = Path(tempfile.gettempdir()) / "podcaster-bench-pycache"


def podcaster(*args: str | Path, env: dict | None = None) -> Run:
    """``podcaster -q ARGS`` in a fresh interpreter (start-up and imports included), with
    bytecode caches as an installed tool has them (see PYCACHE)."""
    cached = {"PYTHONPYCACHEPREFIX": str(PYCACHE), "PYTHONDONTWRITEBYTECODE": ""}
    return run([sys.executable, "-m", "podcaster", "-q", *map(str, args)],
               env={**cached, **(env or {})})


def episode_parts(project: Path, engine: str = "espeak") -> list[dict]:
    """Every episode of a built project as the files it is made of, in script order:
    ``{"slug", "parts": [[path, pause_after_seconds, is_music], ...]}`` (clips from the
    cache, music as configured)."""
    sys.path.insert(0, str(ROOT))
    from podcaster.build.run import Build, Progress
    from podcaster.config import load_config

    build = Build(load_config(project), engine, Progress())
    episodes = []
    for plan in build.plan()[0]:
        parts = []
        for cue in plan.cues:
            if cue.is_sound:
                parts.append([str(cue.sound), cue.pause_after, True])
            else:
                key = build.synth.key(cue.spoken, build.voices.concrete(cue.kind))
                parts.append([str(build.synth.cache.path(key)), cue.pause_after, False])
        episodes.append({"slug": plan.post.slug, "parts": parts})
    return episodes


def stats(values: list[float]) -> str:
    """min / median / max of ``values``."""
    ordered = sorted(values)
    return (f"{ordered[0]:.2f} / {ordered[len(ordered) // 2]:.2f} / {ordered[-1]:.2f}"
            if ordered else "-")


def load() -> str:
    """The machine's load averages (1, 5, 15 min), to print beside timings."""
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"
