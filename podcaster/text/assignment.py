"""Articles paired with sources in any order, when the evidence pairs them clearly.

The order of sources is a prior, not a wall: authors list sources by importance, or add the
foreign one last. An article and a source pair *clearly* when the article's title score for
that source is at least ``PAIR_MIN`` and ahead, by ``PAIR_MARGIN`` and by a factor of
``PAIR_RATIO``, of

- its score for every other source (the article fits this source, not another), and
- every other article's score for that source (the source fits this article, not another).

An article with no title evidence at all pairs with nothing (it is read without an outlet).
The pairing is one-to-one or it is nothing: when an article with evidence pairs with no
source clearly, or two articles pair with one source, the caller keeps the monotonic rule.
"""

from __future__ import annotations

# An article's title score this high can pair it with a source.
PAIR_MIN = 0.1
# How far a pair's score must be ahead of each alternative: by this much, and this many times.
PAIR_MARGIN = 0.1
PAIR_RATIO = 2.0


def ahead(best: float, other: float) -> bool:
    """True when the score ``best`` is clearly ahead of ``other``."""
    return best - other >= PAIR_MARGIN and best >= PAIR_RATIO * other


def clear_source(scores: list[float]) -> int | None:
    """The source whose score is at least ``PAIR_MIN`` and clearly ahead of every other
    source's, or None."""
    if not scores:
        return None
    best = max(range(len(scores)), key=scores.__getitem__)
    if scores[best] < PAIR_MIN:
        return None
    if all(ahead(scores[best], other) for source, other in enumerate(scores) if source != best):
        return best
    return None


def pair_clearly(score: list[list[float]]) -> list[int | None] | None:
    """A source for each article (row of ``score``, one column per source), or None for an
    article without any title evidence; None instead of the list when the evidence does not
    pair the articles and sources one-to-one clearly."""
    pairs: list[int | None] = []
    for row in score:
        if not any(row):
            pairs.append(None)
            continue
        source = clear_source(row)
        if source is None:
            return None
        pairs.append(source)
    for article, source in enumerate(pairs):
        if source is None:
            continue
        rivals = [row[source] for other, row in enumerate(score) if other != article]
        if not all(ahead(score[article][source], rival) for rival in rivals):
            return None
    return pairs


def in_order(pairs: list[int | None]) -> bool:
    """True when the paired sources follow the order of the list."""
    paired = [source for source in pairs if source is not None]
    return all(a < b for a, b in zip(paired, paired[1:]))
