"""The HTML reader's rules from both sides: where the title comes from (each fallback in
turn), which element holds the post, what ends a paragraph, quotes and their groups, the
description and date a page carries, and a list of links as the source list (a list, a table
or a definition list; at least half its items linked; after the last quote)."""

from __future__ import annotations

from pathlib import Path

import pytest

from podcaster.errors import PostError
from podcaster.text.readers.html import HtmlReader

P = Path("2025-03-04-a.html")
BODY = "<p>본문입니다.</p>"


def parse(text: str):
    return HtmlReader().parse(text, P)


def texts(text: str) -> list[str]:
    return [p.text for p in parse(text).paragraphs]


def sources(text: str) -> list[tuple]:
    return [(s.n, s.title, s.outlet, s.url, s.line) for s in parse(text).sources]


def refused(text: str) -> str:
    with pytest.raises(PostError) as caught:
        parse(text)
    assert caught.value.path == P
    return caught.value.problem


# --- the title ------------------------------------------------------------------------------


@pytest.mark.parametrize(("html", "title"), [
    (f"<h1>제목</h1>{BODY}", "제목"),
    # the post's own h1 before the page's og:title
    (f'<head><meta property="og:title" content="오지 제목"></head><body><h1>제목</h1>{BODY}',
     "제목"),
    # og:title before an h1 outside the post element and before <title>
    (f'<head><title>탭 제목 | 블로그</title><meta property="OG:TITLE" content=" 오지 제목 ">'
     f"</head><body><header><h1>블로그</h1></header><article>{BODY}</article></body>",
     "오지 제목"),
    (f'<head><meta property="og:title" content="  "><title>탭 제목</title></head><body>{BODY}',
     "탭 제목"),
    # an h1 of the page outside the post, but not in its header or navigation
    (f"<body><div><h1>바깥 제목</h1></div><main>{BODY}</main></body>", "바깥 제목"),
    (f"<head><title>탭 제목 :: 블로그</title></head><body><header><h1>블로그</h1></header>"
     f"<article>{BODY}</article></body>", "탭 제목"),
    (f"<head><title>탭 제목 | 블로그</title></head><body><nav><h1>메뉴</h1></nav>{BODY}",
     "탭 제목"),
    (f"<head><title>탭 제목 - 블로그</title></head><body>{BODY}", "탭 제목 - 블로그"),
    (f"<body><h1> </h1><main><h1>메인 제목</h1>{BODY}</main></body>", "메인 제목"),
    # the post element's h1, not the page's
    (f"<body><h1>바깥</h1><main><h1>메인 제목</h1>{BODY}</main></body>", "메인 제목"),
    # an h1 in the header is the title when there is nothing else
    (f"<body><header><h1>헤더 제목</h1></header>{BODY}</body>", "헤더 제목"),
])
def test_the_title(html, title):
    assert parse(html).title == title


def test_the_title_is_not_read_again():
    assert texts(f"<h1>제목</h1>{BODY}") == ["본문입니다."]


@pytest.mark.parametrize("html", [BODY, f"<h1> </h1>{BODY}", f"<nav><h1>메뉴</h1></nav>{BODY}"])
def test_a_page_without_title(html):
    assert refused(html) == "the page has no <h1> or <title>"


def test_html_that_cannot_be_parsed():
    assert refused("<h1>제목</h1><p>본문입니다.<![0").startswith("the HTML cannot be parsed: ")


# --- which element holds the post -----------------------------------------------------------


@pytest.mark.parametrize(("html", "expected"), [
    ("<body><nav><p>메뉴 문단</p></nav><article><h1>제목</h1><p>본문입니다.</p></article>"
     "<footer><p>꼬리</p></footer></body>", ["본문입니다."]),
    ("<body><p>바깥 문단</p><main><h1>제목</h1><p>본문입니다.</p></main></body>",
     ["본문입니다."]),
    ("<body><p>바깥 문단</p><main><h1>제목</h1><p>메인입니다.</p></main>"
     "<article><p>본문입니다.</p></article></body>", ["본문입니다."]),   # article before main
    ("<body><h1>제목</h1><p>본문입니다.</p></body><p>몸 밖</p>", ["본문입니다."]),
    ("<h1>제목</h1><p>본문입니다.</p>", ["본문입니다."]),                # no body element
])
def test_the_post_element(html, expected):
    assert texts(html) == expected


