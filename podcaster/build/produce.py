"""Produce: the clips of every episode to build, then each MP3 assembled and tagged in staging.

Episodes to build are assembled and encoded in worker processes (``[build] jobs``, one per
usable core by default; see ``podcaster.build.workers``) while the build process tags the
ones that are ready, in plan order. Episodes whose audio is in the cache but not in
``public/`` are tagged from there; episodes whose tags alone changed are re-tagged from a
copy. ``public/`` is not touched.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from podcaster.audio.settings import AudioSettings
from podcaster.build import faults
from podcaster.build.manifest import (
    AudioStore,
    Manifest,
    file_sha256,
    timeline_to_dict,
    timeline_with_times,
)
from podcaster.build.parts import Failures, Folders, Progress, Voices
from podcaster.build.plan import Action, Keys, Plan, decide
from podcaster.build.workers import Workers, build_jobs, result
from podcaster.config import Config
from podcaster.model import Clip, Cue, Episode, Segment
from podcaster.publish.layout import audio_file_name
from podcaster.publish.tag import episode_tags, write_tags
from podcaster.publish.waveform import mp3_peaks, published_peaks, valid_peaks
from podcaster.speech.synthesize import AUTO_FIRST, Synthesizer


@dataclass
class Production:
    """What producing episodes takes: the settings, the synthesiser and the voices it speaks
    with, the keys (an ``auto`` fallback changes the audio keys), the cache's encoded audio,
    the folders (staging, public/), and where failures and progress go."""

    config: Config
    audio: AudioSettings
    synth: Synthesizer
    voices: Voices
    keys: Keys
    store: AudioStore
    folders: Folders
    failures: Failures
    progress: Progress


def synthesise(work: Production, builds: list[Plan], manifest: Manifest) -> None:
    """Make every clip of the episodes to build before any is assembled.

    This is where ``auto`` settles on an engine. If it falls back, the audio keys of
    the episodes to build change: each is looked up again (it may have been built with
    the fallback engine before).
    """
    if not builds:
        return
    synth, voices, progress = work.synth, work.voices.resolver, work.progress.clips
    if work.failures.keep_going:  # one post at a time, so a failure is the post's alone
        for plan in builds:
            plan.failed = True
            with work.failures.per_post(plan.post.path):
                plan.clips = synth.run(plan.cues, voices, progress)
                plan.failed = False
    else:
        scripts = synth.run_all([p.cues for p in builds], voices, progress)
        for plan, clips in zip(builds, scripts):
            plan.clips = clips
    if synth.auto_engine not in (None, AUTO_FIRST) and work.voices.any_auto:
        for plan in builds:
            if plan.failed:
                continue
            plan.audio_key = work.keys.audio(plan.segments, plan.cues)
            clips = plan.clips
            decide(work.config, work.keys, work.store, plan,
                   manifest.episodes.get(plan.post.slug))
            plan.clips = clips


def produce_all(work: Production, plans: list[Plan],
                manifest: Manifest) -> Iterator[tuple[Plan, bool]]:
    """Synthesise and produce every plan to do, in order; yield each with whether its MP3
    is staged.

    With workers, each episode is handed to them as soon as its clips are made, so that
    synthesis (one eSpeak job, or a network engine's rate) overlaps the assembly of the
    episodes before it; each plan then waits for its own. An error stops the workers (unless
    --keep-going, which synthesises every post first, each on its own, and notes failures).
    """
    builds = [p for p in plans if p.action is Action.BUILD]
    jobs = build_jobs(work.config.build.jobs, len(builds))
    workers = Workers(jobs) if jobs > 1 else None
    with workers or contextlib.nullcontext():
        pending = {}
        overlap = workers is not None and not work.failures.keep_going
        if overlap:
            work.synth.settle([p.cues for p in builds], work.voices.resolver)
        else:
            synthesise(work, builds, manifest)
        if workers is not None:
            work.folders.staging.mkdir(parents=True, exist_ok=True)
            for plan in builds:
                if overlap:
                    synthesise(work, [plan], manifest)
                if plan.action is Action.BUILD and not plan.failed and plan.clips is not None:
                    pending[id(plan)] = workers.submit(
                        assemble_staged, plan.cues, plan.clips, plan.segments,
                        staged_path(work.folders, plan), work.audio)
                    faults.point("produce:workers")
        faults.point("produce:synthesised")
        for plan in plans:
            produced = False
            if not plan.failed and plan.action is not Action.KEEP:
                with work.failures.per_post(plan.post.path):
                    produce(work, plan, pending.pop(id(plan), None))
                    produced = True
            yield plan, produced


def staged_path(folders: Folders, plan: Plan) -> Path:
    return folders.staging / f"{plan.post.slug}.mp3"


def produce(work: Production, plan: Plan, assembling=None) -> None:
    """Make the plan's MP3 in the staging folder (built, or re-tagged from a copy).

    ``assembling`` is a worker's handle on the episode's assembly, if one is making it."""
    post, folders, progress = plan.post, work.folders, work.progress
    progress.post(post)
    staged = staged_path(folders, plan)
    staged.parent.mkdir(parents=True, exist_ok=True)
    final = staged  # named by its content once tagged (``audio_file_name``)
    if plan.action is Action.BUILD:
        progress.step(post, "encoding")
        if assembling is not None:
            timeline, peaks = result(assembling)
        else:
            clips = plan.clips
            if clips is None:  # a damaged cache entry turned a restore into a build
                clips = work.synth.run(plan.cues, work.voices.resolver, progress.clips)
            timeline, peaks = assemble_staged(plan.cues, clips, plan.segments, staged,
                                              work.audio)
        # the peaks are kept with the audio: restored, it needs no decoding for its waveform
        work.store.put(plan.audio_key, staged,
                       {**timeline_to_dict(timeline, folders.project), "peaks": peaks})
        plan.episode = Episode(post, plan.segments, plan.number, final, 0,
                               timeline.duration, timeline, peaks)
    elif plan.action is Action.RESTORE:
        stored_mp3, stored_timeline = plan.stored
        try:
            timeline = timeline_with_times(stored_timeline, plan.cues, plan.segments)
        except (KeyError, IndexError, TypeError, ValueError):
            plan.action = Action.BUILD  # a damaged cache entry: make the audio again
            return produce(work, plan)
        shutil.copyfile(stored_mp3, staged)
        peaks = valid_peaks(stored_timeline.get("peaks"))
        if peaks is None:  # stored before peaks were kept, or damaged: decode once, keep them
            peaks = mp3_peaks(stored_mp3)
            work.store.keep_peaks(plan.audio_key, peaks)
        plan.episode = Episode(post, plan.segments, plan.number, final, 0,
                               timeline.duration, timeline, peaks)
    else:  # the same audio with other tags: the same waveform
        plan.episode.peaks = published_peaks(plan.episode)
        shutil.copyfile(folders.public / plan.record.file, staged)
    progress.step(post, "tagging")
    tags = episode_tags(work.config, plan.episode)
    write_tags(staged, tags)
    plan.tags_key = work.keys.tags(tags)
    plan.episode.size = staged.stat().st_size
    plan.sha256 = file_sha256(staged)
    plan.episode.audio_path = folders.episodes / audio_file_name(post.slug, plan.sha256)
    plan.staged = staged


def assemble_staged(cues: list[Cue], clips: list[Clip | None], segments: list[Segment],
                    out_path: Path, settings: AudioSettings):
    """Assemble one episode into staging (in the build process, or handed to a worker);
    its timeline, and the peaks of its waveform (taken from a low-rate copy of what the
    encoder encodes, so that no one decodes the MP3 again)."""
    from podcaster.publish.waveform import DECODE_RATE, pcm_peaks

    faults.point(f"produce:assemble:{out_path.stem}")
    outline = out_path.with_name(f".{out_path.stem}.outline.tmp")
    try:
        timeline = assemble_episode(cues, clips, segments, out_path, settings,
                                    (outline, DECODE_RATE))
        return timeline, pcm_peaks(outline)
    finally:
        outline.unlink(missing_ok=True)


def assemble_episode(cues: list[Cue], clips: list[Clip | None], segments: list[Segment],
                     out_path: Path, settings: AudioSettings,
                     copy: tuple[Path, int] | None = None):
    """``podcaster.audio.assemble.assemble_episode``, imported when an episode is first assembled:
    a build with nothing to assemble does not load the audio libraries."""
    from podcaster.audio.assemble import assemble_episode as assemble

    return assemble(cues, clips, segments, out_path, settings, copy)
