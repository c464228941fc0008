"""eSpeak NG through ctypes over the library that the ``espeakng-loader`` wheel ships."""

from __future__ import annotations

import _ctypes
import contextlib
import ctypes
import hashlib
import logging
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from podcaster.errors import EngineError
from podcaster.model import Voice
from podcaster.speech.engines import Audio, Engine, register
from podcaster.speech.voices import default_voice
from podcaster.text.languages.japanese import has_kanji, kana_reader

log = logging.getLogger(__name__)

AUDIO_OUTPUT_SYNCHRONOUS = 2
ESPEAK_CHARS_UTF8 = 1
POS_CHARACTER = 1
EE_OK = 0
# espeak_PARAMETER
RATE = 1
PITCH = 3

SYNTH_CALLBACK = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)

# The C library keeps global state and is not thread-safe: one lock for every call.
_lock = threading.Lock()
_chunks: list[bytes] = []


def _on_audio(wav, numsamples, events):
    if numsamples > 0 and wav:
        _chunks.append(ctypes.string_at(wav, numsamples * 2))
    return 0


_callback = SYNTH_CALLBACK(_on_audio)


STEADY = "podcaster-steady"  # our voice variant: no pitch flutter
STEADY_VARIANT = "name podcaster-steady\nflutter 0\n"


def _data_path(wheel_data: str) -> Path:
    """eSpeak NG's data folder plus our ``STEADY`` variant; the wheel's folder if that fails.

    eSpeak NG's pitch flutter follows a counter that runs on across utterances, so the
    same sentence sounds slightly different depending on what was spoken before (and in
    which order parallel jobs ran). Without flutter a clip depends only on its text and
    settings. The wheel's folder is left alone: ours links to its files.
    """
    source = Path(wheel_data)
    listing = "\n".join([str(source.resolve()), *sorted(os.listdir(source))])
    digest = hashlib.sha256(listing.encode()).hexdigest()[:12]
    target = Path(tempfile.gettempdir()) / f"podcaster-espeak-{digest}"
    if _complete(target):
        return target
    try:
        build = Path(tempfile.mkdtemp(prefix=".podcaster-espeak-", dir=target.parent))
        for entry in source.iterdir():
            if entry.name != "voices":
                (build / entry.name).symlink_to(entry.resolve())
        (build / "voices").mkdir()
        for entry in (source / "voices").iterdir():
            if entry.name != "!v":
                (build / "voices" / entry.name).symlink_to(entry.resolve())
        (build / "voices" / "!v").mkdir()
        for entry in (source / "voices" / "!v").iterdir():
            (build / "voices" / "!v" / entry.name).symlink_to(entry.resolve())
        (build / "voices" / "!v" / STEADY).write_text(STEADY_VARIANT, encoding="utf-8")
        build.chmod(0o755)
        try:
            os.replace(build, target)
        except OSError:  # another process made it first
            shutil.rmtree(build, ignore_errors=True)
        if _complete(target):
            return target
    except OSError as exc:
        log.debug("cannot prepare eSpeak NG data with a steady voice: %s", exc)
    return source


def _complete(data: Path) -> bool:
    """Whether ``data`` looks like a usable data folder with our variant (tmp cleaners)."""
    return all((data / name).exists() for name in
               ("phontab", "ko_dict", "lang", f"voices/!v/{STEADY}"))


@dataclass(frozen=True)
class _Setup:
    """Where the library and its data are, found once per process."""

    library: str
    data: str  # our data folder with the steady variant, else the wheel's
    wheel_data: str


_setup: _Setup | None = None
_warned_unload = False


def _find() -> _Setup:
    global _setup
    if _setup is None:
        try:
            import espeakng_loader
        except ImportError:
            raise EngineError(f"espeak: {EspeakEngine.install_hint}") from None
        wheel_data = espeakng_loader.get_data_path()
        _setup = _Setup(espeakng_loader.get_library_path(), str(_data_path(wheel_data)),
                        wheel_data)
    return _setup


@contextlib.contextmanager
def _clean_library():
    """eSpeak NG loaded afresh, initialised, and unloaded again afterwards.

    The library keeps state in static variables that neither ``espeak_Terminate`` nor
    ``espeak_Initialize`` resets (a gain control and the waveform's phase among them), so
    a clip would depend on what the process spoke before. Loading the library anew gives
    every clip the state of a fresh process. The caller holds ``_lock``.
    """
    setup = _find()
    lib = ctypes.CDLL(setup.library)
    try:
        lib.espeak_Initialize.restype = ctypes.c_int
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p,
                                          ctypes.c_int]
        lib.espeak_SetSynthCallback.argtypes = [SYNTH_CALLBACK]
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        lib.espeak_Synth.argtypes = [
            ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, ctypes.c_uint,
            ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p,
        ]
        lib.espeak_Synchronize.restype = ctypes.c_int
        rate = lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, setup.data.encode(), 0)
        if rate <= 0:
            rate = lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0,
                                         setup.wheel_data.encode(), 0)
        if rate <= 0:
            raise EngineError("espeak: eSpeak NG failed to initialise (data files missing?)")
        lib.espeak_SetSynthCallback(_callback)
        yield lib, rate
    finally:
        with contextlib.suppress(AttributeError):
            lib.espeak_Terminate()
        _unload(lib, setup.library)


