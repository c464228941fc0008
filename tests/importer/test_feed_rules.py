"""A feed's entries as the importer reads them: what each entry needs, what is left out with
which problem, which of two entries with one id is kept, and what a page that is not a feed
is told."""

from __future__ import annotations

import datetime as dt
import html

import pytest

from podcaster.http import FetchError, Response
from podcaster.importer.feed import FeedEntry, parse_feed

URL = "https://blog.example/rss.xml"
RSS_TYPE = "application/rss+xml; charset=utf-8"
DATE = "Mon, 03 Nov 2025 10:00:00 +0000"
BODY = "<p>도서관 로봇이 책을 꽂습니다.</p>"


def rss(*items: str, title: str = "<title>바람서랍</title>") -> bytes:
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"{title}<link>https://blog.example/</link>{''.join(items)}"
            "</channel></rss>").encode()


def item(title: str | None = "로봇", guid: str | None = "id-1",
         link: str | None = "https://blog.example/p/1", date: str | None = DATE,
         content: str | None = BODY, summary: str | None = None, tags: tuple = ()) -> str:
    parts = []
    if title is not None:
        parts.append(f"<title>{title}</title>")
    if guid is not None:
        parts.append(f'<guid isPermaLink="false">{guid}</guid>')
    if link is not None:
        parts.append(f"<link>{html.escape(link)}</link>")
    if date is not None:
        parts.append(f"<pubDate>{date}</pubDate>")
    if summary is not None:
        parts.append(f"<description>{html.escape(summary)}</description>")
    if content is not None:
        parts.append(f"<content:encoded><![CDATA[{content}]]></content:encoded>")
    parts += [f"<category>{t}</category>" for t in tags]
    return f"<item>{''.join(parts)}</item>"


def parse(body: bytes, content_type: str = RSS_TYPE, url: str = URL):
    return parse_feed(Response(url, 200, {"content-type": content_type}, body))


def one(**fields) -> FeedEntry:
    feed = parse(rss(item(**fields)))
    assert feed.problems == []
    [entry] = feed.entries
    return entry


def problems(**fields) -> list[str]:
    feed = parse(rss(item(**fields)))
    assert feed.entries == []
    return feed.problems


WHEN = dt.datetime(2025, 11, 3, 10, 0, tzinfo=dt.timezone.utc)


def test_an_entry_as_the_feed_describes_it():
    entry = one(title="  도서관\n  로봇  이야기 ", summary="<b>요약</b>",
                tags=("로봇", " 도서관 ", "로봇", "  "))
    assert entry == FeedEntry("id-1", "도서관 로봇 이야기", "https://blog.example/p/1", WHEN,
                              ("로봇", "도서관"), BODY, "<b>요약</b>")


@pytest.mark.parametrize("content_type", [RSS_TYPE, "application/xml", "text/xml", "",
                                          "application/rss+xml"])
def test_the_feed_is_read_whatever_xml_type_it_is_served_as(content_type):
    feed = parse(rss(item()), content_type)
    assert (feed.title, [e.title for e in feed.entries]) == ("바람서랍", ["로봇"])


def test_the_feeds_title_scrubbed_and_an_untitled_feed():
    assert parse(rss(item(), title="<title>바람\u200b서랍</title>")).title == "바람서랍"
    assert parse(rss(item(), title="")).title == ""


def test_an_atom_entry_dated_only_by_updated():
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>바람서랍</title><id>urn:b</id><updated>2025-11-03T10:00:00Z</updated>"
            "<entry><title>로봇</title><id>urn:1</id><link href='https://blog.example/p/1'/>"
            "<updated>2025-11-03T10:00:00Z</updated>"
            f"<content type='html'>{html.escape(BODY)}</content></entry></feed>").encode()
    feed = parse(atom, "application/atom+xml")
    assert feed.problems == []
    assert [(e.id, e.published, e.content) for e in feed.entries] == [("urn:1", WHEN, BODY)]


