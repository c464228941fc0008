"""The commit: files renamed into public/, episodes kept or removed, the manifest last."""

from __future__ import annotations

import errno
import logging
import os

import feedparser
import pytest

from podcaster.build import build_project, commit, faults
from podcaster.build.commit import install
from podcaster.build.manifest import MANIFEST_NAME, load_manifest
from podcaster.errors import PodcasterError
from podcaster.publish.feed import slug_of_audio_name
from tests.build_fixtures import built_project, snapshot
from tests.test_build_interrupt import COMMIT, NEW_POST, fault_points

LAST_POST = "2025-03-03-night-train.txt"


@pytest.fixture
def project(tmp_path_factory, tmp_path):
    return built_project(tmp_path_factory, tmp_path / "show")


def feed_slugs(public) -> list[str]:
    parsed = feedparser.parse((public / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.bozo_exception
    return sorted(slug_of_audio_name(e.enclosures[0].href.rsplit("/", 1)[1])
                  for e in parsed.entries)


def test_an_error_at_each_commit_point_names_it(project, monkeypatch):
    assert COMMIT == fault_points(commit)
    name, text = NEW_POST
    (project / "posts" / name).write_text(text, encoding="utf-8")
    for n, point in enumerate(COMMIT):
        monkeypatch.setattr(faults, "_reached", faults.Counter())
        monkeypatch.setenv(faults.ENV, f"{point}=error")
        with pytest.raises((OSError, PodcasterError)):  # a disk error, reported as such
            build_project(project)
        assert faults._reached[point] == 1  # it stopped there, not before, not after
        assert not [p for p in COMMIT[n + 1:] if faults._reached[p]]
    monkeypatch.delenv(faults.ENV)
    result = build_project(project)  # the build that was cut short is completed
    assert "small-boat" in [e.post.slug for e in result.episodes]
    assert build_project(project).built == []


def test_a_removed_post_takes_its_files_and_keeps_the_others(project, caplog):
    public = project / "public"
    before = snapshot(public)
    old = load_manifest(public / MANIFEST_NAME)
    (project / "posts" / LAST_POST).unlink()
    with caplog.at_level(logging.INFO, logger="podcaster.build.commit"):
        result = build_project(project)
    assert result.removed == ["night-train"]
    assert result.unchanged == ["spring-rain", "robot-library"]
    assert [e.post.slug for e in result.episodes] == ["spring-rain", "robot-library"]
    after = snapshot(public)
    assert not [p for p in after if p.startswith("episodes/night-train.")]
    gone = sorted(p for p in before if p.startswith("episodes/night-train."))
    assert "episodes/night-train.html" in gone
    assert [p for p in gone if p.endswith(".mp3")]
    assert [r.getMessage() for r in caplog.records if r.getMessage().startswith("removing")] \
        == [f"removing {public / p}" for p in gone]
    for path in after:  # the kept episodes' files are left alone
        if path.startswith(("episodes/spring-rain.", "episodes/robot-library.")) \
                and not path.endswith(".html"):
            assert after[path] == before[path], path
    new = load_manifest(public / MANIFEST_NAME)
    assert new.episodes == {s: r for s, r in old.episodes.items() if s != "night-train"}
    assert feed_slugs(public) == ["robot-library", "spring-rain"]


def test_a_built_episode_is_recorded_so_the_next_build_has_nothing_to_do(project):
    name, text = NEW_POST
    (project / "posts" / name).write_text(text, encoding="utf-8")
    result = build_project(project)
    assert result.built == ["small-boat"]
    public = project / "public"
    assert feed_slugs(public) == ["night-train", "robot-library", "small-boat", "spring-rain"]
    record = load_manifest(public / MANIFEST_NAME).episodes["small-boat"]
    assert record.mtime_ns == (public / record.file).stat().st_mtime_ns
    assert record.audio_key and record.tags_key and record.sha256
    again = build_project(project)
    assert again.built == again.retagged == again.restored == []
    assert again.unchanged == ["spring-rain", "robot-library", "night-train", "small-boat"]


def test_install_compares_content_not_only_size(tmp_path):
    dest = tmp_path / "public" / "episodes" / "x.mp3"  # folders made as needed
    staged = tmp_path / "staged.mp3"
    staged.write_bytes(b"abcd")
    assert install(staged, dest) is True
    assert dest.read_bytes() == b"abcd" and not staged.exists()
    staged.write_bytes(b"abce")  # the same size, other bytes
    assert install(staged, dest) is True
    assert dest.read_bytes() == b"abce"


def test_install_copies_across_file_systems(tmp_path, monkeypatch):
    dest = tmp_path / "public" / "x.mp3"
    staged = tmp_path / "staged.mp3"
    staged.write_bytes(b"audio")

    real_replace = os.replace

    def cross_device(src, dst):  # the staged file is on another file system
        if os.fspath(src) == os.fspath(staged):
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", cross_device)
    assert install(staged, dest) is True
    assert dest.read_bytes() == b"audio" and not staged.exists()

    def disk_full(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    staged.write_bytes(b"other audio")
    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError, match="No space"):
        install(staged, dest)
    assert staged.exists() and dest.read_bytes() == b"audio"
