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
from pathlib import Path
from typing import TYPE_CHECKING

from podcaster.audio.settings import AudioSettings
from podcaster.build import faults
from podcaster.build.manifest import Manifest, file_sha256, timeline_to_dict, timeline_with_times
from podcaster.build.plan import Plan, audio_key, decide, tags_key
from podcaster.build.workers import Workers, build_jobs, result
from podcaster.model import Clip, Cue, Episode, Segment
from podcaster.publish.layout import audio_file_name
from podcaster.publish.tag import episode_tags, write_tags
from podcaster.publish.waveform import mp3_peaks, published_peaks, valid_peaks
from podcaster.speech.synthesize import AUTO, AUTO_FIRST

if TYPE_CHECKING:
    from podcaster.build.run import Build


def synthesise(build: Build, builds: list[Plan], manifest: Manifest) -> None:
    """Make every clip of the episodes to build before any is assembled.

    This is where ``auto`` settles on an engine. If it falls back, the audio keys of
    the episodes to build change: each is looked up again (it may have been built with
    the fallback engine before).
    """
    if not builds:
        return
    if build.keep_going:  # one post at a time, so a failure is the post's alone
        for plan in builds:
            plan.failed = True
            with build.per_post(plan.post.path):
                plan.clips = build.synth.run(plan.cues, build.voice_for, build.progress.clips)
                plan.failed = False
    else:
        scripts = build.synth.run_all([p.cues for p in builds], build.voice_for,
                                      build.progress.clips)
        for plan, clips in zip(builds, scripts):
            plan.clips = clips
    if build.synth.auto_engine not in (None, AUTO_FIRST) and any(
            v.engine == AUTO for v in build._voices.values()):
        for plan in builds:
            if plan.failed:
                continue
            plan.audio_key = audio_key(build, plan.segments, plan.cues)
            clips = plan.clips
            decide(build, plan, manifest.episodes.get(plan.post.slug))
            plan.clips = clips


def produce_all(build: Build, plans: list[Plan],
                manifest: Manifest) -> Iterator[tuple[Plan, bool]]:
    """Synthesise and produce every plan to do, in order; yield each with whether its MP3
    is staged.

    With workers, each episode is handed to them as soon as its clips are made, so that
    synthesis (one eSpeak job, or a network engine's rate) overlaps the assembly of the
    episodes before it; each plan then waits for its own. An error stops the workers (unless
    --keep-going, which synthesises every post first, each on its own, and notes failures).
    """
    builds = [p for p in plans if p.action == "build"]
    jobs = build_jobs(build.config.build.jobs, len(builds))
    workers = Workers(jobs) if jobs > 1 else None
    with workers or contextlib.nullcontext():
        pending = {}
        overlap = workers is not None and not build.keep_going
        if overlap:
            build.synth.settle([p.cues for p in builds], build.voice_for)
        else:
            synthesise(build, builds, manifest)
        if workers is not None:
            build.staging.mkdir(parents=True, exist_ok=True)
            for plan in builds:
                if overlap:
                    synthesise(build, [plan], manifest)
                if plan.action == "build" and not plan.failed and plan.clips is not None:
                    pending[id(plan)] = workers.submit(
                        assemble_staged, plan.cues, plan.clips, plan.segments,
                        staged_path(build, plan), build.audio)
                    faults.point("produce:workers")
        faults.point("produce:synthesised")
        for plan in plans:
            produced = False
            if not plan.failed and plan.action != "keep":
                with build.per_post(plan.post.path):
                    produce(build, plan, pending.pop(id(plan), None))
                    produced = True
            yield plan, produced


def staged_path(build: Build, plan: Plan) -> Path:
    return build.staging / f"{plan.post.slug}.mp3"


def produce(build: Build, plan: Plan, assembling=None) -> None:
    """Make the plan's MP3 in the staging folder (built, or re-tagged from a copy).

    ``assembling`` is a worker's handle on the episode's assembly, if one is making it."""
    post = plan.post
    build.progress.post(post)
    staged = staged_path(build, plan)
    staged.parent.mkdir(parents=True, exist_ok=True)
    final = staged  # named by its content once tagged (``audio_file_name``)
    if plan.action == "build":
        build.progress.step(post, "encoding")
        if assembling is not None:
            timeline, peaks = result(assembling)
        else:
            clips = plan.clips
            if clips is None:  # a damaged cache entry turned a restore into a build
                clips = build.synth.run(plan.cues, build.voice_for, build.progress.clips)
            timeline, peaks = assemble_staged(plan.cues, clips, plan.segments, staged,
                                              build.audio)
        # the peaks are kept with the audio: restored, it needs no decoding for its waveform
        build.store.put(plan.audio_key, staged,
                        {**timeline_to_dict(timeline, build.project_dir), "peaks": peaks})
        plan.episode = Episode(post, plan.segments, plan.number, final, 0,
                               timeline.duration, timeline, peaks)
    elif plan.action == "restore":
        stored_mp3, stored_timeline = plan.stored
        try:
            timeline = timeline_with_times(stored_timeline, plan.cues, plan.segments)
        except (KeyError, IndexError, TypeError, ValueError):
            plan.action = "build"  # a damaged cache entry: make the audio again
            return produce(build, plan)
        shutil.copyfile(stored_mp3, staged)
        peaks = valid_peaks(stored_timeline.get("peaks"))
        if peaks is None:  # stored before peaks were kept, or damaged: decode once, keep them
            peaks = mp3_peaks(stored_mp3)
            build.store.keep_peaks(plan.audio_key, peaks)
        plan.episode = Episode(post, plan.segments, plan.number, final, 0,
                               timeline.duration, timeline, peaks)
    else:  # the same audio with other tags: the same waveform
        plan.episode.peaks = published_peaks(plan.episode)
        shutil.copyfile(build.public_dir / plan.record.file, staged)
    build.progress.step(post, "tagging")
    tags = episode_tags(build.config, plan.episode)
    write_tags(staged, tags)
    plan.tags_key = tags_key(build, tags)
    plan.episode.size = staged.stat().st_size
    plan.sha256 = file_sha256(staged)
    plan.episode.audio_path = build.episodes_dir / audio_file_name(post.slug, plan.sha256)
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