def test_published_wins_over_updated():
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>b</title><id>urn:b</id><updated>2025-11-09T10:00:00Z</updated>"
            "<entry><title>로봇</title><id>urn:1</id><link href='https://blog.example/p/1'/>"
            "<published>2025-11-03T10:00:00Z</published><updated>2025-11-09T10:00:00Z"
            f"</updated><content type='html'>{html.escape(BODY)}</content></entry></feed>")
    assert parse(atom.encode(), "application/atom+xml").entries[0].published == WHEN


@pytest.mark.parametrize("date, kept", [
    ("Thu, 01 Jan 1970 00:00:00 +0000", True),
    ("Wed, 31 Dec 1969 23:59:59 +0000", False),
    ("Fri, 31 Dec 9998 00:00:00 +0000", True),
    ("Fri, 31 Dec 9999 00:00:00 +0000", False),
])
def test_the_years_1970_to_9998_are_read_and_no_other(date, kept):
    feed = parse(rss(item(date=date)))
    if kept:
        assert feed.problems == [] and len(feed.entries) == 1
    else:
        year = date.split()[3]
        assert feed.problems == [f"entry 1 ('로봇'): published in the year {year}, outside "
                                 "1970-9998; skipped"]


@pytest.mark.parametrize("fields, problem", [
    (dict(title=None), "entry 1 ('no title'): no title; skipped"),
    (dict(title="  "), "entry 1 ('no title'): no title; skipped"),
    (dict(date=None), "entry 1 ('로봇'): no publication date that can be read; skipped"),
    (dict(date="어제"), "entry 1 ('로봇'): no publication date that can be read; skipped"),
    (dict(content=None, link=None), "entry 1 ('로봇'): neither the post's content nor a link "
                                    "to it; skipped"),
    (dict(content=None, link="ftp://blog.example/p/1"),
     "entry 1 ('로봇'): neither the post's content nor a link to it; skipped"),
    (dict(content="  ", link=None), "entry 1 ('로봇'): neither the post's content nor a link "
                                    "to it; skipped"),
    (dict(guid=None, link=None), "entry 1 ('로봇'): no id and no link; skipped"),
])
def test_an_entry_that_cannot_become_a_post_is_left_out_with_its_problem(fields, problem):
    assert problems(**fields) == [problem]


def test_a_problem_names_the_entry_by_number_and_its_title_cut_to_80():
    title = "가" * 100
    feed = parse(rss(item(guid="a"), item(title=title, date=None)))
    assert [e.title for e in feed.entries] == ["로봇"]
    assert feed.problems == [f"entry 2 ({'가' * 80!r}): no publication date that can be read; "
                             "skipped"]


@pytest.mark.parametrize("link, kept", [("https://blog.example/p/1", "https://blog.example/p/1"),
                                        ("http://blog.example/p/1", "http://blog.example/p/1"),
                                        ("  https://blog.example/p/1 ", "https://blog.example/p/1"),
                                        ("mailto:me@blog.example", None),
                                        ("javascript:alert(1)", None),
                                        ("/p/1", "https://blog.example/p/1"),
                                        ("", None)])
def test_only_an_http_link_is_the_posts_link(link, kept):
    entry = one(link=link, guid="id-1")
    assert entry.link == kept


def test_without_a_guid_the_link_is_the_id():
    assert one(guid=None).id == "https://blog.example/p/1"
    assert one(guid=None, link="https://blog.example/p/2 ").id == "https://blog.example/p/2"


def test_without_content_the_link_is_enough_and_the_summary_is_kept():
    entry = one(content=None, summary="요약입니다")
    assert (entry.content, entry.link, entry.summary) == (None, "https://blog.example/p/1",
                                                          "요약입니다")


def test_the_content_is_the_first_html_one_with_text():
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>b</title><id>urn:b</id><updated>2025-11-03T10:00:00Z</updated>"
            "<entry><title>로봇</title><id>urn:1</id><updated>2025-11-03T10:00:00Z</updated>"
            "<content type='text'>plain words</content></entry>"
            "<entry><title>로봇2</title><id>urn:2</id><updated>2025-11-03T10:00:00Z</updated>"
            "<link href='https://blog.example/p/2'/><content type='text'>plain</content>"
            "</entry></feed>").encode()
    feed = parse(atom, "application/atom+xml")
    assert [(e.id, e.content) for e in feed.entries] == [("urn:2", None)]
    assert feed.problems == ["entry 1 ('로봇'): neither the post's content nor a link to it; "
                             "skipped"]
    xhtml = atom.replace(b"type='text'>plain words", b"type='xhtml'><div xmlns="
                         b"'http://www.w3.org/1999/xhtml'><p>xhtml words</p></div>")
    assert "xhtml words" in parse(xhtml, "application/atom+xml").entries[0].content


