"""Each sentence's language, its sentence split, and the text its own voice is given."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podcaster.text.languages import detect_language, for_voice, split_by_language
from podcaster.text.languages.english import normalize_english
from podcaster.text.languages.japanese import normalize_japanese
from podcaster.text.languages.split import split_english, split_japanese

DETECTED = [
    # English sentences
    ("The company said on Tuesday that its new model, GPT-5, would ship in March.", "en"),
    ('"We will ship it in March," the spokesperson said.', "en"),
    ("Thank you.", "en"),
    # an English sentence with a Korean name
    ("Reporter 김민지 wrote that the new chip is twice as fast.", "en"),
    # headlines in capitals
    ("OPENAI UNVEILS NEW MODEL", "en"),
    ("NVIDIA BEATS EXPECTATIONS AGAIN", "en"),
    # Korean sentences with English names, code names, acronyms and a short phrase
    ("엔비디아는 새 GPU를 공개했다.", "ko"),
    ("오픈AI의 GPT-5와 Stable Diffusion XL Turbo 모델을 비교했다.", "ko"),
    ("회사는 이번 발표를 game changer라고 불렀다.", "ko"),
    # a Korean sentence ending in an English quote
    ('기자는 "It will change everything"이라고 덧붙였다.', "ko"),
    # names, code names and acronyms alone
    ("NVIDIA H100 GPU", "ko"),
    ("Claude 3.5 Sonnet", "ko"),
    # one-word sentences
    ("GPT-5.", "ko"),
    ("OpenAI.", "ko"),
    ("AI.", "ko"),
    ("Wow!", "ko"),
    ("네.", "ko"),
    # Japanese: kana decide; kanji alone do not
    ("新しいチップは三月に発売される。", "ja"),
    ("ソニーは新型ロボットを発表した。", "ja"),
    ("日経平均株価", "ko"),
    ("닛케이에 따르면 ソニー가 새 로봇을 발표했다.", "ko"),
    ("", "ko"),
]


@pytest.mark.parametrize(("text", "language"), DETECTED)
def test_the_language_of_a_sentence(text, language):
    assert detect_language(text) == language


def test_english_sentence_ends_are_not_abbreviations_initials_or_decimals():
    text = ("Dr. Kim told the U.S. Senate on Jan. 5 that revenue rose 3.5% to $2.1bn. "
            "J. K. Rowling was not there. Sales fell, e.g. in Europe. \"It is early,\" he said. "
            "Is it? Yes!")
    assert split_english(text) == [
        "Dr. Kim told the U.S. Senate on Jan. 5 that revenue rose 3.5% to $2.1bn.",
        "J. K. Rowling was not there.",
        "Sales fell, e.g. in Europe.",
        '"It is early," he said.',
        "Is it?",
        "Yes!",
    ]


def test_japanese_sentences_end_at_full_stops_outside_brackets():
    assert split_japanese("「新モデルは速い。安い。」と社長は述べた。価格は未定だ！本当？") == [
        "「新モデルは速い。安い。」と社長は述べた。", "価格は未定だ！", "本当？"]


def test_a_korean_paragraph_keeps_its_korean_sentences_around_an_english_one():
    paragraph = ('오픈에이아이는 새 모델을 공개했다. "We will ship it in March, and it will be '
                 'cheaper." 회사 대변인의 말이다. 기대가 크다.')
    assert split_by_language(paragraph) == [
        ("오픈에이아이는 새 모델을 공개했다.", "ko"),
        ('"We will ship it in March, and it will be cheaper."', "en"),
        ("회사 대변인의 말이다.", "ko"),
        ("기대가 크다.", "ko"),
    ]


def test_an_english_paragraph_is_split_by_english_rules():
    paragraph = "Dr. Smith met U.S. officials. The talks went well."
    assert split_by_language(paragraph) == [
        ("Dr. Smith met U.S. officials.", "en"), ("The talks went well.", "en")]


def test_japanese_sentences_after_a_korean_one():
    assert split_by_language("닛케이는 이렇게 전했다. 新しいチップは三月に発売される。価格は未定だ。") == [
        ("닛케이는 이렇게 전했다.", "ko"), ("新しいチップは三月に発売される。", "ja"),
        ("価格は未定だ。", "ja")]


def test_languages_without_a_voice_stay_korean():
    paragraph = "오늘 소식입니다. The company said it would ship in March."
    assert [lang for _, lang in split_by_language(paragraph, ())] == ["ko", "ko"]
    assert [lang for _, lang in split_by_language(paragraph, ("ja",))] == ["ko", "ko"]


ENGLISH = [
    ("Revenue hit $3.5bn in Q3.", "Revenue hit 3.5 billion dollars in third quarter."),
    ("It raised $20 million and €5m.", "It raised 20 million dollars and 5 million euros."),
    ("Sales were $1,250.", "Sales were 1250 dollars."),
    ("Profit fell 52.9% in H1.", "Profit fell 52.9 percent in first half."),
    ("The site uses 10 GW and 500 MWh.", "The site uses 10 gigawatts and 500 megawatt hours."),
    ("It shipped on 2025-03-04.", "It shipped on March 4, 2025."),
    ("1,500 staff, e.g. engineers & designers.", "1500 staff, for example engineers and designers."),
    ("See https://example.com/a?b=1 for more.", "See for more."),
    ("The chip runs at 3 GHz 🚀", "The chip runs at 3 gigahertz"),
    ("Ｆｕｌｌ　ｗｉｄｔｈ", "Full width"),
    ("The Q3 model", "The third quarter model"),
    ("Date 2025-13-40 stays.", "Date 2025-13-40 stays."),
]


@pytest.mark.parametrize(("written", "spoken"), ENGLISH)
def test_english_is_written_out_for_an_english_voice(written, spoken):
    assert normalize_english(written) == spoken


def test_japanese_passes_through_with_forms_made_standard():
    assert normalize_japanese("ＡＩの新モデルｶﾀｶﾅ https://example.jp を発表😀") == "AIの新モデルカタカナ を発表"


def test_each_language_goes_to_its_own_normaliser():
    assert for_voice("GPT-5 costs $20.", "en") == "GPT-5 costs 20 dollars."
    assert for_voice("52.9%", "ko") == "오십이 점 구 퍼센트"
    assert for_voice("52.9%", "ja") == "52.9%"


def test_the_korean_lexicon_is_not_given_to_a_foreign_voice():
    assert for_voice("Moon Lab said so.", "en", {"Moon Lab": "달빛연구소"}) == "Moon Lab said so."


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    list("abcXYZ .,!?\"'()$%-019가나다한글。、「」新しいカナ\n\t ")), max_size=80))
def test_any_text_gets_a_language_and_loses_no_letters(text):
    assert detect_language(text) in ("ko", "en", "ja")
    pieces = split_by_language(text)
    assert all(lang in ("ko", "en", "ja") and piece.strip() for piece, lang in pieces)
    joined = "".join(piece for piece, _ in pieces)
    assert "".join(joined.split()) == "".join(text.split())


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_foreign_normalisers_take_any_text(text):
    assert isinstance(normalize_english(text), str)
    assert isinstance(normalize_japanese(text), str)
