"""The project's own errors: each one is a single line a user can act on."""

from __future__ import annotations

import errno
import os

import click


class PodcasterError(click.ClickException):
    """Base of all podcaster errors; click prints it as one clean line."""

    exit_code = 1


class ConfigError(PodcasterError):
    """podcast.toml is missing, malformed or has invalid values."""

    exit_code = 2


class PostError(PodcasterError):
    """A post cannot be read or segmented. The message names the file."""

    exit_code = 3

    def __init__(self, path, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class EngineError(PodcasterError):
    """A speech engine failed or is not available; says the probable cause."""

    exit_code = 4


class AudioError(PodcasterError):
    """ffmpeg or an audio file failed."""

    exit_code = 5


class TagError(PodcasterError):
    """Writing or reading ID3 tags failed."""

    exit_code = 5


class BuildLockedError(PodcasterError):
    """Another build holds the project's lock."""

    exit_code = 6


class PartialBuildError(PodcasterError):
    """With --keep-going: some posts failed; the others were built and published."""

    exit_code = 7


class OutputError(PodcasterError):
    """A file or folder cannot be written: read-only, disk full, a file where a folder
    belongs. The message names the path and the problem; nothing already published is lost."""

    exit_code = 8


# What the file system says when the environment, not podcaster, is at fault.
ENVIRONMENT_ERRNOS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.EROFS: "read-only file system",
    errno.ENOSPC: "no space left on the device (disk full)",
    errno.EDQUOT: "disk quota exceeded",
    errno.EFBIG: "file too large for the file system",
    errno.ENOTDIR: "a file is in the way of a folder",
    errno.EISDIR: "is a folder, where a file belongs",
    errno.EEXIST: "a file is in the way of a folder",
    errno.EIO: "input/output error (a failing disk?)",
    errno.EMFILE: "too many open files",
}


def output_error(exc: OSError) -> OutputError | None:
    """The one-line OutputError for an OSError the environment caused (None for others)."""
    problem = ENVIRONMENT_ERRNOS.get(exc.errno)
    if problem is None:
        return None
    where = exc.filename2 or exc.filename  # a rename's destination, else the file
    where = os.fsdecode(where) if where is not None else "output"
    return OutputError(f"{where}: cannot write: {problem}")


class UnclearAttributionError(PodcasterError):
    """With --strict: some quotes have no clear source (the warnings name post and paragraph).
    Nothing was written."""

    exit_code = 3

    def __init__(self, warnings: list):
        self.warnings = list(warnings)
        more = f" (and {len(self.warnings) - 1} more)" if len(self.warnings) > 1 else ""
        super().__init__(f"{self.warnings[0]}{more}; --strict makes attribution warnings "
                         "fatal: fix the post's sources or drop --strict")


class UnexpectedError(Exception):
    """An unexpected exception (a bug) while building one post; the message names the file.

    Deliberately not a ClickException: the CLI reports it with the internal-error exit code.
    """

    def __init__(self, path, exc: BaseException):
        self.path = path
        self.exc = exc
        super().__init__(f"{path}: unexpected {type(exc).__name__}: {exc}")
