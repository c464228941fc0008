"""One build at a time per project: an exclusive lock on ``.podcaster-cache/build.lock``.

The lock is an OS file lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows), so the
operating system releases it when the process ends, however it ends: a killed build never
leaves a stale lock behind. The file itself stays; it holds the pid of the last holder.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from podcaster.errors import BuildLockedError

log = logging.getLogger(__name__)

LOCK_NAME = "build.lock"  # in the project's cache folder

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None
    import msvcrt


def _try_lock(fd: int) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:  # pragma: no cover
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)
    else:  # pragma: no cover
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


class BuildLock:
    """Context manager holding the project's build lock.

    Raises BuildLockedError at once (no waiting) if another process holds it; its message
    says to wait, then ``retry`` (what the user asked for).
    """

    def __init__(self, path: Path, retry: str = "build again"):
        self.path = Path(path)
        self.retry = retry
        self._fd: int | None = None

    def __enter__(self) -> BuildLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            holder = _read_pid(fd)
            os.close(fd)
            who = f" (pid {holder})" if holder else ""
            raise BuildLockedError(
                f"{self.path}: another build of this project is running{who}; "
                f"wait for it to finish, then {self.retry}"
            )
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        log.debug("holding build lock %s", self.path)
        return self

    def __exit__(self, *exc_info) -> None:
        if self._fd is not None:
            try:
                _unlock(self._fd)
            finally:
                os.close(self._fd)
                self._fd = None


def _read_pid(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 32).decode("ascii", "replace").strip()
    except OSError:  # pragma: no cover - Windows locks the byte range against reads
        return ""
