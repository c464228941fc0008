"""The commit, each rule from both sides, without synthesis: episodes made by hand (their MP3s
a few bytes) are committed into ``public/`` as a build would. What goes in (each new MP3 under
its content's name, the files beside it, the pages, the feed naming exactly the episodes, the
manifest recording each), in which order (each fault point), what goes out (the files of a
removed post, older MP3s, a name from before hashing, artwork a post no longer has; not
another post's files, nor files podcaster did not make), what is not written again (a file
whose bytes are the same), the episodes returned in date then slug order, and the audio kept
in the cache that no episode uses any more."""

from __future__ import annotations

import hashlib
import json
import logging
import os

import pytest

from podcaster.build import faults
from podcaster.build.commit import (
    commit,
    episode_files,
    install,
    render_publication,
    stage_files,
    unused_files,
)
from podcaster.build.manifest import AudioStore, Manifest, load_manifest, manifest_path
from podcaster.build.plan import Plan
from podcaster.publish.layout import FEED_NAME, audio_file_name
from podcaster.publish.waveform import PEAK_COUNT
from tests.helpers import COMMIT, ROOT, feed_episode, make_config

PEAKS = [7] * PEAK_COUNT


@pytest.fixture
def config(tmp_path):
    return make_config(tmp_path / "show")


def planned(config, day: str, slug: str, number: int, audio: bytes, *,
            peaks: list[int] | None = PEAKS, staged: bool = True) -> Plan:
    """The plan of an episode assembled into staging (or, ``staged=False``, already in
    public/ from an earlier build)."""
    sha = hashlib.sha256(audio).hexdigest()
    episode = feed_episode(config, day, slug, number, size=len(audio))
    episode.audio_path = config.public_dir / "episodes" / audio_file_name(slug, sha)
    episode.peaks = peaks
    path = None
    if staged:
        path = config.cache_dir / "assembled" / f"{slug}.mp3"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(audio)
    else:
        episode.audio_path.parent.mkdir(parents=True, exist_ok=True)
        episode.audio_path.write_bytes(audio)
    return Plan(episode.post, episode.segments, [], f"audio-{slug}", number=number,
                episode=episode, tags_key=f"tags-{slug}", staged=path, sha256=sha)


def publish(config, done, kept=(), store=None):
    """Commit ``done`` and ``kept`` over what public/ and its manifest hold now."""
    old = load_manifest(manifest_path(config.public_dir))
    store = store or AudioStore(config.cache_dir / "audio")
    return commit(config, store, config.cache_dir / "staging", list(done), list(kept), old)


def feed_files(config) -> list[str]:
    """The MP3 names the published feed's enclosures point at, in the feed's order."""
    from lxml import etree

    urls = etree.parse(str(config.public_dir / FEED_NAME)).xpath("//item/enclosure/@url")
    return [u.rsplit("/", 1)[1] for u in urls]


