"""What each line of a post becomes, and the guard on what is spoken, each rule from both
sides: the length limit of the short pasted lines, a source-like line only after the
sign-off, how a refused line is named (its line, or the title), each line's role, and what a
post without sources says was left unread."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from podcaster.errors import PostError
from podcaster.model import Segment, Source
from podcaster.text.read import read_post
from podcaster.text.script import ScriptSettings, build_script
from podcaster.text.segment import segment_post
from podcaster.text.spoken import (
    NEVER_SPOKEN,
    _short,
    check_spoken,
    line_roles,
    no_sources_message,
    source_warnings,
    unplaced_lines,
)

HEAD = ["정원 소식", "안녕하세요, 작은 정원의 해솔입니다.", "“올봄 도시 텃밭 신청자가 지난해보다 두 배 늘었다.”",
        "텃밭이 늘어나는 건 반가운 일이에요.", "이상 작은 정원이었습니다. 내일 또 만나요!"]
MD_HEAD = [f"# {HEAD[0]}", *(x for t in HEAD[1:] for x in ("", t))]


def analysed(tmp_path: Path, lines: list[str], name: str = "2025-04-01-garden.txt"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    post = read_post(path)
    return post, segment_post(post), path.read_text(encoding="utf-8")


def refusal(tmp_path: Path, lines: list[str]) -> str | None:
    post, segments, _ = analysed(tmp_path, lines)
    try:
        check_spoken(post, segments, build_script(post, segments, ScriptSettings()))
    except PostError as error:
        return error.problem
    return None


@pytest.mark.parametrize(("length", "found"), [(119, True), (120, True), (121, False)])
def test_a_short_line_is_at_most_120_characters(length, found):
    short = _short(re.compile("공지"))
    assert short("공지" + "가" * (length - 2)) is found
    assert short("가" * min(length, 120)) is False


def test_each_kind_has_its_own_name():
    assert len({kind.looks_like for kind in NEVER_SPOKEN}) == len(NEVER_SPOKEN)
    assert [kind.looks_like for kind in NEVER_SPOKEN if kind.after_signoff_only] == [
        "an item of a source list"]


@pytest.mark.parametrize(("line", "looks_like"), [
    ("#정원 #텃밭", "a line of hashtags"),
    ("2025.04.01 14:00", "a byline or date line"),
    ("글쓴이: 해솔", "a byline or date line"),
    ("공유하기", "page furniture"),
    ("사진=해솔", "a photo credit"),
    ("자세한 건 https://example.com/a 에서 보세요", "a web address"),
    ("해솔@example.com 으로 보내 주세요", "an e-mail address"),
    ("오늘의 참고 기사 - 어딘가신문", "an item of a source list"),
])
def test_a_line_after_the_sign_off_that_is_never_spoken(tmp_path, line, looks_like):
    assert refusal(tmp_path, [*HEAD, line]) == (
        f"line 6 looks like {looks_like}, not part of the post, and would be read aloud as "
        f"the sign-off: {line!r}; move it into the source list or remove it")


def test_a_source_like_line_is_refused_only_after_the_sign_off(tmp_path):
    line = "오늘의 참고 기사 - 어딘가신문"
    assert refusal(tmp_path, [*HEAD[:4], line, HEAD[4]]) is None
    assert refusal(tmp_path, [line, *HEAD[1:]]) is None  # nor as the title
    # nor as the sign-off's own first paragraph
    assert refusal(tmp_path, [*HEAD[:4], "이상 작은 정원 (구름신문)"]) is None


def test_a_long_line_is_cut_in_the_message(tmp_path):
    line = "#" + "가" * 60
    problem = refusal(tmp_path, [*HEAD, line])
    assert problem.endswith(f": {line[:49] + '…'!r}; move it into the source list or remove it")
    fifty = "#" + "가" * 49
    assert refusal(tmp_path, [*HEAD, fifty]).endswith(f": {fifty!r}; move it into the source "
                                                      "list or remove it")


@pytest.mark.parametrize(("lines", "problem"), [
    (["https://example.com/x 제목", *HEAD[1:]],
     "the title looks like a web address, not part of the post, and would be read aloud as "
     "the title: 'https://example.com/x 제목'; move it into the source list or remove it"),
    ([HEAD[0], "글쓴이: 해솔", *HEAD[1:]],
     "line 2 looks like a byline or date line, not part of the post, and would be read aloud "
     "as the greeting: '글쓴이: 해솔'; move it into the source list or remove it"),
    ([*HEAD[:3], "“사진=해솔”", *HEAD[3:]],
     "line 4 looks like a photo credit, not part of the post, and would be read aloud as a "
     "quote: '사진=해솔'; move it into the source list or remove it"),
    ([*HEAD[:4], "공유하기", HEAD[4]],
     "line 5 looks like page furniture, not part of the post, and would be read aloud as "
     "commentary: '공유하기'; move it into the source list or remove it"),
])
def test_where_a_refused_line_would_be_spoken(tmp_path, lines, problem):
    assert refusal(tmp_path, lines) == problem


def test_only_the_first_refused_line_is_named_and_each_once(tmp_path):
    post, segments, _ = analysed(tmp_path, [*HEAD, "#정원", "공유하기"])
    assert [(u.line, u.looks_like) for u in unplaced_lines(post, segments)] == [
        (6, "a line of hashtags"), (7, "page furniture")]


def test_line_roles(tmp_path):
    lines = [*MD_HEAD, "", "출처", "", "1. 새 위성 발사 https://example.com/a",
             "2. 달 탐사 (구름신문)", "https://example.com/b", "3. 별 https://www.yna.co.kr/view/1",
             "", "<div>a</div>"]
    post, segments, text = analysed(tmp_path, lines, "2025-04-01-garden.md")
    assert line_roles(post, segments, text) == [
        (1, "title", "# 정원 소식"), (3, "greeting", HEAD[1]), (5, "quote", HEAD[2]),
        (7, "commentary", HEAD[3]), (9, "signoff", HEAD[4]),
        (11, "not read: the source list's label", "출처"),
        (13, "source 1, no outlet", "1. 새 위성 발사 https://example.com/a"),
        (14, "source 2, 구름신문", "2. 달 탐사 (구름신문)"),
        (15, "source 2, its link", "https://example.com/b"),
        (16, "source 3, 연합뉴스 (from the address)", "3. 별 https://www.yna.co.kr/view/1"),
        (18, "not read", "<div>a</div>")]
    assert line_roles(post, segments) == [
        (3, "greeting", HEAD[1]), (5, "quote", HEAD[2][1:-1]), (7, "commentary", HEAD[3]),
        (9, "signoff", HEAD[4]), (13, "source 1, no outlet", "새 위성 발사"),
        (14, "source 2, 구름신문", "달 탐사"), (16, "source 3, 연합뉴스 (from the address)", "별")]


def test_lines_inside_a_paragraph_take_its_role(tmp_path):
    lines = [*MD_HEAD[:-1], "이상 작은 정원이었습니다.", "내일 또 만나요!"]
    post, segments, text = analysed(tmp_path, lines, "2025-04-01-garden.md")
    assert line_roles(post, segments, text)[-2:] == [
        (9, "signoff", "이상 작은 정원이었습니다."), (10, "signoff", "내일 또 만나요!")]


@pytest.mark.parametrize(("tail", "message", "first"), [
    ([], "MSG; nothing after the sign-off was left unread", 0),
    (["", "<div>a</div>"], "MSG; line 11 after the sign-off was left unread ('<div>a</div>'): "
                           "is it a source list in a form podcaster does not know?", 11),
    ([x for n in "abcdef" for x in ("", f"<div>{n}</div>")],
     "MSG; lines 11, 13, 15, 17, 19 and 1 more after the sign-off were left unread "
     "('<div>a</div>'): is it a source list in a form podcaster does not know?", 11),
    ([x for n in "abcde" for x in ("", f"<div>{n}</div>")],
     "MSG; lines 11, 13, 15, 17, 19 after the sign-off were left unread "
     "('<div>a</div>'): is it a source list in a form podcaster does not know?", 11),
])
def test_what_a_post_without_sources_left_unread(tmp_path, tail, message, first):
    post, segments, _ = analysed(tmp_path, [*MD_HEAD, *tail], "2025-04-01-garden.md")
    assert no_sources_message(post, segments, "MSG") == (message, first)


def test_without_a_sign_off_what_follows_the_last_paragraph(tmp_path):
    post, segments, _ = analysed(tmp_path, [*MD_HEAD[:-2], "", "<div>a</div>"],
                                 "2025-04-01-garden.md")
    assert not any(s.kind == "signoff" for s in segments)
    assert no_sources_message(post, segments, "MSG") == (
        "MSG; line 9 after the last paragraph was left unread ('<div>a</div>'): is it a source "
        "list in a form podcaster does not know?", 9)


def test_a_line_right_after_a_source_that_is_no_source_is_not_read(tmp_path):
    lines = [*MD_HEAD, "", "출처", "", "1. 달 탐사 (구름신문)", "https://example.com/b",
             "<div>a</div>"]
    post, segments, text = analysed(tmp_path, lines, "2025-04-01-garden.md")
    assert line_roles(post, segments, text)[-3:] == [
        (13, "source 1, 구름신문", "1. 달 탐사 (구름신문)"),
        (14, "source 1, its link", "https://example.com/b"), (15, "not read", "<div>a</div>")]


def test_front_matter_lines_are_not_read_and_a_heading_title_is_found(tmp_path):
    lines = ["---", "title: X선 사진 이야기", "---", "", "# X선 사진 이야기", *MD_HEAD[1:]]
    post, segments, text = analysed(tmp_path, lines, "2025-04-01-garden.md")
    assert line_roles(post, segments, text)[:5] == [
        (1, "not read", "---"), (2, "not read", "title: X선 사진 이야기"), (3, "not read", "---"),
        (5, "title", "# X선 사진 이야기"), (7, "greeting", HEAD[1])]


LONG_DIV = "<div>" + "가" * 40 + "</div>"


@pytest.mark.parametrize(("lines", "message", "first"), [
    # a line between the sign-off's paragraphs was left unread; one before it was not
    ([*MD_HEAD, "", "<div>a</div>", "", "다음 주에 또 만나요."],
     "MSG; line 11 after the sign-off was left unread ('<div>a</div>'): is it a source list "
     "in a form podcaster does not know?", 11),
    ([*MD_HEAD[:7], "", "<div>a</div>", *MD_HEAD[7:]],
     "MSG; nothing after the sign-off was left unread", 0),
    # without a sign-off: only what follows the last paragraph
    ([*MD_HEAD[:5], "", "<div>a</div>", "", HEAD[3], "", "<div>b</div>"],
     "MSG; line 11 after the last paragraph was left unread ('<div>b</div>'): is it a source "
     "list in a form podcaster does not know?", 11),
    # the unread line is quoted up to 40 characters
    ([*MD_HEAD, "", LONG_DIV],
     f"MSG; line 11 after the sign-off was left unread ({LONG_DIV[:40]!r}): is it a source "
     "list in a form podcaster does not know?", 11),
])
def test_which_lines_count_as_left_unread(tmp_path, lines, message, first):
    post, segments, _ = analysed(tmp_path, lines, "2025-04-01-garden.md")
    assert no_sources_message(post, segments, "MSG") == (message, first)


def test_a_post_with_nothing_spoken_left_nothing_unread(tmp_path):
    post, _, _ = analysed(tmp_path, [*MD_HEAD, "", "<div>a</div>"], "2025-04-01-garden.md")
    assert no_sources_message(post, [], "MSG") == (
        "MSG; nothing after the last paragraph was left unread", 0)


PAGE = """<html><head><title>정원 소식</title></head><body>
<h1>정원 소식</h1>
<p>안녕하세요, 작은 정원의 해솔입니다.</p>
<p>“올봄 도시 텃밭 신청자가 지난해보다 두 배 늘었다.”</p>
<p>텃밭이 늘어나는 건 반가운 일이에요.</p>
<p>이상 작은 정원이었습니다. 내일 또 만나요!</p>

