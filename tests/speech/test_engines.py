"""The engine registry, eSpeak NG, the edge engine (offline parts) and the retry policy."""

from __future__ import annotations

import array
import asyncio
import math
import subprocess
import sys
import threading
from importlib.metadata import EntryPoint

import pytest

import podcaster.speech.engines as engines
from podcaster.errors import EngineError
from podcaster.model import Voice
from podcaster.speech.engines import (
    Audio,
    Engine,
    change_tempo,
    engine_names,
    get_engine_class,
    network,
)
from podcaster.speech.engines.edge import EdgeEngine
from podcaster.speech.engines.espeak import EspeakEngine
from podcaster.speech.engines.gtts import MAX_CHARS, chunks, fit
from podcaster.speech.engines.network import (
    RATE_LIMITED,
    SERVER,
    TIMEOUT,
    UNREACHABLE,
    RequestPolicy,
    RequestSettings,
    TransientError,
    backoff_delay,
)
from podcaster.speech.voices import default_voice
from tests.helpers import require_or_skip

TEXT = "오늘은 인공지능 소식을 전해 드립니다."


def rms(pcm: bytes) -> float:
    samples = array.array("h", pcm)
    return math.sqrt(sum(s * s for s in samples) / max(1, len(samples)))


# Registry -----------------------------------------------------------------------------------


def test_builtin_engines_are_registered():
    assert {"gtts", "espeak", "edge"} <= set(engine_names())
    assert get_engine_class("espeak") is EspeakEngine


def test_the_builtin_names_are_the_engines_their_modules_register():
    from podcaster.speech.engines import edge, espeak, gtts

    modules = {m.__name__.rsplit(".", 1)[1]: m for m in (edge, espeak, gtts)}
    assert set(engines.BUILTIN) == set(modules)
    for name in engines.BUILTIN:
        assert get_engine_class(name, require_available=False).__module__ == \
            modules[name].__name__
        assert get_engine_class(name, require_available=False).name == name


