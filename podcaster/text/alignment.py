"""Monotonic alignments of quote blocks to sources (the order of sources is the order of
the articles), given a score for every pair: the two dynamic programmes of attribution."""

from __future__ import annotations

# Costs: leaving a source unquoted, switching article without evidence.
SKIP_COST = 0.25
SWITCH_COST = 0.01
# Scores closer than this are equal (float rounding must not decide between two sources).
TIE = 1e-9


def align_in_order(sim: list[list[float]], strong: list[list[bool]],
                   starts: list[bool]) -> list[int]:
    """The source of each quote block, never decreasing, maximising the summed scores.

    ``sim[u][j]`` scores block ``u`` against source ``j``; ``strong[u][j]`` says the score
    rests on the title itself (not only on a hint such as the outlet's name); ``starts[u]``
    says block ``u`` opens a run of quotes. The source may change at a block with strong
    evidence for the new source, at the start of a run, or on a hint to the very next source
    (a hint never skips a source, nor starts past the first, and does not count in a block
    whose title evidence points elsewhere: an article cites other outlets); every source left unquoted
    costs ``SKIP_COST``; on a tie the current article goes on.
    """
    k, n = len(sim[0]), len(sim)
    minus = float("-inf")
    best = [sim[0][j] - SKIP_COST * j if j == 0 or strong[0][j] else minus for j in range(k)]
    back: list[list[int]] = []
    for u in range(1, n):
        new, ptr = [minus] * k, [0] * k
        hint_counts = not any(strong[u])
        # A switch from ``prev`` to ``j`` scores switch_key(prev) - switch_cost(j): the best
        # earlier source to come from is the one with the highest key (the earliest on a
        # tie, keys within TIE being equal), kept as the sources go by, so a block costs
        # time linear in the number of sources.
        leader, leader_key = -1, minus
        for j in range(k):
            if j and (strong[u][j] or starts[u]):
                prev = leader
            elif j and sim[u][j] > 0 and hint_counts:
                prev = j - 1
            else:
                prev = -1
            if prev >= 0:
                score = _switch_key(best, prev) - _switch_cost(j)
                if score > new[j]:
                    new[j], ptr[j] = score, prev
            if best[j] > new[j]:  # going on with source j; a switch wins a tie
                new[j], ptr[j] = best[j], j
            new[j] += sim[u][j]
            if _switch_key(best, j) > leader_key + TIE:
                leader, leader_key = j, _switch_key(best, j)
        best = new
        back.append(ptr)
    j = max(range(k), key=lambda x: best[x] - SKIP_COST * (k - 1 - x))
    path = [j]
    for ptr in reversed(back):
        j = ptr[j]
        path.append(j)
    path.reverse()
    return path


def _switch_key(best: list[float], prev: int) -> float:
    """What a switch away from source ``prev`` is worth, whichever later source it goes to."""
    return best[prev] + SKIP_COST * prev


def _switch_cost(j: int) -> float:
    """What a switch to source ``j`` costs beyond its key: the switch and the sources up to
    ``j`` it leaves unquoted (those before ``prev`` are already in the key)."""
    return SWITCH_COST + SKIP_COST * (j - 1)


def match_in_order(score: list[list[float]]) -> list[int | None]:
    """A source for each article, each source at most once and in order, only where the
    score is positive, maximising the summed scores; None for the others."""
    m, k = len(score), len(score[0])
    # table[a][j]: best total for the first a articles using the first j sources
    table = [[0.0] * (k + 1) for _ in range(m + 1)]
    for a in range(1, m + 1):
        for j in range(1, k + 1):
            pair = table[a - 1][j - 1] + score[a - 1][j - 1] if score[a - 1][j - 1] else -1
            table[a][j] = max(table[a - 1][j], table[a][j - 1], pair)
    sources: list[int | None] = [None] * m
    a, j = m, k
    while a and j:
        s = score[a - 1][j - 1]
        if s and table[a][j] == table[a - 1][j - 1] + s:
            sources[a - 1] = j - 1
            a, j = a - 1, j - 1
        elif table[a][j] == table[a - 1][j]:
            a -= 1
        else:
            j -= 1
    return sources
