"""An imported entry's post file: its name (the day in the show's time zone, the slug from the
link or the title, a number when taken) and its exact bytes."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from podcaster.errors import PostError
from podcaster.importer.feed import FeedEntry
from podcaster.importer.post import (
    SLUG_BYTES,
    entry_slug,
    file_name,
    generator_meta,
    post_date,
    render_post,
    slugify,
)
from podcaster.text.read import MAX_SLUG_LENGTH, check_slug

LATE = dt.datetime(2025, 11, 3, 20, 30, tzinfo=dt.timezone.utc)  # 05:30 next day in Seoul


def entry(title: str = "도서관 로봇", link: str | None = "https://b.example/p/robot",
          published: dt.datetime = LATE, id: str = "id-1") -> FeedEntry:
    return FeedEntry(id=id, title=title, link=link, published=published)


@pytest.mark.parametrize("time_zone, day", [("Asia/Seoul", "2025-11-04"), ("UTC", "2025-11-03"),
                                           ("America/New_York", "2025-11-03")])
def test_the_post_is_dated_by_the_shows_time_zone(time_zone, day):
    assert post_date(entry(), time_zone).isoformat() == day
    assert file_name(entry(), time_zone, set()) == f"{day}-robot.html"


@pytest.mark.parametrize("text, slug", [
    ("Hello, World!", "hello-world"),
    ("  도서관 로봇 이야기  ", "도서관-로봇-이야기"),
    (unicodedata.normalize("NFD", "한글 음성"), "한글-음성"),
    ("__init__ -x-", "init__-x"),
    ("snake_case Name", "snake_case-name"),
    ("AI가 그린 그림", "ai가-그린-그림"),
    ("!!!", ""),
])
def test_slugify(text, slug):
    assert slugify(text) == slug


@pytest.mark.parametrize("text, limit, slug", [
    ("aaa-bbb-ccc", 11, "aaa-bbb-ccc"),  # exactly the limit: kept whole
    ("aaa-bbb-ccc", 10, "aaa-bbb"),  # longer: cut at the last word that fits
    ("aaa-bbb-ccc", 9, "aaa-bbb"),
    ("aaa bbb_ ccc", 9, "aaa-bbb"),  # and no '-' or '_' left at the end
    ("abcdefghij", 5, "abcde"),  # one long word: cut where the limit is
])
def test_a_slug_longer_than_its_limit_is_cut_at_a_word(text, limit, slug):
    assert slugify(text, limit) == slug


@pytest.mark.parametrize("link, title, slug", [
    ("https://b.example/notes/RELAX/", "x", "relax"),
    ("https://b.example/2025/11/04/robot.htm", "x", "robot"),
    ("https://b.example/a/index.jsp", "x", "index"),
    ("https://b.example/a/page.aspx", "x", "page"),
    ("https://b.example/a/page.asp", "x", "page"),
    ("https://b.example/a/page.html.bak", "x", "page-html-bak"),
    ("https://x.tistory.com/123", "배달 로봇", "배달-로봇"),  # a number says nothing
    ("https://b.example/2025-11", "배달 로봇", "배달-로봇"),
    ("https://b.example/2025_11", "배달 로봇", "2025_11"),
    ("https://b.example", "배달 로봇", "배달-로봇"),  # no path
    ("https://b.example/", "2025", "2025"),  # only numbers: the first there is
    ("https://b.example/44", "2025", "44"),
    ("https://b.example/", "!!!", "post"),  # nothing at all
    (None, "!!!", "post"),
    (None, "음성 " * 40, ("음성-" * 20)[:-1]),  # a title gives at most 60 characters
    ("https://b.example/" + "음성-" * 50, "x", ("음성-" * 28)[:-1]),  # a link at most 200 bytes
])
def test_entry_slug_from_the_link_else_the_title(link, title, slug):
    assert entry_slug(entry(title, link)) == slug


def test_a_taken_name_gets_the_next_number():
    day = "2025-11-04"
    taken = {f"{day}-robot.html"}
    assert file_name(entry(), "Asia/Seoul", taken) == f"{day}-robot-2.html"
    taken |= {f"{day}-robot-2.html", f"{day}-robot-3.html"}
    assert file_name(entry(), "Asia/Seoul", taken) == f"{day}-robot-4.html"
    assert file_name(entry(), "Asia/Seoul", {f"{day}-robot-2.html"}) == f"{day}-robot.html"


def test_a_taken_name_of_the_longest_slug_still_gets_a_number():
    long = entry(link="https://b.example/" + "a" * 130)
    first = file_name(long, "UTC", set())
    assert first == f"2025-11-03-{'a' * MAX_SLUG_LENGTH}.html"
    second = file_name(long, "UTC", {first})
    third = file_name(long, "UTC", {first, second})
    assert (second, third) == (f"2025-11-03-{'a' * (MAX_SLUG_LENGTH - 2)}-2.html",
                               f"2025-11-03-{'a' * (MAX_SLUG_LENGTH - 2)}-3.html")
    check_slug(second[11:-5], second)


def test_the_post_file_byte_for_byte():
    e = entry('로봇 & "AI" <1>', "https://b.example/p/robot?a=1&b='2'")
    data = render_post(e, "\n<p>본문입니다.</p>\n\n", dt.date(2025, 11, 4),
                       "https://b.example/rss.xml?x=1&y=2")
    assert data.decode("utf-8") == (
        "<!DOCTYPE html>\n"
        '<html lang="ko">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        "<title>로봇 &amp; &quot;AI&quot; &lt;1&gt;</title>\n"
        '<meta property="article:published_time" content="2025-11-04">\n'
        '<meta name="generator" content="podcaster import from '
        'https://b.example/rss.xml?x=1&amp;y=2">\n'
        '<link rel="canonical" href="https://b.example/p/robot?a=1&amp;b=&#x27;2&#x27;">\n'
        "</head>\n"
        "<body>\n"
        "<article>\n"
        "<h1>로봇 &amp; &quot;AI&quot; &lt;1&gt;</h1>\n"
        "<p>본문입니다.</p>\n"
        "</article>\n"
        "</body>\n"
        "</html>\n")
    assert generator_meta("https://b.example/rss.xml?x=1&y=2") in data.decode("utf-8")


def test_a_post_without_a_link_has_no_canonical_line():
    data = render_post(entry(link=None), "<p>본문</p>", dt.date(2025, 11, 4), "https://b.example/f")
    assert b"canonical" not in data
    assert data.decode("utf-8").splitlines()[6:9] == [
        '<meta name="generator" content="podcaster import from https://b.example/f">',
        "</head>", "<body>"]


@pytest.mark.parametrize("link, named", [("https://b.example/p/robot", "https://b.example/p/robot"),
                                         (None, "id-1")])
@pytest.mark.parametrize("body", ["", " \n\t "])
def test_no_content_is_no_post(link, named, body):
    with pytest.raises(PostError) as info:
        render_post(entry(link=link), body, dt.date(2025, 11, 4), "https://b.example/f")
    assert info.value.format_message() == f"{named}: no content left after cleaning"


@pytest.mark.parametrize("text, slug", [
    ("가" * 66, "가" * 66),  # 198 bytes: kept whole
    ("가" * 67, "가" * 66),  # 201: cut to the 200 bytes a slug may take
    ("ab" + "가" * 66, "ab" + "가" * 66),  # exactly 200 bytes
    ("abc" + "가" * 66, "abc" + "가" * 65),
    ("가나다-" * 30, "-".join(["가나다"] * 20)),  # cut at the last word that fits
], ids=["198-bytes", "201-bytes", "200-bytes", "201-bytes-mixed", "words"])
def test_a_slug_fits_a_file_name_in_bytes(text, slug):
    assert slugify(text) == slug
    assert len(slugify(text).encode("utf-8")) <= SLUG_BYTES == 200


@pytest.mark.parametrize("slug", ["가" * 100, "ab" + "가" * 66], ids=["300-bytes", "200-bytes"])
def test_a_long_hangul_slug_still_makes_a_file_name_that_can_be_written(tmp_path, slug):
    import urllib.parse

    from podcaster.files import write_atomic
    long = entry(link="https://b.example/entry/" + urllib.parse.quote(slug))
    first = file_name(long, "UTC", set())
    second = file_name(long, "UTC", {first})
    assert second[:-len("-2.html")] == first[:-len(".html")][:len(second) - len("-2.html")]
    assert len(second[11:-5].encode("utf-8")) <= SLUG_BYTES  # the number's bytes included
    for name in (first, second):
        assert write_atomic(tmp_path / name, "글".encode(), tmp_path)
        # and the episode's audio, written atomically too
        assert write_atomic(tmp_path / f"{name[11:-5]}.0123456789ab.mp3", b"mp3", tmp_path)
