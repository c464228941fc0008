"""Reading a post file, each rule from both sides: the encodings and what is not text, the
years a date may be in, the slug's length and characters, front matter's draft and
description, links that are not http(s), links out of the project, invisible characters."""

from __future__ import annotations

import datetime as dt
import errno
import logging
import os
from pathlib import Path

import pytest

from podcaster.errors import PodcasterError, PostError
from podcaster.text.read import (
    MAX_SLUG_LENGTH,
    check_slug,
    decode,
    find_posts,
    post_date,
    post_slug,
    read_post,
    readable_extensions,
)

BODY = "안녕하세요, 오늘의 소식입니다.\n오늘은 하늘이 맑았습니다.\n"
P = Path("2025-03-04-hello.txt")


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def problem(path: Path) -> str:
    with pytest.raises(PostError) as caught:
        read_post(path)
    assert caught.value.path == path
    assert caught.value.message == f"{path}: {caught.value.problem}"
    return caught.value.problem


# --- encodings ----------------------------------------------------------------------------

TEXT = "제목\r\n본문 한 줄.\r\n"


@pytest.mark.parametrize("raw", [
    TEXT.encode("utf-8"),
    b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
    b"\xff\xfe" + TEXT.encode("utf-16-le"),
    b"\xfe\xff" + TEXT.encode("utf-16-be"),
    TEXT.encode("cp949"),
    TEXT.encode("utf-8") + b"\x1a",                      # a DOS end-of-file mark
    TEXT.encode("utf-8") + b"\x1a\x1a",
    TEXT.replace("\r\n", "\r").encode("utf-8"),          # old Mac line ends
], ids=["utf-8", "utf-8 bom", "utf-16-le", "utf-16-be", "cp949", "eof mark", "eof marks", "cr"])
def test_every_encoding_reads_the_same_text(raw):
    assert decode(raw, P) == "제목\n본문 한 줄.\n"


def test_only_end_of_file_marks_are_taken_off_the_end():
    assert decode("제목\n본문 X\x1a".encode(), P) == "제목\n본문 X"


def test_decoded_text_is_nfc():
    decomposed = "\u1100\u1161 나"  # 가 written as two jamo
    assert decode(decomposed.encode("utf-8"), P) == "가 나"


@pytest.mark.parametrize(("raw", "message"), [
    (b"", "the file is empty"),
    (b" \n\t ", "the file is empty"),
    (b"\xef\xbb\xbf", "the file is empty"),
    (b"\xff\xfe \x00\n\x00", "the file is empty"),                 # blank, in UTF-16
    (b"\x1a", "the file is empty"),                                # only an end-of-file mark
    ("제목\x00본문".encode(), "the file is binary, not a text post"),
    ("제목\n본문\x07".encode(), "the file is binary, not a text post (control character '\\x07')"),
    ("제목\n본문\x7f".encode(), "the file is binary, not a text post (control character '\\x7f')"),
    (b"\x80\xff\xfe\x80", "cannot decode the text: it is neither UTF-8 nor CP949/EUC-KR"),
])
def test_what_is_not_text_is_refused(raw, message):
    with pytest.raises(PostError) as caught:
        decode(raw, P)
    assert str(caught.value) == f"{P}: {caught.value.problem}"
    assert caught.value.problem == message


@pytest.mark.parametrize("allowed", ["\t", "\f", "\v", "\x85"])
def test_the_controls_text_may_hold_are_kept(allowed):
    assert decode(f"제목\n본문{allowed}끝".encode(), P) == f"제목\n본문{allowed}끝"


def test_a_nul_in_utf16_with_a_bom_is_text():
    assert decode(b"\xff\xfe" + "가\n".encode("utf-16-le"), P) == "가\n"


# --- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("meta", "name", "expected"), [
    ({"date": dt.date(2025, 3, 4)}, "x.txt", dt.date(2025, 3, 4)),
    ({"date": dt.datetime(2025, 3, 4, 23, 30)}, "x.txt", dt.date(2025, 3, 4)),
    ({"date": "2025-03-04T10:00:00+09:00"}, "x.txt", dt.date(2025, 3, 4)),
    ({"date": " 2025-03-04 "}, "x.txt", dt.date(2025, 3, 4)),
    ({"date": dt.date(2024, 1, 2)}, "2025-03-04-a.txt", dt.date(2024, 1, 2)),  # front matter wins
    ({}, "2025-03-04-a.txt", dt.date(2025, 3, 4)),
    ({"date": None}, "2025-03-04-a.txt", dt.date(2025, 3, 4)),
    ({}, "2025-03-04.txt", dt.date(2025, 3, 4)),
    ({}, "2025-03-04_a.txt", dt.date(2025, 3, 4)),
    ({}, "2025-03-04 a.txt", dt.date(2025, 3, 4)),
    ({}, "1970-01-01-a.txt", dt.date(1970, 1, 1)),        # the first year allowed
    ({}, "9999-12-31-a.txt", dt.date(9999, 12, 31)),      # the last
])
def test_post_date(meta, name, expected):
    assert post_date(meta, Path(name)) == expected


