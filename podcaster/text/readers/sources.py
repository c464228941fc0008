"""The source list at the end of a post, in the forms authors write it.

An item is numbered (``1.``, ``1)``, ``[1]``, ``(1)``), a bullet (``-``, ``*``, ``•``), a
Markdown reference (``[1]: https://…``), a label with its source (``출처: …``) or a URL alone;
its URL is on the same line (bare, ``<…>``, in parentheses, or a Markdown link) or on the
next. Where the line names its outlet, ``OUTLET_FORMS`` says how (one row per form); else the
outlet may come from the URL's host (``podcaster.text.outlets``), marked as taken from the
address.
"""

from __future__ import annotations

import functools
import logging
import re
import urllib.parse
from dataclasses import dataclass, replace

from podcaster.model import Source
from podcaster.text.outlets import known_outlet, outlet_of_url

log = logging.getLogger(__name__)

_DASH = "-–—‐‒―"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_NUMBERED = re.compile(
    r"^\s*(?:(\d{1,3})[.)．）]\s+|[\[［](\d{1,3})[\]］](?!:)\s*|[(（](\d{1,3})[)）]\s*|"
    rf"([{_CIRCLED}])\s*|#(\d{{1,3}})\s+|(\d{{1,3}})번[.)]\s+)(\S.*?)\s*$")
_BULLET = re.compile(
    r"^\s*(?:[-*+•·▪◦‣∙]\s+|(?:[▶►▷■□●○◆◇※➤→]|📰|🔗|📌)\s*)(\S.*?)\s*$")
# A Markdown reference definition: "[1]: https://… "title"".
_REFERENCE = re.compile(r"""^\s*\[([^\]]{1,40})\]:\s*<?(https?://[^\s>]+)>?(?:\s+["'(](.*?)["')])?\s*$""",
                        re.IGNORECASE)
# A line holding nothing but a link, of any scheme: such a line under a source is part of the
# list (never read aloud), and read.py drops what is not http(s).
_BARE_URL = re.compile(
    r"^\s*<?((?:[a-z][a-z0-9+.-]*://|javascript:|data:|vbscript:|file:|mailto:)[^\s<>]+)>?\s*$",
    re.IGNORECASE)
# A URL inside an item's text, bare, in <…> or in parentheses.
_URL_IN_TEXT = re.compile(r"\s*[(<]?\s*(https?://[^\s<>()]+(?:\([^\s<>()]*\)[^\s<>()]*)*)\s*[)>]?",
                          re.IGNORECASE)
_LABEL_WORDS = (r"출처|참고|참고\s*기사|참고\s*자료|참고\s*링크|기사\s*출처|관련\s*기사|원문|원문\s*기사|"
                r"sources?|references?|links?|further\s+reading")
_LABEL = re.compile(
    rf"^\s*(?:#{{1,6}}\s*)?[*_]*\s*(?:{_LABEL_WORDS})\s*[*_]*\s*[:：]?\s*[*_]*\s*$",
    re.IGNORECASE,
)
# "출처: 한빛일보 (https://…)": a label and its one source on the same line.
_LABELLED = re.compile(rf"^\s*[*_]*(?:{_LABEL_WORDS})[*_]*\s*[:：]\s*(\S.*?)\s*$", re.IGNORECASE)
_DATE = re.compile(r"[,\s|｜/·]*\d{4}\s*[.\-/년]\s*\d{1,2}\s*[.\-/월]\s*\d{1,2}\s*[.일]?\s*$")


@dataclass(frozen=True)
class OutletForm:
    """One way a source line names its outlet: a pattern with ``title`` and ``outlet``
    groups, and whether any short name there is an outlet (``trusted``) or only one that
    looks like an outlet's name (known, or ending like 일보/뉴스/Times)."""

    name: str
    pattern: re.Pattern
    trusted: bool


