"""Which paragraphs are quotes, each rule from both sides: a paragraph closed by a
mismatched double mark is a quote only when the marks inside it pair up (each kind of mark),
and a quote over several paragraphs (reopened English-style with any double mark, or with
the same corner bracket; blank paragraphs inside; marks nested in its last paragraph)."""

from __future__ import annotations

from pathlib import Path

import pytest

from podcaster.errors import PostError
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


# Straight marks (" and ＂) are the same mark both ways: one after a space, an opening
# parenthesis or at the start opens, any other closes (and the last of a paragraph closes).
STRAIGHT = [
    (('"그는 네"라고 했다',), [('"그는 네"라고 했다', False, False, 2, False)]),   # phrase + words
    (('"그는 "네" 하고 웃었다"',), [('그는 "네" 하고 웃었다', True, False, 2, False)]),
    (('"그는 "네"라고 했다', '이어서 말했다"'),                     # after a space: opens
     [('그는 "네"라고 했다', True, False, 2, False), ("이어서 말했다", True, True, 3, False)]),
    (('"그는 ("네")라고 했다', '이어서 말했다"'),                   # after a parenthesis
     [('그는 ("네")라고 했다', True, False, 2, False), ("이어서 말했다", True, True, 3, False)]),
    (('"그는 "네"', '이어서 말했다"'),                              # last of the paragraph
     [('그는 "네"', True, False, 2, False), ("이어서 말했다", True, True, 3, False)]),
    (('"하나', '둘" 하고 그가 말했다.'),                            # closed mid-paragraph
     [('"하나', False, False, 2, False), ('둘" 하고 그가 말했다.', False, False, 3, False)]),
    (('"하나', '둘 "셋" 넷"'),
     [("하나", True, False, 2, False), ('둘 "셋" 넷', True, True, 3, False)]),
    (('"하나', '둘 "셋 넷"'),                                       # the inner one never closes
     [("하나", True, False, 2, True), ('둘 "셋 넷"', False, False, 3, False)]),
    (('"하나', '"둘'), [("하나", True, False, 2, True), ("둘", True, True, 3, False)]),
    (('"하나', '"'), [("하나", True, False, 2, False)]),             # a mark alone closes
    (('"그가 외쳤다 “잠깐 "',), [("그가 외쳤다 “잠깐", True, False, 2, False)]),  # last: closes
    (('"그가 말했다 "네', '하고 끝냈다"'),                          # one before the last: opens
     [('그가 말했다 "네', True, False, 2, False), ("하고 끝냈다", True, True, 3, False)]),
]


@pytest.mark.parametrize("mark", ['"', "＂"], ids=["ascii", "fullwidth"])
@pytest.mark.parametrize(("texts", "expected"), STRAIGHT, ids=[f"s{k}" for k in range(len(STRAIGHT))])
def test_straight_marks_open_after_a_space_and_close_after_a_word(mark, texts, expected):
    texts = tuple(t.replace('"', mark) for t in texts)
    expected = [(t.replace('"', mark), *rest) for t, *rest in expected]
    assert blocks(*texts) == expected


