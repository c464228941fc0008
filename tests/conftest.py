"""Shared fixtures: the demo project copied to a temporary folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests: a quick profile by default, thousands of examples per property with
# PODCASTER_HYPOTHESIS=long.
settings.register_profile("fast", max_examples=40, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("PODCASTER_HYPOTHESIS", "fast"))

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo"
SEED = next(  # shared/ sits beside the checkout (or further up, for a nested worktree)
    (p / "shared" / "samples" / "seed-post.txt" for p in ROOT.parents
     if (p / "shared" / "samples" / "seed-post.txt").is_file()),
    ROOT.parent / "shared" / "samples" / "seed-post.txt",
)


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
