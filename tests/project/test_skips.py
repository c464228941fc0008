"""Tests whose tool or file is missing skip outside CI and fail in CI (CI set)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace

import pytest

from tests import conftest
from tests.conftest import SAMPLE_POSTS, sample
from tests.helpers import ROOT, in_ci, require_or_skip


@pytest.mark.parametrize("value, expected", [
    (None, False), ("", False), ("0", False), ("false", False), ("No", False),
    ("true", True), ("1", True), ("yes", True), ("TRUE", True),
])
def test_what_counts_as_ci(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", value)
    assert in_ci() is expected


def test_outside_ci_a_missing_requirement_skips(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="^Chromium not found$"):
        require_or_skip("Chromium not found")


def test_in_ci_a_missing_requirement_fails(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="^Chromium not found .*CI is set"):
        require_or_skip("Chromium not found")


def test_a_missing_seed_post_skips_or_fails(monkeypatch, tmp_path):
    missing = replace(SAMPLE_POSTS["seed"], path=tmp_path / "seed-post.txt")
    monkeypatch.setitem(conftest.SAMPLE_POSTS, "seed", missing)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="seed post"):
        sample("seed")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="seed post"):
        sample("seed")
    assert sample("own").path.is_file()  # our own post is always there


def run_pytest(folder, ci: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci is not None:
        env["CI"] = ci
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
                           "-p", "no:randomly", str(folder)],
                          capture_output=True, text=True, env=env, cwd=folder)


def test_the_summary_names_the_reason_and_ci_turns_it_into_a_failure(tmp_path):
    (tmp_path / "test_needs_a_tool.py").write_text(
        "from tests.conftest import require_or_skip\n\n"
        "def test_it():\n"
        "    require_or_skip('the frobnicator is not installed')\n", encoding="utf-8")
    local = run_pytest(tmp_path, None)
    assert local.returncode == 0, local.stdout
    assert "SKIPPED" in local.stdout and "the frobnicator is not installed" in local.stdout
    ci = run_pytest(tmp_path, "true")
    assert ci.returncode == 1, ci.stdout
    assert "1 failed" in ci.stdout and "the frobnicator is not installed" in ci.stdout