@pytest.mark.parametrize(("meta", "name", "message"), [
    ({}, "1969-12-31-a.txt", "date 1969-12-31 is out of range: a post's date must be in the "
                             "years 1970–9999"),
    ({"date": dt.date(1, 1, 1)}, "x.txt", "date 0001-01-01 is out of range: a post's date "
                                          "must be in the years 1970–9999"),
    ({"date": "어제"}, "2025-03-04-a.txt", "date '어제' is not a date (use YYYY-MM-DD)"),
    ({"date": "2025-02-30"}, "x.txt", "date '2025-02-30' is not a date (use YYYY-MM-DD)"),
    ({}, "hello.txt", "no date: start the file name with YYYY-MM-DD or set 'date' in front "
                      "matter"),
    ({}, "20250304-a.txt", "no date: start the file name with YYYY-MM-DD or set 'date' in "
                           "front matter"),
    ({}, "2025-03-04a.txt", "no date: start the file name with YYYY-MM-DD or set 'date' in "
                            "front matter"),              # the date must end there
    ({}, "2025-02-30-a.txt", "the file name's date is not a real date (day is out of range "
                             "for month)"),
])
def test_dates_refused(meta, name, message):
    with pytest.raises(PostError) as caught:
        post_date(meta, Path(name))
    assert str(caught.value) == f"{Path(name)}: {caught.value.problem}"
    assert caught.value.problem == message


# --- slugs ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("meta", "name", "slug"), [
    ({}, "2025-03-04-Hello_World.txt", "hello_world"),     # lowercased
    ({}, "2025-03-04_봄-소식.txt", "봄-소식"),
    ({}, "2025-03-04.txt", "2025-03-04"),                  # a date only: the date
    ({}, "hello.txt", "hello"),
    ({"slug": " my-post "}, "2025-03-04-a.txt", "my-post"),
    ({"slug": 2025}, "2025-03-04-a.txt", "2025"),
    ({"slug": "\u1100\u1161"}, "2025-03-04-a.txt", "가"),  # NFC
])
def test_post_slug(meta, name, slug):
    assert post_slug(meta, Path(name)) == slug


@pytest.mark.parametrize(("meta", "name", "message"), [
    ({}, "2025-03-04-.txt", "empty slug"),
    ({}, "2025-03-04_.txt", "empty slug"),
    ({"slug": ""}, "2025-03-04-a.txt", "empty slug"),
    ({"slug": "Upper"}, "2025-03-04-a.txt", "unsafe slug 'Upper'"),   # front matter: as written
    ({}, "2025-03-04-a.b.txt", "unsafe slug 'a.b'"),
    ({"slug": "-a"}, "2025-03-04-a.txt", "unsafe slug '-a'"),
])
def test_slugs_refused(meta, name, message):
    with pytest.raises(PostError) as caught:
        post_slug(meta, Path(name))
    assert str(caught.value) == f"{Path(name)}: {caught.value.problem}"
    assert message in caught.value.problem


def test_empty_slug_message_gives_the_naming_rule():
    with pytest.raises(PostError) as caught:
        check_slug("", P)
    assert str(caught.value) == f"{P}: {caught.value.problem}"
    assert caught.value.problem == (
        "empty slug: name the file YYYY-MM-DD-slug.txt (or .md, .html), the slug made of "
        "lowercase a-z, digits, Hangul, '-' and '_', or set 'slug' in the front matter")


def test_slug_length_limit():
    check_slug("a" * MAX_SLUG_LENGTH, P)
    with pytest.raises(PostError) as caught:
        check_slug("a" * (MAX_SLUG_LENGTH + 1), P)
    assert str(caught.value) == f"{P}: {caught.value.problem}"
    assert caught.value.problem == "slug longer than 120 characters"


