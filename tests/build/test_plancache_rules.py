"""The plan cache, each rule from both sides, without a build: a post's plan is given back
only for the same file name and the same bytes under the same context; everything a plan
holds (the post, its segments, its cues with and without a sound, the attribution warnings,
the warnings it logged) comes back equal; the context changes with the script settings, the
lexicon and the text code; an unusable cache file is no cache; a cache that cannot be written
is a warning, not an error."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os

import pytest

from podcaster.build import plancache
from podcaster.build.plancache import CACHE_NAME, PlanCache, context_key
from podcaster.model import Block, Cue, Post, Segment, Source
from podcaster.text.notices import AttributionWarning
from podcaster.text.script import ScriptSettings

RAW = "봄비 소식\n\n오늘 아침 봄비가 내렸다.\n".encode()
READER = "podcaster.text.readers.paragraphs"


def plan_parts(path):
    source = Source(1, "봄비 기사", "기상 신문", "https://weather.example/rain")
    post = Post(path, "봄비 소식", dt.date(2025, 3, 1), "spring-rain",
                [Block("오늘 아침 봄비가 내렸다."),
                 Block("비가 반갑다.", quoted=True, continues=True, line=4)],
                [source], description="봄비 이야기", raw=RAW)
    segments = [Segment("greeting", "", ["안녕하세요."]),
                Segment("article", "봄비 기사", ["비가 반갑다."], source, confidence=0.75,
                        why=["제목 낱말 두 개"], note="순서 밖")]
    cues = [Cue("intro", sound=path.parent / "intro.mp3", pause_after=0.5),
            Cue("article", "비가 반갑다.", "비가 반갑다", segment=1, paragraph=0,
                pause_after=0.35, language="ko")]
    attribution = [AttributionWarning(path.name, "the quote's source is unclear", 2, 4,
                                      "비가 반갑다", "credit it")]
    return post, segments, cues, attribution


def cached(tmp_path, context="ctx", warnings=(("podcaster.x", logging.WARNING, "w"),),
           attribution=True):
    """A cache file holding one post's plan, written by one cache and read by a new one."""
    path = tmp_path / "posts" / "2025-03-01-spring-rain.txt"
    post, segments, cues, notes = plan_parts(path)
    cache = PlanCache(tmp_path / "cache" / CACHE_NAME, context)
    cache.put(path, RAW, post, segments, cues, [list(w) for w in warnings],
              notes if attribution else [])
    cache.save()
    return path, (post, segments, cues, notes if attribution else [])


def test_a_cached_plan_comes_back_equal_for_the_same_name_bytes_and_context(tmp_path):
    path, parts = cached(tmp_path)
    again = PlanCache(tmp_path / "cache" / CACHE_NAME, "ctx")
    found = again.get(path, RAW)
    assert found == parts
    assert found[0].path == path and found[0].raw == RAW
    assert found[2][0].sound == path.parent / "intro.mp3" and found[2][1].sound is None
    assert found[3][0].quote == "비가 반갑다"


def test_a_post_without_attribution_warnings_comes_back_with_none(tmp_path):
    path, parts = cached(tmp_path, attribution=False)
    assert PlanCache(tmp_path / "cache" / CACHE_NAME, "ctx").get(path, RAW) == parts


def test_other_bytes_another_name_or_another_context_is_no_plan(tmp_path):
    path, _ = cached(tmp_path)
    again = PlanCache(tmp_path / "cache" / CACHE_NAME, "ctx")
    assert again.get(path, RAW + b"\n") is None
    assert again.get(path.with_name("2025-03-02-other.txt"), RAW) is None
    assert PlanCache(tmp_path / "cache" / CACHE_NAME, "other").get(path, RAW) is None


def test_a_plan_moved_with_its_file_name_takes_the_new_path(tmp_path):
    path, _ = cached(tmp_path)
    moved = tmp_path / "elsewhere" / path.name
    post = PlanCache(tmp_path / "cache" / CACHE_NAME, "ctx").get(moved, RAW)[0]
    assert post.path == moved


