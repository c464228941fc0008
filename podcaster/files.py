"""Atomic file writes: a temporary name in the same folder, then a rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` unless it already holds exactly that. True if written."""
    path = Path(path)
    if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def copy_atomic(src: Path, dest: Path) -> bool:
    """Copy ``src`` to ``dest`` atomically unless identical. True if written."""
    data = Path(src).read_bytes()
    return write_atomic(dest, data)


def temp_path(path: Path) -> Path:
    """A temporary sibling name for ``path`` (same filesystem, hidden)."""
    path = Path(path)
    return path.with_name(f".{path.name}.tmp")



