"""An episode's <guid> comes from its post's date and slug. Renaming the post's file makes
the episode a new one in every podcast app: the build says so, with the [episode_guids] line
that keeps the GUID it was published with."""

from __future__ import annotations

import feedparser

from tests.helpers import invoke_cli, make_project

POST = """\
새벽 기차
안녕하세요, 역 앞에서 소식을 전하는 김 작가입니다.
“다음 달부터 첫 열차가 삼십 분 앞당겨 출발한다.”
아침 일찍 일터로 가는 분들이 반기겠네요.
이상 역 앞 소식이었습니다.
1. 첫 열차 삼십 분 앞당겨 -철도소식-
https://rail.example.org/early
"""
OTHER = POST.replace("새벽 기차", "막차 소식").replace("첫 열차", "막차")


def guids(project) -> dict[str, str]:
    feed = feedparser.parse((project / "public" / "feed.xml").read_bytes())
    return {entry.title: entry.id for entry in feed.entries}


def warned(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]


def test_a_renamed_post_is_warned_about_and_the_line_given_keeps_its_guid(tmp_path, caplog):
    project = make_project(tmp_path / "show", {"2025-06-02-first-train.txt": POST,
                                               "2025-06-03-last-train.txt": OTHER})
    assert invoke_cli("build", str(project), "--engine", "espeak").exit_code == 0
    before = guids(project)
    (project / "posts" / "2025-06-02-first-train.txt").rename(
        project / "posts" / "2025-06-02-early-train.txt")
    caplog.clear()
    result = invoke_cli("build", str(project), "--engine", "espeak")
    assert result.exit_code == 0, result.output
    moved = [m for m in warned(caplog) if "[episode_guids]" in m]
    old = before["새벽 기차"]
    assert moved == [
        f"posts/2025-06-02-early-train.txt: published before as 'first-train' with the GUID "
        f"{old}; as 'early-train' it gets another GUID and podcast apps take it for a new "
        f"episode. To keep its GUID, add under [episode_guids]: early-train = \"{old}\""]
    assert guids(project)["새벽 기차"] != old
    toml = project / "podcast.toml"
    toml.write_text(toml.read_text(encoding="utf-8")
                    + f'\n[episode_guids]\nearly-train = "{old}"\n', encoding="utf-8")
    caplog.clear()
    assert invoke_cli("build", str(project), "--engine", "espeak").exit_code == 0
    assert guids(project) == before
    assert not [m for m in warned(caplog) if "[episode_guids]" in m]


def test_a_removed_post_and_an_unrelated_new_one_are_not_taken_for_a_move(tmp_path, caplog):
    project = make_project(tmp_path / "show", {"2025-06-02-first-train.txt": POST})
    assert invoke_cli("build", str(project), "--engine", "espeak").exit_code == 0
    (project / "posts" / "2025-06-02-first-train.txt").unlink()
    (project / "posts" / "2025-06-09-last-train.txt").write_text(OTHER, encoding="utf-8")
    caplog.clear()
    assert invoke_cli("build", str(project), "--engine", "espeak").exit_code == 0
    assert not [m for m in warned(caplog) if "[episode_guids]" in m]