# --- paragraphs -------------------------------------------------------------------------------


def test_paragraphs_quotes_and_lines():
    html = ("<h1>제목</h1>\n"
            "<p>첫 문단입니다.\n"
            "<p>둘째 문단입니다.<br>셋째 줄입니다.</p>\n"
            "<blockquote><p>인용 하나</p><blockquote><p>안쪽 인용</p></blockquote></blockquote>\n"
            "<p>논평입니다.</p>\n"
            "<blockquote>다른 인용</blockquote>\n")
    assert [(p.text, p.line, p.quoted, p.group) for p in parse(html).paragraphs] == [
        ("첫 문단입니다.", 2, False, None), ("둘째 문단입니다.", 3, False, None),
        ("셋째 줄입니다.", 3, False, None), ("인용 하나", 4, True, 1), ("안쪽 인용", 4, True, 1),
        ("논평입니다.", 5, False, None), ("다른 인용", 6, True, 2)]


def test_a_paragraph_opening_with_a_space_then_an_element_is_where_its_text_is():
    html = ("<h1>제목</h1>\n<p>첫 문단입니다.</p>\n<div>\n<b>굵게</b> 쓴 문단입니다.</div>\n"
            "<blockquote>\n<em>기울여</em> 쓴 인용입니다.</blockquote>\n<p> <a>링크</a> 끝</p>")
    assert [(p.text, p.line, p.quoted, p.group) for p in parse(html).paragraphs] == [
        ("첫 문단입니다.", 2, False, None), ("굵게 쓴 문단입니다.", 4, False, None),
        ("기울여 쓴 인용입니다.", 6, True, 1), ("링크 끝", 7, False, None)]


@pytest.mark.parametrize(("html", "expected"), [
    ("<h1>제목</h1><ul><li>하나<li>둘</ul><p>셋<div>넷</div>다섯</p>",
     ["하나", "둘", "셋", "넷", "다섯"]),                         # implied ends, as browsers
    ("<h1>제목</h1><p>하나<br/>둘</p><div/>셋<p/>넷", ["하나", "둘", "셋", "넷"]),
    ("<h1>제목</h1><p>하나 <b>굵게</b> <i>기울여</i> 끝</p>", ["하나 굵게 기울여 끝"]),
    ("<h1>제목</h1><p>하나</p><h2>중간 머리</h2><p>둘</p>", ["하나", "둘"]),   # headings go
    ("<h1>제목</h1><p>본문 <span hidden>숨김</span><script>x()</script>보임입니다.</p>"
     "<p hidden>숨은 문단</p><p>끝 <a href=\"javascript:x()\">링크</a>입니다.</p>",
     ["본문 보임입니다.", "끝 링크입니다."]),
    ("<h1>제목</h1><p>하나</p></section></p><p>둘</p>", ["하나", "둘"]),  # stray end tags
    ("<h1>제목</h1><ol><li>하나<ul><li>안쪽</ul><li>둘</ol>", ["하나", "안쪽", "둘"]),
    ("<h1>제목</h1><table><tr><td>칸<p>안 문단</td></tr></table><p>끝</p>", ["끝"]),
])
def test_what_ends_a_paragraph(html, expected):
    assert texts(html) == expected


def test_a_title_over_lines_and_character_references():
    post = parse("<h1>첫 줄<br>둘째\n줄 &amp; 끝</h1>\n<p>A &amp; B &lt;C&gt; &#44608;</p>")
    assert post.title == "첫 줄 둘째 줄 & 끝"
    assert [(p.text, p.line) for p in post.paragraphs] == [("A & B <C> 김", 3)]


def test_text_outside_any_element_starts_at_the_first_line():
    assert [(p.text, p.line) for p in parse("<title>제목</title>본문입니다.").paragraphs] == [
        ("본문입니다.", 1)]


def test_a_block_element_ends_an_open_paragraph_whose_end_tag_then_closes_nothing():
    assert texts("<h1>제목</h1><p>하나<div>둘</p>셋</div><p>넷</p>") == ["하나", "둘셋", "넷"]


def test_a_self_closed_element_holds_nothing():
    html = ("<body><h1>제목</h1><blockquote/><p>본문입니다.</p><nav/><p>끝 문단</p>"
            "<div><section/><p>안 문단</p></div></body>")
    assert [(p.text, p.quoted) for p in parse(html).paragraphs] == [
        ("본문입니다.", False), ("끝 문단", False), ("안 문단", False)]


