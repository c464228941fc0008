"""A rebuild reads only the posts that changed (the plan cache) and publishes nothing when
nothing changed (the published note), yet puts right what was changed in public/ by hand."""

from __future__ import annotations

import logging

import pytest

from podcaster.build import build_project
from podcaster.build.plancache import CACHE_NAME, PlanCache, context_key
from podcaster.model import Block, Cue, Post, Segment, Source
from podcaster.text import read as read_module
from podcaster.text.attribution import AttributionWarning
from podcaster.text.script import ScriptSettings
from tests.build_fixtures import built_project, snapshot

SLUGS = ["spring-rain", "robot-library", "night-train"]


@pytest.fixture
def project(tmp_path_factory, tmp_path):
    project = built_project(tmp_path_factory, tmp_path / "show")
    build_project(project)  # the copy's sounds have other paths: its plans are cached anew
    return project


@pytest.fixture
def reads(monkeypatch):
    """The names of the post files read (not taken from the plan cache)."""
    names = []
    real = read_module.read_post

    def counting(path, **options):
        names.append(path.name)
        return real(path, **options)

    monkeypatch.setattr(read_module, "read_post", counting)
    return names


def test_a_noop_rebuild_reads_no_post(project, reads):
    before = snapshot(project / "public")
    assert build_project(project).unchanged == SLUGS
    assert reads == []
    assert snapshot(project / "public") == before


@pytest.fixture
def commits(monkeypatch):
    """How many times the build committed."""
    from podcaster.build import commit as commit_module

    count = []
    real = commit_module.commit

    def counting(*args):
        count.append(1)
        return real(*args)

    monkeypatch.setattr(commit_module, "commit", counting)
    return count


def test_a_noop_rebuild_does_not_commit(project, commits):
    result = build_project(project)
    assert result.unchanged == SLUGS
    assert [e.number for e in result.episodes] == [1, 2, 3]
    assert commits == []


@pytest.mark.parametrize("change", ["remove", "edit", "add"])
def test_a_file_changed_by_hand_in_public_is_put_right(project, commits, change):
    public = project / "public"
    before = snapshot(public)
    if change == "remove":
        (public / "index.html").unlink()
    elif change == "edit":
        (public / "feed.xml").write_text("<rss/>", encoding="utf-8")
    else:
        (public / "episodes" / "old-post.html").write_text("<p>old</p>", encoding="utf-8")
    assert build_project(project).unchanged == SLUGS
    assert commits == [1]
    after = snapshot(public)
    after.pop("episodes/old-post.html", None)  # not podcaster's: left alone
    assert {k: v[1:] for k, v in after.items()} == {k: v[1:] for k, v in before.items()}
    assert build_project(project).unchanged == SLUGS
    assert commits == [1]


def test_a_new_cover_is_published(project, commits):
    from PIL import Image

    cover = project / "cover.png"
    Image.new("RGB", (1400, 1400), (20, 40, 90)).save(cover)
    text = (project / "podcast.toml").read_text(encoding="utf-8")
    (project / "podcast.toml").write_text(
        text.replace('owner_email = "owner@example.org"',
                     'owner_email = "owner@example.org"\ncover = "cover.png"'), encoding="utf-8")
    result = build_project(project)
    assert result.retagged == SLUGS  # the cover is in every episode's tags
    assert commits == [1]
    cover.unlink()
    Image.new("RGB", (1400, 1400), (90, 40, 20)).save(cover)
    build_project(project)
    assert commits == [1, 1]


def test_an_edited_post_alone_is_read_again_and_rebuilt(project, reads):
    post = project / "posts" / "2025-03-02-robot-library.txt"
    post.write_text(post.read_text(encoding="utf-8").replace("여유로워지겠네요", "편해지겠네요"),
                    encoding="utf-8")
    result = build_project(project)
    assert reads == ["2025-03-02-robot-library.txt"]
    assert result.built == ["robot-library"]
    transcript = (project / "public" / "episodes" / "robot-library.vtt").read_text("utf-8")
    assert "편해지겠네요" in transcript


def test_new_pronunciations_read_every_post_again(project, reads):
    with (project / "podcast.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[pronunciation]\n"기차" = "열차"\n')
    result = build_project(project)
    assert sorted(reads) == sorted(p.name for p in (project / "posts").iterdir())
    assert result.built == ["night-train"]  # the only post that says 기차


def test_a_damaged_cache_is_ignored(project, reads):
    (project / ".podcaster-cache" / CACHE_NAME).write_bytes(b"{not json")
    assert build_project(project).unchanged == SLUGS
    assert len(reads) == 3
    reads.clear()
    assert build_project(project).unchanged == SLUGS  # and written again
    assert reads == []


def test_cached_plans_equal_read_ones_and_repeat_their_warnings(tmp_path, caplog):
    path = tmp_path / "2025-01-02-a.txt"
    raw = "제목\n본문\n".encode()
    post = Post(path, "제목", __import__("datetime").date(2025, 1, 2), "a",
                [Block("본문"), Block("인용", quoted=True, continues=True, line=3)], [Source(1, "기사", "신문", "https://x")],
                description=None, raw=raw)
    segments = [Segment("article", "기사", ["인용"], Source(1, "기사", "신문", "https://x"),
                        confidence=0.5, why=["제목 낱말 두 개"])]
    cues = [Cue("intro", sound=tmp_path / "intro.mp3", pause_after=0.5),
            Cue("article", "인용", "인용", segment=0, paragraph=0, pause_after=0.35)]
    key = context_key(ScriptSettings())
    cache = PlanCache(tmp_path / CACHE_NAME, key)
    with cache.recording() as warnings:
        logging.getLogger("podcaster.text.readers.paragraphs").warning("%s: odd quote", path)
    attribution = [AttributionWarning(path.name, "the quote's source is unclear", 2, 3)]
    cache.put(path, raw, post, segments, cues, warnings, attribution)
    cache.save()

    again = PlanCache(tmp_path / CACHE_NAME, key)
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        assert again.get(path, raw) == (post, segments, cues, attribution)
    assert f"{path}: odd quote" in caplog.text
    assert again.get(path, raw + b"\n") is None  # other bytes
    assert PlanCache(tmp_path / CACHE_NAME, "other").get(path, raw) is None  # other settings
    assert key != context_key(ScriptSettings(sentence_pause=0.5))
