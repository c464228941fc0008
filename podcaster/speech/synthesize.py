"""Synthesise the speech cues of scripts into clips: through the cache, in parallel.

Voices come from podcast.toml ([voices.<kind>]) over per-kind defaults. The engine name
``auto`` means gTTS, unless Google cannot be reached before any audio is made: then the
whole build uses eSpeak NG and says so (``Synthesizer.note``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass, replace

from podcaster.config import Config
from podcaster.errors import ConfigError, EngineError
from podcaster.model import Clip, Cue, Voice
from podcaster.speech.cache import ClipCache, clip_key
from podcaster.speech.engines import Audio, Engine, change_tempo, get_engine_class
from podcaster.speech.engines.network import (
    Cancelled,
    EngineUnreachableError,
    RequestPolicy,
    RequestSettings,
)

log = logging.getLogger(__name__)

AUTO = "auto"
AUTO_FIRST = "gtts"  # what auto means while Google can be reached
AUTO_FALLBACK = "espeak"

# Tempo per cue kind when podcast.toml sets none: quoted articles are long and read a
# little faster; the author's own parts keep the engine's natural pace.
DEFAULT_TEMPO = {"title": 1.0, "greeting": 1.0, "announcement": 1.0, "article": 1.1,
                 "commentary": 1.0, "signoff": 1.0}
TEMPO_RANGE = (0.5, 2.0)

VoiceFor = Callable[[str], Voice]


def voice_resolver(config: Config, engine: str | None = None) -> VoiceFor:
    """``kind -> Voice`` for a project: its [voices.<kind>] tables over the defaults.

    ``engine`` (the --engine option) overrides every kind's engine; a table's voice, rate,
    pitch and options are then dropped when they were meant for another engine (only its
    tempo is kept). Raises ConfigError for a tempo out of range.
    """

    def voice_for(kind: str) -> Voice:
        table = config.voices.get(kind, {})
        voice = config.voice_for(kind, engine)
        meant_for = table.get("engine") or config.engine.name
        if engine and _same_engine(meant_for) != _same_engine(engine):
            voice = Voice(engine=voice.engine, tempo=voice.tempo)
        if "tempo" not in table:
            voice = replace(voice, tempo=DEFAULT_TEMPO.get(kind, 1.0))
        if not TEMPO_RANGE[0] <= voice.tempo <= TEMPO_RANGE[1]:
            raise ConfigError(f"voices.{kind}.tempo must be between {TEMPO_RANGE[0]} and "
                              f"{TEMPO_RANGE[1]}, got {voice.tempo:g}")
        return voice

    return voice_for


def _same_engine(name: str) -> str:
    return AUTO_FIRST if name == AUTO else name


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

    def concrete(self, voice: Voice, kind: str, engine: str | None = None) -> Voice:
        """``voice`` with ``auto`` replaced by a real engine and the kind's default voice."""
        name = voice.engine
        if name == AUTO:
            name = engine or self.auto_engine or AUTO_FIRST
            if name != AUTO_FIRST:
                # Settings were written for gTTS; only the tempo carries over.
                voice = Voice(engine=name, tempo=voice.tempo)
        if not voice.voice:
            cls = get_engine_class(name, require_available=False)
            voice = replace(voice, voice=cls.voice_for_kind(kind))
        return replace(voice, engine=name)

    def key(self, text: str, voice: Voice) -> str:
        """Cache key of ``text`` spoken with a concrete ``voice`` (tempo included)."""
        settings = dict(self._settings_engine(voice.engine).settings(voice))
        settings["tempo"] = round(voice.tempo, 4)
        return clip_key(voice.engine, settings, text)

    def keys(self, scripts: list[list[Cue]], voice_for: VoiceFor) -> set[str]:
        """Every clip key the scripts use, computed without synthesising.

        For ``auto`` voices both possible engines count (so pruning keeps an offline
        fallback's clips too).
        """
        keys = set()
        for cues in scripts:
            for cue in cues:
                if cue.is_sound:
                    continue
                voice = voice_for(cue.kind)
                engines = [AUTO_FIRST, AUTO_FALLBACK] if voice.engine == AUTO else [None]
                for engine in engines:
                    keys.add(self.key(cue.spoken, self.concrete(voice, cue.kind, engine)))
        return keys

    def run(self, cues: list[Cue], voice_for: VoiceFor,
            progress: Callable[[int], None] | None = None) -> list[Clip | None]:
        """Return a clip per cue (None for sound cues), synthesising what the cache lacks."""
        return self.run_all([cues], voice_for, progress)[0]

    def run_all(self, scripts: list[list[Cue]], voice_for: VoiceFor,
                progress: Callable[[int], None] | None = None) -> list[list[Clip | None]]:
        """Clips for every cue of every script, in one parallel run.

        Raises EngineError (with the probable cause) if any clip cannot be made; then no
        further requests are sent.
        """
        voices = self.settle(scripts, voice_for)

        clips: list[list[Clip | None]] = [[None] * len(cues) for cues in scripts]
        todo: dict[str, tuple[str, Voice, list[tuple[int, int]]]] = {}
        for s, cues in enumerate(scripts):
            for i, cue in enumerate(cues):
                if cue.is_sound:
                    continue
                voice = self.concrete(voices[cue.kind], cue.kind)
                self.used.add(voice.engine)
                key = self.key(cue.spoken, voice)
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

    def settle(self, scripts: list[list[Cue]], voice_for: VoiceFor) -> dict[str, Voice]:
        """Decide what ``auto`` means for a run over ``scripts`` (if not decided yet), so
        that they can then be made one at a time; the voice of each cue kind they use."""
        voices = {}
        for cues in scripts:
            for cue in cues:
                if not cue.is_sound and cue.kind not in voices:
                    voices[cue.kind] = voice_for(cue.kind)
        if any(v.engine == AUTO for v in voices.values()) and self.auto_engine is None:
            self._decide_auto(scripts, voices)
        return voices

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

    def _decide_auto(self, scripts: list[list[Cue]], voices: dict[str, Voice]) -> None:
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
                if cue.is_sound or voices[cue.kind].engine != AUTO:
                    continue
                voice = self.concrete(voices[cue.kind], cue.kind)
                key = self.key(cue.spoken, voice)
                if self.cache.get(key) is not None:
                    continue
                policy = self.engine(AUTO_FIRST).policy
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

    def _refuse_named_first(self, scripts: list[list[Cue]], voices: dict[str, Voice],
                            reason: str) -> None:
        """Raise EngineError, before auto falls back, if a kind's own voice names gTTS
        (``[voices.<kind>] engine = "gtts"``) and has clips to make: it cannot speak either."""
        for cues in scripts:
            for cue in cues:
                if cue.is_sound or voices[cue.kind].engine != AUTO_FIRST:
                    continue
                voice = self.concrete(voices[cue.kind], cue.kind)
                if self.cache.get(self.key(cue.spoken, voice)) is None:
                    raise EngineError(
                        f'podcast.toml: [voices.{cue.kind}] engine = "{AUTO_FIRST}" needs '
                        f"Google, and {reason}; remove that line (engine {AUTO} then falls "
                        f"back to {AUTO_FALLBACK} for it too) or build with --engine "
                        f"{AUTO_FALLBACK}")

    def _fall_back(self, reason: str) -> None:
        self.auto_engine = AUTO_FALLBACK
        self.note = f"auto: {reason}; built with {AUTO_FALLBACK} instead of {AUTO_FIRST}"
        log.warning("engine %s", self.note)


def planned_keys(config: Config, engine: str | None = None) -> set[str]:
    """Every clip key the project's current posts (drafts too) would use.

    Reads and scripts the posts without synthesising. Raises PostError for a bad post.
    """
    from podcaster.text.read import find_posts, read_post
    from podcaster.text.script import ScriptSettings, build_script
    from podcaster.text.segment import segment_post

    settings = ScriptSettings.from_config(config)
    scripts = []
    for path in find_posts(config.posts_dir):
        post = read_post(path)
        scripts.append(build_script(post, segment_post(post), settings))
    synth = Synthesizer(ClipCache(config.cache_dir))
    return synth.keys(scripts, voice_resolver(config, engine))