def test_a_line_of_page_furniture_is_left_out_but_not_in_a_quote():
    html = "<h1>제목</h1><p>본문입니다.</p><p>공유하기</p><blockquote>공유하기</blockquote>"
    assert [(p.text, p.quoted) for p in parse(html).paragraphs] == [
        ("본문입니다.", False), ("공유하기", True)]


# --- description and date ---------------------------------------------------------------------


@pytest.mark.parametrize(("head", "body", "meta"), [
    ('<meta name="description" content=" 설명 "><meta name="Description" content="둘째">',
     "", {"description": "설명"}),                                      # the first one
    ('<meta name="description" content=" "><meta property="description" content="둘째">',
     "", {"description": "둘째"}),
    ('<meta property="article:published_time" content="2025-01-02T10:00:00+09:00">',
     '<time datetime="2024-05-06">5월</time>', {"date": "2025-01-02"}),  # before <time>
    ('<meta property="article:published_time" content="어제">',
     '<time datetime="어제">어제</time><time datetime="2024-05-06">5월</time>',
     {"date": "2024-05-06"}),                                          # the first real one
    ("", '<time datetime="2024-05-06">5월</time><time datetime="2023-01-01">1월</time>',
     {"date": "2024-05-06"}),
    ('<meta name="keywords" content="a, b">', "", {}),
])
def test_description_and_date(head, body, meta):
    html = f"<html><head>{head}</head><body><h1>제목</h1><p>본문입니다.</p>{body}</body></html>"
    assert parse(html).meta == meta


# --- the source list ----------------------------------------------------------------------------


def test_a_numbered_list_of_links():
    html = ("<h1>제목</h1>\n<p>본문입니다.</p>\n<h2>출처</h2>\n<ol start=\"3\">\n"
            "<li><a href=\"https://example.com/a\">새 위성 발사</a> -한빛일보-</li>\n"
            "<li>2) <a href=\"https://example.com/b\">https://example.com/b</a></li>\n"
            "<li>링크 없음</li>\n<li> </li></ol>")
    assert sources(html) == [
        (3, "새 위성 발사", "한빛일보", "https://example.com/a", 5),
        (4, "example.com", None, "https://example.com/b", 6),
        (5, "링크 없음", None, None, 7)]
    assert texts(html) == ["본문입니다."]


@pytest.mark.parametrize(("start", "first"), [("", 1), ("x", 1), ("0", 0), ("12", 12)])
def test_a_list_starts_at_its_start(start, first):
    html = (f'<h1>제목</h1>{BODY}<ol start="{start}"><li><a href="https://example.com/a">'
            "새 위성 발사</a> -한빛일보-</li></ol>")
    assert [s[0] for s in sources(html)] == [first]


def test_a_link_with_no_text_in_its_item_is_titled_by_the_link():
    html = (f'<h1>제목</h1>{BODY}<ul><li>1. <a href="https://example.com/a">'
            "새 위성 발사</a></li></ul>")
    assert sources(html) == [(1, "새 위성 발사", None, "https://example.com/a", 1)]


@pytest.mark.parametrize(("items", "is_list"), [
    (['<a href="https://example.com/a">하나</a> -한빛일보-', "둘 -한빛일보-"], True),  # half
    (['<a href="https://example.com/a">하나</a> -한빛일보-', "둘 -한빛일보-",
      "셋 -한빛일보-"], False),                                                        # fewer
    (['<a href="http://example.com/a">하나</a> -한빛일보-'], True),
    (['<a href="ftp://example.com/a">하나</a> -한빛일보-'], False),
    (['<a href="/a">하나</a> -한빛일보-'], False),
])
def test_a_list_is_the_source_list_when_half_its_items_are_linked(items, is_list):
    html = "<h1>제목</h1><p>본문입니다.</p><ul>" + "".join(f"<li>{i}</li>" for i in items) \
        + "</ul><p>끝 인사입니다.</p>"
    listed = [s[1] for s in sources(html)]
    assert (listed == ["하나", "둘", "셋"][:len(items)]) is is_list
    assert ("둘 -한빛일보-" in texts(html)) is (not is_list and len(items) > 1)


