"""Text evidence, from both sides of each rule: the language of a text and the kana
threshold, the bigrams and words a title is matched by, the figures both languages meet in,
the words that name an outlet, how a Korean quote may spell a title word, and how each kind
of evidence is weighed against the post's other sources."""

from __future__ import annotations

import pytest

from podcaster.model import Source
from podcaster.text.evidence import (
    SourceEvidence,
    bigrams,
    language,
    mentions,
    numbers,
    outlet_names,
    spellings,
    title_words,
)


@pytest.mark.parametrize(("text", "lang"), [
    ("서울에 비가 온다", "ko"),
    ("Rain falls on Seoul", "en"),
    ("東京に雨が降る", "ja"),
    ("トヨタ 자동차가 좋다", "ja"),  # three kana are Japanese, however much Hangul
    ("トヨ 자동차", "ko"),  # two are not
    ("ab 가나", "ko"),  # a tie goes to Korean
    ("2026", ""),
    ("", ""),
])  # fmt: skip
def test_the_language_of_a_text(text, lang):
    assert language(text) == lang


@pytest.mark.parametrize(("text", "grams"), [
    ("서울역", {"서울", "울역"}),
    ("3D프린터", {"3d", "d프", "프린", "린터"}),  # every pair, the last one too
    ("AI", {"ai"}),  # a two-letter word stays whole
    ("to", set()),  # unless it is a stopword
    ("AI to 반도체", {"ai", "반도", "도체"}),  # and the words after it count
    ("robot", set()),  # Latin pairs inside a longer word are chance
    ("서울 AI 반도체", {"서울", "ai", "반도", "도체"}),
])  # fmt: skip
def test_the_bigrams_a_title_is_matched_by(text, grams):
    assert bigrams(text) == grams


def test_title_words_leave_out_single_letters_numbers_and_stopwords():
    assert title_words("Apple to open 3 stores in 2025, AI 칩 삼성전자 a") == {
        "apple", "open", "stores", "ai", "삼성전자"}


@pytest.mark.parametrize(("text", "figures"), [
    ("1,400원", {"1400"}),  # thousands separators go
    ("7명", set()),  # one digit is too common to count
    ("12명", {"12"}),
    ("0.5%", {"0.5"}),  # a decimal part counts as a digit
    ("3 Million", {"300", "300만"}),  # 300만: as a Korean quote writes it
    ("$5.8 billion", {"5.8", "58", "580000만"}),
    ("2 bn", {"20", "200000만"}),
    ("0.1 million", {"0.1", "10", "10만"}),
    ("0.01 million", {"0.01", "1만"}),  # 1 (만): one digit again
    ("1.5 trillion", {"1.5", "150000000만"}),
    ("1,200억", {"1200", "12000000만"}),
    ("5조", {"500000000만"}),
    ("300만", {"300", "300만"}),
])  # fmt: skip
def test_the_figures_of_a_text(text, figures):
    assert numbers(text) == figures


@pytest.mark.parametrize(("outlet", "names"), [
    (None, set()),
    ("", set()),
    ("BBC NEWS", {"bbc", "비비씨"}),  # a generic word names nothing
    ("The Korea Herald", {"herald"}),  # nor does one before a distinctive word
    ("AP", {"ap", "ap통신"}),  # two letters are a name
    ("K 신문", set()),  # one is not
    ("Reuters", {"reuters", "로이터"}),
    ("로이터통신", {"로이터통신", "로이터", "reuters"}),
    ("버지", {"버지", "verge"}),  # a Korean spelling of two syllables
    ("연합뉴스", {"연합뉴스", "yonhap"}),
])  # fmt: skip
def test_the_words_that_name_an_outlet(outlet, names):
    assert outlet_names(outlet) == names


@pytest.mark.parametrize(("text", "word", "said"), [
    ("ap 통신에 따르면", "ap", True),
    ("apple 주가가 올랐다", "ap", False),  # a Latin word stands alone
    ("로이터는 전했다", "로이터", True),  # a Korean one may carry a particle
    ("통신사는 전했다", "로이터", False),
])  # fmt: skip
def test_a_word_mentioned_in_a_text(text, word, said):
    assert mentions(text, word) is said


