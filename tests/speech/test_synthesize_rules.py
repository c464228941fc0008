"""Both sides of the synthesiser's rules: keys, the cache, duplicates, jobs, failures, tempo
and what ``auto`` becomes. Most tests use an in-process engine (no audio library, no network);
``auto`` is tried against the local fake of Google (tests/fakes/google.py)."""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from pathlib import Path

import pytest

import podcaster.speech.engines.espeak  # noqa: F401  (registered before the tests patch)
import podcaster.speech.engines.gtts  # noqa: F401
from podcaster.errors import EngineError
from podcaster.model import Cue, Voice
from podcaster.speech import engines
from podcaster.speech.cache import ClipCache, clip_key
from podcaster.speech.engines import Audio, Engine
from podcaster.speech.engines.gtts import GttsEngine
from podcaster.speech.engines.network import RequestSettings, TransientError
from podcaster.speech.synthesize import Synthesizer, request_settings
from podcaster.speech.voices import Voices
from tests.fakes.google import RESET, FakeGoogle
from tests.helpers import make_config

RATE = 16000


def speech(kind: str, text: str, language: str = "ko") -> Cue:
    return Cue(kind, text=text, spoken=text, language=language)


def sound(kind: str = "intro") -> Cue:
    return Cue(kind, sound=Path("intro.wav"))


def samples_of(text: str) -> bytes:
    """The samples the recorder makes for ``text``: different for every text, 20 ms a byte."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return digest * (10 * len(text.encode("utf-8")))


class Recorder(Engine):
    """An offline engine that remembers what it spoke; its clips spell the text's hash."""

    name = "recorder"
    install_hint = "nothing to install"

    def __init__(self, policy=None):
        super().__init__(policy)
        self.spoken: list[str] = []
        self.lock = threading.Lock()

    def synthesize(self, text: str, voice: Voice) -> Audio:
        with self.lock:
            self.spoken.append(text)
        return Audio(samples_of(text), RATE)


class Missing(Recorder):
    """An engine whose library is not installed here."""

    name = "missing"
    requires = "no_such_module_for_podcaster_tests"
    install_hint = "pip install no-such-module"


@pytest.fixture
def recorder(monkeypatch):
    monkeypatch.setitem(engines._REGISTRY, "recorder", Recorder)
    monkeypatch.setitem(engines._REGISTRY, "missing", Missing)


def synth_of(tmp_path, **kw) -> Synthesizer:
    return Synthesizer(ClipCache(tmp_path / "cache"), **kw)


FIXED = Voices.fixed(Voice("recorder"))


# request_settings ----------------------------------------------------------------------------


def test_the_engine_table_paces_and_retries_network_requests(tmp_path):
    config = make_config(tmp_path, "\n[engine]\nrate_limit = 3\nretries = 2\ntimeout = 7\n")
    assert request_settings(config) == RequestSettings(rate_limit=3.0, retries=2, timeout=7.0)


class Flaky(Engine):
    """A network engine whose service always answers 503."""

    name = "flaky"
    network = True

    def synthesize(self, text: str, voice: Voice) -> Audio:
        def request():
            raise TransientError("server error", "the service failed: HTTP 503")
        return self.policy.call(request, what="flaky")


@pytest.mark.parametrize("retries", [0, 2])
def test_the_retries_given_to_the_synthesiser_are_what_its_engines_try(tmp_path, monkeypatch,
                                                                     retries):
    monkeypatch.setitem(engines._REGISTRY, "flaky", Flaky)
    synth = synth_of(tmp_path, requests=RequestSettings(retries=retries, backoff=0.0))
    with pytest.raises(EngineError) as failed:
        synth.run([speech("greeting", "하나.")], Voices.fixed(Voice("flaky")))
    tries = retries + 1
    assert str(failed.value) == ("the service failed: HTTP 503" +
                                 (f" (gave up after {tries} tries)" if tries > 1 else ""))
    assert synth.engine("flaky").policy.requests == tries
    assert synth.stats.requests == tries and synth.stats.retries == retries


# keys ----------------------------------------------------------------------------------------


