"""What of a blog page is the post: one policy for the ``.html`` reader and the importer.

A page saved from (or fetched on) a blog platform holds the post inside the platform's own
furniture: the blog's name, category and tag lines, the author's byline and the date,
share/like/subscribe buttons, licence badges, related posts, comments, ads, tables of
contents. Each platform is one row of ``PLATFORMS``: where its post sits (``content``), where
its title is (``title``) and which of its elements are furniture (``furniture``). ``COMMON``
holds the furniture any site may have. Adding a platform is adding a row.

Selectors are a small subset of CSS, enough for these tables and read the same way by both
trees the project builds (the reader's and lxml's): ``tag``, ``.class``, ``#id``,
``tag.class``, ``[attr=value]``, ``[attr*=part]`` (an attribute containing ``part``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

# Elements whose text is never the post: code, media, forms and the page's own chrome.
DROP_TAGS = frozenset({
    "script", "style", "noscript", "template", "head", "title", "meta", "link",
    "nav", "header", "footer", "aside", "form", "button", "input", "select", "textarea",
    "label", "svg", "canvas", "iframe", "frame", "frameset", "object", "embed", "video",
    "audio", "source", "track", "map", "img", "picture", "figcaption", "table",
})  # fmt: skip


@dataclass(frozen=True)
class Platform:
    """A blog platform's page shape: selectors for the post, its title and its furniture."""

    name: str
    content: tuple[str, ...] = ()  # the element holding the post, most specific first
    title: tuple[str, ...] = ()  # the element holding the post's title
    furniture: tuple[str, ...] = ()  # elements that are never the post


PLATFORMS: tuple[Platform, ...] = (
    Platform(
        "tistory",
        content=(".tt_article_useless_p_margin", ".contents_style", "#article-view",
                 ".article-view", ".area_view", ".entry-content", ".article_cont"),
        title=(".title-article", ".tit_post", ".hgroup h1", ".titleWrap h2", ".titleWrap h1",
               ".title_view",
               ".tit_blogview"),
        furniture=(".another_category", ".container_postbtn", ".postbtn_like",
                   ".wrap_btn_share", ".tag_label", ".area_tag", ".tags", ".article-tag",
                   ".tt-comment-cont", ".area_reply", ".comment-list", ".revenue_unit_wrap",
                   ".area_related", ".related-articles", ".category", ".post-meta",
                   ".info_post", ".byline", ".date", ".skip_nav", "#skipNav", ".tt_category",
                   ".tistory_ccl", ".article-ccl", ".plugin_ccl", ".book-toc",
                   ".article-toc", ".area_paging"),
    ),
    Platform(
        "naver",
        content=(".se-main-container", "#postViewArea", ".se_component_wrap.sect_dsc",
                 ".post-view"),
        title=(".se-title-text", ".se_title", ".pcol1 .htitle", ".itemSubjectBoldfont"),
        furniture=(".se-oglink", ".se-module-oglink", ".se-caption", ".se-image", ".blog_category", ".blog2_series",
                   ".se_publishDate", ".nick", ".blog_author", ".wrap_postcomment",
                   ".area_comment", ".post_tag", ".wrap_tag", ".area_sympathy", ".btn_like",
                   ".u_likeit_list_module", ".post_footer_contents", ".wrap_blog2_list",
                   ".se-sticker", ".se-placesMap", ".flick-container", "#printPost1 .pcol2",
                   ".blog_btn_area", ".area_sns"),
    ),
    Platform(
        "brunch",
        content=(".wrap_body", ".wrap_article .wrap_body_frame"),
        title=(".cover_title", ".wrap_cover .tit_cover"),
        furniture=(".cover_sub_title", ".cover_info", ".text_author", ".wrap_body_info",
                   ".list_keyword", ".wrap_keyword", ".wrap_profile", ".wrap_author",
                   ".wrap_comment", ".wrap_article_recommend", ".wrap_recommend",
                   ".wrap_like", ".wrap_btn_subscribe", ".wrap_share", ".wrap_magazine"),
    ),
    Platform(
        "velog",
        content=(".atom-one", "[data-testid=post-content]"),
        title=(".head-wrapper h1",),
        furniture=(".head-wrapper .information", ".tags-wrapper", ".series-box",
                   ".user-profile", ".post-comments", ".comments", ".toc", ".like-button",
                   ".related-posts", ".sticky-toc"),
    ),
    Platform(
        "wordpress",
        content=(".entry-content", ".post-content", ".wp-block-post-content"),
        title=("h1.entry-title", ".wp-block-post-title", ".post-title"),
        furniture=(".entry-meta", ".entry-footer", ".posted-on", ".cat-links", ".tags-links",
                   ".sharedaddy", ".sd-sharing-enabled", "#jp-relatedposts",
                   ".jp-relatedposts", ".wpcnt", ".wordads-ad-wrapper", "#comments",
                   ".comments-area", ".post-navigation", ".author-bio", ".wp-block-post-terms",
                   ".wp-block-post-date", ".wp-block-post-author", ".ez-toc-container",
                   "#ez-toc-container", ".screen-reader-text", ".skip-link"),
    ),
    Platform(
        "blogger",
        content=(".post-body", ".post-body.entry-content"),
        title=(".post-title", "h3.post-title.entry-title"),
        furniture=(".post-header", ".post-footer", ".post-author", ".post-timestamp",
                   ".post-labels", ".post-share-buttons", ".post-footer-line", ".comments",
                   "#comments", ".blog-pager", ".date-header", ".reactions"),
    ),
    Platform(
        "medium",
        content=("section[data-field=body]", ".postArticle-content", "article section"),
        title=("h1.pw-post-title", "[data-testid=storyTitle]", ".graf--title"),
        furniture=(".pw-post-byline-header", ".speechify-ignore", "[data-testid=authorName]",
                   "[data-testid=storyPublishDate]", ".pw-multi-vote-count",
                   ".pw-responses-count", ".pw-subtitle-paragraph", "[aria-label=responses]",
                   ".js-postMetaLockup", ".postMetaInline"),
    ),
    Platform(
        "ghost",
        content=(".gh-content", ".post-content", ".article-content"),
        title=(".gh-article-title", ".article-title", ".post-full-title"),
        furniture=(".gh-article-meta", ".gh-article-tag", ".gh-article-excerpt",
                   ".gh-article-footer", ".gh-read-next", ".gh-comments", ".gh-cta",
                   ".gh-post-upgrade-cta", ".kg-bookmark-card", ".kg-signup-card",
                   ".post-full-meta", ".article-byline", ".footer-cta", ".read-more-wrap"),
    ),
)

