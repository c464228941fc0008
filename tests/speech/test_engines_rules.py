"""Both sides of the engine registry's rules (built-in engines by name, plugins through entry
points, broken plugins), of engine options and flags, and of decoding and tempo changes."""

from __future__ import annotations

import logging
import subprocess
import sys

import imageio_ffmpeg
import pytest

import podcaster.speech.engines as engines
from podcaster import ffmpeg
from podcaster.errors import AudioError, EngineError
from podcaster.model import Voice
from podcaster.speech.engines import (
    Audio,
    Engine,
    change_tempo,
    decode,
    engine_names,
    flag,
    get_engine_class,
    is_known,
    option,
)
from podcaster.speech.engines.network import RequestPolicy, RequestSettings
from tests.fakes.google import tone_mp3


class Tone(Engine):
    """A plugin engine for these tests."""

    name = "tone"

    def synthesize(self, text: str, voice: Voice) -> Audio:
        return Audio(b"\x10\x00" * 80 * len(text), 8000)


class Impostor(Tone):
    """A plugin that claims a built-in engine's name."""

    name = "espeak"


PLUGIN = "tests.speech.test_engines_rules"
ENTRY_POINTS = f"""\
[podcaster.engines]
espeak = {PLUGIN}:Impostor
broken = podcaster_no_such_module:Engine
wrong = podcaster.model:Voice
tone = {PLUGIN}:Tone

[other.group]
other = {PLUGIN}:Tone
"""


@pytest.fixture
def fresh(monkeypatch):
    """An empty registry and no engine module imported yet, as in a new process."""
    for name in engines.BUILTIN:
        module = f"podcaster.speech.engines.{name}"
        __import__(module)
        monkeypatch.setattr(engines, name, sys.modules[module])  # given back afterwards
        monkeypatch.delitem(sys.modules, module)
    monkeypatch.setattr(engines, "_REGISTRY", {})
    monkeypatch.setattr(engines, "_BROKEN", {})
    monkeypatch.setattr(engines, "_scanned", False)


@pytest.fixture
def plugin(tmp_path, monkeypatch):
    """An installed package declaring engine plugins (and an entry point of another group)."""
    info = tmp_path / "podcaster_test_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: podcaster-test-plugin\n"
                                   "Version: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(ENTRY_POINTS, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))


def loaded() -> set[str]:
    return {name for name in engines.BUILTIN if f"podcaster.speech.engines.{name}" in sys.modules}


@pytest.mark.parametrize("name", engines.BUILTIN)
def test_a_builtin_engine_is_loaded_alone_by_its_name(fresh, name):
    assert is_known(name) and loaded() == set()
    cls = get_engine_class(name, require_available=False)
    assert cls.name == name and cls.__module__ == f"podcaster.speech.engines.{name}"
    assert loaded() == {name}
    assert engines._REGISTRY == {name: cls}


def test_an_unknown_engine_is_refused_naming_every_known_one(fresh):
    assert not is_known("festival")
    with pytest.raises(EngineError) as unknown:
        get_engine_class("festival")
    assert str(unknown.value) == "unknown engine 'festival'; known engines: auto, edge, espeak, gtts"


def test_a_registered_plugin_is_known(fresh, monkeypatch):
    assert not is_known("tone")
    engines.register(Tone)
    assert is_known("tone") and get_engine_class("tone") is Tone


def test_plugins_come_from_their_entry_point_group(plugin):
    names = {ep.name for ep in engines.entry_points("podcaster.engines")}
    assert {"espeak", "broken", "wrong", "tone"} <= names and "other" not in names


def test_engine_names_load_builtins_and_plugins_once(fresh, plugin, monkeypatch, caplog):
    scans = []
    scan = engines.entry_points
    monkeypatch.setattr(engines, "entry_points", lambda group: scans.append(group) or scan(group))
    assert engine_names() == ["edge", "espeak", "gtts", "tone"]
    assert scans == ["podcaster.engines"]
    # a plugin cannot take a built-in engine's name
    espeak = get_engine_class("espeak", require_available=False)
    assert espeak is not Impostor and espeak.__module__ == "podcaster.speech.engines.espeak"
    assert get_engine_class("tone") is Tone
    with pytest.raises(EngineError) as broken:
        get_engine_class("broken")
    assert str(broken.value) == ("engine plugin 'broken' failed to load: ModuleNotFoundError: "
                                 "No module named 'podcaster_no_such_module'")
    with pytest.raises(EngineError) as wrong:
        get_engine_class("wrong")
    assert str(wrong.value) == ("engine plugin 'wrong' failed to load: not a "
                                "podcaster.speech.engines.Engine subclass")
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING] == [
        "engine plugin broken failed to load: No module named 'podcaster_no_such_module'",
        "engine plugin wrong is not an Engine subclass"]
    # listed again: no second scan, no second warning
    assert engine_names() == ["edge", "espeak", "gtts", "tone"]
    assert scans == ["podcaster.engines"]
    monkeypatch.setattr(engines, "_scanned", False)
    engine_names()
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 2


class Needs(Engine):
    name = "needs"
    install_hint = "pip install needs"


