"""`podcaster check` words an attribution warning as `build` and `segments` do: the quote's
first words and the advice on what to change, not only the bare message."""

from __future__ import annotations

from tests.helpers import invoke_cli, make_project

POST = """\
들판 소식
안녕하세요 김 작가입니다.
“전남의 한 농협이 드론으로 벼 방제를 마쳤다.”
좋네요.
이상입니다.
1. 기상청 예보 앱 개편 -연합뉴스-
https://www.yna.co.kr/view/1
"""


def test_check_gives_the_quote_and_the_advice(tmp_path):
    project = make_project(tmp_path / "show", {"2025-06-02-drone.txt": POST})
    said = invoke_cli("segments", str(project / "posts" / "2025-06-02-drone.txt"))
    (warning,) = [line for line in said.stderr.splitlines() if line.startswith("warning: ")]
    words = warning.split(": ", 3)[3]  # after "warning: <post>: paragraph 2 (line 3)"
    assert words.startswith("“전남의 한 농협이 드론으로 …”: ") and words.endswith(")")
    checked = invoke_cli("check", str(project))
    assert f"warning: posts/2025-06-02-drone.txt: paragraph 2 (line 3): {words}" in (
        checked.output + checked.stderr)
