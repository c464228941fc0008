"""Which paragraphs are quotes, each rule from both sides: a paragraph closed by a
mismatched double mark is a quote only when the marks inside it pair up (each kind of mark),
and a quote over several paragraphs (reopened English-style with any double mark, or with
the same corner bracket; blank paragraphs inside; marks nested in its last paragraph)."""

from __future__ import annotations

from pathlib import Path

import pytest

from podcaster.text.readers.paragraphs import Paragraph, blocks_from_paragraphs

P = Path("2025-03-04-a.txt")


def blocks(*texts: str) -> list[tuple]:
    paragraphs = [Paragraph(text, n + 2) for n, text in enumerate(texts)]
    return [(b.text, b.quoted, b.continues, b.line, b.unclosed)
            for b in blocks_from_paragraphs(paragraphs, P)]


# A paragraph opened with “ and ended with a straight ": a quote when what is inside pairs up.
@pytest.mark.parametrize(("text", "expected"), [
    ('“그는 “예”라고 했다"', ("그는 “예”라고 했다", True, False, 2, False)),
    ('“그는 “가 “나” 다” 라고 했다"', ("그는 “가 “나” 다” 라고 했다", True, False, 2, False)),
    ('“그는 “예라고 했다"', ('그는 “예라고 했다"', True, False, 2, True)),      # “ left open
    ('“그는 ”예“라고 했다"', ('“그는 ”예“라고 했다"', False, False, 2, False)),  # ” before “
    ('“그는 "예"라고 했다"', ('그는 "예"라고 했다', True, False, 2, False)),
    ('“그는 "예라고 했다"', ('그는 "예라고 했다"', True, False, 2, True)),      # odd "
    ('“그는 ＂예＂라고 했다"', ("그는 ＂예＂라고 했다", True, False, 2, False)),
    ('“그는 ＂예라고 했다"', ('그는 ＂예라고 했다"', True, False, 2, True)),    # odd ＂
])
def test_a_mismatched_closing_mark_closes_when_the_inside_pairs_up(text, expected):
    assert blocks(text) == [expected]


@pytest.mark.parametrize(("texts", "expected"), [
    # English style: each paragraph opens again, only the last would close
    (("“하나", "“둘", "셋 논평"),
     [("하나", True, False, 2, True), ("둘", True, True, 3, False),
      ("셋 논평", False, False, 4, False)]),
    (("“하나", '"둘', "셋 논평"),                       # reopened with another double mark
     [("하나", True, False, 2, True), ("둘", True, True, 3, False),
      ("셋 논평", False, False, 4, False)]),
    (("“", "“인용 하나", "논평입니다."),                # a mark alone, then reopened
     [("인용 하나", True, False, 3, True), ("논평입니다.", False, False, 4, False)]),
    # closed at the end of a later paragraph
    (("“하나", "", "둘”"), [("하나", True, False, 2, False), ("둘", True, True, 4, False)]),
    (("“하나", "“", "둘”"),                             # a mark alone does not reopen
     [("하나", True, False, 2, False), ("“", True, True, 3, False),
      ("둘", True, True, 4, False)]),
    (("“하나", "“가", "둘”"),
     [("하나", True, False, 2, False), ("가", True, True, 3, False),
      ("둘", True, True, 4, False)]),
    (("“하나", "“가”"), [("하나", True, False, 2, False), ("가", True, True, 3, False)]),
    (("「하나", "둘」"), [("하나", True, False, 2, False), ("둘", True, True, 3, False)]),
    (("「하나", "둘 「셋」 넷」"),                       # a pair nested in the last paragraph
     [("하나", True, False, 2, False), ("둘 「셋」 넷", True, True, 3, False)]),
])
def test_a_quote_over_several_paragraphs(texts, expected):
    assert blocks(*texts) == expected


def quoted(*texts: str, group: int = 1) -> list[Paragraph]:
    """Paragraphs of one format quote (one <blockquote>), from line 3 on."""
    return [Paragraph(text, n + 3, True, group) for n, text in enumerate(texts)]


def from_paragraphs(paragraphs: list[Paragraph]) -> list[tuple]:
    return [(b.text, b.quoted, b.continues, b.line, b.unclosed)
            for b in blocks_from_paragraphs(paragraphs, P)]


@pytest.mark.parametrize(("inside", "expected"), [
    # a mark never closed inside the format's quote: the marks are left, one quotation still
    (("“하나", "둘", "셋"),
     [("“하나", True, False, 3, False), ("둘", True, True, 4, False),
      ("셋", True, True, 5, False)]),
    # closed in the middle of a later paragraph: the author's words, still one quotation
    (('"하나', '둘" 하고 말했다', "셋"),
     [('"하나', True, False, 3, False), ('둘" 하고 말했다', True, True, 4, False),
      ("셋", True, True, 5, False)]),
], ids=["unclosed", "closed-mid-paragraph"])
def test_a_format_quote_with_a_mark_that_does_not_wrap_it_stays_one_quotation(inside, expected):
    paragraphs = [Paragraph("앞 문단", 2), *quoted(*inside), Paragraph("뒤 문단", 6)]
    assert from_paragraphs(paragraphs) == [("앞 문단", False, False, 2, False), *expected,
                                           ("뒤 문단", False, False, 6, False)]