OUTLET_FORMS: tuple[OutletForm, ...] = (
    OutletForm("title -outlet-", re.compile(
        rf"^(?P<title>.*?)\s[{_DASH}]\s*(?P<outlet>[^{_DASH}\s][^{_DASH}]*?)\s*[{_DASH}]$"), True),
    OutletForm("title (outlet[, date])", re.compile(
        r"^(?P<title>.*?)\s*[(（](?P<outlet>[^()（）]+?)[)）]$"), True),
    OutletForm("[outlet] title", re.compile(r"^[\[［【](?P<outlet>[^\]］】]+)[\]］】]\s*(?P<title>.+)$"),
               False),
    OutletForm("title - outlet / title | outlet", re.compile(
        rf"^(?P<title>.+)\s[{_DASH}|｜]\s*(?P<outlet>[^{_DASH}|｜]+?)$"), False),
    OutletForm("title / outlet", re.compile(r"^(?P<title>.+)\s/\s*(?P<outlet>[^/]+?)$"), False),
    OutletForm("title, outlet", re.compile(r"^(?P<title>.+),\s*(?P<outlet>[^,]+?)$"), False),
    OutletForm("outlet: title", re.compile(r"^(?P<outlet>[^:：]{1,24}?)\s*[:：]\s+(?P<title>.+)$"),
               False),
    OutletForm("<outlet> title", re.compile(r"^[<〈《](?P<outlet>[^<>〈〉《》]+)[>〉》]\s*(?P<title>.+)$"),
               False),
    OutletForm("outlet · title / outlet :: title", re.compile(
        r"^(?P<outlet>[^·:]{1,24}?)\s+(?:·|::)\s+(?P<title>.+)$"), False),
    OutletForm("outlet “title”", re.compile(
        r"^(?P<outlet>[^“\"「『]{1,24}?)\s*[“\"「『](?P<title>[^”\"」』]+)[”\"」』]$"), False),
    OutletForm("title<TAB>outlet", re.compile(r"^(?P<title>[^\t]+?)\t+(?P<outlet>[^\t]+)$"), False),
)
# Quote marks around a whole title ("「제목」, 연합뉴스") are not part of it.
_QUOTED_TITLE = re.compile(r"^([“\"「『‘'《])(?P<title>.+)([”\"」』’'》])$")
# Words in parentheses or after a dash that describe the article, not who published it.
NOT_OUTLETS = frozenset({
    "종합", "속보", "단독", "상보", "사진", "영상", "포토", "인터뷰", "사설", "칼럼", "기고", "전문",
    "르포", "해설", "분석", "리뷰", "일문일답", "오피니언", "업데이트", "번역", "요약", "원문", "영문",
    "한글", "korean", "english", "pdf", "video", "update", "updated", "opinion", "analysis",
})  # fmt: skip
# How outlets' names end: a short name ending so is taken as an outlet in the forms that
# are not trusted.
_OUTLET_ENDINGS = re.compile(
    r"(?:일보|신문|뉴스|경제|방송|통신|데일리|저널|타임스|타임즈|매거진|미디어|tv|news|times|post|"
    r"journal|daily|herald|tribune|telegraph|review|wire|press|today|weekly|magazine)$",
    re.IGNORECASE)


# Links are parsed as CommonMark; every destination is kept here (markdown-it would leave a
# javascript: link unparsed, its markup in the title), and read.py applies the URL policy.
@functools.cache
def _links():
    """A CommonMark inline parser that keeps every link (the URL policy decides later)."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark")
    parser.validateLink = lambda url: True
    return parser


def markdown_link(text: str) -> tuple[str, str] | None:
    """``(text with the first Markdown link replaced by its own text, its destination)``,
    or None when ``text`` has no Markdown link. Destinations may hold parentheses or be
    written ``<…>``, as CommonMark allows."""
    if "](" not in text:
        return None
    children = _links().parseInline(text)[0].children or []
    url = None
    out = []
    for token in children:
        if token.type == "link_open" and url is None and token.markup != "autolink":
            url = token.attrGet("href")
        elif token.type in ("text", "code_inline"):
            out.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            out.append(" ")
    if url is None:
        return None
    return "".join(out), str(url)


def url_of_line(line: str) -> str | None:
    """The URL if ``line`` holds nothing but a URL (bare, <…> or a Markdown link)."""
    m = _BARE_URL.match(line)
    if m:
        return m.group(1)
    text = line.strip()
    if not (text.startswith("[") and text.endswith(")")):
        return None
    # One link from the first character to the last: "[제목](url) (언론사)" is an item.
    children = _links().parseInline(text)[0].children or []
    closes = [k for k, token in enumerate(children) if token.type == "link_close"]
    if children[:1] and children[0].type == "link_open" and closes == [len(children) - 1]:
        return str(children[0].attrGet("href") or "") or None
    return None


def _outlet(candidate: str, trusted: bool) -> str | None:
    """``candidate`` as an outlet's name, or None when it does not look like one."""
    name = _DATE.sub("", candidate).strip(" ,·")
    if not name or len(name) > 30 or name.casefold() in NOT_OUTLETS or name[0].isdigit():
        return None
    if re.search(r"[.?!\"“”'‘’]$", name) or re.fullmatch(r"[\d\s.,:/-]+", name):
        return None
    if known_outlet(name):
        return name
    words = name.split()
    if trusted:
        return name if len(words) <= 4 else None
    return name if len(words) <= 3 and _OUTLET_ENDINGS.search(name) else None


