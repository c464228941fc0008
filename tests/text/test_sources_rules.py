"""The source-list rules, each from both sides: which lines read as source items, how an
item's outlet is found (one case per row of ``OUTLET_FORMS``), and the limits on an outlet's
name."""

from __future__ import annotations

import re

import pytest

from podcaster.model import Source
from podcaster.text.readers.sources import (
    OUTLET_FORMS,
    find_source_list,
    label_line,
    list_item,
    looks_like_source,
    markdown_link,
    parse_item,
    source_like,
    split_outlet,
    url_of_line,
    with_address_outlet,
)

# --- a line after the sign-off that reads as a source item --------------------------------


@pytest.mark.parametrize(("line", "expected"), [
    ("https://example.com/a", True),                     # a URL alone
    ("<https://example.com/a>", True),
    ("1. 새 위성 발사 -한빛일보-", True),                # numbered, with an outlet
    ("1. 그냥 적어 둔 메모", False),                     # numbered, neither URL nor outlet
    ("1. 그냥 적어 둔 메모 https://example.com/a", True),  # numbered, with a URL
    ("- 새 위성 발사 https://example.com/a", True),      # a bullet with a URL
    ("- 새 위성 발사 - 한빛일보", True),                 # a bullet with an outlet
    ("- 그냥 메모", False),                              # a bullet, neither
    ("[1]: https://example.com/a", True),                # a reference definition
    ("[참고]: https://example.com/a", True),
    ("출처: 한빛경제", True),                            # a label and an outlet's name
    ("출처: 그냥 메모", False),                          # a label and no outlet
    ("* 연합뉴스", True),                                # a known outlet alone
    ("오늘 본 하늘", False),                             # not an item at all
    ("새 위성 발사 (한빛일보)", False),                  # an outlet, but not an item
])
def test_looks_like_source(line, expected):
    assert looks_like_source(line) is expected


# "나" * k + " -한빛일보-": a headline naming its outlet, k + 7 characters long.
def _headline(length: int) -> str:
    return "나" * (length - 7) + " -한빛일보-"


@pytest.mark.parametrize(("line", "expected"), [
    ("1. 새 위성 발사 -한빛일보-", True),
    ("새 위성 발사 (한빛일보)", True),                   # an outlet, no number, no URL
    ("- 새 위성 발사 - 한빛일보", True),                 # a bullet before it is no part of it
    ("* 연합뉴스", True),                                # a known outlet alone, after a bullet
    ("• 연합뉴스", True),
    ("X 연합뉴스", False),                               # only bullets are set aside
    ("출처: 그냥 메모", True),                           # a label opens it
    ("오늘의 참고 기사 - 어딘가", True),                 # a label inside it
    ("다음 주에 만나요 (구름노트)", False),              # a signed sentence to the listener
    ("참고: 한빛일보에서 읽었다.", False),               # a sentence, even after a label
    ("새 위성 발사를 봤다 -한빛일보-.", False),
    ("오늘 본 하늘", False),
    ("", False),
    ("   ", False),
    (_headline(120), True),                              # at the length limit
    (_headline(121), False),                             # over it
])
def test_source_like(line, expected):
    assert source_like(line) is expected


def test_list_item_and_label_line():
    assert list_item("1. 무엇이든") and list_item("[2] 무엇이든") and list_item("(3) 무엇이든")
    assert not list_item("- 무엇이든") and not list_item("1등 소식")
    assert label_line("출처") and label_line("참고 기사:") and label_line("References")
    assert not label_line("출처를 밝힌다") and not label_line("오늘의 소식")


# --- an item's outlet, one row of OUTLET_FORMS each ---------------------------------------

FORM_CASES = {
    "title -outlet-": "새 위성 발사 -한빛일보-",
    "title (outlet[, date])": "새 위성 발사 (한빛일보, 2025-11-03)",
    "[outlet] title": "[한빛일보] 새 위성 발사",
    "title - outlet / title | outlet": "새 위성 발사 | 한빛일보",
    "title / outlet": "새 위성 발사 / 한빛일보",
    "title, outlet": "새 위성 발사, 한빛일보",
    "outlet: title": "한빛일보: 새 위성 발사",
    "<outlet> title": "<한빛일보> 새 위성 발사",
    "outlet · title / outlet :: title": "한빛일보 :: 새 위성 발사",
    "outlet “title”": "한빛일보 “새 위성 발사”",
    "title<TAB>outlet": "새 위성 발사\t한빛일보",
}


