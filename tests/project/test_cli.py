"""The command line: summary, quiet mode, progress lines and documented exit codes."""

from __future__ import annotations

import re
import subprocess

import pytest

from podcaster import errors
from podcaster.cli import EXIT_CODES, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_TERMINATED
from tests.helpers import ROOT, built_project, make_project, podcaster_cmd, run_cli
from tests.helpers import invoke_cli as cli

README = ROOT / "README.md"


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


def test_quiet_and_verbose_after_the_command(project):
    post = project / "posts" / "2025-03-03-night-train.txt"
    post.write_text(post.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    result = cli("build", str(project), "-q")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    help_text = cli("build", "--help").stdout
    assert re.search(r"-q, --quiet\s+Only errors", help_text)
    assert re.search(r"-v, --verbose\s+Show debug logging", help_text)
    (project / "posts" / "2025-03-05-empty.txt").write_bytes(b"")
    verbose = cli("build", str(project), "--verbose")
    assert verbose.exit_code == errors.PostError.exit_code
    assert "Traceback" in verbose.stderr  # -v after the command shows the traceback


@pytest.mark.parametrize("args", [("build", "{project}", "--engine", "espak"),
                                  ("cache", "prune", "{project}", "--engine", "espak")])
def test_unknown_engine_is_a_command_line_error_listing_the_engines(project, args):
    result = cli(*(a.format(project=project) for a in args))
    assert result.exit_code == 2
    assert "unknown engine 'espak'; known engines: auto, edge, espeak, gtts" in result.stderr
    assert not (project / ".podcaster-cache" / "staging").exists()


@pytest.mark.parametrize("args", [
    ("script", "{post}"), ("segments", "{post}"), ("normalize", "2025년 52.9%"),
    ("--help",), ("build", "--help"), ("--version",), ("cache", "info", "{project}"),
    ("check", "{project}"), ("build", "{project}")])
def test_output_into_a_closed_pipe_ends_quietly(project, args):
    """`podcaster … | head -1`: the reader is gone before podcaster writes; exit 0, no error."""
    post = project / "posts" / "2025-03-03-night-train.txt"
    command = podcaster_cmd(*(a.format(project=project, post=post) for a in args))
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # as `head` does once it has its line
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == 0, stderr
    assert "Error" not in stderr and "Traceback" not in stderr


def test_a_file_no_reader_knows_gets_one_warning_line(project):
    (project / "posts" / "2025-03-04-draft.docx").write_bytes(b"PK\x03\x04")
    result = run_cli("build", str(project))
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if "draft.docx" in line]
    assert len(lines) == 1 and "skipped, not a post" in lines[0]
    assert ".md" in lines[0] and ".txt" in lines[0]


def test_no_posts_to_build_says_which_files_are_read(tmp_path):
    project = make_project(tmp_path / "show")
    for post in (project / "posts").iterdir():
        post.rename(post.with_suffix(".docx"))
    result = cli("build", str(project))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: {project.resolve() / 'posts'}: no posts to build (posts are .htm, .html, "
        ".markdown, .md, .txt files, named YYYY-MM-DD-slug)")


def every_command() -> list[tuple[str, ...]]:
    import click

    from podcaster.cli import main

    found = []
    for name, command in main.commands.items():
        if isinstance(command, click.Group):
            found += [(name, sub) for sub in command.commands]
        else:
            found.append((name,))
    return found


@pytest.mark.parametrize("command", every_command(), ids=" ".join)
def test_every_command_takes_quiet_and_verbose_after_it(command):
    help_text = cli(*command, "--help").stdout
    assert "-q, --quiet" in help_text and "-v, --verbose" in help_text
