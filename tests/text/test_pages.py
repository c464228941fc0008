"""Only the post is spoken: the page policy (platform furniture as a table, shared by the
``.html`` reader and the importer), source lists in every common form with outlets read from
the line or the address, the guard on what is spoken, and the warnings about sources."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podcaster.errors import PostError
from podcaster.importer import extract
from podcaster.model import Source
from podcaster.text import page
from podcaster.text.outlets import OUTLETS, outlet_of_url
from podcaster.text.read import read_post
from podcaster.text.readers.sources import find_source_list, parse_item, split_outlet
from podcaster.text.script import ScriptSettings, build_script
from podcaster.text.segment import analyse_post, segment_post
from podcaster.text.spoken import NEVER_SPOKEN, unplaced_lines
from tests.helpers import TESTS, built_project, snapshot
from tests.helpers import invoke_cli as cli

BODY = ["안녕하세요, 작은 정원의 해솔입니다.", "“올봄 도시 텃밭 신청자가 지난해보다 두 배 늘었다.”",
        "텃밭이 늘어나는 건 반가운 일이에요.", "이상 작은 정원이었습니다."]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def spoken_text(path: Path) -> list[str]:
    post = read_post(path)
    return [c.text for c in build_script(post, segment_post(post), ScriptSettings())
            if not c.is_sound]


# --- the page policy: a table, walked ------------------------------------------------------


def element(selector: str, inner: str) -> str:
    """HTML for an element that ``selector`` (the policy's subset of CSS) matches."""
    for step in reversed(selector.split()):
        m = re.fullmatch(r"([a-z0-9]+)?(?:([.#])([\w.-]+)|\[([\w-]+)(\*?=)?([^\]]*)\])?", step)
        tag, mark, name, attr, op, value = m.groups()
        tag = tag or "div"
        if mark == ".":
            attrs = f' class="{name.replace(".", " ")}"'
        elif mark == "#":
            attrs = f' id="{name}"'
        elif attr:
            shown = f"https://{value}/x" if op == "*=" and attr == "href" else value
            attrs = f' {attr}="{shown}"' if op else f" {attr}"
        else:
            attrs = ""
        inner = f"<{tag}{attrs}>{inner}</{tag}>"
    return inner


@pytest.mark.parametrize("platform", page.PLATFORMS, ids=lambda p: p.name)
def test_each_platforms_furniture_is_left_out_of_its_post(tmp_path, platform):
    furniture = "".join(element(s, f"<p>가구 {k}번 문구</p>")
                        for k, s in enumerate((*platform.furniture, *page.COMMON.furniture)))
    post = "".join(f"<p>{line}</p>" for line in BODY) + furniture
    title = element(platform.title[0], "정원 소식")
    html = (f"<html><head><title>정원 소식 :: 블로그 이름</title></head><body>"
            f"<h1>블로그 이름</h1>{title}<p>사이드바 문구</p>"
            f"{element(platform.content[0], post)}<p>페이지 아래 문구</p></body></html>")
    parsed = read_post(write(tmp_path, "2025-04-01-garden.html", html))
    assert parsed.title == "정원 소식"
    assert [b.text for b in parsed.blocks] == [
        BODY[0], "올봄 도시 텃밭 신청자가 지난해보다 두 배 늘었다.", *BODY[2:]]


@pytest.mark.parametrize("selector", page.content_selectors())
def test_every_content_selector_finds_the_post(tmp_path, selector):
    post = "".join(f"<p>{line}</p>" for line in BODY)
    html = (f"<html><body><h1>정원 소식</h1><div class='menu'><p>메뉴 문구</p></div>"
            f"{element(selector, post)}</body></html>")
    parsed = read_post(write(tmp_path, "2025-04-01-garden.html", html))
    assert [b.text for b in parsed.blocks][0] == BODY[0]
    assert "메뉴 문구" not in [b.text for b in parsed.blocks]


def test_every_selector_of_the_table_is_understood():
    for platform in (*page.PLATFORMS, page.COMMON):
        for selector in (*platform.content, *platform.title, *platform.furniture):
            page.matches(selector, [("div", {})])  # raises ValueError when not understood
    with pytest.raises(ValueError):
        page.matches("div > p", [("p", {})])


def test_the_importer_and_the_reader_share_one_policy():
    from podcaster.text.readers import html as html_reader

    assert extract._DROP is page.DROP_TAGS is html_reader._DROP
    tistory = (b"<html><body><div class='tt_article_useless_p_margin'><p>\xeb\xb3\xb8\xeb\xac\xb8"
               b"</p></div><div class='another_category'><h4>'x' \xec\xb9\xb4\xed\x85\x8c"
               b"\xea\xb3\xa0\xeb\xa6\xac\xec\x9d\x98 \xeb\x8b\xa4\xeb\xa5\xb8 \xea\xb8\x80</h4>"
               b"</div></body></html>")
    assert extract.extract_page(tistory, "https://x.tistory.com/1") == "<p>본문</p>"


TISTORY = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>정원 소식 :: 작은 정원</title></head>
<body><a href="#content">본문 바로가기</a>
<header><h1>작은 정원</h1></header>
<div class="hgroup"><div class="category">텃밭 일기</div><h1>정원 소식</h1>
<div class="post-meta"><span class="author">정원지기</span><span class="date">2025. 4. 1. 21:40</span></div></div>
<div class="entry-content"><div class="tt_article_useless_p_margin contents_style">
{body}
<ol><li><a href="https://www.yna.co.kr/view/AKR1">도시 텃밭 신청 두 배</a> -연합뉴스-</li></ol>
</div>
<div class="another_category"><h4>'텃밭 일기' 카테고리의 다른 글</h4><table><tr><th><a>지난 글 하나</a></th></tr></table></div>
<div class="container_postbtn"><button>공감</button><a>구독하기</a></div>
<div><a href="https://creativecommons.org/licenses/by-nc-nd/4.0/deed.ko"><img alt="저작자표시"><img alt="비영리"><img alt="변경금지"></a></div>
</div>
<div class="comments"><ol><li>잘 읽었습니다 2025.04.02</li></ol></div>
</body></html>"""


def test_a_tistory_page_gives_exactly_the_posts_segments(tmp_path):
    body = "\n".join(f"<p>{line}</p>" for line in BODY)
    path = write(tmp_path, "2025-04-01-garden.html", TISTORY.format(body=body))
    post = read_post(path)
    segments = segment_post(post)
    assert post.title == "정원 소식"
    assert [(s.kind, s.paragraphs) for s in segments] == [
        ("greeting", [BODY[0]]), ("article", ["올봄 도시 텃밭 신청자가 지난해보다 두 배 늘었다."]),
        ("commentary", [BODY[2]]), ("signoff", [BODY[3]])]
    assert post.sources == [Source(1, "도시 텃밭 신청 두 배", "연합뉴스", "https://www.yna.co.kr/view/AKR1")]
    said = " ".join(spoken_text(path))
    for furniture in ("텃밭 일기", "정원지기", "21:40", "다른 글", "지난 글", "공감", "구독", "저작자표시",
                      "잘 읽었습니다", "바로가기"):
        assert furniture not in said


# --- source lists ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "title", "outlet"), [
    ("제목 하나 -한빛일보-", "제목 하나", "한빛일보"),
    ("제목 하나 (한빛일보)", "제목 하나", "한빛일보"),
    ("제목 하나 - 한빛일보", "제목 하나", "한빛일보"),
    ("제목 하나 | 한빛일보", "제목 하나", "한빛일보"),
    ("제목 하나 — 로이터", "제목 하나", "로이터"),
    ("한빛일보: 제목 하나", "제목 하나", "한빛일보"),
    ("[한빛일보] 제목 하나", "제목 하나", "한빛일보"),
    ("제목 하나 (한빛일보, 2025.11.03)", "제목 하나", "한빛일보"),
    ("제목 하나, 한빛일보, 2025. 11. 3.", "제목 하나", "한빛일보"),
    ("(연합뉴스, 2025.11.03)", "", "연합뉴스"),
    # what describes the article, or a title's own dash or colon, is not an outlet
    ("실적 발표 (종합)", "실적 발표 (종합)", None),
    ("삼성 실적 발표 - 반도체 부진 지속", "삼성 실적 발표 - 반도체 부진 지속", None),
    ("챗GPT 5주년: 무엇이 달라졌나", "챗GPT 5주년: 무엇이 달라졌나", None),
    ("AI-반도체 협력 강화", "AI-반도체 협력 강화", None),
])  # fmt: skip
def test_outlet_forms(text, title, outlet):
    assert split_outlet(text) == (title, outlet)


@pytest.mark.parametrize(("lines", "expected"), [
    (["[1] 도시 텃밭 두 배 - 연합뉴스", "https://www.yna.co.kr/view/1"],
     [Source(1, "도시 텃밭 두 배", "연합뉴스", "https://www.yna.co.kr/view/1")]),
    (["1) 도시 텃밭 두 배 (한빛일보)", "https://hanbit.example/1"],
     [Source(1, "도시 텃밭 두 배", "한빛일보", "https://hanbit.example/1")]),
    (["https://news.sbs.co.kr/news/endPage.do?news_id=N1", "https://zdnet.co.kr/view/?no=2"],
     [Source(1, "news.sbs.co.kr", "SBS 뉴스", "https://news.sbs.co.kr/news/endPage.do?news_id=N1", "address"),
      Source(2, "zdnet.co.kr", "ZDNET Korea", "https://zdnet.co.kr/view/?no=2", "address")]),
    (['[1]: https://www.bbc.com/korean/articles/c1 "바다 수온 최고"'],
     [Source(1, "바다 수온 최고", "BBC 코리아", "https://www.bbc.com/korean/articles/c1", "address")]),
    (["출처: 한겨레 (https://www.hani.co.kr/arti/1.html)"],
     [Source(1, "hani.co.kr", "한겨레", "https://www.hani.co.kr/arti/1.html")]),
    (["도시 텃밭 두 배 - 연합뉴스", "https://www.yna.co.kr/view/1",
      "옥상 빗물 저금통 | 한겨레", "https://www.hani.co.kr/arti/2.html"],
     [Source(1, "도시 텃밭 두 배", "연합뉴스", "https://www.yna.co.kr/view/1"),
      Source(2, "옥상 빗물 저금통", "한겨레", "https://www.hani.co.kr/arti/2.html")]),
    (["(1) 도시 텃밭 두 배", "https://www.reuters.com/world/1"],
     [Source(1, "도시 텃밭 두 배", "로이터", "https://www.reuters.com/world/1", "address")]),
])  # fmt: skip
def test_source_list_forms(lines, expected):
    start, end, sources = find_source_list(["본문입니다.", "", *lines])
    assert (start, end) == (2, 2 + len(lines))
    assert sources == expected


TWO = ["안녕하세요, 작은 정원의 해솔입니다. 오늘은 소식 두 가지를 전합니다.", "“올봄 도시 텃밭 신청자가 지난해보다 두 배 늘었다.”",
       "“옥상 정원에 빗물 저금통을 다는 집도 늘고 있다.”", "둘 다 반가운 소식이에요.",
       "이상 작은 정원이었습니다."]


def test_a_sign_off_above_a_url_is_not_taken_for_a_title():
    start, end, sources = find_source_list(["본문입니다.", "이상 작은 정원이었습니다",
                                            "https://www.yna.co.kr/view/1"])
    assert (start, end) == (2, 3) and sources[0].title == "yna.co.kr"


@pytest.mark.parametrize("listing", [
    "[1] 도시 텃밭 두 배 - 연합뉴스\nhttps://www.yna.co.kr/view/1\n"
    "[2] 옥상 빗물 저금통 - 한겨레\nhttps://www.hani.co.kr/arti/2.html\n",
    "1) 도시 텃밭 두 배 (연합뉴스)\nhttps://www.yna.co.kr/view/1\n"
    "2) 옥상 빗물 저금통 (한겨레)\nhttps://www.hani.co.kr/arti/2.html\n",
    "https://www.yna.co.kr/view/1\nhttps://www.hani.co.kr/arti/2.html\n",
])  # fmt: skip
def test_sources_are_read_never_spoken_and_their_outlet_announced(tmp_path, listing):
    path = write(tmp_path, "2025-04-01-garden.txt", "정원 소식\n" + "\n".join(TWO) + "\n" + listing)
    post = read_post(path)
    assert [s.outlet for s in post.sources] == ["연합뉴스", "한겨레"]
    said = spoken_text(path)
    assert "첫 번째 기사, 연합뉴스입니다." in said and "두 번째 기사, 한겨레입니다." in said
    assert not any(re.search(r"yna|hani|\[1\]|도시 텃밭 두 배|빗물 저금통 \(", line)
                   for line in said)


def test_the_outlet_table_knows_korean_and_world_outlets():
    assert len(OUTLETS) >= 80
    assert outlet_of_url("https://news.sbs.co.kr/news/endPage.do?news_id=N1") == "SBS 뉴스"
    assert outlet_of_url("https://m.yna.co.kr/view/AKR1") == "연합뉴스"
    assert outlet_of_url("https://www.bbc.com/korean/articles/c1") == "BBC 코리아"
    assert outlet_of_url("https://www.bbc.com/news/articles/c1") == "BBC"
    assert outlet_of_url("https://biz.chosun.com/it/1") == "조선비즈"
    assert outlet_of_url("https://www.chosun.com/economy/1") == "조선일보"
    assert outlet_of_url("https://chosun.com.evil.example/1") is None
    assert outlet_of_url("https://unknown.example/1") is None
    assert outlet_of_url("not a url") is None


def test_segments_json_marks_an_outlet_taken_from_the_address(tmp_path):
    path = write(tmp_path, "2025-04-01-garden.txt", "정원 소식\n" + "\n".join(BODY)
                 + "\n1. 도시 텃밭 두 배\nhttps://www.yna.co.kr/view/1\n")
    result = cli("segments", "--json", str(path))
    assert result.exit_code == 0
    (source,) = json.loads(result.stdout)["sources"]
    assert source == {"n": 1, "title": "도시 텃밭 두 배", "outlet": "연합뉴스",
                      "url": "https://www.yna.co.kr/view/1", "outlet_from": "address"}


# --- the guard on what is spoken --------------------------------------------------------------


@pytest.mark.parametrize(("line", "looks_like"), [
    ("자세한 내용은 https://www.yna.co.kr/view/1 에서 보세요.", "a web address"),
    ("문의는 garden@example.com 으로 주세요.", "an e-mail address"),
    ("[텃밭 신청](https://example.com/a) 안내를 보세요.", "leftover markup"),
    ("텃밭 신청이&nbsp;늘었습니다.", "leftover markup"),
    ("<p>텃밭 신청이 늘었습니다.", "leftover markup"),
    ("by 해솔 2025. 4. 1. 21:40", "a byline or date line"),
    ("2025.04.01 21:40", "a byline or date line"),
    ("공감 12 · 댓글 0 · 구독하기", "page furniture"),
    ("'텃밭 일기' 카테고리의 다른 글", "page furniture"),
    ("카테고리: 텃밭 일기", "page furniture"),
    ("오늘 글은 여기까지 공감 댓글 구독하기 공유하기", "page furniture"),
])  # fmt: skip
def test_a_line_that_is_never_the_post_fails_it_naming_the_line(tmp_path, line, looks_like):
    text = "정원 소식\n" + "\n".join([BODY[0], BODY[1], line, BODY[2], BODY[3]]) + "\n"
    path = write(tmp_path, "2025-04-01-garden.txt", text)
    result = cli("script", str(path))
    assert result.exit_code == PostError.exit_code == 3
    message = result.stderr.strip().splitlines()[-1]
    assert str(path) in message and "line 4 " in message and looks_like in message


def test_a_source_like_line_after_the_sign_off_fails_the_post(tmp_path):
    path = write(tmp_path, "2025-04-01-garden.txt",
                 "정원 소식\n" + "\n".join(BODY) + "\n[1] 도시 텃밭 두 배 — 어딘가\n")
    with pytest.raises(PostError, match=r"line 6 looks like an item of a source list"):
        spoken_text(path)


def test_the_seed_shaped_posts_of_the_corpora_pass_the_guard():
    corpora = TESTS
    for post in sorted([*(corpora / "corpus").iterdir(), *(corpora / "posts").iterdir()]):
        if post.suffix in (".txt", ".md", ".html"):
            try:
                parsed = read_post(post)
            except PostError:
                continue  # posts that are bad on purpose fail for their own reason
            if not parsed.draft:
                assert unplaced_lines(parsed, segment_post(parsed)) == [], post.name


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_guard_rows_and_source_parsing_take_any_text(text):
    for kind in NEVER_SPOKEN:
        assert kind.found(text) in (True, False)
    assert page.furniture_line(text) in (True, False)
    source = parse_item(1, text)
    assert isinstance(source.title, str)
    title, outlet = split_outlet(text)
    assert outlet is None or outlet.strip() == outlet
    assert outlet_of_url(text) is None or isinstance(outlet_of_url(text), str)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N")), min_size=1,
               max_size=30))
def test_a_web_address_anywhere_in_a_paragraph_is_caught(word):
    guard = next(k for k in NEVER_SPOKEN if k.looks_like == "a web address")
    assert guard.found(f"{word} https://{word.lower()}.example/a {word}")


def test_check_and_build_refuse_a_line_that_is_never_the_post(tmp_path_factory,
                                                                     tmp_path):
    project = built_project(tmp_path_factory, tmp_path / "show")
    bad = project / "posts" / "2025-03-05-garden.txt"
    bad.write_text("정원 소식\n" + "\n".join(BODY[:3]) + "\n좋은 소식 감사합니다 2025.04.02 21:40\n"
                   + BODY[3] + "\nhttps://www.yna.co.kr/view/1\n", encoding="utf-8")
    bad.write_text(bad.read_text(encoding="utf-8").replace(
        "좋은 소식 감사합니다 2025.04.02 21:40", "공감 3 · 댓글 1 · 공유하기"), encoding="utf-8")
    bad.write_text(bad.read_text(encoding="utf-8").replace(BODY[2], BODY[2] + " www.garden.example"),
                   encoding="utf-8")
    before = snapshot(project / "public")
    result = cli("check", str(project))
    assert result.exit_code == 1
    assert "2025-03-05-garden.txt: line 4 looks like a web address" in result.output
    result = cli("build", str(project))
    assert result.exit_code == 3
    assert "2025-03-05-garden.txt" in result.stderr and "line 4 looks like a web address" \
        in result.stderr
    assert snapshot(project / "public") == before
    result = cli("build", "--keep-going", str(project))
    assert result.exit_code == 7
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed: ")]
    assert len(failed) == 1 and "2025-03-05-garden.txt" in failed[0]


# --- warnings that say what will happen, and the line view ---------------------------------------


def test_a_source_without_outlet_is_named_with_its_line(tmp_path, caplog):
    path = write(tmp_path, "2025-04-01-garden.txt", "정원 소식\n" + "\n".join(BODY)
                 + "\n\n1. 도시 텃밭 신청 두 배\nhttps://garden-news.example/1\n")
    with caplog.at_level(logging.WARNING):
        analyse_post(read_post(path))
    messages = [r.getMessage() for r in caplog.records]
    assert any(str(path) in m and "line 7: source 1 has no outlet; its article is announced "
               "without one" in m for m in messages), messages
    assert "첫 번째 기사입니다." in spoken_text(path)


def test_no_sources_says_whether_anything_after_the_sign_off_was_left_unread(tmp_path, caplog):
    plain = write(tmp_path, "2025-04-01-garden.md", "# 정원 소식\n\n" + "\n\n".join(BODY) + "\n")
    unread = write(tmp_path, "2025-04-02-garden.md", "# 정원 소식\n\n" + "\n\n".join(BODY)
                   + "\n\n<div class=\"ad\">광고 자리</div>\n")
    with caplog.at_level(logging.INFO):
        [none] = analyse_post(read_post(plain)).warnings
        [some] = analyse_post(read_post(unread)).warnings
    # one warning says it all, in what build, check and segments print; nothing besides it
    assert none.message == ("the post lists no sources; articles are announced without an "
                            "outlet; nothing after the sign-off was left unread")
    assert some.message.startswith("the post lists no sources; articles are announced without "
                                   "an outlet; line 11 after the sign-off was left unread ('<div")
    assert some.line == 11 and some.to_dict()["line"] == 11 and none.line == 0
    messages = [r.getMessage() for r in caplog.records]
    assert sum("lists no sources" in m for m in messages) == 2, messages


def test_script_lines_shows_what_every_line_becomes(tmp_path):
    path = write(tmp_path, "2025-04-01-garden.txt", "정원 소식\n" + "\n".join(BODY)
                 + "\n\n출처\n[1] 도시 텃밭 두 배 - 연합뉴스\nhttps://www.yna.co.kr/view/1\n")
    result = cli("script", "--lines", str(path))
    assert result.exit_code == 0, result.output
    rows = [re.split(r"\s{2,}|\s(?=\S)", line.strip(), maxsplit=1)
            for line in result.stdout.split("\n\n")[0].splitlines()]
    roles = {int(number): rest for number, rest in rows}
    assert roles[1].startswith("title") and roles[2].startswith("greeting")
    assert roles[3].startswith("quote") and roles[4].startswith("commentary")
    assert roles[5].startswith("signoff") and roles[7].startswith("not read: the source list")
    assert roles[8].startswith("source 1, 연합뉴스") and roles[9].startswith("source 1, its link")


# --- properties: nothing but the post, over many pages ------------------------------------------

_SYLLABLES = st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
                     min_size=2, max_size=6)
_SENTENCE = st.lists(_SYLLABLES, min_size=2, max_size=8).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(platform=st.sampled_from(page.PLATFORMS), data=st.data(),
       body=st.lists(_SENTENCE, min_size=2, max_size=6), junk=_SENTENCE)
def test_a_platform_page_reads_as_its_post_whatever_the_furniture_says(
        tmp_path_factory, platform, data, body, junk):
    paragraphs = [f"문단{k} {text}." for k, text in enumerate(body)]
    furniture = data.draw(st.lists(st.sampled_from(platform.furniture + page.COMMON.furniture),
                                   min_size=1, max_size=6))
    content = data.draw(st.sampled_from(platform.content))
    post = "".join(f"<p>{p}</p>" + element(furniture[k % len(furniture)], f"<p>{junk} {k}</p>")
                   for k, p in enumerate(paragraphs))
    html = (f"<html><head><title>제목 | 블로그</title></head><body>"
            f"{element(platform.title[0], '제목')}{element(content, post)}</body></html>")
    path = tmp_path_factory.mktemp("page") / "2025-04-01-garden.html"
    path.write_text(html, encoding="utf-8")
    parsed = read_post(path)
    assert parsed.title == "제목"
    assert [b.text for b in parsed.blocks] == paragraphs


@settings(max_examples=200, deadline=None)
@given(st.lists(_SENTENCE, min_size=1, max_size=3).map(lambda s: ". ".join(s) + "."))
def test_plain_korean_sentences_are_never_taken_for_what_is_never_spoken(text):
    text = "문단 " + text  # a word that is no furniture
    assert not [k.looks_like for k in NEVER_SPOKEN if k.found(text)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=60), st.sampled_from([
    "", "https://www.yna.co.kr/view/1", "[1] 제목 - 연합뉴스", "출처", "제목 | 한겨레",
    "1) 제목 (로이터)", '[2]: https://zdnet.co.kr/view/?no=1 "제목"'])), max_size=12))
def test_the_source_list_is_found_in_any_lines(lines):
    start, end, sources = find_source_list(lines)
    assert 0 <= start <= end <= len(lines)
    assert (start == end) == (not sources)
    assert all(s.title or s.url or s.outlet for s in sources)
