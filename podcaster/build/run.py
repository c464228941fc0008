"""The build: read → segment → script → normalise → synthesise → assemble → tag → publish.

It is incremental and atomic, in three phases:

1. Plan. Every post is read, segmented and scripted before anything is written, so a bad post
   stops the build with ``public/`` untouched. Each post gets an ``audio_key`` (everything
   its MP3's sound depends on) and, once its episode is known, a ``tags_key`` (its ID3 tags);
   both are compared with the manifest (see ``podcaster.build.manifest``).
2. Produce. The clips of the episodes whose audio changed are synthesised (through the
   clip cache; engine ``auto`` settles first), and each episode is assembled in a staging
   folder under the cache, by worker processes as soon as its clips are made (see
   ``podcaster.build.produce``), then tagged; its encoded audio is kept in the cache.
   Episodes whose audio is in the cache but not in ``public/`` are tagged from there;
   episodes whose tags alone changed (a new episode number, a new cover) are re-tagged from
   a copy. Unchanged episodes are rebuilt from the manifest and left alone.
3. Commit. Every file to publish is rendered and staged first; then new MP3s (named by
   their content, ``<slug>.<hash>.mp3``) go into ``public/episodes/`` beside the old ones,
   then the files beside them and the pages, then the feed, then files no episode uses are
   removed, and last the manifest (see ``podcaster.build.commit``). A file whose content is
   unchanged is not written at all.

A build killed before the commit leaves ``public/`` as it was; the clips it synthesised stay
in the cache for the next build. A build killed during the commit leaves a feed whose every
enclosure exists with its stated length, and the next build (whose manifest is still the old
one) finishes the job.

Episode numbers follow the date order of the published posts (1..N), recomputed every build.
A post dated before existing episodes shifts the later numbers: those MP3s are re-tagged (no
synthesis, no encoding) and the feed updated. GUIDs never depend on the number.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from podcaster.audio.settings import AudioSettings
from podcaster.build import faults, published, showguid
from podcaster.build.guidmoves import moved_guids
from podcaster.build.lock import LOCK_NAME, BuildLock
from podcaster.build.manifest import (
    AudioStore,
    FileDigests,
    load_manifest,
    manifest_path,
    output_intact,
)
from podcaster.build.parts import (
    AUDIO_STORE_NAME,
    STAGING_NAME,
    Failure,
    Failures,
    Folders,
    Progress,
    Voices,
)
from podcaster.build.plan import (
    Action,
    Keys,
    Plan,
    decide,
    kept_records,
    number_episodes,
    plan_posts,
)
from podcaster.check.placeholders import find_placeholders
from podcaster.config import Config, load_config
from podcaster.errors import (
    ConfigError,
    OutputError,
    UnclearAttributionError,
    output_error,
)
from podcaster.model import SPEECH_KINDS, Episode
from podcaster.publish.artwork import CheckedArtwork
from podcaster.publish.layout import FEED_NAME
from podcaster.speech.cache import ClipCache
from podcaster.speech.synthesize import Synthesizer, SynthStats, request_settings
from podcaster.speech.voices import Voices as SpeechVoices
from podcaster.text.script import ScriptSettings

if TYPE_CHECKING:  # the attribution code loads the normaliser; a no-op build needs neither
    from podcaster.build.manifest import EpisodeRecord, Manifest
    from podcaster.text.attribution import AttributionWarning

log = logging.getLogger(__name__)

ARTWORK_RECORD_NAME = "artwork.json"  # images found good (publish.artwork.CheckedArtwork)

__all__ = ["AUDIO_STORE_NAME", "LOCK_NAME", "STAGING_NAME", "Build", "BuildResult", "Failure",
           "Progress", "build_project", "check_output_folders"]


@dataclass
class BuildResult:
    episodes: list[Episode]
    feed_path: Path
    engine: str
    stats: SynthStats = field(default_factory=SynthStats)
    seconds: float = 0.0
    engine_note: str | None = None  # e.g. why engine "auto" fell back to espeak
    built: list[str] = field(default_factory=list)  # slugs synthesised/assembled
    restored: list[str] = field(default_factory=list)  # slugs whose audio came from the cache
    retagged: list[str] = field(default_factory=list)  # slugs whose tags alone changed
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    warnings: list[AttributionWarning] = field(default_factory=list)  # quotes without a clear source

    @property
    def audio_seconds(self) -> float:
        return sum(e.duration for e in self.episodes)


def build_project(project_dir: Path | str, engine: str | None = None, jobs: int | None = None,
                  progress: Progress | None = None, keep_going: bool = False,
                  build_jobs: int | None = None, strict: bool = False,
                  new_guid: bool = False) -> BuildResult:
    """Build the project's posts into ``public/``, redoing only what changed.

    Raises a PodcasterError (PostError naming the file for a bad post) and leaves ``public/``
    unchanged, unless ``keep_going``: then the other posts are built and the bad ones are
    listed in ``BuildResult.failed``. Raises BuildLockedError if another build is running.
    ``jobs`` overrides ``[engine] jobs`` (synthesis), ``build_jobs`` ``[build] jobs``
    (episodes assembled at once). Quotes without a clear source are listed in
    ``BuildResult.warnings``; with ``strict`` they raise UnclearAttributionError after
    planning, before anything is written. Raises ConfigError, writing nothing, when the
    show's podcast:guid would differ from the one last published, unless ``new_guid``
    (see ``podcaster.build.showguid``).
    """
    started = time.monotonic()
    overrides: dict[str, Any] = {}
    if engine:
        overrides["engine.name"] = engine
    if jobs is not None:
        overrides["engine.jobs"] = jobs
    if build_jobs is not None:
        overrides["build.jobs"] = build_jobs
    config = load_config(project_dir, overrides)
    for placeholder in find_placeholders(config):
        log.warning("%s (podcaster check fails until it is changed)", placeholder)
    check_output_folders(config)
    try:
        with BuildLock(config.cache_dir / LOCK_NAME):
            showguid.guard(config, new_guid)
            result = Build(config, engine, progress or Progress(), keep_going, strict).run()
            showguid.remember(config)
    except OSError as exc:
        error = output_error(exc)
        if error is None:
            raise
        raise error from exc
    result.seconds = time.monotonic() - started
    return result


def check_output_folders(config: Config) -> None:
    """Raise OutputError, before any work, when a folder the build writes is a file or is
    read-only (``public/``, ``public/episodes/``, the cache)."""
    for folder in (config.public_dir, config.public_dir / "episodes", config.cache_dir):
        if folder.exists() and not folder.is_dir():
            raise OutputError(f"{folder}: is a file, where the build needs a folder; "
                              "move it away")
        if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
            raise OutputError(f"{folder}: cannot write: the folder is read-only")


class Build:
    """One run of the build over a loaded config (the caller holds the lock): it makes the
    parts each phase needs and runs the phases in order."""

    def __init__(self, config: Config, engine: str | None, progress: Progress,
                 keep_going: bool = False, strict: bool = False):
        self.config = config
        self.strict = strict
        self.progress = progress
        self.failures = Failures(keep_going)
        self.folders = Folders.of(config)
        self.synth = Synthesizer(ClipCache(config.cache_dir), jobs=config.engine.jobs,
                                 requests=request_settings(config),
                                 clip_made=lambda: faults.point("synthesise:clip"))
        self.voices = Voices(SpeechVoices.from_config(config, engine), self.synth)
        self.audio = AudioSettings.from_config(config)
        self.digests = FileDigests()
        self.keys = Keys(dataclasses.asdict(self.audio), self.digests, self.voices,
                         self.synth.key)
        self.script_settings = ScriptSettings.from_config(config)
        self.store = AudioStore(config.cache_dir / AUDIO_STORE_NAME)
        self.artwork = CheckedArtwork(config.cache_dir / ARTWORK_RECORD_NAME)

    def plan(self) -> tuple[list[Plan], list[AttributionWarning]]:
        """The plan phase (``plan.plan_posts``): every published post read and scripted."""
        return plan_posts(self.config, self.script_settings, self.keys, self.artwork,
                          self.failures)

    def engine_label(self, plans: list[Plan]) -> str:
        """The engines that spoke, or for a build that made no audio, that would speak."""
        if self.synth.used:
            return self.synth.engine_summary
        said = {(c.kind, c.language) for p in plans for c in p.cues if not c.is_sound}
        return ", ".join(sorted({self.voices.concrete(*k).engine for k in said})) or "none"

    def run(self) -> BuildResult:
        try:
            return self._run()
        finally:
            shutil.rmtree(self.folders.staging, ignore_errors=True)

    def _run(self) -> BuildResult:
        config, failures = self.config, self.failures
        for kind in SPEECH_KINDS:  # a bad voice or engine is the config's error, not a post's
            for language in ("ko", *config.engine.languages):
                self.voices.concrete(kind, language)
        problems = self.artwork.problems(config.show.cover)
        if problems:
            raise ConfigError(f"{config.show.cover}: show.cover: {'; '.join(problems)}")
        manifest = load_manifest(manifest_path(self.folders.public))
        plans, warnings = self.plan()
        self.artwork.save()  # the cover and the episode images found good
        if self.strict and warnings:
            raise UnclearAttributionError(warnings)
        faults.point("plan:done")
        kept = kept_records(config, manifest, plans, failures.failed)
        for message in moved_guids(config, manifest, [p.post for p in plans], kept):
            log.warning("%s", message)
        number_episodes(plans, kept)
        for plan in plans:
            decide(config, self.keys, self.store, plan, manifest.episodes.get(plan.post.slug))

        todo = [p for p in plans if p.action is not Action.KEEP]
        self.progress.start(len(todo), sum(
            sum(1 for c in p.cues if not c.is_sound) for p in todo if p.action is Action.BUILD))
        shutil.rmtree(self.folders.staging, ignore_errors=True)
        done: list[Plan] = [p for p in plans if p.action is Action.KEEP]
        if todo:
            self._produce(todo, manifest, done, kept)

        result = BuildResult(episodes=[], feed_path=self.folders.public / FEED_NAME,
                             engine=self.engine_label(plans), stats=self.synth.stats,
                             engine_note=self.synth.note, failed=failures.failed,
                             warnings=warnings)
        if done or kept:
            done.sort(key=lambda p: (p.post.date, p.post.slug))
            if not kept and not failures.failed and published.up_to_date(
                    config, self.digests, done, manifest):
                result.episodes = [p.episode for p in done]  # public/ is as it would be
            else:
                from podcaster.build.commit import commit  # lazily: the feed, pages and tags

                published.forget(config)
                result.episodes, result.removed = commit(config, self.store,
                                                         self.folders.staging, done, kept,
                                                         manifest)
                if not failures.failed:
                    published.remember(config, self.digests, done)
        result.episodes.sort(key=lambda e: e.number)
        result.built = [p.post.slug for p in done if p.action is Action.BUILD]
        result.restored = [p.post.slug for p in done if p.action is Action.RESTORE]
        result.retagged = [p.post.slug for p in done if p.action is Action.RETAG]
        result.unchanged = [p.post.slug for p in done if p.action is Action.KEEP]
        return result

    def _produce(self, todo: list[Plan], manifest: Manifest, done: list[Plan],
                 kept: list[EpisodeRecord]) -> None:
        # lazily: the audio stages are loaded only by a build with work to do
        from podcaster.build.produce import Production, produce_all

        work = Production(self.config, self.audio, self.synth, self.voices, self.keys,
                          self.store, self.folders, self.failures, self.progress)
        with contextlib.closing(produce_all(work, todo, manifest)) as produced_plans:
            for plan, produced in produced_plans:
                # ``auto`` may settle on the engine an episode was built with: it is kept.
                if produced or plan.action is Action.KEEP:
                    done.append(plan)
                elif plan.record and output_intact(plan.record, self.folders.public):
                    kept.append(plan.record)  # a failed rebuild keeps the episode built
                self.progress.post_done(plan.post)
