"""The language rules from both sides: each threshold of ``detect`` at and past its value,
each way into a split, what each voice's normaliser drops and keeps, and the kana reader."""

from __future__ import annotations

import sys
from importlib.metadata import version

import pytest

from podcaster.text.languages import detect_language, for_voice, japanese, split_by_language
from podcaster.text.languages.english import normalize_english
from podcaster.text.languages.japanese import normalize_japanese
from podcaster.text.languages.split import split_english, split_japanese

# --- detect --------------------------------------------------------------------------------

DETECTED = [
    # kana and kanji against Hangul: more is Japanese, as many is Korean
    ("ソニー가나다", "ko"),  # 3 kana, 3 Hangul
    ("ソニーの가나다", "ja"),  # 4 kana
    ("新型ソ가나다", "ko"),  # 1 kana + 2 kanji, 3 Hangul
    ("新型発ソ가나다", "ja"),  # 1 kana + 3 kanji
    ("発表会場가", "ko"),  # kanji alone are not Japanese
    # at least two Latin words, one of them a word of a sentence
    ("hello", "ko"),
    ("hello there", "en"),
    ("NASA GPU", "ko"),
    ("THE GPU", "en"),  # a function word in capitals is a word of a sentence
    ("Claude Sonnet", "ko"),  # names
    ("h100 GPU", "ko"),  # a code name in lower case is still a code name
    ("NVIDIA GOOGLE", "ko"),  # six capitals: acronyms or names
    ("NVIDIA SAMSUNG", "en"),  # seven: a headline's word
    # Latin letters must be more than six times the Hangul syllables
    ("the cat 가", "ko"),  # 6 letters, 1 syllable
    ("the cats 가", "en"),  # 7
    ("the cats 가나", "ko"),  # 7 letters, 2 syllables
    ("the cat is here 가나", "ko"),  # 12
    ("the cat is there 가나", "en"),  # 13
]


@pytest.mark.parametrize(("text", "language"), DETECTED)
def test_each_threshold_of_the_language_at_and_past_it(text, language):
    assert detect_language(text) == language


# --- split ---------------------------------------------------------------------------------

def test_an_english_stop_after_an_initial_after_an_ellipsis_is_no_sentence_end():
    assert split_english("He paused: ...J. Smith had come in. Then he spoke.") == [
        "He paused: ...J. Smith had come in.", "Then he spoke."]
    assert split_english("It was over ... Then he spoke.") == [
        "It was over ...", "Then he spoke."]


def test_english_text_after_the_last_sentence_end_is_a_sentence_too():
    assert split_english("No end here") == ["No end here"]
    assert split_english("The talks went well. then they left") == [
        "The talks went well. then they left"]
    assert split_english("It rained. It stopped\nThen sun") == [
        "It rained.", "It stopped", "Then sun"]


def test_only_a_full_stop_asks_whether_an_abbreviation_came_before():
    assert split_english("Did he say no? He did.") == ["Did he say no?", "He did."]
    assert split_english("Did he say no. He did.") == ["Did he say no. He did."]


def test_japanese_brackets_nest():
    text = "「彼は『速い。安い。』と言った。」と報じた。次は未定だ。"
    assert split_japanese(text) == ["「彼は『速い。安い。』と言った。」と報じた。", "次は未定だ。"]
    # a closing bracket with none open is no bracket at all
    assert split_japanese("』速い。安い。") == ["』速い。", "安い。"]


def test_a_run_of_japanese_ends_stays_with_its_sentence():
    assert split_japanese("本当？！次は未定だ。") == ["本当？！", "次は未定だ。"]
    assert split_japanese("本当？！！次だ。") == ["本当？！！", "次だ。"]


ENGLISH_PARAGRAPH = "He climbed Mt. Everest in May. It was cold."


def test_an_english_paragraph_is_split_by_english_rules_only_when_english_has_a_voice():
    assert split_by_language(ENGLISH_PARAGRAPH) == [
        ("He climbed Mt. Everest in May.", "en"), ("It was cold.", "en")]
    # without an English voice the Korean rules split it (after "Mt."), all of it Korean
    assert split_by_language(ENGLISH_PARAGRAPH, ("ja",)) == [
        ("He climbed Mt.", "ko"), ("Everest in May.", "ko"), ("It was cold.", "ko")]