def split_outlet(text: str) -> tuple[str, str | None]:
    """Split a source line's text into (title, outlet) by the first of ``OUTLET_FORMS``
    that finds an outlet in it; outlet None when none does."""
    text = _DATE.sub("", text).strip() or text.strip()
    if known_outlet(text):  # "출처: 한빛일보 (https://…)": the line names only the outlet
        return text, text
    for form in OUTLET_FORMS:
        m = form.pattern.match(text)
        if m is None:
            continue
        outlet = _outlet(m.group("outlet"), form.trusted)
        if outlet is not None:
            title = m.group("title").strip()
            quoted = _QUOTED_TITLE.match(title)
            return (quoted.group("title").strip() if quoted else title), outlet
    return text, None


def parse_item(n: int, text: str, url: str | None = None, labelled: bool = False) -> Source:
    """One source from the text of a list item (without its number); ``url`` when the
    item's link is known already (an HTML list). After a label ("참고: 한빛경제") a name
    that looks like an outlet's is the outlet, with no title of its own."""
    link = markdown_link(text)
    if link:
        text, url = link[0].strip(), url or link[1]
    else:
        m = _URL_IN_TEXT.search(text)
        if m is not None:
            url = url or m.group(1)
            text = (text[: m.start()] + " " + text[m.end():]).strip()
    text = text.strip(" \t:：").lstrip("-–— ")
    title, outlet = split_outlet(text) if text else ("", None)
    if labelled and outlet is None and text and _outlet(text, trusted=False) == text:
        title = outlet = text
    if title == outlet:  # "출처: 한빛일보 (https://…)": no title of its own
        title = ""
    return with_address_outlet(Source(n=n, title=title, outlet=outlet, url=url))


def with_address_outlet(source: Source) -> Source:
    """``source`` with its outlet taken from its URL's host when the line names none. A
    source without a title of its own is titled by its host (not by its outlet's name: a
    title is evidence for attribution, and an outlet's name says nothing about the article),
    or by its outlet when it has no URL."""
    outlet, origin = source.outlet, None
    if outlet is None:
        outlet = outlet_of_url(source.url)
        origin = "address" if outlet else None
    title = source.title or _host(source.url) or outlet or ""
    return Source(source.n, title, outlet, source.url, origin, source.line)


def _host(url: str | None) -> str:
    if not url:
        return ""
    return (urllib.parse.urlsplit(url).hostname or url).removeprefix("www.")


def _item(line: str) -> tuple[int | None, str, str | None] | None:
    """``(number, text, url)`` of a list item, or None when ``line`` is not one."""
    m = _NUMBERED.match(line)
    if m:
        number = next(g for g in m.groups()[:-1] if g is not None)
        number = _CIRCLED.index(number) + 1 if number in _CIRCLED else int(number)
        return number, m.group(m.re.groups), None
    m = _REFERENCE.match(line)
    if m:
        label = m.group(1).strip()
        return (int(label) if label.isdigit() else None), (m.group(3) or "").strip(), m.group(2)
    m = _BULLET.match(line) or _LABELLED.match(line)
    if m:
        return None, m.group(1), None
    return None


def find_source_list(lines: list[str], first_line: int = 1) -> tuple[int, int, list[Source]]:
    """Find the post's source list among ``lines`` (``lines[0]`` is line ``first_line`` of
    the file).

    Returns ``(start, end, sources)``: lines ``start:end`` hold the list (a "출처:" label
    before it included); ``(len(lines), len(lines), [])`` when there is none. The list is the
    last run of list items and URL lines that has a URL or an outlet; a run that does not
    end the post counts only if at least half of its items have a URL.
    """
    n = len(lines)
    items = _items_of(lines)
    last_text = max((i for i, line in enumerate(lines) if line.strip()), default=-1)
    found = (n, n, [])
    i = 0
    while i < n:
        if items[i] is None and not url_of_line(lines[i]):
            i += 1
            continue
        start = end = i
        while end < n and (not lines[end].strip() or url_of_line(lines[end]) or items[end]):
            end += 1
        while end > start and not lines[end - 1].strip():
            end -= 1
        sources = _parse_lines(lines[start:end], items[start:end], first_line + start)
        at_end = end > last_text
        with_url = sum(1 for s in sources if s.url)
        if (at_end and any(s.url or s.outlet for s in sources)) or with_url * 2 >= len(sources):
            found = (_label_start(lines, start), end, sources)
        i = end
    return found