@pytest.mark.parametrize("fields, field", [
    (dict(title="로\u200b봇"), "title"),
    (dict(content="<p>본문\u202e입니다</p>"), "content"),
    (dict(content="<p>본문&#x202e;입니다</p>"), "content"),
    (dict(summary="요\u2028약"), "summary"),
    (dict(tags=("로\u200f봇",)), "tags"),
    (dict(guid="id\u200b-1"), "id"),
])
def test_invisible_characters_are_removed_and_named_by_field(fields, field):
    feed = parse(rss(item(**fields)))
    [entry] = feed.entries
    [problem] = feed.problems
    assert problem.startswith("entry 1 ('로봇'): '\\u") or problem.startswith("entry 1 ('로")
    assert field in problem.split(" and any like it removed from its ")[1].split(", ")
    assert "\u200b" not in repr(entry) and "\u202e" not in repr(entry) \
        and "202e" not in (entry.content or "")


def test_removals_from_several_fields_are_one_problem_naming_each_and_the_first():
    feed = parse(rss(item(title="로\u200b봇", content="<p>본\u200f문</p>", tags=("a\u200f",))))
    assert feed.problems == ["entry 1 ('로봇'): '\\u200b' (an invisible character) and any like "
                             "it removed from its title, content, summary, tags"]
    assert [(e.title, e.content, e.tags) for e in feed.entries] == [("로봇", "<p>본문</p>",
                                                                     ("a",))]


def test_a_link_with_an_invisible_character_is_scrubbed_before_it_is_checked():
    feed = parse(rss(item(link="https://blog.example/p/\u200b1", content=None)))
    [entry] = feed.entries
    assert entry.link == "https://blog.example/p/1"
    assert feed.problems == ["entry 1 ('로봇'): '\\u200b' (an invisible character) and any like "
                             "it removed from its link"]


LATER = "Tue, 04 Nov 2025 10:00:00 +0000"


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_of_entries_sharing_an_id_the_earliest_is_kept_in_any_order(order):
    items = [item(title="먼저", date=DATE), item(title="나중", date=LATER)]
    feed = parse(rss(*(items[i] for i in order)))
    assert [e.title for e in feed.entries] == ["먼저"]
    assert feed.problems == ["entry '나중': the same id as '먼저' (id-1); skipped"]


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_of_entries_sharing_an_id_and_a_date_the_lowest_fingerprint_is_kept(order):
    items = [item(title="가"), item(title="나")]
    entries = [one(title="가"), one(title="나")]
    kept = min(entries, key=lambda e: e.fingerprint).title
    other = ({"가", "나"} - {kept}).pop()
    feed = parse(rss(*(items[i] for i in order)))
    assert [e.title for e in feed.entries] == [kept]
    assert feed.problems == [f"entry {other!r}: the same id as {kept!r} (id-1); skipped"]


def test_exact_duplicates_keep_one_and_entries_keep_feed_order():
    feed = parse(rss(item(guid="b", title="둘"), item(guid="a", title="하나"),
                     item(guid="b", title="둘")))
    assert [e.title for e in feed.entries] == ["둘", "하나"]
    assert feed.problems == ["entry '둘': the same id as '둘' (b); skipped"]


def test_a_shared_id_is_shown_cut_to_80():
    guid = "x" * 100
    feed = parse(rss(item(guid=guid, title="먼저"), item(guid=guid, title="나중", date=LATER)))
    assert feed.problems == [f"entry '나중': the same id as '먼저' ({'x' * 80}); skipped"]


PAGE = ('<html><head><title>블로그</title>{links}</head><body><p>글</p></body></html>')


def not_a_feed(body: bytes, content_type: str | None) -> str:
    headers = {"content-type": content_type} if content_type else {}
    with pytest.raises(FetchError) as info:
        parse_feed(Response("https://blog.example/blog/", 200, headers, body))
    assert info.value.url == "https://blog.example/blog/"
    return info.value.problem


