"""Plan: every post read, segmented and scripted, its keys compared with the manifest.

Nothing is written. Each post gets an ``audio_key`` (everything its MP3's sound depends on)
and, once its episode is known, a ``tags_key`` (its ID3 tags); comparing them with the
manifest decides what the post needs (an ``Action``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from podcaster.build.manifest import (
    AudioStore,
    EpisodeRecord,
    FileDigests,
    Manifest,
    digest,
    output_intact,
    relative_path,
    timeline_with_times,
)
from podcaster.build.parts import Failure, Failures, Voices
from podcaster.build.plancache import CACHE_NAME as PLAN_CACHE_NAME
from podcaster.build.plancache import PlanCache, context_key
from podcaster.errors import PodcasterError, PostError
from podcaster.model import Clip, Cue, Episode, Post, Segment, Voice
from podcaster.publish.layout import episode_art_source
from podcaster.publish.metadata import EpisodeTags, episode_tags
from podcaster.text import read as post_reader
from podcaster.text.read import check_inside, find_posts, readable_extensions

if TYPE_CHECKING:  # the attribution code loads the normaliser; a no-op build needs neither
    from podcaster.config import Config
    from podcaster.publish.artwork import CheckedArtwork
    from podcaster.text.attribution import AttributionWarning
    from podcaster.text.script import ScriptSettings

log = logging.getLogger(__name__)

# Bump when podcaster's output for the same inputs changes: every episode is then rebuilt.
FORMAT_VERSION = 3  # 3: an outro after a closing sting follows it instead of overlapping


class Action(enum.Enum):
    """What a post's episode needs this build."""

    BUILD = "build"  # synthesise, assemble, encode and tag
    RESTORE = "restore"  # its encoded audio is in the cache: tag it from there
    RETAG = "retag"  # the MP3 in public/ is right but for its tags
    KEEP = "keep"  # the episode in public/ is right


@dataclass
class Plan:
    """One published post on its way to an episode."""

    post: Post
    segments: list[Segment]
    cues: list[Cue]
    audio_key: str
    number: int = 0
    action: Action = Action.BUILD
    episode: Episode | None = None
    tags_key: str = ""
    staged: Path | None = None
    sha256: str = ""
    record: EpisodeRecord | None = None
    stored: tuple[Path, dict] | None = None  # encoded audio and timeline from the cache
    clips: list[Clip | None] | None = None  # synthesised before any episode is assembled
    failed: bool = False


class Keys:
    """The digests a plan is compared with the manifest by: ``audio`` (everything the MP3's
    sound depends on) and ``tags`` (its ID3 tags)."""

    def __init__(self, audio: dict, digests: FileDigests, voices: Voices,
                 clip_key: Callable[[str, Voice, str], str]):
        self.audio_settings = audio  # the audio settings as JSON data
        self.digests = digests
        self.voices = voices
        self.clip_key = clip_key

    def audio(self, segments: list[Segment], cues: list[Cue]) -> str:
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
                item["sound"] = self.digests(cue.sound)
            else:
                voice = self.voices.concrete(cue.kind, cue.language)
                item["spoken"] = cue.spoken
                item["voice"] = self.voices.plain(voice)
                item["clip"] = self.clip_key(cue.spoken, voice, cue.language)
            items.append(item)
        return digest({
            "format": FORMAT_VERSION,
            "audio": self.audio_settings,
            "segments": len(segments),
            "cues": items,
        })

    def tags(self, tags: EpisodeTags) -> str:
        """Digest of the ID3 tags (files they embed, such as the cover, by content)."""
        return digest({"format": FORMAT_VERSION, "tags": _plain(self.digests, tags)})


def plan_posts(config: Config, settings: ScriptSettings, keys: Keys, artwork: CheckedArtwork,
               failures: Failures) -> tuple[list[Plan], list[AttributionWarning]]:
    """Read, segment and script every published post: the plans in date order, and the
    quotes without a clear source. A post that fails goes to ``failures``."""
    plans: list[Plan] = []
    warnings: list[AttributionWarning] = []
    slugs: dict[str, Path] = {}
    paths = find_posts(config.posts_dir)
    if not paths:
        raise PodcasterError(f"{config.posts_dir}: no posts to build (posts are "
                             f"{readable_extensions()} files, named YYYY-MM-DD-slug)")
    cache = plan_cache(config, settings)
    for path in paths:
        with failures.per_post(path):
            post, segments, cues, attribution = read_and_script(config, settings, cache, path)
            if post.draft:
                log.info("%s: draft, not published", path)
                continue
            if post.slug in slugs:
                raise PostError(path, f"slug {post.slug!r} is already used by "
                                      f"{slugs[post.slug]}")
            slugs[post.slug] = path
            art = episode_art_source(post)
            problems = artwork.problems(art) if art else []
            if problems:
                raise PostError(art, "; ".join(problems))
            warnings.extend(attribution)
            plans.append(Plan(post, segments, cues, keys.audio(segments, cues)))
    cache.save()
    if not plans and not failures.failed:
        raise PodcasterError(f"{config.posts_dir}: no published posts (all drafts)")
    plans.sort(key=lambda p: (p.post.date, p.post.slug))
    return plans, warnings


