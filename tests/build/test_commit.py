"""The commit: files renamed into public/, episodes kept or removed, the manifest last."""

from __future__ import annotations

import errno
import json
import logging
import os
import shutil
import xml.etree.ElementTree as ET

import feedparser
import pytest

from podcaster.build import build_project, commit, faults
from podcaster.build.commit import install, stage_files
from podcaster.build.manifest import MANIFEST_NAME, load_manifest
from podcaster.errors import PodcasterError
from podcaster.publish import waveform
from podcaster.publish.layout import slug_of_audio_name
from tests.helpers import (
    COMMIT,
    NEW_POST,
    built_project,
    fault_points,
    make_project,
    mp3_of,
    snapshot,
)

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
        # the feed is replaced after every file it names is in place, and only then
        assert ("small-boat" in feed_slugs(project / "public")) \
            == (n >= COMMIT.index("commit:feed")), point
        assert mp3_of(project / "public", "small-boat") if n >= COMMIT.index("commit:audio") \
            else not list((project / "public" / "episodes").glob("small-boat.*"))
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


PODCAST_NS = "{https://podcastindex.org/namespace/1.0}"


def feed_links(public) -> dict[str, list[str]]:
    """Each feed item's MP3 name -> the transcript and chapters files it links (sorted)."""
    links = {}
    for item in ET.fromstring((public / "feed.xml").read_bytes()).iter("item"):
        mp3 = item.find("enclosure").get("url").rsplit("/", 1)[1]
        links[mp3] = sorted([t.get("url") for t in item.iter(PODCAST_NS + "transcript")]
                            + [c.get("url") for c in item.iter(PODCAST_NS + "chapters")])
    return links


def test_the_feed_links_each_file_published_beside_the_mp3s_and_pages_draw_waveforms(project):
    name, text = NEW_POST
    (project / "posts" / name).write_text(text, encoding="utf-8")
    assert build_project(project).built == ["small-boat"]
    public = project / "public"
    base = "https://example.org/test-show/episodes/"
    mp3s = sorted(p.name for p in (public / "episodes").glob("*.mp3"))
    assert feed_links(public) == {
        mp3: sorted(base + mp3.split(".")[0] + suffix for suffix in (
            ".vtt", ".srt", ".transcript.json", ".chapters.json"))
        for mp3 in mp3s}
    for links in feed_links(public).values():
        for url in links:
            assert (public / "episodes" / url.rsplit("/", 1)[1]).is_file(), url
    for slug in ("spring-rain", "robot-library", "night-train", "small-boat"):
        page = (public / "episodes" / f"{slug}.html").read_text(encoding="utf-8")
        assert '<svg class="waveform"' in page, slug


def test_a_missing_peaks_file_of_a_kept_episode_is_made_again(project, monkeypatch):
    public = project / "public"
    peaks = public / "episodes" / "night-train.peaks.json"
    before = peaks.read_bytes()
    peaks.unlink()
    name, text = NEW_POST
    (project / "posts" / name).write_text(text, encoding="utf-8")

    def no_decoding(*args, **kwargs):
        raise AssertionError("an MP3 was decoded for its waveform")

    monkeypatch.setattr(waveform, "mp3_peaks", no_decoding)
    result = build_project(project)
    assert result.built == ["small-boat"] and "night-train" in result.unchanged
    assert peaks.read_bytes() == before  # the peaks stored with its audio in the cache


def test_peaks_known_nowhere_are_decoded_from_the_published_mp3(project):
    public = project / "public"
    peaks = public / "episodes" / "night-train.peaks.json"
    before = json.loads(peaks.read_bytes())
    peaks.unlink()
    shutil.rmtree(project / ".podcaster-cache" / "episodes")  # no stored audio either
    build_project(project)
    after = json.loads(peaks.read_bytes())
    assert {k: v for k, v in after.items() if k != "peaks"} == \
        {k: v for k, v in before.items() if k != "peaks"}
    # the decoded MP3 is what the encoder's copy was, but for the MP3's own coding
    assert max(abs(a - b) for a, b in zip(after["peaks"], before["peaks"])) <= 5
    assert sum(after["peaks"]) == pytest.approx(sum(before["peaks"]), rel=0.02)


