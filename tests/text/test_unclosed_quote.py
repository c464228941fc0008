"""A quote mark that is never closed: the build goes on, the quote is its own paragraph,
and a warning names the post and the line and says to add the closing mark (README,
"Quotes"); --strict makes it a failure."""

from __future__ import annotations

import pytest

from podcaster.build import build_project
from podcaster.errors import UnclearAttributionError
from tests.helpers import ROOT, invoke_cli, make_project

pytestmark = pytest.mark.slow

POST = """\
안개 낀 아침
안녕하세요 시험 작가입니다.
“오늘 아침 내륙 곳곳에 짙은 안개가 끼어 출근길 운전에 주의가 필요하다.
안개가 걷히면 낮에는 포근하겠습니다.
이상 오늘의 소식이었습니다.
1. 내륙 곳곳 짙은 안개 -날씨신문-
https://weather.example.org/fog
"""


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path / "show", {"2025-03-04-fog.txt": POST})


def test_the_build_goes_on_and_warns_with_the_fix(project):
    result = build_project(project)
    assert [e.post.slug for e in result.episodes] == ["fog"]
    [warning] = [w for w in result.warnings if "not closed" in str(w)]
    assert str(warning).startswith("2025-03-04-fog.txt: paragraph 2 (line 3): ")
    assert "add the closing mark where it ends" in str(warning)
    out = invoke_cli("build", str(project))
    assert out.exit_code == 0, out.output


def test_strict_makes_it_a_failure(project):
    with pytest.raises(UnclearAttributionError) as info:
        build_project(project, strict=True)
    assert info.value.exit_code == 3
    assert not (project / "public" / "feed.xml").exists()


def test_the_readme_says_what_happens():
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert ("The build goes on and a warning names the post and the line and says to add the "
            "closing mark where the quote ends") in readme
