"""Attribution without sources, from both sides: the unclosed quote's warning with and
without a known line, and the greeting's count grouping quotes one per article only when it
counts the quote blocks and they are not already the runs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from podcaster.model import Block, Post, Source
from podcaster.text.attribution import NO_SOURCES, attribute


def post_of(blocks: list[Block]) -> Post:
    return Post(path=Path("2025-07-07-quotes.md"), title="인용", date=dt.date(2025, 7, 7),
                slug="quotes", blocks=blocks, sources=[])


@pytest.mark.parametrize(("line", "where"), [
    (0, "paragraph 2: "), (8, "paragraph 2 (line 8): ")])
def test_an_unclosed_quote_is_named_with_its_line_when_known(line, where):
    blocks = [Block("안녕하세요."), Block("“첫 문단이다.", quoted=True, unclosed=True, line=line),
              Block("둘째 문단이다.", quoted=True, continues=True, line=line and line + 2),
              Block("셋째 문단이다.", quoted=True, continues=True, line=line and line + 4),
              Block("이상입니다.")]
    warnings = [str(w) for w in attribute(post_of(blocks)).warnings]
    end = f" (line {line + 4})" if line else ""
    assert warnings == [
        f"2025-07-07-quotes.md: {where}““첫 문단이다.”: the quote mark opened here is not "
        f"closed; the quote is taken to end with paragraph 4{end}; add the closing mark where "
        "it ends",
        f"2025-07-07-quotes.md: {NO_SOURCES}"]


def test_a_closed_quote_gives_only_the_no_sources_warning():
    blocks = [Block("안녕하세요."), Block("“인용이다.”", quoted=True, line=3)]
    assert [w.message for w in attribute(post_of(blocks)).warnings] == [NO_SOURCES]


@pytest.mark.parametrize(("greeting", "articles"), [
    # two quotes in one run: one article, unless the greeting counts two
    ("오늘은 소식이 있습니다.", [[1, 2], [4]]),
    ("오늘은 세 가지 소식입니다.", [[1], [2], [4]]),
    ("오늘은 두 가지 소식입니다.", [[1, 2], [4]]),
    ("오늘은 네 가지 소식입니다.", [[1, 2], [4]]),
])
def test_without_sources_the_greetings_count_may_part_a_run(greeting, articles):
    blocks = [Block(greeting), Block("“가.”", quoted=True), Block("“나.”", quoted=True),
              Block("그렇군요."), Block("“다.”", quoted=True)]
    found = attribute(post_of(blocks)).articles
    assert [a.blocks for a in found] == articles
    assert all(a.source is None and a.why == ["the post lists no sources"] for a in found)


def test_a_count_said_after_the_first_quote_is_not_the_greetings():
    blocks = [Block("오늘은 소식이 있습니다."), Block("“가.”", quoted=True), Block("“나.”", quoted=True),
              Block("세 가지 소식이었습니다."), Block("“다.”", quoted=True)]
    assert [a.blocks for a in attribute(post_of(blocks)).articles] == [[1, 2], [4]]


def test_without_sources_a_count_of_the_runs_changes_nothing_when_runs_are_blocks():
    blocks = [Block("오늘은 두 가지 소식입니다."), Block("“가.”", quoted=True), Block("그렇다."),
              Block("“나.”", quoted=True)]
    assert [a.blocks for a in attribute(post_of(blocks)).articles] == [[1], [3]]


def test_a_post_without_quotes_has_no_articles_and_no_warning():
    found = attribute(post_of([Block("안녕하세요."), Block("그렇습니다.")]))
    assert (found.articles, found.warnings) == ([], [])


def test_the_greetings_count_of_the_runs_groups_quotes_that_point_at_one_source_each():
    # Two runs of two quotes; in each, one quote names its source's title and one says
    # nothing of any: the count "두 가지" keeps each run one article.
    sources = [Source(1, "삼성전자 반도체 공장 증설 발표", "한빛일보", "https://example.com/1"),
               Source(2, "현대차 수소 트럭 유럽 수출", "별빛신문", "https://example.com/2"),
               Source(3, "기상청 올여름 폭염 전망", "달빛뉴스", "https://example.com/3")]
    blocks = [Block("오늘은 두 가지 소식입니다."),
              Block("“삼성전자가 반도체 공장 증설을 발표했다.”", quoted=True),
              Block("“투자 규모는 아직 알려지지 않았다.”", quoted=True), Block("다음 소식입니다."),
              Block("“현대차가 수소 트럭을 유럽에 수출한다.”", quoted=True),
              Block("“첫 물량은 내년에 나간다.”", quoted=True), Block("이상입니다.")]
    post = Post(path=Path("2025-08-01-two.md"), title="둘", date=dt.date(2025, 8, 1),
                slug="two", blocks=blocks, sources=sources)
    found = attribute(post)
    assert [(a.blocks, a.source) for a in found.articles] == [([1, 2], 0), ([4, 5], 1)]
    assert all(a.why[0] == "the greeting counts 2 articles" for a in found.articles)
    assert [str(w) for w in found.warnings] == [
        "2025-08-01-two.md: source 3 (기상청 올여름 폭염 전망) is not credited to any quote"]


SOURCES = [Source(1, "삼성전자 반도체 공장 증설 발표", "한빛일보", "https://example.com/1"),
           Source(2, "현대차 수소 트럭 유럽 수출", "별빛신문", "https://example.com/2"),
           Source(3, "기상청 올여름 폭염 전망", "달빛뉴스", "https://example.com/3")]
QUOTES = ["“삼성전자가 반도체 공장 증설을 발표했다.”", "“현대차가 수소 트럭을 유럽에 수출한다.”",
          "“기상청은 올여름 폭염을 전망했다.”"]


@pytest.mark.parametrize(("greeting", "runs", "said"), [
    ("한 가지", 2, "counts 1 article; the post quotes 2"),
    ("두 가지", 3, "counts 2 articles; the post quotes 3"),
    ("세 가지", 2, "counts 3 articles; the post quotes 2"),
])
def test_a_greeting_that_miscounts_is_told_in_words(greeting, runs, said):
    blocks = [Block(f"오늘은 {greeting} 소식입니다.")]
    for quote in QUOTES[:runs]:
        blocks += [Block(quote, quoted=True), Block("다음입니다.")]
    post = Post(path=Path("2025-08-02-count.md"), title="셈", date=dt.date(2025, 8, 2),
                slug="count", blocks=blocks, sources=SOURCES[:runs])
    found = attribute(post)
    assert [a.source for a in found.articles] == list(range(runs))
    assert [w.message for w in found.warnings] == [f"the greeting {said}"]


def test_a_quote_over_two_paragraphs_with_sources_is_one_article():
    blocks = [Block("안녕하세요."), Block("“삼성전자가 반도체 공장 증설을 발표했다.", quoted=True),
              Block("투자 규모는 아직 알려지지 않았다.”", quoted=True, continues=True),
              Block("이상입니다.")]
    post = Post(path=Path("2025-08-03-long.md"), title="긴", date=dt.date(2025, 8, 3),
                slug="long", blocks=blocks, sources=SOURCES[:1])
    found = attribute(post)
    assert [(a.blocks, a.source) for a in found.articles] == [([1, 2], 0)]
    assert found.warnings == []


# --- what a warning about an uncredited quote advises ---------------------------------------

THREE = [Source(1, "서울 지하철 새 노선 개통", "한빛일보", "https://example.com/1"),
         Source(2, "제주 감귤 수확량 역대 최대", "별빛신문", "https://example.com/2"),
         Source(3, "부산 항구 물동량 증가", "달빛뉴스", "https://example.com/3")]
SUBWAY = "서울 지하철 새 노선이 오늘 아침 개통했다."
TANGERINES = "제주 감귤 수확량이 올해 역대 최대를 기록했다."


def attributed(blocks: list[Block], sources: list[Source]):
    post = Post(path=Path("2025-09-01-advice.md"), title="조언", date=dt.date(2025, 9, 1),
                slug="advice", blocks=blocks, sources=sources)
    return attribute(post)


def between(*quotes: str, greeting: str = "안녕하세요.") -> list[Block]:
    """The greeting, then each quote with a paragraph of the author's after it."""
    blocks = [Block(greeting)]
    for quote in quotes:
        blocks += [Block(quote, quoted=True), Block("제 생각입니다.")]
    return blocks


