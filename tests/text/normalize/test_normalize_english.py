"""Latin words in Hangul: the names lexicon, the loanword orthography on CMU dictionary
pronunciations, letter spelling, and the accuracy of the transliteration against the
spelling Korean media use."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podcaster.text.normalize import english, normalize, transliterations
from podcaster.text.normalize.loanwords import hangul
from podcaster.text.normalize.names import NAMES, TERMS
from tests.helpers import DEVELOPMENT, HELD_OUT

HANGUL_WORDS = re.compile(r"[가-힣]+(?: [가-힣]+)*")


def test_names_lexicon_is_large_and_all_hangul():
    assert len(NAMES) >= 300
    for name, reading in {**NAMES, **TERMS}.items():
        assert HANGUL_WORDS.fullmatch(reading), (name, reading)


@pytest.mark.parametrize("name", sorted(NAMES)[::7])
def test_names_are_read_from_the_lexicon(name):
    assert normalize(name) == NAMES[name]


# The rules of 외래어 표기법 (English), one example or two per article.
ORTHOGRAPHY = [
    ("gap", "갭"), ("cat", "캣"), ("book", "북"), ("act", "액트"), ("setback", "셋백"),
    ("stamp", "스탬프"), ("cape", "케이프"), ("nest", "네스트"), ("desk", "데스크"),
    ("make", "메이크"), ("apple", "애플"), ("land", "랜드"), ("zigzag", "지그재그"),
    ("jazz", "재즈"), ("graph", "그래프"), ("thrill", "스릴"), ("flash", "플래시"),
    ("shrub", "슈러브"), ("fashion", "패션"), ("shopping", "쇼핑"), ("vision", "비전"),
    ("keats", "키츠"), ("switch", "스위치"), ("bridge", "브리지"), ("chart", "차트"),
    ("steam", "스팀"), ("ring", "링"), ("lamp", "램프"), ("hint", "힌트"), ("ink", "잉크"),
    ("hanging", "행잉"), ("hotel", "호텔"), ("pulp", "펄프"), ("slide", "슬라이드"),
    ("film", "필름"), ("helm", "헬름"), ("henley", "헨리"), ("team", "팀"), ("time", "타임"),
    ("house", "하우스"), ("skate", "스케이트"), ("oil", "오일"), ("boat", "보트"),
    ("tower", "타워"), ("word", "워드"), ("west", "웨스트"), ("swing", "스윙"),
    ("twist", "트위스트"), ("quarter", "쿼터"), ("yard", "야드"), ("yellow", "옐로"),
    ("union", "유니언"), ("music", "뮤직"), ("value", "밸류"), ("air", "에어"),
]  # fmt: skip


@pytest.mark.parametrize("word, reading", ORTHOGRAPHY)
def test_loanword_orthography(word, reading):
    assert hangul(english.pronunciation(word), word) == reading


def accuracy(words: dict[str, str]) -> float:
    return sum(english.transliterate(w) == spelled for w, spelled in words.items()) / len(words)


def test_transliteration_matches_media_spelling_mostly():
    assert len(DEVELOPMENT) >= 60 and len(HELD_OUT) >= 60
    assert accuracy(DEVELOPMENT) >= 0.8
    assert accuracy(HELD_OUT) >= 0.75


@pytest.mark.parametrize(
    "word, reading, how",
    [
        ("GPU", "지피유", "letters"), ("GPUs", "지피유스", "letters"), ("x", "엑스", "letters"),
        ("DeepMind", "딥마인드", "name"), ("Kubernetes", "쿠버네티스", "name"),
        ("dashboard", "대시보드", "dictionary"), ("PlayStation", "플레이스테이션", "name"),
        ("chatbot", "챗봇", "name"), ("sandbox", "샌드박스", "dictionary"),
        ("Zqxv", "제트큐엑스브이", "spelled"), ("OpenAI's", "오픈에이아이", "name"),
    ],
)  # fmt: skip
def test_read_word(word, reading, how):
    assert english.read_word(word) == (reading, how)


def test_dictionary_is_read_only_when_a_word_needs_it():
    english._dictionary.cache_clear()
    normalize("OpenAI의 GPU 3개와 Kubernetes, 그리고 MZ세대")
    assert english._dictionary.cache_info().currsize == 0
    assert normalize("dashboard") == "대시보드"
    assert english._dictionary.cache_info().currsize == 1


def test_transliterations_name_the_words_read_by_pronunciation():
    text = "Nvidia가 dashboard와 Qzxw, GPU를 보였다."
    assert transliterations(text) == [("dashboard", "대시보드"), ("Qzxw", "큐제트엑스더블유")]
    assert transliterations(text, {"dashboard": "대시 보드"}) == [("Qzxw", "큐제트엑스더블유")]


def test_a_reading_kept_in_latin_is_left_as_written():
    assert normalize("Tom과 Jerry", {"Tom": "Tom"}) == "Tom과 제리"


_PIECES = st.one_of(
    st.sampled_from(["오늘", "발표했다", "기업이", "시장은", "에서", "로", "을", "이다", "(", ")",
                     "·", "→", "~", "〜", "/", "-", ":", "%", "$", "▲", "※", "'", ",", ".", "@"]),
    st.from_regex(r"[A-Za-z]{1,9}", fullmatch=True),
    st.from_regex(r"-?[0-9]{1,7}(\.[0-9]{1,2})?", fullmatch=True),
    st.from_regex(r"[0-9]{1,2}[/:.-][0-9]{1,2}([/:.-][0-9]{2,4})?", fullmatch=True),
    st.from_regex(r"[0-9]{1,4}(km|kg|GB|fps|x|X|h|s|ms|%|원|명|개|년|월|일|시|분)", fullmatch=True),
    st.from_regex(r"[A-Za-z]{1,5}[0-9]{1,5}[A-Za-z]{0,2}", fullmatch=True),
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=12), st.lists(st.sampled_from(["", " "]), min_size=12, max_size=12))
def test_no_latin_letter_or_ascii_digit_survives(pieces, gaps):
    text = "".join(p + g for p, g in zip(pieces, gaps))
    spoken = normalize(text)
    assert not re.search(r"[A-Za-z0-9]", spoken), (text, spoken)
