"""Bilingual episodes: English and Japanese quotes are read by voices of their language.

Real audio: eSpeak NG's ``en-us`` and ``ja`` voices (they ship in the same wheel as ``ko``);
gTTS's requests checked against the local fake of Google's endpoint.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from podcaster import ffmpeg
from podcaster.build import build_project
from podcaster.cli import main
from podcaster.config import load_config
from podcaster.errors import ConfigError
from podcaster.model import Voice
from podcaster.speech.cache import ClipCache
from podcaster.speech.synthesize import Synthesizer
from podcaster.speech.voices import DEFAULT_VOICES, Voices, default_voice
from podcaster.text.read import read_post
from podcaster.text.script import ScriptSettings, build_script
from podcaster.text.segment import segment_post
from tests.fakes.google import FakeGoogle, gtts_project
from tests.helpers import TESTS, make_project, mp3_of, parse_html

POST = TESTS / "bilingual" / "2025-04-02-chip-news.txt"
ENGLISH = "The company said on Tuesday that its new model, GPT-5, would ship in March."


def project_with_post(root: Path, extra: str = "") -> Path:
    project = make_project(root, {})
    shutil.copy(POST, project / "posts")
    if extra:
        with (project / "podcast.toml").open("a", encoding="utf-8") as fh:
            fh.write(extra)
    return project


def script_of(project: Path):
    config = load_config(project)
    post = read_post(next((project / "posts").iterdir()))
    return build_script(post, segment_post(post), ScriptSettings.from_config(config))


@pytest.mark.parametrize("engine", sorted(DEFAULT_VOICES))
def test_every_engine_has_a_default_voice_per_language(engine):
    for language in ("ko", "en", "ja"):
        assert default_voice(engine, language, "article")
        assert default_voice(engine, language, "commentary")
    assert default_voice("edge", "en").startswith("en-US-")
    assert default_voice("edge", "ja", "article").startswith("ja-JP-")


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The new chip ships in March."), ("ja", "あたらしいチップはさんがつにはつばいされる。")])
def test_espeak_reads_english_and_japanese_with_their_own_voices(language, text):
    from podcaster.speech.engines.espeak import EspeakEngine

    engine = EspeakEngine()
    own = engine.synthesize(text, Voice("espeak", default_voice("espeak", language)))
    korean = engine.synthesize(text, Voice("espeak", "ko"))
    assert own.duration > 0.5
    assert own.pcm != korean.pcm


def test_the_script_gives_each_sentence_its_language_and_no_transliteration(tmp_path, caplog):
    project = project_with_post(tmp_path / "show")
    with caplog.at_level(logging.WARNING):
        cues = [c for c in script_of(project) if not c.is_sound]
    by_text = {c.text: c for c in cues}
    english = by_text[ENGLISH]
    assert english.language == "en" and english.spoken == ENGLISH
    money = next(c for c in cues if c.text.startswith("Revenue"))
    assert money.spoken == ("Revenue rose to 3.5 billion dollars in third quarter, up 12 percent "
                            "from a year earlier.")
    assert by_text["新しいチップは三月に発売される。"].language == "ja"
    assert by_text["価格はまだ決まっていない。"].language == "ja"
    korean = [c for c in cues if c.language == "ko"]
    assert all(c.kind in ("title", "greeting", "announcement", "commentary", "signoff")
               for c in korean)
    # Only the Latin words really read in Hangul are warned about.
    warned = [r.getMessage() for r in caplog.records if "word by word" in r.getMessage()]
    assert warned and all("It will change everything" in w for w in warned)
    assert not any("company" in w or "Senate" in w for w in warned)


def test_transliteration_stays_available(tmp_path):
    project = project_with_post(tmp_path / "show")
    config = project / "podcast.toml"
    config.write_text(config.read_text("utf-8").replace(
        '[engine]\nname = "espeak"\n', '[engine]\nname = "espeak"\nlanguages = []\n'), "utf-8")
    cues = [c for c in script_of(project) if not c.is_sound]
    assert {c.language for c in cues} == {"ko"}
    english = next(c for c in cues if c.text.startswith("The company"))
    assert english.spoken.startswith("더 컴퍼니")


def test_voices_per_language_and_kind_from_podcast_toml(tmp_path):
    project = project_with_post(tmp_path / "show", """