def test_a_quote_naming_a_credited_sources_outlet_is_told_where_that_source_went():
    found = attributed(between(SUBWAY, TANGERINES, "한빛일보는 요금이 그대로라고 전했다."),
                       THREE[:2])
    assert [a.source for a in found.articles] == [0, 1, None]
    assert [str(w) for w in found.warnings] == [
        "2025-09-01-advice.md: paragraph 6: “한빛일보는 요금이 그대로라고 전했다.”: the quote "
        "names 한빛일보 (source 1), not 별빛신문 (source 2); it is read without an outlet (it "
        "fits source 1 (서울 지하철 새 노선 …) best, but source 1 is credited to paragraph 2: if "
        "both come from it, put no quote of another article between them; else list this "
        "quote's own source)"]


def test_a_quote_naming_an_uncredited_later_sources_outlet_is_told_the_order_rules_it_out():
    found = attributed(between(SUBWAY, "달빛뉴스는 날씨가 맑다고 전했다.", TANGERINES), THREE)
    assert [a.source for a in found.articles] == [0, None, 1]
    assert [str(w) for w in found.warnings] == [
        "2025-09-01-advice.md: paragraph 4: “달빛뉴스는 날씨가 맑다고 전했다.”: the quote names "
        "달빛뉴스 (source 3), not 한빛일보 (source 1); it is read without an outlet (it fits "
        "source 3 (부산 항구 물동량 증가) best, but the order of the sources rules it out: list "
        "the sources in the order of the quotes)",
        "2025-09-01-advice.md: source 3 (부산 항구 물동량 증가) is not credited to any quote"]


