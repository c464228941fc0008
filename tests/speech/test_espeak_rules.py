"""Both sides of the eSpeak NG engine's rules that need no audio: its data folder with the
steady voice variant, settings and their limits, the Japanese kana rule and its warning,
and unloading the library."""

from __future__ import annotations

import ctypes
import logging
import os
import re

import pytest

from podcaster.errors import EngineError
from podcaster.model import Voice
from podcaster.speech.engines import espeak
from podcaster.speech.engines.espeak import STEADY, STEADY_VARIANT, EspeakEngine

# the data folder -------------------------------------------------------------------------------


def make_wheel(folder, *, complete: bool = True):
    """A folder laid out like the wheel's espeak-ng-data."""
    (folder / "voices" / "!v").mkdir(parents=True)
    (folder / "voices" / "!v" / "f2").write_text("name f2\n", encoding="utf-8")
    (folder / "voices" / "extra").write_text("x\n", encoding="utf-8")
    (folder / "lang").mkdir()
    for name in ("phontab", "en_dict") + (("ko_dict",) if complete else ()):
        (folder / name).write_bytes(b"data")
    return folder


@pytest.fixture
def tmp(tmp_path, monkeypatch):
    """The system's temporary folder, here."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(espeak.tempfile, "gettempdir", lambda: str(folder))
    return folder


def test_the_data_folder_links_the_wheels_files_and_adds_the_steady_variant(tmp_path, tmp):
    wheel = make_wheel(tmp_path / "wheel")
    data = espeak._data_path(str(wheel))
    assert data.parent == tmp and re.fullmatch(r"podcaster-espeak-[0-9a-f]{12}", data.name)
    assert sorted(p.name for p in data.iterdir()) == sorted(p.name for p in wheel.iterdir())
    for name in ("phontab", "ko_dict", "en_dict", "lang"):
        assert (data / name).is_symlink() and (data / name).resolve() == (wheel / name).resolve()
    for path in (data / "voices", data / "voices" / "!v"):
        assert path.is_dir() and not path.is_symlink()
    assert (data / "voices" / "extra").resolve() == (wheel / "voices" / "extra").resolve()
    assert (data / "voices" / "!v" / "f2").resolve() == (wheel / "voices" / "!v" / "f2").resolve()
    assert (data / "voices" / "!v" / STEADY).read_text(encoding="utf-8") == STEADY_VARIANT
    assert STEADY_VARIANT == "name podcaster-steady\nflutter 0\n"
    assert data.stat().st_mode & 0o777 == 0o755  # other users' builds can read it
    assert [p.name for p in tmp.iterdir()] == [data.name]  # nothing half-made left
    # the wheel itself is left alone
    assert not (wheel / "voices" / "!v" / STEADY).exists()


def test_the_data_folder_is_made_once_per_wheel_and_listing(tmp_path, tmp, monkeypatch):
    wheel = make_wheel(tmp_path / "wheel")
    first = espeak._data_path(str(wheel))
    (first / "voices" / "!v" / STEADY).write_text("name podcaster-steady\nflutter 0\n# kept\n",
                                                  encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert espeak._data_path(str(wheel)) == first  # reused, not made again
    assert "# kept" in (first / "voices" / "!v" / STEADY).read_text(encoding="utf-8")
    # another wheel with the same files has its own folder
    other = make_wheel(tmp_path / "other")
    assert espeak._data_path(str(other)) not in (first, other)
    # a changed wheel gets a new folder
    (wheel / "fr_dict").write_bytes(b"data")
    changed = espeak._data_path(str(wheel))
    assert changed != first and (changed / "fr_dict").is_symlink()


def test_an_incomplete_wheel_is_used_as_it_is(tmp_path, tmp):
    wheel = make_wheel(tmp_path / "wheel", complete=False)
    assert espeak._data_path(str(wheel)) == wheel


@pytest.mark.parametrize("missing", ["phontab", "ko_dict", "lang", f"voices/!v/{STEADY}"])
def test_a_data_folder_missing_a_part_is_made_again(tmp_path, tmp, missing):
    """Temporary-file cleaners may remove parts of it."""
    wheel = make_wheel(tmp_path / "wheel")
    data = espeak._data_path(str(wheel))
    assert espeak._complete(data)
    part = data / missing
    part.unlink() if part.is_symlink() or part.is_file() else part.rmdir()
    assert not espeak._complete(data)


def test_a_folder_made_first_by_another_build_is_used(tmp_path, tmp, monkeypatch):
    wheel = make_wheel(tmp_path / "wheel")
    theirs = []

    def lose_the_race(build, target):
        os.rename(build, target)  # the other build's folder, just as complete
        theirs.append(target)
        raise OSError(39, "Directory not empty")

    real = espeak.os.replace
    monkeypatch.setattr(espeak.os, "replace", lose_the_race)
    data = espeak._data_path(str(wheel))
    monkeypatch.setattr(espeak.os, "replace", real)
    assert [data] == theirs
    assert [p.name for p in tmp.iterdir()] == [data.name]


def test_a_half_made_folder_of_another_build_falls_back_to_the_wheel(tmp_path, tmp):
    wheel = make_wheel(tmp_path / "wheel")
    data = espeak._data_path(str(wheel))
    (data / "voices" / "!v" / STEADY).unlink()
    # data is taken (not empty) and incomplete: replacing it fails, the wheel is used
    assert espeak._data_path(str(wheel)) == wheel
    assert [p.name for p in tmp.iterdir()] == [data.name]  # our half-made copy removed


def test_without_a_writable_temporary_folder_the_wheel_is_used(tmp_path, monkeypatch):
    wheel = make_wheel(tmp_path / "wheel")
    monkeypatch.setattr(espeak.tempfile, "gettempdir", lambda: str(tmp_path / "no" / "such"))
    assert espeak._data_path(str(wheel)) == wheel


# settings --------------------------------------------------------------------------------------


def test_settings_default_and_name_everything_that_changes_the_audio():
    assert EspeakEngine().settings(Voice("espeak")) == {
        "voice": "ko", "rate": 175, "pitch": 50, "state": "fresh"}
    assert EspeakEngine().settings(Voice("espeak", "en-us", rate=200.9, pitch=7)) == {
        "voice": "en-us", "rate": 200, "pitch": 7, "state": "fresh"}


@pytest.mark.parametrize("rate", [80, 450])
@pytest.mark.parametrize("pitch", [0, 100])
def test_rate_and_pitch_at_their_limits_are_taken(rate, pitch):
    s = EspeakEngine().settings(Voice("espeak", rate=rate, pitch=pitch))
    assert (s["rate"], s["pitch"]) == (rate, pitch)


@pytest.mark.parametrize("rate, pitch, message", [
    (79, None, "espeak: rate 79 is outside 80-450 words per minute"),
    (451, None, "espeak: rate 451 is outside 80-450 words per minute"),
    (None, -1, "espeak: pitch -1 is outside 0-100"),
    (None, 101, "espeak: pitch 101 is outside 0-100"),
])
def test_rate_and_pitch_outside_their_limits_are_refused(rate, pitch, message):
    with pytest.raises(EngineError) as bad:
        EspeakEngine().settings(Voice("espeak", rate=rate, pitch=pitch))
    assert str(bad.value) == message


@pytest.mark.parametrize("voice, kana", [("ja", True), ("ja+f2", True), ("en-us", False),
                                         ("ko", False), ("jam", False), ("ko+ja", False)])
def test_only_the_japanese_voice_reads_kana_only(monkeypatch, voice, kana):
    monkeypatch.setattr(espeak, "kana_reader", lambda: ("reader-1.0", lambda text: text))
    settings = EspeakEngine().settings(Voice("espeak", voice))
    assert settings.get("kana") == ("reader-1.0" if kana else None)


def test_kanji_go_to_the_reader_when_there_is_one(monkeypatch, caplog):
    monkeypatch.setattr(espeak, "kana_reader", lambda: ("reader", lambda text: f"<{text}>"))
    assert espeak._in_kana("新しい") == "<新しい>"
    assert not caplog.records


def test_without_a_reader_kanji_stay_and_one_warning_says_what_to_do(monkeypatch, caplog):
    monkeypatch.setattr(espeak, "kana_reader", lambda: None)
    monkeypatch.setattr(espeak, "_warned_kanji", False)
    with caplog.at_level(logging.WARNING, logger="podcaster.speech.engines.espeak"):
        assert espeak._in_kana("新しいチップ") == "新しいチップ"
        assert espeak._in_kana("価格") == "価格"
    assert [r.getMessage() for r in caplog.records] == [
        "espeak: eSpeak NG's Japanese voice reads kana only and skips kanji; install pykakasi "
        "(pip install 'podcaster-ko[japanese]') or give [voices.ja] the gtts or edge engine"]


# unloading the library -------------------------------------------------------------------------


@pytest.fixture
def library():
    return espeak._find().library


def test_the_library_is_unloaded_after_each_clip(library, monkeypatch, caplog):
    monkeypatch.setattr(espeak, "_warned_unload", False)
    assert not espeak._is_loaded(library)
    lib = ctypes.CDLL(library)
    assert espeak._is_loaded(library)
    espeak._unload(lib, library)
    assert not espeak._is_loaded(library)
    assert not caplog.records


def test_a_library_the_system_keeps_loaded_is_warned_about_once(library, monkeypatch, caplog):
    monkeypatch.setattr(espeak, "_warned_unload", False)
    monkeypatch.setattr(espeak, "_is_loaded", lambda path: True)
    with caplog.at_level(logging.WARNING, logger="podcaster.speech.engines.espeak"):
        espeak._unload(ctypes.CDLL(library), library)
        espeak._unload(ctypes.CDLL(library), library)
    assert [r.getMessage() for r in caplog.records] == [
        "espeak: the system keeps eSpeak NG loaded between clips; a clip may then depend on "
        "the clips made before it in this process"]


def test_without_a_way_to_unload_the_library_it_is_warned_about(library, monkeypatch, caplog):
    monkeypatch.setattr(espeak, "_warned_unload", False)
    close = espeak._ctypes.dlclose
    lib = ctypes.CDLL(library)
    try:
        monkeypatch.delattr(espeak._ctypes, "dlclose")
        with caplog.at_level(logging.WARNING, logger="podcaster.speech.engines.espeak"):
            espeak._unload(lib, library)
        assert "keeps eSpeak NG loaded" in caplog.text
        assert espeak._is_loaded(library) is False  # no way to ask either
    finally:
        close(lib._handle)
    monkeypatch.undo()
    assert not espeak._is_loaded(library)


def test_without_rtld_noload_the_library_counts_as_unloaded(library, monkeypatch):
    lib = ctypes.CDLL(library)
    try:
        monkeypatch.delattr(os, "RTLD_NOLOAD")
        assert espeak._is_loaded(library) is False
    finally:
        espeak._unload(lib, library)
