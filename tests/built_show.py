"""A podcast project made by `podcaster init` and built with eSpeak NG, shared by tests.

Made once per test session, as a user would: ``podcaster init DIR``, ``podcaster build DIR
--engine espeak`` (the scaffold alone), then a second post is added and the project is built
again through the library, whose result (episodes with their timelines) tests compare with.
"""

from __future__ import annotations

import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from podcaster.build import BuildResult, build_project
from podcaster.cli import main
from podcaster.config import load_config

SECOND_POST = """\
비 오는 날의 짧은 AI 소식
안녕하세요, 비가 내리는 저녁입니다.
오늘은 짧게 인사만 드리고 다음 주에 더 많은 소식으로 찾아오겠습니다.
이상 오늘의 짧은 소식이었습니다. 우산 꼭 챙기세요.
"""


@dataclass
class BuiltShow:
    project: Path
    public: Path
    config: object
    init_output: str
    build_output: str
    first_build: dict[str, int]  # public/ after the CLI build of the scaffold: path -> size
    result: BuildResult

    def episode(self, slug: str):
        return next(e for e in self.result.episodes if e.post.slug == slug)


_built: dict[str, BuiltShow] = {}
_lock = threading.Lock()


def built_show(tmp_path_factory) -> BuiltShow:
    """The session's built show (made on first use)."""
    with _lock:
        if "show" not in _built:
            _built["show"] = _build(tmp_path_factory.mktemp("show") / "my-show")
        return _built["show"]


def _build(project: Path) -> BuiltShow:
    runner = CliRunner()
    init = runner.invoke(main, ["init", str(project), "--title", "테스트 <방송> & 소식",
                                "--author", "시험 진행자"], catch_exceptions=False)
    assert init.exit_code == 0, init.output
    build = runner.invoke(main, ["build", str(project), "--engine", "espeak"],
                          catch_exceptions=False)
    assert build.exit_code == 0, build.output
    public = project / "public"
    first_build = {str(p.relative_to(public)): p.stat().st_size
                   for p in sorted(public.rglob("*")) if p.is_file()}
    (project / "posts" / "2025-01-15-rainy-day.txt").write_text(SECOND_POST, encoding="utf-8")
    result = build_project(project, engine="espeak")
    return BuiltShow(project, public, load_config(project), init.output, build.output,
                     first_build, result)


def copy_public(show: BuiltShow, dest: Path) -> Path:
    """A copy of the show's public/ that a test may change."""
    return Path(shutil.copytree(show.public, dest / "public"))
