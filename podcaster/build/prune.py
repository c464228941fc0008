"""``podcaster cache prune``: the clips the project's posts still use, found through the
build's own plan (the plan cache, the same checks on every post file), and the rest removed
while holding the build lock, so that no running build loses a clip it is about to use."""

from __future__ import annotations

from podcaster.build.lock import LOCK_NAME, BuildLock
from podcaster.build.plan import plan_cache, read_and_script
from podcaster.config import Config
from podcaster.speech.cache import ClipCache, PruneResult
from podcaster.speech.synthesize import Synthesizer
from podcaster.speech.voices import Voices
from podcaster.text.read import find_posts
from podcaster.text.script import ScriptSettings


def planned_keys(config: Config, engine: str | None = None) -> set[str]:
    """Every clip key the project's current posts (drafts too) would use, as the build plans
    them, without synthesising. Raises PostError for a bad post."""
    settings = ScriptSettings.from_config(config)
    cache = plan_cache(config, settings)
    scripts = []
    for path in find_posts(config.posts_dir):
        _post, _segments, cues, _warnings = read_and_script(config, settings, cache, path,
                                                           drafts=True)
        scripts.append(cues)
    return Synthesizer(ClipCache(config.cache_dir)).keys(scripts, Voices.from_config(config, engine))


def prune_clips(config: Config, engine: str | None = None,
                dry_run: bool = False) -> PruneResult:
    """Remove the clips no current post uses (``dry_run``: only count them). Raises
    BuildLockedError, removing nothing, while a build of the project runs."""
    cache = ClipCache(config.cache_dir)
    if dry_run:
        return cache.prune(planned_keys(config, engine), dry_run=True)
    with BuildLock(config.cache_dir / LOCK_NAME, retry="prune again"):
        return cache.prune(planned_keys(config, engine))
