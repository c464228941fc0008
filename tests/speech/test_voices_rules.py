"""Both sides of the voice rules: default voices per engine, language and kind (plugins
too), podcast.toml's kind and language tables, --engine, tempo defaults and range, auto."""

from __future__ import annotations

import pytest

from podcaster.errors import ConfigError, EngineError
from podcaster.model import Voice
from podcaster.speech import engines
from podcaster.speech.engines import Engine
from podcaster.speech.engines.edge import EdgeEngine
from podcaster.speech.engines.espeak import EspeakEngine
from podcaster.speech.voices import Voices, concrete, default_voice
from tests.helpers import make_config

# default voices --------------------------------------------------------------------------------

DEFAULTS = [  # engine, language, kind, voice
    ("espeak", "ko", "greeting", "ko"), ("espeak", "ko", "article", "ko"),
    ("espeak", "en", "article", "en-us"), ("espeak", "ja", "greeting", "ja"),
    ("gtts", "ko", "article", "ko"), ("gtts", "en", "greeting", "en"),
    ("gtts", "ja", "article", "ja"),
    ("edge", "ko", "greeting", "ko-KR-SunHiNeural"), ("edge", "ko", "article", "ko-KR-InJoonNeural"),
    ("edge", "ko", "", "ko-KR-SunHiNeural"),
    ("edge", "en", "commentary", "en-US-AriaNeural"), ("edge", "en", "article", "en-US-GuyNeural"),
    ("edge", "ja", "signoff", "ja-JP-NanamiNeural"), ("edge", "ja", "article", "ja-JP-KeitaNeural"),
    ("espeak", "fr", "greeting", ""), ("edge", "fr", "article", ""),  # no voice for French
]


@pytest.mark.parametrize("engine, language, kind, voice", DEFAULTS)
def test_the_default_voice_of_each_engine_language_and_kind(engine, language, kind, voice):
    assert default_voice(engine, language, kind) == voice
    assert concrete(Voice(engine), kind, language).voice == voice


def test_the_default_voice_is_korean_for_every_kind():
    assert default_voice("espeak") == "ko"
    assert default_voice("edge") == "ko-KR-SunHiNeural"


class Own(Engine):
    name = "own"
    requires = "no_such_module_for_podcaster_tests"  # not installed: its voices still count
    default_voice = "own-ko"
    kind_voices = {"article": "own-article"}
    language_voices = {"en": "own-en"}


class Bare(Engine):
    name = "bare"


class OnEspeak(EspeakEngine):
    name = "on-espeak"


class OnEdge(EdgeEngine):
    name = "on-edge"


class OnEdgeOwn(EdgeEngine):
    name = "on-edge-own"
    default_voice = "ko-KR-HyunsuNeural"


@pytest.fixture
def plugins(monkeypatch):
    for cls in (Own, Bare, OnEspeak, OnEdge, OnEdgeOwn):
        monkeypatch.setitem(engines._REGISTRY, cls.name, cls)


@pytest.mark.parametrize("engine, language, kind, voice", [
    ("own", "ko", "greeting", "own-ko"), ("own", "ko", "article", "own-article"),
    ("own", "en", "article", "own-en"), ("own", "ja", "greeting", ""),
    ("bare", "ko", "greeting", ""), ("bare", "en", "article", ""),
    ("on-espeak", "ko", "article", "ko"), ("on-espeak", "en", "greeting", "en-us"),
    ("on-edge", "ko", "article", "ko-KR-InJoonNeural"),
    ("on-edge", "ko", "greeting", "ko-KR-SunHiNeural"),
    ("on-edge", "en", "article", "en-US-GuyNeural"),
    ("on-edge-own", "ko", "greeting", "ko-KR-HyunsuNeural"),  # its own voice first
    ("on-edge-own", "en", "article", "en-US-GuyNeural"),  # ...then its base's
])
def test_a_plugin_speaks_with_its_own_voices_else_its_base_engines(plugins, engine, language,
                                                                    kind, voice):
    assert default_voice(engine, language, kind) == voice


def test_an_unknown_engine_has_no_default_voice():
    with pytest.raises(EngineError, match="unknown engine 'nope'"):
        default_voice("nope")