# Furniture any site may have, whatever its platform.
COMMON = Platform(
    "common",
    furniture=("[role=navigation]", "[role=banner]", "[role=contentinfo]",
               "[role=complementary]", "[aria-hidden=true]", "[hidden]", ".comments",
               ".comment", "#comments", ".share", ".sharing", ".social-share", ".sns",
               ".related", ".related-posts", ".byline", ".post-meta", ".tags", ".toc",
               "#toc", ".table-of-contents", ".advertisement", ".adsbygoogle", ".ad",
               ".ads", ".sponsor", ".newsletter", ".subscribe", ".breadcrumb", ".sr-only",
               ".sidebar", "#sidebar", ".widget", ".menu", "#header", "#footer", ".gnb",
               "a[href*=creativecommons.org]"),
)


# Words that are page furniture, never a post's: a short line made only of them (and
# numbers, separators) is a button row, a badge or a label.
FURNITURE_WORDS = frozenset({
    "공감", "공감하기", "구독", "구독하기", "공유", "공유하기", "댓글", "댓글쓰기", "좋아요",
    "신고", "신고하기", "이웃추가", "카테고리", "태그", "목차", "이전글", "다음글", "저작자표시",
    "비영리", "변경금지", "동일조건변경허락", "본문", "바로가기", "광고", "스폰서", "관련글",
    "맨위로", "전체보기", "목록", "글쓰기", "수정", "삭제", "인쇄", "URL", "복사", "블로그",
    "share", "like", "likes", "subscribe", "comments", "comment", "tags", "reply", "follow",
    "clap", "claps", "responses", "min", "read", "listen",
})  # fmt: skip
# Phrases that mark a whole line as furniture wherever they stand.
FURNITURE_PHRASES = (
    "카테고리의 다른 글", "본문 바로가기", "저작자표시 비영리 변경금지", "댓글을 입력",
    "블로그 이웃추가", "이 글이 좋으셨다면", "구독하고 새 글",
)