def test_a_key_names_engine_settings_tempo_and_text_and_a_foreign_language(tmp_path, recorder):
    synth = synth_of(tmp_path)
    voice = Voice("recorder", "v1", rate=3, pitch=4, tempo=1.1, options=(("x", "y"),))
    settings = {"voice": "v1", "rate": 3, "pitch": 4, "options": {"x": "y"}, "tempo": 1.1}
    # A Korean key has no language (keys made before languages existed stay valid)...
    assert synth.key("안녕.", voice) == clip_key("recorder", settings, "안녕.")
    assert synth.key("안녕.", voice, "ko") == clip_key("recorder", settings, "안녕.")
    # ...another language's key names it.
    assert synth.key("Hello.", voice, "en") == clip_key(
        "recorder", {**settings, "language": "en"}, "Hello.")


def test_a_gtts_key_is_the_one_earlier_versions_wrote(tmp_path):
    """Clips cached by earlier versions are found again: the key of a gTTS clip is pinned."""
    synth = synth_of(tmp_path)
    key = synth.key("안녕하세요.", Voice("gtts", "ko", tempo=1.1))
    assert key == clip_key("gtts", {"lang": "ko", "tld": "com", "slow": False, "tempo": 1.1},
                           "안녕하세요.")
    assert key == "044b97e6b4ad40568141e9431ef8360a374aa3a082fc8db4eb78a481138753b1"


@pytest.mark.parametrize("other, same", [(1.10004, True), (1.1001, False), (1.0, False),
                                         (1.2, False)])
def test_the_tempo_counts_to_four_decimals(tmp_path, recorder, other, same):
    synth = synth_of(tmp_path)
    base = synth.key("둘.", Voice("recorder", tempo=1.1))
    assert (synth.key("둘.", Voice("recorder", tempo=other)) == base) is same


def test_keys_of_an_engine_that_is_not_installed_can_be_listed(tmp_path, recorder):
    """cache prune lists the clips of every voice, installed here or not."""
    synth = synth_of(tmp_path)
    keys = synth.keys([[speech("greeting", "셋.")]], Voices.fixed(Voice("missing", "m")))
    assert keys == {clip_key("missing", {"voice": "m", "rate": None, "pitch": None,
                                         "options": {}, "tempo": 1.0}, "셋.")}
    # and once the engine is asked to speak, it says what to install
    with pytest.raises(EngineError, match="engine 'missing' is not available: pip install "
                                          "no-such-module"):
        synth.run([speech("greeting", "셋.")], Voices.fixed(Voice("missing", "m")))


SCRIPTS = [[sound(), speech("greeting", "안녕하세요."), speech("article", "기사 첫 문장."),
            speech("article", "English words here.", "en"), sound("outro"),
            speech("signoff", "안녕히 계세요.")],
           [speech("greeting", "안녕하세요."), speech("commentary", "두 번째 글의 의견.")]]


def test_keys_are_the_keys_a_run_stores(tmp_path, recorder):
    voices = Voices({"article": {"voice": "a", "tempo": 1.3}, "en": {"voice": "e"}},
                    "recorder")
    synth = synth_of(tmp_path)
    keys = synth.keys(SCRIPTS, voices)
    synth.run_all(SCRIPTS, voices)
    assert keys == synth.cache.keys()
    assert len(keys) == 5  # every sentence once, sounds none


def test_keys_of_auto_voices_count_both_engines_per_kind_and_language(tmp_path, recorder):
    voices = Voices({"article": {"engine": "auto"}, "en": {"engine": "auto"}}, "recorder")
    synth = synth_of(tmp_path)
    cues = [speech("greeting", "인사."), speech("article", "기사."),
            speech("greeting", "A greeting in English.", "en")]
    keys = synth.keys([cues], voices)
    espeak, gtts = Voice("espeak", "ko", tempo=1.1), Voice("gtts", "ko", tempo=1.1)
    assert keys == {synth.key("인사.", Voice("recorder")),
                    synth.key("기사.", gtts), synth.key("기사.", espeak),
                    synth.key("A greeting in English.", Voice("gtts", "en"), "en"),
                    synth.key("A greeting in English.", Voice("espeak", "en-us"), "en")}


# run: the cache, duplicates, sounds, counts --------------------------------------------------