# concrete: what auto becomes -------------------------------------------------------------------

SET = Voice("auto", "ko", rate=3, pitch=4, tempo=1.2, options=(("tld", "co.kr"),))


def test_auto_is_gtts_until_decided_keeping_its_settings():
    assert concrete(SET, "greeting") == Voice("gtts", "ko", 3, 4, 1.2, (("tld", "co.kr"),))
    assert concrete(SET, "greeting", auto="gtts") == concrete(SET, "greeting")
    assert concrete(Voice("auto"), "article", "en") == Voice("gtts", "en")


def test_auto_become_espeak_keeps_only_the_tempo():
    assert concrete(SET, "greeting", auto="espeak") == Voice("espeak", "ko", tempo=1.2)
    assert concrete(SET, "greeting", "en", auto="espeak") == Voice("espeak", "en-us", tempo=1.2)


def test_a_named_engine_and_voice_stay_as_set():
    voice = Voice("edge", "ko-KR-HyunsuNeural", rate=5)
    assert concrete(voice, "article", auto="espeak") == voice
    assert concrete(Voice("edge", rate=5), "article") == Voice("edge", "ko-KR-InJoonNeural", 5)


# Voices: podcast.toml's tables and --engine ----------------------------------------------------


def test_the_engine_is_the_override_else_the_kinds_else_the_shows():
    tables = {"article": {"engine": "edge"}}
    assert Voices(tables, "gtts").configured("article").engine == "edge"
    assert Voices(tables, "gtts").configured("greeting").engine == "gtts"
    assert Voices(tables, "gtts", "espeak").configured("article").engine == "espeak"
    assert Voices(tables, "gtts", "espeak").configured("greeting").engine == "espeak"


def test_a_kinds_settings_reach_its_voice():
    tables = {"article": {"voice": "ko-KR-InJoonNeural", "rate": 5, "pitch": -2, "tempo": 1.3,
                          "options": {"volume": 10, "b": True}}, "odd": 3}
    voice = Voices(tables, "edge").configured("article")
    assert voice == Voice("edge", "ko-KR-InJoonNeural", 5, -2, 1.3,
                          (("b", "True"), ("volume", "10")))
    assert Voices(tables, "edge").configured("odd") == Voice("edge")


@pytest.mark.parametrize("override, meant, kept", [
    ("edge", "edge", True),  # --engine names the engine the settings were written for
    ("espeak", "edge", False),
    ("gtts", "auto", True),  # settings written for auto are gTTS's
    ("espeak", "auto", False),
    ("auto", "gtts", True),
])
def test_engine_override_keeps_settings_only_for_their_engine(override, meant, kept):
    tables = {"commentary": {"engine": meant, "voice": "v", "rate": 5, "tempo": 0.9}}
    voice = Voices(tables, "gtts", override).configured("commentary")
    assert voice.engine == override and voice.tempo == 0.9
    assert (voice.voice, voice.rate) == (("v", 5) if kept else ("", None))


def test_engine_override_against_the_shows_engine():
    tables = {"commentary": {"voice": "v"}}
    assert Voices(tables, "auto", "gtts").configured("commentary").voice == "v"
    assert Voices(tables, "edge", "edge").configured("commentary").voice == "v"
    assert Voices(tables, "edge", "espeak").configured("commentary").voice == ""


def test_a_foreign_voice_takes_the_kinds_engine_and_tempo_only():
    tables = {"article": {"engine": "espeak", "voice": "ko", "rate": 200, "pitch": 60,
                          "tempo": 1.3, "options": {"x": "1"}}}
    voices = Voices(tables, "gtts")
    assert voices.configured("article", "en") == Voice("espeak", tempo=1.3)
    assert voices.configured("article") == Voice("espeak", "ko", 200, 60, 1.3, (("x", "1"),))