[voices.article]
engine = "edge"
voice = "ko-KR-InJoonNeural"
tempo = 1.2
[voices.en]
voice = "en-gb"
rate = 160
[voices.en.article]
engine = "espeak"
[voices.ja]
engine = "gtts"
""")
    voices = Voices.from_config(load_config(project))
    english = voices.concrete("article", "en")
    assert (english.engine, english.voice, english.rate, english.tempo) == (
        "espeak", "en-gb", 160, 1.2)
    assert voices.concrete("commentary", "en") == Voice("espeak", "en-gb", rate=160)
    japanese = voices.concrete("article", "ja")
    assert (japanese.engine, japanese.voice, japanese.tempo) == ("gtts", "ja", 1.2)
    assert voices.concrete("article").voice == "ko-KR-InJoonNeural"
    # --engine gtts: voices meant for other engines fall back to gtts's per language.
    online = Voices.from_config(load_config(project), "gtts")
    assert online.concrete("article", "en").voice == "en"
    assert online.concrete("article", "ja").voice == "ja"


@pytest.mark.parametrize(("toml", "problem"), [
    ('[voices.fr]\nvoice = "fr"\n', "unknown voice kind voices.fr"),
    ('[voices.en]\nvolume = 3\n', "unknown option voices.en.volume"),
    ('[voices.en.article]\nengine = "nope"\n', "voices.en.article.engine: unknown engine"),
    ('[voices.en]\narticle = "x"\n', "voices.en.article must be a table"),
])
def test_bad_language_voices_are_config_errors(tmp_path, toml, problem):
    project = project_with_post(tmp_path / "show", "\n" + toml)
    with pytest.raises(ConfigError, match=problem):
        load_config(project)


def test_an_unknown_language_is_a_config_error(tmp_path):
    project = project_with_post(tmp_path / "show")
    config = project / "podcast.toml"
    config.write_text(config.read_text("utf-8").replace(
        '[engine]\nname = "espeak"\n', '[engine]\nname = "espeak"\nlanguages = ["fr"]\n'),
        "utf-8")
    with pytest.raises(ConfigError, match="engine.languages: unknown language 'fr'"):
        load_config(project)


def test_the_cache_key_holds_language_and_voice(tmp_path):
    synth = Synthesizer(ClipCache(tmp_path))
    voice = Voice("espeak", "en-us")
    english = synth.key("GPU", voice, "en")
    assert english != synth.key("GPU", voice)  # the same voice, the language differs
    assert english != synth.key("GPU", Voice("espeak", "en-gb"), "en")
    from podcaster.speech.cache import clip_key

    ko = Voice("espeak", "ko")  # Korean keys are those clips had before languages
    settings = {**synth._settings_engine("espeak").settings(ko), "tempo": 1.0}
    assert synth.key("안녕", ko) == clip_key("espeak", settings, "안녕")


@pytest.mark.slow
def test_a_bilingual_episode_with_espeak(tmp_path, caplog):
    project = project_with_post(tmp_path / "show")
    with caplog.at_level(logging.WARNING):
        build_project(project)
    cues = [c for c in script_of(project) if not c.is_sound]
    synth = Synthesizer(ClipCache(project / ".podcaster-cache"))
    voices = Voices.from_config(load_config(project))
    for cue in cues:  # each sentence is a clip of its language's voice
        voice = synth.voice(voices, cue)
        assert voice.voice == {"ko": "ko", "en": "en-us", "ja": "ja"}[cue.language]
        assert synth.cache.get(synth.key(cue.spoken, voice, cue.language)) is not None
    assert not any("company" in r.getMessage() for r in caplog.records)
    # `cache prune` keeps every clip: the planned keys hold each sentence's language.
    from podcaster.build.prune import planned_keys

    stored = {p.stem for p in (project / ".podcaster-cache" / "clips").glob("*/*.wav")}
    assert stored and stored <= planned_keys(load_config(project))

    episodes = project / "public" / "episodes"
    measured = ffmpeg.measure_loudness(mp3_of(project / "public", "chip-news"))
    assert measured.integrated == pytest.approx(-16.0, abs=1.0)
    assert measured.true_peak <= -1.0

    vtt = (episodes / "chip-news.vtt").read_text("utf-8")
    assert "<v Tech Daily><lang en>The company said" in vtt
    assert "<lang ja>新しいチップ" in vtt
    assert "<lang ko>" not in vtt and "<v 시험 작가><lang" not in vtt

    segments = json.loads((episodes / "chip-news.transcript.json").read_text("utf-8"))["segments"]
    assert {s["body"]: s["language"] for s in segments}[ENGLISH] == "en"
    assert {s["language"] for s in segments} == {"ko", "en", "ja"}
    times = [(s["startTime"], s["endTime"]) for s in segments]
    assert all(a < b for a, b in times) and times == sorted(times)

    page = parse_html((episodes / "chip-news.html").read_text("utf-8"))
    paragraphs = page.find_all("p", cls="paragraph")
    langs = [p.attrs.get("lang") for p in paragraphs]
    assert langs.count("en") == 2 and langs.count("ja") == 1
    assert any(ENGLISH in p.text for p in paragraphs if p.attrs.get("lang") == "en")
    chapters = json.loads((episodes / "chip-news.chapters.json").read_text("utf-8"))
    assert len(chapters["chapters"]) >= 3


def test_gtts_is_asked_for_each_language(tmp_path):
    text = POST.read_text("utf-8")
    project = gtts_project(tmp_path / "show", posts={"2025-04-02-chip-news.txt": text})
    with FakeGoogle() as google:
        result = CliRunner().invoke(main, ["build", str(project)])
    assert result.exit_code == 0, result.output
    asked = {r.text: r.lang for r in google.requests}
    assert asked[ENGLISH] == "en"
    assert asked["新しいチップは三月に発売される。"] == "ja"
    assert asked["안녕하세요 시험 작가입니다."] == "ko"
    assert set(asked.values()) == {"ko", "en", "ja"}


def test_script_shows_language_and_voice(tmp_path):
    project = project_with_post(tmp_path / "show")
    post = next((project / "posts").iterdir())
    result = CliRunner().invoke(main, ["script", str(post)])
    assert result.exit_code == 0, result.output
    assert f"article      en espeak/en-us    {ENGLISH}" in result.output
    assert "article      ja espeak/ja       新しいチップは三月に発売される。" in result.output
    assert "greeting     ko espeak/ko       안녕하세요 시험 작가입니다." in result.output
    assert "컴퍼니" not in result.output


def test_normalize_shows_what_each_voice_says():
    runner = CliRunner()
    result = runner.invoke(main, ["normalize", ENGLISH])
    assert result.output == f"[en] {ENGLISH}\n"
    result = runner.invoke(main, ["normalize", "새 칩이 나왔다. Sales hit $2bn in Q3."])
    assert result.output == ("[ko] 새 칩이 나왔다.\n"
                             "[en] Sales hit 2 billion dollars in third quarter.\n")
    result = runner.invoke(main, ["normalize", "--language", "ko", "Sales hit $2bn."])
    assert "세일즈" in result.output or "달러" in result.output
    assert runner.invoke(main, ["normalize", "2025년 52.9%"]).output == (
        "이천이십오 년 오십이 점 구 퍼센트\n")


def test_auto_falls_back_per_language():
    voices = Voices()  # engine auto, nothing configured
    assert voices.concrete("article", "en") == Voice("gtts", "en", tempo=1.1)
    assert voices.concrete("article", "en", auto="espeak") == Voice("espeak", "en-us", tempo=1.1)
    assert voices.concrete("greeting", "ja", auto="espeak") == Voice("espeak", "ja")
    assert voices.concrete("greeting", auto="espeak") == Voice("espeak", "ko")


def test_espeak_reads_kanji_as_kana():
    pytest.importorskip("pykakasi")
    from podcaster.speech.engines.espeak import EspeakEngine

    engine = EspeakEngine()
    voice = Voice("espeak", "ja")
    assert engine.settings(voice)["kana"].startswith("pykakasi-")
    assert "kana" not in engine.settings(Voice("espeak", "ko"))  # Korean keys unchanged
    kanji = engine.synthesize("新しいチップは三月に発売される。", voice)
    kana = engine.synthesize("あたらしいちっぷはさんがつにはつばいされる。", voice)
    assert kanji.pcm == kana.pcm


def test_without_a_kana_reader_espeak_warns_and_keys_say_so(monkeypatch, caplog):
    from podcaster.speech.engines import espeak

    monkeypatch.setattr(espeak, "kana_reader", lambda: None)
    monkeypatch.setattr(espeak, "_warned_kanji", False)
    engine = espeak.EspeakEngine()
    assert engine.settings(Voice("espeak", "ja"))["kana"] == "none"
    with caplog.at_level(logging.WARNING):
        engine.synthesize("価格は未定だ。", Voice("espeak", "ja"))
    assert "reads kana only" in caplog.text and "podcaster-ko[japanese]" in caplog.text


def test_a_bad_foreign_voice_stops_the_build_before_any_post(tmp_path):
    project = project_with_post(tmp_path / "show", "\n[voices.en]\ntempo = 5\n")
    with pytest.raises(ConfigError, match=r"voices\.en\.tempo must be between"):
        build_project(project)
    assert not (project / "public").exists()


def test_a_plugin_built_on_espeak_keeps_its_voices(monkeypatch):
    from podcaster.speech import engines as registry
    from podcaster.speech.engines.espeak import EspeakEngine

    class Plugin(EspeakEngine):
        name = "espeak-plugin"

    monkeypatch.setitem(registry._REGISTRY, Plugin.name, Plugin)
    assert default_voice("espeak-plugin") == "ko"
    assert default_voice("espeak-plugin", "en") == "en-us"
    assert Plugin().settings(Voice("espeak-plugin"))["voice"] == "ko"
