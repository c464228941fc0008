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