def test_a_quote_that_fits_its_own_source_too_weakly_is_told_to_say_more_of_it():
    # the greeting counts the three quotes of one run: three articles for two sources
    blocks = [Block("오늘은 세 가지 소식입니다."), Block(SUBWAY, quoted=True),
              Block("날씨가 맑다.", quoted=True),
              Block("별빛신문은 날씨가 맑다고 전했다.", quoted=True)]
    found = attributed(blocks, THREE[:2])
    assert [(a.source, a.confidence) for a in found.articles] == [
        (0, 1.0), (None, 0.0), (None, 0.45)]
    assert found.articles[1].why == ["the greeting counts 3 articles",
                                     "no source's title matches the quote"]
    assert found.articles[2].why == ["the greeting counts 3 articles",
                                     "outlet named in the quote (별빛신문)",
                                     "too unsure to credit source 2"]
    assert [str(w) for w in found.warnings] == [
        "2025-09-01-advice.md: paragraph 3: “날씨가 맑다.”: no clear source for this quote (3 "
        "quote blocks, 2 sources); it is read without an outlet (list the quote's source, or "
        "name its outlet or the words of its title in the quote)",
        "2025-09-01-advice.md: paragraph 4: “별빛신문은 날씨가 맑다고 전했다.”: the quote "
        "matches source 2 (제주 감귤 수확량 역대 최대) only weakly (confidence 0.45); it is "
        "read without an outlet (it fits source 2 (제주 감귤 수확량 역대 …) best, but too "
        "weakly to credit: name its outlet or more words of its title in the quote)"]


# --- the structure's prior and the greeting's count ---------------------------------------

FOREIGN = [Source(1, "Robots write cards", "TechCrunch", "https://example.com/1"),
           Source(2, "Asteroid passes", "BBC", "https://example.com/2")]
BLOCKS = ["로봇이 카드를 쓴다.", "소행성이 지나간다."]
RUNS = ["로봇이 카드를 쓴다.", "기계가 글을 쓴다.", None, "소행성이 지나간다.", "하늘이 맑다."]


@pytest.mark.parametrize(("shape", "greeting", "confidence", "said"), [
    # a translated quote with nothing of its title to check: the structure alone decides
    (BLOCKS, "안녕하세요.", 0.9, []),
    (BLOCKS, "오늘은 두 가지 소식입니다.", 1.0, ["the greeting counts 2 articles"]),
    (BLOCKS, "오늘은 세 가지 소식입니다.", 0.4, ["but the greeting counts 3 articles"]),
    (RUNS, "안녕하세요.", 0.8, []),
    (RUNS, "오늘은 두 가지 소식입니다.", 0.9, ["the greeting counts 2 articles"]),
    (RUNS, "오늘은 세 가지 소식입니다.", 0.3, ["but the greeting counts 3 articles"]),
])
def test_the_greetings_count_raises_or_lowers_the_structures_trust(shape, greeting, confidence,
                                                                   said):
    blocks = [Block(greeting)] + [Block("음.") if text is None else Block(text, quoted=True)
                                  for text in shape]
    found = attributed(blocks, FOREIGN)
    last = found.articles[-1]
    structure = ("one quote block per source (2 blocks, 2 sources)" if shape is BLOCKS
                 else "one run of quotes per source (2 runs, 2 sources)")
    assert last.confidence == confidence
    assert last.why[:len(said) + 2] == [
        structure, *said, "title in another language: its words cannot be checked"]
    assert last.source == (1 if confidence >= 0.5 else None)


