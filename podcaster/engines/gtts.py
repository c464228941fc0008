"""Google Translate TTS through the gTTS library (needs the internet)."""

from __future__ import annotations

import io
import logging

from podcaster import ffmpeg
from podcaster.engines import Audio, Engine, register
from podcaster.errors import EngineError
from podcaster.model import Voice

log = logging.getLogger(__name__)

DECODE_RATE = 24000  # Google answers with 24 kHz MP3


@register
class GttsEngine(Engine):
    """Korean speech from Google Translate's TTS endpoint via gTTS."""

    name = "gtts"
    install_hint = "pip install gTTS"
    network = True
    default_jobs = 4

    @classmethod
    def available(cls) -> bool:
        try:
            import gtts  # noqa: F401
        except ImportError:
            return False
        return True

    def settings(self, voice: Voice) -> dict:
        options = dict(voice.options)
        return {"lang": voice.voice or "ko", "tld": options.get("tld", "com"),
                "slow": options.get("slow", "false")}

    def synthesize(self, text: str, voice: Voice) -> Audio:
        from gtts import gTTS
        from gtts.tts import gTTSError

        s = self.settings(voice)
        try:
            tts = gTTS(text, lang=s["lang"], tld=s["tld"], slow=s["slow"] == "true",
                       lang_check=False)
            buf = io.BytesIO()
            tts.write_to_fp(buf)
        except gTTSError as exc:
            raise EngineError(f"gtts: {exc}") from exc
        return Audio(ffmpeg.decode_pcm(buf.getvalue(), DECODE_RATE, 1, what="gtts clip"),
                     DECODE_RATE)
