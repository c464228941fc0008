"""Produce: the clips of every episode to build, then each MP3 assembled and tagged in staging.

Episodes whose audio is in the cache but not in ``public/`` are tagged from there; episodes
whose tags alone changed are re-tagged from a copy. ``public/`` is not touched.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from podcaster.audio.settings import AudioSettings
from podcaster.build.manifest import Manifest, file_sha256, timeline_to_dict, timeline_with_times
from podcaster.build.plan import Plan, audio_key, decide, tags_key
from podcaster.model import Clip, Cue, Episode, Segment
from podcaster.publish.feed import audio_file_name
from podcaster.publish.tag import episode_tags, write_tags
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



def produce(build: Build, plan: Plan) -> None:
    """Make the plan's MP3 in the staging folder (built, or re-tagged from a copy)."""
    post = plan.post
    build.progress.post(post)
    staged = build.staging / f"{post.slug}.mp3"
    staged.parent.mkdir(parents=True, exist_ok=True)
    final = staged  # named by its content once tagged (``audio_file_name``)
    if plan.action == "build":
        clips = plan.clips
        if clips is None:  # a damaged cache entry turned a restore into a build
            clips = build.synth.run(plan.cues, build.voice_for, build.progress.clips)
        build.progress.step(post, "encoding")
        timeline = assemble_episode(plan.cues, clips, plan.segments, staged, build.audio)
        build.store.put(plan.audio_key, staged, timeline_to_dict(timeline, build.project_dir))
        plan.episode = Episode(post, plan.segments, plan.number, final, 0,
                               timeline.duration, timeline)
    elif plan.action == "restore":
        stored_mp3, stored_timeline = plan.stored
        try:
            timeline = timeline_with_times(stored_timeline, plan.cues, plan.segments)
        except (KeyError, IndexError, TypeError, ValueError):
            plan.action = "build"  # a damaged cache entry: make the audio again
            return produce(build, plan)
        shutil.copyfile(stored_mp3, staged)
        plan.episode = Episode(post, plan.segments, plan.number, final, 0,
                               timeline.duration, timeline)
    else:
        shutil.copyfile(build.public_dir / plan.record.file, staged)
    build.progress.step(post, "tagging")
    tags = episode_tags(build.config, plan.episode)
    write_tags(staged, tags)
    plan.tags_key = tags_key(build, tags)
    plan.episode.size = staged.stat().st_size
    plan.sha256 = file_sha256(staged)
    plan.episode.audio_path = build.episodes_dir / audio_file_name(post.slug, plan.sha256)
    plan.staged = staged


def assemble_episode(cues: list[Cue], clips: list[Clip | None], segments: list[Segment],
                     out_path: Path, settings: AudioSettings):
    """``podcaster.audio.assemble.assemble_episode``, imported when an episode is first assembled:
    a build with nothing to assemble does not load the audio libraries."""
    from podcaster.audio.assemble import assemble_episode as assemble

    return assemble(cues, clips, segments, out_path, settings)
