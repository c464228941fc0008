"""Incremental builds: nothing unchanged is redone, removed posts disappear, numbers follow dates."""

from __future__ import annotations

import json
import os
import shutil

import feedparser
import pytest

from podcaster.build import build_project
from podcaster.build import produce as produce_module
from podcaster.build.manifest import MANIFEST_NAME
from podcaster.config import load_config
from podcaster.publish import waveform
from podcaster.publish.tag import episode_tags, read_tags, write_tags
from tests.helpers import built_project, mp3_entry, mp3_of, snapshot

SLUGS = ["spring-rain", "robot-library", "night-train"]


@pytest.fixture
def project(tmp_path_factory, tmp_path):
    return built_project(tmp_path_factory, tmp_path / "show")


def feed_entries(project):
    feed = feedparser.parse((project / "public" / "feed.xml").read_bytes())
    return {e.enclosures[0].href.rsplit("/", 1)[-1].split(".")[0]: e for e in feed.entries}


def audio_frames(path):
    """The MP3 without its ID3v2 tag: the encoded audio alone."""
    data = path.read_bytes()
    assert data[:3] == b"ID3"
    size = 0
    for b in data[6:10]:
        size = (size << 7) | b
    return data[10 + size:]


def test_noop_rebuild_writes_no_file(project):
    public = project / "public"
    before = snapshot(public)
    assert all(mp3_entry(before, s) for s in SLUGS)
    assert MANIFEST_NAME in before and "feed.xml" in before

    result = build_project(project)

    assert snapshot(public) == before
    assert result.unchanged == SLUGS
    assert result.built == result.retagged == result.removed == []
    assert result.stats.synthesised == result.stats.cached == 0
    assert [e.number for e in result.episodes] == [1, 2, 3]
    assert not (project / ".podcaster-cache" / "staging").exists()


def test_editing_one_post_rebuilds_only_that_episode(project):
    public = project / "public"
    before = snapshot(public)
    post = project / "posts" / "2025-03-02-robot-library.txt"
    post.write_text(post.read_text(encoding="utf-8").replace(
        "사서 선생님들이", "도서관 사서 선생님들이 이제"), encoding="utf-8")

    result = build_project(project)

    after = snapshot(public)
    assert result.built == ["robot-library"]
    assert result.unchanged == ["spring-rain", "night-train"]
    assert result.stats.synthesised == 1  # only the edited sentence
    for slug in ("spring-rain", "night-train"):
        assert mp3_entry(after, slug) == mp3_entry(before, slug)
    new_name, (_, size, sha) = mp3_entry(after, "robot-library")
    assert sha != mp3_entry(before, "robot-library")[1][2]
    assert mp3_entry(before, "robot-library")[0] not in after  # the old MP3 is gone
    entry = feed_entries(project)["robot-library"]
    assert entry.enclosures[0].href.endswith(new_name)
    assert int(entry.enclosures[0].length) == size
    # and the next build is a no-op again
    assert build_project(project).unchanged == SLUGS
    assert snapshot(public) == after


