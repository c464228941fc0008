"""Speech engines, registered by name.

An engine turns one piece of normalised text into 16-bit mono PCM. Built-in engines:
``gtts`` (Google Translate TTS), ``espeak`` (eSpeak NG, offline) and ``edge`` (Microsoft Edge
neural voices, optional extra). Third-party engines register a subclass of ``Engine`` through
the ``podcaster.engines`` entry point group.
"""

from __future__ import annotations

import importlib.util
import logging
from dataclasses import dataclass
from typing import ClassVar

from podcaster import ffmpeg
from podcaster.errors import EngineError
from podcaster.model import Voice
from podcaster.speech.engines.network import RequestPolicy

log = logging.getLogger(__name__)


@dataclass
class Audio:
    """Raw synthesised audio: signed 16-bit little-endian mono PCM at ``rate`` Hz.

    ``tempo`` says which tempo change is already applied (engines that decode through
    ffmpeg apply it while decoding; the synthesizer applies what is left).
    """

    pcm: bytes
    rate: int
    tempo: float = 1.0

    @property
    def duration(self) -> float:
        return len(self.pcm) / 2 / self.rate


class Engine:
    """Base class of speech engines.

    Subclasses set ``name`` and ``install_hint``, and implement ``synthesize``. Network
    engines set ``network = True`` and run each request through ``self.policy.call`` so
    they share the rate limit and the retries.
    """

    name: ClassVar[str] = ""
    install_hint: ClassVar[str] = ""
    network: ClassVar[bool] = False  # needs the internet (rate limits, retries)
    default_jobs: ClassVar[int] = 1
    # A plugin's default voices (built-in engines have theirs in speech.voices.DEFAULT_VOICES)
    default_voice: ClassVar[str] = ""  # Korean
    kind_voices: ClassVar[dict[str, str]] = {}  # cue kind -> Korean voice for that kind
    language_voices: ClassVar[dict[str, str]] = {}  # language -> voice ("en": ...)

    def __init__(self, policy: RequestPolicy | None = None):
        self.policy = policy or RequestPolicy()

    requires: ClassVar[str | None] = None  # the module the engine imports, if any

    @classmethod
    def available(cls) -> bool:
        """Whether the engine can run here; if not, ``install_hint`` says what to install."""
        return cls.requires is None or importlib.util.find_spec(cls.requires) is not None

    def settings(self, voice: Voice) -> dict:
        """Everything besides the text that changes the audio (part of the cache key)."""
        return {"voice": voice.voice, "rate": voice.rate, "pitch": voice.pitch,
                "options": dict(voice.options)}

    def synthesize(self, text: str, voice: Voice) -> Audio:  # pragma: no cover - abstract
        """Speak ``text``; return its audio. Raises EngineError with the probable cause."""
        raise NotImplementedError


def option(voice: Voice, name: str, default: str = "") -> str:
    """An engine-specific option of a voice (``options = { tld = "co.kr" }``) as a string."""
    return dict(voice.options).get(name, default)


def flag(value: str) -> bool:
    """A boolean option given as text (TOML ``true`` arrives as "True")."""
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def decode(data: bytes, rate: int, tempo: float = 1.0, what: str = "clip",
           fmt: str = "mp3") -> Audio:
    """Decode compressed audio (MP3 from a service) to mono PCM at ``rate``, changing tempo.

    Concatenated MP3 answers decode as one stream. Naming the format skips ffmpeg's probing
    (this runs once per clip).
    """
    args = ["-f", fmt, "-i", "pipe:0", "-vn"]
    if tempo != 1.0:
        args += ["-af", f"atempo={tempo:g}"]
    args += ["-ac", "1", "-ar", str(rate), "-f", "s16le", "-acodec", "pcm_s16le", "pipe:1"]
    return Audio(ffmpeg.run(args, input=data, what=what), rate, tempo)


def change_tempo(audio: Audio, tempo: float) -> Audio:
    """Audio played ``tempo`` times faster (pitch unchanged), via ffmpeg ``atempo``."""
    factor = tempo / audio.tempo
    if abs(factor - 1.0) < 1e-9 or not audio.pcm:
        return Audio(audio.pcm, audio.rate, tempo)
    pcm = ffmpeg.run(
        ["-f", "s16le", "-ar", str(audio.rate), "-ac", "1", "-i", "pipe:0",
         "-af", f"atempo={factor:g}", "-f", "s16le", "-acodec", "pcm_s16le", "pipe:1"],
        input=audio.pcm, what="tempo change",
    )
    return Audio(pcm, audio.rate, tempo)


_REGISTRY: dict[str, type[Engine]] = {}
_BROKEN: dict[str, str] = {}  # plugin name -> why it failed to load
# The engines that come with podcaster, by name: known without importing their modules
# (checking ``--engine espeak`` should not load three engines' libraries).
BUILTIN = ("edge", "espeak", "gtts")


def register(cls: type[Engine]) -> type[Engine]:
    """Class decorator: make an engine known by its ``name``."""
    _REGISTRY[cls.name] = cls
    return cls


def _load_builtin(name: str | None = None) -> None:
    """Register the built-in engine ``name`` (each in its own module), or all of them."""
    import importlib

    for builtin in BUILTIN:
        if name is None or name == builtin:
            importlib.import_module(f"podcaster.speech.engines.{builtin}")


def entry_points(group: str):
    """The installed packages' entry points in ``group``. importlib.metadata is imported
    here: it takes a while, and a build with built-in engines only never needs it."""
    from importlib.metadata import entry_points as scan

    return scan(group=group)


def _load_entry_points() -> None:
    for ep in entry_points(group="podcaster.engines"):
        if ep.name in _REGISTRY or ep.name in _BROKEN:
            continue
        try:
            cls = ep.load()
        except Exception as exc:  # a broken plugin must not break the tool
            _BROKEN[ep.name] = f"{type(exc).__name__}: {exc}"
            log.warning("engine plugin %s failed to load: %s", ep.name, exc)
            continue
        if not (isinstance(cls, type) and issubclass(cls, Engine)):
            _BROKEN[ep.name] = "not a podcaster.speech.engines.Engine subclass"
            log.warning("engine plugin %s is not an Engine subclass", ep.name)
            continue
        _REGISTRY[ep.name] = cls


_scanned = False


def engine_names() -> list[str]:
    """Names of every known engine (built in and plugins), available or not."""
    global _scanned
    if not _scanned:  # scanning installed packages' entry points is slow: once per process
        _load_builtin()
        _load_entry_points()
        _scanned = True
    return sorted(_REGISTRY)


def is_known(name: str) -> bool:
    """Whether ``name`` is a built-in or already registered engine (no package scan, no
    engine module imported)."""
    return name in BUILTIN or name in _REGISTRY


def get_engine_class(name: str, require_available: bool = True) -> type[Engine]:
    """The engine class registered as ``name``.

    Raises EngineError if the name is unknown or (with ``require_available``) the engine
    cannot run here, saying what to install.
    """
    if name not in _REGISTRY:
        _load_builtin(name)  # a built-in engine needs no scan of the installed packages
    names = list(_REGISTRY) if name in _REGISTRY else engine_names()
    if name not in _REGISTRY:
        if name in _BROKEN:
            raise EngineError(f"engine plugin {name!r} failed to load: {_BROKEN[name]}")
        raise EngineError(f"unknown engine {name!r}; known engines: auto, {', '.join(names)}")
    cls = _REGISTRY[name]
    if require_available and not cls.available():
        raise EngineError(f"engine {name!r} is not available: {cls.install_hint}")
    return cls