@pytest.mark.parametrize("slug", ["a", "0", "가", "힣", "a-b_c", "9-가"])
def test_safe_slugs(slug):
    check_slug(slug, P)


@pytest.mark.parametrize("slug", ["-a", "_a", "a b", "a/b", "a.b", "A", "ㄱ", "é"])
def test_unsafe_slugs(slug):
    with pytest.raises(PostError) as caught:
        check_slug(slug, P)
    assert str(caught.value) == f"{P}: {caught.value.problem}"
    assert caught.value.problem == (
        f"unsafe slug {slug!r}: use lowercase a-z, digits, Hangul, '-' and '_' "
        "(no spaces, '/', '.', or control characters)")


# --- front matter: draft and description -----------------------------------------------------


def md(tmp_path: Path, front: str) -> Path:
    return write(tmp_path, "2025-03-04-a.md", f"---\n{front}\n---\n# 제목\n\n{BODY}")


@pytest.mark.parametrize(("front", "draft"), [
    ("title: 제목", False), ("draft: true", True), ("draft: false", False), ("draft:", False),
])
def test_draft(tmp_path, front, draft):
    assert read_post(md(tmp_path, front)).draft is draft


@pytest.mark.parametrize(("front", "shown"), [("draft: 1", "1"), ("draft: 'yes'", "'yes'")])
def test_draft_must_be_true_or_false(tmp_path, front, shown):
    assert problem(md(tmp_path, front)) == f"'draft' must be true or false, not {shown}"


@pytest.mark.parametrize(("front", "description"), [
    ("title: 제목", None), ("description:", None), ("description: '  '", None),
    ("description: ' 봄 소식 '", "봄 소식"), ("description: 2025", "2025"),
    ("description: 1.5", "1.5"),
])
def test_description(tmp_path, front, description):
    assert read_post(md(tmp_path, front)).description == description


@pytest.mark.parametrize(("front", "kind"), [
    ("description: true", "bool"), ("description: [a, b]", "list"),
    ("description: {a: 1}", "dict"), ("description: 2025-03-04", "date"),
])
def test_description_must_be_text(tmp_path, front, kind):
    assert problem(md(tmp_path, front)) == f"'description' must be text, not {kind}"


# --- finding and reading files ----------------------------------------------------------------


def test_readable_extensions():
    assert readable_extensions() == ".htm, .html, .markdown, .md, .txt"


def test_find_posts_in_name_order_without_hidden_files_or_folders(tmp_path, caplog):
    for name in ("2025-03-05-b.md", "2025-03-04-a.txt", ".2025-03-01-hidden.txt", "c.HTML"):
        write(tmp_path, name, "제목\n본문")
    (tmp_path / "2025-03-06-folder.txt").mkdir()
    assert find_posts(tmp_path) == [tmp_path / "2025-03-04-a.txt", tmp_path / "2025-03-05-b.md",
                                    tmp_path / "c.HTML"]
    assert warnings(caplog) == []


def test_find_posts_warns_of_a_file_no_reader_knows(tmp_path, caplog):
    write(tmp_path, "2025-03-04-a.docx", "제목\n본문")
    assert find_posts(tmp_path) == []
    assert warnings(caplog) == [f"{tmp_path / '2025-03-04-a.docx'}: skipped, not a post: posts "
                                "are .htm, .html, .markdown, .md, .txt files"]


def test_find_posts_without_the_folder(tmp_path):
    with pytest.raises(PodcasterError) as caught:
        find_posts(tmp_path / "posts")
    assert str(caught.value) == f"{tmp_path / 'posts'}: posts folder not found"
    write(tmp_path, "posts", "a file, not a folder")
    with pytest.raises(PodcasterError, match="posts folder not found"):
        find_posts(tmp_path / "posts")


def test_unsupported_extension_names_the_readable_ones(tmp_path):
    path = write(tmp_path, "2025-03-04-a.rtf", "제목\n본문")
    assert problem(path) == ("unsupported file type '.rtf' (readable: .htm, .html, .markdown, "
                             ".md, .txt)")


def test_a_folder_named_like_a_post_cannot_be_read(tmp_path):
    path = tmp_path / "2025-03-04-a.txt"
    path.mkdir()
    assert problem(path) == f"cannot read the file: {os.strerror(errno.EISDIR)}"