def test_no_cache_file_is_no_plan(tmp_path):
    cache = PlanCache(tmp_path / CACHE_NAME, "ctx")
    assert cache.get(tmp_path / "2025-03-01-a.txt", RAW) is None


@pytest.mark.parametrize("content", [
    b"{not json",
    b"[1, 2]",
    b'"text"',
    b'{"context": "ctx"}',
    b'{"posts": {}}',
    b'{"context": "ctx", "posts": {"2025-03-01-spring-rain.txt": {"sha256": "0"}}}',
])
def test_an_unusable_cache_file_is_no_plan(tmp_path, content):
    (tmp_path / CACHE_NAME).write_bytes(content)
    cache = PlanCache(tmp_path / CACHE_NAME, "ctx")
    assert cache.get(tmp_path / "2025-03-01-spring-rain.txt", RAW) is None


@pytest.mark.parametrize("spoil", ["post", "segments", "cues", "attribution", "sound"])
def test_a_damaged_entry_is_no_plan(tmp_path, spoil):
    path, _ = cached(tmp_path)
    file = tmp_path / "cache" / CACHE_NAME
    data = json.loads(file.read_bytes())
    entry = data["posts"][path.name]
    if spoil == "sound":
        del entry["cues"][0]["sound"]
    else:
        del entry[spoil]
    file.write_text(json.dumps(data), encoding="utf-8")
    assert PlanCache(file, "ctx").get(path, RAW) is None


def test_the_warnings_a_post_logged_are_logged_again_by_their_logger(tmp_path, caplog):
    path = tmp_path / "2025-03-01-spring-rain.txt"
    cache = PlanCache(tmp_path / CACHE_NAME, "ctx")
    with cache.recording() as warnings:
        logging.getLogger(READER).warning("%s: a quote mark is never closed", path)
        logging.getLogger(READER).info("read %s", path)  # below a warning: not kept
        logging.getLogger("elsewhere").warning("not the reading of a post")
    assert warnings == [(READER, logging.WARNING, f"{path}: a quote mark is never closed")]
    logging.getLogger(READER).warning("logged after the reading: not kept")
    assert len(warnings) == 1
    post, segments, cues, _ = plan_parts(path)
    cache.put(path, RAW, post, segments, cues, warnings + [(READER, logging.ERROR, "50% off")],
              [])
    cache.save()
    caplog.clear()
    with caplog.at_level(logging.INFO):
        assert PlanCache(tmp_path / CACHE_NAME, "ctx").get(path, RAW) is not None
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [
        (READER, logging.WARNING, f"{path}: a quote mark is never closed"),
        (READER, logging.ERROR, "50% off")]


def test_an_entry_without_warnings_is_still_a_plan(tmp_path, caplog):
    path, parts = cached(tmp_path)
    file = tmp_path / "cache" / CACHE_NAME
    data = json.loads(file.read_bytes())
    del data["posts"][path.name]["warnings"]
    file.write_text(json.dumps(data), encoding="utf-8")
    with caplog.at_level(logging.INFO):
        assert PlanCache(file, "ctx").get(path, RAW) == parts
    assert caplog.records == []


def test_a_plan_used_again_stays_and_an_unused_one_goes(tmp_path):
    path, parts = cached(tmp_path)
    other = path.with_name("2025-03-02-other.txt")
    file = tmp_path / "cache" / CACHE_NAME
    first = PlanCache(file, "ctx")
    first.get(path, RAW)
    post, segments, cues, notes = plan_parts(other)
    first.put(other, b"other", post, segments, cues, [], notes)
    first.save()
    second = PlanCache(file, "ctx")
    assert second.get(path, RAW) == parts  # used again: saved as it was
    second.save()
    third = PlanCache(file, "ctx")
    assert third.get(path, RAW) == parts
    assert third.get(other, b"other") is None  # the second build did not use it