@dataclass(frozen=True)
class _Selector:
    steps: tuple[tuple[str | None, str, str, str], ...]  # (tag, kind, name, value) per step


_STEP = re.compile(r"^([a-z0-9]+)?(?:([.#])([\w-]+)((?:\.[\w-]+)*)|\[([\w-]+)(\*?=)?([^\]]*)\])?$")


@functools.cache
def _parse(selector: str) -> tuple[tuple[str | None, tuple[tuple[str, str, str], ...]], ...]:
    """A selector as its steps, outermost first: (tag or None, ((kind, name, value), …))."""
    steps = []
    for part in selector.split():
        m = _STEP.match(part)
        if m is None:
            raise ValueError(f"unsupported selector {selector!r}")
        tag, mark, name, more, attr, op, value = m.groups()
        tests: list[tuple[str, str, str]] = []
        if mark == ".":
            tests += [("class", name, "")] + [("class", c, "") for c in more.split(".") if c]
        elif mark == "#":
            tests.append(("id", name, ""))
        elif attr:
            tests.append(({"=": "attr=", "*=": "attr*="}.get(op or "", "attr"), attr, value))
        steps.append((tag, tuple(tests)))
    return tuple(steps)


def _step_matches(step, tag: str, attrs: Mapping[str, str]) -> bool:
    want_tag, tests = step
    if want_tag and want_tag != tag:
        return False
    for kind, name, value in tests:
        if kind == "class":
            if name not in (attrs.get("class") or "").split():
                return False
        elif kind == "id":
            if attrs.get("id") != name:
                return False
        elif kind == "attr":
            if name not in attrs:
                return False
        elif kind == "attr=":
            if (attrs.get(name) or "").strip().lower() != value.lower():
                return False
        elif value.lower() not in (attrs.get(name) or "").lower():
            return False
    return True


def matches(selector: str, chain) -> bool:
    """True when the element at the end of ``chain`` (its ancestors' (tag, attrs) first)
    matches ``selector``."""
    steps = _parse(selector)
    tag, attrs = chain[-1]
    if not _step_matches(steps[-1], tag, attrs):
        return False
    if len(steps) == 1:
        return True
    k = len(steps) - 2
    for ancestor in reversed(chain[:-1]):
        if k < 0:
            break
        if _step_matches(steps[k], *ancestor):
            k -= 1
    return k < 0


@functools.cache
def furniture_selectors() -> tuple[str, ...]:
    """Every platform's furniture selectors and the common ones, each once."""
    return tuple(dict.fromkeys(s for p in (*PLATFORMS, COMMON) for s in p.furniture))


@functools.cache
def _index(selectors: tuple[str, ...]) -> dict[tuple[str, str], tuple[str, ...]]:
    """``selectors`` by what their last step needs most: a class, an id, an attribute or a
    tag; an element is tried only against the selectors it could match."""
    index: dict[tuple[str, str], list[str]] = {}
    for selector in selectors:
        tag, tests = _parse(selector)[-1]
        kind, name, _ = tests[0] if tests else ("tag", tag, "")
        key = ("attr", name) if kind.startswith("attr") else (kind, name)
        index.setdefault(key, []).append(selector)
    return {k: tuple(v) for k, v in index.items()}


def _candidates(index: dict, tag: str, attrs: Mapping[str, str]):
    """The selectors of ``index`` an element with ``tag`` and ``attrs`` could match."""
    keys = [("tag", tag), ("id", attrs.get("id") or "")]
    keys += [("class", c) for c in (attrs.get("class") or "").split()]
    keys += [("attr", name) for name in attrs]
    for key in keys:
        yield from index.get(key, ())


