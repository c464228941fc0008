"""The shape of a post's quotes and the greeting's count, each rule from both sides: a run of
quotes starts after a paragraph of the author's (or at the start), a continuing paragraph
joins the quote block before it only within a run; a greeting's count is found in each
form it is written in, and two different counts are no count."""

from __future__ import annotations

import pytest

from podcaster.model import Block
from podcaster.text.structure import greeting_count, quote_blocks


def shape(*blocks: tuple[bool, bool]) -> list[tuple[list[int], int]]:
    made = [Block(f"문단 {n}", quoted, continues, n + 1)
            for n, (quoted, continues) in enumerate(blocks)]
    return [(q.blocks, q.run) for q in quote_blocks(made)]


Q, C, A = (True, False), (True, True), (False, False)  # a quote, its continuation, the author


@pytest.mark.parametrize(("blocks", "expected"), [
    ((Q, A, Q), [([0], 0), ([2], 1)]),
    ((A, Q, Q, A, Q), [([1], 0), ([2], 0), ([4], 1)]),
    ((Q, C, C, Q), [([0, 1, 2], 0), ([3], 0)]),
    ((C, A), [([0], 0)]),                              # a continuation that starts the post
    ((A, C, A, C), [([1], 0), ([3], 1)]),              # ... or starts a run
    ((A, A), []),
])
def test_quote_blocks_and_runs(blocks, expected):
    assert shape(*blocks) == expected


def test_a_quote_block_reads_its_paragraphs_together():
    made = [Block("하나", True, False, 1), Block("둘", True, True, 2)]
    assert quote_blocks(made)[0].text(made) == "하나 둘"


@pytest.mark.parametrize(("greeting", "count"), [
    (["오늘은 세 가지 소식입니다."], 3),
    (["기사 두 건을 골랐어요."], 2),
    (["기사 3편을 골랐어요."], 3),
    (["12개 기사를 모았어요."], 12),
    (["한 꼭지의 뉴스입니다."], 1),
    (["다섯 건입니다."], 5),
    (["첫째 3건, 둘째 날"], 3),
    (["기사 세 개, 그리고 세 가지 이야기"], 3),                 # the same count twice
    (["안녕하세요.", "오늘은 네 가지 이야기예요."], 4),        # in any paragraph
    (["세 가지 소식과 기사 두 건"], None),                     # two counts
    (["세 가지 소식입니다.", "기사 두 건이에요."], None),
    (["오늘은 소식이 있어요."], None),
    (["가세 가지 소식"], None),                                # inside a word
    (["기사 세 개요"], None),
    ([], None),
])
def test_greeting_count(greeting, count):
    assert greeting_count(greeting) == count
