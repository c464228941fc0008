"""The manifest and the stored audio, each rule from both sides: an entry that matches its
MP3 and one that does not (by size, by digest, by a missing field), files inside and outside
the project, fields present and absent, and the exact bytes of the manifest."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest

from podcaster.build.manifest import (
    MANIFEST_NAME,
    AudioStore,
    EpisodeRecord,
    FileDigests,
    Manifest,
    cue_from_dict,
    digest,
    file_sha256,
    load_manifest,
    post_from_dict,
    relative_path,
    timeline_with_times,
)
from podcaster.model import Cue, Segment, Source

KEY = "ab" + "0" * 62
TIMELINE = {"duration": 2.5, "cues": [], "segments": []}


@pytest.fixture
def store(tmp_path) -> AudioStore:
    return AudioStore(tmp_path / "episodes")


def stored(store: AudioStore, tmp_path: Path, key: str = KEY, audio: bytes = b"mp3 audio") -> Path:
    mp3 = tmp_path / f"{key}-in.mp3"
    mp3.write_bytes(audio)
    store.put(key, mp3, dict(TIMELINE))
    return store.root / key[:2] / f"{key}.mp3"


def test_stored_audio_comes_back_with_its_timeline(store, tmp_path):
    path = stored(store, tmp_path)
    assert path.read_bytes() == b"mp3 audio"
    assert store.get(KEY) == (path, TIMELINE)
    meta = json.loads(path.with_suffix(".json").read_bytes())
    assert meta == {"size": 9, "sha256": file_sha256(path), "timeline": TIMELINE}


def test_absent_audio_is_none_without_a_warning(store, caplog):
    with caplog.at_level(logging.WARNING):
        assert store.get(KEY) is None
    assert not caplog.records


def damage_size(path: Path) -> None:
    path.write_bytes(b"mp3 audi")  # cut off


def damage_bytes(path: Path) -> None:
    path.write_bytes(b"mp3 AUDIO")  # same size, other bytes


def damage_mp3_gone(path: Path) -> None:
    path.unlink()


def damage_meta(path: Path) -> None:
    path.with_suffix(".json").write_bytes(b"{not json")


def damage_meta_field(path: Path) -> None:
    meta = path.with_suffix(".json")
    meta.write_text(json.dumps({"size": 9, "timeline": TIMELINE}))  # no digest


def damage_meta_kind(path: Path) -> None:
    path.with_suffix(".json").write_text("[]")


@pytest.mark.parametrize(("damage", "why"), [
    (damage_size, "the MP3 does not match its recorded size and digest"),
    (damage_bytes, "the MP3 does not match its recorded size and digest"),
    (damage_mp3_gone, "incomplete: [Errno 2] No such file or directory"),
    (damage_meta, "unreadable: "),
    (damage_meta_field, "incomplete: 'sha256'"),
    (damage_meta_kind, "incomplete: list indices must be integers"),
])
def test_damaged_stored_audio_is_discarded_with_a_warning(store, tmp_path, caplog, damage, why):
    path = stored(store, tmp_path)
    damage(path)
    with caplog.at_level(logging.WARNING):
        assert store.get(KEY) is None
    assert not path.exists() and not path.with_suffix(".json").exists()
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    message = caplog.records[0].getMessage()
    assert message.startswith(f"discarding damaged stored audio {path} ({why}")
    assert message.endswith("); encoding it again")


def test_peaks_are_kept_with_the_audio_and_read_without_it(store, tmp_path):
    path = stored(store, tmp_path)
    assert store.peaks(KEY) is None
    store.keep_peaks(KEY, [1, 5, 3])
    path.unlink()  # the peaks come from the timeline alone
    assert store.peaks(KEY) == [1, 5, 3]


@pytest.mark.parametrize("meta", [None, b"{not json", b"[]", b'{"size": 1}',
                                  b'{"timeline": []}'])
def test_unreadable_peaks_are_none(store, meta):
    if meta is not None:
        path = store.root / KEY[:2] / f"{KEY}.json"
        path.parent.mkdir(parents=True)
        path.write_bytes(meta)
    assert store.peaks(KEY) is None


def test_peaks_that_cannot_be_kept_are_a_warning(store, caplog):
    with caplog.at_level(logging.WARNING):
        store.keep_peaks(KEY, [1, 2])  # nothing stored
    meta = store.root / KEY[:2] / f"{KEY}.json"
    (record,) = caplog.records
    assert record.getMessage() == (f"{meta}: cannot keep the waveform with the stored audio: "
                                   f"[Errno 2] No such file or directory: '{meta}'")


def test_prune_keeps_the_keys_asked_for_and_clears_leftovers(store, tmp_path):
    other = "cd" + "1" * 62
    kept, dropped = stored(store, tmp_path), stored(store, tmp_path, other)
    leftover = kept.parent / f".{KEY}.mp3.tmp"  # from a killed build
    leftover.write_bytes(b"x")
    unrelated = kept.parent / "notes.txt"
    unrelated.write_bytes(b"x")
    assert store.prune({KEY}) == 1  # one MP3 removed (its JSON is not counted)
    assert kept.exists() and kept.with_suffix(".json").exists()
    assert not dropped.exists() and not dropped.with_suffix(".json").exists()
    assert not leftover.exists() and unrelated.exists()
    assert store.prune({KEY, other}) == 0


def test_prune_of_no_store_removes_nothing(store):
    assert store.prune(set()) == 0


# ---- keys --------------------------------------------------------------------------------


def test_a_digest_ignores_key_order_and_sees_every_value():
    assert digest({"a": 1, "b": "가"}) == digest({"b": "가", "a": 1})
    assert digest({"a": 1, "b": "가"}) != digest({"a": 1, "b": "나"})
    assert digest({"a": 1}) != digest({"a": 1.5})
    assert len(digest([])) == 64


def test_a_file_is_hashed_once_until_its_size_or_time_changes(tmp_path, monkeypatch):
    path = tmp_path / "music.mp3"
    path.write_bytes(b"one")
    os.utime(path, ns=(1, 1))
    digests = FileDigests()
    first = digests(path)
    path.write_bytes(b"two")  # same size and time: taken as unchanged
    os.utime(path, ns=(1, 1))
    assert digests(path) == first
    os.utime(path, ns=(2, 2))  # a new time: hashed again
    assert digests(path) == file_sha256(path) != first
    path.write_bytes(b"three")  # a new size
    os.utime(path, ns=(2, 2))
    assert digests(path) == file_sha256(path)


# ---- (de)serialisation -----------------------------------------------------------------------


def test_paths_inside_the_project_are_relative_and_others_as_given(tmp_path):
    project = tmp_path / "show"
    (project / "posts").mkdir(parents=True)
    assert relative_path(project / "posts" / "a.txt", project) == "posts/a.txt"
    assert relative_path(tmp_path / "elsewhere.txt", project) == str(tmp_path / "elsewhere.txt")
    assert relative_path(None, project) is None
    link = tmp_path / "link"
    link.symlink_to(project)  # the same folder by another name
    assert relative_path(link / "posts" / "a.txt", project) == "posts/a.txt"


def test_a_post_from_an_older_manifest_takes_the_defaults(tmp_path):
    post = post_from_dict({"path": "posts/a.txt", "title": "제목", "date": "2025-01-02",
                           "slug": "a", "blocks": [{"text": "인용"}]}, tmp_path)
    assert post.path == tmp_path / "posts" / "a.txt"
    assert (post.draft, post.description, post.sources) == (False, None, [])
    assert [(b.text, b.quoted) for b in post.blocks] == [("인용", False)]
    absolute = post_from_dict({"path": "/srv/a.txt", "title": "", "date": "2025-01-02",
                               "slug": "a", "draft": True, "description": "설명"}, tmp_path)
    assert absolute.path == Path("/srv/a.txt") and absolute.draft and absolute.blocks == []
    assert absolute.description == "설명"


def test_a_cue_from_an_older_manifest_takes_the_defaults(tmp_path):
    assert cue_from_dict({"kind": "intro", "sound": "audio/intro.mp3"}, tmp_path) == Cue(
        "intro", sound=tmp_path / "audio" / "intro.mp3")
    assert cue_from_dict({"kind": "title", "text": "제목", "spoken": "제목", "segment": 0,
                          "paragraph": 1, "pause_after": 0.5}, tmp_path) == Cue(
        "title", "제목", "제목", None, 0, 1, 0.5)


SEGMENTS = [Segment("greeting", "새 인사", ["…"]),
            Segment("article", "새 제목", ["…"], Source(1, "새 제목", "일보"))]
STORED = {"duration": 9.0,
          "cues": [{"start": 0.0, "end": 2.0}, {"start": 3.0, "end": 8.5}],
          "segments": [{"index": 0, "kind": "x", "title": "옛 인사", "start": 0.0, "end": 3.0},
                       {"index": 1, "kind": "x", "title": "옛 제목", "start": 3.0, "end": 9.0}]}


def test_stored_times_take_the_posts_words_as_they_are_now():
    cues = [Cue("greeting", "새 말", "새 말", segment=0), Cue("article", "인용", "인용", segment=1)]
    timeline = timeline_with_times(STORED, cues, SEGMENTS)
    assert [(t.cue, t.start, t.end) for t in timeline.cues] == [(cues[0], 0.0, 2.0),
                                                                (cues[1], 3.0, 8.5)]
    assert [(s.kind, s.title, s.start, s.end, s.source) for s in timeline.segments] == [
        ("greeting", "새 인사", 0.0, 3.0, None),
        ("article", "새 제목", 3.0, 9.0, SEGMENTS[1].source)]
    assert timeline.duration == 9.0


@pytest.mark.parametrize("count", [1, 3])
def test_stored_times_for_another_number_of_cues_are_refused(count):
    cues = [Cue("greeting", "말", "말", segment=0)] * count
    with pytest.raises(ValueError, match="^the stored timeline has another number of cues$"):
        timeline_with_times(STORED, cues, SEGMENTS)


# ---- the manifest file ------------------------------------------------------------------------


def record(slug: str) -> EpisodeRecord:
    return EpisodeRecord(slug=slug, source=f"posts/{slug}.txt", audio_key="a", tags_key="t",
                         file=f"episodes/{slug}.mp3", size=10, sha256="s", mtime_ns=1,
                         number=1, duration=1.5, post={}, segments=[], timeline={})


def test_the_manifest_is_one_sorted_episode_a_line():
    manifest = Manifest({slug: record(slug) for slug in ("나", "b", "a")})
    lines = manifest.to_bytes().decode("utf-8").split("\n")
    assert lines[0] == '{"version": 1, "episodes": {'
    assert [line.split(":")[0] for line in lines[1:4]] == ['"a"', '"b"', '"나"']
    assert [line.endswith(",") for line in lines[1:4]] == [True, True, False]
    assert lines[4:] == ["}}", ""]
    assert json.loads(manifest.to_bytes())["episodes"]["나"]["file"] == "episodes/나.mp3"
    assert Manifest().to_bytes() == b'{"version": 1, "episodes": {\n}}\n'


@pytest.mark.parametrize(("content", "message"), [
    (b"{not json", "unreadable build manifest"),
    (b'{"version": 2, "episodes": {}}', "another version"),
    (b'{"episodes": {}}', "another version"),
    (b"[]", "another version"),
    (b'{"version": 1, "episodes": {"a": {"size": 1}}}', "malformed build manifest"),
    (b'{"version": 1, "episodes": {"a": []}}', "malformed build manifest"),
    (b'{"version": 1, "episodes": []}', "malformed build manifest"),
])
def test_an_unusable_manifest_is_a_warning_naming_it(tmp_path, caplog, content, message):
    path = tmp_path / MANIFEST_NAME
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING):
        assert load_manifest(path).episodes == {}
    assert message in caplog.text and str(path) in caplog.text


def test_a_manifest_round_trips_and_one_without_episodes_is_empty(tmp_path):
    path = tmp_path / MANIFEST_NAME
    manifest = Manifest({"a": record("a"), "b": record("b")})
    path.write_bytes(manifest.to_bytes())
    assert load_manifest(path) == manifest
    path.write_bytes(b'{"version": 1}')
    assert load_manifest(path) == Manifest()


def test_prune_counts_the_mp3s_it_removes(store, tmp_path):
    for key in ("ef" + "2" * 62, "ef" + "4" * 62):
        stored(store, tmp_path, key).with_suffix(".json").unlink()  # the MP3 still counts
    stored(store, tmp_path, "ab" + "3" * 62).unlink()  # its MP3 lost: nothing to count
    assert store.prune(set()) == 2
    assert not any(store.root.glob("*/*"))


def test_a_digest_is_of_compact_sorted_utf8_json():
    # the format of every key in every manifest: a change would rebuild every episode
    import hashlib

    expected = hashlib.sha256('{"a":[1,2.5],"b":"가"}'.encode()).hexdigest()
    assert digest({"b": "가", "a": [1, 2.5]}) == expected