def test_language_tables_and_their_kind_tables():
    tables = {"en": {"engine": "edge", "voice": "en-GB-SoniaNeural", "options": {"volume": "5"},
                     "article": {"voice": "en-GB-RyanNeural", "rate": 4}},
              "article": {"engine": "espeak", "tempo": 1.2}}
    voices = Voices(tables, "gtts")
    assert voices.configured("greeting", "en") == Voice(
        "edge", "en-GB-SoniaNeural", tempo=1.0, options=(("volume", "5"),))
    assert voices.configured("article", "en") == Voice(
        "edge", "en-GB-RyanNeural", rate=4, tempo=1.2, options=(("volume", "5"),))
    assert voices.configured("greeting", "ja") == Voice("gtts", tempo=1.0)
    assert voices.configured("article") == Voice("espeak", tempo=1.2)
    assert (voices.where("article", "en", "voice"), voices.where("greeting", "en", "voice"),
            voices.where("article", "en", "tempo"), voices.where("signoff", "ja", "voice"),
            voices.where("article", "ko", "engine")) == (
        "en.article", "en", "article", "signoff", "article")


def test_voices_from_podcast_toml_and_engine_option(tmp_path):
    config = make_config(tmp_path, '\n[engine]\nname = "espeak"\n\n[voices.article]\n'
                                   'voice = "en-us"\nrate = 200\n')
    assert Voices.from_config(config).configured("article") == Voice(
        "espeak", "en-us", 200, tempo=1.1)
    assert Voices.from_config(config).configured("greeting") == Voice("espeak", tempo=1.0)
    assert Voices.from_config(config, "gtts").configured("article") == Voice("gtts", tempo=1.1)


def test_a_fixed_voice_speaks_every_cue_with_defaults_filled_in():
    voices = Voices.fixed(Voice("edge", tempo=1.0))
    assert voices.configured("article") == Voice("edge", tempo=1.0)
    assert voices.concrete("article") == Voice("edge", "ko-KR-InJoonNeural")
    assert voices.concrete("greeting", "en") == Voice("edge", "en-US-AriaNeural")


def test_concrete_voices_per_kind_language_and_auto():
    voices = Voices({"article": {"rate": 2}}, "auto")
    assert voices.concrete("article") == Voice("gtts", "ko", rate=2, tempo=1.1)
    assert voices.concrete("article", "en") == Voice("gtts", "en", tempo=1.1)
    assert voices.concrete("article", "ja", "espeak") == Voice("espeak", "ja", tempo=1.1)
    assert voices.concrete("greeting", "ko", "espeak") == Voice("espeak", "ko", tempo=1.0)
    assert voices.concrete("article") is voices.concrete("article")  # decided once


# tempo -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind, tempo", [("title", 1.0), ("greeting", 1.0),
                                         ("announcement", 1.0), ("article", 1.1),
                                         ("commentary", 1.0), ("signoff", 1.0), ("other", 1.0)])
def test_the_default_tempo_of_each_kind(kind, tempo):
    assert Voices({}, "gtts").configured(kind).tempo == tempo
    assert Voices({}, "gtts").configured(kind, "en").tempo == tempo


@pytest.mark.parametrize("tempo", [0.5, 2.0, 1])
def test_a_tempo_at_the_limits_is_taken(tempo):
    assert Voices({"article": {"tempo": tempo}}, "gtts").configured("article").tempo == tempo


@pytest.mark.parametrize("tables, language, where, got", [
    ({"article": {"tempo": 2.01}}, "ko", "article", "2.01"),
    ({"article": {"tempo": 0.49}}, "ko", "article", "0.49"),
    ({"article": {"tempo": 0.4}}, "en", "article", "0.4"),
    ({"en": {"tempo": 2.5}}, "en", "en", "2.5"),
    ({"en": {"article": {"tempo": 3}}, "article": {"tempo": 1.2}}, "en", "en.article", "3"),
])
def test_a_tempo_out_of_range_names_its_table(tables, language, where, got):
    with pytest.raises(ConfigError) as bad:
        Voices(tables, "gtts").configured("article", language)
    assert str(bad.value) == f"voices.{where}.tempo must be between 0.5 and 2.0, got {got}"


# any_auto --------------------------------------------------------------------------------------


def test_any_auto_looks_at_the_voices_configured_so_far():
    voices = Voices({"article": {"engine": "auto"}}, "espeak")
    assert not voices.any_auto()
    voices.configured("greeting")
    assert not voices.any_auto()
    voices.configured("article", "en")
    assert voices.any_auto()
    assert voices.any_auto({"article", "title"})
    assert not voices.any_auto({"greeting"})
