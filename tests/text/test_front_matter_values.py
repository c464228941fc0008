"""Front matter values YAML reads as something else than the post expects: an impossible
date YAML itself refuses, a title or description that is a list or a mapping. Each is a bad
post (exit 3) naming the file, never a crash (exit 70) nor a title read aloud as "[[...]]"."""

from __future__ import annotations

import pytest

from podcaster.errors import PostError
from podcaster.text.read import read_post
from tests.helpers import invoke_cli

BODY = "# 제목\n\n안녕하세요, 박 기자입니다.\n\n> 한 회사가 새 AI 비서를 냈다.\n\n좋네요.\n\n이상입니다.\n"


def post(tmp_path, front: str):
    path = tmp_path / "2026-01-01-odd.md"
    path.write_text(f"---\n{front}\n---\n{BODY}", encoding="utf-8")
    return path


@pytest.mark.parametrize(("front", "problem"), [
    ("date: 2026-02-30", "front matter has a date that is no day"),
    ("date: 2026-13-45", "front matter has a date that is no day"),
    ("title: &a [*a]", "'title' must be text"),
    ("title: [하나, 둘]", "'title' must be text"),
    ("title: {a: 1}", "'title' must be text"),
    ("description: [하나, 둘]", "'description' must be text"),
])  # fmt: skip
def test_front_matter_of_the_wrong_kind_is_a_bad_post(tmp_path, front, problem):
    path = post(tmp_path, front)
    with pytest.raises(PostError) as caught:
        read_post(path)
    assert problem in caught.value.format_message()
    result = invoke_cli("segments", str(path))
    assert result.exit_code == 3, result.output
    assert result.stderr.startswith(f"Error: {path}: ")


@pytest.mark.parametrize(("front", "title"), [("title: 2026", "2026"), ("title: 봄 소식", "봄 소식")])
def test_a_title_of_text_or_a_number_is_read(tmp_path, front, title):
    assert read_post(post(tmp_path, front)).title == title