@pytest.mark.parametrize("requires, available", [(None, True), ("json", True),
                                                 ("podcaster_no_such_module", False)])
def test_an_engine_is_available_when_what_it_imports_is_installed(monkeypatch, requires,
                                                                  available):
    monkeypatch.setattr(Needs, "requires", requires)
    monkeypatch.setitem(engines._REGISTRY, "needs", Needs)
    assert Needs.available() is available
    assert get_engine_class("needs", require_available=False) is Needs
    if available:
        assert get_engine_class("needs") is Needs
    else:
        with pytest.raises(EngineError) as missing:
            get_engine_class("needs")
        assert str(missing.value) == "engine 'needs' is not available: pip install needs"


def test_an_engine_without_a_policy_gets_the_default_one():
    assert Tone().policy.settings == RequestSettings()
    policy = RequestPolicy(RequestSettings(retries=1))
    assert Tone(policy).policy is policy


def test_the_base_settings_name_every_part_of_the_voice():
    voice = Voice("tone", "v", rate=3, pitch=-2, tempo=1.5, options=(("a", "1"), ("b", "x")))
    assert Tone().settings(voice) == {"voice": "v", "rate": 3, "pitch": -2,
                                      "options": {"a": "1", "b": "x"}}


# options and flags -----------------------------------------------------------------------------


def test_an_option_is_its_value_else_the_default():
    voice = Voice("gtts", options=(("tld", "co.kr"),))
    assert option(voice, "tld") == "co.kr"
    assert option(voice, "slow") == ""
    assert option(voice, "slow", "false") == "false"


@pytest.mark.parametrize("value", ["1", "true", "True", " TRUE ", "yes", "Yes", "on", "ON", True])
def test_a_flag_is_on(value):
    assert flag(value) is True


@pytest.mark.parametrize("value", ["0", "false", "False", "no", "off", "", "2", "y", False])
def test_a_flag_is_off(value):
    assert flag(value) is False


# decoding and tempo ----------------------------------------------------------------------------


def seconds(audio: Audio) -> float:
    return len(audio.pcm) / 2 / audio.rate


def test_decode_makes_mono_pcm_at_the_rate_asked():
    mp3 = tone_mp3(1.0)
    audio = decode(mp3, 16000)
    assert (audio.rate, audio.tempo) == (16000, 1.0)
    assert seconds(audio) == pytest.approx(1.0, abs=0.1)
    for tempo in (1.25, 2.0):
        faster = decode(mp3, 16000, tempo)
        assert faster.tempo == tempo and faster.rate == 16000
        assert seconds(faster) == pytest.approx(seconds(audio) / tempo, rel=0.05)


def test_decode_takes_other_formats_and_stereo():
    wav = subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-loglevel", "error",
                          "-f", "lavfi", "-i", "sine=frequency=300:sample_rate=22050:duration=0.5",
                          "-ac", "2", "-f", "wav", "pipe:1"], capture_output=True,
                         check=True).stdout
    audio = decode(wav, 8000, fmt="wav")
    assert seconds(audio) == pytest.approx(0.5, abs=0.02)  # two channels become one
    with pytest.raises(AudioError):
        decode(wav, 8000)  # read as MP3 by default


def test_a_decoding_failure_names_the_clip():
    with pytest.raises(AudioError) as bad:
        decode(b"not audio at all", 24000, what="gtts clip")
    assert str(bad.value).startswith("gtts clip: ffmpeg failed: ")
    with pytest.raises(AudioError) as unnamed:
        decode(b"not audio at all", 24000)
    assert str(unnamed.value).startswith("clip: ffmpeg failed: ")


PCM = decode(tone_mp3(1.0), 16000).pcm


@pytest.mark.parametrize("have, want, factor", [(1.0, 1.25, 1.25), (1.25, 1.5625, 1.25),
                                                (1.25, 1.0, 0.8), (2.0, 1.0, 0.5)])
def test_a_tempo_change_applies_what_is_left(have, want, factor):
    audio = change_tempo(Audio(PCM, 16000, have), want)
    assert (audio.rate, audio.tempo) == (16000, want)
    assert seconds(audio) == pytest.approx(len(PCM) / 2 / 16000 / factor, rel=0.03)


@pytest.mark.parametrize("have, want, pcm", [(1.0, 1.0, PCM), (1.25, 1.25, PCM),
                                             (1.1, 1.1 + 1e-12, PCM), (1.0, 1.5, b"")])
def test_no_tempo_change_runs_no_ffmpeg(monkeypatch, have, want, pcm):
    def refuse(*args, **kw):
        raise AssertionError("ffmpeg ran")
    monkeypatch.setattr(ffmpeg, "run", refuse)
    audio = change_tempo(Audio(pcm, 16000, have), want)
    assert (audio.pcm, audio.rate, audio.tempo) == (pcm, 16000, want)


def test_a_failed_tempo_change_says_so():
    with pytest.raises(AudioError) as bad:
        change_tempo(Audio(PCM, 0), 1.5)
    assert str(bad.value).startswith("tempo change: ffmpeg failed: ")
