"""The built demo show (conftest's ``built_demo``) with the handles the site tests need."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from podcaster.build import BuildResult
from podcaster.config import Config, load_config
from podcaster.model import Episode


@dataclass
class BuiltShow:
    project: Path
    config: Config
    result: BuildResult

    @property
    def public(self) -> Path:
        return self.config.public_dir

    def episode(self, slug: str) -> Episode:
        return next(e for e in self.result.episodes if e.post.slug == slug)

    def richest(self) -> Episode:
        """The episode with the most chapters (articles among them)."""
        return max(self.result.episodes,
                   key=lambda e: (len(e.timeline.segments), e.post.slug))


def built_show(built_demo: tuple[Path, BuildResult]) -> BuiltShow:
    project, result = built_demo
    return BuiltShow(project, load_config(project), result)