def test_a_build_decodes_no_mp3_for_its_waveforms(tmp_path, monkeypatch):
    """The build's own episodes get their peaks from the encoder's copy (in the workers
    or, with one job, here)."""
    def no_decoding(*args, **kwargs):
        raise AssertionError("an MP3 was decoded for its waveform")

    monkeypatch.setattr(waveform, "mp3_peaks", no_decoding)
    project = make_project(tmp_path / "show")
    for name in ("2025-03-02-robot-library.txt", "2025-03-03-night-train.txt"):
        (project / "posts" / name).unlink()  # one episode is enough, and quicker
    build_project(project, build_jobs=1)
    doc = json.loads((project / "public" / "episodes" / "spring-rain.peaks.json").read_bytes())
    assert len(doc["peaks"]) == waveform.PEAK_COUNT and max(doc["peaks"]) > 50


def test_leftover_mp3s_go_and_files_of_others_stay(project, caplog):
    public = project / "public"
    episodes = public / "episodes"
    leftovers = [episodes / "spring-rain.mp3",  # a name from before MP3s were hashed
                 episodes / "spring-rain.0123456789ab.mp3"]  # an older version
    others = [episodes / "notes.txt", episodes / "jingle.mp3"]  # not any episode's
    for path in leftovers + others:
        path.write_bytes(b"ID3")
    name, text = NEW_POST
    (project / "posts" / name).write_text(text, encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="podcaster.build.commit"):
        build_project(project)
    assert [r.getMessage() for r in caplog.records if r.getMessage().startswith("removing")] \
        == [f"removing {p}" for p in sorted(leftovers)]
    assert [p.exists() for p in leftovers + others] == [False, False, True, True]
    assert sorted(feed_links(public)) == sorted(p.name for p in episodes.glob("*.*.mp3"))


def test_a_post_that_turned_bad_keeps_its_episode_in_the_new_feed(project):
    public = project / "public"
    before = snapshot(public)
    post = project / "posts" / "2025-03-02-robot-library.txt"
    post.write_text("도서관 로봇\n\x01\n", encoding="utf-8")  # a control character: binary
    name, text = NEW_POST
    (project / "posts" / name).write_text(text, encoding="utf-8")
    result = build_project(project, keep_going=True)
    assert [f.path.name for f in result.failed] == [post.name]
    assert result.built == ["small-boat"] and result.removed == []
    kept = next(e for e in result.episodes if e.post.slug == "robot-library")
    assert kept.audio_path == mp3_of(public, "robot-library")
    assert (kept.number, kept.size) == (2, kept.audio_path.stat().st_size)
    assert kept.post.path == post
    assert feed_slugs(public) == ["night-train", "robot-library", "small-boat", "spring-rain"]
    after = snapshot(public)
    for path in before:  # the kept episode's files are published as they were
        if path.startswith("episodes/robot-library.") and not path.endswith(".html"):
            assert after[path] == before[path], path
    assert "robot-library" in load_manifest(public / MANIFEST_NAME).episodes


def test_only_changed_files_are_staged_and_the_feed_last(tmp_path):
    public, staging = tmp_path / "public", tmp_path / "staging"
    public.mkdir()
    (public / "index.html").write_bytes(b"same")
    (public / "style.css").write_bytes(b"old!")
    cover = tmp_path / "cover.png"
    cover.write_bytes(b"PNG")
    staged = stage_files(staging, public, {"feed.xml": b"<rss/>", "index.html": b"same",
                                           "style.css": b"new!", "zeta/cover.png": cover})
    assert list(staged) == ["style.css", "zeta/cover.png", "feed.xml"]
    assert staged == {r: staging / r for r in staged}
    assert [(staging / r).read_bytes() for r in staged] == [b"new!", b"PNG", b"<rss/>"]
    assert not (staging / "index.html").exists()
