"""Shared fixtures: the demo project copied to a temporary folder, the sample posts, and
the rule for tests whose tools or files are missing: skip, but fail under CI."""

from __future__ import annotations

import logging
import os
import shutil
import signal
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.helpers import DEMO, ROOT, in_ci, require_or_skip  # noqa: F401 (used by fixtures)

# Property tests: a quick profile by default, thousands of examples per property with
# PODCASTER_HYPOTHESIS=long.
settings.register_profile("fast", max_examples=40, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("PODCASTER_HYPOTHESIS", "fast"))

# A test run started in the background by a script (``cmd &`` without job control, nohup)
# inherits SIGINT ignored, and so would every build the tests start: the Ctrl-C tests need
# builds that SIGINT reaches, as it reaches a build in a terminal.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)



@pytest.fixture(autouse=True)
def _root_log_level():
    """Each test starts at the root logger's level of the one before: a command's -v that
    stops on a usage error sets DEBUG and never closes the context that would restore it."""
    root = logging.getLogger()
    level = root.level
    yield
    root.setLevel(level)


SEED = next(  # shared/ sits beside the checkout (or further up, for a nested worktree)
    (p / "shared" / "samples" / "seed-post.txt" for p in ROOT.parents
     if (p / "shared" / "samples" / "seed-post.txt").is_file()),
    ROOT.parent / "shared" / "samples" / "seed-post.txt",
)


@dataclass(frozen=True)
class SamplePost:
    """A post in the structure of a real one: greeting, three articles of two quoted
    paragraphs, commentary, sign-off and three sources; figures of every kind."""

    name: str  # the file name to read it as (date and slug)
    path: Path
    outlets: tuple[str, ...]
    readings: tuple[str, ...]  # how some of its figures must be read aloud
    quote_end: str  # the end of a quote, inside one sentence


SAMPLE_POSTS = {
    "own": SamplePost(
        "2024-10-08-battery-telescope-voice.txt",
        ROOT / "tests" / "posts" / "2024-10-08-battery-telescope-voice.txt",
        ("한빛일보", "TECH WEEKLY", "SKY NEWS KOREA"),
        ("사백십이억 삼천만 달러", "팔억 이천사백만 달러", "이천사백오십 건", "삼억 칠천만 달러",
         "사십일 점 육 퍼센트", "이천십구 년부터", "이천십육 년부터 이천이십사 년까지"),
        "41.6%를 가져갔다.”"),
    "own-drone": SamplePost(
        "2025-09-22-drone-rice-chips.txt",
        ROOT / "tests" / "reference" / "2025-09-22-drone-rice-chips.txt",
        ("들녘신문", "CHIP TODAY", "WORLD TECH NEWS"),
        ("만 이천삼백팔십 대", "이십칠 점 사 퍼센트", "삼천백이십 대, 이십오 점 이 퍼센트",
         "일억 오천만 원", "십이만 개", "이천십팔 년부터 이천이십오 년까지", "이천이십일 년부터"),
        "27.4%까지 넓어졌다.”"),
    "seed": SamplePost(
        "2025-10-06-ai-news.txt", SEED, ("SBS 뉴스", "ZDNET KOREA", "BBC NEWS"),
        ("삼백이억 오천만 달러", "육억 칠천백만 달러", "천백삼십 건", "이억 오천만 달러",
         "오십이 점 구 퍼센트", "이천십오 년부터"),
        "52.9%를 차지했다.”"),
}


def sample(key: str) -> SamplePost:
    """The sample post ``key``, or a skip (a failure in CI) if its file is missing."""
    post = SAMPLE_POSTS[key]
    if not post.path.is_file():
        require_or_skip(f"{key} post not found at {post.path} (the seed post is in "
                        "shared/samples/ beside the checkout)")
    return post


# The project's own posts are always there; the seed post beside the checkout is read too
# where it is (a plain clone has none: it is left out, not skipped).
SAMPLE_KEYS = [key for key, post in SAMPLE_POSTS.items()
               if key != "seed" or post.path.is_file()]


@pytest.fixture(params=SAMPLE_KEYS)
def sample_post(request) -> SamplePost:
    """Each sample post: our own two, and the seed post where it is beside the checkout."""
    return sample(request.param)


# A test that needs one of these has a whole podcast built for it: slow. Such tests, and
# those that run podcaster in another process, are marked ``slow``; the mutation runs
# (scripts/mutants) use the others.
BUILT_FIXTURES = {"built_demo", "two_builds"}


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        if BUILT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def demo_project(tmp_path: Path) -> Path:
    """A fresh copy of examples/demo (without any built output)."""
    dest = tmp_path / "demo"
    shutil.copytree(DEMO, dest, ignore=shutil.ignore_patterns("public", ".podcaster-cache"))
    return dest


@pytest.fixture(scope="session")
def built_demo(tmp_path_factory):
    """The demo built once per test run with the offline engine: (project dir, BuildResult).

    Shared by many tests: treat it as read-only (copy it before changing anything).
    """
    from podcaster.build import build_project

    project = tmp_path_factory.mktemp("built") / "demo"
    shutil.copytree(DEMO, project, ignore=shutil.ignore_patterns("public", ".podcaster-cache"))
    result = build_project(project, engine="espeak")
    return project, result


@pytest.fixture(scope="session")
def distributions(tmp_path_factory) -> Path:
    """The sdist and wheel of this checkout, built once per test run with ``python -m build``
    (the sdist first, then the wheel from the unpacked sdist, as the release workflow does)."""
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out
