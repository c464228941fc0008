"""The gTTS engine and `podcaster build` against a local fake of Google's TTS endpoint."""

from __future__ import annotations

import logging
import re

import pytest
from click.testing import CliRunner

from podcaster.cli import main
from podcaster.errors import EngineError
from podcaster.model import Cue, Voice
from podcaster.speech.cache import ClipCache
from podcaster.speech.engines import network
from podcaster.speech.engines.gtts import MAX_CHARS, GttsEngine, chunks
from podcaster.speech.engines.network import (
    EngineUnreachableError,
    RequestPolicy,
    RequestSettings,
)
from podcaster.speech.synthesize import Synthesizer, Voices
from tests.fakes.google import RESET, SECONDS_PER_CHAR, SLOW_FACTOR, FakeGoogle, gtts_project
from tests.helpers import mp3_of

SENTENCE = "오늘은 작은 로봇이 빨래를 개는 이야기를 전해 드립니다."
LONG = ("인공지능 연구소들은 올해 들어 더 작고 빠른 모델을 내놓고 있으며, 휴대전화에서도 "
        "돌아가는 번역 기능이 늘어나고 있고, 전문가들은 이런 흐름이 내년에도 이어질 것으로 "
        "보고 있지만, 전력과 비용 문제를 해결해야 한다는 목소리도 함께 커지고 있습니다.")


@pytest.fixture
def fast_retries(monkeypatch):
    """Retries wait milliseconds instead of seconds."""
    monkeypatch.setattr(network, "backoff_delay", lambda attempt, settings, after: 0.001)


@pytest.fixture
def google():
    with FakeGoogle() as fake:
        yield fake


def engine(**settings) -> GttsEngine:
    return GttsEngine(RequestPolicy(RequestSettings(**settings)))


def test_speaks_through_google(google):
    audio = engine().synthesize(SENTENCE, Voice("gtts", "ko"))
    [asked] = google.requests
    assert (asked.host, asked.text, asked.lang, asked.slow) == (
        "translate.google.com", SENTENCE, "ko", False)
    assert audio.rate == 24000
    expected = len(SENTENCE) * SECONDS_PER_CHAR
    assert abs(audio.duration - expected) < 0.15


def test_tld_slow_and_tempo_reach_google_and_the_audio(google):
    voice = Voice("gtts", "ko", tempo=1.25, options=(("slow", "True"), ("tld", "co.kr")))
    audio = engine().synthesize(SENTENCE, voice)
    [asked] = google.requests
    assert asked.host == "translate.google.co.kr"
    assert asked.slow is True
    expected = len(SENTENCE) * SECONDS_PER_CHAR * SLOW_FACTOR / 1.25
    assert abs(audio.duration - expected) < 0.15
    assert audio.tempo == 1.25


def test_long_sentence_is_split_before_gtts_and_joined_into_one_clip(google):
    assert len(LONG) > MAX_CHARS
    audio = engine().synthesize(LONG, Voice("gtts", "ko"))
    assert len(google.requests) == len(chunks(LONG)) >= 2
    assert all(len(text) <= MAX_CHARS for text in google.texts)
    assert " ".join(google.texts).split() == LONG.split()
    expected = sum(len(t) for t in google.texts) * SECONDS_PER_CHAR
    assert abs(audio.duration - expected) < 0.1 * len(google.texts) + 0.1


def test_429_twice_then_success(google, fast_retries):
    google.fail_next(429, 429)
    gtts = engine()
    audio = gtts.synthesize(SENTENCE, Voice("gtts", "ko"))
    assert audio.duration > 1
    assert len(google.requests) == 3
    assert (gtts.policy.requests, gtts.policy.retries) == (3, 2)


def test_too_many_requests_after_the_last_retry_says_what_to_do(google, fast_retries):
    google.fail_next(*[429] * 3)
    with pytest.raises(EngineError) as err:
        engine(retries=2).synthesize(SENTENCE, Voice("gtts", "ko"))
    assert "too many requests" in err.value.message
    assert "--jobs 2" in err.value.message
    assert len(google.requests) == 3


def test_server_errors_and_resets_are_retried(google, fast_retries):
    google.fail_next(503, RESET, 500)
    engine().synthesize(SENTENCE, Voice("gtts", "ko"))
    assert len(google.requests) == 4


def test_unreachable_google_is_its_own_error(google, fast_retries):
    google.fail_next(*[RESET] * 5)
    with pytest.raises(EngineUnreachableError) as err:
        engine(retries=4).synthesize(SENTENCE, Voice("gtts", "ko"))
    assert "cannot reach Google TTS" in err.value.message
    assert "Connection refused" in err.value.message


