"""The wheel installs and works with the pip a fresh ``python -m venv`` has.

Python 3.10-3.13 ship pips older than 24, which do not match an extra spelled
``html_clean`` to a project that declares ``html-clean``: a dependency reached only through
such an extra is left out and ``podcaster import`` breaks at its first import. So the wheel
is installed here with the pip that ``ensurepip`` bundles (no upgrade), and
``podcaster import`` runs against a local blog; a second venv with the newest pip must
resolve the same set of packages.
"""

from __future__ import annotations

import ensurepip
import os
import subprocess
import venv
from pathlib import Path

import pytest

from tests.fakes.blog import BlogServer, naver

pytestmark = pytest.mark.slow


def wheel_of(dist: Path) -> Path:
    return next(dist.glob("podcaster_ko-*.whl"))


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIRTUAL_ENV")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _venv(folder: Path) -> Path:
    venv.create(folder, with_pip=True, clear=True)
    return folder / "bin" / "python"


def _pip(python: Path, *args: str) -> str:
    result = subprocess.run([str(python), "-m", "pip", *args], capture_output=True, text=True,
                            env=_env(), timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def _installed(python: Path) -> set[str]:
    """name==version of every package in the venv but the installer's own."""
    frozen = _pip(python, "list", "--format=freeze")
    return {line.lower().replace("_", "-") for line in frozen.splitlines()
            if line.split("==")[0].lower() not in ("pip", "setuptools", "wheel")}


def test_the_wheel_works_with_the_bundled_pip(distributions, tmp_path):
    wheel = wheel_of(distributions)
    old = _venv(tmp_path / "old")
    version = _pip(old, "--version").split()[1]
    assert version == ensurepip.version()  # the pip Python ships, not upgraded
    _pip(old, "install", str(wheel))
    _pip(old, "check")

    project = tmp_path / "show"
    with BlogServer() as server:
        feed = naver(server)
        result = subprocess.run([str(old.parent / "podcaster"), "import", feed, str(project)],
                                capture_output=True, text=True, env=_env(), timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(list((project / "posts").glob("2025-*"))) == 2, result.stdout

    new = _venv(tmp_path / "new")
    _pip(new, "install", "--upgrade", "pip")
    _pip(new, "install", str(wheel))
    assert _installed(old) == _installed(new)
