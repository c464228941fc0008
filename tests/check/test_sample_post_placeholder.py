"""The sample post of ``podcaster init`` is caught by ``check`` however it is renamed or
retitled: its body is the example, not its file name."""

from __future__ import annotations

import pytest

from podcaster.check.placeholders import find_placeholders
from podcaster.config import load_config
from podcaster.init import ProjectSettings, init_project

SETTINGS = ProjectSettings(title="김 작가의 밤", author="김 작가",
                           description="밤마다 읽는 기술 이야기입니다.",
                           base_url="https://kim.github.io/show/", email="kim@example.org")


def project_with_sample(tmp_path):
    project = tmp_path / "show"
    init_project(project, SETTINGS)
    (project / "audio" / "cover.png").unlink()
    toml = project / "podcast.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        'cover = "audio/cover.png"', 'cover = "mine.png"'), encoding="utf-8")
    from tests.helpers import DEMO
    (project / "mine.png").write_bytes((DEMO / "cover.png").read_bytes())
    (sample,) = (project / "posts").iterdir()
    return project, sample


@pytest.mark.parametrize(("name", "retitle"), [
    ("2026-01-05-library-robots.txt", False),
    ("2026-01-05-first-episode.txt", True),
    ("2026-01-05-library-robots.txt", True),
])  # fmt: skip
def test_the_sample_post_is_caught_renamed_or_retitled(tmp_path, name, retitle):
    project, sample = project_with_sample(tmp_path)
    lines = sample.read_text(encoding="utf-8").splitlines()
    if retitle:
        lines[0] = "도서관과 빵집의 AI 이야기"
    sample.unlink()
    (project / "posts" / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = find_placeholders(load_config(project))
    assert [(p.where, p.message) for p in found] == [
        (f"posts/{name}", "the sample post of podcaster init; delete it and add your own posts")]


def test_a_post_of_the_authors_own_is_not_the_sample(tmp_path):
    project, sample = project_with_sample(tmp_path)
    sample.unlink()
    (project / "posts" / "2026-01-05-first-episode.txt").write_text(
        "나의 첫 방송\n\n안녕하세요, 김 작가입니다.\n\n“한 마을이 작은 도서관을 열었다.”\n\n"
        "반갑네요.\n\n이상입니다.\n", encoding="utf-8")
    assert find_placeholders(load_config(project)) == []
