"""A post's HTML reduced to what the post reader speaks, element by element; the frame a
page shows its post in; and a page's main content."""

from __future__ import annotations

import pytest

from podcaster.importer.extract import clean_html, extract_page, main_frame

TITLE = "제목"

CLEANED = [
    # headings: h1 becomes h2; one that only repeats the title goes
    ("<h1>제목</h1><h1>다른 제목</h1><h2>소제목</h2><h3>셋</h3><h6>여섯</h6>",
     "<h2>다른 제목</h2>\n<h2>소제목</h2>\n<h3>셋</h3>\n<h6>여섯</h6>"),
    ("<h2> 제목 </h2><p>제목</p>", "<p>제목</p>"),
    # other blocks of text become paragraphs
    ("<pre>코드  줄\n둘째</pre><dl><dt>용어</dt><dd>뜻</dd></dl><address>주소</address>",
     "<p>코드 줄 둘째</p>\n<p>용어</p>\n<p>뜻</p>\n<p>주소</p>"),
    ("<div>첫째</div>사이<div>둘째</div>", "<p>첫째</p>\n<p>사이</p>\n<p>둘째</p>"),
    ("<section><article><p>깊은 글</p></article></section>", "<p>깊은 글</p>"),
    ("<li>목록 밖 항목</li>", "<p>목록 밖 항목</p>"),
    ("<p>하나<p>둘", "<p>하나</p>\n<p>둘</p>"),
    # line breaks: inside a paragraph kept, between loose text a new paragraph
    ("<p>하나<br>둘</p>", "<p>하나<br>둘</p>"),
    ("앞 글<br>뒤 글<br><br>셋째", "<p>앞 글</p>\n<p>뒤 글</p>\n<p>셋째</p>"),
    ("<p><b>굵<br>게</b></p>", "<p><b>굵<br>게</b></p>"),
    # lists: only items; a start that is a number
    ("<ol start='3'><li>셋</li><li>넷</li></ol><ol start='a'><li>가</li></ol>"
     "<ul><li>점</li><p>밖</p></ul>",
     '<ol start="3"><li>셋</li><li>넷</li></ol>\n<ol><li>가</li></ol>\n<ul><li>점</li></ul>'),
    ("<ul><li>하나<div>둘</div></li><li><div>셋</div></li>"
     "<li>넷<p>다섯</p><blockquote>여섯</blockquote></li></ul>",
     "<ul><li>하나<br>둘</li><li>셋</li><li>넷<br>다섯<br>여섯</li></ul>"),
    ("<ul><li><h2>머리</h2><address>주소</address><dd>뜻</dd></li></ul>",
     "<ul><li>머리<br>주소<br>뜻</li></ul>"),
    # quotes keep their blocks
    ("<blockquote>인용<p>문단</p></blockquote>", "<blockquote><p>인용</p><p>문단</p></blockquote>"),
    # links: http(s) only, href only
    ("<p><a href='http://a.example/x' onclick='t()'>에이</a> <a href='HTTPS://b.example'>비</a> "
     "<a href='/rel'>상대</a> <a>없음</a> <a href=' https://c.example/ '>씨</a></p>",
     '<p><a href="http://a.example/x">에이</a> 비 상대 없음 <a href="https://c.example/">씨</a></p>'),
    ("<p><a href='https://a.example/'><b>굵은</b> 링크</a></p>",
     '<p><a href="https://a.example/"><b>굵은</b> 링크</a></p>'),
    ("<a href='https://a.example/'>느슨한 링크</a> 뒤",
     '<p><a href="https://a.example/">느슨한 링크</a> 뒤</p>'),
    # emphasis kept, other inline elements unwrapped
    ("<p><strong>강</strong><em>기</em><b>굵</b><i>기울</i><span>스팬</span><u>밑줄</u>"
     "<code>코드</code></p>",
     "<p><strong>강</strong><em>기</em><b>굵</b><i>기울</i>스팬밑줄코드</p>"),
    # what is dropped, and the text after it kept
    ("<p>앞<script>x()</script>뒤<!-- 주석 -->끝<img alt='그림'>.</p>", "<p>앞뒤끝.</p>"),
    ("<script>x()</script><!-- 주석 -->느슨한 <span>글</span><style>p{}</style> 꼬리",
     "<p>느슨한 글 꼬리</p>"),
    ("<table><tr><td>표</td></tr></table><p>글</p><figure><figcaption>캡션</figcaption></figure>",
     "<p>글</p>"),
    ("<p>글<iframe src='x'>프레임</iframe></p><nav>메뉴</nav>", "<p>글</p>"),
    # empty blocks go, the rest stays; spaces collapse
    ("<p> </p><p>글</p><h2> </h2><p>끝</p>", "<p>글</p>\n<p>끝</p>"),
    ("<p>a\n\n  b\tc</p>", "<p>a b c</p>"),
    # a block's text is all its pieces together
    ("<h2>제<b>목</b></h2><p>글</p>", "<p>글</p>"),
    ("<p><b> </b> <i></i></p><p>글</p>", "<p>글</p>"),
    ("<html><body><p>문서</p></body></html>", "<p>문서</p>"),
    # text after a block is a paragraph of its own
    ("<p>문단</p>꼬리1<blockquote>인용</blockquote>꼬리2<ul><li>점</li></ul>꼬리3<h3>머리</h3>꼬리4",
     "<p>문단</p>\n<p>꼬리1</p>\n<blockquote><p>인용</p></blockquote>\n<p>꼬리2</p>\n"
     "<ul><li>점</li></ul>\n<p>꼬리3</p>\n<h3>머리</h3>\n<p>꼬리4</p>"),
    ("<ul><li>가<ol><li>나</li></ol></li></ul>", "<ul><li>가<br>나</li></ul>"),
    ("<p><b>가</b><i>나</i><em>다</em>꼬리</p>", "<p><b>가</b><i>나</i><em>다</em>꼬리</p>"),
]


