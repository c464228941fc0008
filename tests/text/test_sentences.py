"""Korean sentence splitting and breaking long sentences into chunks."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podcaster.text.sentences import split_chunks, split_sentences


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("점유율은 52.9%였다. 다음 소식입니다.", ["점유율은 52.9%였다.", "다음 소식입니다."]),
        ("정말요? 네! 좋습니다.", ["정말요?", "네!", "좋습니다."]),
        ("정말요?! 그렇군요.", ["정말요?!", "그렇군요."]),
        ("“투자가 늘었다. 절반을 차지했다.” 그러나 다르다.",
         ["“투자가 늘었다.", "절반을 차지했다.”", "그러나 다르다."]),
        ('그는 "좋다."라고 말했다. 끝.', ['그는 "좋다."라고 말했다.', "끝."]),
        ("그는 “오늘은 쉽니다. 내일 봅시다”라고 말했다. 끝.",
         ["그는 “오늘은 쉽니다. 내일 봅시다”라고 말했다.", "끝."]),
        ('"가다." 나는 말했다. "오다"라고 했다.', ['"가다."', "나는 말했다.", '"오다"라고 했다.']),
        ("‘소라’로 만든 영화다. 좋다.", ["‘소라’로 만든 영화다.", "좋다."]),
        ("이는... 다시 말해 중요합니다.", ["이는... 다시 말해 중요합니다."]),
        ("하고 있다... 그것을 보았다.", ["하고 있다...", "그것을 보았다."]),
        ("보내시기를…", ["보내시기를…"]),
        ("기술(아마 딥페이크일 겁니다. 아니면?)을 썼다. 다음.",
         ["기술(아마 딥페이크일 겁니다. 아니면?)을 썼다.", "다음."]),
        ("Dr. Kim은 U.S. 정부와 만났다. 끝났다.", ["Dr. Kim은 U.S. 정부와 만났다.", "끝났다."]),
        ("1. 첫째 항목", ["1. 첫째 항목"]),
        ("했다.그리고 갔다.", ["했다.", "그리고 갔다."]),
        ("버전 3.14.2를 썼다. 끝.", ["버전 3.14.2를 썼다.", "끝."]),
        ("첫 줄\n둘째 줄이다.", ["첫 줄", "둘째 줄이다."]),
        ("문장 끝에 마침표가 없다", ["문장 끝에 마침표가 없다"]),
        ("  \n ", []),
    ],
)  # fmt: skip
def test_split_sentences(text, sentences):
    assert split_sentences(text) == sentences


def test_split_sentences_keeps_every_character():
    text = "“미국은 687건(23.2%)으로 2위였다. 한국은 105건이다.” 네, 그렇습니다! 왜일까요?"
    assert "".join(split_sentences(text)).replace(" ", "") == text.replace(" ", "")


def test_sample_post_sentences(sample_post):
    text = sample_post.path.read_text(encoding="utf-8")
    sentences = split_sentences(text)
    assert "".join(sentences).replace(" ", "") == re.sub(r"\s", "", text)
    for s in sentences:
        # no sentence starts inside a number or right after a decimal point
        assert not re.match(r"\d", s) or re.match(r"\d+\. ", s), s
        assert not s.startswith(("”", "’", ")")), s
    assert any(sample_post.quote_end in s for s in sentences)


def test_chunks_fit_and_never_cut_words():
    text = "가나다라 마바사아 " * 30
    chunks = split_chunks(text, limit=40)
    assert all(len(c) <= 40 for c in chunks)
    assert " ".join(chunks).split() == text.split()


def test_short_text_is_one_chunk():
    assert split_chunks("짧은 문장입니다.", limit=100) == ["짧은 문장입니다."]


def test_chunks_prefer_commas():
    text = (
        "이번 행사에서는 새 브라우저와 소셜미디어형 서비스를 공개한다, 전용 기기도 함께 선보인다."
    )
    assert split_chunks(text, limit=40) == [
        "이번 행사에서는 새 브라우저와 소셜미디어형 서비스를 공개한다,",
        "전용 기기도 함께 선보인다.",
    ]


def test_chunks_break_after_clause_endings():
    text = "중국이 가장 많은 투자를 받았고 미국이 그 뒤를 이었으며 한국은 아주 적은 몫에 머물렀다."
    chunks = split_chunks(text, limit=35)
    assert all(len(c) <= 35 for c in chunks)
    assert all(re.search(r"(고|며|다\.)$", c) for c in chunks), chunks


def test_chunks_are_balanced():
    text = "글자 " * 60  # 180 characters
    chunks = split_chunks(text, limit=100)
    assert len(chunks) == 2
    assert abs(len(chunks[0]) - len(chunks[1])) <= 10


def test_a_word_longer_than_the_limit_is_cut():
    chunks = split_chunks("가" * 25, limit=10)
    assert chunks == ["가" * 10, "가" * 10, "가" * 5]


def test_bad_limit():
    with pytest.raises(ValueError):
        split_chunks("가", limit=0)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ.. 가1", max_size=40))
def test_the_word_before_a_full_stop_is_the_trailing_run_of_letters_and_stops(text):
    from podcaster.text.sentences import _word_before

    found = re.search(r"([A-Za-z.]+)$", text)
    assert _word_before(text) == (found.group(1) if found else "")


def test_a_long_run_of_letters_and_full_stops_is_split_as_a_short_one():
    assert split_sentences("메일 " + "a." * 5000 + "입니다. 끝입니다.") == [
        "메일 " + "a." * 5000 + "입니다.", "끝입니다."]
    assert split_sentences("Dr. Kim은 왔다. 끝.") == ["Dr. Kim은 왔다.", "끝."]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="..?!…)”\" 가a", max_size=25))
def test_sentence_ends_are_found_where_they_were_with_a_run_tried_once(text):
    from podcaster.text import sentences

    closers = re.escape(sentences._CLOSERS)
    every_mark = re.compile(rf"(?:[.?!]+|…+)[{closers}]*(?=\s|$)"
                            rf"|(?<=[{sentences._HANGUL}])\.(?=[{sentences._HANGUL}])")
    assert [m.span() for m in sentences._END_RE.finditer(text)] == \
        [m.span() for m in every_mark.finditer(text)]
