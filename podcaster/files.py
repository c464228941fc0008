"""Atomic file writes: a temporary name in the same folder, then a rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO


@contextmanager
def atomic_file(path: Path, prefix: str | None = None, suffix: str = ".tmp",
                tmp_dir: Path | None = None) -> Iterator[BinaryIO]:
    """Open a temporary sibling of ``path`` for writing; rename it into place on success.

    On any error (or interruption) the temporary file is removed and ``path`` is untouched.
    ``tmp_dir`` (on the same file system) holds the temporary file instead of ``path``'s
    folder, for a folder where not even a killed write may leave one; when it is on another
    file system than ``path`` (a rename cannot cross), ``path``'s folder is used after all.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if tmp_dir is not None and os.stat(tmp_dir).st_dev != os.stat(path.parent).st_dev:
        tmp_dir = None  # another file system (posts/ linked or mounted elsewhere): no rename
    fd, tmp = tempfile.mkstemp(prefix=prefix or f".{path.name}.", suffix=suffix,
                               dir=tmp_dir or path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: bytes, tmp_dir: Path | None = None) -> bool:
    """Write ``data`` to ``path`` unless it already holds exactly that. True if written."""
    path = Path(path)
    if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return False
    with atomic_file(path, tmp_dir=tmp_dir) as fh:
        fh.write(data)
    return True


def copy_atomic(src: Path, dest: Path) -> bool:
    """Copy ``src`` to ``dest`` atomically unless identical. True if written."""
    return write_atomic(dest, Path(src).read_bytes())


def parse_json(data: bytes | str) -> Any:
    """``json.loads``, where nesting too deep to parse (a damaged or hostile file) is the
    ValueError that any other bad JSON gives, not a RecursionError."""
    import json

    try:
        return json.loads(data)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
