"""Small things on the command line: the nearest command or option is suggested, the auto
engine's fallback is said once (not on a no-op, not with -q), and scripts/demo says how to
run podcaster."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from podcaster.cli import main
from podcaster.cli.suggest import nearest
from podcaster.speech.engines import network
from tests.fakes.google import RESET, FakeGoogle, gtts_project
from tests.helpers import ROOT


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("args, said", [
    (["biuld"], "No such command 'biuld'. Did you mean 'build'?"),
    (["chek"], "No such command 'chek'. Did you mean 'check'?"),
    (["cache", "prnue"], "No such command 'prnue'. Did you mean 'prune'?"),
    (["build", "--engin", "espeak"], "No such option: --engin Did you mean --engine?"),
    (["build", "--kep-going"], "No such option: --kep-going Did you mean --keep-going?"),
    (["--verbos", "build"], "No such option: --verbos Did you mean --verbose?"),
])  # fmt: skip
def test_the_nearest_command_or_option_is_suggested(args, said):
    result = run(*args)
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == f"Error: {said}"


def test_nothing_is_suggested_when_nothing_is_near():
    result = run("zzz")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == "Error: No such command 'zzz'."
    assert nearest("--engin", ["--engine", "--keep-going", "--jobs"]) == ["--engine"]
    assert nearest("--x", ["--engine", "--keep-going"]) == []


@pytest.fixture
def offline_auto(tmp_path, monkeypatch):
    monkeypatch.setattr(network, "backoff_delay", lambda attempt, settings, after: 0.001)
    with FakeGoogle() as google:
        google.status = RESET
        yield gtts_project(tmp_path / "show", engine="auto")


@pytest.mark.slow
def test_the_fallback_is_said_once_and_only_when_it_made_audio(offline_auto):
    first = run("build", str(offline_auto))
    assert first.exit_code == 0, first.output
    assert first.output.count("built with espeak instead of gtts") == 1
    again = run("build", str(offline_auto))  # a no-op: nothing made, nothing to say
    assert again.exit_code == 0, again.output
    assert "instead of gtts" not in again.output
    (offline_auto / "posts" / "2025-01-10-laundry.txt").write_text(
        "빨래\n안녕하세요.\n오늘은 빨래를 갭니다.\n", encoding="utf-8")
    quiet = run("build", str(offline_auto), "-q")
    assert quiet.exit_code == 0, quiet.output
    assert quiet.output == ""


def test_demo_says_how_to_run_podcaster():
    demo = (ROOT / "scripts" / "demo").read_text(encoding="utf-8")
    assert "podcaster is installed in .venv/bin/, not on your PATH" in demo
    assert ". .venv/bin/activate" in demo