@pytest.mark.parametrize(("word", "strong", "weak"), [
    ("nvidia", {"엔비디아"}, set()),  # the lexicon's name
    ("tokyo", {"도쿄"}, set()),  # a place
    ("eu", set(), {"유럽연합"}),  # a translation, which may stand for other words too
    ("トヨタ", {"도요타"}, set()),  # a Japanese name in kana is said
    ("日産", set(), {"닛산"}),  # one in kanji may be translated
    ("robot", {"로봇"}, set()),  # five letters are read as a loanword
    ("cars", set(), set()),  # four are not
    ("laptops", {"랩톱", "랩톱스"}, set()),  # a plural also as its singular
    ("12345", set(), set()),
])  # fmt: skip
def test_how_a_korean_quote_may_spell_a_title_word(word, strong, weak):
    assert spellings(word) == (strong, weak)


# --- a quote weighed against the post's sources -------------------------------------------

SUBWAY = ("서울 지하철 신규 노선 오늘 개통", None)
METALS = [("Copper rises", "Reuters"), ("Gold rises", "Bloomberg")]
MIXED = [("Copper rises", "Reuters"), ("금값 상승", "한빛일보")]


@pytest.mark.parametrize(("sources", "quote", "j", "title", "hint", "reasons", "kinds"), [
    # bigrams and words add up; a title held by one source alone weighs fully
    ([SUBWAY], "서울 지하철 신규 노선이 오늘 개통했다", 0, 1.5, 0.0,
     ["title bigrams 1.00 (개통, 노선, 서울, 신규)", "title words 1.00 (개통, 노선, 서울, 신규)"],
     {"title"}),
    ([SUBWAY, ("제주 감귤 수확", None)], "지하철 노선 이야기", 0, 0.6, 0.0,
     ["title bigrams 0.43 (노선, 지하, 하철)", "title words 0.33 (노선, 지하철)"], {"title"}),
    # a word in every title tells the sources nothing
    ([("서울 지하철 개통", None), ("서울 버스 개편", None)], "서울 이야기", 0, 0.0, 0.0, [],
     set()),
    # two figures count, a third adds nothing
    ([("Chip sales jump 66% to 120 and 345", None), ("Oil", None)], "반도체 매출 66% 120 345",
     0, 0.7, 0.0, ["numbers 120, 345, 66 in title and quote"], {"numbers"}),
    ([("Chip sales jump 66% in 2025", None), ("Oil hits 2025 high", None)],
     "반도체 매출이 66% 늘었다 2025", 0, 0.35, 0.0, ["numbers 66 in title and quote"],
     {"numbers"}),
    # an outlet named in Latin letters needs its capital, in Hangul its spelling
    (METALS, "Reuters said copper went up.", 0, 0.5, 0.3,
     ["title words 1.00 (copper)", "outlet named in the quote (reuters)"], {"title", "outlet"}),
    (METALS, "로이터는 구리값이 올랐다고 전했다.", 0, 0.0, 0.3,
     ["outlet named in the quote (로이터)"], {"outlet"}),
    (METALS, "reuters는 구리값이 올랐다고 전했다.", 0, 0.0, 0.0, [], set()),
    (METALS, "구리값이 올랐다.", 0, 0.0, 0.0, [], set()),
    # a quote in its title's foreign language, besides its outlet
    (MIXED, "Reuters says prices rose.", 0, 0.0, 0.55,
     ["outlet named in the quote (reuters)", "quote and title both in en"], {"outlet"}),
    (MIXED, "Reuters says prices rose.", 1, 0.0, 0.0, [], set()),
    (MIXED, "금값 이야기", 1, 0.0, 0.0, [], set()),  # Korean is no hint; one bigram is chance
    ([("2026", None), ("Copper rises", None)], "2026", 0, 0.35, 0.0,
     ["numbers 2026 in title and quote"], {"numbers"}),
    ([("Copper prices rise sharply", None), ("금값 상승", None)], "Copper prices are high", 0,
     0.25, 0.25, ["title words 0.50 (copper, prices)", "quote and title both in en"],
     {"title"}),
    # a translation shows only the title words Korean spells: a name may count alone
    ([("Nvidia shares fall", None), ("Apple opens store", None)], "엔비디아 주가가 내렸다.", 0,
     0.25, 0.0, ["title words 0.50 (nvidia)"], {"title"}),
    ([("Nvidia shares fall", None), ("Apple opens store", None)], "Nvidia 주가가 내렸다.", 0,
     0.25, 0.0, ["title words 0.50 (nvidia)"], {"title"}),
    ([("EU delays AI rules", None), ("China ships more", None)], "유럽연합이 인공지능 규칙을 미뤘다.",
     0, 0.25, 0.0, ["title words 0.50 (ai, eu)"], {"title"}),
    # a translation alone is too common to count
    ([("EU delays AI rules", None), ("China ships more", None)], "유럽연합 이야기.", 0, 0.0,
     0.0, [], set()),
    ([("EU delays rules", None), ("China ships more", None)], "중국 이야기가 나왔다.", 1, 0.0,
     0.0, [], set()),
    # a word of two letters never counts alone; one of three or more may
    ([("LG 가전 판매 호조", None), ("삼성 반도체", None)], "LG 휴대폰", 0, 0.0, 0.0, [], set()),
    ([("엔비디아 실적 발표", None), ("삼성 반도체", None)], "엔비디아 주가", 0, 0.77, 0.0,
     ["title bigrams 0.60 (디아, 비디, 엔비)", "title words 0.33 (엔비디아)"], {"title"}),
])  # fmt: skip
def test_the_evidence_a_quote_gives_for_a_source(sources, quote, j, title, hint, reasons,
                                                 kinds):
    scorer = SourceEvidence([Source(n, title, outlet, f"https://example.com/{n}")
                             for n, (title, outlet) in enumerate(sources, start=1)])
    evidence = scorer.evidence(quote, j)
    assert (round(evidence.title_score, 2), round(evidence.hint_score, 2)) == (title, hint)
    assert evidence.reasons == reasons
    assert evidence.kinds == kinds
    assert evidence.outlet_named is ("outlet" in kinds)
    assert evidence.score == min(1.0, evidence.title_score + evidence.hint_score)


