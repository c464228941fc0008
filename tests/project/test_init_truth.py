"""What ``podcaster init`` writes and says is true: every example value it writes is caught
by ``check``, an existing workflow of the author's is never taken for ours, ``-q`` is quiet,
and nothing claims podcaster can be installed from where it cannot."""

from __future__ import annotations

import re
import shutil
from dataclasses import fields

from click.testing import CliRunner

from podcaster.check.placeholders import TEXT_PLACEHOLDERS, find_placeholders
from podcaster.cli import main
from podcaster.config import load_config
from podcaster.init import (
    ON_PACKAGE_INDEX,
    WORKFLOW_BESIDE,
    WORKFLOW_PATH,
    ProjectSettings,
    init_project,
)
from tests.helpers import DEMO, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_example_text_init_writes_is_a_placeholder(tmp_path):
    """The example title, author and description are ProjectSettings' defaults: each one
    left in podcast.toml is found, and one replaced is not."""
    project = tmp_path / "show"
    init_project(project, ProjectSettings(base_url="https://kim.github.io/show/",
                                          email="kim@example.org"))
    text_fields = {f.name for f in fields(ProjectSettings)} & set(TEXT_PLACEHOLDERS)
    assert text_fields == {"title", "author", "description"}
    found = {p.where for p in find_placeholders(load_config(project))}
    assert {f"podcast.toml: show.{name}" for name in text_fields} <= found
    assert "audio/cover.png" in found
    toml = project / "podcast.toml"
    text = toml.read_text(encoding="utf-8")
    text = text.replace(f'"{ProjectSettings().author}"', '"김 작가"')
    toml.write_text(text, encoding="utf-8")
    found = {p.where for p in find_placeholders(load_config(project))}
    assert "podcast.toml: show.author" not in found and "podcast.toml: show.title" in found


def test_the_default_cover_is_caught_wherever_it_is(tmp_path):
    """podcaster's own cover, copied anywhere or used by leaving show.cover empty."""
    project = tmp_path / "show"
    init_project(project, ProjectSettings(title="김 작가의 밤", author="김 작가",
                                          description="밤마다 읽는 기술 이야기입니다.",
                                          base_url="https://kim.github.io/show/",
                                          email="kim@example.org"))
    (project / "posts").joinpath(next((project / "posts").iterdir()).name).unlink()
    assert [p.where for p in find_placeholders(load_config(project))] == ["audio/cover.png"]
    toml = project / "podcast.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        'cover = "audio/cover.png"', "# cover"), encoding="utf-8")
    assert [p.where for p in find_placeholders(load_config(project))] == [
        "podcast.toml: show.cover"]
    shutil.copy(DEMO / "cover.png", project / "mine.png")  # a cover of the show's own
    toml.write_text(toml.read_text(encoding="utf-8").replace("# cover", 'cover = "mine.png"'),
                    encoding="utf-8")
    assert find_placeholders(load_config(project)) == []


def test_the_demo_has_no_placeholders():
    assert find_placeholders(load_config(DEMO)) == []


def test_init_takes_a_description(tmp_path):
    project = tmp_path / "show"
    result = CliRunner().invoke(main, ["init", str(project), "--description",
                                       "출근길에 듣는 과학 소식입니다."])
    assert result.exit_code == 0, result.output
    assert load_config(project).show.description == "출근길에 듣는 과학 소식입니다."
    assert "show.description" not in result.output


def test_an_existing_publish_workflow_is_neither_touched_nor_called_ours(tmp_path):
    repo = tmp_path / "blog"
    theirs = repo / WORKFLOW_PATH
    theirs.parent.mkdir(parents=True)
    theirs.write_text("name: deploy my blog\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(repo)])
    assert result.exit_code == 0, result.output
    assert theirs.read_text(encoding="utf-8") == "name: deploy my blog\n"
    ours = repo / WORKFLOW_BESIDE
    assert "jobs:" in ours.read_text(encoding="utf-8")
    assert f"created {ours}" in result.output
    assert "(already there; not changed)" not in result.output
    assert f"left {theirs} as it is: it is your own workflow, not podcaster's" in result.output
    said = result.output.split("push it to GitHub: ")[1]
    assert said.startswith(f"{WORKFLOW_BESIDE} (beside your publish.yml")
    assert f"{WORKFLOW_PATH} publishes" not in result.output


def test_init_quiet_prints_nothing(tmp_path):
    result = CliRunner().invoke(main, ["init", str(tmp_path / "show"), "-q"])
    assert result.exit_code == 0 and result.output == ""
    assert (tmp_path / "show" / "podcast.toml").is_file()


def test_nothing_claims_podcaster_is_on_the_package_index():
    assert not ON_PACKAGE_INDEX
    assert "published as **podcaster-ko**" not in README
    assert "not on the\nPython package index yet" in README
    install = README.split("What works\ntoday:\n\n```sh\n")[1].split("```")[0]
    assert install.startswith("pip install .")
    assert "podcaster is published on the Python package index" not in README


def test_the_scaffold_says_how_to_install_today(tmp_path):
    project = tmp_path / "show"
    result = CliRunner().invoke(main, ["init", str(project)])
    requirements = (project / "requirements.txt").read_text(encoding="utf-8")
    comment = " ".join(line for line in requirements.splitlines() if line.startswith("#"))
    assert "NOT there yet" in comment
    assert re.search(r"podcaster-ko @ git\+https://github\.com/OWNER/REPO@TAG", comment)
    assert "OWNER/REPO and TAG are yours to fill in" in comment
    assert "published as podcaster-ko." not in comment
    assert "podcaster is not on the Python package index yet" in " ".join(
        result.output.split())
