"""The clip cache: keys, atomic writes, damaged clips, `podcaster cache info|prune`."""

from __future__ import annotations

import logging
import os
import time
import wave
from pathlib import Path

import pytest
from click.testing import CliRunner

from podcaster.build.prune import planned_keys
from podcaster.cli import main
from podcaster.config import load_config
from podcaster.errors import OutputError
from podcaster.speech.cache import (
    CACHE_VERSION,
    STALE_TEMP_SECONDS,
    CacheInfo,
    ClipCache,
    PruneResult,
    clip_key,
)
from tests.fakes.google import SECOND_POST, SMALL_POST, gtts_project

PCM = b"".join(int(1000 * ((i % 40) - 20)).to_bytes(2, "little", signed=True)
               for i in range(2400))


def test_key_names_every_part():
    base = clip_key("gtts", {"lang": "ko", "tempo": 1.0}, "안녕하세요.")
    assert base == clip_key("gtts", {"tempo": 1.0, "lang": "ko"}, "안녕하세요.")
    others = {
        clip_key("espeak", {"lang": "ko", "tempo": 1.0}, "안녕하세요."),
        clip_key("gtts", {"lang": "ko", "tempo": 1.1}, "안녕하세요."),
        clip_key("gtts", {"lang": "ko", "tempo": 1.0}, "안녕하세요!"),
    }
    assert base not in others and len(others) == 3
    assert len(base) == 64
    assert CACHE_VERSION >= 1


