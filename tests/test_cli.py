"""The command line: summary, quiet mode, progress lines and documented exit codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from podcaster import errors
from podcaster.cli import EXIT_CODES, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_TERMINATED
from tests.build_fixtures import built_project
from tests.build_fixtures import invoke_cli as cli

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture
def project(tmp_path_factory, tmp_path):
    return built_project(tmp_path_factory, tmp_path / "show")


def exit_codes_in_use() -> set[int]:
    codes = {0, 2, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_TERMINATED}  # 2: click's usage errors
    todo = [errors.PodcasterError]
    while todo:
        cls = todo.pop()
        codes.add(cls.exit_code)
        todo.extend(cls.__subclasses__())
    return codes


def test_every_exit_code_is_documented_in_help_and_readme():
    codes = exit_codes_in_use()
    help_text = cli("--help").output
    documented = {int(m) for m in re.findall(r"^\s+(\d+)\s{2,}\S", help_text, re.M)}
    assert documented == codes
    assert "Exit codes:" in cli("build", "--help").output
    readme = README.read_text(encoding="utf-8")
    in_readme = {int(m) for m in re.findall(r"^\| (\d+) \|", readme, re.M)}
    assert in_readme == codes
    assert EXIT_CODES.count("\n") >= len(codes)


def test_summary_after_a_build(project):
    post = project / "posts" / "2025-03-03-night-train.txt"
    post.write_text(post.read_text(encoding="utf-8").replace("설렙니다", "즐겁습니다"),
                    encoding="utf-8")
    result = cli("build", str(project))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "1 built, 0 restored, 0 re-tagged, 2 unchanged, 0 removed" in out
    assert re.search(r"clips\s+│ 1 synthesised, \d+ from cache", out)
    assert "espeak" in out and "wall time" in out
    assert re.search(r"audio\s+│ 0:00:\d\d in 3 episode\(s\)", out)
    assert "feed.xml" in out
    assert result.stderr.strip() == "[1/1] night-train"  # one progress line per episode


def test_noop_build_summary(project):
    result = cli("build", str(project))
    assert result.exit_code == 0
    assert "0 built, 0 restored, 0 re-tagged, 3 unchanged, 0 removed" in result.stdout
    assert "0 synthesised, 0 from cache" in result.stdout
    assert result.stderr == ""


def test_quiet_build_prints_nothing(project):
    post = project / "posts" / "2025-03-03-night-train.txt"
    post.write_text(post.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    result = cli("-q", "build", str(project))
    assert result.exit_code == 0
    assert result.stdout == "" and result.stderr == ""


def test_quiet_still_reports_errors(project):
    (project / "posts" / "2025-03-05-empty.txt").write_bytes(b"")
    result = cli("-q", "build", str(project))
    assert result.exit_code == errors.PostError.exit_code
    assert result.stdout == ""
    assert result.stderr.startswith("Error: ") and "2025-03-05-empty.txt" in result.stderr


def test_not_a_project_is_a_config_error(tmp_path):
    result = cli("build", str(tmp_path))
    assert result.exit_code == errors.ConfigError.exit_code
    assert "podcast.toml" in result.stderr and "not found" in result.stderr
