"""``podcaster check`` on a build older than its podcast.toml or posts says so once, and
keeps its other lines for real problems; its last line names the files the problems are in."""

from __future__ import annotations

import pytest

from tests.helpers import built_project, invoke_cli, mp3_of

pytestmark = pytest.mark.slow


@pytest.fixture
def project(tmp_path_factory, tmp_path):
    return built_project(tmp_path_factory, tmp_path / "show")


def check(project) -> tuple[int, list[str]]:
    result = invoke_cli("check", str(project))
    return result.exit_code, result.stdout.splitlines() + result.stderr.splitlines()


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_moved_feed_before_rebuilding_is_one_line(project):
    assert check(project)[0] == 0
    edit(project / "podcast.toml", "https://example.org/test-show/", "https://moved.example.net/")
    code, lines = check(project)
    assert code == 1
    assert lines == ["public/: older than podcast.toml — run podcaster build",
                     "Error: 1 problem(s) in public/"]
    assert invoke_cli("build", str(project)).exit_code == 0
    code, lines = check(project)
    assert code == 0, lines


def test_an_edited_post_is_named_and_real_problems_stay(project):
    post = project / "posts" / "2025-03-01-spring-rain.txt"
    edit(post, "꽃이", "벚꽃이")
    mp3_of(project / "public", "night-train").unlink()
    code, lines = check(project)
    assert code == 1
    assert lines[0] == ("public/: older than 1 post(s) (posts/2025-03-01-spring-rain.txt) — "
                        "run podcaster build")
    assert any("night-train" in line and "not found" in line for line in lines[1:-1]), lines
    assert lines[-1].startswith("Error: ") and "public/feed.xml" in lines[-1]


def test_the_summary_names_where_the_problems_are(project):
    edit(project / "podcast.toml", 'author = "시험 작가"', 'author = "진행자"')
    (project / ".podcaster-cache" / "show.json").touch()  # built after that edit
    code, lines = check(project)
    assert code == 1
    assert lines == ["podcast.toml: show.author: still the example '진행자'; set it to the "
                     "name listeners know you by", "Error: 1 problem(s) in podcast.toml"]
