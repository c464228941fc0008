"""The build: read → segment → script → normalise → synthesise → assemble → tag → publish.

It is incremental and atomic, in three phases:

1. Plan. Every post is read, segmented and scripted before anything is written, so a bad post
   stops the build with ``public/`` untouched. Each post gets an ``audio_key`` (everything
   its MP3's sound depends on) and, once its episode is known, a ``tags_key`` (its ID3 tags);
   both are compared with the manifest (see ``podcaster.manifest``).
2. Produce. Every clip of the episodes whose audio changed is synthesised first (through
   the clip cache; this is where engine ``auto`` settles), then each is assembled and
   tagged in a staging folder under the cache, and its encoded audio kept in the cache.
   Episodes whose audio is in the cache but not in ``public/`` are tagged from there;
   episodes whose tags alone changed (a new episode number, a new cover) are re-tagged from
   a copy. Unchanged episodes are rebuilt from the manifest and left alone.
3. Commit. Staged MP3s are renamed into ``public/episodes/``, then the per-episode files
   (``write_episode_files``), the project-wide files (``publish``), the removal of episodes
   whose post is gone, and last the manifest. Every file goes to a temporary name and is
   renamed into place; a file whose content is unchanged is not written at all.

A build killed before the commit leaves ``public/`` as it was; the clips it synthesised stay
in the cache for the next build. A build killed during the commit leaves every file whole, and
the next build (whose manifest is still the old one) finishes the job.

Episode numbers follow the date order of the published posts (1..N), recomputed every build.
A post dated before existing episodes shifts the later numbers: those MP3s are re-tagged (no
synthesis, no encoding) and the feed updated. GUIDs never depend on the number.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import errno
import hashlib
import logging
import os
import shutil
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from podcaster.audio.settings import AudioSettings
from podcaster.cache import ClipCache
from podcaster.config import Config, load_config
from podcaster.errors import PodcasterError, PostError, UnexpectedError
from podcaster.feed import cover_name, publish_episode_art, render_feed
from podcaster.files import copy_atomic, write_atomic
from podcaster.lock import BuildLock
from podcaster.manifest import (
    AudioStore,
    EpisodeRecord,
    FileDigests,
    Manifest,
    digest,
    episode_from_record,
    episode_record,
    file_sha256,
    load_manifest,
    manifest_path,
    output_intact,
    relative_path,
    timeline_to_dict,
    timeline_with_times,
)
from podcaster.model import SPEECH_KINDS, Clip, Cue, Episode, Post, Segment, Voice
from podcaster.read import find_posts, read_post
from podcaster.script import ScriptSettings, build_script
from podcaster.segment import segment_post
from podcaster.site import write_site
from podcaster.synthesize import (
    AUTO,
    AUTO_FIRST,
    Synthesizer,
    SynthStats,
    request_settings,
    voice_resolver,
)
from podcaster.tag import EpisodeTags, episode_tags, write_episode_sidecars, write_tags

log = logging.getLogger(__name__)

# Bump when podcaster's output for the same inputs changes: every episode is then rebuilt.
FORMAT_VERSION = 1

LOCK_NAME = "build.lock"
STAGING_NAME = "staging"
AUDIO_STORE_NAME = "episodes"


class Progress:
    """Hooks the CLI implements to show progress; the default shows nothing."""

    def start(self, episodes: int, clips: int) -> None:
        """``episodes`` to produce (built or re-tagged), with ``clips`` speech clips in all."""

    def post(self, post: Post) -> None:
        """Work on ``post``'s episode begins."""

    def clips(self, n: int) -> None:
        """``n`` more clips are ready (synthesised or found in the cache)."""

    def step(self, post: Post, what: str) -> None:
        """A slow step of ``post``'s episode begins (``"encoding"``, ``"tagging"``)."""

    def post_done(self, post: Post) -> None:
        """``post``'s episode is ready (or failed, with --keep-going)."""


@dataclass
class Failure:
    """A post that could not be built (with --keep-going); the message names the file."""

    path: Path
    message: str


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

    @property
    def audio_seconds(self) -> float:
        return sum(e.duration for e in self.episodes)


