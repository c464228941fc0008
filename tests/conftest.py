"""Shared fixtures: the demo project copied to a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo"
SEED = ROOT.parent / "shared" / "samples" / "seed-post.txt"


@pytest.fixture
def demo_project(tmp_path: Path) -> Path:
    """A fresh copy of examples/demo (without any built output)."""
    dest = tmp_path / "demo"
    shutil.copytree(DEMO, dest, ignore=shutil.ignore_patterns("public", ".podcaster-cache"))
    return dest


@pytest.fixture(scope="session")
def built_demo(tmp_path_factory) -> Path:
    """examples/demo built once per test session with eSpeak NG (about 10-30 s).

    Shared by several test modules: treat it as read-only and copy it before changing it.
    """
    from click.testing import CliRunner

    from podcaster.cli import main

    project = tmp_path_factory.mktemp("built") / "demo"
    shutil.copytree(DEMO, project, ignore=shutil.ignore_patterns("public", ".podcaster-cache"))
    result = CliRunner().invoke(main, ["-q", "build", str(project), "--engine", "espeak"])
    assert result.exit_code == 0, result.output
    return project
