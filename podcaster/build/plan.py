"""Plan: every post read, segmented and scripted, its keys compared with the manifest.

Nothing is written. Each post gets an ``audio_key`` (everything its MP3's sound depends on)
and, once its episode is known, a ``tags_key`` (its ID3 tags); comparing them with the
manifest decides what the post needs: ``build``, ``restore`` (encoded audio in the cache),
``retag`` or ``keep``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from podcaster.build.manifest import (
    EpisodeRecord,
    Manifest,
    digest,
    output_intact,
    relative_path,
    timeline_with_times,
)
from podcaster.build.plancache import CACHE_NAME as PLAN_CACHE_NAME
from podcaster.build.plancache import PlanCache, context_key
from podcaster.errors import PodcasterError, PostError
from podcaster.model import Clip, Cue, Episode, Post, Segment
from podcaster.publish.layout import episode_art_source
from podcaster.publish.metadata import EpisodeTags, episode_tags
from podcaster.text.read import find_posts, readable_extensions

if TYPE_CHECKING:
    from podcaster.build.run import Build

log = logging.getLogger(__name__)

# Bump when podcaster's output for the same inputs changes: every episode is then rebuilt.
FORMAT_VERSION = 2


@dataclass
class Plan:
    """One published post on its way to an episode."""

    post: Post
    segments: list[Segment]
    cues: list[Cue]
    audio_key: str
    number: int = 0
    action: str = "build"  # "build", "restore", "retag" or "keep"
    episode: Episode | None = None
    tags_key: str = ""
    staged: Path | None = None
    sha256: str = ""
    record: EpisodeRecord | None = None
    stored: tuple[Path, dict] | None = None  # encoded audio and timeline from the cache
    clips: list[Clip | None] | None = None  # synthesised before any episode is assembled
    failed: bool = False


def plan_posts(build: Build) -> list[Plan]:
    """Read, segment and script every published post; the plans in date order."""
    plans: list[Plan] = []
    slugs: dict[str, Path] = {}
    paths = find_posts(build.config.posts_dir)
    if not paths:
        raise PodcasterError(f"{build.config.posts_dir}: no posts to build (posts are "
                             f"{readable_extensions()} files, named YYYY-MM-DD-slug)")
    cache = PlanCache(build.config.cache_dir / PLAN_CACHE_NAME, context_key(build.script_settings))
    for path in paths:
        with build.per_post(path):
            post, segments, cues, attribution = read_and_script(build, cache, path)
            if post.draft:
                log.info("%s: draft, not published", path)
                continue
            if post.slug in slugs:
                raise PostError(path, f"slug {post.slug!r} is already used by "
                                      f"{slugs[post.slug]}")
            slugs[post.slug] = path
            art = episode_art_source(post)
            problems = build.artwork.problems(art) if art else []
            if problems:
                raise PostError(art, "; ".join(problems))
            build.warnings.extend(attribution)
            plans.append(Plan(post, segments, cues, audio_key(build, segments, cues)))
    cache.save()
    if not plans and not build.failed:
        raise PodcasterError(f"{build.config.posts_dir}: no published posts (all drafts)")
    plans.sort(key=lambda p: (p.post.date, p.post.slug))
    return plans


def read_and_script(build: Build, cache: PlanCache, path: Path):
    """The post at ``path`` with its segments, cues and attribution warnings (no segments
    for a draft): from the plan cache if the file is unchanged, else read, segmented and
    scripted (and cached)."""
    from podcaster.text.read import check_inside, read_post

    inside = (build.project_dir, build.config.posts_dir)
    try:
        check_inside(path, inside)  # as read_post does: a cached plan is no way around it
        found = cache.get(path, path.read_bytes())
    except (OSError, PostError):
        found = None  # read_post says what is wrong with the file
    if found is not None:
        return found
    from podcaster.text.script import build_script
    from podcaster.text.segment import analyse_post

    with cache.recording() as logged:
        post = read_post(path, inside=inside)
        if post.draft:
            return post, None, None, []
        segmentation = analyse_post(post)
        cues = build_script(post, segmentation.segments, build.script_settings)
    cache.put(path, post.raw, post, segmentation.segments, cues, logged,
              segmentation.warnings)
    return post, segmentation.segments, cues, segmentation.warnings


def kept_records(build: Build, manifest: Manifest, plans: list[Plan]) -> list[EpisodeRecord]:
    """Episodes of posts that failed to read (--keep-going): published as they were."""
    failed = {relative_path(f.path, build.project_dir) for f in build.failed}
    live = {p.post.slug for p in plans}
    return [r for r in manifest.episodes.values()
            if r.source in failed and r.slug not in live
            and output_intact(r, build.public_dir)]


def number_episodes(plans: list[Plan], kept: list[EpisodeRecord]) -> None:
    """Number the episodes 1..N in date order (kept episodes count, keeping theirs)."""
    entries: list[tuple[dt.date, str, Plan | None]] = [
        (p.post.date, p.post.slug, p) for p in plans
    ] + [(dt.date.fromisoformat(r.post["date"]), r.slug, None) for r in kept]
    for n, (_, _, plan) in enumerate(sorted(entries, key=lambda e: e[:2]), start=1):
        if plan is not None:
            plan.number = n


def decide(build: Build, plan: Plan, record: EpisodeRecord | None) -> None:
    """Keep, re-tag, restore or build: compare the plan's keys with the manifest's record,
    then look for its encoded audio in the cache."""
    plan.record = record
    plan.action = "build"
    if record is not None and record.audio_key == plan.audio_key:
        if output_intact(record, build.public_dir):
            decide_published(build, plan, record)
            return
        log.info("%s: missing or changed in public/", record.file)
    stored = build.store.get(plan.audio_key)
    if stored is not None:
        plan.action = "restore"
        plan.stored = stored


def decide_published(build: Build, plan: Plan, record: EpisodeRecord) -> None:
    """The audio in public/ is right: keep the episode, or re-tag it if its tags changed."""
    try:
        timeline = timeline_with_times(record.timeline, plan.cues, plan.segments)
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        log.warning("%s: unusable timeline in the build manifest (%s); rebuilding",
                    record.file, exc)
        return
    plan.episode = Episode(plan.post, plan.segments, plan.number,
                           build.public_dir / record.file, record.size, record.duration,
                           timeline)
    plan.tags_key = tags_key(build, episode_tags(build.config, plan.episode))
    plan.sha256 = record.sha256
    plan.action = "keep" if plan.tags_key == record.tags_key else "retag"



def audio_key(build: Build, segments: list[Segment], cues: list[Cue]) -> str:
    """Digest of everything the episode's sound and its timing depend on.

    What is said (the spoken text, by which voice, with which engine settings), which
    sounds play, the pauses, which segment each cue belongs to and the audio settings.
    Not what the author wrote nor the segments' titles and sources: changing those alone
    re-tags the episode and rewrites its transcripts, without encoding it again.
    """
    items = []
    for cue in cues:
        item: dict[str, Any] = {"kind": cue.kind, "segment": cue.segment,
                                "pause_after": cue.pause_after}
        if cue.is_sound:
            item["sound"] = build.digests(cue.sound)
        else:
            voice = build.concrete_voice(cue.kind)
            item["spoken"] = cue.spoken
            if voice not in build._voice_dicts:
                build._voice_dicts[voice] = dataclasses.asdict(voice)
            item["voice"] = build._voice_dicts[voice]
            item["clip"] = build.synth.key(cue.spoken, voice)
        items.append(item)
    return digest({
        "format": FORMAT_VERSION,
        "audio": build.audio_dict,
        "segments": len(segments),
        "cues": items,
    })


def tags_key(build: Build, tags: EpisodeTags) -> str:
    """Digest of the ID3 tags (files they embed, such as the cover, by content)."""
    return digest({"format": FORMAT_VERSION, "tags": _plain(build, tags)})


def _plain(build: Build, value: Any) -> Any:
    """``value`` as JSON data (as ``dataclasses.asdict`` would give it, without its copies),
    files by their digest."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(build, getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(build, v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(build, v) for v in value]
    if isinstance(value, Path):
        return build.digests(value) if value.is_file() else str(value)
    if isinstance(value, (bytes, bytearray)):
        return hashlib.sha256(value).hexdigest()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