def form_id(form) -> str:
    """A test id of letters and dashes: pytest cannot select an id holding escapes or '::'."""
    return re.sub(r"[^A-Za-z]+", "-", form.name).strip("-")


def test_every_outlet_form_has_a_case():
    assert [form.name for form in OUTLET_FORMS] == list(FORM_CASES)


@pytest.mark.parametrize("form", OUTLET_FORMS, ids=form_id)
def test_each_outlet_form_splits_title_and_outlet(form):
    text = FORM_CASES[form.name]
    assert form.pattern.match(text)
    assert split_outlet(text) == ("새 위성 발사", "한빛일보")


@pytest.mark.parametrize("form", [f for f in OUTLET_FORMS if f.trusted], ids=form_id)
def test_a_trusted_form_takes_any_short_name(form):
    text = FORM_CASES[form.name].replace("한빛일보", "구름노트")
    assert split_outlet(text) == ("새 위성 발사", "구름노트")


@pytest.mark.parametrize("form", [f for f in OUTLET_FORMS if not f.trusted],
                         ids=form_id)
def test_an_untrusted_form_takes_only_a_name_shaped_like_an_outlet(form):
    text = FORM_CASES[form.name].replace("한빛일보", "구름노트")
    assert split_outlet(text)[1] is None


@pytest.mark.parametrize(("text", "expected"), [
    ("새 위성 발사 (종합)", ("새 위성 발사 (종합)", None)),   # describes the article
    ("새 위성 발사 (3사 공동)", ("새 위성 발사 (3사 공동)", None)),  # starts with a digit
    ("새 위성 발사 (정말 좋다.)", ("새 위성 발사 (정말 좋다.)", None)),  # a sentence's end
    ("새 위성 발사 (12/03)", ("새 위성 발사 (12/03)", None)),  # only digits and marks
    ("새 위성 발사 (가 나 다 라)", ("새 위성 발사", "가 나 다 라")),  # four words, trusted
    ("새 위성 발사 (가 나 다 라 마)", ("새 위성 발사 (가 나 다 라 마)", None)),
    ("새 위성 발사, 가 나 한빛일보", ("새 위성 발사", "가 나 한빛일보")),  # three, untrusted
    ("새 위성 발사, 가 나 다 한빛일보", ("새 위성 발사, 가 나 다 한빛일보", None)),
    ("새 위성 발사 (" + "a" * 30 + ")", ("새 위성 발사", "a" * 30)),  # 30 characters
    ("새 위성 발사 (" + "a" * 31 + ")", ("새 위성 발사 (" + "a" * 31 + ")", None)),
    ("새 위성 발사 2025.11.03", ("새 위성 발사", None)),      # a date is no part of the title
    ("「새 위성 발사」, 한빛일보", ("새 위성 발사", "한빛일보")),  # quote marks around it
    ("연합뉴스", ("연합뉴스", "연합뉴스")),                    # a known outlet alone
    ("새 위성 발사 (한빛일보,)", ("새 위성 발사", "한빛일보")),  # commas and dots around it
    ("새 위성 발사 (·구름노트·)", ("새 위성 발사", "구름노트")),  # are no part of the name
])
def test_outlet_name_limits(text, expected):
    assert split_outlet(text) == expected


# --- an item's text, URL and outlet -------------------------------------------------------