def test_the_last_list_of_links_is_the_source_list():
    html = ('<h1>제목</h1><p>본문입니다.</p><ul><li><a href="https://example.com/a">하나</a>'
            ' -한빛일보-</li></ul><p>중간입니다.</p><ul><li><a href="https://example.com/b">'
            "둘</a> -한빛일보-</li></ul>")
    assert [s[1] for s in sources(html)] == ["둘"]


@pytest.mark.parametrize("html", [
    ("<table><tr><th>제목</th><th>언론사</th></tr><tr><td><a href=\"https://example.com/a\">"
     "새 위성 발사</a></td><td>한빛일보</td><td> </td></tr></table>"),
    ("<dl><dt><a href=\"https://example.com/a\">새 위성 발사</a></dt><dd>한빛일보</dd>"
     "<dd></dd></dl>"),
], ids=["table", "dl"])
def test_a_table_or_definition_list_of_links(html):
    assert sources(f"<h1>제목</h1>{BODY}{html}") == [
        (1, "새 위성 발사", "한빛일보", "https://example.com/a", 1)]
    assert texts(f"<h1>제목</h1>{BODY}{html}") == ["본문입니다."]


def test_list_items_left_open_are_items_each():
    html = (f'<h1>제목</h1>{BODY}<ol><li><a href="https://example.com/a">새 위성 발사</a> '
            '-한빛일보-<li><a href="https://example.com/b">달 탐사</a> -구름신문-</ol>')
    assert [s[:3] for s in sources(html)] == [(1, "새 위성 발사", "한빛일보"),
                                              (2, "달 탐사", "구름신문")]


def test_a_dd_before_any_dt_is_no_item():
    html = ('<h1>제목</h1><p>본문입니다.</p><dl><dd>설명</dd><dt><a href="https://example.com/a">'
            "새 위성 발사</a></dt><dd>한빛일보</dd></dl>")
    assert [s[1:3] for s in sources(html)] == [("새 위성 발사", "한빛일보")]


def test_the_label_above_a_list_of_links_is_not_read():
    html = ('<h1>제목</h1><p>본문입니다.</p><p>출처</p><ul><li><a href="https://example.com/a">'
            "새 위성 발사</a> -한빛일보-</li></ul>")
    assert texts(html) == ["본문입니다."]
    plain = ('<h1>제목</h1><p>본문입니다.</p><p>마지막 문단</p><ul><li>'
             '<a href="https://example.com/a">새 위성 발사</a> -한빛일보-</li></ul>')
    assert texts(plain) == ["본문입니다.", "마지막 문단"]
    links = '<ul><li><a href="https://example.com/a">새 위성 발사</a> -한빛일보-</li></ul>'
    assert texts(f"<h1>제목</h1><p>첫 문단</p><p>둘째 문단</p><p>출처</p>{links}") == [
        "첫 문단", "둘째 문단"]
    assert texts(f"<h1>제목</h1><p>첫 문단</p><p>출처</p><p>마지막 문단</p>{links}") == [
        "첫 문단", "출처", "마지막 문단"]                  # only the last paragraph, above it


def test_a_source_list_written_as_paragraphs_keeps_its_links():
    html = ("<h1>제목</h1>\n<p>본문입니다.</p>\n<p>출처</p>\n"
            '<p><a href=" https://example.com/a ">새 위성 발사</a> -한빛일보-</p>\n'
            '<p><a href="https://example.com/b">달 탐사</a> (구름신문)</p>\n')
    assert sources(html) == [(1, "새 위성 발사", "한빛일보", "https://example.com/a", 4),
                             (2, "달 탐사", "구름신문", "https://example.com/b", 5)]
    assert texts(html) == ["본문입니다."]


@pytest.mark.parametrize(("html", "expected"), [
    # a platform's post element, wherever it is
    ('<body><h1>제목</h1><p>밖 문단</p><div class="post-body"><p>본문입니다.</p></div></body>',
     ["본문입니다."]),
    # an article or main inside page furniture is not the post
    ("<body><h1>제목</h1><aside><article><p>관련 글</p></article></aside>"
     "<main><p>본문입니다.</p></main></body>", ["본문입니다."]),
    ("<body><h1>제목</h1><nav><main><p>메뉴</p></main></nav><p>본문입니다.</p></body>",
     ["본문입니다."]),
])
def test_the_post_element_of_a_platform_and_not_in_furniture(html, expected):
    assert texts(html) == expected


