"""Roman numerals, both sides of each rule: every value a Latin numeral can be read as in
English (I to XXXIX), after a monarch's name, after a series word or a title, after Korean;
and what stays as written (a lone letter after a plain word, a numeral after a lower-case
word, letters that are no numeral)."""

import pytest

from podcaster.text.normalize import normalize
from podcaster.text.normalize.particles import MARK
from podcaster.text.normalize.roman import read_roman_numerals

# every Latin numeral the reader accepts, with its English reading
ENGLISH = [
    ("I", "원"), ("II", "투"), ("III", "쓰리"), ("IV", "포"), ("V", "파이브"), ("VI", "식스"),
    ("VII", "세븐"), ("VIII", "에잇"), ("IX", "나인"), ("X", "텐"), ("XI", "일레븐"),
    ("XII", "트웰브"), ("XIII", "서틴"), ("XIV", "포틴"), ("XV", "피프틴"), ("XVI", "식스틴"),
    ("XVII", "세븐틴"), ("XVIII", "에이틴"), ("XIX", "나인틴"), ("XX", "트웬티"),
    ("XXI", "트웬티원"), ("XXII", "트웬티투"), ("XXIV", "트웬티포"), ("XXV", "트웬티파이브"),
    ("XXIX", "트웬티나인"), ("XXX", "서티"), ("XXXI", "서티원"), ("XXXIII", "서티쓰리"),
    ("XXXVI", "서티식스"), ("XXXIX", "서티나인"),
]  # fmt: skip


@pytest.mark.parametrize("written,said", ENGLISH)
def test_after_a_series_word_a_numeral_is_said_in_english(written, said):
    assert read_roman_numerals(f"Part {written}") == f"Part {said}"


@pytest.mark.parametrize(
    "text,said",
    [
        ("Elizabeth II", "Elizabeth 2세"),
        ("Louis XIV", "Louis 14세"),
        ("Henry VIII", "Henry 8세"),
        ("John Paul II", "John Paul 2세"),
        ("Pius IX", "Pius 9세"),
        ("Ⅻ", "12"),
        ("ⅻ", "12"),
        ("Ⅰ", "1"),
        ("시즌 Ⅱ", "시즌 2"),
        ("시즌 II", "시즌 2"),
        ("제IV장", "제4장"),
        ("챕터 XX", "챕터 20"),
    ],
)
def test_monarchs_take_se_and_korean_reads_digits(text, said):
    assert read_roman_numerals(text) == said


@pytest.mark.parametrize(
    "text,said",
    [
        # two letters or more after a title word: English; one letter only after a series word
        ("Rocky II", "Rocky 투"),
        ("Rocky V", "Rocky V"),
        ("Season V", "Season 파이브"),
        ("Vol. V", "Vol. 파이브"),
        ("World War I", "World War 원"),
        # after a lower-case word letters stay, unless the word is a series word
        ("the II", "the II"),
        ("type II", "type II"),
        ("Type II", "Type 투"),
        # a sign written as one character is a numeral whatever stands before it
        ("the Ⅱ", "the 투"),
        # letters that are no numeral, and numerals not standing alone
        ("Part IIII", "Part IIII"),
        ("Part VX", "Part VX"),
        ("Part XL", "Part XL"),
        ("Part IIX", "Part IIX"),
        ("PartII", "PartII"),
        ("Part IIa", "Part IIa"),
        # after Korean that is no series word, letters stay
        ("이번 II", "이번 II"),
        ("II", "II"),
        ("no numeral here", "no numeral here"),
    ],
)
def test_what_counts_as_a_numeral(text, said):
    assert read_roman_numerals(text) == said


def test_a_reading_in_words_takes_the_korean_particle_after_it_anew():
    # the English reading ends in a word, so the particle after it is marked to be re-chosen
    assert read_roman_numerals("Rocky II를") == "Rocky 투" + MARK + "를"
    assert read_roman_numerals("Rocky II 를") == "Rocky 투 를"
    # digits are read on later, with their own particle
    assert read_roman_numerals("시즌 Ⅱ를") == "시즌 2를"
    assert read_roman_numerals("Louis XIV가") == "Louis 14세" + MARK + "가"
    # letters left as written take no mark
    assert read_roman_numerals("the IV가") == "the IV가"


@pytest.mark.parametrize(
    "after,marked",
    [("가다", True), ("힣다", True), ("힣", True), ("…", False), ("·다", False), (" 다", False)],
)
def test_only_a_hangul_syllable_after_the_reading_is_marked(after, marked):
    # both ends of the syllables, 가 and 힣, and signs that sort between Latin letters and 가
    assert read_roman_numerals("Rocky II" + after) == "Rocky 투" + (MARK if marked else "") + after


@pytest.mark.parametrize(
    "text,said",
    [
        # a full stop after a monarch's name or a series word is no part of the word
        ("Louis. XIV", "Louis. 14세"),
        ("Stage. V", "Stage. 파이브"),
        # a word that only begins with a name or a series word is neither
        ("HenryX II", "HenryX 투"),
        ("StageX V", "StageX V"),
    ],
)
def test_a_name_or_series_word_counts_whole(text, said):
    assert read_roman_numerals(text) == said


@pytest.mark.parametrize(
    "sentence,spoken",
    [
        ("Part XXIII를 기다린다.", "파트 트웬티쓰리를 기다린다."),
        ("Part XXX가 마지막이다.", "파트 서티가 마지막이다."),
        ("Part XII은 길다.", "파트 트웰브는 길다."),
    ],
)
def test_the_particle_follows_the_english_reading(sentence, spoken):
    assert normalize(sentence) == spoken
