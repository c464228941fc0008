"""One quotation cut in two only on strong evidence, from both sides: the least title
score and the least number of kinds of evidence for the other source, any evidence left for
the first, a first part that fits no source clearly; and the warning each cut gives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from podcaster.model import Block, Post, Source
from podcaster.text.evidence import Evidence
from podcaster.text.quotation import split_quotations
from podcaster.text.structure import QuoteBlock

SOURCES = [Source(1, "첫째 기사의 제목은 이렇게 길다", "한빛일보"),
           Source(2, "둘째 기사 제목", "별빛신문"), Source(3, "셋째 기사", None)]
ADVICE = "if it continues the article, say so in its words; else end the quote before it"


class Scorer:
    """Evidence as a table: text → (title score, kinds) for each source; none elsewhere."""

    def __init__(self, table: dict[str, list[tuple[float, set[str]]]]) -> None:
        self.sources = SOURCES
        self.table = table

    def evidence(self, text: str, source: int) -> Evidence:
        score, kinds = self.table.get(text, [(0.0, set())] * 3)[source]
        return Evidence(title_score=score, kinds=set(kinds))


NONE = (0.0, set())
FIRST = [(0.6, {"title"}), NONE, NONE]  # fits source 1 clearly


def other(score: float = 0.5, kinds=("title", "numbers"), own: float = 0.0):
    """Evidence for source 2 (and ``own`` for source 1)."""
    return [(own, {"title"} if own else set()), (score, set(kinds)), NONE]


def cut(paragraphs: list[str], table, units=None):
    blocks = [Block("인사말이다.")] + [Block(p, quoted=True, line=4 * i + 5)
                                      for i, p in enumerate(paragraphs)]
    post = Post(path=Path("2025-06-01-cut.md"), title="자르기", date=dt.date(2025, 6, 1),
                slug="cut", blocks=blocks, sources=SOURCES)
    units = units or [QuoteBlock(list(range(1, len(blocks))), 0)]
    found, warnings = split_quotations(post, units, Scorer(table))
    return [(u.blocks, u.run) for u in found], [str(w) for w in warnings]


def test_a_paragraph_that_fits_another_source_strongly_starts_another_article():
    units, warnings = cut(["가.", "나."], {"가.": FIRST, "나.": other()})
    assert units == [([1], 0), ([2], 0)]
    assert warnings == [
        "2025-06-01-cut.md: paragraph 3 (line 9): “나.”: this paragraph of the quotation "
        "opened at paragraph 2 fits source 2 (둘째 기사 제목) by its title's words, figures, "
        f"not source 1; it is taken as another article ({ADVICE})"]


@pytest.mark.parametrize(("evidence", "is_cut"), [
    (other(0.5), True),  # the least title score
    (other(0.49), False),
    (other(0.5, ["title"]), False),  # one kind of evidence is not enough
    (other(0.5, ["numbers", "outlet"]), True),
    (other(0.9, ["title", "numbers", "outlet"]), True),
    (other(0.9, own=0.01), False),  # any title evidence for the first source keeps it
    (other(0.9, own=0.0), True),
    ([NONE, (0.9, {"title", "numbers"}), (0.5, {"title"})], False),  # not clearly source 2
])
def test_the_evidence_a_cut_needs(evidence, is_cut):
    units, warnings = cut(["가.", "나."], {"가.": FIRST, "나.": evidence})
    assert units == ([([1], 0), ([2], 0)] if is_cut else [([1, 2], 0)])
    assert len(warnings) == is_cut


def test_the_kinds_are_named_in_a_fixed_order():
    _, warnings = cut(["가.", "나."], {"가.": FIRST,
                                     "나.": other(0.9, ["outlet", "numbers"])})
    assert " by figures, its outlet's name, not source 1;" in warnings[0]


def test_a_first_part_that_fits_no_source_clearly_is_never_cut():
    unclear = [(0.3, {"title"}), (0.2, {"title"}), NONE]
    units, warnings = cut(["가.", "나."], {"가.": unclear, "나.": other(0.9)})
    assert (units, warnings) == ([([1, 2], 0)], [])


def test_the_first_part_grows_until_a_cut_and_starts_again_after_it():
    table = {"가.": FIRST, "나.": [(0.3, {"title"}), NONE, NONE],
             "가. 나.": FIRST, "다.": other(0.9),
             "라.": [NONE, NONE, (0.8, {"title", "outlet"})]}
    units, warnings = cut(["가.", "나.", "다.", "라."], table)
    # 나 has evidence for source 1: it continues; 다 fits source 2: cut; 라 fits source 3,
    # while 다 alone fits source 2 (the part before it starts at the cut): cut again
    assert units == [([1, 2], 0), ([3], 0), ([4], 0)]
    assert [w.split(": ")[1] for w in warnings] == ["paragraph 4 (line 13)",
                                                    "paragraph 5 (line 17)"]
    assert "fits source 3 (셋째 기사) by its title's words, its outlet's name, not source 2" \
        in warnings[1]


def test_each_quotation_is_cut_on_its_own_and_keeps_its_run():
    table = {"가.": FIRST, "나.": other(0.9), "다.": FIRST, "라.": other(0.9)}
    units = [QuoteBlock([1, 2], 0), QuoteBlock([3, 4], 1)]
    found, warnings = cut(["가.", "나.", "다.", "라."], table, units)
    assert found == [([1], 0), ([2], 0), ([3], 1), ([4], 1)]
    assert "opened at paragraph 4 fits source 2" in warnings[1]


def test_a_quotation_of_one_paragraph_is_left_alone():
    found, warnings = cut(["가."], {"가.": FIRST})
    assert (found, warnings) == ([([1], 0)], [])