def test_a_platform_title_element_inside_the_post_is_not_read_again():
    html = ('<body><div class="se-main-container"><div class="se-title-text">제목</div>'
            "<p>본문입니다.</p></div></body>")
    post = parse(html)
    assert (post.title, [p.text for p in post.paragraphs]) == ("제목", ["본문입니다."])


@pytest.mark.parametrize("html", [
    "<body><aside><article><h1>관련 글</h1></article></aside>"
    "<main><h1>제목</h1><p>본문입니다.</p></main></body>",
    "<body><nav><main><h1>메뉴</h1></main></nav><h1>제목</h1><p>본문입니다.</p></body>",
])
def test_the_title_is_not_taken_from_an_article_or_main_in_furniture(html):
    assert parse(html).title == "제목"


def test_a_table_row_reads_its_header_cells_too():
    html = (f"<h1>제목</h1>{BODY}<table><tr><th><a href=\"https://example.com/a\">새 위성 발사"
            "</a></th><td>한빛일보</td></tr></table>")
    assert sources(html) == [(1, "새 위성 발사", "한빛일보", "https://example.com/a", 1)]


@pytest.mark.parametrize("href", ["http://example.com/a", "HTTP://example.com/a"])
def test_a_source_paragraph_with_an_http_link(href):
    html = (f"<h1>제목</h1>{BODY}<p>출처</p><p><a href=\"{href}\">새 위성 발사</a> "
            "(구름신문)</p>")
    assert sources(html) == [(1, "새 위성 발사", "구름신문", href, 1)]


@pytest.mark.parametrize(("head", "body", "meta"), [
    ('<meta charset="utf-8"><meta name="description">', "", {}),     # no content: nothing
    ('<meta name="description" content>', "", {}),                   # an empty content
    ("", "<time>5월</time>", {}),                                     # no datetime: nothing
    ("", '<p><ins datetime="2024-01-01">고친 말</ins></p>', {}),       # only <time> dates it
    ("", '<time>5월</time><time datetime="2024-05-06">6일</time>', {"date": "2024-05-06"}),
])
def test_meta_and_time_elements_without_their_attribute(head, body, meta):
    html = f"<html><head>{head}</head><body><h1>제목</h1><p>본문입니다.</p>{body}</body></html>"
    assert parse(html).meta == meta


def test_an_http_list_is_read_as_a_list():
    html = (f'<h1>제목</h1>{BODY}<ol start="5"><li><a href="http://example.com/a">하나</a> '
            "-한빛일보-</li></ol>")
    assert sources(html) == [(5, "하나", "한빛일보", "http://example.com/a", 1)]


def test_an_anchor_without_href_in_a_list_item():
    html = (f'<h1>제목</h1>{BODY}<ul><li><a name="top">하나</a> <a href="https://example.com/a">'
            "새 위성 발사</a> -한빛일보-</li></ul>")
    assert sources(html) == [(1, "하나 새 위성 발사", "한빛일보", "https://example.com/a", 1)]


@pytest.mark.parametrize(("html", "title"), [
    ('<head><meta charset="utf-8"><title>탭 제목</title></head><body><p>본문입니다.</p></body>',
     "탭 제목"),                                          # a meta without property on the way
    ('<body><aside><div class="se-title-text">다른 글</div></aside><h1>제목</h1>'
     "<p>본문입니다.</p></body>", "제목"),                # a platform title in furniture
])
def test_the_title_past_other_elements(html, title):
    assert parse(html).title == title


def test_furniture_elements_are_pruned():
    html = ('<h1>제목</h1><p>본문입니다.</p><div class="comments"><p>첫 댓글입니다, 반가워요.</p>'
            "</div><p>끝입니다.</p>")
    assert texts(html) == ["본문입니다.", "끝입니다."]


def test_a_list_of_links_before_the_last_quote_is_read_as_paragraphs():
    html = ('<h1>제목</h1><p>본문입니다.</p><ol start="4"><li><a href="https://example.com/a">'
            "하나</a> -한빛일보-</li></ol><blockquote>인용</blockquote><p>끝입니다.</p>")
    assert [s[0] for s in sources(html)] == [1]
    after = html.replace("<blockquote>인용</blockquote>", "")
    assert [s[0] for s in sources(after)] == [4]


# --- what a page hides, and how its tags nest -----------------------------------------------


