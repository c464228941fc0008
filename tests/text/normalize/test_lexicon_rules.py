"""The lexicon matches an entry only where it does not end inside a Latin word or a number,
judged by the entry's last character whatever comes before it."""

import pytest

from podcaster.text.normalize.lexicon import BUILTIN, Lexicon


@pytest.mark.parametrize(
    "written,said",
    [
        ("GPT-4", "지피티 포"),
        ("GPT-4.5", "GPT-4.5"),
        ("GPT-45", "GPT-45"),
        ("GPT-4o", "지피티 포오"),
    ],
)
def test_a_builtin_entry_ending_in_a_digit_is_not_found_inside_a_longer_number(written, said):
    assert Lexicon(BUILTIN, ignore_case=True)(written) == said


@pytest.mark.parametrize(
    "written,said",
    [("한A", "한에이"), ("한AB", "한AB"), ("한A2", "한A2"), ("한A.5", "한A.5"), ("한A 책", "한에이 책")],
)
def test_an_entry_ending_in_a_latin_letter_after_hangul(written, said):
    assert Lexicon({"한A": "한에이"})(written) == said