@pytest.mark.parametrize("html, cleaned", CLEANED)
def test_clean_html(html, cleaned):
    assert clean_html(html, TITLE) == cleaned


@pytest.mark.parametrize("html", ["", "  \n", "<p> </p>", "<script>x()</script>", "<img alt='a'>"])
def test_nothing_to_read_is_an_empty_string(html):
    assert clean_html(html, TITLE) == ""


URL = "https://blog.example/user/1"
FRAME = '<iframe id="mainFrame" src="/PostView?no=1"></iframe>'


def framed(inside: str = "", frames: str = FRAME) -> bytes:
    return f"<html><head><title>블로그</title></head><body>{inside}{frames}</body></html>".encode()


@pytest.mark.parametrize("page, found", [
    (framed(), "https://blog.example/PostView?no=1"),
    (framed(frames='<frameset><frame src="/PostView?no=2"></frameset>'),
     "https://blog.example/PostView?no=2"),
    (framed(frames='<iframe src="https://blog.example/Post?no=3"></iframe>' + FRAME),
     "https://blog.example/Post?no=3"),
    (framed(frames='<iframe src="https://ads.example/x"></iframe>' + FRAME),
     "https://blog.example/PostView?no=1"),
    (framed(frames='<iframe></iframe><iframe src="javascript:void(0)"></iframe>'
                   '<iframe src="/user/1"></iframe>' + FRAME),
     "https://blog.example/PostView?no=1"),
    (framed(frames='<iframe src="http://blog.example/PostView"></iframe>'),
     "http://blog.example/PostView"),
    (framed(frames='<iframe src="https://ads.example/x"></iframe>'), None),
    (framed(frames="<iframe></iframe>"), None),
    (framed(frames='<iframe src="ftp://blog.example/x"></iframe>'), None),
    (framed(frames='<iframe src="https://blog.example/user/1"></iframe>'), None),
    (framed(frames=""), None),
    (b"", None),
])
def test_the_frame_of_the_same_site_a_page_shows_its_post_in(page, found):
    assert main_frame(page, URL) == found