def test_the_text_breaking_the_structure_names_the_quote_that_fits_elsewhere():
    subway = Source(1, "서울 지하철 새 노선 개통", "한빛일보", "https://example.com/1")
    blocks = [Block("인사."), Block("서울 지하철 새 노선이 개통했다.", quoted=True),
              Block("서울 지하철 새 노선의 요금은 그대로다.", quoted=True)]
    [article] = attributed(blocks, [subway, THREE[1]]).articles
    assert (article.blocks, article.source) == ([1, 2], 0)
    assert article.why[0] == ("the structure suggested one source each, but the quote at "
                              "paragraph 3 fits source 1")


def test_quotes_credited_out_of_the_lists_order_say_why():
    blocks = between("제주 감귤 수확량이 역대 최대다.", "서울 지하철 새 노선이 개통했다.")
    found = attributed(blocks, THREE[:2])
    assert [(a.source, a.note) for a in found.articles] == [
        (1, "credited out of the list's order"), (0, "credited out of the list's order")]
    assert all(a.why[0] == "each quote fits one source well ahead of every other, one to one"
               for a in found.articles)
    assert found.warnings == []


# --- quote blocks without evidence after an article ----------------------------------------

SUBWAY_TANGERINES = THREE[:2]


def test_a_block_without_evidence_after_an_article_is_judged_by_that_articles_source():
    four = [*THREE, Source(4, "대구 사과 가격 하락", "햇빛일보", "https://example.com/4")]
    blocks = [Block("인사."), Block("서울 지하철 새 노선이 개통했다.", quoted=True), Block("음."),
              Block("제주 감귤 수확량이 역대 최대다.", quoted=True),
              Block("날씨가 좋다.", quoted=True)]
    found = attributed(blocks, four)
    assert [(a.blocks, a.source) for a in found.articles] == [([1], 0), ([3], 1), ([4], None)]
    assert [w.message for w in found.warnings] == [
        "the quote shares no word with the title of source 2 (제주 감귤 수확량 역대 최대), "
        "though both are in Korean; it is read without an outlet",
        "source 3 (부산 항구 물동량 증가) is not credited to any quote",
        "source 4 (대구 사과 가격 하락) is not credited to any quote"]


HABIT = [Block("서울 지하철 새 노선이 개통했다.", quoted=True),
         Block("서울 지하철 노선은 길다.", quoted=True), Block("날씨가 좋다.", quoted=True),
         Block("음."), Block("제주 감귤 수확량이 역대 최대다.", quoted=True), Block("음."),
         Block("제주 감귤 수확량이 늘었다.", quoted=True)]
IN_ORDER = "every source quoted once, in order (2 sources)"
SUBWAY_WHY = [IN_ORDER, "title bigrams 1.00 (개통, 노선, 서울, 지하)",
              "title words 1.00 (개통, 노선, 서울, 지하철)"]
TANGERINE_WHY = [[IN_ORDER, "title bigrams 1.00 (감귤, 수확, 역대, 제주)",
                  "title words 1.00 (감귤, 수확량, 역대, 제주)"],
                 [IN_ORDER, "title bigrams 0.67 (감귤, 수확, 제주, 확량)",
                  "title words 0.60 (감귤, 수확량, 제주)"]]


def test_a_block_without_evidence_continues_its_article_when_the_post_shows_the_habit():
    # the second block of the first article fits its title too: the author quotes articles
    # over several blocks, and the third, without evidence, continues the first article
    blocks = [Block("안녕하세요."), *HABIT]
    found = attributed(blocks, SUBWAY_TANGERINES)
    assert [(a.blocks, a.source, a.why) for a in found.articles] == [
        ([1, 2, 3], 0, SUBWAY_WHY), ([5], 1, TANGERINE_WHY[0]), ([7], 1, TANGERINE_WHY[1])]
    assert found.warnings == []