@pytest.mark.parametrize(("text", "url", "labelled", "expected"), [
    ("새 위성 발사 -한빛일보- https://example.com/a", None, False,
     ("새 위성 발사", "한빛일보", "https://example.com/a", None)),
    ("[새 위성 발사](https://example.com/a) -한빛일보-", None, False,
     ("새 위성 발사", "한빛일보", "https://example.com/a", None)),
    ("새 위성 발사 -한빛일보- https://example.com/a", "https://example.com/b", False,
     ("새 위성 발사", "한빛일보", "https://example.com/b", None)),  # a known link wins
    ("새 위성 발사 <https://example.com/a>", None, False,
     ("새 위성 발사", None, "https://example.com/a", None)),
    ("새 위성 발사 -한빛일보- HTTPS://example.com/a", None, False,       # any case, as web_url
     ("새 위성 발사", "한빛일보", "HTTPS://example.com/a", None)),
    ("한빛경제", None, True, ("한빛경제", "한빛경제", None, None)),  # after a label: the outlet
    ("한빛경제", None, False, ("한빛경제", None, None, None)),
    ("구름노트", None, True, ("구름노트", None, None, None)),    # not shaped like an outlet
    ("연합뉴스 https://example.com/a", None, False,
     ("example.com", "연합뉴스", "https://example.com/a", None)),  # titled by its host
    ("", "https://www.example.com/a", False,
     ("example.com", None, "https://www.example.com/a", None)),
])
def test_parse_item(text, url, labelled, expected):
    source = parse_item(1, text, url, labelled=labelled)
    assert (source.title, source.outlet, source.url, source.outlet_from) == expected


def test_an_outlet_from_the_address_is_marked_so():
    source = with_address_outlet(Source(1, "", None, "https://www.yna.co.kr/view/1"))
    assert source.outlet and source.outlet_from == "address"
    assert source.title == "yna.co.kr"
    named = with_address_outlet(Source(1, "제목", "한빛일보", "https://www.yna.co.kr/view/1"))
    assert (named.outlet, named.outlet_from, named.title) == ("한빛일보", None, "제목")
    unknown = with_address_outlet(Source(1, "", None, "https://example.com/a"))
    assert (unknown.outlet, unknown.outlet_from, unknown.title) == (None, None, "example.com")
    no_url = with_address_outlet(Source(1, "", "한빛일보", None))
    assert no_url.title == "한빛일보"


@pytest.mark.parametrize(("line", "expected"), [
    ("https://example.com/a", "https://example.com/a"),
    ("  <https://example.com/a>  ", "https://example.com/a"),
    ("javascript:alert(1)", "javascript:alert(1)"),        # any scheme: the list drops it later
    ("[새 위성 발사](https://example.com/a)", "https://example.com/a"),
    ("[새 위성 발사](https://example.com/a) 더 읽기", None),  # more than the link
    ("[새 위성 발사](https://example.com/a) (한빛일보)", None),  # an item, with its outlet
    ("[하나](https://example.com/1) [둘](https://example.com/2)", None),
    ("[새 위성 발사](https://example.com/a(1))", "https://example.com/a(1)"),
    ("[**새** 위성](https://example.com/a)", "https://example.com/a"),
    ("[새 위성 발사]()", None),
    ("앞말 [새 위성 발사](https://example.com/a)", None),
    ("새 위성 발사 https://example.com/a", None),
    ("그냥 한 줄", None),
])
def test_url_of_line(line, expected):
    assert url_of_line(line) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("[새 위성](https://example.com/a(1)) 소식", ("새 위성 소식", "https://example.com/a(1)")),
    ("[새 `위성`](<https://example.com/a b>)", ("새 위성", "https://example.com/a%20b")),
    ("[하나](https://example.com/1) [둘](https://example.com/2)",
     ("하나 둘", "https://example.com/1")),                # the first link's destination
    ("<https://example.com/a> [둘](https://example.com/2)", None),
    ("링크 없음", None),
    ("[괄호] (그냥)", None),
    ("[새\n위성](https://example.com/a)", ("새 위성", "https://example.com/a")),  # a line break
    ("[새  \n위성](https://example.com/a)", ("새 위성", "https://example.com/a")),  # a hard one
])
def test_markdown_link(text, expected):
    result = markdown_link(text)
    if expected is None:
        assert result is None or result[1] == "https://example.com/2"
    else:
        assert result == expected


# --- where the list is ----------------------------------------------------------------------

BODY = ["첫 문단입니다.", "둘째 문단입니다."]