@pytest.mark.parametrize("links, named", [
    ('<link rel="alternate" type="application/rss+xml" href="/feed.xml">',
     "https://blog.example/feed.xml"),
    ('<link rel="Alternate" type=" Application/Atom+XML " href="atom.xml">',
     "https://blog.example/blog/atom.xml"),
    ('<link rel="alternate feed" type="application/rss+xml" href="https://b.example/f">',
     "https://b.example/f"),
    # what is not the feed's link is passed over
    ('<link rel="stylesheet" href="/style.css"><link href="/x.css">'
     '<link rel="alternate" hreflang="en" href="/en/">'
     '<a rel="alternate" type="application/rss+xml" href="/a.xml">a</a>'
     '<link rel="alternate" type="application/rss+xml" href>'
     '<link rel="alternate" type="application/json" href="/feed.json">'
     '<link rel="alternate" type="application/rss+xml" href="/feed.xml">',
     "https://blog.example/feed.xml"),
    ('<link rel="alternate" type="application/rss+xml" href="/1.xml">'
     '<link rel="alternate" type="application/rss+xml" href="/2.xml">',
     "https://blog.example/1.xml"),
    ('<link rel="alternate" type="application/rss+xml" href="/a&amp;b.xml">',
     "https://blog.example/a&b.xml"),
    ("", None),
])
@pytest.mark.parametrize("content_type", ["text/html; charset=utf-8", "application/xhtml+xml"])
def test_a_page_that_is_not_a_feed_names_the_feed_it_links_to(links, named, content_type):
    problem = not_a_feed(PAGE.format(links=links).encode(), content_type)
    kind = content_type.split(";")[0]
    if named:
        assert problem == f"not an RSS or Atom feed ({kind}); the page names its feed: {named}"
    else:
        assert problem == f"not an RSS or Atom feed ({kind})"


def test_a_page_in_euc_kr_still_names_its_feed():
    page = PAGE.format(links='<meta charset="euc-kr"><link rel="alternate" '
                       'type="application/rss+xml" href="/피드.xml">')
    problem = not_a_feed(("<p>똠방각하</p>" + page).encode("cp949"), "text/html; charset=euc-kr")
    assert problem.startswith("not an RSS or Atom feed (text/html); the page names its feed: "
                              "https://blog.example/")


@pytest.mark.parametrize("body, content_type, problem", [
    (b"plain text, not a feed", "text/plain", "not an RSS or Atom feed (text/plain)"),
    (b"plain text, not a feed", None, "not an RSS or Atom feed (unknown type)"),
    (b'{"items": []}', "application/json", "not an RSS or Atom feed (application/json)"),
    (PAGE.format(links='<link rel="alternate" type="application/rss+xml" href="/f">').encode(),
     "text/plain", "not an RSS or Atom feed (text/plain)"),
])
def test_what_is_not_a_feed_says_what_it_is(body, content_type, problem):
    assert not_a_feed(body, content_type) == problem


def test_an_empty_html_content_gives_way_to_the_next_one_with_text():
    body = item(content="").replace("<content:encoded><![CDATA[]]></content:encoded>",
                                    "<content:encoded></content:encoded><content:encoded>"
                                    "<![CDATA[<p>둘째 본문</p>]]></content:encoded>")
    [entry] = parse(rss(body)).entries
    assert entry.content == "<p>둘째 본문</p>"


def test_an_entry_without_a_summary_has_none():
    assert one(summary=None, content=None).summary is None


def test_a_category_without_a_term_is_no_tag():
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>b</title><id>urn:b</id><updated>2025-11-03T10:00:00Z</updated>"
            "<entry><title>로봇</title><id>urn:1</id><updated>2025-11-03T10:00:00Z</updated>"
            "<link href='https://blog.example/p/1'/><category scheme='urn:s'/>"
            "<category term='일상'/><content type='html'>&lt;p&gt;본문&lt;/p&gt;</content>"
            "</entry></feed>").encode()
    feed = parse(atom, "application/atom+xml")
    assert feed.problems == [] and feed.entries[0].tags == ("일상",)
