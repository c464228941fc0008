"""Reading posts: formats, encodings, front matter, dates, slugs, sources and bad input."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from podcaster.cli import main
from podcaster.errors import PostError
from podcaster.model import Block, Source
from podcaster.text.read import read_post
from podcaster.text.readers import READERS, reader_for
from podcaster.text.readers.html import HtmlReader
from podcaster.text.readers.markdown import MarkdownReader
from podcaster.text.readers.paragraphs import Paragraph, blocks_from_paragraphs
from podcaster.text.readers.sources import find_source_list, parse_item
from podcaster.text.readers.text import TextReader
from tests.helpers import TESTS

POSTS = TESTS / "posts"
SPACE = POSTS / "2025-05-20-space-news.txt"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def quoted(post) -> list[str]:
    return [b.text for b in post.blocks if b.quoted]


# --- readers by extension ---------------------------------------------------------------


def test_reader_is_chosen_by_extension():
    assert isinstance(READERS[".txt"], TextReader)
    assert isinstance(READERS[".md"], MarkdownReader)
    assert isinstance(READERS[".html"], HtmlReader)
    assert isinstance(reader_for(Path("x/2025-01-01-a.HTM")), HtmlReader)
    assert reader_for(Path("a.docx")) is None


def test_unsupported_extension_is_an_error(tmp_path):
    path = write(tmp_path, "2025-01-01-note.docx", "제목\n본문")
    with pytest.raises(PostError, match=r"2025-01-01-note\.docx: unsupported file type '\.docx'"):
        read_post(path)


# --- plain text ------------------------------------------------------------------------


def test_text_post_in_the_seed_shape():
    post = read_post(SPACE)
    assert post.title == "우주 소식 두 가지: 달 착륙선과 소행성 표본"
    assert post.date == dt.date(2025, 5, 20)
    assert post.slug == "space-news"
    assert post.draft is False
    assert post.raw == SPACE.read_bytes()
    texts = [b.text for b in post.blocks]
    assert texts[0] == "안녕하세요, 별지기입니다."
    assert texts[-1].startswith("이상입니다.")
    assert not any("출처" in t or "https://" in t for t in texts)
    assert [b.quoted for b in post.blocks] == [
        False, False, True, True, False, True, True, False, False,
    ]  # fmt: skip
    assert quoted(post)[0].startswith("한국천문연구원은")  # 「…」 removed
    # nested quotes stay; only the outer pair goes
    assert quoted(post)[1] == (
        "연구원 관계자는 “달 남극의 얼음은 앞으로 기지를 세울 때 물과 연료가 될 수 있다”며 "
        "‘첫 단추’를 잘 끼우겠다고 말했다."
    )
    assert quoted(post)[3] == '표본을 처음 열었을 때 연구진은 "생각보다 훨씬 검었다"고 회상했다.'
    assert post.sources == [
        Source(1, "달 남극 착륙선 설계 검토 마쳐, 2032년 발사 목표", "과학신문",
               "https://example.com/space/lunar-lander"),
        Source(2, "소행성 표본에서 아미노산 확인", "우주일보",
               "https://example.org/asteroid/amino-acids"),
    ]  # fmt: skip


ENCODINGS = ["utf-8", "utf-8-sig", "cp949", "euc-kr", "utf-16"]
FIXTURES = sorted(POSTS.iterdir())


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.suffix + "-" + f.stem[11:] for f in FIXTURES])
def test_encodings_and_line_ends_read_the_same(tmp_path, fixture, encoding, newline):
    reference = read_post(fixture)
    text = fixture.read_text(encoding="utf-8").replace("\n", newline)
    data = text.encode(encoding)
    if encoding in ("cp949", "euc-kr"):
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")  # really a different byte encoding
    path = write(tmp_path, fixture.name, data)
    post = read_post(path)
    assert post.title == reference.title
    assert post.blocks == reference.blocks
    assert post.sources == reference.sources
    assert (post.date, post.slug, post.description) == (
        reference.date, reference.slug, reference.description,
    )  # fmt: skip
    assert post.raw == data


def test_cp949_only_syllables(tmp_path):
    # 똠 and 뷁 are outside EUC-KR's 2,350 syllables but inside CP949.
    text = "똠양꿍 이야기\n안녕하세요.\n“뷁이라는 글자도 읽힌다.”\n"
    path = write(tmp_path, "2025-02-02-tom.txt", text.encode("cp949"))
    post = read_post(path)
    assert post.title == "똠양꿍 이야기"
    assert quoted(post) == ["뷁이라는 글자도 읽힌다."]


def test_multi_line_quote_becomes_quoted_paragraphs(tmp_path):
    text = (
        "긴 인용\n인사말입니다.\n“첫째 문단은 여기서 끝나지 않는다.\n“둘째 문단도 이어진다.\n"
        "셋째 문단에서 인용이 닫힌다.”\n제 생각은 이렇습니다.\n"
    )
    post = read_post(write(tmp_path, "2025-02-03-long.txt", text))
    assert post.blocks == [
        Block("인사말입니다."),
        Block("첫째 문단은 여기서 끝나지 않는다.", True),
        Block("둘째 문단도 이어진다.", True, continues=True),  # one quotation
        Block("셋째 문단에서 인용이 닫힌다.", True, continues=True),
        Block("제 생각은 이렇습니다."),
    ]


# --- quotes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“전체가 인용이다.”", Block("전체가 인용이다.", True)),
        ('"곧은 따옴표도 된다."', Block("곧은 따옴표도 된다.", True)),
        ("「낫표도 된다.」", Block("낫표도 된다.", True)),
        ("“바깥 “안쪽” 바깥.”", Block("바깥 “안쪽” 바깥.", True)),
        ("“바깥 ‘안쪽’ 바깥.”", Block("바깥 ‘안쪽’ 바깥.", True)),
        ("“바깥 '안쪽' 바깥.”", Block("바깥 '안쪽' 바깥.", True)),
        ('"그는 "안녕"이라고 했다."', Block('그는 "안녕"이라고 했다.', True)),
        ("「바깥 “안쪽” 바깥」", Block("바깥 “안쪽” 바깥", True)),
        # a sentence that merely contains or starts with a quoted phrase is commentary
        ("그는 “좋다”고 말했습니다.", Block("그는 “좋다”고 말했습니다.")),
        ("“좋다”고 그는 말했습니다.", Block("“좋다”고 그는 말했습니다.")),
        ('"AI"라는 말이 흔해졌습니다.', Block('"AI"라는 말이 흔해졌습니다.')),
        ("“하나.” 그리고 “둘.”", Block("“하나.” 그리고 “둘.”")),
        ("  “공백은   정리된다.”  ", Block("공백은 정리된다.", True)),
    ],
)
def test_whole_paragraph_quotes(text, expected):
    assert blocks_from_paragraphs([Paragraph(text, 3)], Path("p.txt")) == [expected]


def test_format_quotes_lose_their_own_marks_too():
    paras = [Paragraph("“이미 인용 블록 안이다.”", 1, quoted=True), Paragraph("그냥 문장", 2, True)]
    assert blocks_from_paragraphs(paras, Path("p.md")) == [
        Block("이미 인용 블록 안이다.", True),
        Block("그냥 문장", True),
    ]


@pytest.mark.parametrize("text", ["“닫히지 않는 인용", '"닫히지 않는 인용', "「닫히지 않는 인용"])
def test_unclosed_quote_quotes_its_own_paragraph(text):
    paras = [Paragraph("인사", 2), Paragraph(text, 3), Paragraph("다음 문장", 4)]
    blocks = blocks_from_paragraphs(paras, Path("p.txt"))
    assert blocks == [Block("인사"), Block("닫히지 않는 인용", True), Block("다음 문장")]
    assert blocks[1].unclosed and blocks[1].line == 3


def test_a_mark_alone_that_never_closes_names_the_line_and_the_fix():
    paras = [Paragraph("인사", 2), Paragraph("“", 3), Paragraph("다음 문장", 4)]
    with pytest.raises(PostError, match=r"^p\.txt: unclosed quote at line 3: “: .*add the "
                                        "closing mark where the quote ends"):
        blocks_from_paragraphs(paras, Path("p.txt"))


def test_marks_around_a_multi_paragraph_blockquote_go():
    paras = [
        Paragraph("“인용 첫 문단", 1, quoted=True),
        Paragraph("인용 둘째 문단”", 2, quoted=True),
        Paragraph("“안에서 닫히지 않음", 3, quoted=True),
        Paragraph("제 생각.", 4),
    ]
    assert blocks_from_paragraphs(paras, Path("p.html")) == [
        Block("인용 첫 문단", True),
        Block("인용 둘째 문단", True, continues=True),
        Block("“안에서 닫히지 않음", True),  # the format says where the quote ends
        Block("제 생각."),
    ]


def test_html_blockquote_with_line_breaks_and_loose_tags(tmp_path):
    html = (
        "<main><h1>느슨한 &lt;HTML&gt; 글</h1><div>안녕하세요.<p>둘째 문단<p>셋째 문단"
        "<blockquote>&#x201C;인용 첫 줄<br>인용 둘째 줄&#x201D;</blockquote>"
        "<div hidden>숨은 글</div><p>제 생각은 &quot;이렇습니다&quot;.<p>이상입니다."
        "<ul><li><a href='https://x.example/1'>첫 기사</a> -가나-"
        "<li><a href='https://x.example/2'>둘째 기사</a></ul></div></main>"
    )
    post = read_post(write(tmp_path, "2025-02-02-loose.html", html))
    assert post.title == "느슨한 <HTML> 글"
    assert post.blocks == [
        Block("안녕하세요."),
        Block("둘째 문단"),
        Block("셋째 문단"),
        Block("인용 첫 줄", True),
        Block("인용 둘째 줄", True, continues=True),
        Block('제 생각은 "이렇습니다".'),
        Block("이상입니다."),
    ]
    assert post.sources == [
        Source(1, "첫 기사", "가나", "https://x.example/1"),
        Source(2, "둘째 기사", None, "https://x.example/2"),
    ]


def test_quote_closed_mid_paragraph_is_the_authors_text():
    paras = [Paragraph("“여기서 시작해", 1), Paragraph("여기서 닫히고” 라고 적었다.", 2)]
    blocks = blocks_from_paragraphs(paras, Path("p.txt"))
    assert blocks == [Block("“여기서 시작해"), Block("여기서 닫히고” 라고 적었다.")]


# --- sources ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("제목 하나 -한빛일보-", Source(1, "제목 하나", "한빛일보")),
        ("제목 하나 –한빛 NEWS-", Source(1, "제목 하나", "한빛 NEWS")),
        ("제목 하나 — 한빛일보 —", Source(1, "제목 하나", "한빛일보")),
        ("제목 하나 -한빛일보- https://a.example/x?y=1", Source(1, "제목 하나", "한빛일보", "https://a.example/x?y=1")),
        ("[제목 하나](https://a.example/x) -한빛일보-", Source(1, "제목 하나", "한빛일보", "https://a.example/x")),
        ("[제목 하나](https://a.example/x)", Source(1, "제목 하나", None, "https://a.example/x")),
        ("제목 하나 https://a.example/x", Source(1, "제목 하나", None, "https://a.example/x")),
        ("AI-반도체 협력 강화", Source(1, "AI-반도체 협력 강화")),
    ],
)  # fmt: skip
def test_source_item_forms(text, expected):
    assert parse_item(1, text) == expected


def test_source_list_is_split_off_the_end():
    lines = [
        "본문 마지막 문장입니다.",
        "",
        "참고 기사:",
        "1. 첫 기사 -가나일보-",
        "<https://a.example/1>",
        "",
        "2) [둘째 기사](https://a.example/2)",
        "",
    ]
    start, end, sources = find_source_list(lines)
    assert (start, end) == (2, 7)
    assert sources == [
        Source(1, "첫 기사", "가나일보", "https://a.example/1"),
        Source(2, "둘째 기사", None, "https://a.example/2"),
    ]


def test_a_plain_numbered_list_is_not_a_source_list():
    lines = ["오늘 할 일:", "1. 장보기", "2. 청소하기"]
    assert find_source_list(lines) == (3, 3, [])


def test_source_list_before_a_closing_line():
    lines = [
        "본문입니다.",
        "1. 첫 기사 -가나일보-",
        "https://a.example/1",
        "",
        "읽어 주셔서 고맙습니다.",
    ]
    assert find_source_list(lines) == (
        1, 3, [Source(1, "첫 기사", "가나일보", "https://a.example/1")],
    )  # fmt: skip
    # without URLs, a list that does not end the post is the author's own list
    assert find_source_list([lines[0], lines[1], lines[4]]) == (3, 3, [])


# --- Markdown --------------------------------------------------------------------------


def test_markdown_post_with_front_matter():
    path = POSTS / "2025-03-14-weekly-robots.md"
    post = read_post(path)
    assert post.title == "주간 로봇 소식: 물류 창고와 농장의 로봇들"
    assert post.date == dt.date(2025, 3, 14)
    assert post.slug == "weekly-robots"
    assert post.description == "물류 로봇과 딸기 수확 로봇 이야기"
    texts = [b.text for b in post.blocks]
    # the "# title" heading is not read twice, "**bold**" loses its marks
    assert texts[0] == (
        "안녕하세요, 금요일 밤의 로봇 이야기를 전하는 해밀입니다. "
        "이번 주에는 두 가지 소식을 골라 왔습니다."
    )
    assert [b.quoted for b in post.blocks] == [False, True, True, False, True, True, False, False]
    assert quoted(post)[1].startswith('다만 현장 노동자들은 "로봇이')  # "> " blank line splits
    assert "출처" not in " ".join(texts)
    assert post.sources == [
        Source(1, "자율주행 물류 로봇 3백 대 도입, 출고 시간 40% 단축", "로봇신문",
               "https://example.com/news/logistics-robots"),
        Source(2, "딸기 익은 정도 알아보는 수확 로봇, 농장 시범 운영", "농업일보",
               "https://example.org/farm/strawberry-robot"),
    ]  # fmt: skip


def test_markdown_front_matter_overrides_the_file_name(tmp_path):
    text = (
        "---\ntitle: 앞머리 제목\ndate: 2024-12-31\nslug: 한글-슬러그_2\ndraft: true\n---\n"
        "안녕하세요.\n\n“인용입니다.”\n"
    )
    post = read_post(write(tmp_path, "2025-01-01-file-name.md", text))
    assert (post.title, post.date, post.slug, post.draft) == (
        "앞머리 제목", dt.date(2024, 12, 31), "한글-슬러그_2", True,
    )  # fmt: skip
    assert post.blocks == [Block("안녕하세요."), Block("인용입니다.", True)]


def test_markdown_title_from_first_line_and_line_per_paragraph(tmp_path):
    # no blank lines at all: read like a plain-text post
    text = "첫 줄 제목\n안녕하세요.\n> 인용된 첫 문단.\n> 인용된 둘째 문단.\n제 생각입니다.\n이상입니다.\n"
    post = read_post(write(tmp_path, "2025-01-05-lines.md", text))
    assert post.title == "첫 줄 제목"
    assert post.blocks == [
        Block("안녕하세요."),
        Block("인용된 첫 문단.", True),
        Block("인용된 둘째 문단.", True),
        Block("제 생각입니다."),
        Block("이상입니다."),
    ]


def test_markdown_markup_is_not_read(tmp_path):
    text = (
        "# 제목\n\n## 소제목은 읽지 않는다\n\n![그림](a.png) *기울임*과 `코드`와 "
        "[링크](https://a.example)가\n섞인 문단.\n\n---\n\n```\ncode block\n```\n\n"
        "<!-- 주석\n여러 줄 -->\n- 목록 항목\n\n밑줄 친 소제목\n=======\n\n줄 위의 문단.\n---\n"
    )
    post = read_post(write(tmp_path, "2025-01-06-markup.md", text))
    assert post.title == "제목"
    assert [b.text for b in post.blocks] == [
        "기울임과 코드와 링크가 섞인 문단.",
        "목록 항목",
        "줄 위의 문단.",
    ]


def test_markdown_setext_title(tmp_path):
    text = "밑줄 제목\n=========\n\n안녕하세요.\n\n“인용.”\n"
    post = read_post(write(tmp_path, "2025-01-07-setext.md", text))
    assert post.title == "밑줄 제목"
    assert post.blocks == [Block("안녕하세요."), Block("인용.", True)]


# --- HTML ------------------------------------------------------------------------------


def test_html_saved_blog_post():
    post = read_post(POSTS / "2025-04-02-ocean-plastic.html")
    assert post.title == "바다 플라스틱 줄이기 & 재활용 소식"
    assert post.description == "바다 쓰레기 수거 소식과 생각"
    texts = [b.text for b in post.blocks]
    assert texts[:2] == [
        "안녕하세요 물결입니다.",
        "오늘은 바다 쓰레기에 관한 기사 두 편을 나눕니다.",
    ]
    joined = " ".join(texts)
    for dropped in ("광고", "미리보기", "홈", "태그", "물결 블로그", "2025년 4월 2일", "출처", "color"):
        assert dropped not in joined
    assert quoted(post) == [
        "남해안의 한 어촌 마을이 주민 백여 명과 함께 해안 쓰레기 수거에 나섰다. "
        "주민들은 한 달 동안 폐어구와 스티로폼 부표 12톤을 모았다.",
        '마을 이장은 "치워도 다시 밀려오지만 멈출 수는 없다"고 말했다.',
        "버려진 페트병을 녹여 실을 뽑고, 그 실로 작업복을 만드는 재활용 공장이 문을 열었다. "
        "공장은 하루 페트병 5만 개를 처리할 수 있다.",
    ]
    assert "여러분은 어떻게 생각하시나요?" in texts  # <br> ends a paragraph
    assert post.sources == [
        Source(1, "어촌 마을 주민 백여 명, 해안 쓰레기 12톤 수거", "바다신문",
               "https://example.com/sea/village-cleanup?id=7&ref=rss"),
        Source(2, "페트병이 작업복으로… 재활용 공장 문 열어", "환경일보",
               "https://example.org/recycle/pet-uniform"),
    ]  # fmt: skip


def test_html_without_h1_and_with_text_sources(tmp_path):
    html = (
        "<html><head><title>제목은 title에서 | 내 블로그</title>"
        '<meta property="article:published_time" content="2024-11-02T09:00:00+09:00"></head>'
        "<body><div><p>안녕하세요</p><p>“인용 문단&#46;”</p><p>제 생각.</p>"
        "<p>1. 기사 제목 -가나일보-</p><p><a href='https://a.example/1'>https://a.example/1</a></p>"
        "</div></body></html>"
    )
    post = read_post(write(tmp_path, "undated-page.html", html))
    assert post.title == "제목은 title에서"
    assert post.date == dt.date(2024, 11, 2)
    assert post.slug == "undated-page"
    assert post.blocks == [Block("안녕하세요"), Block("인용 문단.", True), Block("제 생각.")]
    assert post.sources == [Source(1, "기사 제목", "가나일보", "https://a.example/1")]


# --- dates and slugs -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("2025-07-01-hello-world.txt", "hello-world"),
        ("2025-07-01_Mixed_Case.txt", "mixed_case"),
        ("2025-07-01 한글제목.txt", "한글제목"),
        ("2025-07-01.txt", "2025-07-01"),
    ],
)
def test_slug_from_file_name(tmp_path, name, slug):
    post = read_post(write(tmp_path, name, "제목\n본문 한 줄."))
    assert post.slug == slug
    assert post.date == dt.date(2025, 7, 1)


@pytest.mark.parametrize("name", ["2025-10-06-.txt", "2025-10-06_.md", "2025-10-06 .txt"])
def test_empty_slug_after_the_date_is_refused_with_the_naming_rule(tmp_path, name):
    with pytest.raises(PostError, match=r"empty slug: name the file YYYY-MM-DD-slug\.txt"):
        read_post(write(tmp_path, name, "제목\n본문 한 줄."))


def test_decomposed_hangul_file_name_is_normalised(tmp_path):
    import unicodedata

    name = unicodedata.normalize("NFD", "2025-07-01-바다.txt")
    post = read_post(write(tmp_path, name, "제목\n본문 한 줄."))
    assert post.slug == "바다"


# --- bad posts -------------------------------------------------------------------------

BAD_POSTS = [
    ("2025-01-01-empty.txt", b"", "the file is empty"),
    ("2025-01-01-blank.txt", b"  \r\n\n\t", "the file is empty"),
    ("2025-01-01-bom.txt", b"\xef\xbb\xbf\n", "the file is empty"),
    ("2025-01-01-image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("2025-01-01-garbage.txt", bytes([0xFF, 0xFE - 1, 0x80, 0x81, 0xC8, 0x41]), "cannot decode"),
    ("2025-01-01-control.txt", "제목\n본문\x07삐".encode(), "binary"),
    ("2025-01-01-title.txt", "제목만 있는 글\n\n".encode(), "title but no body"),
    ("2025-01-01-title-sources.txt", "제목\n1. 기사 -신문-\nhttps://a.example\n".encode(), "no body"),
    ("no-date.txt", "제목\n본문".encode(), "no date"),
    ("2025-13-45-bad-date.txt", "제목\n본문".encode(), "not a real date"),
    ("2025-01-01-unclosed.txt", "제목\n인사\n“\n논평".encode(), "unclosed quote at line 3"),
    ("2025-01-01-has space.txt", "제목\n본문".encode(), "unsafe slug 'has space'"),
    ("2025-01-01-dots..txt", "제목\n본문".encode(), "unsafe slug"),
    ("2025-01-01-v1.2.txt", "제목\n본문".encode(), "unsafe slug 'v1.2'"),
    ("2025-01-01-unclosed.md", "# 제목\n\n인사\n\n> “닫히지 않은\n\n“\n\n논평\n".encode(), "unclosed quote at line 7"),
    ("2025-01-01-title.md", "---\ntitle: 제목\n---\n".encode(), "title but no body"),
    ("2025-01-01-yaml.md", "---\ntitle: [닫히지 않음\n---\n본문\n".encode(), "front matter is not valid YAML"),
    ("2025-01-01-open.md", "---\ntitle: 제목\n본문\n".encode(), "front matter is not closed"),
    ("2025-01-01-list.md", "---\n- a\n- b\n---\n본문\n".encode(), "front matter must be a mapping"),
    ("2025-01-01-fmdate.md", "---\ndate: 어제\n---\n# 제목\n\n본문\n".encode(), "is not a date"),
    ("2025-01-01-draft.md", "---\ndraft: maybe\n---\n# 제목\n\n본문\n".encode(), "'draft' must be true or false"),
    ("2025-01-01-notitle.html", "<p>본문만</p>".encode(), "no <h1> or <title>"),
    ("2025-01-01-h1only.html", "<h1>제목</h1><script>x()</script>".encode(), "title but no body"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "data", "problem"), BAD_POSTS, ids=[b[0] for b in BAD_POSTS])
def test_bad_posts_raise_one_line_post_error(tmp_path, name, data, problem):
    path = write(tmp_path, name, data)
    with pytest.raises(PostError) as info:
        read_post(path)
    message = str(info.value.message)
    assert message.startswith(f"{path}: ")
    assert problem in message
    assert "\n" not in message
    assert info.value.path == path


@pytest.mark.parametrize(
    "slug",
    ["../escape", "a/b", "has space", "tab\there", "bell\x07", "Upper", "-dash", "점.찍기", ""],
)
def test_unsafe_front_matter_slugs(tmp_path, slug):
    text = f"---\nslug: {slug!r}\n---\n# 제목\n\n본문\n".replace("'", '"')
    path = write(tmp_path, "2025-01-01-ok.md", text)
    with pytest.raises(PostError, match="slug"):
        read_post(path)


def test_missing_file_is_a_post_error(tmp_path):
    with pytest.raises(PostError, match="cannot read the file"):
        read_post(tmp_path / "2025-01-01-missing.txt")


def test_cli_reports_a_bad_post_and_exits_non_zero(tmp_path):
    path = write(tmp_path, "no-date.txt", "제목\n본문")
    result = CliRunner().invoke(main, ["segments", str(path)])
    assert result.exit_code != 0
    assert f"{path}: no date" in result.output


def test_fixtures_copy_cleanly(tmp_path):
    # every committed fixture reads without error, wherever it is copied
    for fixture in POSTS.iterdir():
        target = tmp_path / fixture.name
        shutil.copyfile(fixture, target)
        assert read_post(target).blocks


def test_files_no_reader_knows_are_skipped_with_a_warning_naming_them(tmp_path, caplog):
    from podcaster.text.read import find_posts

    for name in ("2025-07-01-a.txt", "2025-07-02-b.docx", "notes", ".DS_Store"):
        (tmp_path / name).write_text("제목\n본문 한 줄.", encoding="utf-8")
    (tmp_path / "images").mkdir()
    assert find_posts(tmp_path) == [tmp_path / "2025-07-01-a.txt"]
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert warnings == [
        f"{tmp_path / name}: skipped, not a post: posts are .htm, .html, .markdown, .md, .txt files"
        for name in ("2025-07-02-b.docx", "notes")]
