"""Values that used to pass the door and break later: figures in a feed too long to convert,
post dates outside the years feeds handle. Each is a clear problem or a bad post, never 70."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from podcaster.check.files import validate_timed_text
from podcaster.check.report import MAX_DIGITS, whole_number
from podcaster.cli import main
from podcaster.errors import PostError
from podcaster.text.read import YEARS, post_date, read_post
from tests.helpers import DEMO

FEED = "public/feed.xml"
POST = """\
아주 오래된 소식
안녕하세요 시험 작가입니다.
오늘은 달력 이야기를 해 보겠습니다.
이상 오늘의 소식이었습니다.
"""


@pytest.fixture
def project(built_demo, tmp_path) -> Path:
    dest = tmp_path / "demo"
    shutil.copytree(built_demo[0], dest, ignore=shutil.ignore_patterns(".podcaster-cache"))
    return dest


def check(project: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["check", str(project)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, [line for line in result.output.splitlines()
                              if not line.startswith("Error:")]


def set_in_first_item(project: Path, path: str, attribute: str | None, value: str) -> None:
    feed = project / FEED
    root = etree.fromstring(feed.read_bytes())
    ns = {"itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd"}
    (elem,) = root.xpath(f"//item[1]/{path}", namespaces=ns)
    if attribute:
        elem.set(attribute, value)
    else:
        elem.text = value
    feed.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


@pytest.mark.parametrize("value", ["1" * 5000, "0" * 4000 + "7", "²", "١٢"])
def test_an_enclosure_length_of_any_figure_is_a_problem(project, value):
    set_in_first_item(project, "enclosure", "length", value)
    code, lines = check(project)
    assert code == 1, lines
    (line,) = [line for line in lines if "enclosure length" in line]
    assert len(line) < 300
    assert "(5000 characters)" in line if len(value) == 5000 else True


def test_an_episode_number_of_5000_digits_is_a_problem(project):
    set_in_first_item(project, "itunes:episode", None, "9" * 5000)
    code, lines = check(project)
    assert code == 1
    assert any("itunes:episode" in line and "(5000 characters)" in line for line in lines)


def test_a_vtt_hour_of_5000_digits_is_a_problem():
    vtt = f"WEBVTT\n\n{'1' * 5000}:00:00.000 --> {'1' * 5000}:00:01.000\n말\n".encode()
    assert validate_timed_text(vtt, "vtt", None)


@given(st.text(max_size=30) | st.integers(min_value=0).map(str))
def test_whole_number_converts_only_ascii_digits(text):
    value = whole_number(text)
    if value is None:
        assert not (text.isascii() and text.isdigit()) or len(text.lstrip("0")) > MAX_DIGITS
    else:
        assert text.isascii() and text.isdigit() and value == int(text)


@pytest.mark.parametrize("name", ["0001-01-01-ancient.txt", "1969-12-31-eve.txt"])
def test_a_post_dated_before_1970_is_a_bad_post(tmp_path, name):
    project = tmp_path / "show"
    shutil.copytree(DEMO, project,
                    ignore=shutil.ignore_patterns("public", ".podcaster-cache"))
    (project / "posts" / name).write_text(POST, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(project), "--engine", "espeak"])
    assert result.exit_code == 3, result.output
    (error,) = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert name in error and "1970–9999" in error
    assert not (project / "public").exists()


def test_front_matter_dates_are_held_to_the_same_years(tmp_path):
    post = tmp_path / "old.md"
    post.write_text("---\ndate: 0001-01-01\n---\n" + POST, encoding="utf-8")
    with pytest.raises(PostError, match="out of range"):
        read_post(post)
    post.write_text("---\ndate: 9999-12-31\n---\n" + POST, encoding="utf-8")
    assert read_post(post).date == dt.date(9999, 12, 31)


@given(st.dates())
def test_post_date_is_in_range_or_a_post_error(day):
    try:
        got = post_date({"date": day}, Path("post.md"))
    except PostError as exc:
        assert "out of range" in exc.message
        assert not YEARS[0] <= day.year <= YEARS[1]
    else:
        assert got == day and YEARS[0] <= day.year

