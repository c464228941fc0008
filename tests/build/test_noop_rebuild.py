"""A rebuild reads only the posts that changed (the plan cache) and publishes nothing when
nothing changed (the published note), yet puts right what was changed in public/ by hand."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

import podcaster
from podcaster.build import build_project
from podcaster.build.plancache import CACHE_NAME, PlanCache, context_key
from podcaster.build.run import ARTWORK_RECORD_NAME
from podcaster.errors import ConfigError
from podcaster.model import Block, Cue, Post, Segment, Source
from podcaster.text import read as read_module
from podcaster.text.attribution import AttributionWarning
from podcaster.text.script import ScriptSettings
from tests.helpers import built_project, snapshot

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
    result = build_project(project)  # podcast.toml names cover.png: a new image there
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


# The libraries a build that changes nothing must not load: audio, tagging, images, feed and
# page rendering, Markdown, YAML, the progress display's rich.
HEAVY = ("PIL", "mutagen", "markdown_it", "lxml", "feedgen", "numpy", "soxr", "jinja2", "yaml",
         "rich", "podcaster.audio.assemble", "podcaster.build.produce",
         "podcaster.build.commit", "podcaster.publish.tag", "podcaster.text.normalize")


def test_a_noop_rebuild_loads_no_audio_image_or_rendering_code(project):
    code = (
        "import sys\n"
        "from podcaster.build import build_project\n"
        f"result = build_project({str(project)!r})\n"
        "assert result.unchanged, result\n"
        f"print(sorted({{m.split('.')[0] if not m.startswith('podcaster') else m\n"
        f"              for m in sys.modules if m.startswith({HEAVY!r})}}))\n")
    here = str(Path(podcaster.__file__).resolve().parents[1])  # this checkout's podcaster
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=project, env={**os.environ, "PYTHONPATH": here})
    assert out.stdout.strip() == "[]", out.stdout


def test_the_command_line_noop_loads_only_the_engine_it_names(project):
    """``podcaster build --engine espeak`` that changes nothing: what the command imports,
    as ``python -X importtime`` lists it (the command line's own checks included)."""
    here = str(Path(podcaster.__file__).resolve().parents[1])
    out = subprocess.run([sys.executable, "-X", "importtime", "-m", "podcaster", "-q", "build",
                          str(project), "--engine", "espeak"], capture_output=True, text=True,
                         check=True, cwd=project, env={**os.environ, "PYTHONPATH": here})
    loaded = {line.rsplit("|", 1)[1].strip() for line in out.stderr.splitlines()
              if line.startswith("import time:") and "|" in line}
    assert "podcaster.build.run" in loaded  # the listing is what it seems
    unwanted = sorted(m for m in loaded if m.startswith(HEAVY) or m in (
        "podcaster.speech.engines.gtts", "podcaster.speech.engines.edge",
        "podcaster.text.sentences", "importlib.metadata"))
    assert unwanted == []


@pytest.fixture
def decoded(monkeypatch):
    """The images whose artwork rules were checked (decoded)."""
    from podcaster.publish import artwork

    names = []
    real = artwork.artwork_problems

    def counting(path):
        names.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(artwork, "artwork_problems", counting)
    return names


def add_cover(project: Path, name: str = "cover.png") -> Path:
    from PIL import Image

    cover = project / name
    Image.new("RGB", (1400, 1400), (20, 40, 90)).save(cover, format="PNG")
    text = (project / "podcast.toml").read_text(encoding="utf-8")
    (project / "podcast.toml").write_text(
        text.replace('cover = "cover.png"', f'cover = "{name}"'), encoding="utf-8")
    return cover


def test_a_cover_found_good_is_not_decoded_again(project, decoded):
    add_cover(project)
    build_project(project)
    assert decoded == ["cover.png"]
    build_project(project)
    assert decoded == ["cover.png"]


def test_a_cover_damaged_in_place_is_checked_again_and_refused(project, decoded):
    cover = add_cover(project)
    build_project(project)
    stat = cover.stat()
    data = cover.read_bytes()
    cover.write_bytes(data[:8] + bytes(len(data) - 8))  # the PNG signature, then zeros
    os.utime(cover, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same time
    before = snapshot(project / "public")
    with pytest.raises(ConfigError, match="show.cover: artwork is not a readable image"):
        build_project(project)
    assert decoded == ["cover.png", "cover.png"]
    assert snapshot(project / "public") == before


def test_a_good_image_under_a_wrong_name_is_checked_again(project, decoded):
    cover = add_cover(project)
    build_project(project)
    jpeg_named = cover.with_name("cover.jpg")
    jpeg_named.write_bytes(cover.read_bytes())  # the same PNG bytes, named .jpg
    text = (project / "podcast.toml").read_text(encoding="utf-8")
    (project / "podcast.toml").write_text(text.replace('"cover.png"', '"cover.jpg"'),
                                          encoding="utf-8")
    with pytest.raises(ConfigError, match="a PNG file named .jpg"):
        build_project(project)
    assert decoded == ["cover.png", "cover.jpg"]


@pytest.mark.parametrize("record", [b"{not json", b'{"version": "0.0.0", "good": []}',
                                    b'{"good": 7}', b"[]"])
def test_an_unusable_artwork_record_means_checking_again(project, decoded, record):
    add_cover(project)
    build_project(project)
    (project / ".podcaster-cache" / ARTWORK_RECORD_NAME).write_bytes(record)
    build_project(project)
    assert decoded == ["cover.png", "cover.png"]
    build_project(project)  # the record was written again
    assert decoded == ["cover.png", "cover.png"]