BIKES = "지방자치단체 공공자전거 이용요금 인하 검토 착수, 시민공청회 내달 초순 개최 예정 발표 전망"


@pytest.mark.parametrize(("quote", "reasons"), [
    # 25 bigrams in the title: two are 0.08 of it, three 0.12, the least that counts
    ("자전거가 많다", []),
    ("자전거 요금이 오른다", ["title bigrams 0.12 (요금, 자전, 전거)"]),
    ("자전거 요금 인하", ["title bigrams 0.16 (요금, 인하, 자전, 전거)"]),
])  # fmt: skip
def test_a_share_of_a_titles_bigrams_counts_from_the_least_share(quote, reasons):
    assert SourceEvidence([Source(1, BIKES)]).evidence(quote, 0).reasons == reasons


def test_the_one_distinctive_feature_of_a_title_is_enough_when_found():
    # 서울 is in both titles and weighs nothing: 개통 is all the first title says
    scorer = SourceEvidence([Source(1, "서울 개통"), Source(2, "서울 폐쇄")])
    assert scorer.evidence("개통 소식", 0).reasons == ["title bigrams 1.00 (개통)",
                                                    "title words 1.00 (개통)"]
    assert scorer.evidence("서울 소식", 0).reasons == []


@pytest.mark.parametrize(("quote", "words"), [
    ("반도체 이야기", ["title words 0.33 (반도체)"]),  # three letters count alone
    ("수출 이야기", []),  # two do not
])  # fmt: skip
def test_a_title_word_counts_alone_from_three_letters(quote, words):
    scorer = SourceEvidence([Source(1, "반도체 수출 증가"), Source(2, "감귤 수확")])
    assert [r for r in scorer.evidence(quote, 0).reasons if r.startswith("title words")] == words


def test_a_title_in_kanji_alone_is_weighed_by_all_its_words():
    # no kana, Hangul nor Latin letters: a title in no language the scorer tells, so the
    # words a translation cannot show (決算) still count against the share
    scorer = SourceEvidence([Source(1, "日産 任天堂 決算"), Source(2, "Oil prices fall")])
    assert scorer.evidence("닛산과 닌텐도가 실적을 냈다", 0).reasons == [
        "title words 0.67 (任天堂, 日産)"]