@pytest.mark.parametrize(("name", "text", "message"), [
    ("2025-03-04-a.txt", "", "the file is empty"),                              # decoding
    ("2025-03-04-a.md", "---\ntitle: 제목\n본문\n",
     "front matter is not closed (no second '---' line)"),                      # the reader
    ("2025-03-04-a.txt", "제목\n인사입니다.\n“\n논평입니다.\n",
     "unclosed quote at line 3"),                                               # paragraphs
    ("2025-03-04-a.html", "<h1>제목</h1>" + "<b>" * 3000 + "본문입니다.",
     "nested too deeply to read (tags, lists or brackets inside each other thousands of "
     "times)"),
])
def test_each_stage_names_the_post(tmp_path, name, text, message):
    assert problem(write(tmp_path, name, text)).startswith(message)


def test_a_title_without_body(tmp_path):
    assert problem(write(tmp_path, "2025-03-04-a.txt", "제목\n\n")) == \
        "the post has a title but no body"


def test_a_read_post_has_all_its_parts(tmp_path):
    raw = ("제목 줄\n" + BODY + "\n1. 새 위성 발사 -한빛일보- https://example.com/a\n").encode()
    path = write(tmp_path, "2025-03-04-hello.txt", raw)
    post = read_post(path)
    assert (post.path, post.title, post.date, post.slug, post.draft, post.description,
            post.raw) == (path, "제목 줄", dt.date(2025, 3, 4), "hello", False, None, raw)
    assert [b.text for b in post.blocks] == BODY.split("\n")[:2]
    assert [(s.n, s.title, s.outlet, s.url, s.line) for s in post.sources] == [
        (1, "새 위성 발사", "한빛일보", "https://example.com/a", 5)]


# --- links -----------------------------------------------------------------------------------


def test_a_link_that_is_not_http_is_dropped_with_its_line(tmp_path, caplog):
    text = ("제목\n" + BODY + "\n1. 하나 -한빛일보- https://example.com/1\n"
            "2. 둘 -한빛일보-\nftp://example.com/2\n")
    post = read_post(write(tmp_path, "2025-03-04-a.txt", text))
    assert [(s.n, s.url) for s in post.sources] == [(1, "https://example.com/1"), (2, None)]
    path = tmp_path / "2025-03-04-a.txt"
    assert warnings(caplog) == [
        f"{path}: line 7: source 2: link 'ftp://example.com/2' dropped (only http and https "
        "links are published)"]


def test_a_dropped_link_is_named_by_its_line_after_blank_lines(tmp_path, caplog):
    text = "\n\n제목\n" + BODY + "\n1. 둘 -한빛일보-\nftp://example.com/2\n"
    read_post(write(tmp_path, "2025-03-04-a.txt", text))
    assert ": line 8: source 1: link 'ftp://example.com/2' dropped" in warnings(caplog)[0]


def test_a_link_listed_twice_is_named_by_each_of_its_lines(tmp_path, caplog):
    text = ("제목\n" + BODY + "\n1. 하나 -한빛일보-\nftp://example.com/2\n"
            "2. 둘 -한빛일보-\nftp://example.com/2\n")
    read_post(write(tmp_path, "2025-03-04-a.txt", text))
    assert [w.split(": ")[1:3] for w in warnings(caplog)] == [
        ["line 6", "source 1"], ["line 8", "source 2"]]


def test_a_link_listed_twice_after_many_lines_is_named_by_its_own_line(tmp_path, caplog):
    # the second item's line is counted with its line ends: without them the search would
    # start a line early and find the first listing
    text = ("제목\n" + "".join(f"문단 {n}입니다.\n" for n in range(10)) + "\n1. 하나 -한빛일보-\n"
            "ftp://a.kr/1\n2. 둘 -한빛일보-\nftp://a.kr/1\n")
    read_post(write(tmp_path, "2025-03-04-a.txt", text))
    assert [w.split(": ")[1:3] for w in warnings(caplog)] == [
        ["line 14", "source 1"], ["line 16", "source 2"]]


def test_a_link_listed_twice_in_html_from_the_first_line_is_named_by_each_line(tmp_path, caplog):
    text = ("<h1>제목</h1><p>첫 문단입니다.</p><p>둘째 문단입니다.</p><p>출처</p>"
            "<p>1. 하나 -한빛일보-<br>ftp://a.kr/1</p>\n<p>2. 둘 -한빛일보-<br>ftp://a.kr/1</p>\n")
    read_post(write(tmp_path, "2025-03-04-a.html", text))
    assert [w.split(": ")[1:3] for w in warnings(caplog)] == [
        ["line 1", "source 1"], ["line 2", "source 2"]]