@pytest.mark.parametrize("length, thin", [(199, True), (200, False)])
def test_a_page_is_a_frame_only_with_less_than_200_characters_of_text(length, thin):
    text = "x " * length  # spaces do not count
    page = f"<html><body><p>{text}</p>{FRAME}</body></html>".encode()
    assert main_frame(page, URL) == ("https://blog.example/PostView?no=1" if thin else None)


@pytest.mark.parametrize("tag", ["script", "style", "noscript"])
def test_code_and_styles_are_not_text_of_the_page(tag):
    page = framed(f"<{tag}>{'x' * 500}</{tag}>")
    assert main_frame(page, URL) == "https://blog.example/PostView?no=1"


LONG = "<p>" + "도서관 로봇은 밤마다 책을 제자리에 꽂습니다. " * 6 + "</p>"


def test_a_platforms_post_element_is_the_post():
    page = (f"<html><body><header>블로그 머리</header><div class='entry-content'><h1>{TITLE}"
            f"</h1>{LONG}<div class='sharedaddy'>공유하기</div></div><aside>옆</aside>"
            "<div class='comments'>댓글이 많습니다</div></body></html>")
    assert extract_page(page.encode(), URL, TITLE) == LONG


def test_without_one_the_main_content_is_found_and_a_bare_address_stays_as_text():
    page = (f"<html><head><script>var a=1;</script></head><body><nav>메뉴 링크</nav><article>"
            f"<h1>{TITLE}</h1>{LONG}<p><a href='https://src.example/a'>https://src.example/a</a>"
            "</p></article><footer>바닥</footer></body></html>")
    text = LONG.replace(" </p>", "</p>")
    assert extract_page(page, URL, TITLE) == f"{text}\n<p>https://src.example/a</p>"
    assert extract_page(page.encode(), URL, TITLE) == f"{text}\n<p>https://src.example/a</p>"


def test_a_page_without_content_is_an_empty_string():
    assert extract_page(b"<html><body><nav>menu</nav></body></html>", URL, TITLE) == ""


def test_the_main_content_keeps_its_links_and_emphasis():
    para = "도서관 로봇은 밤마다 책을 제자리에 꽂습니다. " * 5
    page = (f"<html><body><nav>메뉴</nav><article><h1>{TITLE}</h1><p>{para}</p><p>{para} 자세한 "
            "내용은 <a href='https://src.example/x'>출처 기사</a>에 있습니다. <b>굵은 말</b>도 "
            "있습니다.</p></article><footer>바닥</footer></body></html>")
    assert extract_page(page, URL, TITLE).splitlines()[1].endswith(
        ' 자세한 내용은 <a href="https://src.example/x">출처 기사</a>에 있습니다. '
        "<strong>굵은 말</strong>도 있습니다.</p>")


def plain_page(link: str = "") -> str:
    """A post page without an element that says where the post is: the extractor finds it."""
    words = "오늘은 도서관 로봇 이야기를 길게 합니다. " * 6
    return (f"<html><body><div><p>{words}{link} 입니다</p><p>{'로봇이 책을 꽂습니다. ' * 6}</p>"
            f"<p>{'사서가 웃습니다. ' * 6}</p></div></body></html>")


def test_a_link_on_a_page_is_made_absolute_from_the_pages_address():
    body = extract_page(plain_page("<a href='/posts/2'>다음 글</a>"),
                        "https://blog.example/p/1", TITLE)
    assert '<a href="https://blog.example/posts/2">다음 글</a>' in body


def test_the_same_page_read_again_gives_the_same_post():
    page = plain_page()
    first = extract_page(page, "https://blog.example/p/1", TITLE)
    assert "사서가 웃습니다" in first
    assert [extract_page(page, "https://blog.example/p/1", TITLE) for _ in range(4)] == [first] * 4
