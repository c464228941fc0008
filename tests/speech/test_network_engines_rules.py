"""Both sides of the network engines' rules: Edge's signed settings, gTTS's request pieces and
failure reasons, and the shared pacing, retries and cancelling of requests."""

from __future__ import annotations

import logging
import time

import pytest
import requests
from gtts.tts import gTTSError

from podcaster.errors import EngineError
from podcaster.model import Voice
from podcaster.speech.engines.edge import EdgeEngine
from podcaster.speech.engines.gtts import MAX_CHARS, GttsEngine, chunks, fit
from podcaster.speech.engines.network import (
    RATE_LIMITED,
    SERVER,
    TIMEOUT,
    UNREACHABLE,
    Cancelled,
    EngineUnreachableError,
    RateLimiter,
    RequestPolicy,
    RequestSettings,
    TransientError,
    backoff_delay,
)

# Edge: rate, pitch and volume as the service takes them ----------------------------------------


@pytest.mark.parametrize("rate, pitch, volume, expected", [
    (None, None, None, ("+0%", "+0Hz", "+0%")),
    (10, 3, "20", ("+10%", "+3Hz", "+20%")),
    (-5, -2, "-20", ("-5%", "-2Hz", "-20%")),  # a quieter voice: volume = -20
    (0, 0, "0", ("+0%", "+0Hz", "+0%")),
    ("+7%", "-3Hz", "+5%", ("+7%", "-3Hz", "+5%")),  # written out: kept as they are
    ("", "", "", ("+0%", "+0Hz", "+0%")),
    ("12", "4", "+0", ("+12%", "+4Hz", "+0%")),
])
def test_edge_settings_are_signed_with_their_units(rate, pitch, volume, expected):
    options = (("volume", volume),) if volume is not None else ()
    voice = Voice("edge", rate=rate, pitch=pitch, options=options)
    s = EdgeEngine().settings(voice)
    assert (s["rate"], s["pitch"], s["volume"]) == expected
    EdgeEngine().prepare("안녕하세요.", voice)  # edge-tts takes them


@pytest.mark.parametrize("volume", ["loud", "X", "1.5"])
def test_an_edge_setting_that_is_no_number_is_refused_with_a_message(volume):
    voice = Voice("edge", options=(("volume", volume),))
    with pytest.raises(EngineError) as bad:
        EdgeEngine().settings(voice)
    assert str(bad.value) == f"edge: {volume!r} is not a whole number of % such as +10% or -5"


# gTTS: what each request holds -----------------------------------------------------------------


@pytest.mark.parametrize("text, pieces", [
    ("a" * 100, ["a" * 100]),  # exactly the limit: one request
    ("a" * 101, ["a" * 100, "a"]),  # no space: cut at the limit
    ("aa " + "a" * 96 + " " + "b" * 10, ["aa " + "a" * 96, "b" * 10]),  # the last space
    ("aa " + "a" * 98 + " bb", ["aa", "a" * 98, "bb"]),  # a space past the limit is not
    ("가 " + "나" * 120, ["가", "나" * 100, "나" * 20]),
    ("  " + "a" * 50 + "  ", ["a" * 50]),
    ("   ", []),
])
def test_a_piece_is_cut_at_its_last_space_within_the_limit(text, pieces):
    assert fit(text) == pieces
    assert all(len(p) <= MAX_CHARS for p in fit(text))


def test_a_smaller_limit_is_kept_too():
    assert fit("하나 둘 셋 넷", 5) == ["하나 둘", "셋 넷"]


def test_a_long_sentence_becomes_requests_of_at_most_100_characters_in_order():
    sentence = ("첫 번째 부분은 여기까지 이어지고, " * 8).strip()
    parts = chunks(sentence)
    assert len(parts) > 1 and all(0 < len(p) <= MAX_CHARS for p in parts)
    assert " ".join(parts).replace(" ", "") == sentence.replace(" ", "")
    assert chunks("짧은 문장.") == ["짧은 문장."]


def failure(*, status: int | None = None, retry_after: str | None = None,
            cause: Exception | None = None, tld: str = "com", lang: str = "ko") -> Exception:
    """What GttsEngine makes of gTTS's error for an answer (``status``) or a failed
    connection (``cause``)."""
    rsp = None
    if status is not None:
        rsp = requests.Response()
        rsp.status_code = status
        if retry_after is not None:
            rsp.headers["Retry-After"] = retry_after
    error = gTTSError("failed", response=rsp)
    error.__context__ = cause  # as raised while handling the connection's error
    engine = GttsEngine(RequestPolicy(RequestSettings(timeout=7.5)))
    return engine._failure(error, {"lang": lang, "tld": tld, "slow": False})