def test_put_then_get(tmp_path):
    cache = ClipCache(tmp_path / "cache")
    key = clip_key("espeak", {}, "하나")
    assert cache.get(key) is None
    path = cache.put(key, PCM, 24000)
    found, duration = cache.get(key)
    assert found == path and duration == 0.1
    with wave.open(str(path), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 24000)
        assert w.readframes(w.getnframes()) == PCM
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".tmp-")]
    assert (cache.root / ".gitignore").read_text().strip().endswith("*")
    assert (cache.root / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f59")


def test_damaged_clip_counts_as_missing(tmp_path):
    cache = ClipCache(tmp_path)
    key = clip_key("espeak", {}, "둘")
    path = cache.put(key, PCM, 24000)
    path.write_bytes(path.read_bytes()[:20])
    assert cache.get(key) is None
    cache.put(key, PCM, 24000)
    assert cache.get(key) is not None


def test_info_and_prune(tmp_path):
    cache = ClipCache(tmp_path)
    keys = [clip_key("espeak", {}, text) for text in ("하나", "둘", "셋")]
    for key in keys:
        cache.put(key, PCM, 24000)
    info = cache.info()
    assert info.clips == 3 and info.size == sum(cache.path(k).stat().st_size for k in keys)
    stale = cache.path(keys[0]).parent / ".tmp-old.wav"
    stale.write_bytes(b"x")
    old = time.time() - STALE_TEMP_SECONDS - 10
    os.utime(stale, (old, old))
    dry = cache.prune({keys[0]}, dry_run=True)
    assert (dry.removed, dry.kept) == (2, 1) and cache.info().clips == 3
    result = cache.prune({keys[0]})
    assert (result.removed, result.kept) == (2, 1)
    assert result.freed == dry.freed > 0
    assert cache.keys() == {keys[0]}
    assert not stale.exists()


@pytest.mark.slow  # runs podcaster in another process
def test_cache_commands(tmp_path):
    project = gtts_project(tmp_path / "show", engine="espeak",
                           posts={"2025-01-10-laundry.txt": SMALL_POST,
                                  "2025-01-12-dawn.txt": SECOND_POST})
    runner = CliRunner()
    empty = runner.invoke(main, ["cache", "info", str(project)])
    assert empty.exit_code == 0, empty.output
    assert "clips: 0" in empty.output

    assert runner.invoke(main, ["build", str(project)]).exit_code == 0
    config = load_config(project)
    cache = ClipCache(config.cache_dir)
    both = cache.keys()
    assert planned_keys(config) == both  # computed without synthesising, as the build did
    info = runner.invoke(main, ["cache", "info", str(project)])
    assert f"clips: {len(both)}" in info.output
    assert f"path: {config.cache_dir}" in info.output

    nothing = runner.invoke(main, ["cache", "prune", str(project)])
    assert nothing.exit_code == 0, nothing.output
    assert nothing.output.startswith("removed 0 clip(s)")

    (project / "posts" / "2025-01-12-dawn.txt").unlink()
    kept = planned_keys(load_config(project))
    assert kept < both
    pruned = runner.invoke(main, ["cache", "prune", str(project)])
    assert pruned.exit_code == 0, pruned.output
    assert pruned.output.startswith(f"removed {len(both - kept)} clip(s)")
    assert cache.keys() == kept


def test_prune_keeps_both_engines_of_auto(tmp_path):
    project = gtts_project(tmp_path / "show", engine="auto")
    config = load_config(project)
    auto = planned_keys(config)
    gtts = planned_keys(config, "gtts")
    espeak = planned_keys(config, "espeak")
    assert auto == gtts | espeak
    assert not gtts & espeak


def test_the_key_of_a_clip_is_stable():
    # Keys name the clips in every user's cache and in CI caches: a change of their format
    # must come with a new CACHE_VERSION (which makes every old clip unused).
    settings = {"lang": "ko", "tempo": 1.0}
    assert CACHE_VERSION == 2
    assert clip_key("gtts", settings, "안녕하세요.") == (
        "c31b3456a39e786f866870cf05b6765459da85c7b921fb8f2fdbca04beecf3cb")


def test_layout_and_markers_of_a_new_cache(tmp_path):
    cache = ClipCache(tmp_path / "deep" / "cache")  # folders made as needed
    key = clip_key("espeak", {}, "하나")
    path = cache.put(key, PCM, 24000)
    assert path == cache.root / "clips" / key[:2] / f"{key}.wav"
    assert (cache.root / ".gitignore").read_text(encoding="utf-8") == "# made by podcaster\n*\n"
    assert (cache.root / "CACHEDIR.TAG").read_text(encoding="utf-8") == (
        "Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This folder holds podcaster's synthesised clips; it can be rebuilt.\n")
    assert cache.info() == CacheInfo(cache.root, 1, path.stat().st_size)
    cache._create()  # again, over what is there
    assert cache.get(key) == (path, 0.1)


@pytest.mark.parametrize("channels, width", [(2, 2), (1, 1)])
def test_a_clip_that_is_not_16_bit_mono_counts_as_damaged(tmp_path, caplog, channels, width):
    cache = ClipCache(tmp_path)
    key = clip_key("espeak", {}, "셋")
    path = cache.put(key, PCM, 24000)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(24000)
        w.writeframes(b"\0" * 480)
    with caplog.at_level(logging.WARNING):
        assert cache.get(key) is None
    assert caplog.messages == [
        f"discarding damaged cached clip {path} (not 16-bit mono); synthesising it again"]


def test_prune_counts_and_keeps_fresh_temporary_files(tmp_path):
    cache = ClipCache(tmp_path)
    keys = [clip_key("espeak", {}, text) for text in ("하나", "둘", "셋", "넷")]
    for key in keys:
        cache.put(key, PCM, 24000)
    size = cache.path(keys[0]).stat().st_size
    fresh = cache.path(keys[0]).parent / ".tmp-now.wav"  # a build writing it right now
    fresh.write_bytes(b"x")
    dry = cache.prune(set(keys[:2]), dry_run=True)
    assert dry == PruneResult(removed=2, freed=2 * size, kept=2)
    assert cache.keys() == set(keys)
    assert cache.prune(set(keys[:2])) == PruneResult(removed=2, freed=2 * size, kept=2)
    assert cache.keys() == set(keys[:2])
    assert fresh.exists()


def test_a_clip_is_written_under_the_temporary_name_prune_recognises(tmp_path, monkeypatch):
    cache = ClipCache(tmp_path)
    key = clip_key("espeak", {}, "다섯")
    renamed = []
    real_replace = os.replace

    def recording_replace(src, dst):
        renamed.append((os.fspath(src), os.fspath(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", recording_replace)
    path = cache.put(key, PCM, 24000)
    [(tmp, dest)] = renamed
    assert dest == os.fspath(path)
    assert os.path.dirname(tmp) == os.fspath(path.parent)
    name = os.path.basename(tmp)
    assert name.startswith(".tmp-") and name.endswith(".wav"), name


def test_a_dry_run_leaves_stale_temporary_files_and_empty_folders(tmp_path):
    cache = ClipCache(tmp_path)
    key = clip_key("espeak", {}, "여섯")
    path = cache.put(key, PCM, 24000)
    stale = path.parent / ".tmp-killed.wav"
    stale.write_bytes(b"x")
    old = time.time() - STALE_TEMP_SECONDS - 10
    os.utime(stale, (old, old))
    empty = cache.root / "clips" / "ff"
    empty.mkdir()
    size = path.stat().st_size
    assert cache.prune(set(), dry_run=True) == PruneResult(1, size, 0)
    assert stale.exists() and empty.is_dir() and path.exists()
    assert cache.prune(set()) == PruneResult(1, size, 0)
    assert list((cache.root / "clips").iterdir()) == []  # the emptied folders are gone too
    assert not stale.exists() and not empty.exists() and not path.exists()


def test_a_clip_cut_off_inside_its_samples_counts_as_damaged(tmp_path, caplog):
    cache = ClipCache(tmp_path)
    key = clip_key("espeak", {}, "일곱")
    path = cache.put(key, PCM, 24000)
    whole = path.read_bytes()
    header = len(whole) - len(PCM)
    path.write_bytes(whole[:header + 4000])  # 2000 of its 2400 samples
    with caplog.at_level(logging.WARNING):
        assert cache.get(key) is None
    assert caplog.messages == [
        f"discarding damaged cached clip {path} (cut off: shorter than the 2400 samples its "
        "header announces); synthesising it again"]
    assert not path.exists()
    path = cache.put(key, PCM, 24000)
    path.write_bytes(path.read_bytes()[:-1])  # one byte short is cut off too
    assert cache.get(key) is None


@pytest.mark.parametrize("rate, expected", [(0, None), (1, 2400.0), (8000, 0.3)])
def test_a_clip_needs_a_positive_frame_rate(tmp_path, rate, expected):
    cache = ClipCache(tmp_path)
    key = clip_key("espeak", {}, "여덟")
    path = cache.put(key, PCM, 24000)
    data = bytearray(path.read_bytes())
    assert data[24:28] == (24000).to_bytes(4, "little")  # the fmt chunk's sample rate
    data[24:28] = rate.to_bytes(4, "little")
    path.write_bytes(bytes(data))
    assert cache.get(key) == (None if expected is None else (path, expected))


def test_a_folder_where_a_clip_belongs_is_an_error_naming_it(tmp_path):
    cache = ClipCache(tmp_path)
    key = clip_key("espeak", {}, "아홉")
    cache.path(key).mkdir(parents=True)
    with pytest.raises(OutputError) as info:
        cache.get(key)
    assert info.value.format_message() == (
        f"{cache.path(key)}: is a folder, where a cached clip belongs; remove it")


def test_a_damaged_clip_another_build_removed_first_is_just_missing(tmp_path, monkeypatch):
    cache = ClipCache(tmp_path)
    key = clip_key("espeak", {}, "열")
    path = cache.put(key, PCM, 24000)
    path.write_bytes(b"RIFF")
    real_unlink = Path.unlink

    def removed_by_another_build(self, missing_ok=False):
        real_unlink(self)
        raise FileNotFoundError(2, "No such file or directory", str(self))

    monkeypatch.setattr(Path, "unlink", removed_by_another_build)
    assert cache.get(key) is None


def test_a_temporary_file_exactly_as_old_as_the_limit_stays(tmp_path, monkeypatch):
    cache = ClipCache(tmp_path)
    path = cache.put(clip_key("espeak", {}, "열하나"), PCM, 24000)
    now = 1_700_000_000.0 + STALE_TEMP_SECONDS
    monkeypatch.setattr(time, "time", lambda: now)
    limit, older = path.parent / ".tmp-limit.wav", path.parent / ".tmp-older.wav"
    for tmp, mtime in ((limit, 1_700_000_000), (older, 1_699_999_999)):
        tmp.write_bytes(b"x")
        os.utime(tmp, (mtime, mtime))
    cache.prune({path.stem})
    assert (limit.exists(), older.exists()) == (True, False)