def build_project(project_dir: Path | str, engine: str | None = None, jobs: int | None = None,
                  progress: Progress | None = None, keep_going: bool = False) -> BuildResult:
    """Build the project's posts into ``public/``, redoing only what changed.

    Raises a PodcasterError (PostError naming the file for a bad post) and leaves ``public/``
    unchanged, unless ``keep_going``: then the other posts are built and the bad ones are
    listed in ``BuildResult.failed``. Raises BuildLockedError if another build is running.
    """
    started = time.monotonic()
    overrides: dict[str, Any] = {}
    if engine:
        overrides["engine.name"] = engine
    if jobs is not None:
        overrides["engine.jobs"] = jobs
    config = load_config(project_dir, overrides)
    with BuildLock(config.cache_dir / LOCK_NAME):
        result = Build(config, engine, progress or Progress(), keep_going).run()
    result.seconds = time.monotonic() - started
    return result


@dataclass
class _Plan:
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


class Build:
    """One run of the build over a loaded config (the caller holds the lock)."""

    def __init__(self, config: Config, engine: str | None, progress: Progress,
                 keep_going: bool = False):
        self.config = config
        self.engine = engine
        self.progress = progress
        self.keep_going = keep_going
        self.failed: list[Failure] = []
        self.digests = FileDigests()
        self._voice_dicts: dict[Voice, dict] = {}
        self.synth = Synthesizer(ClipCache(config.cache_dir), jobs=config.engine.jobs,
                                 requests=request_settings(config))
        self._resolve_voice = voice_resolver(config, engine)
        self._voices: dict[str, Voice] = {}
        self._concrete: dict[tuple[str, str | None], Voice] = {}
        self.audio = AudioSettings.from_config(config)
        self.script_settings = ScriptSettings.from_config(config)
        self.project_dir = config.project_dir
        self.public_dir = config.public_dir
        self.episodes_dir = config.public_dir / "episodes"
        self.staging = config.cache_dir / STAGING_NAME
        self.store = AudioStore(config.cache_dir / AUDIO_STORE_NAME)

    def voice_for(self, kind: str) -> Voice:
        """The voice of a cue kind as podcast.toml and --engine set it (may be ``auto``)."""
        if kind not in self._voices:
            self._voices[kind] = self._resolve_voice(kind)
        return self._voices[kind]

    def concrete_voice(self, kind: str) -> Voice:
        """The voice that speaks a cue kind: ``auto`` is gTTS until it falls back."""
        key = (kind, self.synth.auto_engine)
        if key not in self._concrete:
            self._concrete[key] = self.synth.concrete(self.voice_for(kind), kind)
        return self._concrete[key]

    def engine_label(self, plans: list[_Plan]) -> str:
        """The engines that spoke, or for a build that made no audio, that would speak."""
        if self.synth.used:
            return self.synth.engine_summary
        kinds = {c.kind for p in plans for c in p.cues if not c.is_sound}
        return ", ".join(sorted({self.concrete_voice(k).engine for k in kinds})) or "none"

    # --- the three phases ---------------------------------------------------------------

    def run(self) -> BuildResult:
        try:
            return self._run()
        finally:
            shutil.rmtree(self.staging, ignore_errors=True)

    def _run(self) -> BuildResult:
        for kind in SPEECH_KINDS:  # a bad voice or engine is the config's error, not a post's
            self.concrete_voice(kind)
        manifest = load_manifest(manifest_path(self.public_dir))
        plans = self.plan_posts()
        kept = self.kept_records(manifest, plans)
        self.number(plans, kept)
        for plan in plans:
            self.decide(plan, manifest.episodes.get(plan.post.slug))

        todo = [p for p in plans if p.action != "keep"]
        self.progress.start(len(todo), sum(
            sum(1 for c in p.cues if not c.is_sound) for p in todo if p.action == "build"))
        shutil.rmtree(self.staging, ignore_errors=True)
        done: list[_Plan] = [p for p in plans if p.action == "keep"]
        self.synthesise([p for p in plans if p.action == "build"], manifest)
        for plan in todo:
            produced = False
            if not plan.failed and plan.action != "keep":
                with self.per_post(plan.post.path):
                    self.produce(plan)
                    produced = True
            if produced or plan.action == "keep":
                done.append(plan)
            elif plan.record and output_intact(plan.record, self.public_dir):
                kept.append(plan.record)  # a failed rebuild keeps the episode already built
            self.progress.post_done(plan.post)

        result = BuildResult(episodes=[], feed_path=self.public_dir / "feed.xml",
                             engine=self.engine_label(plans), stats=self.synth.stats,
                             engine_note=self.synth.note, failed=self.failed)
        if done or kept:
            done.sort(key=lambda p: (p.post.date, p.post.slug))
            result.episodes, result.removed = self.commit(done, kept, manifest)
        result.episodes.sort(key=lambda e: e.number)
        result.built = [p.post.slug for p in done if p.action == "build"]
        result.restored = [p.post.slug for p in done if p.action == "restore"]
        result.retagged = [p.post.slug for p in done if p.action == "retag"]
        result.unchanged = [p.post.slug for p in done if p.action == "keep"]
        return result

    def plan_posts(self) -> list[_Plan]:
        """Read, segment and script every published post; the plans in date order."""
        plans: list[_Plan] = []
        slugs: dict[str, Path] = {}
        paths = find_posts(self.config.posts_dir)
        if not paths:
            raise PodcasterError(f"{self.config.posts_dir}: no posts to build")
        for path in paths:
            with self.per_post(path):
                post = read_post(path)
                if post.draft:
                    log.info("%s: draft, not published", path)
                    continue
                if post.slug in slugs:
                    raise PostError(path, f"slug {post.slug!r} is already used by "
                                          f"{slugs[post.slug]}")
                slugs[post.slug] = path
                segments = segment_post(post)
                cues = build_script(post, segments, self.script_settings)
                plans.append(_Plan(post, segments, cues, self.audio_key(segments, cues)))
        if not plans and not self.failed:
            raise PodcasterError(f"{self.config.posts_dir}: no published posts (all drafts)")
        plans.sort(key=lambda p: (p.post.date, p.post.slug))
        return plans

    def kept_records(self, manifest: Manifest, plans: list[_Plan]) -> list[EpisodeRecord]:
        """Episodes of posts that failed to read (--keep-going): published as they were."""
        failed = {relative_path(f.path, self.project_dir) for f in self.failed}
        live = {p.post.slug for p in plans}
        return [r for r in manifest.episodes.values()
                if r.source in failed and r.slug not in live
                and output_intact(r, self.public_dir)]

    @staticmethod
    def number(plans: list[_Plan], kept: list[EpisodeRecord]) -> None:
        """Number the episodes 1..N in date order (kept episodes count, keeping theirs)."""
        entries: list[tuple[dt.date, str, _Plan | None]] = [
            (p.post.date, p.post.slug, p) for p in plans
        ] + [(dt.date.fromisoformat(r.post["date"]), r.slug, None) for r in kept]
        for n, (_, _, plan) in enumerate(sorted(entries, key=lambda e: e[:2]), start=1):
            if plan is not None:
                plan.number = n

    def decide(self, plan: _Plan, record: EpisodeRecord | None) -> None:
        """Keep, re-tag, restore or build: compare the plan's keys with the manifest's record,
        then look for its encoded audio in the cache."""
        plan.record = record
        plan.action = "build"
        if record is not None and record.audio_key == plan.audio_key:
            if output_intact(record, self.public_dir):
                self.decide_published(plan, record)
                return
            log.info("%s: missing or changed in public/", record.file)
        stored = self.store.get(plan.audio_key)
        if stored is not None:
            plan.action = "restore"
            plan.stored = stored

    def decide_published(self, plan: _Plan, record: EpisodeRecord) -> None:
        """The audio in public/ is right: keep the episode, or re-tag it if its tags changed."""
        try:
            timeline = timeline_with_times(record.timeline, plan.cues, plan.segments)
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            log.warning("%s: unusable timeline in the build manifest (%s); rebuilding",
                        record.file, exc)
            return
        plan.episode = Episode(plan.post, plan.segments, plan.number,
                               self.public_dir / record.file, record.size, record.duration,
                               timeline)
        plan.tags_key = self.tags_key(episode_tags(self.config, plan.episode))
        plan.sha256 = record.sha256
        plan.action = "keep" if plan.tags_key == record.tags_key else "retag"

    def synthesise(self, builds: list[_Plan], manifest: Manifest) -> None:
        """Make every clip of the episodes to build before any is assembled.

        This is where ``auto`` settles on an engine. If it falls back, the audio keys of
        the episodes to build change: each is looked up again (it may have been built with
        the fallback engine before).
        """
        if not builds:
            return
        if self.keep_going:  # one post at a time, so a failure is the post's alone
            for plan in builds:
                plan.failed = True
                with self.per_post(plan.post.path):
                    plan.clips = self.synth.run(plan.cues, self.voice_for, self.progress.clips)
                    plan.failed = False
        else:
            scripts = self.synth.run_all([p.cues for p in builds], self.voice_for,
                                         self.progress.clips)
            for plan, clips in zip(builds, scripts):
                plan.clips = clips
        if self.synth.auto_engine not in (None, AUTO_FIRST) and any(
                v.engine == AUTO for v in self._voices.values()):
            for plan in builds:
                if plan.failed:
                    continue
                plan.audio_key = self.audio_key(plan.segments, plan.cues)
                clips = plan.clips
                self.decide(plan, manifest.episodes.get(plan.post.slug))
                plan.clips = clips

    def produce(self, plan: _Plan) -> None:
        """Make the plan's MP3 in the staging folder (built, or re-tagged from a copy)."""
        post = plan.post
        self.progress.post(post)
        staged = self.staging / f"{post.slug}.mp3"
        staged.parent.mkdir(parents=True, exist_ok=True)
        final = self.episodes_dir / f"{post.slug}.mp3"
        if plan.action == "build":
            clips = plan.clips
            if clips is None:  # a damaged cache entry turned a restore into a build
                clips = self.synth.run(plan.cues, self.voice_for, self.progress.clips)
            self.progress.step(post, "encoding")
            timeline = assemble_episode(plan.cues, clips, plan.segments, staged, self.audio)
            self.store.put(plan.audio_key, staged, timeline_to_dict(timeline, self.project_dir))
            plan.episode = Episode(post, plan.segments, plan.number, final, 0,
                                   timeline.duration, timeline)
        elif plan.action == "restore":
            stored_mp3, stored_timeline = plan.stored
            try:
                timeline = timeline_with_times(stored_timeline, plan.cues, plan.segments)
            except (KeyError, IndexError, TypeError, ValueError):
                plan.action = "build"  # a damaged cache entry: make the audio again
                return self.produce(plan)
            shutil.copyfile(stored_mp3, staged)
            plan.episode = Episode(post, plan.segments, plan.number, final, 0,
                                   timeline.duration, timeline)
        else:
            shutil.copyfile(final, staged)
        self.progress.step(post, "tagging")
        tags = episode_tags(self.config, plan.episode)
        write_tags(staged, tags)
        plan.tags_key = self.tags_key(tags)
        plan.episode.size = staged.stat().st_size
        plan.sha256 = file_sha256(staged)
        plan.staged = staged

    def commit(self, done: list[_Plan], kept: list[EpisodeRecord],
               old: Manifest) -> tuple[list[Episode], list[str]]:
        """Put everything in place in public/; return the published episodes and removed slugs."""
        episodes = [p.episode for p in done]
        episodes += [episode_from_record(r, self.public_dir, self.project_dir) for r in kept]
        episodes.sort(key=lambda e: (e.post.date, e.post.slug))
        new = Manifest({r.slug: r for r in kept})
        with _deferred_interrupts():
            for plan in done:
                if plan.staged is not None:
                    install(plan.staged, plan.episode.audio_path)
            for episode in episodes:
                write_episode_files(self.config, episode)
            publish(self.config, episodes)
            for plan in done:
                new.episodes[plan.post.slug] = episode_record(
                    plan.episode, audio_key=plan.audio_key, tags_key=plan.tags_key,
                    sha256=plan.sha256, mtime_ns=plan.episode.audio_path.stat().st_mtime_ns,
                    public_dir=self.public_dir, project_dir=self.project_dir)
            removed = sorted(set(old.episodes) - set(new.episodes))
            for slug in removed:
                for path in episode_files(self.episodes_dir, slug, set(new.episodes)):
                    log.info("removing %s", path)
                    path.unlink(missing_ok=True)
            write_atomic(manifest_path(self.public_dir), new.to_bytes())
        # Audio no published episode uses is dropped from the cache (clips stay).
        self.store.prune({r.audio_key for r in new.episodes.values()})
        return episodes, removed

    # --- keys -------------------------------------------------------------------------

    def audio_key(self, segments: list[Segment], cues: list[Cue]) -> str:
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
                voice = self.concrete_voice(cue.kind)
                item["spoken"] = cue.spoken
                if voice not in self._voice_dicts:
                    self._voice_dicts[voice] = dataclasses.asdict(voice)
                item["voice"] = self._voice_dicts[voice]
                item["clip"] = self.synth.key(cue.spoken, voice)
            items.append(item)
        return digest({
            "format": FORMAT_VERSION,
            "audio": dataclasses.asdict(self.audio),
            "segments": len(segments),
            "cues": items,
        })

    def tags_key(self, tags: EpisodeTags) -> str:
        """Digest of the ID3 tags (files they embed, such as the cover, by content)."""
        return digest({"format": FORMAT_VERSION, "tags": self._plain(dataclasses.asdict(tags))})

    def _plain(self, value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): self._plain(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [self._plain(v) for v in value]
        if isinstance(value, Path):
            return self.digests(value) if value.is_file() else str(value)
        if isinstance(value, (bytes, bytearray)):
            return hashlib.sha256(value).hexdigest()
        if value is None or isinstance(value, (str, int, float, bool)):
            return value
        return str(value)

    # --- failures -----------------------------------------------------------------------

    @contextlib.contextmanager
    def per_post(self, path: Path):
        """Attribute an error to the post at ``path``; with --keep-going, note it and go on."""
        try:
            yield
        except PodcasterError as exc:
            if str(path) not in exc.message:
                exc.message = f"{path}: {exc.message}"
            if not self.keep_going:
                raise
            log.debug("%s failed", path, exc_info=True)
            self.failed.append(Failure(Path(path), exc.message))
        except Exception as exc:
            if not self.keep_going:
                raise UnexpectedError(Path(path), exc) from exc
            log.debug("%s failed", path, exc_info=True)
            self.failed.append(Failure(Path(path), str(UnexpectedError(Path(path), exc))))


def assemble_episode(cues: list[Cue], clips: list[Clip | None], segments: list[Segment],
                     out_path: Path, settings: AudioSettings):
    """``podcaster.assemble.assemble_episode``, imported when an episode is first assembled:
    a build with nothing to assemble does not load the audio libraries."""
    from podcaster.assemble import assemble_episode as assemble

    return assemble(cues, clips, segments, out_path, settings)


def write_episode_files(config: Config, episode: Episode) -> None:
    """Write the per-episode files beside the MP3 (``public/episodes/<slug>.*``).

    Called at commit for every published episode, built or unchanged, after its MP3 is in
    place. Writers use ``write_atomic``, which leaves files whose content is unchanged alone.
    Every file must be named ``<slug>.<ext>`` so removing the post removes it.
    """
    write_episode_sidecars(config, episode)


def publish(config: Config, episodes: list[Episode]) -> None:
    """Write the project-wide files, each only if its content changed: the show's cover,
    episode artwork, the feed and the web pages."""
    copy_atomic(Path(config.show.cover), config.public_dir / cover_name(config))
    publish_episode_art(config, episodes)
    write_atomic(config.public_dir / "feed.xml", render_feed(config, episodes))
    write_site(config, episodes)


def install(staged: Path, dest: Path) -> bool:
    """Rename ``staged`` onto ``dest`` unless ``dest`` already holds the same bytes.

    True if ``dest`` was replaced. Falls back to an atomic copy across file systems.
    """
    if dest.is_file() and dest.stat().st_size == staged.stat().st_size \
            and file_sha256(dest) == file_sha256(staged):
        staged.unlink()
        return False
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.replace(staged, dest)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        copy_atomic(staged, dest)
        staged.unlink()
    return True


def episode_files(episodes_dir: Path, slug: str, live: set[str]) -> list[Path]:
    """The files of ``episodes_dir`` that belong to ``slug`` (``<slug>.<ext>``).

    A file that belongs to a longer live slug (``a.b.mp3`` when ``a.b`` is live and ``a`` is
    not) is not ``slug``'s.
    """
    if not episodes_dir.is_dir():
        return []
    prefix = slug + "."
    others = [s + "." for s in live if s.startswith(prefix)]
    return sorted(
        p for p in episodes_dir.iterdir()
        if p.is_file() and p.name.startswith(prefix)
        and not any(p.name.startswith(o) for o in others)
    )


@contextlib.contextmanager
def _deferred_interrupts():
    """Hold SIGINT/SIGTERM back while public/ is being updated, then act on them."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    sigs = [signal.SIGINT, signal.SIGTERM]
    previous = {s: signal.signal(s, lambda signum, frame: received.append(signum))
                for s in sigs}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        if signal.SIGTERM in received:
            os.kill(os.getpid(), signal.SIGTERM)
        if received:
            raise KeyboardInterrupt