def test_a_greeting_counting_more_articles_than_sources_lets_no_block_continue_on_habit():
    blocks = [Block("오늘은 네 가지 소식입니다."), *HABIT]
    found = attributed(blocks, SUBWAY_TANGERINES)
    assert [(a.blocks, a.source, a.why) for a in found.articles] == [
        ([1, 2], 0, SUBWAY_WHY),
        ([3], None, [IN_ORDER, "the quote shares no word with the title of source 1 (서울 지하철 "
                               "새 노선 개통), though both are in Korean: source 1 is not "
                               "credited on the structure alone"]),
        ([5], 1, TANGERINE_WHY[0]), ([7], 1, TANGERINE_WHY[1])]
    assert [(w.paragraph, w.advice) for w in found.warnings] == [
        (4, "list the quote's source, or name its outlet or the words of its title in the "
            "quote")]


def test_the_last_of_several_blocks_without_evidence_may_open_the_next_article():
    blocks = [Block("인사."), Block("서울 지하철 새 노선이 개통했다.", quoted=True),
              Block("날씨가 좋다.", quoted=True), Block("바람이 분다.", quoted=True),
              Block("제주 감귤 수확량이 역대 최대다.", quoted=True)]
    found = attributed(blocks, SUBWAY_TANGERINES)
    assert [(a.blocks, a.source) for a in found.articles] == [
        ([1], 0), ([2], None), ([3], None), ([4], 1)]
    shares_nothing = ("the quote shares no word with the title of source 1 (서울 지하철 새 노선 "
                      "개통), though both are in Korean; it is read without an outlet")
    assert [(w.paragraph, w.message, w.advice) for w in found.warnings] == [
        (3, shares_nothing, "list the quote's source, or name its outlet or the words of its "
                            "title in the quote"),
        (4, shares_nothing, "it may end the article before it as well as open the one after "
                            "it: put a paragraph of your own where one ends")]


def test_a_translated_block_without_evidence_is_not_trusted_to_continue_its_article():
    english = [Source(1, "Nvidia opens Seoul office", "Reuters", "https://example.com/1"),
               Source(2, "Tesla recalls robotaxi fleet", "AP", "https://example.com/2")]
    blocks = [Block("인사."), Block("엔비디아가 서울에 사무실을 연다.", quoted=True),
              Block("직원은 백 명이다.", quoted=True), Block("음."),
              Block("테슬라가 로보택시를 리콜한다.", quoted=True), Block("음."),
              Block("테슬라 로보택시 리콜은 처음이다.", quoted=True)]
    found = attributed(blocks, english)
    assert [(a.blocks, a.source, a.confidence) for a in found.articles] == [
        ([1], 0, 0.68), ([2], None, 0.35), ([4], 1, 0.84), ([6], 1, 0.84)]
    assert found.articles[1].why == [
        IN_ORDER, "it follows the article of source 1, but nothing in it says it continues "
                  "that article",
        "title in another language: its words cannot be checked", "too unsure to credit source 1"]
    assert [w.message for w in found.warnings] == [
        "nothing in the quote points to source 1 (Nvidia opens Seoul office) (confidence "
        "0.35); it is read without an outlet"]


# --- a title whose words a quote cannot show ----------------------------------------------


@pytest.mark.parametrize(("title", "quote", "confidence"), [
    # a Korean title and a quote left in English: nothing is said of the title's language
    ("제주 감귤 수확량 역대 최대", "Tangerine harvest hit a record.", 0.9),
    # a title of figures only is in no language: a Korean quote sharing none loses trust
    ("2026", "올해 목표가 나왔다.", 0.75),
])
def test_a_title_that_is_not_foreign_says_the_quote_has_no_title_evidence(title, quote,
                                                                          confidence):
    sources = [THREE[0], Source(2, title, "별빛신문", "https://example.com/2")]
    blocks = [Block("인사."), Block("서울 지하철 새 노선이 개통했다.", quoted=True),
              Block(quote, quoted=True)]
    last = attributed(blocks, sources).articles[-1]
    assert (last.source, last.confidence) == (1, confidence)
    assert last.why == ["one quote block per source (2 blocks, 2 sources)",
                        "no title evidence in the quote"]


