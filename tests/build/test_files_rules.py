"""Atomic writes from both sides: a file written whole or not at all (an error leaves the old
one and no temporary file), written only when its bytes change (same size other bytes, other
size), readable by all, its temporary file beside it or in the folder asked for; and JSON
nested too deeply is a ValueError like any bad JSON."""

from __future__ import annotations

import os

import pytest

from podcaster.files import atomic_file, copy_atomic, parse_json, write_atomic


def test_a_new_file_is_written_readable_by_all(tmp_path):
    path = tmp_path / "deep" / "er" / "feed.xml"
    umask = os.umask(0o077)
    try:
        assert write_atomic(path, b"<rss/>") is True
    finally:
        os.umask(umask)
    assert path.read_bytes() == b"<rss/>"
    assert path.stat().st_mode & 0o777 == 0o644
    assert sorted(p.name for p in path.parent.iterdir()) == ["feed.xml"]


@pytest.mark.parametrize(("old", "new", "written"), [
    (b"same bytes", b"same bytes", False),
    (b"same bytes", b"SAME BYTES", True),  # same size, other bytes
    (b"short", b"longer text", True),
    (b"longer text", b"short", True),
    (b"", b"", False),
])
def test_a_file_is_written_only_when_its_bytes_change(tmp_path, old, new, written):
    path = tmp_path / "page.html"
    path.write_bytes(old)
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    assert write_atomic(path, new) is written
    assert path.read_bytes() == new
    assert (path.stat().st_mtime_ns == 1_000_000_000) is not written


def test_an_error_while_writing_leaves_the_old_file_and_no_temporary_one(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_bytes(b"old feed")
    with pytest.raises(RuntimeError), atomic_file(path) as fh:
        fh.write(b"half a new")
        raise RuntimeError("disk gone")
    assert path.read_bytes() == b"old feed"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed.xml"]


def test_the_temporary_file_is_named_after_the_file_or_as_asked(tmp_path):
    seen = []
    with atomic_file(tmp_path / "feed.xml"):
        seen += os.listdir(tmp_path)
    with atomic_file(tmp_path / "clips" / "clip.wav", prefix=".tmp-", suffix=".wav"):
        seen += os.listdir(tmp_path / "clips")
    assert len(seen) == 2
    assert seen[0].startswith(".feed.xml.") and seen[0].endswith(".tmp")
    assert seen[1].startswith(".tmp-") and seen[1].endswith(".wav")


def test_a_temporary_folder_asked_for_holds_the_temporary_file(tmp_path, monkeypatch):
    target, scratch = tmp_path / "posts", tmp_path / "scratch"
    target.mkdir()
    scratch.mkdir()
    with atomic_file(target / "post.txt", tmp_dir=scratch) as fh:
        assert list(target.iterdir()) == [] and len(list(scratch.iterdir())) == 1
        fh.write(b"text")
    assert (target / "post.txt").read_bytes() == b"text"
    moved, replace = [], os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: moved.append(os.path.dirname(a))
                        or replace(a, b))
    assert write_atomic(target / "other.txt", b"more", tmp_dir=scratch) is True
    assert write_atomic(target / "third.txt", b"more") is True
    assert moved == [str(scratch), str(target)]
    assert list(scratch.iterdir()) == []


def test_a_copy_is_written_only_when_it_differs(tmp_path):
    src, dest = tmp_path / "cover.png", tmp_path / "public" / "cover.png"
    src.write_bytes(b"png bytes")
    assert copy_atomic(src, dest) is True
    assert dest.read_bytes() == b"png bytes"
    assert copy_atomic(src, dest) is False
    src.write_bytes(b"png BYTES")
    assert copy_atomic(src, dest) is True
    assert dest.read_bytes() == b"png BYTES"


@pytest.mark.parametrize("data", [b'{"a": [1, "\xea\xb0\x80"]}', '{"a": [1, "가"]}'])
def test_json_is_read_from_bytes_or_text(data):
    assert parse_json(data) == {"a": [1, "가"]}


@pytest.mark.parametrize("data", ["[" * 100_000 + "]" * 100_000, '{"a":' * 100_000])
def test_json_nested_too_deeply_is_a_value_error(data):
    with pytest.raises(ValueError) as raised:
        parse_json(data)
    assert str(raised.value) == "JSON nested too deeply"
    assert raised.value.__cause__ is None and raised.value.__suppress_context__


@pytest.mark.parametrize("data", ["{not json", "", b"\xff"])
def test_bad_json_is_a_value_error(data):
    with pytest.raises(ValueError):
        parse_json(data)