<footer>

<div></div>

<span>공유하기</span>

<div>2025.04.01 14:00</div>

<div>&lt;씨앗&gt; 나눔</div>

<div>모종 심는 법</div>

</footer>
</body></html>
"""


@pytest.mark.parametrize("name", ["2025-04-01-garden.html", "2025-04-01-garden.htm",
                                  "2025-04-01-garden.HTM"])
def test_a_page_left_unread_only_its_words(tmp_path, name):
    """Of a page's lines after the sign-off, tags alone, furniture and a date line are not
    named; the others are, by their words (entities read)."""
    (tmp_path / name).write_text(PAGE, encoding="utf-8")
    post = read_post(tmp_path / name)
    assert no_sources_message(post, segment_post(post), "MSG") == (
        "MSG; lines 16, 18 after the sign-off were left unread ('<씨앗> 나눔'): is it a source "
        "list in a form podcaster does not know?", 16)


@pytest.mark.parametrize(("line", "refused"), [
    ("글쎄요", False),  # "글" starts a byline only with a date or time after it
    ("글: 해솔 2025.04.01", True),
    ("2025.04.01", True),
    ("작성자: 해솔", True),  # these need no date
])
def test_a_byline_needs_a_date_unless_it_says_who_wrote(tmp_path, line, refused):
    problem = refusal(tmp_path, [*HEAD[:4], line, HEAD[4]])
    assert (problem is not None) is refused
    if refused:
        assert problem.startswith("line 5 looks like a byline or date line")


def test_each_announced_source_without_an_outlet_is_named_once_in_order(tmp_path):
    post, _, _ = analysed(tmp_path, HEAD)
    second = Source(2, "달 탐사", None, "https://example.com/b", line=12)
    segments = [Segment("greeting", "인사", [HEAD[1]]),
                Segment("article", "달 탐사", ["가"], source=second),
                Segment("article", "새 위성", ["나"], source=Source(1, "새 위성", None)),
                Segment("commentary", "생각", ["다"]),
                Segment("article", "달 탐사", ["라"], source=second),
                Segment("article", "별", ["마"], source=Source(3, "별", "구름신문", line=14))]
    end = "has no outlet; its article is announced without one (write it in the list, e.g. " \
          "'1. 제목 -언론사-')"
    assert source_warnings(post, segments) == [f"source 1 {end}", f"line 12: source 2 {end}"]
