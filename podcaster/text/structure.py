"""The shape of a post's quotes: quote blocks, runs of them, and the greeting's own count.

A quote block is one quotation: a paragraph wrapped in quote marks, or the paragraphs of one
long quote (one ``<blockquote>``, or a quote whose marks span several paragraphs). A run is a
sequence of quote blocks with no paragraph of the author's between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from podcaster.model import Block

# Korean numerals a greeting counts articles with ("세 가지", "기사 세 개", "두 건").
_NUMERALS = {
    "한": 1, "하나": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "석": 3, "네": 4, "넷": 4,
    "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10,
}  # fmt: skip
_NUM = r"(\d{1,2}|" + "|".join(sorted(_NUMERALS, key=len, reverse=True)) + ")"
_ITEM = r"(?:기사|소식|뉴스|이야기|꼭지)"
_COUNT_PATTERNS = [
    re.compile(rf"(?<![가-힣]){_NUM}\s*가지(?:의)?\s*{_ITEM}"),
    re.compile(rf"{_ITEM}\s*{_NUM}\s*(?:개|건|편|꼭지|가지)(?=[^가-힣]|$|[를을이가와과도만입은는의])"),
    re.compile(rf"(?<![가-힣]){_NUM}\s*(?:개|건|편|꼭지)(?:의)?\s*{_ITEM}"),
    re.compile(rf"(?<![가-힣]){_NUM}\s*건(?:을|를|입니다|이|만|의|\s|[.,!])"),
]


@dataclass
class QuoteBlock:
    """One quotation: the indices of its paragraphs in ``post.blocks``, and its run."""

    blocks: list[int]
    run: int

    def text(self, blocks: list[Block]) -> str:
        return " ".join(blocks[i].text for i in self.blocks)


def quote_blocks(blocks: list[Block]) -> list[QuoteBlock]:
    """The post's quote blocks in order, each with the number of its run (from 0)."""
    units: list[QuoteBlock] = []
    run = -1
    for i, block in enumerate(blocks):
        if not block.quoted:
            continue
        new_run = i == 0 or not blocks[i - 1].quoted
        if new_run:
            run += 1
        if block.continues and not new_run and units:
            units[-1].blocks.append(i)
        else:
            units.append(QuoteBlock([i], run))
    return units


def greeting_count(greeting: list[str]) -> int | None:
    """How many articles the greeting announces ("세 가지 소식", "기사 두 건"), or None when
    it says no number, or says different ones."""
    found = set()
    for text in greeting:
        for pattern in _COUNT_PATTERNS:
            for m in pattern.finditer(text):
                word = m.group(1)
                found.add(int(word) if word.isdigit() else _NUMERALS[word])
    return found.pop() if len(found) == 1 else None