def test_an_english_piece_of_a_korean_paragraph_is_split_again_by_english_rules():
    paragraph = '기자는 이렇게 썼다. "It was fast... Then it stopped." 놀라운 일이다.'
    assert split_by_language(paragraph) == [
        ("기자는 이렇게 썼다.", "ko"), ('"It was fast...', "en"), ('Then it stopped."', "en"),
        ("놀라운 일이다.", "ko")]


def test_a_korean_sentence_in_an_english_paragraph_is_korean():
    paragraph = ("The company said on Tuesday that the new chip would ship in March. "
                 "Analysts expect strong demand for it. 가격은 미정이다.")
    assert split_by_language(paragraph) == [
        ("The company said on Tuesday that the new chip would ship in March.", "en"),
        ("Analysts expect strong demand for it.", "en"), ("가격은 미정이다.", "ko")]


def test_a_japanese_paragraph_is_split_by_japanese_rules():
    assert split_by_language("新しいチップは三月に発売される。価格は未定だ。") == [
        ("新しいチップは三月に発売される。", "ja"), ("価格は未定だ。", "ja")]
    assert split_by_language("新しいチップは三月に発売される。価格は未定だ。", ("en",)) == [
        ("新しいチップは三月に発売される。価格は未定だ。", "ko")]


# --- what each voice is given --------------------------------------------------------------

@pytest.mark.parametrize("invisible", ["\x07", "\x1b", "\u200b", "\u2060", "\ud800", "★", "🚀"])
def test_controls_format_marks_surrogates_and_symbols_are_dropped(invisible):
    assert normalize_japanese(f"価格は{invisible}未定だ。") == "価格は未定だ。"
    assert normalize_english(f"The price{invisible} is open.") == "The price is open."


@pytest.mark.parametrize(("written", "spoken"), [
    ("It costs us$5 today.", "It costs 5 dollars today."),
    ("It costs US$5BN today.", "It costs 5 billion dollars today."),
    ("It costs £7 Million.", "It costs 7 million pounds."),
    ("Born 2025-01-01.", "Born January 1, 2025."),
    ("Born 2025-12-31.", "Born December 31, 2025."),
    ("Born 2025-00-10.", "Born 2025-00-10."),
    ("Born 2025-13-10.", "Born 2025-13-10."),
    ("Born 2025-05-00.", "Born 2025-05-00."),
    ("Born 2025-05-32.", "Born 2025-05-32."),
    ("In Q1 and H2.", "In first quarter and second half."),
    ("It ran 12,345,678 km.", "It ran 12345678 kilometres."),
    ("Cats vs. dogs, i.e. pets etc.", "Cats versus dogs, that is pets et cetera"),
    ("See www.example.com now.", "See now."),
])
def test_english_news_shorthand_at_the_ends_of_its_tables(written, spoken):
    assert normalize_english(written) == spoken


def test_a_language_without_a_normaliser_is_read_in_korean_with_the_lexicon():
    lexicon = {"별빛서재": "별빛 서재"}
    assert for_voice("별빛서재 52.9%", "fr", lexicon) == "별빛 서재 오십이 점 구 퍼센트"
    assert for_voice("별빛서재 52.9%", "ko", lexicon) == "별빛 서재 오십이 점 구 퍼센트"
    assert for_voice("별빛서재 52.9%", lexicon=lexicon) == "별빛 서재 오십이 점 구 퍼센트"


# --- the kana reader -----------------------------------------------------------------------

def test_the_kana_reader_reads_kanji_as_hiragana_and_names_its_dictionary(monkeypatch):
    pytest.importorskip("pykakasi")
    monkeypatch.setattr(japanese, "_reader", None)  # loaded afresh, not from an earlier test
    name, to_kana = japanese.kana_reader()
    assert name == f"pykakasi-{version('pykakasi')}"
    assert to_kana("新しいチップ") == "あたらしいチップ"
    assert to_kana("チップは速い") == "チップははやい"
    assert japanese.kana_reader() == (name, to_kana)  # loaded once


def test_without_pykakasi_there_is_no_kana_reader(monkeypatch):
    monkeypatch.setattr(japanese, "_reader", None)
    monkeypatch.setitem(sys.modules, "pykakasi", None)  # as if not installed
    assert japanese.kana_reader() is None