def test_a_named_engine_is_checked_and_loaded_without_the_other_engines():
    code = ("import sys\n"
            "from podcaster.speech.engines import get_engine_class, is_known\n"
            "assert is_known('espeak') and is_known('gtts') and not is_known('festival')\n"
            "loaded = lambda: sorted(m.rsplit('.', 1)[1] for m in sys.modules\n"
            "                        if m.startswith('podcaster.speech.engines.'))\n"
            "print(loaded())\n"
            "get_engine_class('espeak', require_available=False)\n"
            "print(loaded())\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out == ["['network']", "['espeak', 'network']"]


def test_unknown_engine_lists_the_known_ones():
    with pytest.raises(EngineError) as err:
        get_engine_class("festival")
    assert "unknown engine 'festival'" in err.value.message
    assert "espeak" in err.value.message and "gtts" in err.value.message


def test_unavailable_engine_says_what_to_install(monkeypatch):
    monkeypatch.setattr(EdgeEngine, "available", classmethod(lambda cls: False))
    with pytest.raises(EngineError, match=r"pip install 'podcaster-ko\[edge\]'"):
        get_engine_class("edge")
    assert get_engine_class("edge", require_available=False) is EdgeEngine


class ToneEngine(Engine):
    """A plugin engine for the test: a fixed tone per character."""

    name = "tone"

    def synthesize(self, text: str, voice: Voice) -> Audio:
        return Audio(b"\x10\x00" * 100 * len(text), 8000)


def test_plugins_register_through_entry_points(monkeypatch):
    good = EntryPoint("tone", f"{__name__}:ToneEngine", "podcaster.engines")
    broken = EntryPoint("broken", "podcaster_no_such_module:Engine", "podcaster.engines")
    wrong = EntryPoint("wrong", "podcaster.model:Voice", "podcaster.engines")
    monkeypatch.setattr(engines, "entry_points", lambda group: [good, broken, wrong])
    monkeypatch.setattr(engines, "_REGISTRY", dict(engines._REGISTRY))
    monkeypatch.setattr(engines, "_BROKEN", {})
    monkeypatch.setattr(engines, "_scanned", False)
    assert "tone" in engine_names()
    assert get_engine_class("tone") is ToneEngine
    with pytest.raises(EngineError, match="plugin 'broken' failed to load"):
        get_engine_class("broken")
    with pytest.raises(EngineError, match="not a podcaster.speech.engines.Engine subclass"):
        get_engine_class("wrong")


# eSpeak NG ----------------------------------------------------------------------------------


def test_espeak_speaks_korean():
    audio = EspeakEngine().synthesize(TEXT, Voice("espeak"))
    assert audio.rate == 22050
    assert 1.0 < audio.duration < 8.0
    assert rms(audio.pcm) > 500


def test_espeak_rate_changes_the_length():
    engine = EspeakEngine()
    slow = engine.synthesize(TEXT, Voice("espeak", rate=120))
    fast = engine.synthesize(TEXT, Voice("espeak", rate=300))
    assert fast.duration < slow.duration * 0.7


def test_espeak_settings_are_checked():
    engine = EspeakEngine()
    assert engine.settings(Voice("espeak")) == {"voice": "ko", "rate": 175, "pitch": 50,
                                               "state": "fresh"}
    with pytest.raises(EngineError, match="rate 20"):
        engine.settings(Voice("espeak", rate=20))
    with pytest.raises(EngineError, match="pitch 150"):
        engine.settings(Voice("espeak", pitch=150))
    with pytest.raises(EngineError, match="unknown voice 'ko-KR-SunHiNeural'"):
        engine.synthesize(TEXT, Voice("espeak", "ko-KR-SunHiNeural"))


def test_espeak_same_text_same_length_whatever_came_before():
    engine = EspeakEngine()
    first = engine.synthesize(TEXT, Voice("espeak"))
    engine.synthesize("전혀 다른 문장을 먼저 읽어 봅니다.", Voice("espeak"))
    again = engine.synthesize(TEXT, Voice("espeak"))
    assert len(first.pcm) == len(again.pcm)


def test_tempo_change_keeps_the_content():
    audio = EspeakEngine().synthesize(TEXT, Voice("espeak"))
    faster = change_tempo(audio, 1.25)
    assert faster.tempo == 1.25 and faster.rate == audio.rate
    assert faster.duration == pytest.approx(audio.duration / 1.25, rel=0.03)
    assert rms(faster.pcm) == pytest.approx(rms(audio.pcm), rel=0.2)
    assert change_tempo(faster, 1.25) == faster


# gTTS text splitting ------------------------------------------------------------------------


def test_gtts_chunks_are_at_most_100_characters():
    text = ("인공지능 연구소들은 올해 들어 더 작고 빠른 모델을 내놓고 있으며, 휴대전화에서도 "
            "돌아가는 번역 기능이 늘어나고 있고, 전문가들은 이런 흐름이 내년에도 이어질 "
            "것으로 보고 있습니다.")
    parts = chunks(text)
    assert len(parts) >= 2
    assert all(0 < len(p) <= MAX_CHARS for p in parts)
    assert " ".join(parts).split() == text.split()
    assert chunks("짧은 문장입니다.") == ["짧은 문장입니다."]


def test_fit_cuts_at_spaces_only_when_needed():
    assert fit("가" * 60 + " " + "나" * 60) == ["가" * 60, "나" * 60]
    assert fit("다" * 150) == ["다" * 100, "다" * 50]


# edge (offline: settings, request preparation, error classification) ----------------------


@pytest.fixture
def edge_installed():
    if not EdgeEngine.available():
        require_or_skip("edge-tts is not installed (pip install -e '.[test]')")


needs_edge = pytest.mark.usefixtures("edge_installed")


@needs_edge
def test_edge_settings_and_request():
    engine = EdgeEngine()
    voice = Voice("edge", "ko-KR-InJoonNeural", rate=10, pitch=-5, options=(("volume", "20"),))
    assert engine.settings(voice) == {"voice": "ko-KR-InJoonNeural", "rate": "+10%",
                                      "pitch": "-5Hz", "volume": "+20%"}
    request = engine.prepare(TEXT, voice)
    config = request.tts_config
    assert config.voice == "Microsoft Server Speech Text to Speech Voice (ko-KR, InJoonNeural)"
    assert (config.rate, config.pitch, config.volume) == ("+10%", "-5Hz", "+20%")
    from edge_tts.communicate import mkssml

    ssml = mkssml(config, next(iter(request.texts)))
    assert TEXT in ssml
    assert "<prosody pitch='-5Hz' rate='+10%' volume='+20%'>" in ssml


@needs_edge
def test_edge_defaults_and_bad_voice():
    engine = EdgeEngine()
    assert engine.settings(Voice("edge"))["voice"] == "ko-KR-SunHiNeural"
    assert default_voice("edge", "ko", "article") == "ko-KR-InJoonNeural"
    assert default_voice("edge", "ko", "greeting") == "ko-KR-SunHiNeural"
    with pytest.raises(EngineError, match="edge: "):
        engine.prepare(TEXT, Voice("edge", "not a voice"))


@needs_edge
def test_edge_failures_are_classified():
    import aiohttp
    from edge_tts import exceptions

    engine = EdgeEngine()
    voice = Voice("edge")
    info = aiohttp.RequestInfo(aiohttp.client.URL("wss://example.invalid/"), "GET", {})

    def reason(exc):
        error = engine.failure(exc, voice)
        return error.reason if isinstance(error, TransientError) else type(error).__name__

    assert reason(aiohttp.WSServerHandshakeError(info, (), status=429)) == RATE_LIMITED
    assert reason(aiohttp.WSServerHandshakeError(info, (), status=503)) == SERVER
    assert reason(aiohttp.WSServerHandshakeError(info, (), status=401)) == "EngineError"
    assert reason(asyncio.TimeoutError()) == TIMEOUT
    assert reason(aiohttp.ClientConnectionError("no route")) == UNREACHABLE
    assert reason(exceptions.WebSocketError("closed")) == SERVER
    assert reason(exceptions.NoAudioReceived("none")) == "EngineError"


@needs_edge
def test_edge_decodes_the_answer_and_applies_tempo(monkeypatch):
    from tests.fakes.google import tone_mp3

    engine = EdgeEngine()
    monkeypatch.setattr(engine, "fetch", lambda text, voice: tone_mp3(2.0))
    audio = engine.synthesize(TEXT, Voice("edge", tempo=1.25))
    assert audio.rate == 24000 and audio.tempo == 1.25
    assert audio.duration == pytest.approx(2.0 / 1.25, abs=0.1)


# Backoff ------------------------------------------------------------------------------------


def test_backoff_grows_with_jitter_and_respects_retry_after():
    settings = RequestSettings(backoff=0.5, max_backoff=8)
    for attempt, base in enumerate([0.5, 1, 2, 4, 8, 8]):
        delays = [backoff_delay(attempt, settings, None) for _ in range(50)]
        assert all(base / 2 <= d <= base for d in delays)
        assert len(set(delays)) > 1
    assert backoff_delay(0, settings, 5) >= 5
    assert backoff_delay(0, settings, 100) <= 8


# edge against a local fake of the read-aloud WebSocket service ------------------------------


class FakeEdge:
    """Speaks edge-tts's WebSocket protocol on 127.0.0.1: answers every SSML request with a
    real MP3 tone (or refuses the handshake with the queued HTTP statuses)."""

    def __init__(self):
        self.ssml: list[str] = []
        self.refuse: list[int] = []
        self.url = ""
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        from aiohttp import web

        from tests.fakes.google import tone_mp3

        async def handle(request):
            if self.refuse:
                return web.Response(status=self.refuse.pop(0), text="refused")
            ws = web.WebSocketResponse()
            await ws.prepare(request)
            async for message in ws:
                text = message.data
                if "Path:ssml" not in text:
                    continue  # speech.config
                self.ssml.append(text.split("\r\n\r\n", 1)[1])
                await ws.send_str("Path:turn.start\r\n\r\n{}")
                # A 2-byte length, then header lines (the length counts itself), CRLF, MP3.
                headers = b"X-RequestId:test\r\nContent-Type:audio/mpeg\r\nPath:audio"
                mp3 = tone_mp3(1.0)
                for start in range(0, len(mp3), 960):
                    await ws.send_bytes((len(headers) + 2).to_bytes(2, "big") + headers
                                        + b"\r\n" + mp3[start:start + 960])
                await ws.send_str("Path:turn.end\r\n\r\n{}")
            return ws

        async def main():
            app = web.Application()
            app.router.add_get("/edge", handle)
            runner = web.AppRunner(app)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            port = site._server.sockets[0].getsockname()[1]
            self.url = f"ws://127.0.0.1:{port}/edge?TrustedClientToken=test"
            self._ready.set()
            while not self._stop:
                await asyncio.sleep(0.02)
            await runner.cleanup()

        self._stop = False
        asyncio.run(main())

    def __enter__(self) -> FakeEdge:
        self._thread.start()
        self._ready.wait(10)
        return self

    def __exit__(self, *exc) -> None:
        self._stop = True
        self._thread.join(5)


@needs_edge
def test_edge_speaks_through_a_local_fake_service(monkeypatch):
    import edge_tts.communicate

    with FakeEdge() as service:
        monkeypatch.setattr(edge_tts.communicate, "WSS_URL", service.url)
        monkeypatch.setattr(network, "backoff_delay", lambda attempt, settings, after: 0.001)
        service.refuse = [429, 503]
        engine = EdgeEngine()
        audio = engine.synthesize(TEXT, Voice("edge", "ko-KR-InJoonNeural", rate=10))
        assert audio.rate == 24000
        assert audio.duration == pytest.approx(1.0, abs=0.1)
        assert (engine.policy.requests, engine.policy.retries) == (3, 2)
        [ssml] = service.ssml
        assert "(ko-KR, InJoonNeural)" in ssml and "rate='+10%'" in ssml and TEXT in ssml

        service.refuse = [503] * 3
        with pytest.raises(EngineError, match="Microsoft Edge TTS failed: HTTP 503"):
            EdgeEngine(RequestPolicy(RequestSettings(retries=2))).synthesize(TEXT, Voice("edge"))
