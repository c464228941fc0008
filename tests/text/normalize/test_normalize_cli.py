"""`podcaster normalize` and `podcaster script` from the command line."""

import re
import textwrap

import pytest
from click.testing import CliRunner

from podcaster.cli import main

POST = textwrap.dedent(
    """\
    하늘정원의 AI 이야기
    안녕하세요 하늘정원입니다.
    오늘은 한 가지 소식을 전합니다.
    “한 연구소가 2024∼2025년 로봇 3대를 만들었다. 비용은 1,250만 달러였다.”
    로봇이 늘어나는 것은 반가운 일입니다.
    이상 하늘정원이었습니다.
    1. 연구소, 로봇 3대 공개 -미래일보-
    https://news.example.com/robots
    """
)

CONFIG = textwrap.dedent(
    """\
    [show]
    title = "하늘정원"
    author = "하늘정원"
    description = "시험용 방송"
    base_url = "https://example.com/podcast/"
    owner_email = "host@example.com"

    [pronunciation]
    "하늘정원" = "하늘 정원"
    """
)


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def project(tmp_path):
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "2025-11-10-robots.txt").write_text(POST, encoding="utf-8")
    (tmp_path / "podcast.toml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def test_normalize_prints_one_line(runner):
    result = runner.invoke(main, ["normalize", "2015∼2025년 52.9%를 AI가"])
    assert result.exit_code == 0, result.output
    assert result.output == "이천십오 년부터 이천이십오 년까지 오십이 점 구 퍼센트를 에이아이가\n"


def test_normalize_joins_words_and_reads_stdin(runner):
    result = runner.invoke(main, ["normalize", "3개", "AI"])
    assert result.output == "세 개 에이아이\n"
    result = runner.invoke(main, ["normalize", "-"], input="첫 줄 3개\n둘째 줄 AI\n")
    assert result.exit_code == 0, result.output
    assert result.output == "첫 줄 세 개 둘째 줄 에이아이\n"


def test_normalize_of_a_file_name_says_how_to_read_the_file(runner, project):
    post = project / "posts" / "2025-11-10-robots.txt"
    result = runner.invoke(main, ["normalize", str(post)])
    assert result.exit_code == 0
    assert f"warning: {post} is a file" in result.output
    assert f"podcaster script {post}" in result.output


def test_normalize_with_lexicon(runner, project):
    result = runner.invoke(main, ["normalize", "-l", "AI=인공지능", "AI 3개"])
    assert result.output == "인공지능 세 개\n"
    result = runner.invoke(main, ["normalize", "-p", str(project), "하늘정원의 AI"])
    assert result.output == "하늘 정원의 에이아이\n"
    result = runner.invoke(main, ["normalize", "-l", "AI", "AI"])
    assert result.exit_code != 0
    assert "TEXT=READING" in result.output


def test_script_shows_cues_and_readings(runner, project):
    post = project / "posts" / "2025-11-10-robots.txt"
    result = runner.invoke(main, ["script", str(post)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert re.search(r"title\s+ko gtts/ko\s+하늘정원의 AI 이야기\n\s+→ 하늘 정원의 에이아이 이야기", out)
    assert "이천이십사 년부터 이천이십오 년까지 로봇 세 대를 만들었다." in out
    assert "천이백오십만 달러였다." in out
    assert re.search(r"commentary\s+ko gtts/ko\s+로봇이 늘어나는 것은 반가운 일입니다.\n", out)
    assert "announcement" in out and "signoff" in out
    assert "news.example.com" not in out
    assert "Left in Latin letters" not in out


def test_script_shows_each_transliteration(runner, tmp_path):
    post = tmp_path / "2025-11-10-robots.txt"
    text = "Kubernetes처럼 dashboard와 Zqxv가 반가운 일입니다"
    post.write_text(POST.replace("반가운 일입니다", text), "utf-8")
    result = runner.invoke(main, ["script", "--changed", str(post)])
    assert result.exit_code == 0, result.output
    last = result.output.splitlines()[-1]
    # Kubernetes is a built-in name; the others are read by pronunciation or spelled.
    assert last == (
        "Read by pronunciation (override under [pronunciation]): dashboard → 대시보드, "
        "Zqxv → 제트큐엑스브이"
    )
    assert "쿠버네티스처럼 대시보드와 제트큐엑스브이가" in result.output


def test_script_names_words_kept_in_latin(runner, project):
    post = project / "posts" / "2025-11-10-robots.txt"
    post.write_text(POST.replace("반가운 일입니다", "Kubernetes처럼 반가운 일입니다"), "utf-8")
    config = project / "podcast.toml"
    config.write_text(config.read_text("utf-8") + '"Kubernetes" = "Kubernetes"\n', "utf-8")
    result = runner.invoke(main, ["script", "--changed", str(post)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == (
        "Left in Latin letters (kept by [pronunciation]): Kubernetes"
    )


def test_script_changed_only_and_highlight(runner, project):
    post = project / "posts" / "2025-11-10-robots.txt"
    result = runner.invoke(main, ["script", "--changed", str(post)], color=True)
    assert result.exit_code == 0, result.output
    plain = re.sub(r"\x1b\[[0-9;]*m", "", result.output)
    assert "반가운 일입니다" not in plain and "한 가지 소식을" not in plain
    assert "♪" not in plain
    assert "→ 비용은 천이백오십만 달러였다." in plain
    assert re.search(r"\x1b\[[0-9;]*m세 \x1b\[0m", result.output)


def test_script_without_project_uses_defaults(runner, tmp_path):
    post = tmp_path / "2025-11-10-robots.txt"
    post.write_text(POST, encoding="utf-8")
    result = runner.invoke(main, ["script", str(post)])
    assert result.exit_code == 0, result.output
    assert "하늘 정원" not in result.output
    assert "♪" not in result.output


def test_script_reads_a_huge_number_and_lists_english_sentences(runner, tmp_path):
    post = tmp_path / "2025-11-10-robots.txt"
    text = "값은 " + "3" * 5000 + "이고 구호는 Move fast and fix things였다"
    post.write_text(POST.replace("로봇이 늘어나는 것은 반가운 일입니다", text), "utf-8")
    result = runner.invoke(main, ["script", "--changed", str(post)])
    assert result.exit_code == 0, result.output
    assert "오천 자리 숫자고" in result.output
    assert result.output.splitlines()[-1] == (
        "English read word by word (give a Korean reading under [pronunciation]): "
        '"Move fast and fix things"'
    )


def test_normalize_reads_a_huge_number(runner):
    result = runner.invoke(main, ["normalize", "9" * 4400 + "을 봤다"])
    assert result.exit_code == 0, result.output
    assert result.output == "사천사백 자리 숫자를 봤다\n"
