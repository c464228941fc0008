"""Microsoft Edge neural voices through the optional ``edge-tts`` package (needs the internet).

Install with ``pip install 'podcaster-ko[edge]'``. Voices: ``ko-KR-SunHiNeural`` (the default,
for the author's own parts) and ``ko-KR-InJoonNeural`` (the default for quoted articles),
so listeners hear who is speaking.
"""

from __future__ import annotations

import logging

from podcaster.errors import EngineError
from podcaster.model import Voice
from podcaster.speech.engines import Audio, Engine, decode, option, register
from podcaster.speech.engines.network import (
    RATE_LIMITED,
    SERVER,
    TIMEOUT,
    UNREACHABLE,
    TransientError,
)
from podcaster.speech.voices import default_voice

log = logging.getLogger(__name__)

DECODE_RATE = 24000  # the service answers with 24 kHz MP3
HOST = "speech.platform.bing.com"


def _signed(value: int | str | None, unit: str) -> str:
    """10 -> "+10%", -5 or "-5" -> "-5%", "+3Hz" stays as it is."""
    if value is None or value == "":
        return f"+0{unit}"
    if isinstance(value, str) and value[:1] in "+-" and not value[1:].isdigit():
        return value
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise EngineError(f"edge: {value!r} is not a whole number of {unit} such as "
                          f"+10{unit} or -5") from None
    return f"{number:+d}{unit}"


@register
class EdgeEngine(Engine):
    """Neural speech (Korean, English, Japanese) from Microsoft Edge's read-aloud service
    via edge-tts.

    Voice: ``voice`` a neural voice name; ``rate`` percent faster (+) or slower (-);
    ``pitch`` in Hz; option ``volume`` in percent.
    """

    name = "edge"
    requires = "edge_tts"
    install_hint = "pip install 'podcaster-ko[edge]' (installs edge-tts)"
    network = True
    default_jobs = 4

    def settings(self, voice: Voice) -> dict:
        return {"voice": voice.voice or default_voice(self.name),
                "rate": _signed(voice.rate, "%"),
                "pitch": _signed(voice.pitch, "Hz"),
                "volume": _signed(option(voice, "volume") or None, "%")}

    def prepare(self, text: str, voice: Voice):
        """The edge-tts request for ``text``, not yet sent. Raises EngineError on bad settings."""
        import edge_tts

        s = self.settings(voice)
        timeout = max(1, round(self.policy.settings.timeout))
        try:
            return edge_tts.Communicate(text, s["voice"], rate=s["rate"], pitch=s["pitch"],
                                        volume=s["volume"], connect_timeout=timeout,
                                        receive_timeout=timeout)
        except (TypeError, ValueError) as exc:
            raise EngineError(f"edge: {exc}") from None

    def synthesize(self, text: str, voice: Voice) -> Audio:
        mp3 = self.policy.call(lambda: self.fetch(text, voice), what="edge")
        return decode(mp3, DECODE_RATE, voice.tempo, what="edge clip")

    def fetch(self, text: str, voice: Voice) -> bytes:
        """One request: the MP3 the service speaks for ``text``.

        Raises TransientError for what may pass, EngineError for what will not.
        """
        import asyncio  # here: every build registers this engine, few use it

        communicate = self.prepare(text, voice)

        async def collect() -> bytes:
            parts = []
            async for chunk in communicate.stream():
                if chunk["type"] == "audio":
                    parts.append(chunk["data"])
            return b"".join(parts)

        try:
            return asyncio.run(collect())
        except Exception as exc:
            raise self.failure(exc, voice) from None

    def failure(self, exc: Exception, voice: Voice) -> Exception:
        """The project's error for an exception raised while talking to the service."""
        import asyncio

        import aiohttp
        from edge_tts import exceptions as edge_errors

        if isinstance(exc, edge_errors.NoAudioReceived):
            return EngineError(f"edge: no audio received; is {self.settings(voice)['voice']!r} "
                               "a valid voice (edge-tts --list-voices)?")
        if isinstance(exc, aiohttp.ClientResponseError):
            if exc.status == 429:
                return TransientError(RATE_LIMITED, "Microsoft Edge TTS refused: too many "
                                      "requests (HTTP 429); try --jobs 2 or later")
            if exc.status >= 500:
                return TransientError(SERVER, f"Microsoft Edge TTS failed: HTTP {exc.status} "
                                      "(a problem on Microsoft's side); try again later")
            return EngineError(f"edge: HTTP {exc.status} from {HOST}; probable cause: the "
                               "service changed, try pip install -U edge-tts")
        if isinstance(exc, (asyncio.TimeoutError, aiohttp.ServerTimeoutError)):
            return TransientError(TIMEOUT, f"Microsoft Edge TTS did not answer within "
                                  f"{self.policy.settings.timeout:g} s; try again later")
        if isinstance(exc, (aiohttp.ClientConnectionError, OSError)):
            return TransientError(UNREACHABLE, f"cannot reach Microsoft Edge TTS at {HOST} "
                                  f"({exc}); check the internet connection, or build offline "
                                  "with --engine espeak")
        if isinstance(exc, edge_errors.EdgeTTSException):
            return TransientError(SERVER, f"Microsoft Edge TTS answered unexpectedly ({exc}); "
                                  "try again later")
        return EngineError(f"edge: {type(exc).__name__}: {exc}")