@pytest.mark.parametrize("link", [
    "<ftp://example.com/a b>",              # read as ftp://example.com/a%20b
    "ftp://example.com/?a=1&amp;b=2",       # read as ftp://example.com/?a=1&b=2
])
def test_a_dropped_link_not_written_word_for_word_is_named_by_its_item(tmp_path, caplog, link):
    text = f"# 제목\n\n첫 문단입니다.\n\n둘째 문단입니다.\n\n출처\n\n1. [하나]({link}) -한빛일보-\n"
    post = read_post(write(tmp_path, "2025-03-04-a.md", text))
    assert [(s.n, s.title, s.url) for s in post.sources] == [(1, "하나", None)]
    assert [w.split(": ")[1:3] for w in warnings(caplog)] == [["line 9", "source 1"]]


def test_a_dropped_link_is_shown_cut_to_80_characters(tmp_path, caplog):
    url = "ftp://example.com/" + "a" * 100
    text = "제목\n" + BODY + f"\n1. 둘 -한빛일보-\n{url}\n"
    read_post(write(tmp_path, "2025-03-04-a.txt", text))
    assert f"link {url[:80]!r} dropped" in warnings(caplog)[0]


def test_a_web_link_is_kept_stripped(tmp_path):
    text = "제목\n" + BODY + "\n1. 하나 -한빛일보-\n<HTTPS://example.com/1>\n"
    post = read_post(write(tmp_path, "2025-03-04-a.txt", text))
    assert post.sources[0].url == "HTTPS://example.com/1"


def test_a_web_link_with_spaces_around_it_in_an_html_list_is_published_without_them(tmp_path):
    text = ('<h1>제목</h1><p>첫 문단입니다.</p><p>둘째 문단입니다.</p><h2>출처</h2>'
            '<ol><li><a href="https://example.com/1 \n">하나</a> -한빛일보-</li></ol>')
    post = read_post(write(tmp_path, "2025-03-04-a.html", text))
    assert [(s.title, s.url) for s in post.sources] == [("하나", "https://example.com/1")]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_a_link_out_of_the_project_is_refused_and_one_inside_is_read(tmp_path):
    outside, posts, other = tmp_path / "outside", tmp_path / "posts", tmp_path / "other"
    for folder in (outside, posts, other):
        folder.mkdir()
    target = write(outside, "2025-03-04-a.txt", "제목\n" + BODY)
    link = posts / "2025-03-04-a.txt"
    link.symlink_to(target)
    with pytest.raises(PostError) as caught:
        read_post(link, inside=(posts, other))
    assert str(caught.value) == f"{link}: {caught.value.problem}"
    assert caught.value.problem == (f"is a link to {target.resolve()}, outside the project; "
                                    "copy the post into posts/ instead")
    assert read_post(link, inside=(other, outside)).title == "제목"
    assert read_post(link).title == "제목"


# --- characters ------------------------------------------------------------------------------


RLO = "\u202e"  # a bidirectional control: shows the text after it reversed


@pytest.mark.parametrize(("text", "field"), [
    (f"제{RLO}목\n{BODY}", "title"),
    (f"제{RLO}목\n{BODY}\n1. 하나 -한빛일보- https://example.com/1\n", "title"),  # with sources
    (f"제목\n{BODY}둘{RLO}째.\n\n1. 하나 -한빛일보- https://example.com/1\n", "paragraph 3"),
    (f"제목\n{BODY}둘{RLO}째.\n", "paragraph 3"),
    (f"제목\n{BODY}\n1. 하나{RLO} -한빛일보- https://example.com/1\n", "source 1 title"),
    (f"제목\n{BODY}\n1. 하나 -한빛{RLO}일보- https://example.com/1\n", "source 1 outlet"),
])
def test_a_character_no_feed_can_carry_names_its_field(tmp_path, text, field):
    path = write(tmp_path, "2025-03-04-a.txt", text)
    assert problem(path) == f"the {field} contains '\\u202e' (a bidirectional text control)"


def test_a_character_no_feed_can_carry_in_front_matter(tmp_path):
    assert problem(md(tmp_path, 'description: "설명\\a"')) == \
        "the description contains '\\x07' (a control character)"


ZW = "\u200b"