def names(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_first_commit_publishes_every_episode_and_records_it(config):
    rain = planned(config, "2025-03-02", "rain", 2, b"rain audio")
    boat = planned(config, "2025-03-01", "boat", 1, b"boat audio")
    episodes, removed = publish(config, [rain, boat])
    assert [e.post.slug for e in episodes] == ["boat", "rain"]
    assert removed == []
    public = config.public_dir
    assert rain.episode.audio_path.read_bytes() == b"rain audio"
    assert not rain.staged.exists()  # moved, not copied
    assert sorted(feed_files(config)) == sorted([rain.episode.audio_path.name,
                                                 boat.episode.audio_path.name])
    assert (public / "cover.png").read_bytes() == config.show.cover.read_bytes()
    assert (public / "index.html").is_file()
    peaks = json.loads((public / "episodes" / "rain.peaks.json").read_bytes())
    assert peaks["peaks"] == PEAKS
    assert {"rain.vtt", "boat.vtt", "rain.chapters.json"} <= set(names(public / "episodes"))
    records = load_manifest(manifest_path(public)).episodes
    assert sorted(records) == ["boat", "rain"]
    record = records["rain"]
    assert (record.audio_key, record.tags_key, record.sha256) == (
        "audio-rain", "tags-rain", rain.sha256)
    assert record.file == f"episodes/{rain.episode.audio_path.name}"
    assert record.source == "posts/2025-03-02-rain.txt"
    assert record.mtime_ns == rain.episode.audio_path.stat().st_mtime_ns
    assert record.size == len(b"rain audio") and record.number == 2


def test_episodes_of_one_day_come_in_slug_order_whichever_was_planned_first(config):
    later = planned(config, "2025-03-01", "zebra", 2, b"z")
    first = planned(config, "2025-03-01", "apple", 1, b"a")
    episodes, _ = publish(config, [later, first])
    assert [e.post.slug for e in episodes] == ["apple", "zebra"]


def test_a_kept_episode_stays_published_beside_the_new_ones(config):
    rain = planned(config, "2025-03-02", "rain", 2, b"rain audio")
    boat = planned(config, "2025-03-01", "boat", 1, b"boat audio")
    publish(config, [rain, boat])
    kept = load_manifest(manifest_path(config.public_dir)).episodes["boat"]
    (config.public_dir / "episodes" / "boat.peaks.json").unlink()  # its peaks: from the store
    store = AudioStore(config.cache_dir / "audio")
    store.put("audio-boat", boat.episode.audio_path, {"duration": 1.0, "peaks": [3] * PEAK_COUNT})
    rain2 = planned(config, "2025-03-02", "rain", 2, b"rain audio, again")
    episodes, removed = publish(config, [rain2], [kept], store)
    assert [e.post.slug for e in episodes] == ["boat", "rain"]
    assert removed == []
    assert episodes[0].audio_path == boat.episode.audio_path
    assert sorted(feed_files(config)) == sorted([boat.episode.audio_path.name,
                                                 rain2.episode.audio_path.name])
    assert sorted(load_manifest(manifest_path(config.public_dir)).episodes) == ["boat", "rain"]
    peaks = json.loads((config.public_dir / "episodes" / "boat.peaks.json").read_bytes())
    assert peaks["peaks"] == [3] * PEAK_COUNT
    # the old MP3 of rain goes once the feed names the new one; boat's stays
    assert not rain.episode.audio_path.exists()
    assert boat.episode.audio_path.read_bytes() == b"boat audio"
    assert store.get("audio-boat") is not None


def test_a_new_episode_without_peaks_takes_those_stored_with_its_audio(config):
    store = AudioStore(config.cache_dir / "audio")
    mp3 = config.cache_dir / "x.mp3"
    mp3.parent.mkdir(parents=True)
    mp3.write_bytes(b"rain audio")
    store.put("audio-rain", mp3, {"duration": 1.0, "peaks": [9] * PEAK_COUNT})
    rain = planned(config, "2025-03-02", "rain", 1, b"rain audio", peaks=None)
    publish(config, [rain], store=store)
    peaks = json.loads((config.public_dir / "episodes" / "rain.peaks.json").read_bytes())
    assert peaks["peaks"] == [9] * PEAK_COUNT


def test_a_new_episode_known_nowhere_has_its_staged_mp3_decoded_for_its_waveform(config):
    sting = (ROOT / "audio" / "sting.mp3").read_bytes()
    rain = planned(config, "2025-03-02", "rain", 1, sting, peaks=None)
    publish(config, [rain])
    peaks = json.loads((config.public_dir / "episodes" / "rain.peaks.json").read_bytes())
    assert len(peaks["peaks"]) == PEAK_COUNT and max(peaks["peaks"]) > 0


def test_an_episode_in_public_known_nowhere_has_its_published_mp3_decoded(config):
    sting = (ROOT / "audio" / "sting.mp3").read_bytes()
    rain = planned(config, "2025-03-02", "rain", 1, sting, peaks=None, staged=False)
    publish(config, [rain])
    peaks = json.loads((config.public_dir / "episodes" / "rain.peaks.json").read_bytes())
    assert len(peaks["peaks"]) == PEAK_COUNT and max(peaks["peaks"]) > 0


def test_the_first_pages_show_the_waveforms_made_with_them(config):
    publish(config, [planned(config, "2025-03-02", "rain", 1, b"rain audio")])
    assert b'class="waveform"' in (config.public_dir / "episodes" / "rain.html").read_bytes()


def test_a_removed_post_takes_its_files_and_is_said_removed(config, caplog):
    rain = planned(config, "2025-03-02", "rain", 2, b"rain audio")
    boat = planned(config, "2025-03-01", "boat", 1, b"boat audio")
    publish(config, [rain, boat])
    episodes_dir = config.public_dir / "episodes"
    (episodes_dir / "boat.jpg").write_bytes(b"art")  # hers, though no longer made
    (episodes_dir / "boatyard.vtt").write_bytes(b"another post's")
    (episodes_dir / "notes.txt").write_bytes(b"the owner's own file")
    rain2 = planned(config, "2025-03-02", "rain", 1, b"rain audio")
    before = set(names(episodes_dir))
    with caplog.at_level(logging.INFO, logger="podcaster.build.commit"):
        episodes, removed = publish(config, [rain2])
    gone = sorted(before - set(names(episodes_dir)))
    assert gone and [r.getMessage() for r in caplog.records
                     if r.name == "podcaster.build.commit"] == [
        f"removing {episodes_dir / n}" for n in gone]
    assert [e.post.slug for e in episodes] == ["rain"]
    assert removed == ["boat"]
    left = names(episodes_dir)
    assert not [n for n in left if n.startswith("boat.")]
    assert {"boatyard.vtt", "notes.txt", rain.episode.audio_path.name} <= set(left)
    assert feed_files(config) == [rain.episode.audio_path.name]
    assert sorted(load_manifest(manifest_path(config.public_dir)).episodes) == ["rain"]


def test_audio_no_episode_uses_is_dropped_from_the_cache(config):
    store = AudioStore(config.cache_dir / "audio")
    mp3 = config.cache_dir / "x.mp3"
    mp3.parent.mkdir(parents=True)
    mp3.write_bytes(b"old")
    for key in ("audio-rain", "audio-gone"):
        store.put(key, mp3, {"duration": 1.0})
    publish(config, [planned(config, "2025-03-02", "rain", 1, b"rain audio")], store=store)
    assert store.get("audio-rain") is not None
    assert store.get("audio-gone") is None


def test_an_unchanged_file_is_not_written_again(config):
    rain = planned(config, "2025-03-02", "rain", 1, b"rain audio")
    publish(config, [rain])
    public = config.public_dir
    kept = [public / "index.html", public / FEED_NAME, public / "episodes" / "rain.vtt",
            rain.episode.audio_path]
    for path in kept:
        os.utime(path, ns=(1, 1))
    again = planned(config, "2025-03-02", "rain", 1, b"rain audio")
    publish(config, [again])
    assert [p.stat().st_mtime_ns for p in kept] == [1, 1, 1, 1]
    assert not again.staged.exists()
    record = load_manifest(manifest_path(public)).episodes["rain"]
    assert record.mtime_ns == 1  # the file the feed names, as it is


def test_an_episode_already_in_public_is_committed_without_staging(config):
    rain = planned(config, "2025-03-02", "rain", 1, b"rain audio", staged=False)
    episodes, _ = publish(config, [rain])
    assert [e.post.slug for e in episodes] == ["rain"]
    assert rain.episode.audio_path.read_bytes() == b"rain audio"
    assert load_manifest(manifest_path(config.public_dir)).episodes["rain"].sha256 == rain.sha256


@pytest.mark.parametrize("point", COMMIT)
def test_each_commit_point_is_reached_in_order(config, monkeypatch, point):
    rain = planned(config, "2025-03-02", "rain", 1, b"rain audio")
    publish(config, [rain])
    old_mp3 = rain.episode.audio_path
    new = planned(config, "2025-03-02", "rain", 1, b"rain audio, new")
    monkeypatch.setattr(faults, "_reached", faults.Counter())
    monkeypatch.setenv(faults.ENV, f"{point}=error")
    with pytest.raises(OSError, match=f"fault injected at {point}"):
        publish(config, [new])
    n = COMMIT.index(point)
    assert [p for p in COMMIT if faults._reached[p]] == COMMIT[:n + 1]
    assert new.episode.audio_path.exists() == (n >= COMMIT.index("commit:audio"))
    assert feed_files(config) == [(new if n >= COMMIT.index("commit:feed") else rain)
                                  .episode.audio_path.name]
    assert old_mp3.exists() == (n < COMMIT.index("commit:manifest"))
    record = load_manifest(manifest_path(config.public_dir)).episodes["rain"]
    assert record.sha256 == (new if n >= COMMIT.index("commit:done") else rain).sha256


# -- the parts -------------------------------------------------------------------------------


def test_render_publication_gives_every_file_but_the_mp3s(config):
    rain = planned(config, "2025-03-02", "rain", 1, b"rain audio")
    files = render_publication(config, [rain.episode], {"rain": rain.staged})
    assert {"episodes/rain.vtt", "episodes/rain.peaks.json", "cover.png", "index.html",
            FEED_NAME} <= set(files)
    assert not [r for r in files if r.endswith(".mp3")]
    assert files["cover.png"] == config.show.cover
    assert b"rain.vtt" in files[FEED_NAME]  # the feed links the transcript it is given


def test_the_feed_links_only_the_files_published_beside_it(config, monkeypatch):
    from podcaster.publish import tag

    rain = planned(config, "2025-03-02", "rain", 1, b"rain audio")
    real = tag.render_episode_sidecars

    def without_transcript(config, episode):
        return {k: v for k, v in real(config, episode).items() if k != ".vtt"}

    monkeypatch.setattr("podcaster.build.commit.render_episode_sidecars", without_transcript)
    files = render_publication(config, [rain.episode], {"rain": rain.staged})
    assert "episodes/rain.vtt" not in files
    assert b"rain.vtt" not in files[FEED_NAME]
    assert b"rain.chapters.json" in files[FEED_NAME]


def test_stage_files_stages_a_file_of_the_same_size_with_other_bytes(tmp_path):
    public, staging = tmp_path / "public", tmp_path / "staging"
    public.mkdir()
    (public / "a.html").write_bytes(b"same")
    (public / "b.html").write_bytes(b"abcd")
    (public / "c.html").write_bytes(b"longer than new")
    (public / "d").mkdir()
    staged = stage_files(staging, public, {"a.html": b"same", "b.html": b"abce",
                                           "c.html": b"new", "d": b"a file now"})
    assert staged == {"b.html": staging / "b.html", "c.html": staging / "c.html",
                      "d": staging / "d"}
    assert (staging / "c.html").read_bytes() == b"new"


def test_stage_files_goes_on_past_an_unchanged_file(tmp_path):
    public, staging = tmp_path / "public", tmp_path / "staging"
    public.mkdir()
    (public / "a.html").write_bytes(b"same")
    staged = stage_files(staging, public, {"a.html": b"same", FEED_NAME: b"<rss/>",
                                           "b.html": b"new", "index.html": b"<html/>"})
    assert list(staged) == ["b.html", "index.html", FEED_NAME]  # the feed last


def mp3(config, slug: str, data: bytes) -> str:
    return audio_file_name(slug, hashlib.sha256(data).hexdigest())


def test_unused_files_are_older_mp3s_and_names_from_before_hashing(config):
    rain = planned(config, "2025-03-02", "rain", 1, b"rain audio", staged=False)
    folder = config.public_dir / "episodes"
    for name in (mp3(config, "rain", b"older"), mp3(config, "gone", b"x"), "rain.mp3",
                 "other.mp3", "rain.vtt", "notes.txt", "rain.1234.mp3"):
        (folder / name).write_bytes(b"x")
    (folder / mp3(config, "dir", b"d")).mkdir()
    new = Manifest({})
    unused = unused_files(config, [rain.episode], Manifest({}), new)
    assert [p.name for p in unused] == sorted([mp3(config, "rain", b"older"),
                                               mp3(config, "gone", b"x"), "rain.mp3"])


def test_unused_files_are_none_without_an_episodes_folder(config):
    rain = planned(config, "2025-03-02", "rain", 1, b"rain audio")
    assert unused_files(config, [rain.episode], Manifest({}), Manifest({})) == []


def test_unused_files_are_the_files_of_removed_posts_not_of_kept_ones(config):
    rain = planned(config, "2025-03-02", "rain", 1, b"rain audio", staged=False)
    folder = config.public_dir / "episodes"
    for name in ("boat.vtt", "boat.peaks.json", "rain.vtt", "boats.vtt"):
        (folder / name).write_bytes(b"x")
    (folder / "rain.png").write_bytes(b"art the post no longer has")
    old = Manifest({"boat": None, "rain": None})
    new = Manifest({"rain": None})
    unused = unused_files(config, [rain.episode], old, new)
    assert [p.name for p in unused] == ["boat.peaks.json", "boat.vtt", "rain.png"]
    assert unused_files(config, [rain.episode], new, new) == [folder / "rain.png"]


def test_the_files_of_a_slug_are_not_those_of_a_longer_live_slug(tmp_path):
    for name in ("a.vtt", "a.b.vtt", "a.c.vtt", "ab.vtt", "a.b"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "a.dir").mkdir()
    assert [p.name for p in episode_files(tmp_path, "a", {"a.b"})] == [
        "a.b", "a.c.vtt", "a.vtt"]
    assert [p.name for p in episode_files(tmp_path, "a", set())] == [
        "a.b", "a.b.vtt", "a.c.vtt", "a.vtt"]
    assert episode_files(tmp_path / "none", "a", set()) == []


def test_install_leaves_a_file_with_the_same_bytes_alone(tmp_path):
    dest = tmp_path / "public" / "x.mp3"
    dest.parent.mkdir()
    dest.write_bytes(b"audio")
    os.utime(dest, ns=(1, 1))
    staged = tmp_path / "staged.mp3"
    staged.write_bytes(b"audio")
    assert install(staged, dest) is False
    assert dest.stat().st_mtime_ns == 1 and not staged.exists()
    staged.write_bytes(b"aud")  # shorter
    assert install(staged, dest) is True
    assert dest.read_bytes() == b"aud"
    staged.write_bytes(b"audio, longer")
    assert install(staged, dest) is True
    assert dest.read_bytes() == b"audio, longer"