@pytest.mark.parametrize(("lines", "expected"), [
    # at the end: one item naming an outlet is enough
    (BODY + ["1. 새 위성 발사 -한빛일보-"], (2, 3, [("새 위성 발사", "한빛일보", None)])),
    # at the end, with neither URL nor outlet: not a list
    (BODY + ["1. 그냥 메모", "2. 또 메모"], (4, 4, [])),
    # a label above it belongs to it, blank lines between included
    (BODY + ["출처", "", "1. 새 위성 발사 -한빛일보-"],
     (2, 5, [("새 위성 발사", "한빛일보", None)])),
    # not at the end: half of the items with a URL is enough ...
    (["1. 하나 https://example.com/1", "2. 둘"] + BODY,
     (0, 2, [("하나", None, "https://example.com/1"), ("둘", None, None)])),
    # ... fewer is not, even with outlets
    (["1. 하나 https://example.com/1", "2. 둘 -한빛일보-", "3. 셋 -한빛일보-"] + BODY,
     (5, 5, [])),
    # a URL line under an item is its link; a bare list of URLs is a list of sources
    (BODY + ["1. 새 위성 발사", "https://example.com/a"],
     (2, 4, [("새 위성 발사", None, "https://example.com/a")])),
    (BODY + ["https://example.com/a", "https://example.com/b"],
     (2, 4, [("example.com", None, "https://example.com/a"),
             ("example.com", None, "https://example.com/b")])),
])
def test_find_source_list(lines, expected):
    start, end, sources = find_source_list(lines)
    assert (start, end, [(s.title, s.outlet, s.url) for s in sources]) == expected


def test_a_linked_item_naming_its_outlet_in_parentheses_is_its_own_source():
    lines = BODY + ["출처", "1. 새 위성 발사 -한빛일보-",
                    "[달 탐사](https://example.com/b) (구름신문)"]
    assert [(s.n, s.title, s.outlet, s.url) for s in find_source_list(lines)[2]] == [
        (1, "새 위성 발사", "한빛일보", None), (2, "달 탐사", "구름신문", "https://example.com/b")]


def test_source_lines_are_numbered_from_first_line():
    lines = BODY + ["", "1. 새 위성 발사 -한빛일보-", "2. 달 탐사 (구름신문)"]
    _, _, sources = find_source_list(lines, first_line=5)
    assert [(s.n, s.line) for s in sources] == [(1, 8), (2, 9)]
    bare = find_source_list(BODY + ["https://example.com/a"], first_line=3)[2]
    assert [(s.n, s.line) for s in bare] == [(1, 5)]


@pytest.mark.parametrize(("item", "number"), [
    ("1. 제목 -한빛일보-", 1), ("2) 제목 -한빛일보-", 2), ("[3] 제목 -한빛일보-", 3),
    ("(4) 제목 -한빛일보-", 4), ("⑤ 제목 -한빛일보-", 5), ("#6 제목 -한빛일보-", 6),
    ("7번. 제목 -한빛일보-", 7), ("- 제목 -한빛일보-", 1), ("[8]: https://example.com/a", 8),
])
def test_item_numbers(item, number):
    sources = find_source_list(BODY + [item])[2]
    assert [s.n for s in sources] == [number]


def test_unnumbered_items_are_numbered_in_order():
    sources = find_source_list(BODY + ["- 하나 -한빛일보-", "- 둘 -한빛일보-"])[2]
    assert [s.n for s in sources] == [1, 2]


@pytest.mark.parametrize(("headline", "is_item"), [
    ("새 위성 발사 소식", True),          # a headline above a URL line is an item
    ("새 위성 발사를 보았다.", False),   # a sentence is not
    ("“새 위성 발사”", False),           # nor a quote
    ("출처", False),                      # nor a label
    ("가" * 121, False),                  # nor a line too long for a headline
])
def test_a_headline_above_a_url_line(headline, is_item):
    start, _, sources = find_source_list(BODY + [headline, "https://example.com/a"])
    assert (start == 2) is is_item or headline == "출처"
    assert sources[0].title == (headline if is_item else "example.com")


@pytest.mark.parametrize(("line", "is_item"), [
    ("새 위성 발사 (한빛일보, 2025-11-03) https://example.com/a", True),
    ("한빛일보: 새 위성이 떴다 https://example.com/a", False),   # a sentence
    ("새 위성 발사 https://example.com/a", False),                     # no outlet named
])
def test_an_unnumbered_line_with_outlet_and_url(line, is_item):
    start, end, sources = find_source_list(["첫 문단입니다.", line, "끝 문단입니다."])
    assert (start, end) == ((1, 2) if is_item else (3, 3))


# --- each line of a list, its label, its end and its line numbers ---------------------------