def reason(exc: Exception):
    return (type(exc).__name__, getattr(exc, "reason", None), str(exc),
            getattr(exc, "retry_after", None))


@pytest.mark.parametrize("kwargs, expected", [
    ({"status": 429, "retry_after": "3"},
     ("Transient", RATE_LIMITED, "Google TTS refused: too many requests (HTTP 429); try "
      "--jobs 2 or later", 3.0)),
    ({"status": 429}, ("Transient", RATE_LIMITED, "Google TTS refused: too many requests "
                                                  "(HTTP 429); try --jobs 2 or later", None)),
    ({"status": 503, "retry_after": "4"},
     ("Transient", SERVER, "Google TTS failed: HTTP 503 from translate.google.com (a problem "
      "on Google's side); try again later", 4.0)),
    ({"status": 500}, ("Transient", SERVER, "Google TTS failed: HTTP 500 from "
                       "translate.google.com (a problem on Google's side); try again later",
                       None)),
    ({"status": 200, "lang": "xx"},
     ("EngineError", None, "gtts: translate.google.com answered without audio; is language "
      "'xx' supported?", None)),
    ({"status": 404, "tld": "co.kr"},
     ("EngineError", None, "gtts: HTTP 404 from translate.google.co.kr; is tld 'co.kr' a "
      "Google Translate host?", None)),
    ({"status": 404}, ("EngineError", None, "gtts: HTTP 404 from translate.google.com; "
                       "probable cause: Google changed its endpoint, try upgrading gTTS (pip "
                       "install -U gTTS)", None)),
    ({"status": 499}, ("EngineError", None, "gtts: HTTP 499 from translate.google.com; "
                       "probable cause: Google changed its endpoint, try upgrading gTTS (pip "
                       "install -U gTTS)", None)),
    ({"cause": requests.ReadTimeout("Read timed out. (read timeout=7.5)")},
     ("Transient", TIMEOUT, "Google TTS did not answer within 7.5 s (translate.google.com); "
      "try again later", None)),
    ({"cause": requests.ConnectTimeout("HTTPSConnectionPool: Max retries exceeded (Caused by "
                                       "ConnectTimeoutError('Connection to translate.google.com"
                                       " timed out. (connect timeout=7.5)'))")},
     ("Transient", UNREACHABLE, "cannot reach Google TTS at translate.google.com (connection "
      "timed out); check the internet connection, or build offline with --engine espeak",
      None)),
    ({"cause": requests.ConnectionError("Max retries exceeded (Caused by NewConnectionError("
                                        "'Failed to establish a new connection: [Errno -2] "
                                        "Name or service not known'))")},
     ("Transient", UNREACHABLE, "cannot reach Google TTS at translate.google.com (Name or "
      "service not known); check the internet connection, or build offline with --engine "
      "espeak", None)),
    ({"cause": requests.ConnectionError("Connection aborted, TIMED OUT by the peer")},
     ("Transient", UNREACHABLE, "cannot reach Google TTS at translate.google.com (connection "
      "timed out); check the internet connection, or build offline with --engine espeak",
      None)),
    ({"cause": requests.ConnectionError("Remote end closed connection without response")},
     ("Transient", UNREACHABLE, "cannot reach Google TTS at translate.google.com ("
      "ConnectionError); check the internet connection, or build offline with --engine espeak",
      None)),
    ({}, ("Transient", UNREACHABLE, "cannot reach Google TTS at translate.google.com ("
          "connection failed); check the internet connection, or build offline with --engine "
          "espeak", None)),
])
def test_gtts_failures_say_what_happened(kwargs, expected):
    assert reason(failure(**kwargs)) == expected


# pacing and retries ----------------------------------------------------------------------------


def test_a_rate_limit_spaces_requests_and_zero_means_none():
    assert RateLimiter(4).interval == 0.25
    assert RateLimiter(1).interval == 1.0
    assert RateLimiter(0.5).interval == 2.0
    assert RateLimiter(0).interval == 0.0
    assert RateLimiter(-1).interval == 0.0
    free = RateLimiter(0)
    began = time.monotonic()
    for _ in range(50):
        free.wait()
    assert time.monotonic() - began < 0.05
    paced = RateLimiter(20)
    began = time.monotonic()
    for _ in range(4):
        paced.wait()
    assert time.monotonic() - began >= 3 * 0.05 - 0.005


def test_holding_the_limiter_delays_the_next_request_only_forward():
    limiter = RateLimiter(0)
    limiter.hold(0.15)
    began = time.monotonic()
    limiter.wait()
    assert time.monotonic() - began >= 0.14
    limiter.hold(-10)  # a hold in the past changes nothing
    began = time.monotonic()
    limiter.wait()
    assert time.monotonic() - began < 0.05


