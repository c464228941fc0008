"""What README.md shows works as shown: its podcast.toml builds offline as written, and its
sample `podcaster check` output is what the demo prints."""

from __future__ import annotations

import re
import shutil

import pytest

from podcaster.build import build_project
from podcaster.speech.engines import network
from tests.fakes.google import RESET, FakeGoogle
from tests.helpers import DEMO, ROOT
from tests.helpers import invoke_cli as cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def readme_block(after_heading: str, language: str = "") -> str:
    """The first fenced block (```language) after the heading ``after_heading``."""
    section = README.split(f"\n{after_heading}\n", 1)[1]
    match = re.search(rf"^```{language}\n(.*?)^```$", section, re.S | re.M)
    assert match, f"no ```{language} block after {after_heading}"
    return match.group(1)


def test_the_podcast_toml_example_builds_offline_as_written(tmp_path, monkeypatch):
    monkeypatch.setattr(network, "backoff_delay", lambda attempt, settings, after: 0.001)
    project = tmp_path / "evening-ai"
    (project / "posts").mkdir(parents=True)
    (project / "podcast.toml").write_text(readme_block("### podcast.toml", "toml"),
                                          encoding="utf-8")
    post = "2025-11-03-robot-kitchen.txt"  # the slug the example's [episode_guids] names
    shutil.copy(DEMO / "posts" / post, project / "posts" / post)
    with FakeGoogle(status=RESET):  # offline: Google cannot be reached
        result = build_project(project)
    assert result.built == ["robot-kitchen"] and result.engine == "espeak"
    feed = (project / "public" / "feed.xml").read_text(encoding="utf-8")
    assert "https://old-host.example/episodes/17" in feed
    assert re.search(r"<podcast:locked[^>]*>yes</podcast:locked>", feed)


def test_the_sample_check_output_is_what_the_demo_prints(built_demo, tmp_path, monkeypatch):
    sample = readme_block("After `scripts/demo`:").splitlines()
    command, expected = sample[0], sample[1:]
    assert command == "$ podcaster check examples/demo"
    shutil.copytree(built_demo[0], tmp_path / "examples" / "demo")
    monkeypatch.chdir(tmp_path)
    result = cli(*command.split()[2:])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == expected
    assert result.stderr == ""  # no warnings either


@pytest.mark.parametrize("line", ["pip install podcaster-ko", "git tag v0.2.0"])
def test_readme_says_how_to_install_and_release(line):
    assert line in README
