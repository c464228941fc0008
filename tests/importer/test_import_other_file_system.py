"""A posts/ folder on another file system than the project (linked or mounted there): the
import writes into it as into any other; the temporary files, which live in the project's
cache, cannot be renamed across, so they are made beside the post instead."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from podcaster.files import write_atomic
from tests.fakes.blog import BlogServer, item, serve_feed
from tests.helpers import invoke_cli


def other_file_system(near: Path) -> Path:
    """A new folder on another file system than ``near`` (a tmpfs), or skip."""
    for root in ("/dev/shm", "/run/user", "/run"):
        try:
            if os.stat(root).st_dev != os.stat(near).st_dev and os.access(root, os.W_OK):
                return Path(tempfile.mkdtemp(dir=root))
        except OSError:
            continue
    pytest.skip("no writable folder on another file system")


@pytest.fixture
def elsewhere(tmp_path):
    folder = other_file_system(tmp_path)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_an_atomic_write_with_a_temporary_folder_on_another_file_system(tmp_path, elsewhere):
    target = elsewhere / "post.html"
    assert write_atomic(target, b"<p>1</p>", tmp_dir=tmp_path)
    assert target.read_bytes() == b"<p>1</p>"
    assert [p.name for p in elsewhere.iterdir()] == ["post.html"]


def test_import_into_posts_linked_to_another_file_system(tmp_path, elsewhere):
    os.symlink(elsewhere, tmp_path / "posts")
    with BlogServer() as blog:
        url = serve_feed(blog, item("다른 곳의 글", "1", blog.base + "/1"))
        result = invoke_cli("import", url, str(tmp_path))
    assert result.exit_code == 0, result.output
    assert len(list(elsewhere.glob("2025-11-03-*.html"))) == 1
    assert (elsewhere / ".podcaster-import.json").is_file()
    assert not list(elsewhere.glob("*.tmp"))
