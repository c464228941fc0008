"""The page policy's small rules from both sides: each kind of selector step matches and
fails, ancestors in order, which element is chosen first, what pruning keeps, and a line of
furniture by its words (the length limit, a run of three)."""

from __future__ import annotations

import pytest

from podcaster.text import page

ART = ("div", {"class": "post entry-content", "id": "main", "data-x": " Body ",
               "href": "https://CreativeCommons.org/x"})


@pytest.mark.parametrize(("selector", "chain", "expected"), [
    ("div", [ART], True),
    ("p", [ART], False),
    (".entry-content", [ART], True),
    (".entry", [ART], False),                         # a whole class, not a part of one
    ("div.post.entry-content", [ART], True),
    ("div.post.other", [ART], False),                 # every class
    ("#main", [ART], True),
    ("#mai", [ART], False),
    ("[data-x]", [ART], True),
    ("[data-y]", [ART], False),
    ("[data-x=body]", [ART], True),                   # trimmed, any case
    ("[data-x=bod]", [ART], False),
    ("[href*=creativecommons.org]", [ART], True),
    ("[href*=example.org]", [ART], False),
    ("[data-y*=x]", [ART], False),
    ("section div", [("section", {}), ("p", {}), ART], True),   # any ancestor
    ("section div", [("p", {}), ART], False),
    ("section p div", [("section", {}), ("p", {}), ART], True),  # ancestors in order
    ("p section div", [("section", {}), ("p", {}), ART], False),
    ("section div", [ART], False),
    ("section div", [("body", {}), ("section", {}), ("p", {}), ART], True),  # more above
])
def test_selector_steps(selector, chain, expected):
    assert page.matches(selector, chain) is expected


def test_an_unsupported_selector_is_refused():
    with pytest.raises(ValueError, match="unsupported selector 'div > p'"):
        page.matches("div > p", [("p", {})])


class Node:
    def __init__(self, tag, attrs=None, *children):
        self.tag, self.attrs, self.children = tag, attrs or {}, list(children)


TREE = page.Tree(children=lambda n: n.children, describe=lambda n: (n.tag, n.attrs),
                 remove=lambda n, gone: setattr(n, "children",
                                                [c for c in n.children if c not in gone]))


def test_select_takes_the_first_selector_that_matches_then_the_first_element():
    first, second = Node("div", {"class": "b"}), Node("div", {"class": "a"})
    later = Node("div", {"class": "a"})
    root = Node("#", {}, Node("nav", {}, Node("div", {"class": "a"})), first, second, later)
    assert page.select(root, TREE, (".a", ".b"), blocked=frozenset({"nav"})) is second
    assert page.select(root, TREE, (".b", ".a")) is first
    assert page.select(root, TREE, (".a",)).tag == "div"
    assert page.select(root, TREE, (".c",)) is None


def test_select_finds_a_selector_that_ends_with_a_bare_tag():
    title = Node("h1")
    root = Node("#", {}, Node("h1"), Node("div", {"class": "hgroup"}, Node("p"), title))
    assert page.select(root, TREE, (".hgroup h1",)) is title
    assert page.select(root, TREE, ("article section",)) is None


def test_the_tables_give_each_platforms_selectors_in_order():
    assert page.content_selectors()[:2] == (".tt_article_useless_p_margin", ".contents_style")
    assert page.content_selectors()[-1] == ".article-content"
    assert page.title_selectors()[:2] == (".title-article", ".tit_post")
    assert ".hgroup h1" in page.title_selectors()


def test_prune_removes_furniture_and_keeps_the_head_and_kept_tags():
    head = Node("head", {}, Node("title"), Node("meta"))
    table = Node("table")
    share = Node("div", {"class": "share"})
    text = Node("p")
    body = Node("body", {}, Node("script"), share, table, text, Node("table", {"class": "toc"}))
    root = Node("#", {}, head, body)
    assert page.prune(root, TREE, keep=frozenset({"table"})) == 3
    assert body.children == [table, text]
    assert head.children[0].tag == "title"
    assert page.prune(Node("#", {}, Node("body", {}, Node("table"))), TREE) == 1


def test_prune_counts_the_furniture_of_every_branch():
    root = Node("#", {}, Node("main", {}, Node("div", {"class": "share"})),
                Node("div", {}, Node("p", {}, Node("div", {"class": "tags"}), Node("nav"))))
    assert page.prune(root, TREE) == 3


@pytest.mark.parametrize(("chain", "dropped_tags", "expected"), [
    ([("script", {})], True, True),
    ([("script", {})], False, False),
    ([("div", {"class": "tt_category"})], False, True),
    ([("div", {"id": "comments"})], True, True),
    ([("div", {"role": "navigation"})], True, True),
    ([("a", {"href": "https://creativecommons.org/licenses"})], True, True),
    ([("div", {"class": "head-wrapper"}), ("div", {"class": "information"})], True, True),
    ([("div", {"class": "information"})], True, False),
    ([("div", {"class": "content"})], True, False),
])
def test_is_furniture(chain, dropped_tags, expected):
    assert page.is_furniture(chain, dropped_tags) is expected


def test_a_dropped_tag_is_furniture_unless_told_otherwise():
    assert page.is_furniture([("script", {})]) is True
    assert page.is_furniture([("p", {})]) is False
    assert page.is_furniture([("html", {}), ("div", {"class": "head-wrapper"}), ("p", {}),
                              ("div", {"class": "information"})]) is True


@pytest.mark.parametrize(("text", "expected"), [
    ("공감 3 · 댓글 0 · 공유하기", True),
    ("Share Like", True),                              # any case
    ("카테고리: 교육", True),
    ("Tags: 센서, 로봇", True),
    ("'교육' 카테고리의 다른 글", True),
    ("공감 " * 20, True),                               # 60 characters
    ("공감 " * 20 + " ", False),                        # 61
    ("3 · 0", False),                                   # no words
    ("공감해 주셔서 고마워요", False),
    ("오늘의 댓글", False),
])
def test_furniture_line(text, expected):
    assert page.furniture_line(text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("긴 문장이 이어지다가 공감 · 댓글 · 구독하기 버튼이 붙었다", True),
    ("긴 문장이 이어지다가 공감 · 댓글 버튼이 붙었다 그리고 " + "가" * 60, False),
    ("공감 댓글 이어서 구독하기 " + "가" * 60, False),   # not in a row
    ("[공감] (댓글) 구독하기 " + "가" * 60, True),       # marks around words
    ("공유하기", True),
    ("글이 마음에 드셨다면 Share Like Subscribe 를 눌러 주세요 " + "가" * 60, True),  # any case
    ("글이 마음에 드셨다면 공유 X 공감 댓글 부탁 " + "가" * 60, False),   # X breaks the run
])
def test_furniture_run(text, expected):
    assert page.furniture_run(text) is expected
