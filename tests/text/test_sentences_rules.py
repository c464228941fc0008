"""Sentence rules from both sides: each length limit at and past its value, each mark that
ends a sentence or not, asides lifted out with the host's end made one full stop, and where
a long sentence is cut for the engine (the kind of break against the balance of the pieces)."""

from __future__ import annotations

import pytest

from podcaster.text.sentences import lift_asides, split_chunks, split_sentences

# --- how far a quotation or a parenthesis holds sentences together --------------------------


def quoted(length: int) -> str:
    """A quotation of ``length`` characters, marks included, holding two sentences."""
    body = "가" * 10 + "다. " + "나" * (length - 17) + "다."
    return f'"{body}"'


@pytest.mark.parametrize(("length", "pieces"), [(300, 2), (301, 3)])
def test_a_quotation_glued_to_a_korean_ending_holds_up_to_300_characters(length, pieces):
    quote = quoted(length)
    assert len(quote) == length
    sentences = split_sentences(f"그는 {quote}라고 말했다. 끝이다.")
    assert len(sentences) == pieces
    assert sentences[-1] == "끝이다."


def test_a_quotation_with_no_korean_ending_glued_to_it_ends_its_sentences():
    assert split_sentences('"좋다. 가자." 그가 말했다.') == ['"좋다.', '가자."', "그가 말했다."]
    assert split_sentences('"좋다. 가자."라고 말했다.') == ['"좋다. 가자."라고 말했다.']


@pytest.mark.parametrize(("inside", "split"), [(198, False), (199, True)])
def test_an_open_parenthesis_holds_sentences_for_200_characters(inside, split):
    line = "기술(" + "가" * inside + "다. 나머지다."
    expected = ["기술(" + "가" * inside + "다.", "나머지다."] if split else [line]
    assert split_sentences(line) == expected


def test_a_parenthesis_at_the_start_of_a_sentence_holds_it_too():
    assert split_sentences("(가나다. 라마다.) 끝이다.") == ["(가나다. 라마다.)", "끝이다."]
    assert split_sentences("앞이다. (가나다. 라마다.) 끝이다.") == [
        "앞이다.", "(가나다. 라마다.)", "끝이다."]


def test_a_closed_parenthesis_holds_nothing():
    assert split_sentences("기술(AI)이다. 끝이다.") == ["기술(AI)이다.", "끝이다."]
    assert split_sentences("기술(AI) (보조)이다. 끝이다.") == ["기술(AI) (보조)이다.", "끝이다."]
    assert split_sentences("기술(가(나)다. 끝이다.") == ["기술(가(나)다. 끝이다."]


def test_an_ellipsis_after_a_final_syllable_ends_a_sentence_even_after_a_space():
    assert split_sentences("하고 있다 ... 그것을 보았다.") == ["하고 있다 ...", "그것을 보았다."]
    assert split_sentences("하고 있는 ... 그것을 보았다.") == ["하고 있는 ... 그것을 보았다."]
    assert split_sentences("하고 있다… 그것을 보았다.") == ["하고 있다…", "그것을 보았다."]
    assert split_sentences("하고 있는… 그것을 보았다.") == ["하고 있는… 그것을 보았다."]


@pytest.mark.parametrize(("text", "sentences"), [
    ("Dr. Kim과 만났다. 끝이다.", ["Dr. Kim과 만났다.", "끝이다."]),
    ("DR. Kim과 만났다. 끝이다.", ["DR. Kim과 만났다.", "끝이다."]),
    ("자료는 e.g. 표와 같다. 끝이다.", ["자료는 e.g. 표와 같다.", "끝이다."]),
    ("팀장은 Kim. 그는 떠났다.", ["팀장은 Kim.", "그는 떠났다."]),
    ("12. 항목이다. 끝이다.", ["12. 항목이다.", "끝이다."]),
    ("1234. 숫자다.", ["1234.", "숫자다."]),
    ("왜? 그렇다!", ["왜?", "그렇다!"]),
    (". 점이다.", [". 점이다."]),
    # the list marker is looked for since the sentence before, not from the line's start
    ("첫 문장이다. 2. 둘째 항목이다.", ["첫 문장이다.", "2. 둘째 항목이다."]),
    # an abbreviation inside quotes, and one right after an ellipsis
    ('그를 "Mr." 라고 불렀다. 끝이다.', ['그를 "Mr." 라고 불렀다.', "끝이다."]),
    ("잠깐...Dr. Kim이 들어왔다. 끝이다.", ["잠깐...Dr. Kim이 들어왔다.", "끝이다."]),
])  # fmt: skip
def test_a_full_stop_after_an_abbreviation_or_a_list_marker_ends_nothing(text, sentences):
    assert split_sentences(text) == sentences


