"""The plain-text reader: the first line that is not blank is the title, every other
non-blank line a paragraph numbered by its line in the file, the source list left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from podcaster.errors import PostError
from podcaster.text.readers.text import TextReader

P = Path("2025-03-04-a.txt")


def parse(text: str):
    post = TextReader().parse(text, P)
    return (post.title, [(p.text, p.line, p.quoted) for p in post.paragraphs],
            [(s.n, s.title, s.outlet, s.line) for s in post.sources])


@pytest.mark.parametrize(("text", "expected"), [
    ("제목\n첫 줄입니다.\n둘째 줄입니다.\n",
     ("제목", [("첫 줄입니다.", 2, False), ("둘째 줄입니다.", 3, False)], [])),
    ("\n  \n  제목  줄 \n\n첫 줄입니다.\n",                 # blank lines before the title
     ("제목 줄", [("첫 줄입니다.", 5, False)], [])),
    ("제목\n첫 줄입니다.\n\n1. 새 위성 발사 -한빛일보-\n2. 달 탐사 (구름신문)\n",
     ("제목", [("첫 줄입니다.", 2, False)],
      [(1, "새 위성 발사", "한빛일보", 4), (2, "달 탐사", "구름신문", 5)])),
    ("\n제목\n첫 줄입니다.\n출처\n1. 새 위성 발사 -한빛일보-\n",   # the label goes with it
     ("제목", [("첫 줄입니다.", 3, False)], [(1, "새 위성 발사", "한빛일보", 5)])),
    ("제목\n1. 새 위성 발사 -한빛일보-\n끝 인사입니다.\n",          # not at the end: read
     ("제목", [("1. 새 위성 발사 -한빛일보-", 2, False), ("끝 인사입니다.", 3, False)], [])),
])
def test_text_post(text, expected):
    assert parse(text) == expected


@pytest.mark.parametrize("text", ["", "\n", " \n\t\n"])
def test_a_text_of_blank_lines_is_empty(text):
    with pytest.raises(PostError) as caught:
        TextReader().parse(text, P)
    assert (caught.value.path, caught.value.problem) == (P, "the file is empty")
