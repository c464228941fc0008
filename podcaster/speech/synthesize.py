"""Synthesise the speech cues of scripts into clips: through the cache, in parallel.

Which voice speaks each cue is decided by ``podcaster.speech.voices``. The engine name
``auto`` means gTTS, unless Google cannot be reached before any audio is made: then the
whole build uses eSpeak NG and says so (``Synthesizer.note``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass

from podcaster.config import Config
from podcaster.errors import EngineError
from podcaster.model import Clip, Cue, Voice
from podcaster.speech.cache import ClipCache, clip_key
from podcaster.speech.engines import Audio, Engine, change_tempo, get_engine_class
from podcaster.speech.engines.network import (
    Cancelled,
    EngineUnreachableError,
    RequestPolicy,
    RequestSettings,
)
from podcaster.speech.voices import AUTO, AUTO_FALLBACK, AUTO_FIRST, KOREAN, Voices

__all__ = ["AUTO", "AUTO_FALLBACK", "AUTO_FIRST", "SynthStats", "Synthesizer", "Voices",
           "request_settings"]

log = logging.getLogger(__name__)


def request_settings(config: Config) -> RequestSettings:
    """The [engine] options that pace and retry network requests."""
    e = config.engine
    return RequestSettings(rate_limit=float(e.rate_limit), retries=int(e.retries),
                           timeout=float(e.timeout))


@dataclass
class SynthStats:
    synthesised: int = 0  # clips made by an engine in this run
    cached: int = 0  # clips taken from the cache
    requests: int = 0  # network requests sent (including retries)
    retries: int = 0


class Synthesizer:
    """Turns speech cues into clips; engines are created once and shared by all jobs."""

    def __init__(self, cache: ClipCache, jobs: int = 0,
                 requests: RequestSettings | None = None,
                 clip_made: Callable[[], None] | None = None):
        self.cache = cache
        self.clip_made = clip_made  # called in the worker thread as each new clip is stored
        self.jobs = jobs
        self.request_settings = requests or RequestSettings()
        self._stats = SynthStats()
        self._engines: dict[str, Engine] = {}
        self._plain: dict[str, Engine] = {}
        self._lock = threading.Lock()
        self.auto_engine: str | None = None  # what "auto" became, once decided
        self.note: str | None = None  # why auto fell back, for the build summary
        self.used: set[str] = set()  # engines that spoke (or whose cached clips were used)
        self._fresh: set[str] = set()  # keys made while deciding what auto means

    @property
    def stats(self) -> SynthStats:
        """Clips made and reused, and the requests of the engines that spoke (the probe
        that sent auto to eSpeak NG is not a request of this build's speech)."""
        s = self._stats
        speakers = [e for name, e in self._engines.items() if name in self.used]
        s.requests = sum(e.policy.requests for e in speakers)
        s.retries = sum(e.policy.retries for e in speakers)
        return s

    @property
    def engine_summary(self) -> str:
        """The engines that spoke in this run, e.g. "gtts" or "edge, gtts"."""
        return ", ".join(sorted(self.used)) or "none"

    def engine(self, name: str) -> Engine:
        """The shared instance of engine ``name``. Raises EngineError if unknown/unavailable."""
        with self._lock:
            if name not in self._engines:
                cls = get_engine_class(name)
                self._engines[name] = cls(RequestPolicy(self.request_settings))
            return self._engines[name]

    def _settings_engine(self, name: str) -> Engine:
        """An instance only asked for settings (works even if the engine is not installed)."""
        with self._lock:
            if name in self._engines:
                return self._engines[name]
            if name not in self._plain:
                self._plain[name] = get_engine_class(name, require_available=False)()
            return self._plain[name]

    def voice(self, voices: Voices, cue: Cue, engine: str | None = None) -> Voice:
        """The concrete voice of a speech cue (``auto`` as decided, or as ``engine``)."""
        return voices.concrete(cue.kind, cue.language, engine or self.auto_engine)

    def key(self, text: str, voice: Voice, language: str = KOREAN) -> str:
        """Cache key of ``text`` in ``language`` spoken with a concrete ``voice`` (tempo
        included; the language only when it is not Korean, so Korean keys stay as they were)."""
        settings = dict(self._settings_engine(voice.engine).settings(voice))
        settings["tempo"] = round(voice.tempo, 4)
        if language != KOREAN:
            settings["language"] = language
        return clip_key(voice.engine, settings, text)

    def keys(self, scripts: list[list[Cue]], voices: Voices) -> set[str]:
        """Every clip key the scripts use, computed without synthesising.

        For ``auto`` voices both possible engines count (so pruning keeps an offline
        fallback's clips too).
        """
        keys = set()
        for cues in scripts:
            for cue in cues:
                if cue.is_sound:
                    continue
                voice = voices.configured(cue.kind, cue.language)
                engines = [AUTO_FIRST, AUTO_FALLBACK] if voice.engine == AUTO else [None]
                for engine in engines:
                    keys.add(self.key(cue.spoken, self.voice(voices, cue, engine), cue.language))
        return keys

    def run(self, cues: list[Cue], voices: Voices,
            progress: Callable[[int], None] | None = None) -> list[Clip | None]:
        """Return a clip per cue (None for sound cues), synthesising what the cache lacks."""
        return self.run_all([cues], voices, progress)[0]

    def run_all(self, scripts: list[list[Cue]], voices: Voices,
                progress: Callable[[int], None] | None = None) -> list[list[Clip | None]]:
        """Clips for every cue of every script, in one parallel run.

        Raises EngineError (with the probable cause) if any clip cannot be made; then no
        further requests are sent.
        """
        self.settle(scripts, voices)

        clips: list[list[Clip | None]] = [[None] * len(cues) for cues in scripts]
        todo: dict[str, tuple[str, Voice, list[tuple[int, int]]]] = {}
        for s, cues in enumerate(scripts):
            for i, cue in enumerate(cues):
                if cue.is_sound:
                    continue
                voice = self.voice(voices, cue)
                self.used.add(voice.engine)
                key = self.key(cue.spoken, voice, cue.language)
                if key in todo:
                    todo[key][2].append((s, i))
                    continue
                found = self.cache.get(key)
                if found is not None:
                    fresh = key in self._fresh
                    self._fresh.discard(key)
                    clips[s][i] = Clip(found[0], found[1], cached=not fresh)
                    self._count(fresh, progress)
                else:
                    todo[key] = (cue.spoken, voice, [(s, i)])
        if todo:
            self._synthesise_all(todo, clips, progress)
        return clips

    def settle(self, scripts: list[list[Cue]], voices: Voices) -> None:
        """Decide what ``auto`` means for a run over ``scripts`` (if not decided yet), so
        that they can then be made one at a time."""
        if self.auto_engine is None and any(
                voices.configured(cue.kind, cue.language).engine == AUTO
                for cues in scripts for cue in cues if not cue.is_sound):
            self._decide_auto(scripts, voices)

    def _count(self, fresh: bool, progress: Callable[[int], None] | None) -> None:
        if fresh:
            self._stats.synthesised += 1
        else:
            self._stats.cached += 1
        if progress:
            progress(1)

    def _synthesise_all(self, todo, clips, progress) -> None:
        engines = {voice.engine for _, voice, _ in todo.values()}
        for name in engines:
            self.engine(name).policy.abort.clear()  # fail early if unknown or not installed
        jobs = self.jobs or max(self._engines[name].default_jobs for name in engines)
        jobs = max(1, min(jobs, len(todo)))
        log.info("synthesising %d clip(s) with %d job(s)", len(todo), jobs)
        pool = ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="synth")
        futures = {pool.submit(self._make, key, text, voice): key
                   for key, (text, voice, _) in todo.items()}
        try:
            pending = set(futures)
            while pending:
                done, pending = wait(pending, return_when=FIRST_EXCEPTION)
                for future in done:
                    clip = future.result()  # raises the first failure
                    for n, (s, i) in enumerate(todo[futures[future]][2]):
                        clips[s][i] = clip if n == 0 else Clip(clip.path, clip.duration, True)
                        self._count(n == 0, progress)
        except BaseException:
            for engine in self._engines.values():
                engine.policy.abort.set()
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        finally:
            pool.shutdown(wait=True)

    def _make(self, key: str, text: str, voice: Voice) -> Clip:
        audio = self._speak(text, voice)
        path = self.cache.put(key, audio.pcm, audio.rate)
        if self.clip_made:
            self.clip_made()
        return Clip(path, audio.duration, cached=False)

    def _speak(self, text: str, voice: Voice) -> Audio:
        engine = self.engine(voice.engine)
        try:
            audio = engine.synthesize(text, voice)
        except Cancelled:
            raise EngineError(f"{voice.engine}: cancelled") from None
        if audio.tempo != voice.tempo:
            audio = change_tempo(audio, voice.tempo)
        return audio

    def _decide_auto(self, scripts: list[list[Cue]], voices: Voices) -> None:
        """Settle what ``auto`` means for this run, before any audio is made.

        gTTS if every auto clip is cached or one request to Google works; eSpeak NG if
        gTTS is not installed or Google cannot be reached (a warning says so).
        """
        self.auto_engine = AUTO_FIRST
        if not get_engine_class(AUTO_FIRST, require_available=False).available():
            self._fall_back("gTTS is not installed")
            return
        for cues in scripts:
            for cue in cues:
                if cue.is_sound or voices.configured(cue.kind, cue.language).engine != AUTO:
                    continue
                voice = self.voice(voices, cue)
                key = self.key(cue.spoken, voice, cue.language)
                if self.cache.get(key) is not None:
                    continue
                policy = self.engine(AUTO_FIRST).policy
                policy.abort.clear()  # an earlier run's failure does not cancel this one
                try:
                    with policy.quick_unreachable():
                        audio = self._speak(cue.spoken, voice)
                except EngineUnreachableError as exc:
                    # The first clause says what failed; the advice after it does not apply.
                    reason = exc.message.split(";")[0]
                    self._refuse_named_first(scripts, voices, reason)
                    self._fall_back(reason)
                    return
                self.cache.put(key, audio.pcm, audio.rate)
                self._fresh.add(key)
                return

    def _refuse_named_first(self, scripts: list[list[Cue]], voices: Voices,
                            reason: str) -> None:
        """Raise EngineError, before auto falls back, if a kind's or language's own voice names
        gTTS (``[voices.<kind>] engine = "gtts"``, or ``[voices.<language>]``...) and has clips
        to make: it cannot speak either."""
        for cues in scripts:
            for cue in cues:
                if cue.is_sound or voices.configured(cue.kind,
                                                     cue.language).engine != AUTO_FIRST:
                    continue
                voice = self.voice(voices, cue)
                if self.cache.get(self.key(cue.spoken, voice, cue.language)) is None:
                    where = voices.where(cue.kind, cue.language, "engine")
                    raise EngineError(
                        f'podcast.toml: [voices.{where}] engine = "{AUTO_FIRST}" needs '
                        f"Google, and {reason}; remove that line (engine {AUTO} then falls "
                        f"back to {AUTO_FALLBACK} for it too) or build with --engine "
                        f"{AUTO_FALLBACK}")

    def _fall_back(self, reason: str) -> None:
        self.auto_engine = AUTO_FALLBACK
        self.note = f"auto: {reason}; built with {AUTO_FALLBACK} instead of {AUTO_FIRST}"
        # Info, not a warning: the caller says it once (podcaster build: when it made audio)
        log.info("engine %s", self.note)