def test_an_article_matched_to_a_source_whose_title_fits_another_better_is_not_credited():
    # three articles by the greeting, two sources: matching in order gives the first quote
    # source 1, though source 2's title fits it better
    sources = [THREE[0], Source(2, "시내버스 요금 인상 발표", "별빛신문", "https://example.com/2")]
    blocks = [Block("오늘은 세 가지 소식입니다."),
              Block("지하철 개통 소식과 함께 시내버스 요금 인상 발표가 나왔다.", quoted=True),
              Block("시내버스 요금 인상이 발표됐다.", quoted=True), Block("날씨가 맑다.", quoted=True)]
    found = attributed(blocks, sources)
    assert [(a.source, a.confidence) for a in found.articles] == [
        (None, 0.3), (1, 1.0), (None, 0.0)]
    assert found.articles[0].why[-2:] == ["the title of source 2 fits better",
                                          "too unsure to credit source 1"]
    assert found.warnings[0].message == (
        "the quote matches source 1 (서울 지하철 새 노선 개통) only weakly (confidence 0.30); "
        "it is read without an outlet")


# --- another title fitting a quote better: from 0.2, and by more than 0.1 --------------------

METALS = [Source(1, "Copper miners expect record output", "Reuters", "https://example.com/1"),
          Source(2, "Gold shines", "Bloomberg", "https://example.com/2")]


@pytest.mark.parametrize(("first", "second", "articles"), [
    # the first quote fits its own title by 0.4 and the other by 0.5: not by more than 0.1
    ("Copper miners expect a record year as gold shines.", "Gold shines again.",
     [([1], 0), ([2], 1)]),
    # the second fits the first title by 0.2, its own by nothing: the first title fits better
    ("Copper miners expect a record year.", "Copper output may slow later.", [([1, 2], 0)]),
])
def test_another_title_fits_better_from_a_score_of_two_tenths_and_by_more_than_a_tenth(
        first, second, articles):
    blocks = [Block("Hi."), Block(first, quoted=True), Block(second, quoted=True)]
    found = attributed(blocks, METALS)
    assert [(a.blocks, a.source) for a in found.articles] == articles
    broken = len(articles) == 1
    assert found.articles[0].why[0] == (
        "the structure suggested one source each, but the quote at paragraph 3 fits source 1"
        if broken else "one quote block per source (2 blocks, 2 sources)")


def test_a_figure_of_each_title_in_one_quote_keeps_the_structure():
    sources = [Source(1, "Chip sales jump 66%", "Reuters", "https://example.com/1"),
               Source(2, "Oil output falls 12%", "Bloomberg", "https://example.com/2")]
    blocks = [Block("인사."), Block("반도체 매출이 66% 늘었고 유가는 12% 내렸다.", quoted=True),
              Block("원유 생산이 12% 줄었다.", quoted=True)]
    found = attributed(blocks, sources)
    assert [(a.source, a.confidence) for a in found.articles] == [(0, 0.97), (1, 0.97)]


def test_a_source_whose_quote_came_out_of_order_is_named_once():
    sources = [THREE[0], Source(2, "서울 지하철 요금 인상", "별빛신문", "https://example.com/2"),
               THREE[2]]
    blocks = between("부산 항구 물동량이 늘었다.", "서울 지하철 요금이 오른다.", "서울 지하철 이야기다.")
    found = attributed(blocks, sources)
    assert [(a.blocks, a.source) for a in found.articles] == [([1], None), ([3], 1), ([5], 1)]
    assert found.articles[0].why == ["its text fits source 3, which the order of sources rules "
                                     "out"]
    assert [w.message for w in found.warnings] == [
        "the quote fits source 3 (부산 항구 물동량 증가), out of the order of the sources; it is "
        "read without an outlet",
        "source 1 (서울 지하철 새 노선 개통) is not credited to any quote"]


@pytest.mark.parametrize(("quote", "credited", "confidence"), [
    # the greeting's miscount leaves the structure 0.4; one word of six English title words
    # brings the article to 0.5, the least that is credited
    ("The asteroid is visible.", 1, 0.5),
    ("하늘이 맑다.", None, 0.4),  # a translation with no word of it: 0.4
])
def test_an_article_is_credited_from_a_confidence_of_one_half(quote, credited, confidence):
    sources = [FOREIGN[0],
               Source(2, "Bright asteroid passes close by Earth tonight", "BBC",
                      "https://example.com/2")]
    blocks = [Block("오늘은 세 가지 소식입니다."), Block("로봇이 카드를 쓴다.", quoted=True),
              Block(quote, quoted=True)]
    last = attributed(blocks, sources).articles[-1]
    assert (last.source, last.confidence) == (credited, confidence)


