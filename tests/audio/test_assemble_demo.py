"""The demo podcast built offline, twice, from scratch: same bytes, broadcast loudness."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from podcaster import ffmpeg
from tests.helpers import DEMO


def fresh_demo(folder: Path) -> Path:
    """A copy of the demo project with nothing built or cached."""
    project = folder / "demo"
    shutil.copytree(DEMO, project, ignore=shutil.ignore_patterns("public", ".podcaster-cache"))
    return project


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> list[list[Path]]:
    """The demo built by the command line in two fresh folders, one process each (as a
    user or CI would). Returns each build's episode MP3s."""
    builds = []
    for name in ("first", "second"):
        project = fresh_demo(tmp_path_factory.mktemp(name))
        subprocess.run([sys.executable, "-m", "podcaster", "-q", "build", str(project),
                        "--engine", "espeak"], check=True, capture_output=True)
        builds.append(sorted((project / "public" / "episodes").glob("*.mp3")))
    return builds


def digests(mp3s: list[Path]) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in mp3s}


def test_two_clean_builds_give_identical_mp3s(two_builds):
    first, second = two_builds
    assert len(first) == 3
    assert digests(first) == digests(second)


def test_every_demo_episode_meets_the_loudness_target(two_builds):
    for mp3 in two_builds[0]:
        measured = ffmpeg.measure_loudness(mp3)
        assert measured.integrated == pytest.approx(-16.0, abs=0.5), mp3.name
        assert measured.true_peak <= -1.0, mp3.name
