"""Named points in the build where a test can make a fault happen at a known instant.

``PODCASTER_FAULT`` holds ``POINT=ACTION`` (several separated by ``;``). When the build
reaches POINT, ACTION happens:

- ``kill``: the process is killed at once (SIGKILL), as a power cut or an OOM kill would;
- ``signal:NAME``: the process sends itself signal NAME (``SIGINT``, ``SIGTERM``);
- ``error``: an OSError is raised, as a failing disk would;
- ``count:N=ACTION``: ACTION happens the N-th time POINT is reached (1-based).

Without the variable every point is a no-op, so it costs one dictionary lookup.

The points, in the order a build reaches them (``podcaster.build.commit`` explains the
commit's steps):

- ``plan:done`` — every post read and scripted; nothing written;
- ``produce:synthesised`` — every clip made; nothing in ``public/`` changed;
- ``commit:start`` — everything to publish rendered and staged; ``public/`` untouched;
- ``commit:audio`` — after each new MP3 is renamed into ``public/episodes/``;
- ``commit:files`` — transcripts, chapters, artwork and pages in place; the old feed live;
- ``commit:feed`` — the new feed in place;
- ``commit:manifest`` — unused files removed; the manifest not yet written;
- ``commit:done`` — the manifest written.
"""

from __future__ import annotations

import errno
import os
import signal
import threading
from collections import Counter

ENV = "PODCASTER_FAULT"

_reached: Counter[str] = Counter()
_counting = threading.Lock()  # points may be reached from worker threads


def point(name: str) -> None:
    """The build has reached ``name`` (e.g. ``"commit:audio"``): act if a fault is set there."""
    spec = os.environ.get(ENV)
    if not spec:
        return
    with _counting:
        _reached[name] += 1
        reached = _reached[name]
    for item in spec.split(";"):
        where, _, action = item.strip().partition("=")
        if where != name:
            continue
        if action.startswith("count:"):
            n, _, action = action[len("count:"):].partition("=")
            if not n.isdigit() or reached != int(n):
                continue
        _act(name, action)


def _act(name: str, action: str) -> None:
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    elif action.startswith("signal:"):
        os.kill(os.getpid(), getattr(signal, action[len("signal:"):]))
    elif action == "error":
        raise OSError(errno.EIO, f"fault injected at {name}")
    else:
        raise ValueError(f"{ENV}: unknown action {action!r} at {name}")
