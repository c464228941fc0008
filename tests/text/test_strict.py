"""Attribution warnings at the command line: ``build`` prints them, ``build --strict`` and
``check --strict`` fail on them."""

from __future__ import annotations

import json

import pytest

from podcaster.errors import UnclearAttributionError
from tests.helpers import built_project, snapshot
from tests.helpers import invoke_cli as cli

# Two quotes separated by the author's words, one source: the second has no clear source.
UNCLEAR = """\
공원 소식
안녕하세요 시험 작가입니다.
“시청 앞 공원에 새 분수가 생겼다.”
아이들이 좋아하겠네요.
“동물원 판다가 쌍둥이를 낳았다.”
이상 오늘의 소식이었습니다.
1. 시청 앞 공원에 새 분수 -시민일보-
https://city.example.org/fountain
"""
NAME = "2025-03-05-park.txt"


@pytest.fixture
def project(tmp_path_factory, tmp_path):
    show = built_project(tmp_path_factory, tmp_path / "show")
    (show / "posts" / NAME).write_text(UNCLEAR, encoding="utf-8")
    return show


def test_strict_build_fails_before_writing_anything(project):
    before = snapshot(project / "public")
    result = cli("build", "--strict", str(project))
    assert result.exit_code == UnclearAttributionError.exit_code
    assert f"warning: {NAME}: paragraph 4 (line 5): " in result.stderr
    assert "--strict" in result.stderr.splitlines()[-1]
    assert snapshot(project / "public") == before


def test_build_reads_an_unclear_quote_without_an_outlet_and_warns(project):
    result = cli("-q", "build", str(project))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"warning: {NAME}: paragraph 4 (line 5): ")
    chapters = json.loads((project / "public" / "episodes" / "park.chapters.json")
                          .read_text(encoding="utf-8"))
    titles = [c["title"] for c in chapters["chapters"]]
    assert "기사 1 · 시청 앞 공원에 새 분수" in titles
    assert "기사 2" in titles  # no outlet, no source title
    transcript = (project / "public" / "episodes" / "park.vtt").read_text(encoding="utf-8")
    assert "두 번째 기사입니다." in transcript
    assert "두 번째 기사, 시민일보" not in transcript


def test_check_warns_and_strict_check_fails(project):
    cli("-q", "build", str(project))
    result = cli("check", str(project))
    assert result.exit_code == 0, result.stdout
    assert f"warning: posts/{NAME}: paragraph 4 (line 5): " in result.stderr
    result = cli("check", "--strict", str(project))
    assert result.exit_code == 1
    assert f"posts/{NAME}: paragraph 4 (line 5): " in result.stdout


def test_clear_posts_give_no_warnings(tmp_path_factory, tmp_path):
    show = built_project(tmp_path_factory, tmp_path / "show")
    result = cli("check", "--strict", str(show))
    assert result.exit_code == 0, result.stdout
    assert result.stderr == ""