# A sentence's end: a line ending so is the author's, not a headline.
_SENTENCE_END = re.compile(r"(?:[.!。！]|[다요죠]|니다)[\"'”’)]*\s*$")


def _items_of(lines: list[str]) -> list[tuple[int | None, str, str | None] | None]:
    """Each line's item (see ``_item``); an unnumbered line right above a URL line is an
    item too when it reads as a headline (no sentence end, no opening quote mark)."""
    items = [_item(line) for line in lines]
    for k, line in enumerate(lines[:-1]):
        text = line.strip()
        if (items[k] is None and text and url_of_line(lines[k + 1]) and not url_of_line(line)
                and len(text) <= 120 and not _SENTENCE_END.search(text)
                and text[0] not in "“\"'「『‘>" and not _LABEL.match(line)):
            items[k] = (None, text, None)
    for k, line in enumerate(lines):  # "제목 (언론사, 2025-11-03) https://…", unnumbered
        if items[k] is None and _URL_IN_TEXT.search(line) and not url_of_line(line):
            source = parse_item(1, line.strip())
            rest = _URL_IN_TEXT.sub(" ", line).strip()
            if (source.url and source.outlet and source.outlet_from is None
                    and not _SENTENCE_END.search(rest)):
                items[k] = (None, line.strip(), None)
    return items


def label_line(line: str) -> bool:
    """True when ``line`` is a label heading a source list ("출처", "참고 기사:", "References")."""
    return bool(_LABEL.match(line))


def _label_start(lines: list[str], start: int) -> int:
    label = start - 1
    while label >= 0 and not lines[label].strip():
        label -= 1
    return label if label >= 0 and _LABEL.match(lines[label]) else start


def _parse_lines(lines: list[str], items: list, first_line: int) -> list[Source]:
    sources: list[Source] = []
    for k, (line, item) in enumerate(zip(lines, items, strict=True)):
        if not line.strip():
            continue
        url = url_of_line(line) if item is None or item[2] is None else None
        if url and item is None:
            if sources and sources[-1].url is None:
                sources[-1] = with_address_outlet(replace(sources[-1], url=url))
            else:  # a bare list of URLs: each is a source
                sources.append(with_address_outlet(
                    Source(len(sources) + 1, "", None, url, line=first_line + k)))
            continue
        number, text, item_url = item
        source = parse_item(number if number is not None else len(sources) + 1, text, item_url,
                            labelled=bool(_LABELLED.match(line)))
        sources.append(replace(source, line=first_line + k))
    return sources


def looks_like_source(line: str) -> bool:
    """True when ``line`` reads as an item of a source list: a URL alone, or a list item
    with a URL or an outlet written in one of the forms."""
    if url_of_line(line):
        return True
    item = _item(line)
    if item is None or (item[0] is None and not _NUMBERED.match(line) and item[2] is None
                        and not _LABELLED.match(line) and not _REFERENCE.match(line)
                        and not _BULLET.match(line)):
        return False
    source = parse_item(item[0] or 1, item[1], item[2], labelled=bool(_LABELLED.match(line)))
    return bool(source.url or (source.outlet and source.outlet_from is None))


# A source-list label opening a line ("참고: …", "출처 - …", "Sources — …") or inside a
# headline-shaped one ("오늘의 참고 기사 - 어딘가신문").
_LABEL_IN_LINE = re.compile(rf"(?:^|\s)(?:{_LABEL_WORDS})(?:\s*[{_DASH}:：|]|\s|$)", re.IGNORECASE)


_SPOKEN_END = re.compile(r"(?:[.!?~。！？]|요|니다|죠)[\"'”’)]*\s*$")


def source_like(line: str) -> bool:
    """True when ``line`` reads as an item of a source list even without a number or a URL:
    it does not end like a sentence (a sign-off's "내일 또 만나요!" or "P.S. …니다" does), and
    it names an outlet in one of ``OUTLET_FORMS`` (or is an outlet's name alone), or opens
    with or holds a source-list label ("참고: 한빛경제 칼럼")."""
    text = line.strip()
    if not text or len(text) > 120 or _SENTENCE_END.search(text):
        return False
    if _LABELLED.match(text) or _LABEL_IN_LINE.search(text):
        return True
    title, outlet = split_outlet(text.lstrip("-–—•·*+ "))
    # "다음 주에 만나요 (구름노트)": a sentence spoken to the listener, signed; not a headline
    return outlet is not None and not _SPOKEN_END.search(title)


def list_item(line: str) -> bool:
    """True when ``line`` is numbered as a list item ("1.", "1)", "[1]", "(1)")."""
    return bool(_NUMBERED.match(line))
