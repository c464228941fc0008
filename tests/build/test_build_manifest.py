"""The build manifest: episode data round trip, output checks, file ownership, installs."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from podcaster.build import build_project
from podcaster.build.commit import episode_files, install
from podcaster.build.manifest import (
    MANIFEST_NAME,
    EpisodeRecord,
    Manifest,
    episode_from_record,
    episode_record,
    file_sha256,
    load_manifest,
    output_intact,
)
from podcaster.model import (
    Block,
    Cue,
    Episode,
    Post,
    Segment,
    SegmentSpan,
    Source,
    TimedCue,
    Timeline,
)
from tests.helpers import built_project


def sample_episode(project: Path) -> Episode:
    source = Source(1, "기사 제목", "신문", "https://news.example.org/1")
    post = Post(path=project / "posts" / "2025-01-02-sample.md", title="제목",
                date=dt.date(2025, 1, 2), slug="sample",
                blocks=[Block("인사입니다."), Block("인용입니다.", quoted=True)],
                sources=[source], description="설명", raw=b"raw bytes")
    segments = [Segment("greeting", "인사", ["인사입니다."]),
                Segment("article", "기사 제목", ["인용입니다."], source)]
    cues = [Cue("intro", sound=project / "audio" / "intro.wav"),
            Cue("title", "제목", "제목", pause_after=0.3),
            Cue("greeting", "인사입니다.", "인사입니다.", segment=0, paragraph=0,
                pause_after=0.3),
            Cue("sting", sound=Path("/usr/share/sounds/sting.mp3"), segment=1),
            Cue("article", "인용 1.5%입니다.", "인용 일 점 오 퍼센트입니다.", segment=1,
                paragraph=0, pause_after=0.7)]
    times = [(0.0, 0.4), (0.4, 1.25), (1.55, 2.8), (3.1, 3.25), (3.25, 5.125)]
    timeline = Timeline(
        cues=[TimedCue(c, a, b) for c, (a, b) in zip(cues, times)],
        segments=[SegmentSpan(0, "greeting", "인사", 0.0, 3.1),
                  SegmentSpan(1, "article", "기사 제목", 3.1, 5.825, source)],
        duration=5.825)
    return Episode(post, segments, 7, project / "public" / "episodes" / "sample.mp3", 1234,
                   5.825, timeline)


def test_episode_round_trips_through_the_manifest(tmp_path):
    project = tmp_path / "show"
    episode = sample_episode(project)
    record = episode_record(episode, audio_key="a" * 64, tags_key="t" * 64, sha256="s" * 64,
                            mtime_ns=123, public_dir=project / "public", project_dir=project)
    manifest = Manifest({record.slug: record})
    loaded = json.loads(manifest.to_bytes())
    assert "raw" not in json.dumps(loaded)
    assert loaded["episodes"]["sample"]["post"]["path"] == "posts/2025-01-02-sample.md"
    assert loaded["episodes"]["sample"]["file"] == "episodes/sample.mp3"

    path = tmp_path / MANIFEST_NAME
    path.write_bytes(manifest.to_bytes())
    back = episode_from_record(load_manifest(path).episodes["sample"], project / "public",
                               project)
    episode.post.raw = b""  # the one thing not kept
    assert back == episode


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"version": 999, "episodes": {}}',
                                     b'{"version": 1, "episodes": {"x": {"size": 1}}}', b"[]"])
def test_unusable_manifest_loads_empty(tmp_path, content):
    path = tmp_path / MANIFEST_NAME
    path.write_bytes(content)
    assert load_manifest(path).episodes == {}


def test_missing_manifest_loads_empty(tmp_path):
    assert load_manifest(tmp_path / MANIFEST_NAME).episodes == {}


def _record_for(mp3: Path, public: Path) -> EpisodeRecord:
    st = mp3.stat()
    return EpisodeRecord(slug="x", source="posts/x.txt", audio_key="", tags_key="",
                         file=mp3.relative_to(public).as_posix(), size=st.st_size,
                         sha256=file_sha256(mp3), mtime_ns=st.st_mtime_ns, number=1,
                         duration=1.0, post={}, segments=[], timeline={})


def test_output_intact(tmp_path):
    public = tmp_path / "public"
    mp3 = public / "episodes" / "x.mp3"
    mp3.parent.mkdir(parents=True)
    mp3.write_bytes(b"0123456789")
    record = _record_for(mp3, public)
    assert output_intact(record, public)
    os.utime(mp3, ns=(5, 5))  # same bytes, new mtime: checked by digest
    assert output_intact(record, public)
    mp3.write_bytes(b"0123456780")  # same size, other bytes
    os.utime(mp3, ns=(6, 6))
    assert not output_intact(record, public)
    mp3.write_bytes(b"short")
    assert not output_intact(record, public)
    mp3.unlink()
    assert not output_intact(record, public)


def test_episode_files_belong_to_their_slug_only(tmp_path):
    for name in ["a.mp3", "a.vtt", "a.chapters.json", "a.b.mp3", "a.b.srt", "ab.mp3",
                 "b.mp3"]:
        (tmp_path / name).write_text("x")
    assert [p.name for p in episode_files(tmp_path, "a", live={"a.b", "ab", "b"})] == \
        ["a.chapters.json", "a.mp3", "a.vtt"]
    assert [p.name for p in episode_files(tmp_path, "a.b", live={"a", "ab", "b"})] == \
        ["a.b.mp3", "a.b.srt"]
    assert episode_files(tmp_path / "missing", "a", live=set()) == []


def test_install_leaves_identical_files_alone(tmp_path):
    dest = tmp_path / "public" / "x.mp3"
    dest.parent.mkdir()
    dest.write_bytes(b"same")
    os.utime(dest, ns=(10, 10))
    staged = tmp_path / "staged.mp3"
    staged.write_bytes(b"same")
    assert install(staged, dest) is False
    assert dest.stat().st_mtime_ns == 10 and not staged.exists()

    staged.write_bytes(b"different")
    assert install(staged, dest) is True
    assert dest.read_bytes() == b"different" and not staged.exists()


def test_manifest_records_what_the_build_wrote(tmp_path_factory, tmp_path):
    project = built_project(tmp_path_factory, tmp_path / "show")
    public = project / "public"
    manifest = load_manifest(public / MANIFEST_NAME)
    result = build_project(project)
    assert set(manifest.episodes) == {e.post.slug for e in result.episodes}
    for episode in result.episodes:
        record = manifest.episodes[episode.post.slug]
        assert record.source == f"posts/{episode.post.path.name}"
        assert record.size == episode.audio_path.stat().st_size == episode.size
        assert record.sha256 == file_sha256(episode.audio_path)
        assert record.number == episode.number
        assert output_intact(record, public)
