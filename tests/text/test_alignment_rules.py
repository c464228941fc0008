"""Matching articles with sources in order, from both sides: a source only where the score
is positive, each source once, the order kept, and every way back through the table."""

from __future__ import annotations

import pytest

from podcaster.text.alignment import match_in_order


@pytest.mark.parametrize(("score", "sources"), [
    ([[0.0]], [None]),  # no evidence: no source, even with nothing else to take
    ([[0.5]], [0]),
    ([[0.0, 0.5]], [1]),  # the first source left out
    ([[0.0, 0.5, 0.0]], [1]),
    ([[0.5, 0.0, 0.0]], [0]),
    ([[0.5, 0.0, 0.0, 0.0]], [0]),  # back over three sources without evidence
    ([[0.0, 0.0, 0.0, 0.5]], [3]),
    ([[0.0, 0.0], [0.0, 0.5]], [None, 1]),
    ([[0.0, 0.5], [0.0, 0.0]], [1, None]),
    ([[0.0, 0.5], [0.0, 0.0], [0.0, 0.0]], [1, None, None]),
    ([[0.4, 0.0], [0.0, 0.0], [0.0, 0.6]], [0, None, 1]),
    ([[0.0, 0.6], [0.5, 0.0]], [1, None]),  # in order: the better one of the two
    ([[0.0, 0.4], [0.5, 0.0]], [None, 0]),
    ([[0.3, 0.4], [0.3, 0.0]], [1, None]),  # one pair of 0.4 beats one of 0.3
    ([[0.3, 0.4], [0.0, 0.3]], [0, 1]),  # 0.3 + 0.3 beats 0.4
])  # fmt: skip
def test_each_source_once_in_order_where_the_score_is_positive(score, sources):
    assert match_in_order(score) == sources