# --- asides lifted out of a sentence -------------------------------------------------------

@pytest.mark.parametrize(("sentence", "spoken"), [
    ("변조기술(아마 딥페이크일까요?)을 썼다.", "변조기술을 썼다. 아마 딥페이크일까요?"),
    ("변조기술(아마 딥페이크일까요?)을 썼다...", "변조기술을 썼다. 아마 딥페이크일까요?"),
    ("변조기술(아마 딥페이크일까요?)을 썼다..", "변조기술을 썼다. 아마 딥페이크일까요?"),
    ("변조기술(아마 딥페이크일까요?)을 썼다…", "변조기술을 썼다. 아마 딥페이크일까요?"),
    ("변조기술(아마 딥페이크일까요?)을 썼다!", "변조기술을 썼다! 아마 딥페이크일까요?"),
    ("변조기술(아마 딥페이크일까요?)을 썼나?", "변조기술을 썼나? 아마 딥페이크일까요?"),
    ("변조기술(아마 딥페이크일까요?)을 썼다", "변조기술을 썼다. 아마 딥페이크일까요?"),
    ("…그래서(정말일까?) 갔다", "…그래서 갔다. 정말일까?"),
    ("옷 사이즈(엑스라지일까요?)는 XX", "옷 사이즈는 XX. 엑스라지일까요?"),
    ("(정말일까?)", "정말일까?"),
    ("기술(AI)을 썼다.", "기술(AI)을 썼다."),
])  # fmt: skip
def test_asides_go_after_the_sentence_whose_end_is_one_mark(sentence, spoken):
    assert lift_asides(sentence) == spoken


# --- chunks for the engine -----------------------------------------------------------------

@pytest.mark.parametrize(("text", "limit", "chunks"), [
    # exactly the limit is one chunk
    ("가나다 라마", 6, ["가나다 라마"]),
    ("가나다 라마바", 6, ["가나다", "라마바"]),
    # punctuation at the smallest balanced size still beats a space nearer the middle
    ("좋다, 가격은 성능은 성능은", 13, ["좋다,", "가격은 성능은 성능은"]),
    # a break exactly at the limit is allowed
    ("오늘 가격은 기다렸다; x", 12, ["오늘 가격은 기다렸다;", "x"]),
    # of two breaks as good, the first
    ("새 칩이 사람들은 나왔고", 12, ["새 칩이", "사람들은 나왔고"]),
    # at tiny limits a break one character in is allowed
    ("기다렸다; 새 x", 4, ["기다렸다", ";", "새 x"]),
    ("가 나", 1, ["가", "나"]),
    # no break in the balanced window: the last space within the limit, else a hard cut
    ("a b c " + "x" * 20, 10, ["a b c", "x" * 10, "x" * 10]),
    ("a " + "x" * 9 + " " + "y" * 20, 10, ["a", "x" * 9, "y" * 10, "y" * 10]),
    ("a b c " + "x" * 20 + " y", 10, ["a b c", "x" * 10, "x" * 10, "y"]),
])  # fmt: skip
def test_where_a_long_sentence_is_cut(text, limit, chunks):
    assert split_chunks(text, limit) == chunks


def test_a_limit_below_one_is_refused_with_its_reason():
    with pytest.raises(ValueError, match=r"^limit must be positive$"):
        split_chunks("가", 0)
    assert split_chunks("가", 1) == ["가"]


def test_chunks_are_at_most_100_characters_unless_told_otherwise():
    assert split_chunks("가" * 100) == ["가" * 100]
    assert split_chunks("가" * 101) == ["가" * 100, "가"]


def test_chunks_are_made_of_the_words_spaced_once():
    assert split_chunks("  가나다   라마  ", 20) == ["가나다 라마"]
    assert split_chunks("가나다   라마바  사아자", 8) == ["가나다 라마바", "사아자"]