@pytest.mark.parametrize("hidden", [
    "<p hidden>숨은 글입니다.</p>",
    "<div hidden><p>숨은 글입니다.</p></div>",
    "<p HIDDEN>숨은 글입니다.</p>",  # attribute names are case-insensitive
], ids=["p", "div", "upper-case"])
def test_an_element_the_page_hides_is_not_read(hidden):
    assert texts(f"<h1>제목</h1>{hidden}{BODY}") == ["본문입니다."]
    shown = hidden.replace(" hidden", "").replace(" HIDDEN", "")
    assert texts(f"<h1>제목</h1>{shown}{BODY}") == ["숨은 글입니다.", "본문입니다."]


def test_spaces_and_line_breaks_inside_a_paragraph_are_one_space():
    assert texts("<h1>제목</h1><p>본문의   여러\n  줄\t입니다.</p>") == ["본문의 여러 줄 입니다."]


def test_an_og_title_without_content_is_passed_over():
    head = '<head><meta property="og:title"><title>페이지 제목 | 블로그</title></head>'
    assert parse(f"{head}<body>{BODY}").title == "페이지 제목"
    head = '<head><meta property="og:title" content="오지 제목"><title>페이지 | 블로그</title></head>'
    assert parse(f"{head}<body>{BODY}").title == "오지 제목"


@pytest.mark.parametrize("inline", ["<b>", "<b><i>", "<span><b><i>"])
def test_a_paragraph_end_closes_the_inline_elements_left_open(inline):
    html = f"<h1>제목</h1><p>{inline}굵게 시작하는 문단.</p><p>다음 문단.</p><p>셋째 문단.</p>"
    assert texts(html) == ["굵게 시작하는 문단.", "다음 문단.", "셋째 문단."]


@pytest.mark.parametrize("wrap", ["{}", "<div>{}</div>", "<div><section>{}</section></div>"])
def test_the_paragraphs_of_one_quote_are_one_group_however_deep(wrap):
    quote = wrap.format("<p>첫째 인용 문단.</p><p>둘째 인용 문단.</p>")
    post = parse(f"<h1>제목</h1><blockquote>{quote}</blockquote><blockquote><p>다른 인용.</p>"
                 f"</blockquote>{BODY}")
    assert [(p.text, p.quoted, p.group) for p in post.paragraphs] == [
        ("첫째 인용 문단.", True, 1), ("둘째 인용 문단.", True, 1), ("다른 인용.", True, 2),
        ("본문입니다.", False, None)]


def test_a_line_of_page_furniture_is_left_out_naming_the_post(caplog):
    with caplog.at_level("DEBUG", logger="podcaster.text.readers.html"):
        assert texts(f"<h1>제목</h1>{BODY}<p>공유하기</p>") == ["본문입니다."]
    assert f"{P}: line" in caplog.text and "left out as page furniture: 공유하기" in caplog.text


@pytest.mark.parametrize("inline", ["<b>", "<span><b>", "<span><b><i>"])
def test_an_end_tag_closes_its_element_and_the_inline_ones_left_open_in_it(inline):
    html = f"<h1>제목</h1><div><p>{inline}첫 문단.</p>이어지는 글.</div>"
    assert texts(html) == ["첫 문단.", "이어지는 글."]


@pytest.mark.parametrize("inline", ["<b>", "<b><i>", "<span><b><i>"])
def test_a_new_paragraph_closes_the_one_left_open_with_its_inline_elements(inline):
    html = f"<h1>제목</h1><div><p>{inline}첫째 문단.<p>둘째 문단.</div><p>셋째 문단.</p>"
    post = parse(html)
    assert [p.text for p in post.paragraphs] == ["첫째 문단.", "둘째 문단.", "셋째 문단."]


@pytest.mark.parametrize(("opened", "closed"), [
    ("<em>", "</em>"), ("<span><em>", "</em></span>"), ("<a href='/x'>", "</a>"),
    ("<a href='https://news.example/1'>", "</a>")])
def test_a_quote_whose_paragraph_opens_with_an_inline_element_is_a_quote(opened, closed):
    html = f"<h1>제목</h1><blockquote><p>{opened}인용 문단{closed}입니다.</p></blockquote>{BODY}"
    assert [(p.text, p.quoted, p.group) for p in parse(html).paragraphs] == [
        ("인용 문단입니다.", True, 1), ("본문입니다.", False, None)]