def _found(lines, **kwargs):
    start, end, sources = find_source_list(lines, **kwargs)
    return start, end, [(s.n, s.title, s.outlet, s.url, s.line) for s in sources]


@pytest.mark.parametrize(("lines", "expected"), [
    # a label with its source on one line: a name shaped like an outlet's is the outlet
    (BODY + ["출처: 한빛경제"], (2, 3, [(1, "한빛경제", "한빛경제", None, 3)])),
    # a line that is both a numbered item and a link alone is an item, not the link above's
    (BODY + ["1. 새 위성 발사 -한빛일보-", "[2](https://example.com/a)"],
     (2, 4, [(1, "새 위성 발사", "한빛일보", None, 3),
             (2, "example.com", None, "https://example.com/a", 4)])),
    # a blank line between items does not end the list
    (BODY + ["1. 하나 -한빛일보-", "", "2. 둘 -한빛일보-"],
     (2, 5, [(1, "하나", "한빛일보", None, 3), (2, "둘", "한빛일보", None, 5)])),
    # a label right above the list, and one on the very first line, belong to it
    (BODY + ["출처", "1. 새 위성 발사 -한빛일보-"], (2, 4, [(1, "새 위성 발사", "한빛일보", None, 4)])),
    (["출처", "1. 하나 https://example.com/1"] + BODY,
     (0, 2, [(1, "하나", None, "https://example.com/1", 2)])),
    # a list followed by a last line of text does not end the post: outlets are not enough
    (BODY + ["1. 새 위성 발사 -한빛일보-", "마지막 문단입니다."], (4, 4, [])),
    (BODY + ["1. 새 위성 발사 -한빛일보-"], (2, 3, [(1, "새 위성 발사", "한빛일보", None, 3)])),
    # a reference definition without a title is titled by its host
    (BODY + ["[1]: https://example.com/a"], (2, 3, [(1, "example.com", None, "https://example.com/a", 3)])),
])
def test_the_lines_of_a_list(lines, expected):
    assert _found(lines) == expected


def test_a_bare_list_of_urls_is_numbered_line_by_line():
    lines = BODY + ["https://example.com/a", "https://example.com/b"]
    assert _found(lines, first_line=3)[2] == [(1, "example.com", None, "https://example.com/a", 5),
                                              (2, "example.com", None, "https://example.com/b", 6)]


@pytest.mark.parametrize(("headline", "is_item"), [
    ("가" * 120, True),                  # a headline as long as allowed
    ("X선으로 본 새 위성", True),        # any first letter but a quote mark
])
def test_a_headline_above_a_url_line_at_the_edges(headline, is_item):
    sources = find_source_list(BODY + [headline, "https://example.com/a"])[2]
    assert sources[0].title == (headline if is_item else "example.com")


@pytest.mark.parametrize(("text", "expected"), [
    ("새 위성 발사 (X뉴스)", ("새 위성 발사", "X뉴스")),            # a name's own letters stay
    ("새 위성 발사 (-12)", ("새 위성 발사 (-12)", None)),           # only digits and marks
])
def test_outlet_name_edges(text, expected):
    assert split_outlet(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("https://example.com/a — 새 위성 발사 (한빛일보)",
     ("새 위성 발사", "한빛일보", "https://example.com/a")),       # a dash after the link
    ("： 새 위성 발사 (한빛일보)", ("새 위성 발사", "한빛일보", None)),  # a colon before it
    ("X선 사진 (한빛일보)", ("X선 사진", "한빛일보", None)),          # a title's own letters
    ("새 위성 발사 -구름노트-", ("새 위성 발사", "구름노트", None)),  # its dashes at the end
])
def test_an_items_text_is_trimmed_of_marks_only(text, expected):
    source = parse_item(1, text)
    assert (source.title, source.outlet, source.url) == expected


def test_an_item_is_not_taken_as_after_a_label_unless_said():
    source = parse_item(1, "한빛경제")
    assert (source.title, source.outlet) == ("한빛경제", None)


def test_a_source_with_nothing_to_name_it_has_an_empty_title():
    assert with_address_outlet(Source(1, "", None, None)).title == ""


def test_source_lines_count_from_the_first_line_by_default():
    assert [s.line for s in find_source_list(BODY + ["1. 새 위성 발사 -한빛일보-"])[2]] == [3]