def _unload(lib: ctypes.CDLL, path: str) -> None:
    """Close ``lib``; warn once if the system keeps it loaded (its state then carries on)."""
    global _warned_unload
    close = getattr(_ctypes, "dlclose", None) or getattr(_ctypes, "FreeLibrary", None)
    if close is None:
        still_loaded = True
    else:
        close(lib._handle)
        still_loaded = _is_loaded(path)
    if still_loaded and not _warned_unload:
        _warned_unload = True
        log.warning("espeak: the system keeps eSpeak NG loaded between clips; a clip may "
                    "then depend on the clips made before it in this process")


def _is_loaded(path: str) -> bool:
    """Whether the shared library at ``path`` is still mapped (POSIX ``RTLD_NOLOAD``)."""
    noload = getattr(os, "RTLD_NOLOAD", None)
    close = getattr(_ctypes, "dlclose", None)
    if noload is None or close is None:
        return False  # no way to ask (Windows): FreeLibrary of the only handle unloads
    try:
        handle = _ctypes.dlopen(path, noload | os.RTLD_LOCAL)
    except OSError:
        return False
    close(handle)
    return True


# eSpeak NG's Japanese voice reads kana only: a kanji is skipped (or read as Chinese).
KANA_ONLY_VOICES = ("ja",)
_warned_kanji = False


def _kana_only(voice: str) -> bool:
    return voice.split("+")[0] in KANA_ONLY_VOICES


def _in_kana(text: str) -> str:
    """``text`` with its kanji in hiragana, or as it is (with a warning, once) when no reader
    is installed."""
    global _warned_kanji
    reader = kana_reader()
    if reader is not None:
        return reader[1](text)
    if not _warned_kanji:
        _warned_kanji = True
        log.warning("espeak: eSpeak NG's Japanese voice reads kana only and skips kanji; "
                    "install pykakasi (pip install 'podcaster-ko[japanese]') or give "
                    "[voices.ja] the gtts or edge engine")
    return text


# In the cache key: clips made before every clip had a clean library depended on their
# history, and are not reused.
CLEAN_STATE = "fresh"
DEFAULT_RATE = 175  # words per minute
DEFAULT_PITCH = 50  # 0-100
RATE_RANGE = (80, 450)
PITCH_RANGE = (0, 100)


@register
class EspeakEngine(Engine):
    """Offline speech from eSpeak NG (voices ``ko``, ``en-us``, ``ja`` by default).

    Voice: ``voice`` is an eSpeak NG voice name (default ``ko``), ``rate`` words per minute
    (80-450, default 175), ``pitch`` 0-100 (default 50).

    The C library keeps global state and is not thread-safe, so every call holds one
    process-wide lock, and each clip is made by a freshly loaded library: the same text and
    settings give the same bytes whatever the process spoke before. Separate processes
    (parallel builds) each load their own copy and share only the clip cache, whose writes
    are atomic.
    """

    name = "espeak"
    requires = "espeakng_loader"
    install_hint = "pip install espeakng-loader"
    network = False
    # Synthesis is serialised by the lock anyway: more jobs would only wait for it.
    default_jobs = 1

    def settings(self, voice: Voice) -> dict:
        rate = DEFAULT_RATE if voice.rate is None else int(voice.rate)
        pitch = DEFAULT_PITCH if voice.pitch is None else int(voice.pitch)
        if not RATE_RANGE[0] <= rate <= RATE_RANGE[1]:
            raise EngineError(f"espeak: rate {rate} is outside {RATE_RANGE[0]}-{RATE_RANGE[1]} "
                              "words per minute")
        if not PITCH_RANGE[0] <= pitch <= PITCH_RANGE[1]:
            raise EngineError(f"espeak: pitch {pitch} is outside {PITCH_RANGE[0]}-{PITCH_RANGE[1]}")
        settings = {"voice": voice.voice or default_voice(self.name), "rate": rate,
                    "pitch": pitch, "state": CLEAN_STATE}
        if _kana_only(settings["voice"]):
            reader = kana_reader()
            settings["kana"] = reader[0] if reader else "none"
        return settings

    def synthesize(self, text: str, voice: Voice) -> Audio:
        s = self.settings(voice)
        if _kana_only(s["voice"]) and has_kanji(text):
            text = _in_kana(text)
        with _lock, _clean_library() as (lib, rate):
            voice = s["voice"]
            steady = "+" not in voice and lib.espeak_SetVoiceByName(
                f"{voice}+{STEADY}".encode()) == EE_OK
            if not steady and lib.espeak_SetVoiceByName(voice.encode()) != EE_OK:
                raise EngineError(f"espeak: unknown voice {voice!r} (try 'ko')")
            lib.espeak_SetParameter(RATE, s["rate"], 0)
            lib.espeak_SetParameter(PITCH, s["pitch"], 0)
            data = text.encode("utf-8") + b"\0"
            _chunks.clear()
            err = lib.espeak_Synth(data, len(data), 0, POS_CHARACTER, 0, ESPEAK_CHARS_UTF8,
                                   None, None)
            lib.espeak_Synchronize()
            pcm = b"".join(_chunks)
            _chunks.clear()
        if err != EE_OK:
            raise EngineError(f"espeak: synthesis failed (error {err}) for {text[:40]!r}")
        return Audio(pcm, rate)