def test_a_cache_that_did_not_change_is_not_written_again(tmp_path):
    path, _ = cached(tmp_path)
    file = tmp_path / "cache" / CACHE_NAME
    os.utime(file, ns=(1, 1))
    again = PlanCache(file, "ctx")
    again.get(path, RAW)
    again.save()
    assert file.stat().st_mtime_ns == 1
    PlanCache(file, "ctx").save()  # no post used: the file changes (no plan kept)
    assert file.stat().st_mtime_ns != 1
    assert json.loads(file.read_bytes()) == {"context": "ctx", "posts": {}}


def test_the_cache_is_written_in_a_new_folder_and_in_an_existing_one(tmp_path):
    path, parts = cached(tmp_path / "deep" / "er")  # cache/ made, and its parents
    assert PlanCache(tmp_path / "deep" / "er" / "cache" / CACHE_NAME, "ctx").get(
        path, RAW) == parts
    path, parts = cached(tmp_path / "deep" / "er")  # cache/ is there already
    assert PlanCache(tmp_path / "deep" / "er" / "cache" / CACHE_NAME, "ctx").get(
        path, RAW) == parts


def test_a_cache_that_cannot_be_written_is_a_warning(tmp_path, caplog):
    (tmp_path / "cache").write_bytes(b"a file where the cache folder goes")
    with caplog.at_level(logging.WARNING):
        cached(tmp_path)
    path = tmp_path / "cache" / CACHE_NAME
    assert [r.getMessage() for r in caplog.records] == [
        f"{path}: cannot write the plan cache: File exists"]


def test_the_cache_file_keeps_korean_text_readable(tmp_path):
    cached(tmp_path)
    assert "봄비 소식" in (tmp_path / "cache" / CACHE_NAME).read_text(encoding="utf-8")


# -- the context -----------------------------------------------------------------------------


@pytest.fixture
def code(tmp_path, monkeypatch):
    """The package's plan-making code, in a folder of its own."""
    (tmp_path / "text" / "readers").mkdir(parents=True)
    (tmp_path / "text" / "script.py").write_text("A = 1\n", encoding="utf-8")
    (tmp_path / "text" / "readers" / "html.py").write_text("B = 1\n", encoding="utf-8")
    (tmp_path / "text" / "notes.txt").write_text("not code\n", encoding="utf-8")
    (tmp_path / "model.py").write_text("C = 1\n", encoding="utf-8")
    (tmp_path / "other.py").write_text("D = 1\n", encoding="utf-8")
    monkeypatch.setattr(plancache, "PACKAGE", tmp_path)
    monkeypatch.setattr(plancache, "TEXT_CODE", tmp_path / "text")
    return tmp_path


@pytest.mark.parametrize("changed", ["text/script.py", "text/readers/html.py", "model.py"])
def test_a_change_to_the_code_that_makes_a_plan_changes_the_context(code, changed):
    before = context_key(ScriptSettings())
    assert context_key(ScriptSettings()) == before
    (code / changed).write_text("X = 22\n", encoding="utf-8")
    assert context_key(ScriptSettings()) != before


@pytest.mark.parametrize("changed", ["text/notes.txt", "other.py"])
def test_a_change_to_other_files_leaves_the_context(code, changed):
    before = context_key(ScriptSettings())
    path = code / changed
    path.write_text("changed, and longer\n", encoding="utf-8")
    os.utime(path, ns=(5, 5))
    assert context_key(ScriptSettings()) == before


@pytest.mark.parametrize("settings", [
    ScriptSettings(sentence_pause=0.5),
    ScriptSettings(lexicon={"봄비": "봄 비"}),
])
def test_the_script_settings_and_the_lexicon_change_the_context(settings):
    assert context_key(settings) != context_key(ScriptSettings())
    assert context_key(settings) == context_key(settings)