def test_rejected_request_is_not_retried(google, fast_retries):
    google.status = 403
    with pytest.raises(EngineError) as err:
        engine().synthesize(SENTENCE, Voice("gtts", "ko"))
    assert "403" in err.value.message
    assert len(google.requests) == 1


# `podcaster build` --------------------------------------------------------------------------


def build(project, *args):
    return CliRunner().invoke(main, ["build", str(project), *args])


def test_build_with_gtts_survives_429_twice(tmp_path, google, fast_retries):
    project = gtts_project(tmp_path / "show", engine_toml="jobs = 1")
    google.fail_next(429, 429)
    result = build(project)
    assert result.exit_code == 0, result.output
    mp3 = mp3_of(project / "public", "laundry")
    assert mp3.stat().st_size > 10_000
    assert re.search(r"engine\W+gtts", result.output)
    clips = int(re.search(r"(\d+) synthesised", result.output).group(1))
    assert clips >= 5
    assert "0 from cache" in result.output
    assert len(google.requests) == clips + 2
    assert f"{clips + 2} request(s), 2 retried" in result.output


def test_permanent_server_error_fails_the_build_and_writes_nothing(tmp_path, google,
                                                                      fast_retries):
    project = gtts_project(tmp_path / "show")
    google.status = 503
    result = build(project)
    assert result.exit_code == 4
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1
    assert "Google TTS failed: HTTP 503" in errors[0]
    assert not (project / "public" / "episodes").exists()
    assert not (project / "public" / "feed.xml").exists()


def test_permanent_server_error_leaves_the_built_episode_untouched(tmp_path, google,
                                                                   fast_retries):
    project = gtts_project(tmp_path / "show")
    assert build(project).exit_code == 0
    mp3 = mp3_of(project / "public", "laundry")
    feed = project / "public" / "feed.xml"
    before = (mp3.read_bytes(), mp3.stat().st_mtime_ns, feed.read_bytes())
    post = project / "posts" / "2025-01-10-laundry.txt"
    post.write_text(post.read_text(encoding="utf-8").replace("짧은 소식", "긴 소식"),
                    encoding="utf-8")
    (project / "posts" / "2025-01-12-second.txt").write_text(
        "둘째 날\n안녕하세요.\n이상입니다.\n", encoding="utf-8")
    google.status = 503
    result = build(project)
    assert result.exit_code == 4
    assert (mp3.read_bytes(), mp3.stat().st_mtime_ns, feed.read_bytes()) == before
    assert not list((project / "public" / "episodes").glob("second.*"))


def test_a_failure_stops_the_other_jobs(tmp_path, google, monkeypatch):
    # Real (short) backoff: the first clip to give up must stop the jobs still retrying.
    project = gtts_project(tmp_path / "show", engine_toml="jobs = 4\nretries = 2")
    google.status = 503
    result = build(project)
    assert result.exit_code == 4
    cues = 8  # without stopping, every cue would be tried 3 times
    assert len(google.requests) < cues * 3


def test_auto_falls_back_to_espeak_when_google_cannot_be_reached(tmp_path, google, caplog,
                                                                 fast_retries):
    caplog.set_level(logging.INFO, logger="podcaster.speech.synthesize")
    project = gtts_project(tmp_path / "show", engine="auto")
    google.status = RESET
    result = build(project)
    assert result.exit_code == 0, result.output
    assert re.search(r"engine\W+espeak", result.output)
    assert "note: engine auto: cannot reach Google TTS" in result.output
    assert result.output.count("built with espeak instead of gtts") == 1  # said once
    assert any("built with espeak instead of gtts" in r.getMessage() for r in caplog.records)
    assert len(google.requests) <= 2  # one probe and one retry, then no more
    assert mp3_of(project / "public", "laundry").is_file()


def test_auto_uses_gtts_when_google_answers(tmp_path, google):
    synth = Synthesizer(ClipCache(tmp_path / "cache"))
    cues = [Cue("greeting", text=SENTENCE, spoken=SENTENCE),
            Cue("article", text=LONG, spoken=LONG)]
    [clips] = synth.run_all([cues], Voices.fixed(Voice("auto")))
    assert synth.engine_summary == "gtts"
    assert synth.note is None
    assert len(google.requests) == 1 + len(chunks(LONG))
    assert synth.stats.synthesised == 2
    assert [c.cached for c in clips] == [False, False]


def test_named_engine_never_falls_back(tmp_path, google, fast_retries):
    project = gtts_project(tmp_path / "show", engine="gtts")
    google.status = RESET
    result = build(project)
    assert result.exit_code == 4
    assert "cannot reach Google TTS" in result.output
    assert not (project / "public" / "episodes").exists()
