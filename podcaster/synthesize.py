"""Synthesise the speech cues of a script into clips, through the cache, in parallel."""

from __future__ import annotations

import logging
import wave
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from podcaster.cache import ClipCache, clip_key
from podcaster.engines import Engine, get_engine_class
from podcaster.model import Clip, Cue, Voice

log = logging.getLogger(__name__)


@dataclass
class SynthStats:
    synthesised: int = 0
    cached: int = 0


def wav_duration(path) -> float:
    with wave.open(str(path), "rb") as w:
        return w.getnframes() / w.getframerate()


class Synthesizer:
    """Turns speech cues into clips; engines are created once and shared."""

    def __init__(self, cache: ClipCache, jobs: int = 0):
        self.cache = cache
        self.jobs = jobs
        self.stats = SynthStats()
        self._engines: dict[str, Engine] = {}

    def engine(self, name: str) -> Engine:
        if name not in self._engines:
            self._engines[name] = get_engine_class(name)()
        return self._engines[name]

    def key(self, cue: Cue, voice: Voice) -> str:
        engine = self.engine(voice.engine)
        return clip_key(voice.engine, engine.settings(voice), cue.spoken)

    def run(
        self,
        cues: list[Cue],
        voice_for: Callable[[str], Voice],
        progress: Callable[[int], None] | None = None,
    ) -> list[Clip | None]:
        """Return a clip per cue (None for sound cues), synthesising what the cache lacks."""
        clips: list[Clip | None] = [None] * len(cues)
        todo: list[tuple[int, str, Voice]] = []
        for i, cue in enumerate(cues):
            if cue.is_sound:
                continue
            voice = voice_for(cue.kind)
            key = self.key(cue, voice)
            path = self.cache.get(key)
            if path is not None:
                clips[i] = Clip(path, wav_duration(path), cached=True)
                self.stats.cached += 1
                if progress:
                    progress(1)
            else:
                todo.append((i, key, voice))

        def work(item: tuple[int, str, Voice]) -> tuple[int, Clip]:
            i, key, voice = item
            audio = self.engine(voice.engine).synthesize(cues[i].spoken, voice)
            path = self.cache.put(key, audio.pcm, audio.rate)
            return i, Clip(path, audio.duration, cached=False)

        jobs = self.jobs or max(
            (self.engine(v.engine).default_jobs for _, _, v in todo), default=1
        )
        if todo:
            log.info("synthesising %d clips with %d job(s)", len(todo), jobs)
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            for i, clip in pool.map(work, todo):
                clips[i] = clip
                self.stats.synthesised += 1
                if progress:
                    progress(1)
        return clips