@pytest.mark.parametrize(("texts", "expected"), [
    # blank paragraphs, first and last too, are skipped
    (("", "하나", " ", "둘", ""), [("하나", False, False, 3, False), ("둘", False, False, 5, False)]),
    # an empty quote says nothing, whatever its marks
    (("앞", "“”", "뒤"), [("앞", False, False, 2, False), ("뒤", False, False, 4, False)]),
    (("앞", "“「」”", "뒤"), [("앞", False, False, 2, False), ("뒤", False, False, 4, False)]),
    # the paragraph after a one-paragraph quote is read
    (("“하나”", "둘"), [("하나", True, False, 2, False), ("둘", False, False, 3, False)]),
    # a mark alone opens a quote that a later paragraph closes (each double mark)
    (('"', '인용입니다"', "논평"),
     [("인용입니다", True, False, 3, False), ("논평", False, False, 4, False)]),
    (("“", "인용입니다”", "논평"),
     [("인용입니다", True, False, 3, False), ("논평", False, False, 4, False)]),
    # the post ends in a quote reopened English-style: its first paragraph is flagged unclosed
    (("“하나", "“둘"), [("하나", True, False, 2, True), ("둘", True, True, 3, False)]),
    # a straight mark right after the opening curly one, or right before the closing mark
    (('“"예"라고 답했다"',), [('"예"라고 답했다', True, False, 2, False)]),
    (('“그가 답했다 "예""',), [('그가 답했다 "예"', True, False, 2, False)]),
    # reopened with a nested quote first, closed by a mismatched mark
    (("“하나", '““가”라고 했다"'),
     [("하나", True, False, 2, False), ("“가”라고 했다", True, True, 3, False)]),
], ids=lambda v: None)
def test_blank_empty_and_mark_alone_paragraphs(texts, expected):
    assert blocks(*texts) == expected


def test_format_quotes_are_one_quotation_each():
    paragraphs = [*quoted("하나", "둘"), *quoted("셋", group=2),
                  Paragraph("논평", 6), *quoted("넷", group=2)]
    assert from_paragraphs(paragraphs) == [
        ("하나", True, False, 3, False), ("둘", True, True, 4, False),
        ("셋", True, False, 3, False), ("논평", False, False, 6, False),
        ("넷", True, False, 3, False)]


def test_quoted_paragraphs_without_a_group_are_quotations_of_their_own():
    paragraphs = [Paragraph("하나", 2, True), Paragraph("둘", 3, True)]
    assert from_paragraphs(paragraphs) == [("하나", True, False, 2, False),
                                           ("둘", True, False, 3, False)]


def test_a_quote_over_paragraphs_inside_a_format_quote_continues_it():
    assert from_paragraphs(quoted("앞 인용", "“하나", "둘”", "뒤 인용")) == [
        ("앞 인용", True, False, 3, False), ("하나", True, True, 4, False),
        ("둘", True, True, 5, False), ("뒤 인용", True, True, 6, False)]


def test_a_mark_never_closed_inside_a_format_quote_is_warned_about(caplog):
    paragraphs = [Paragraph("앞 문단", 2), *quoted("“하나", "둘"), Paragraph("뒤 문단", 5)]
    with caplog.at_level("WARNING", logger="podcaster.text.readers.paragraphs"):
        from_paragraphs(paragraphs)
    assert caplog.messages == ["2025-03-04-a.txt: quote mark at line 3 is not closed"]


@pytest.mark.parametrize(("line", "where"), [(7, "line 7"), (0, "a paragraph")])
def test_a_mark_alone_that_nothing_closes_stops_the_build(line, where):
    with pytest.raises(PostError) as caught:
        blocks_from_paragraphs([Paragraph("논평", 5), Paragraph("“", line)], P)
    assert caught.value.path == P
    assert caught.value.problem == (
        f"unclosed quote at {where}: “: a quote mark alone quotes nothing; add the closing "
        "mark where the quote ends, or remove the mark")


def test_the_paragraph_after_a_format_quote_closed_mid_paragraph_is_read_on_its_own():
    paragraphs = [*quoted('"하나', '둘" 하고 말했다'), Paragraph("“새 인용”", 5)]
    assert from_paragraphs(paragraphs) == [
        ('"하나', True, False, 3, False), ('둘" 하고 말했다', True, True, 4, False),
        ("새 인용", True, False, 5, False)]


def test_a_format_quote_after_the_authors_paragraph_starts_a_quotation():
    paragraphs = [Paragraph('"하나', 2), *quoted('둘" 하고 말했다', "셋")]
    assert from_paragraphs(paragraphs) == [
        ('"하나', False, False, 2, False), ('둘" 하고 말했다', True, False, 3, False),
        ("셋", True, True, 4, False)]
