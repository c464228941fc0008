"""Where the spoken text differs from the written one, for showing changes to a user."""

from __future__ import annotations

from difflib import SequenceMatcher

Spans = list[tuple[str, bool]]


def changed_spans(written: str, spoken: str) -> tuple[Spans, Spans]:
    """Split both texts into ``(piece, changed)`` runs that line up with each other.

    ``changed_spans("3개", "세 개")`` → ``([("3", True), ("개", False)],
    [("세 ", True), ("개", False)])``. A lone unchanged character between two changes is
    folded into the change, so a reading like 에이아이 is not shown in fragments.
    """
    ops = SequenceMatcher(None, written, spoken, autojunk=False).get_opcodes()
    runs: list[list] = []  # [written piece, spoken piece, changed]
    for i, (tag, a1, a2, b1, b2) in enumerate(ops):
        changed = tag != "equal"
        lone = 0 < i < len(ops) - 1 and not changed and a2 - a1 <= 1
        if (changed or lone) and runs and runs[-1][2]:
            runs[-1][0] += written[a1:a2]
            runs[-1][1] += spoken[b1:b2]
        else:
            runs.append([written[a1:a2], spoken[b1:b2], changed or lone])
    left = [(w, c) for w, _, c in runs if w]
    right = [(s, c) for _, s, c in runs if s]
    return left, right