def is_furniture(chain: list[tuple[str, Mapping[str, str]]], dropped_tags: bool = True) -> bool:
    """True when the element at the end of ``chain`` is never the post: a dropped tag
    (unless ``dropped_tags`` is false) or platform furniture."""
    tag, attrs = chain[-1]
    if dropped_tags and tag in DROP_TAGS:
        return True
    index = _index(furniture_selectors())
    return any(matches(s, chain) for s in _candidates(index, tag, attrs))


def content_selectors() -> tuple[str, ...]:
    """Where platforms put the post, platform by platform, most specific first."""
    return tuple(s for p in PLATFORMS for s in p.content)


def title_selectors() -> tuple[str, ...]:
    return tuple(s for p in PLATFORMS for s in p.title)


# Kept when pruning even though never spoken: the page's head holds its title and meta data.
_KEEP = frozenset({"head", "title", "meta"})

N = TypeVar("N")


@dataclass(frozen=True)
class Tree:
    """How to walk one kind of element tree: an element's child elements, its tag and
    attributes, and how to remove some of an element's children."""

    children: Callable[[object], Iterable[object]]
    describe: Callable[[object], tuple[str, Mapping[str, str]]]
    remove: Callable[[object, list], None]


def prune(root: N, tree: Tree, keep: frozenset[str] = frozenset()) -> int:
    """Remove every element of furniture under ``root``; returns how many went. Elements
    of the ``keep`` tags are left in place unless a furniture selector names them (the
    reader keeps tables, never spoken, to find a table of source links)."""

    def walk(node, chain: list) -> int:
        gone = []
        dropped = 0
        for child in tree.children(node):
            chain.append(tree.describe(child))
            tag = chain[-1][0]
            if tag not in _KEEP and is_furniture(chain, tag not in keep):
                gone.append(child)
            else:
                dropped += walk(child, chain)
            chain.pop()
        if gone:
            tree.remove(node, gone)
        return dropped + len(gone)

    return walk(root, [])


def select(root: N, tree: Tree, selectors: Iterable[str],
           blocked: frozenset[str] = frozenset()) -> N | None:
    """The first element (in document order) matching the first of ``selectors`` that
    matches any, not looking inside ``blocked`` tags."""
    selectors = tuple(selectors)
    rank = {s: k for k, s in reversed(list(enumerate(selectors)))}
    index = _index(selectors)
    best: list = [len(selectors), None]

    def walk(node, chain: list) -> None:
        for child in tree.children(node):
            chain.append(tree.describe(child))
            tag, attrs = chain[-1]
            if tag not in blocked:
                for selector in _candidates(index, tag, attrs):
                    if rank[selector] < best[0] and matches(selector, chain):
                        best[:] = [rank[selector], child]
                walk(child, chain)
            chain.pop()

    walk(root, [])
    return best[1]


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# "카테고리: 교육", "태그: #센서", "Tags: …": a page's label line, whatever follows.
_FURNITURE_LABEL = re.compile(r"^\s*(?:카테고리|분류|태그|라벨|tags?|categor(?:y|ies)|labels?)\s*[:：]",
                              re.IGNORECASE)


def furniture_line(text: str) -> bool:
    """True when ``text`` is a line of page furniture: a known phrase, or a short line made
    only of furniture words, numbers and separators ("공감 3 · 댓글 0 · 공유하기")."""
    if any(phrase in text for phrase in FURNITURE_PHRASES) or _FURNITURE_LABEL.match(text):
        return True
    words = _WORD.findall(text)
    if not words or len(text) > 60:
        return False
    return all(w in FURNITURE_WORDS or w.lower() in FURNITURE_WORDS for w in words)


# This many furniture words in a row inside a longer line are a button row pasted into it.
FURNITURE_RUN = 3


def furniture_run(text: str) -> bool:
    """True when ``text`` holds ``FURNITURE_RUN`` furniture words in a row ("… 공감 댓글
    구독하기 …"), or is a line of furniture."""
    if furniture_line(text):
        return True
    run = 0
    for token in text.split():
        word = token.strip("·|/,:()[]<>•-–—")
        if not word:
            continue
        run = run + 1 if (word in FURNITURE_WORDS or word.lower() in FURNITURE_WORDS) else 0
        if run >= FURNITURE_RUN:
            return True
    return False

