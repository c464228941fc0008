"""The clip cache: keys, atomic writes, damaged clips, `podcaster cache info|prune`."""

from __future__ import annotations

import logging
import os
import time
import wave

import pytest
from click.testing import CliRunner

from podcaster.cli import main
from podcaster.config import load_config
from podcaster.speech.cache import (
    CACHE_VERSION,
    STALE_TEMP_SECONDS,
    CacheInfo,
    ClipCache,
    PruneResult,
    clip_key,
)
from podcaster.speech.synthesize import planned_keys
from tests.fake_google import SECOND_POST, SMALL_POST, make_project

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
    project = make_project(tmp_path / "show", engine="espeak",
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
    project = make_project(tmp_path / "show", engine="auto")
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
