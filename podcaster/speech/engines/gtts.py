"""Google Translate TTS through the gTTS library (needs the internet).

Google's endpoint speaks at most 100 characters per request and gTTS cuts longer text
wherever it can, which is audible. So text is split here first (sentences, then clause
boundaries, each chunk at most 100 characters), each chunk is one request, and the MP3
answers of one sentence are decoded together into the sentence's one clip.
"""

from __future__ import annotations

import io
import logging
import re

from podcaster.errors import EngineError
from podcaster.model import Voice
from podcaster.speech.engines import Audio, Engine, decode, flag, option, register
from podcaster.speech.engines.network import (
    RATE_LIMITED,
    SERVER,
    TIMEOUT,
    UNREACHABLE,
    TransientError,
    parse_retry_after,
)
from podcaster.speech.voices import default_voice
from podcaster.text.sentences import split_chunks

log = logging.getLogger(__name__)

DECODE_RATE = 24000  # Google answers with 24 kHz MP3
MAX_CHARS = 100  # what Google's endpoint takes per request


def fit(chunk: str, limit: int = MAX_CHARS) -> list[str]:
    """``chunk`` cut at spaces into pieces of at most ``limit`` characters.

    A guard for chunks the splitter left too long: gTTS must never cut by itself.
    """
    pieces: list[str] = []
    rest = chunk.strip()
    while len(rest) > limit:
        cut = rest.rfind(" ", 0, limit + 1)
        if cut <= 0:
            cut = limit
        pieces.append(rest[:cut].strip())
        rest = rest[cut:].strip()
    if rest:
        pieces.append(rest)
    return pieces


def chunks(text: str) -> list[str]:
    """The requests one sentence becomes: each at most 100 characters, in order."""
    return [piece for chunk in split_chunks(text, MAX_CHARS) for piece in fit(chunk)]


@register
class GttsEngine(Engine):
    """Speech (Korean, English, Japanese) from Google Translate's TTS endpoint via gTTS.

    Voice: ``voice`` is the language (default ``ko``); options ``tld`` (Google host,
    e.g. ``co.kr``; default ``com``) and ``slow`` (true/false).
    """

    name = "gtts"
    requires = "gtts"
    install_hint = "pip install gTTS"
    network = True
    default_jobs = 4

    def settings(self, voice: Voice) -> dict:
        return {"lang": voice.voice or default_voice(self.name),
                "tld": option(voice, "tld", "com").strip().lstrip(".") or "com",
                "slow": flag(option(voice, "slow", "false"))}

    def host(self, voice: Voice) -> str:
        return f"translate.google.{self.settings(voice)['tld']}"

    def synthesize(self, text: str, voice: Voice) -> Audio:
        parts = [self.policy.call(lambda c=chunk: self.fetch(c, voice), what="gtts")
                 for chunk in chunks(text)]
        mp3 = b"".join(parts)
        if not mp3:
            raise EngineError(f"gtts: nothing to speak in {text[:40]!r}")
        return decode(mp3, DECODE_RATE, voice.tempo, what="gtts clip")

    def fetch(self, chunk: str, voice: Voice) -> bytes:
        """One request: the MP3 Google speaks for ``chunk`` (empty if nothing to speak).

        Raises TransientError for what may pass, EngineError for what will not.
        """
        from gtts import gTTS
        from gtts.tts import gTTSError

        s = self.settings(voice)
        timeout = self.policy.settings.timeout
        tts = gTTS(chunk, lang=s["lang"], tld=s["tld"], slow=s["slow"], lang_check=False,
                   timeout=timeout)
        buf = io.BytesIO()
        try:
            tts.write_to_fp(buf)
        except gTTSError as exc:
            raise self._failure(exc, s) from None
        except AssertionError:  # gTTS found nothing speakable (only punctuation)
            return b""
        return buf.getvalue()

    def _failure(self, exc: Exception, s: dict) -> Exception:
        import requests

        host = f"translate.google.{s['tld']}"
        rsp = getattr(exc, "rsp", None)
        if rsp is None:
            cause = exc.__context__
            if isinstance(cause, requests.Timeout) and not isinstance(
                    cause, requests.ConnectionError):
                return TransientError(
                    TIMEOUT, f"Google TTS did not answer within "
                    f"{self.policy.settings.timeout:g} s ({host}); try again later")
            detail = _short(cause) if cause is not None else "connection failed"
            return TransientError(
                UNREACHABLE, f"cannot reach Google TTS at {host} ({detail}); check the "
                "internet connection, or build offline with --engine espeak")
        status = rsp.status_code
        if status == 429:
            return TransientError(
                RATE_LIMITED, "Google TTS refused: too many requests (HTTP 429); "
                "try --jobs 2 or later", _retry_after(rsp))
        if status >= 500:
            return TransientError(
                SERVER, f"Google TTS failed: HTTP {status} from {host} (a problem on "
                "Google's side); try again later", _retry_after(rsp))
        if status == 200:
            return EngineError(f"gtts: {host} answered without audio; is language "
                               f"{s['lang']!r} supported?")
        if status == 404 and s["tld"] != "com":
            return EngineError(f"gtts: HTTP 404 from {host}; is tld {s['tld']!r} a Google "
                               "Translate host?")
        return EngineError(f"gtts: HTTP {status} from {host}; probable cause: Google "
                           "changed its endpoint, try upgrading gTTS (pip install -U gTTS)")


def _retry_after(rsp) -> float | None:
    return parse_retry_after(rsp.headers.get("Retry-After"))


def _short(exc: BaseException) -> str:
    """The innermost reason of a requests error, short enough for one line."""
    text = str(exc)
    errno = re.search(r"\[Errno -?\d+\] ([^'\")\]]+)", text)
    if errno:
        return errno.group(1).strip()
    if "timed out" in text.lower():
        return "connection timed out"
    return type(exc).__name__
