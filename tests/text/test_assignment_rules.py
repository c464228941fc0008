"""Pairing articles with sources from both sides: each threshold (the least score, the
margin, the ratio) at and past its value, each road to "no clear pairing", and the order."""

from __future__ import annotations

import pytest

from podcaster.text.assignment import ahead, clear_source, in_order, pair_clearly


@pytest.mark.parametrize(("best", "other", "is_ahead"), [
    (0.5, 0.25, True),  # twice as much, well past the margin
    (0.5, 0.26, False),  # not twice
    (0.1, 0.0, True),  # exactly the margin
    (0.09, 0.0, False),  # short of it
    (0.12, 0.05, False),  # twice, but within the margin
    (0.0, 0.0, False),
])
def test_a_score_is_ahead_by_the_margin_and_the_ratio_both(best, other, is_ahead):
    assert ahead(best, other) is is_ahead


@pytest.mark.parametrize(("scores", "source"), [
    ([], None),
    ([0.1], 0),  # the least score that pairs
    ([0.09], None),
    ([0.5, 0.25], 0),
    ([0.25, 0.5], 1),
    ([0.5, 0.26], None),
    ([0.5, 0.0, 0.26], None),  # every other source is passed, not only the next
    ([0.5, 0.0, 0.2], 0),
])
def test_the_clear_source_of_a_row_of_scores(scores, source):
    assert clear_source(scores) == source


@pytest.mark.parametrize(("score", "pairs"), [
    ([[0.0, 0.0], [0.5, 0.0]], [None, 0]),  # no evidence: no source, and the next goes on
    ([[0.5, 0.0], [0.0, 0.5]], [0, 1]),
    ([[0.0, 0.5], [0.5, 0.0]], [1, 0]),
    ([[0.5, 0.3]], None),  # fits no source clearly
    ([[0.5, 0.0], [0.3, 0.0]], None),  # two articles for one source
    ([[0.5, 0.0], [0.26, 0.9]], None),  # the source fits the other article nearly as well
    ([[0.0, 0.0], [0.5, 0.0], [0.26, 0.9]], None),  # ... after an article without evidence
    ([[0.5, 0.0], [0.2, 0.9]], [0, 1]),
])
def test_pairs_are_one_to_one_and_clear_or_nothing(score, pairs):
    assert pair_clearly(score) == pairs


@pytest.mark.parametrize(("pairs", "ordered"), [
    ([], True), ([None, None], True), ([0, None, 1], True), ([0, 2, 1], False),
    ([1, 0], False), ([0, 0], False), ([None, 1, None, 0], False),
])
def test_in_order_means_each_paired_source_after_the_one_before(pairs, ordered):
    assert in_order(pairs) is ordered