def test_invisible_characters_on_lines_are_removed_with_one_warning(tmp_path, caplog):
    text = f"제{ZW}목\n안녕하세요{ZW}, 오늘의 소식입니다.\n오늘은 하늘이 맑았습니다.\n"
    post = read_post(write(tmp_path, "2025-03-04-a.txt", text))
    assert post.title == "제목"
    assert post.blocks[0].text == "안녕하세요, 오늘의 소식입니다."
    assert warnings(caplog) == [
        f"{tmp_path / '2025-03-04-a.txt'}: lines 1, 2: removed invisible characters (the first "
        "'\\u200b' (an invisible character)): they would be published as other text than the "
        "post shows"]


def test_invisible_characters_on_one_line(tmp_path, caplog):
    read_post(write(tmp_path, "2025-03-04-a.txt", f"제목\n{BODY}끝{ZW}.\n"))
    assert warnings(caplog)[0].startswith(f"{tmp_path / '2025-03-04-a.txt'}: line 4: removed")


@pytest.mark.parametrize(("lines", "shown"), [
    (10, "lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11:"),
    (11, "lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …:"),
])
def test_at_most_ten_lines_are_named(tmp_path, caplog, lines, shown):
    text = "제목\n" + "".join(f"문단{ZW} {n}입니다.\n" for n in range(lines))
    read_post(write(tmp_path, "2025-03-04-a.txt", text))
    assert f": {shown} removed" in warnings(caplog)[0]


def test_the_first_invisible_character_is_named(tmp_path, caplog):
    text = f"제목\n{BODY}끝\u2060.\n하나{ZW} 더.\n"
    read_post(write(tmp_path, "2025-03-04-a.txt", text))
    assert "(the first '\\u2060' (an invisible character))" in warnings(caplog)[0]


@pytest.mark.parametrize(("field", "html_text", "expected"), [
    ("title", "<h1>제&#8203;목</h1><p>첫 문단입니다.</p>", "the title"),
    ("paragraph", "<h1>제목</h1><p>첫&#8203; 문단입니다.</p>", "the paragraph 1"),
])
def test_invisible_characters_from_references_are_removed_naming_the_field(
        tmp_path, caplog, field, html_text, expected):
    post = read_post(write(tmp_path, "2025-03-04-a.html", html_text))
    assert (post.title, post.blocks[0].text) == ("제목", "첫 문단입니다.")
    assert warnings(caplog) == [
        f"{tmp_path / '2025-03-04-a.html'}: {expected}: removed invisible characters (the "
        "first '\\u200b' (an invisible character)): they would be published as other text than "
        "the post shows"]


def test_invisible_characters_in_sources_and_description(tmp_path, caplog):
    text = ('<html><head><meta name="description" content="설명&#8203;"></head><body>'
            '<h1>제목</h1><p>안녕하세요, 오늘의 소식입니다.</p><p>하늘이 맑았습니다.</p>'
            '<h2>출처</h2><ol><li><a href="https://example.com/1&#8203;">하나&#8203;</a> '
            '-한빛&#8203;일보-</li></ol></body></html>')
    post = read_post(write(tmp_path, "2025-03-04-a.html", text))
    source = post.sources[0]
    assert (source.title, source.outlet, source.url) == ("하나", "한빛일보", "https://example.com/1")
    assert post.description == "설명"
    named = [w.split(": ")[1] for w in warnings(caplog)]
    assert named == ["the source 1 title", "the source 1 outlet", "the source 1 URL",
                     "the description"]


def test_a_description_of_invisible_characters_only_is_none(tmp_path):
    post = read_post(md(tmp_path, 'description: "\\u200b"'))
    assert post.description is None


def test_a_paragraph_of_invisible_characters_only_is_dropped(tmp_path):
    post = read_post(write(tmp_path, "2025-03-04-a.html",
                           "<h1>제목</h1><p>첫 문단입니다.</p><p>&#8203;</p><p>끝입니다.</p>"))
    assert [b.text for b in post.blocks] == ["첫 문단입니다.", "끝입니다."]


@pytest.mark.parametrize(("html_text", "message"), [
    ("<h1>&#8203;</h1><p>첫 문단입니다.</p>", "the title is only invisible characters"),
    ("<h1>제목</h1><p>&#8203;</p>", "the body is only invisible characters"),
])
def test_only_invisible_characters_is_refused(tmp_path, html_text, message):
    assert problem(write(tmp_path, "2025-03-04-a.html", html_text)) == message