def test_backoff_doubles_with_half_jitter_up_to_its_cap():
    settings = RequestSettings(backoff=0.5, max_backoff=3.0)
    for attempt, base in [(0, 0.5), (1, 1.0), (2, 2.0), (3, 3.0), (6, 3.0)]:
        delays = [backoff_delay(attempt, settings, None) for _ in range(50)]
        assert all(base / 2 <= d <= base for d in delays)
    assert backoff_delay(0, settings, 2.5) == 2.5  # the server's Retry-After
    assert backoff_delay(0, settings, 99) == 3.0  # ...up to the cap


class Service:
    """Requests that fail with ``failures`` (TransientError reasons) in turn, then answer."""

    def __init__(self, *failures: str, retry_after: float | None = None):
        self.failures = list(failures)
        self.calls = 0
        self.retry_after = retry_after

    def __call__(self):
        self.calls += 1
        if self.failures:
            reason = self.failures.pop(0)
            raise TransientError(reason, f"it failed: {reason}", self.retry_after)
        return "answer"


def policy(**settings) -> RequestPolicy:
    return RequestPolicy(RequestSettings(**{"backoff": 0.0, "rate_limit": 0, **settings}))


def test_a_request_is_retried_until_it_answers_and_counted(caplog):
    caplog.set_level(logging.INFO, logger="podcaster.speech.engines.network")
    p = policy(retries=3)
    service = Service(SERVER, TIMEOUT)
    assert p.call(service, what="tone") == "answer"
    assert (service.calls, p.requests, p.retries) == (3, 3, 2)
    assert [r.getMessage() for r in caplog.records] == [
        f"tone: {SERVER}; retrying in 0.0 s", f"tone: {TIMEOUT}; retrying in 0.0 s"]


@pytest.mark.parametrize("retries, failing, tries, error", [
    (0, SERVER, 1, EngineError),
    (2, SERVER, 3, EngineError),
    (2, UNREACHABLE, 3, EngineUnreachableError),
])
def test_after_the_last_retry_one_error_says_why(retries, failing, tries, error):
    p = policy(retries=retries)
    service = Service(*[failing] * 10)
    with pytest.raises(EngineError) as failed:
        p.call(service)
    assert type(failed.value) is error
    gave_up = f" (gave up after {tries} tries)" if tries > 1 else ""
    assert str(failed.value) == f"it failed: {failing}{gave_up}"
    assert (service.calls, p.requests, p.retries) == (tries, tries, tries - 1)


@pytest.mark.parametrize("failing, retries, tries", [
    (UNREACHABLE, 3, 2),  # an unreachable service: one retry, then give up
    (UNREACHABLE, 0, 1),  # never more than the settings allow
    (SERVER, 3, 4),  # any other failure keeps its retries
])
def test_a_reachability_probe_gives_up_on_an_unreachable_service_early(failing, retries,
                                                                      tries):
    p = policy(retries=retries)
    service = Service(*[failing] * 10)
    with p.quick_unreachable(), pytest.raises(EngineError):
        p.call(service)
    assert service.calls == tries
    service = Service(*[failing] * 10)
    with pytest.raises(EngineError):
        p.call(service)  # outside the probe: every retry again
    assert service.calls == retries + 1


@pytest.mark.parametrize("failing, held", [(RATE_LIMITED, True), (SERVER, False)])
def test_too_many_requests_hold_every_job_for_the_wait(failing, held):
    p = policy(retries=1)
    p.abort.wait = lambda delay: False  # the retry itself does not wait here...
    began = time.monotonic()
    assert p.call(Service(failing, retry_after=0.3)) == "answer"
    # ...but after "too many requests" the limiter holds every request, the retry's too
    assert (time.monotonic() - began >= 0.29) is held
    other_job = time.monotonic()
    p.limiter.wait()
    assert time.monotonic() - other_job < 0.1


def test_an_aborted_policy_sends_nothing_more():
    p = policy(retries=3)
    p.abort.set()
    service = Service()
    with pytest.raises(Cancelled):
        p.call(service)
    assert (service.calls, p.requests) == (0, 0)


def test_aborting_during_a_retry_wait_cancels_it():
    p = policy(retries=3, backoff=10.0, max_backoff=10.0)
    service = Service(SERVER, SERVER)
    p.abort.wait = lambda delay: True  # aborted while waiting
    began = time.monotonic()
    with pytest.raises(Cancelled):
        p.call(service)
    assert service.calls == 1 and time.monotonic() - began < 1.0


def test_a_policy_has_default_settings():
    p = RequestPolicy()
    assert p.settings == RequestSettings()
    assert p.limiter.interval == pytest.approx(1 / RequestSettings().rate_limit)
    assert (p.requests, p.retries) == (0, 0) and not p.abort.is_set()
