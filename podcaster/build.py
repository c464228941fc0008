"""The build: read → segment → script → normalise → synthesise → assemble → tag → publish."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from podcaster.assemble import AudioSettings, assemble_episode
from podcaster.cache import ClipCache
from podcaster.config import Config, load_config
from podcaster.errors import PodcasterError
from podcaster.feed import cover_name, publish_episode_art, render_feed
from podcaster.files import copy_atomic, write_atomic
from podcaster.model import Episode, Post
from podcaster.read import read_post
from podcaster.script import ScriptSettings, build_script
from podcaster.segment import segment_post
from podcaster.site import write_site
from podcaster.synthesize import Synthesizer, SynthStats
from podcaster.tag import episode_tags, write_episode_sidecars, write_tags

log = logging.getLogger(__name__)


class Progress:
    """Hooks the CLI implements to show progress; the default shows nothing."""

    def start(self, total_clips: int, total_posts: int) -> None: ...

    def post(self, post: Post) -> None: ...

    def clips(self, n: int) -> None: ...


@dataclass
class BuildResult:
    episodes: list[Episode]
    feed_path: Path
    engine: str
    stats: SynthStats = field(default_factory=SynthStats)
    seconds: float = 0.0

    @property
    def audio_seconds(self) -> float:
        return sum(e.duration for e in self.episodes)


def build_project(project_dir: Path | str, engine: str | None = None, jobs: int | None = None,
                  progress: Progress | None = None) -> BuildResult:
    """Build every post of the project into ``public/``. Returns what was built."""
    started = time.monotonic()
    progress = progress or Progress()
    overrides = {}
    if engine:
        overrides["engine.name"] = engine
    if jobs is not None:
        overrides["engine.jobs"] = jobs
    config = load_config(project_dir, overrides)
    engine_name = config.engine.name
    if engine_name == "auto":
        engine_name = "gtts"

    # Read and segment every post before anything is written: a bad post stops the build
    # with public/ untouched.
    posts = [read_post(path) for path in find_posts(config.posts_dir)]
    posts = [p for p in posts if not p.draft]
    if not posts:
        raise PodcasterError(f"{config.posts_dir}: no posts to build")
    posts.sort(key=lambda p: (p.date, p.slug))
    _check_unique_slugs(posts)
    segmented = [(post, segment_post(post)) for post in posts]

    settings = ScriptSettings.from_config(config)
    scripts = [build_script(post, segs, settings) for post, segs in segmented]
    progress.start(sum(sum(1 for c in s if not c.is_sound) for s in scripts), len(posts))

    synth = Synthesizer(ClipCache(config.cache_dir), jobs=config.engine.jobs)
    audio = AudioSettings.from_config(config)
    episodes_dir = config.public_dir / "episodes"
    episodes: list[Episode] = []
    for number, ((post, segments), cues) in enumerate(zip(segmented, scripts), start=1):
        progress.post(post)
        clips = synth.run(cues, lambda kind: config.voice_for(kind, engine), progress.clips)
        mp3 = episodes_dir / f"{post.slug}.mp3"
        timeline = assemble_episode(cues, clips, segments, mp3, audio)
        episode = Episode(post, segments, number, mp3, 0, timeline.duration, timeline)
        write_tags(mp3, episode_tags(config, episode))
        episode.size = mp3.stat().st_size
        write_episode_sidecars(config, episode)
        episodes.append(episode)

    publish(config, episodes)
    return BuildResult(episodes, config.public_dir / "feed.xml", engine_name, synth.stats,
                       time.monotonic() - started)


def publish(config: Config, episodes: list[Episode]) -> None:
    """Write the feed, the show's cover and episode artwork and the web pages into public/."""
    copy_atomic(Path(config.show.cover), config.public_dir / cover_name(config))
    publish_episode_art(config, episodes)
    write_atomic(config.public_dir / "feed.xml", render_feed(config, episodes))
    write_site(config, episodes)


POST_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


def find_posts(posts_dir: Path) -> list[Path]:
    """The post files of a project, in name order (hidden files ignored)."""
    if not posts_dir.is_dir():
        raise PodcasterError(f"{posts_dir}: posts folder not found")
    return sorted(p for p in posts_dir.iterdir()
                  if p.is_file() and not p.name.startswith(".")
                  and p.suffix.lower() in POST_SUFFIXES)


def _check_unique_slugs(posts: list[Post]) -> None:
    seen: dict[str, Path] = {}
    for post in posts:
        if post.slug in seen:
            raise PodcasterError(
                f"{post.path}: slug {post.slug!r} is already used by {seen[post.slug]}"
            )
        seen[post.slug] = post.path