def plan_cache(config: Config, settings: ScriptSettings) -> PlanCache:
    """The project's plan cache for these script settings."""
    return PlanCache(config.cache_dir / PLAN_CACHE_NAME, context_key(settings))


def read_and_script(config: Config, settings: ScriptSettings, cache: PlanCache, path: Path,
                    drafts: bool = False):
    """The post at ``path`` with its segments, cues and attribution warnings: from the plan
    cache if the file is unchanged, else read, segmented and scripted (and cached). A draft
    has no segments nor cues, unless ``drafts`` (then it is scripted, not cached)."""
    inside = (config.project_dir, config.posts_dir)
    try:
        check_inside(path, inside)  # as read_post does: a cached plan is no way around it
        found = cache.get(path, path.read_bytes())
    except (OSError, PostError):
        found = None  # read_post says what is wrong with the file
    if found is not None:
        return found
    # lazily: with every post in the plan cache, the text stages stay unloaded
    from podcaster.text.script import build_script
    from podcaster.text.segment import analyse_post

    with cache.recording() as logged:
        post = post_reader.read_post(path, inside=inside)
        if post.draft and not drafts:
            return post, None, None, []
        segmentation = analyse_post(post)
        cues = build_script(post, segmentation.segments, settings)
    if post.draft:
        return post, segmentation.segments, cues, segmentation.warnings
    cache.put(path, post.raw, post, segmentation.segments, cues, logged,
              segmentation.warnings)
    return post, segmentation.segments, cues, segmentation.warnings


def kept_records(config: Config, manifest: Manifest, plans: list[Plan],
                 failed: list[Failure]) -> list[EpisodeRecord]:
    """Episodes of posts that failed to read (--keep-going): published as they were."""
    sources = {relative_path(f.path, config.project_dir) for f in failed}
    live = {p.post.slug for p in plans}
    return [r for r in manifest.episodes.values()
            if r.source in sources and r.slug not in live
            and output_intact(r, config.public_dir)]


def number_episodes(plans: list[Plan], kept: list[EpisodeRecord]) -> None:
    """Number the episodes 1..N in date order (kept episodes count, keeping theirs)."""
    entries: list[tuple[dt.date, str, Plan | None]] = [
        (p.post.date, p.post.slug, p) for p in plans
    ] + [(dt.date.fromisoformat(r.post["date"]), r.slug, None) for r in kept]
    for n, (_, _, plan) in enumerate(sorted(entries, key=lambda e: e[:2]), start=1):
        if plan is not None:
            plan.number = n


def decide(config: Config, keys: Keys, store: AudioStore, plan: Plan,
           record: EpisodeRecord | None) -> None:
    """Keep, re-tag, restore or build: compare the plan's keys with the manifest's record,
    then look for its encoded audio in the cache (``store``)."""
    plan.record = record
    plan.action = Action.BUILD
    if record is not None and record.audio_key == plan.audio_key:
        if output_intact(record, config.public_dir):
            decide_published(config, keys, plan, record)
            return
        log.info("%s: missing or changed in public/", record.file)
    stored = store.get(plan.audio_key)
    if stored is not None:
        plan.action = Action.RESTORE
        plan.stored = stored


def decide_published(config: Config, keys: Keys, plan: Plan, record: EpisodeRecord) -> None:
    """The audio in public/ is right: keep the episode, or re-tag it if its tags changed."""
    try:
        timeline = timeline_with_times(record.timeline, plan.cues, plan.segments)
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        log.warning("%s: unusable timeline in the build manifest (%s); rebuilding",
                    record.file, exc)
        return
    plan.episode = Episode(plan.post, plan.segments, plan.number,
                           config.public_dir / record.file, record.size, record.duration,
                           timeline)
    plan.tags_key = keys.tags(episode_tags(config, plan.episode))
    plan.sha256 = record.sha256
    plan.action = Action.KEEP if plan.tags_key == record.tags_key else Action.RETAG


def _plain(digests: FileDigests, value: Any) -> Any:
    """``value`` as JSON data (as ``dataclasses.asdict`` would give it, without its copies),
    files by their digest."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(digests, getattr(value, f.name))
                for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(digests, v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(digests, v) for v in value]
    if isinstance(value, Path):
        return digests(value) if value.is_file() else str(value)
    if isinstance(value, (bytes, bytearray)):
        return hashlib.sha256(value).hexdigest()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
