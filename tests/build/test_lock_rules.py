"""The build lock from both sides: free, it is taken (the holder's pid written) and given
back; held by another, the error names the holder's pid as its lock file says it (whatever
that file holds: nothing, a long or unreadable text) and what to do then."""

from __future__ import annotations

import fcntl
import os

import pytest

from podcaster.build.lock import BuildLock
from podcaster.errors import BuildLockedError


@pytest.fixture
def lock(tmp_path):
    return tmp_path / "cache" / "build.lock"


def held_by_another(lock, content: bytes) -> int:
    """Hold ``lock`` as another program would, its file holding ``content``."""
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.write_bytes(content)
    fd = os.open(lock, os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd


def refusal(lock, retry: str | None = None) -> str:
    with pytest.raises(BuildLockedError) as raised:
        with BuildLock(lock) if retry is None else BuildLock(lock, retry=retry):
            pass
    assert raised.value.exit_code == 6
    return raised.value.message


def test_a_free_lock_is_taken_with_the_pid_and_given_back(lock):
    with BuildLock(lock):
        assert lock.read_bytes() == f"{os.getpid()}\n".encode()
        assert refusal(lock) == (f"{lock}: another build of this project is running "
                                 f"(pid {os.getpid()}); wait for it to finish, then build again")
    with BuildLock(lock):  # free again
        pass


def test_the_pid_of_the_last_holder_is_replaced_not_appended(lock):
    lock.parent.mkdir(parents=True)
    lock.write_bytes(b"99999999999\nold text\n")
    with BuildLock(lock):
        assert lock.read_bytes() == f"{os.getpid()}\n".encode()


@pytest.mark.parametrize(("content", "shown"), [
    (b"4242\n", " (pid 4242)"),
    (b"", ""),
    (b"  \n", ""),
    (b"7" * 40, " (pid " + "7" * 32 + ")"),  # at most 32 characters of it
    (b"12\xff\xfe3", " (pid 12\ufffd\ufffd3)"),  # not text: shown as it can be
])
def test_the_holder_is_named_as_its_lock_file_says(lock, content, shown):
    fd = held_by_another(lock, content)
    try:
        message = refusal(lock, retry="prune again")
    finally:
        os.close(fd)
    assert message == (f"{lock}: another build of this project is running{shown}; wait for "
                       "it to finish, then prune again")


def test_a_refused_lock_leaves_the_holders_file_alone(lock):
    fd = held_by_another(lock, b"4242\n")
    try:
        refusal(lock)
        assert lock.read_bytes() == b"4242\n"
    finally:
        os.close(fd)
    with BuildLock(lock):  # the holder gone, the lock is free
        pass


def test_the_lock_makes_its_folders_and_a_file_readable_by_all(tmp_path):
    lock = tmp_path / "project" / ".podcaster-cache" / "build.lock"
    umask = os.umask(0o022)
    try:
        with BuildLock(lock):
            assert lock.is_file()
    finally:
        os.umask(umask)
    assert lock.stat().st_mode & 0o777 == 0o644
