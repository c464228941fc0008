"""Feeds for the importer's attack tests: RSS items written by hand, so a test can put
any title, id, date, link or body into them."""

from __future__ import annotations

import html

from tests.blog_server import BlogServer

FEED = "/rss.xml"
BODY = ("<p>안녕하세요, 바람서랍입니다.</p><p>오늘은 도서관 로봇 이야기입니다. "
        "로봇이 책을 제자리에 꽂습니다.</p><p>이상 바람서랍이었습니다.</p>")
SECRET = "내부망 비밀 문서"  # what the internal server answers: never in a post


def item(title: str, guid: str, link: str = "", date: str = "Mon, 03 Nov 2025 10:00:00 +0000",
         content: str | None = BODY, summary: str = "요약") -> str:
    """An RSS item; ``content=None`` makes it summary-only (its page must be fetched)."""
    encoded = f"<content:encoded><![CDATA[{content}]]></content:encoded>" if content else ""
    return (f"<item><title>{title}</title><guid isPermaLink=\"false\">{guid}</guid>"
            f"<link>{html.escape(link)}</link><pubDate>{date}</pubDate>"
            f"<description>{html.escape(summary)}</description>{encoded}</item>")


def rss(*items: str, encoding: str = "utf-8") -> str:
    return (f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>바람서랍</title><link>http://blog.example/</link>{''.join(items)}"
            "</channel></rss>")


def serve_feed(server: BlogServer, *items: str) -> str:
    server.add(FEED, rss(*items), "application/rss+xml; charset=utf-8")
    return server.base + FEED


def page(text: str = BODY) -> str:
    return f"<html><head><title>글</title></head><body><article><h1>글</h1>{text}" \
           "</article></body></html>"
