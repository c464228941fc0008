"""Packaging and the release workflow: `python -m build` makes a publishable sdist and wheel
of podcaster-ko, and .github/workflows/release.yml publishes a version tag safely."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import yaml

from podcaster import __version__
from podcaster.init import DISTRIBUTION
from tests.helpers import ROOT, SHA_PINNED, described, schema_problems, steps, zizmor_findings

RELEASE = ROOT / ".github" / "workflows" / "release.yml"
SCAFFOLD_WORKFLOW = ROOT / "podcaster" / "scaffold" / "publish.yml"


def wheel_of(dist: Path) -> Path:
    return next(dist.glob("podcaster_ko-*.whl"))


def test_build_makes_an_sdist_and_a_wheel_that_twine_accepts(distributions):
    files = sorted(p.name for p in distributions.iterdir())
    assert files == [f"podcaster_ko-{__version__}-py3-none-any.whl",
                     f"podcaster_ko-{__version__}.tar.gz"]
    result = subprocess.run([sys.executable, "-m", "twine", "check", "--strict",
                             *map(str, sorted(distributions.iterdir()))],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASSED") == 2


def test_wheel_holds_the_package_data_and_the_command(distributions):
    with zipfile.ZipFile(wheel_of(distributions)) as wheel:
        names = set(wheel.namelist())
        info = f"podcaster_ko-{__version__}.dist-info"
        metadata = Parser().parsestr(wheel.read(f"{info}/METADATA").decode())
        entry_points = wheel.read(f"{info}/entry_points.txt").decode()
    assert metadata["Name"] == DISTRIBUTION and metadata["Version"] == __version__
    assert metadata["Description-Content-Type"] == "text/markdown"
    assert "podcaster = podcaster.cli:main" in entry_points
    for scaffold in ("publish.yml", "requirements.txt", "gitignore", "sample-post.txt"):
        assert f"podcaster/scaffold/{scaffold}" in names
    for sound in ("intro.mp3", "sting.mp3", "outro.mp3", "cover.png"):
        assert f"podcaster/_audio/{sound}" in names
    for template in ("base.html", "episode.html", "index.html", "subscribe.html"):
        assert f"podcaster/publish/templates/{template}" in names
    assert {"podcaster/publish/static/site.css", "podcaster/publish/static/player.js"} <= names
    assert not any(n.startswith(("tests/", "examples/")) for n in names)


def test_sdist_builds_the_same_package(distributions):
    with tarfile.open(next(distributions.glob("*.tar.gz"))) as sdist:
        names = {n.split("/", 1)[1] for n in sdist.getnames() if "/" in n}
    assert {"pyproject.toml", "README.md", "podcaster/scaffold/publish.yml", "audio/intro.mp3",
            ".github/workflows/release.yml"} <= names
    assert not any(n.startswith((".venv/", "dist/")) or "__pycache__" in n for n in names)


def release_workflow() -> dict:
    return yaml.safe_load(RELEASE.read_text(encoding="utf-8"))


def test_release_runs_on_version_tags_and_publishes_after_build_and_tests():
    workflow = release_workflow()
    assert workflow[True] == {"push": {"tags": ["v*"]}}  # YAML reads the key `on` as True
    jobs = workflow["jobs"]
    assert set(jobs) == {"build", "test", "publish"}
    assert sorted(jobs["publish"]["needs"]) == ["build", "test"]
    run = "\n".join(s.get("run", "") for s in jobs["build"]["steps"])
    assert "python -m build" in run and "twine check --strict" in run
    assert '"$GITHUB_REF_NAME" != "v$version"' in run  # the tag must be the version
    assert "scripts/test" in [s.get("run") for s in jobs["test"]["steps"]]


def test_release_has_least_permissions_and_no_stored_token():
    workflow = release_workflow()
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert jobs["build"]["permissions"] == {"contents": "read"}
    assert jobs["test"]["permissions"] == {"contents": "read"}
    # Trusted publishing: the index takes the job's OIDC token instead of a password.
    assert jobs["publish"]["permissions"] == {"id-token": "write"}
    assert jobs["publish"]["environment"]["name"] == "pypi"
    publish = jobs["publish"]["steps"][-1]
    assert publish["uses"].startswith("pypa/gh-action-pypi-publish@")
    assert "with" not in publish  # no password, no token
    assert "secrets." not in RELEASE.read_text(encoding="utf-8")
    for step in steps(workflow):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False


def test_release_actions_are_pinned_like_the_scaffold():
    pinned = {s["uses"] for s in steps(release_workflow()) if "uses" in s}
    assert all(SHA_PINNED.match(uses) for uses in pinned), pinned
    scaffold = SCAFFOLD_WORKFLOW.read_text(encoding="utf-8")
    for uses in pinned:
        action = uses.split("@")[0]
        if f"{action}@" in scaffold:  # the same action at the same commit in both workflows
            assert uses in scaffold, uses


def test_release_passes_check_jsonschema():
    assert schema_problems(RELEASE) == ""


def test_release_passes_zizmor_also_pedantic():
    assert described(zizmor_findings(RELEASE)) == []
    assert described(zizmor_findings(RELEASE, pedantic=True)) == []