def test_clips_follow_their_cues_past_sounds_and_duplicates(tmp_path, recorder):
    synth = synth_of(tmp_path, jobs=2)
    seen = []
    clips = synth.run_all(SCRIPTS, FIXED, seen.append)
    assert [c is None for c in clips[0]] == [True, False, False, False, True, False]
    assert all(c is not None for c in clips[1])
    for script, got in zip(SCRIPTS, clips):
        for cue, clip in zip(script, got):
            if clip is not None:
                assert clip.path == synth.cache.path(synth.key(cue.spoken, Voice("recorder"),
                                                               cue.language))
                assert clip.path.is_file()
                assert clip.duration == pytest.approx(len(samples_of(cue.spoken)) / 2 / RATE)
    # the repeated greeting: made once, the second cue has the same clip, from the cache
    first, again = clips[0][1], clips[1][0]
    assert (first.path, first.cached) == (again.path, False)
    assert again.cached is True and again.duration == first.duration
    assert sorted(synth.engine("recorder").spoken) == sorted(
        {c.spoken for s in SCRIPTS for c in s if not c.is_sound})
    assert (synth.stats.synthesised, synth.stats.cached) == (5, 1)
    assert seen == [1] * 6
    assert synth.engine_summary == "recorder"


def test_a_second_run_takes_every_clip_from_the_cache(tmp_path, recorder):
    made = []
    synth_of(tmp_path, clip_made=lambda: made.append(1)).run_all(SCRIPTS, FIXED)
    assert len(made) == 5
    seen = []
    again = synth_of(tmp_path, clip_made=lambda: made.append(1))
    clips = again.run_all(SCRIPTS, FIXED, seen.append)
    assert len(made) == 5  # nothing new stored
    assert all(c.cached is True for s in clips for c in s if c is not None)
    assert again.engine("recorder").spoken == []
    assert (again.stats.synthesised, again.stats.cached) == (0, 6)
    assert seen == [1] * 6
    assert again.engine_summary == "recorder"  # its clips were used


def test_nothing_spoken_is_no_engine(tmp_path, recorder):
    synth = synth_of(tmp_path)
    assert synth.run([sound()], FIXED) == [None]
    assert synth.engine_summary == "none"
    assert (synth.stats.synthesised, synth.stats.cached, synth.stats.requests) == (0, 0, 0)


def test_each_kind_and_language_speaks_with_its_own_voice(tmp_path, recorder):
    voices = Voices({"article": {"voice": "quote"}, "en": {"voice": "english"}}, "recorder")
    synth = synth_of(tmp_path)
    cues = [speech("greeting", "같은 문장."), speech("article", "같은 문장."),
            speech("greeting", "Same words.", "en")]
    clips = synth.run(cues, voices)
    assert [c.path for c in clips] == [
        synth.cache.path(synth.key("같은 문장.", Voice("recorder"))),
        synth.cache.path(synth.key("같은 문장.", Voice("recorder", "quote", tempo=1.1))),
        synth.cache.path(synth.key("Same words.", Voice("recorder", "english"), "en"))]


# tempo ---------------------------------------------------------------------------------------