def test_a_greeting_that_miscounts_is_told_where_it_says_the_count():
    blocks = [Block("안녕하세요.", line=1), Block("오늘은 두 가지 소식입니다.", line=3),
              Block("서울 지하철 새 노선이 개통했다.", quoted=True, line=5)]
    found = attributed(blocks, THREE[:1])
    assert [(a.source, a.confidence) for a in found.articles] == [(0, 1.0)]
    assert [str(w) for w in found.warnings] == [
        "2025-09-01-advice.md: paragraph 2 (line 3): the greeting counts 2 articles; the post "
        "quotes 1 (correct the count, or show where each article begins with a paragraph of "
        "your own between them)"]


# --- the language of an article of several quote blocks -------------------------------------

RANKING = ["1위: 78%", "2위: 15%", "3위: 7%"]


def test_an_article_of_short_korean_blocks_is_korean_and_shares_no_word_with_its_title():
    # three quote blocks, one run: a ranking in Korean, though each block is mostly figures
    blocks = [Block("인사."), *[Block(line, quoted=True) for line in RANKING],
              Block("이상입니다.")]
    found = attributed(blocks, [Source(1, "서울 시민 만족도 조사", "한빛일보",
                                       "https://example.com/1")])
    [article] = found.articles
    assert (article.blocks, article.source, article.confidence) == ([1, 2, 3], None, 0.0)
    assert [w.message for w in found.warnings] == [
        "the quote shares no word with the title of source 1 (서울 시민 만족도 조사), though "
        "both are in Korean; it is read without an outlet"]


def test_an_article_of_short_korean_blocks_naming_its_outlet_loses_trust_for_no_title_word():
    blocks = [Block("인사."), Block("KBS 발표", quoted=True),
              *[Block(line, quoted=True) for line in RANKING[:2]], Block("이상입니다.")]
    found = attributed(blocks, [Source(1, "서울 시민 만족도 조사", "KBS", "https://example.com/1")])
    [article] = found.articles
    # 1 - (1 - 0.8) * (1 - 0.6), less 0.15 for a Korean quote sharing no word of the title
    assert (article.source, article.confidence) == (0, 0.77)
    assert article.why == ["one run of quotes per source (1 runs, 1 sources)",
                           "outlet named in the quote (kbs)"]


@pytest.mark.parametrize(("greeting", "in_order"), [
    ("안녕하세요.", True),  # no count
    ("오늘은 세 가지 소식입니다.", True),  # the articles, less the one that may open the next
    ("오늘은 다섯 가지 소식입니다.", False),  # a count the alignment does not bear out
])
def test_the_alignment_trusts_the_order_when_the_greetings_count_allows_it(greeting, in_order):
    blocks = [Block(greeting), Block("서울 지하철 새 노선이 개통했다.", quoted=True),
              Block("날씨가 좋다.", quoted=True), Block("바람이 분다.", quoted=True),
              Block("제주 감귤 수확량이 역대 최대다.", quoted=True)]
    found = attributed(blocks, SUBWAY_TANGERINES)
    assert [(a.blocks, a.source) for a in found.articles] == [
        ([1], 0), ([2], None), ([3], None), ([4], 1)]
    assert all((a.why[0] == IN_ORDER) is in_order for a in found.articles)


@pytest.mark.parametrize(("greeting", "articles"), [
    # quotes in any order, each run opening with its title's words: a block without evidence
    # continues its article when the greeting counts the sources, else it stands alone
    ("오늘은 두 가지 소식입니다.", [([1, 2], 1), ([4, 5], 0)]),
    ("안녕하세요.", [([1], 1), ([2], None), ([4], 0), ([5], None)]),
])
def test_in_any_order_a_block_without_evidence_continues_only_on_the_greetings_count(
        greeting, articles):
    blocks = [Block(greeting), Block("제주 감귤 수확량이 역대 최대다.", quoted=True),
              Block("농가는 기뻐했다.", quoted=True), Block("음."),
              Block("서울 지하철 새 노선이 개통했다.", quoted=True),
              Block("시민들은 반겼다.", quoted=True)]
    found = attributed(blocks, SUBWAY_TANGERINES)
    assert [(a.blocks, a.source) for a in found.articles] == articles
    assert [a.note for a in found.articles if a.source is not None] == [
        "credited out of the list's order"] * 2
    assert [w.paragraph for w in found.warnings] == [b[0] + 1 for b, s in articles if s is None]
