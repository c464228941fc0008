"""The in-order alignment is linear in the number of sources per quote block, and decides
exactly as trying every earlier source for every source would (the programme as first
written, below, with a switch's score summed in the same order)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from podcaster.text.alignment import SKIP_COST, SWITCH_COST, TIE, align_in_order


def align_every_pair(sim, strong, starts):
    """The programme as first written: every earlier source tried for every source."""
    k, n = len(sim[0]), len(sim)
    minus = float("-inf")
    best = [sim[0][j] - SKIP_COST * j if j == 0 or strong[0][j] else minus for j in range(k)]
    back = []
    for u in range(1, n):
        new, ptr = [minus] * k, [0] * k
        for j in range(k):
            switch, switch_score = None, minus  # the best earlier source, earliest on a tie
            for prev in range(j):
                if strong[u][j] or starts[u] or (
                        sim[u][j] > 0 and prev == j - 1 and not any(strong[u])):
                    score = ((best[prev] + SKIP_COST * prev)
                             - (SWITCH_COST + SKIP_COST * (j - 1)))
                    if score > switch_score + TIE:
                        switch, switch_score = prev, score
            if switch is not None and switch_score > new[j]:
                new[j], ptr[j] = switch_score, switch
            if best[j] > new[j]:
                new[j], ptr[j] = best[j], j
            new[j] += sim[u][j]
        best = new
        back.append(ptr)
    j = max(range(k), key=lambda x: best[x] - SKIP_COST * (k - 1 - x))
    path = [j]
    for ptr in reversed(back):
        j = ptr[j]
        path.append(j)
    path.reverse()
    return path


# Scores as attribution gives them: mostly 0, some small fractions, ties on purpose.
SCORES = st.sampled_from([0.0, 0.0, 0.0, 0.1, 0.2, 0.25, 0.3, 1 / 3, 0.5, 0.75, 1.0])


@st.composite
def problems(draw):
    n = draw(st.integers(1, 7))
    k = draw(st.integers(1, 9))
    sim = [[draw(SCORES) for _ in range(k)] for _ in range(n)]
    strong = [[s > 0 and draw(st.booleans()) for s in row] for row in sim]
    starts = [True] + [draw(st.booleans()) for _ in range(n - 1)]
    return sim, strong, starts


@given(problems())
def test_the_linear_alignment_decides_as_trying_every_pair(problem):
    assert align_in_order(*problem) == align_every_pair(*problem)


def test_three_blocks_and_thousands_of_sources_align_as_before():
    k = 3000
    sim = [[0.0] * k for _ in range(3)]
    strong = [[False] * k for _ in range(3)]
    for u, j in ((0, 0), (1, 1500), (2, 2999)):
        sim[u][j], strong[u][j] = 1.0, True
    starts = [True, True, True]
    assert align_in_order(sim, strong, starts) == [0, 1500, 2999]