class Paced(Recorder):
    """An engine that applies the tempo itself (as engines decoding through ffmpeg do)."""

    name = "paced"

    def synthesize(self, text: str, voice: Voice) -> Audio:
        audio = super().synthesize(text, voice)
        return Audio(audio.pcm[:int(len(audio.pcm) / voice.tempo) // 2 * 2], RATE, voice.tempo)


def test_the_tempo_is_applied_once(tmp_path, recorder, monkeypatch):
    monkeypatch.setitem(engines._REGISTRY, "paced", Paced)
    synth = synth_of(tmp_path)
    text = "빠르게 읽는 문장입니다."
    natural = len(samples_of(text)) / 2 / RATE
    [slow] = synth.run([speech("greeting", text)], Voices.fixed(Voice("recorder")))
    [fast] = synth.run([speech("greeting", text)], Voices.fixed(Voice("recorder", tempo=1.25)))
    [own] = synth.run([speech("greeting", text)], Voices.fixed(Voice("paced", tempo=1.25)))
    assert slow.duration == pytest.approx(natural)
    assert fast.duration == pytest.approx(natural / 1.25, rel=0.02)  # changed by ffmpeg
    assert own.duration == pytest.approx(natural / 1.25, abs=0.001)  # not changed again


# jobs and failures ---------------------------------------------------------------------------


class Crowd(Recorder):
    """Counts how many clips are spoken at once."""

    name = "crowd"
    default_jobs = 3

    def __init__(self, policy=None):
        super().__init__(policy)
        self.now = self.most = 0

    def synthesize(self, text: str, voice: Voice) -> Audio:
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)
        time.sleep(0.05)
        with self.lock:
            self.now -= 1
        return super().synthesize(text, voice)


@pytest.mark.parametrize("jobs, most", [(None, 3), (0, 3), (1, 1), (2, 2)])
def test_jobs_default_to_the_engines_and_cap_the_clips_spoken_at_once(tmp_path, monkeypatch,
                                                                     caplog, jobs, most):
    monkeypatch.setitem(engines._REGISTRY, "crowd", Crowd)
    caplog.set_level(logging.INFO, logger="podcaster.speech.synthesize")
    synth = synth_of(tmp_path, jobs=jobs) if jobs else synth_of(tmp_path)
    cues = [speech("greeting", f"{n}번째 문장.") for n in range(6)]
    synth.run(cues, Voices.fixed(Voice("crowd")))
    assert synth.engine("crowd").most == most
    assert f"synthesising 6 clip(s) with {most} job(s)" in caplog.messages


def test_more_jobs_than_clips_start_one_per_clip(tmp_path, monkeypatch, caplog):
    monkeypatch.setitem(engines._REGISTRY, "crowd", Crowd)
    caplog.set_level(logging.INFO, logger="podcaster.speech.synthesize")
    synth_of(tmp_path, jobs=8).run([speech("greeting", "하나."), speech("greeting", "둘.")],
                                   Voices.fixed(Voice("crowd")))
    assert "synthesising 2 clip(s) with 2 job(s)" in caplog.messages


class Failing(Recorder):
    """Fails on the text "실패." at once; every other clip takes a moment."""

    name = "failing"

    def synthesize(self, text: str, voice: Voice) -> Audio:
        if text == "실패.":
            raise EngineError("failing: this sentence cannot be spoken")
        time.sleep(0.05)
        return super().synthesize(text, voice)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failure_stops_the_clips_not_yet_begun(tmp_path, monkeypatch, jobs):
    monkeypatch.setitem(engines._REGISTRY, "failing", Failing)
    synth = synth_of(tmp_path, jobs=jobs)
    cues = [speech("greeting", "실패.")] + [speech("greeting", f"{n}번 문장.") for n in range(8)]
    with pytest.raises(EngineError, match="this sentence cannot be spoken"):
        synth.run(cues, Voices.fixed(Voice("failing")))
    # the clips already being spoken finish; the queued ones are never begun
    assert len(synth.engine("failing").spoken) <= jobs
    assert synth.cache.info().clips <= jobs


# auto ----------------------------------------------------------------------------------------


@pytest.fixture
def google():
    with FakeGoogle() as fake:
        yield fake


def offline_synth(tmp_path) -> Synthesizer:
    return synth_of(tmp_path, requests=RequestSettings(backoff=0.0))


UNREACHABLE = "cannot reach Google TTS at translate.google.com (Connection refused)"
FELL_BACK = f"auto: {UNREACHABLE}; built with espeak instead of gtts"


def test_auto_is_gtts_while_google_answers(tmp_path, google, caplog):
    caplog.set_level(logging.INFO, logger="podcaster.speech.synthesize")
    synth = synth_of(tmp_path)
    cues = [sound(), speech("greeting", "첫 문장입니다."), speech("article", "둘째 문장입니다."),
            speech("greeting", "An English sentence.", "en")]
    [clips] = synth.run_all([cues], Voices.fixed(Voice("auto")))
    assert google.texts == ["첫 문장입니다.", "둘째 문장입니다.", "An English sentence."]
    assert [r.lang for r in google.requests] == ["ko", "ko", "en"]
    assert synth.auto_engine == "gtts" and synth.note is None
    assert synth.engine_summary == "gtts"
    # the probe's clip is this run's too: made, not taken from the cache
    assert [c.cached for c in clips[1:]] == [False, False, False]
    assert (synth.stats.synthesised, synth.stats.cached) == (3, 0)
    assert not any("instead of" in m for m in caplog.messages)


def test_the_probed_clip_is_made_once_over_runs_one_post_at_a_time(tmp_path, google):
    synth = synth_of(tmp_path)
    voices = Voices.fixed(Voice("auto"))
    first = [speech("greeting", "같은 인사입니다.")]
    second = [speech("greeting", "같은 인사입니다."), speech("article", "다른 문장입니다.")]
    synth.settle([first, second], voices)
    [a] = synth.run(first, voices)
    [b, c] = synth.run(second, voices)
    assert google.texts == ["같은 인사입니다.", "다른 문장입니다."]
    assert (a.cached, b.cached, c.cached) == (False, True, False)
    assert (synth.stats.synthesised, synth.stats.cached) == (2, 1)


def test_auto_falls_back_to_espeak_when_google_cannot_be_reached(tmp_path, google, caplog):
    caplog.set_level(logging.INFO, logger="podcaster.speech.synthesize")
    google.status = RESET
    synth = offline_synth(tmp_path)
    cues = [speech("greeting", "구글에 닿지 않습니다."), speech("article", "기사 문장입니다.")]
    [clips] = synth.run_all([cues], Voices.fixed(Voice("auto")))
    assert synth.auto_engine == "espeak"
    assert synth.note == FELL_BACK
    assert f"engine {FELL_BACK}" in caplog.messages
    assert synth.engine_summary == "espeak"
    assert len(google.requests) == 2  # the probe and one retry, then no more
    assert [c.path for c in clips] == [
        synth.cache.path(synth.key(c.spoken, Voice("espeak", "ko"))) for c in cues]
    # the probe's requests are not this build's speech
    assert (synth.stats.requests, synth.stats.retries) == (0, 0)
    # decided once: a later run does not ask Google again
    synth.run([speech("signoff", "마지막 문장입니다.")], Voices.fixed(Voice("auto")))
    assert len(google.requests) == 2


def test_auto_falls_back_when_gtts_is_not_installed(tmp_path, google, monkeypatch):
    monkeypatch.setattr(GttsEngine, "requires", "no_such_module_for_podcaster_tests")
    synth = synth_of(tmp_path)
    [clip] = synth.run([speech("greeting", "설치되지 않았습니다.")], Voices.fixed(Voice("auto")))
    assert synth.note == "auto: gTTS is not installed; built with espeak instead of gtts"
    assert synth.auto_engine == "espeak" and google.requests == []
    assert clip.path == synth.cache.path(synth.key("설치되지 않았습니다.", Voice("espeak", "ko")))


def test_with_every_auto_clip_cached_google_is_not_asked(tmp_path, google):
    cues = [speech("greeting", "이미 있는 문장입니다."), speech("article", "이것도 있습니다.")]
    synth_of(tmp_path).run(cues, Voices.fixed(Voice("auto")))
    asked = len(google.requests)
    google.status = RESET  # offline now: the cached gTTS clips still serve
    synth = offline_synth(tmp_path)
    clips = synth.run(cues, Voices.fixed(Voice("auto")))
    assert len(google.requests) == asked
    assert synth.auto_engine == "gtts" and synth.note is None
    assert all(c.cached for c in clips)


def test_one_clip_missing_offline_is_enough_to_fall_back(tmp_path, google):
    first = speech("greeting", "이미 있는 문장입니다.")
    synth_of(tmp_path).run([first], Voices.fixed(Voice("auto")))
    google.status = RESET
    synth = offline_synth(tmp_path)
    cues = [first, speech("article", "새로 읽을 문장입니다.")]
    clips = synth.run(cues, Voices.fixed(Voice("auto")))
    assert synth.note == FELL_BACK
    assert [c.path.stem for c in clips] == [synth.key(c.spoken, Voice("espeak", "ko"))
                                            for c in cues]
    assert [c.cached for c in clips] == [False, False]


def test_named_engines_alone_never_decide_auto(tmp_path, google, monkeypatch, recorder):
    monkeypatch.setattr(GttsEngine, "requires", "no_such_module_for_podcaster_tests")
    synth = synth_of(tmp_path)
    synth.run([sound(), speech("greeting", "이름이 정해진 엔진.")], FIXED)
    assert synth.auto_engine is None and synth.note is None


@pytest.mark.parametrize("tables, cues", [
    ({"article": {"engine": "auto"}}, [speech("greeting", "인사."), speech("article", "기사.")]),
    ({"en": {"engine": "auto"}}, [speech("greeting", "인사."),
                                  speech("greeting", "Only English is auto.", "en")]),
])
def test_auto_of_one_kind_or_language_falls_back_alone(tmp_path, google, recorder, tables,
                                                       cues):
    google.status = RESET
    synth = offline_synth(tmp_path)
    voices = Voices(tables, "recorder")
    clips = synth.run([sound()] + cues, voices)
    assert synth.note == FELL_BACK
    assert synth.engine_summary == "espeak, recorder"
    assert synth.engine("recorder").spoken == ["인사."]
    auto_cue = cues[1]
    assert clips[2].path.stem == synth.key(auto_cue.spoken, synth.voice(voices, auto_cue),
                                           auto_cue.language)
    assert synth.voice(voices, auto_cue).engine == "espeak"


def test_a_failed_post_does_not_cancel_the_next_posts_probe(tmp_path, google):
    """One post at a time (--keep-going): the first fails, the second is still made."""
    synth = synth_of(tmp_path)
    voices = Voices({"en": {"engine": "auto"}}, "gtts")
    google.fail_next(404)
    with pytest.raises(EngineError, match="HTTP 404"):
        synth.run([speech("greeting", "첫 글은 실패합니다.")], voices)
    [clip] = synth.run([speech("greeting", "The second post is in English.", "en")], voices)
    assert clip.path.is_file() and synth.auto_engine == "gtts"


def test_the_first_auto_sentence_in_english_is_probed_once(tmp_path, google):
    synth = synth_of(tmp_path)
    synth.run([speech("greeting", "An English sentence first.", "en"),
               speech("greeting", "한국어 문장.")], Voices.fixed(Voice("auto")))
    assert [r.lang for r in google.requests] == ["en", "ko"]


# a kind that names gtts itself, offline ----------------------------------------------------


def refusal(where: str) -> str:
    return (f'podcast.toml: [voices.{where}] engine = "gtts" needs Google, and '
            f"{UNREACHABLE}; remove that line (engine auto then falls back to espeak for it "
            "too) or build with --engine espeak")


@pytest.mark.parametrize("tables, language, where", [
    ({"article": {"engine": "gtts"}}, "ko", "article"),
    ({"article": {"engine": "gtts"}}, "en", "article"),  # a foreign voice keeps the engine
    ({"en": {"engine": "gtts"}}, "en", "en"),
    ({"en": {"article": {"engine": "gtts"}}}, "en", "en.article"),
])
def test_a_voice_naming_gtts_offline_is_refused_naming_its_table(tmp_path, google, tables,
                                                                 language, where):
    google.status = RESET
    synth = offline_synth(tmp_path)
    voices = Voices(tables, "auto")
    cues = [sound(), speech("greeting", "자동 엔진."),
            speech("article", "Only Google reads this article.", language)]
    with pytest.raises(EngineError) as refused:
        synth.run(cues, voices)
    assert str(refused.value) == refusal(where)
    assert synth.cache.info().clips == 0


@pytest.mark.parametrize("tables, language", [({"article": {"engine": "gtts"}}, "ko"),
                                              ({"en": {"engine": "gtts"}}, "en")])
def test_a_voice_naming_gtts_with_its_clips_cached_is_not_refused(tmp_path, google, tables,
                                                                  language):
    voices = Voices(tables, "auto")
    article = speech("article", "Only Google reads this article.", language)
    synth_of(tmp_path).run([article], voices)
    google.status = RESET
    synth = offline_synth(tmp_path)
    clips = synth.run([speech("greeting", "자동 엔진."), article], voices)
    assert synth.note == FELL_BACK
    assert clips[1].cached and synth.engine_summary == "espeak, gtts"


def test_a_kind_naming_another_engine_offline_is_not_refused(tmp_path, google, recorder):
    google.status = RESET
    synth = offline_synth(tmp_path)
    voices = Voices({"article": {"engine": "recorder"}}, "auto")
    synth.run([speech("greeting", "자동 엔진."), speech("article", "다른 엔진의 기사.")], voices)
    assert synth.note == FELL_BACK
    assert synth.engine("recorder").spoken == ["다른 엔진의 기사."]