def test_deleting_a_post_removes_its_episode_and_files(project):
    episodes = project / "public" / "episodes"
    # every file beside the MP3 named after the slug belongs to the post
    (episodes / "night-train.extra.txt").write_text("x", encoding="utf-8")
    names = {p.name for p in episodes.iterdir()}
    gone = {n for n in names if n.startswith("night-train.")}
    assert {mp3_of(project / "public", "night-train").name, "night-train.vtt",
            "night-train.extra.txt"} <= gone
    (project / "posts" / "2025-03-03-night-train.txt").unlink()

    result = build_project(project)

    assert result.removed == ["night-train"]
    assert {p.name for p in episodes.iterdir()} == names - gone
    assert set(feed_entries(project)) == {"spring-rain", "robot-library"}
    manifest = json.loads((project / "public" / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert set(manifest["episodes"]) == {"spring-rain", "robot-library"}


def test_draft_post_is_not_published(project):
    post = project / "posts" / "2025-03-02-robot-library.txt"
    text = post.read_text(encoding="utf-8")
    post.unlink()
    draft = project / "posts" / "2025-03-02-robot-library.md"
    draft.write_text("---\ndraft: true\n---\n" + text, encoding="utf-8")

    result = build_project(project)

    assert result.removed == ["robot-library"]
    assert not any(p.name.startswith("robot-library.")
                   for p in (project / "public" / "episodes").iterdir())
    assert set(feed_entries(project)) == {"spring-rain", "night-train"}
    # the later episode moves up a number: re-tagged, not re-encoded
    assert result.retagged == ["night-train"]
    assert [e.number for e in result.episodes] == [1, 2]

    draft.write_text(text, encoding="utf-8")  # published again
    result = build_project(project)
    assert result.built == ["robot-library"] and result.retagged == ["night-train"]
    assert result.stats.synthesised == 0


def test_older_post_renumbers_later_episodes_by_retagging(project, tmp_path):
    frames = {s: audio_frames(mp3_of(project / "public", s)) for s in SLUGS}
    (project / "posts" / "2025-02-28-winter-end.txt").write_text(
        "겨울의 끝\n안녕하세요 시험 작가입니다.\n“올겨울 마지막 한파가 물러간다.”\n"
        "이제 곧 봄입니다.\n이상 오늘의 소식이었습니다.\n", encoding="utf-8")

    result = build_project(project)

    assert result.built == ["winter-end"]
    assert result.retagged == SLUGS
    assert {e.post.slug: e.number for e in result.episodes} == {
        "winter-end": 1, "spring-rain": 2, "robot-library": 3, "night-train": 4}
    for n, slug in enumerate(SLUGS, start=2):
        assert str(read_tags(mp3_of(project / "public", slug))["TRCK"]) == str(n)
        assert audio_frames(mp3_of(project / "public", slug)) == frames[slug]
    assert {k: int(e.itunes_episode) for k, e in feed_entries(project).items()} == {
        "winter-end": 1, "spring-rain": 2, "robot-library": 3, "night-train": 4}

    # a re-tagged MP3 is byte-identical to tagging the encoded audio afresh (a clean build)
    config = load_config(project)
    for episode in result.episodes:
        fresh = tmp_path / f"{episode.post.slug}.mp3"
        fresh.write_bytes(audio_frames(episode.audio_path))
        write_tags(fresh, episode_tags(config, episode))
        assert fresh.read_bytes() == episode.audio_path.read_bytes()


def test_stored_peaks_that_are_not_a_waveform_are_decoded_again(project, monkeypatch):
    episodes = project / "public" / "episodes"
    before = {slug: json.loads((episodes / f"{slug}.peaks.json").read_bytes())["peaks"]
              for slug in SLUGS}
    shutil.rmtree(project / "public")
    for meta in (project / ".podcaster-cache" / "episodes").glob("*/*.json"):
        doc = json.loads(meta.read_bytes())
        doc["timeline"]["peaks"] = [1000, "loud"]  # edited by hand, or by another tool
        meta.write_text(json.dumps(doc), encoding="utf-8")
    result = build_project(project)
    assert result.restored == SLUGS
    decoded = {}
    for slug in SLUGS:
        decoded[slug] = json.loads((episodes / f"{slug}.peaks.json").read_bytes())["peaks"]
        assert len(decoded[slug]) == len(before[slug])  # decoded from the MP3: the same
        assert max(abs(a - b) for a, b in zip(decoded[slug], before[slug])) <= 5  # but for
        # MP3 coding
    # ... and kept with the stored audio: the next restore decodes nothing, and agrees
    shutil.rmtree(project / "public")
    monkeypatch.setattr(waveform, "mp3_peaks", no_decoding)
    monkeypatch.setattr(produce_module, "mp3_peaks", no_decoding)
    assert build_project(project).restored == SLUGS
    for slug in SLUGS:
        assert json.loads((episodes / f"{slug}.peaks.json").read_bytes())["peaks"] == \
            decoded[slug]


def no_decoding(*args, **kwargs):
    raise AssertionError("an MP3 was decoded for its waveform")


def test_written_only_change_retags_and_updates_sidecars(project, monkeypatch):
    """A new source link changes what listeners see, not what they hear."""
    episodes = project / "public" / "episodes"
    frames = audio_frames(mp3_of(project / "public", "spring-rain"))
    peaks = json.loads((episodes / "spring-rain.peaks.json").read_bytes())
    monkeypatch.setattr(waveform, "mp3_peaks", no_decoding)  # the same audio, the same peaks
    post = project / "posts" / "2025-03-01-spring-rain.txt"
    post.write_text(post.read_text(encoding="utf-8").replace(
        "https://weather.example.org/spring-rain", "https://weather.example.org/rain-2"),
        encoding="utf-8")

    result = build_project(project)

    assert result.built == [] and result.retagged == ["spring-rain"]
    assert result.stats.synthesised == result.stats.cached == 0
    assert audio_frames(mp3_of(project / "public", "spring-rain")) == frames
    again = json.loads((episodes / "spring-rain.peaks.json").read_bytes())
    assert again["peaks"] == peaks["peaks"] and again["audio"] != peaks["audio"]
    chapters = (episodes / "spring-rain.chapters.json").read_text(encoding="utf-8")
    assert "https://weather.example.org/rain-2" in chapters
    assert "https://weather.example.org/spring-rain" not in chapters
    episode = next(e for e in result.episodes if e.post.slug == "spring-rain")
    urls = [s.source.url for s in episode.timeline.segments if s.source]
    assert urls == ["https://weather.example.org/rain-2"]


def test_show_metadata_change_retags_without_synthesis(project):
    toml = project / "podcast.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        'author = "시험 작가"', 'author = "새 작가"'), encoding="utf-8")
    result = build_project(project)
    assert result.retagged == SLUGS
    assert result.stats.synthesised == result.stats.cached == 0
    assert str(read_tags(mp3_of(project / "public", "spring-rain"))["TPE1"]) == "새 작가"


def test_audio_setting_change_rebuilds_every_episode(project):
    for name in ("2025-03-02-robot-library.txt", "2025-03-03-night-train.txt"):
        (project / "posts" / name).unlink()  # one episode is enough, and quicker
    toml = project / "podcast.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        "segment_pause = 0.3", "segment_pause = 0.5"), encoding="utf-8")
    result = build_project(project)
    assert result.built == ["spring-rain"]
    assert result.stats.synthesised == 0  # the clips themselves did not change


def test_damaged_episode_is_restored_from_the_cache(project):
    mp3 = mp3_of(project / "public", "spring-rain")
    good = mp3.read_bytes()
    mp3.write_bytes(good[: len(good) // 2])
    result = build_project(project)
    assert result.restored == ["spring-rain"]
    assert mp3.read_bytes() == good


def test_fresh_public_with_the_cache_encodes_nothing(project, monkeypatch):
    """CI: a new checkout with only .podcaster-cache restored publishes the stored audio."""
    before = snapshot(project / "public")
    manifest_before = (project / "public" / MANIFEST_NAME).read_bytes()
    shutil.rmtree(project / "public")

    def no_encoding(*args, **kwargs):
        raise AssertionError("an episode was assembled again")

    monkeypatch.setattr(produce_module, "assemble_episode", no_encoding)
    monkeypatch.setattr(waveform, "mp3_peaks", no_decoding)  # peaks are stored with the audio
    result = build_project(project)

    assert result.restored == SLUGS
    assert result.stats.synthesised == result.stats.cached == 0
    after = snapshot(project / "public")
    assert set(after) == set(before)
    for name in set(before) - {MANIFEST_NAME}:
        assert after[name][1:] == before[name][1:], name  # same size and bytes

    def without_mtimes(manifest_bytes):
        episodes = json.loads(manifest_bytes)["episodes"]
        return {slug: {k: v for k, v in e.items() if k != "mtime_ns"}
                for slug, e in episodes.items()}

    assert without_mtimes((project / "public" / MANIFEST_NAME).read_bytes()) == \
        without_mtimes(manifest_before)
    assert build_project(project).unchanged == SLUGS


def test_cache_keeps_the_audio_of_published_episodes_only(project):
    store = project / ".podcaster-cache" / "episodes"
    assert len(list(store.glob("*/*.mp3"))) == 3
    (project / "posts" / "2025-03-03-night-train.txt").unlink()
    build_project(project)
    manifest = json.loads((project / "public" / MANIFEST_NAME).read_bytes())
    keys = {e["audio_key"] for e in manifest["episodes"].values()}
    assert {p.stem for p in store.glob("*/*.mp3")} == keys
    assert {p.stem for p in store.glob("*/*.json")} == keys


def test_restored_public_with_new_mtimes_is_not_rebuilt(project):
    """A public/ restored from a backup or a checkout has new mtimes but the same bytes."""
    public = project / "public"
    for path in public.rglob("*"):
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    before = snapshot(public)

    result = build_project(project)

    after = snapshot(public)
    assert result.unchanged == SLUGS
    changed = {k for k in before if before[k] != after[k]}
    assert changed == {MANIFEST_NAME}  # it records the new mtimes, nothing else is written
    assert snapshot(public) == after


def test_unchanged_episodes_come_back_whole_from_the_manifest(project):
    """The episode data of a skipped post equals the data of a fresh build; an episode the
    manifest lost is rebuilt, and its byte-identical MP3 is left in place."""
    public = project / "public"
    kept = {e.post.slug: e for e in build_project(project).episodes}
    manifest = json.loads((public / MANIFEST_NAME).read_bytes())
    del manifest["episodes"]["robot-library"]
    (public / MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")
    shutil.rmtree(project / ".podcaster-cache" / "episodes")  # no stored audio either
    before = snapshot(public)

    result = build_project(project)

    assert result.built == ["robot-library"]
    assert result.stats.synthesised == 0
    after = snapshot(public)
    for slug in SLUGS:
        assert mp3_entry(after, slug) == mp3_entry(before, slug)
    a = kept["robot-library"]
    b = next(e for e in result.episodes if e.post.slug == "robot-library")
    assert (a.number, a.size, a.duration) == (b.number, b.size, b.duration)
    assert a.post.title == b.post.title and a.post.sources == b.post.sources
    assert a.segments == b.segments
    assert a.timeline.duration == b.timeline.duration
    assert a.timeline.segments == b.timeline.segments
    assert [(t.cue, t.start, t.end) for t in a.timeline.cues] == \
           [(t.cue, t.start, t.end) for t in b.timeline.cues]
