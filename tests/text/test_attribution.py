"""Attribution of quotes to sources: quote forms, the greeting's count, text evidence, the
structure prior, confidence and warnings; and asides spoken after their sentence."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from podcaster.cli import main
from podcaster.model import Block, Post, Source
from podcaster.text.alignment import align_in_order, match_in_order
from podcaster.text.evidence import SourceEvidence, numbers
from podcaster.text.readers.paragraphs import Paragraph, blocks_from_paragraphs
from podcaster.text.script import ScriptSettings, build_script
from podcaster.text.segment import analyse_post
from podcaster.text.sentences import lift_asides
from podcaster.text.structure import greeting_count, quote_blocks
from tests.conftest import SAMPLE_POSTS, SEED
from tests.helpers import TESTS

CORPUS = TESTS / "corpus"


def post_of(blocks: list[Block], sources: list[Source]) -> Post:
    return Post(Path("2025-01-01-test.txt"), "제목", dt.date(2025, 1, 1), "test", blocks, sources)


def paras(*texts: str) -> list[Paragraph]:
    return [Paragraph(t, n) for n, t in enumerate(texts, start=2)]


# --- quote forms -----------------------------------------------------------------------


def test_english_style_quote_is_one_quote_block():
    blocks = blocks_from_paragraphs(
        paras("인사.", "“첫 문단이다.", "“둘째 문단이다.", "“마지막 문단이다.”", "제 생각."),
        Path("p.txt"))
    assert blocks == [Block("인사."), Block("첫 문단이다.", True),
                      Block("둘째 문단이다.", True, continues=True),
                      Block("마지막 문단이다.", True, continues=True), Block("제 생각.")]
    assert [b.line for b in blocks] == [2, 3, 4, 5, 6]
    assert [u.blocks for u in quote_blocks(blocks)] == [[1, 2, 3]]


@pytest.mark.parametrize("mark, close", [("“", "”"), ('"', '"')])
def test_an_unclosed_english_style_quote_ends_at_the_authors_paragraph(mark, close):
    blocks = blocks_from_paragraphs(
        paras("인사.", f"{mark}첫 문단이다.", f"{mark}둘째 문단이다.", "제 생각입니다.",
              f"{mark}다른 기사다.{close}", "이상입니다."),
        Path("p.txt"))
    assert blocks == [Block("인사."), Block("첫 문단이다.", True),
                      Block("둘째 문단이다.", True, continues=True), Block("제 생각입니다."),
                      Block("다른 기사다.", True), Block("이상입니다.")]
    assert blocks[1].unclosed and not blocks[4].unclosed
    assert [u.blocks for u in quote_blocks(blocks)] == [[1, 2], [4]]
    result = analyse_post(post_of(blocks, FOREIGN))
    assert [(w.paragraph, w.line) for w in result.warnings] == [(2, 3)]
    assert "not closed; the quote is taken to end with paragraph 3 (line 4)" in (
        result.warnings[0].message)


def test_an_unclosed_quote_followed_by_words_and_a_new_quote_is_one_paragraph():
    blocks = blocks_from_paragraphs(
        paras("“첫 기사다.", "제 생각입니다.", "“둘째 기사다.”"), Path("p.txt"))
    assert blocks == [Block("첫 기사다.", True), Block("제 생각입니다."),
                      Block("둘째 기사다.", True)]
    assert blocks[0].unclosed


def test_an_english_style_quote_may_end_on_a_paragraph_without_the_opening_mark():
    blocks = blocks_from_paragraphs(paras("“하나.", "“둘.", "셋.”"), Path("p.txt"))
    assert [b.continues for b in blocks] == [False, True, True]
    assert not any(b.unclosed for b in blocks)


def test_straight_marks_open_each_paragraph_too():
    blocks = blocks_from_paragraphs(paras('"하나.', '"둘."'), Path("p.txt"))
    assert blocks == [Block("하나.", True), Block("둘.", True, continues=True)]


@pytest.mark.parametrize("text", ["“엇갈린 따옴표.\"", "\"엇갈린 따옴표.”", "＂전각 따옴표.”"])
def test_mismatched_marks_still_wrap_a_quote(text):
    [block] = blocks_from_paragraphs(paras(text), Path("p.txt"))
    assert block.quoted and block.text[-1] == "." and block.text[0] not in "“\"＂"


def test_mismatched_marks_need_balanced_inner_quotes():
    text = "“하나” 그리고 “둘\""  # quoted phrases in the author's sentence
    assert blocks_from_paragraphs(paras(text), Path("p.txt")) == [Block(text)]
    [block] = blocks_from_paragraphs(paras("“그는 “좋다\"고 했다"), Path("p.txt"))
    assert block.quoted and block.unclosed  # a warning asks for the closing mark


def test_quote_over_several_lines_with_a_mismatched_close():
    blocks = blocks_from_paragraphs(paras("“한 줄.", "두 줄.", "세 줄.\""), Path("p.txt"))
    assert [(b.text, b.continues) for b in blocks] == [
        ("한 줄.", False), ("두 줄.", True), ("세 줄.", True)]


def test_html_blockquote_paragraphs_are_one_quote_block(tmp_path):
    path = tmp_path / "2025-01-01-q.html"
    path.write_text("<h1>제목</h1><p>인사.</p><blockquote><p>하나.</p><p>둘.</p></blockquote>"
                    "<blockquote><p>셋.</p></blockquote><p>끝.</p>", encoding="utf-8")
    from podcaster.text.read import read_post

    blocks = read_post(path).blocks
    assert [u.blocks for u in quote_blocks(blocks)] == [[1, 2], [3]]


# --- the greeting's count --------------------------------------------------------------


@pytest.mark.parametrize(("texts", "count"), [
    (["오늘은 세 가지 소식을 골랐습니다."], 3),
    (["기사 세 개를 준비했습니다."], 3),
    (["오늘은 두 건을 소개합니다."], 2),
    (["오늘은 3개의 기사를 나눕니다."], 3),
    (["기사 한 편만 읽어 봅니다."], 1),
    (["안녕하세요.", "오늘도 소식을 전합니다."], None),
    (["세 가지 소식", "아니, 네 가지 소식"], None),  # they disagree: no count
    (["세상 이야기를 나눕니다."], None),
])  # fmt: skip
def test_greeting_count(texts, count):
    assert greeting_count(texts) == count


# --- text evidence ---------------------------------------------------------------------


def test_figures_carry_across_languages():
    # a scaled figure also in 만, where both languages meet: 142억 is 1420000만
    assert numbers("27% 하락, 142억 달러, 1,400원, 3.5배, 2025년, 3개") == {
        "27", "142", "1400", "3.5", "2025", "1420000만"}
    scorer = SourceEvidence([Source(1, "Battery prices fall 27%"),
                             Source(2, "Chipmaker opens plant in 2026")])
    ev = scorer.evidence("배터리 가격이 27% 떨어졌다.", 0)
    assert ev.title_score > 0 and any("numbers 27" in r for r in ev.reasons)
    assert scorer.evidence("배터리 가격이 27% 떨어졌다.", 1).score == 0


def test_latin_names_in_a_title_match_their_hangul_spelling():
    scorer = SourceEvidence([Source(1, "Nvidia shares fall"), Source(2, "Apple opens store")])
    # of the title's words, a translation can show those Korean spells: nvidia, shares
    assert "title words 0.50 (nvidia)" in scorer.evidence("엔비디아 주가가 내렸다.", 0).reasons
    assert scorer.evidence("엔비디아 주가가 내렸다.", 1).score == 0


def test_outlet_names_and_their_korean_spelling():
    scorer = SourceEvidence([Source(1, "Copper rises", "Reuters"),
                             Source(2, "Gold rises", "AP"),
                             Source(3, "Oil falls", "BBC NEWS")])
    assert scorer.evidence("로이터통신에 따르면 구리값이 올랐다.", 0).hint_score > 0
    assert scorer.evidence("apple 주가가 올랐다.", 1).score == 0  # "ap" is not in "apple"
    assert scorer.evidence("BBC는 유가가 내렸다고 전했다.", 2).hint_score > 0
    assert scorer.evidence("뉴스에 따르면 유가가 내렸다.", 2).score == 0  # "news" is generic


def test_a_quote_in_the_titles_language():
    scorer = SourceEvidence([Source(1, "한국어 제목"), Source(2, "An English headline")])
    ev = scorer.evidence("The company said it would pay.", 1)
    assert "quote and title both in en" in ev.reasons


# --- alignments ------------------------------------------------------------------------


def test_alignment_never_goes_back_and_switches_only_on_evidence_or_a_new_run():
    def align(sim, starts, hints=()):
        strong = [[x > 0 and (u, j) not in hints for j, x in enumerate(row)]
                  for u, row in enumerate(sim)]
        return align_in_order(sim, strong, starts)

    sim = [[0.8, 0.0], [0.0, 0.0], [0.0, 0.0], [0.0, 0.6]]
    assert align(sim, [True, False, False, False]) == [0, 0, 0, 1]
    assert align([[0.0, 0.6], [0.5, 0.0]], [True, False]) == [1, 1]  # no going back
    assert align([[0.0, 0.0], [0.0, 0.0]], [True, True]) == [0, 1]  # use every source
    # a hint (an outlet's name) moves on to the next source, but never past one
    three = [[0.5, 0.0, 0.0], [0.0, 0.0, 0.3], [0.0, 0.3, 0.0]]
    assert align(three, [True, False, False], hints={(1, 2), (2, 1)}) == [0, 0, 1]
    assert align([[0.0, 0.3], [0.0, 0.0]], [True, False], hints={(0, 1)}) == [0, 0]


def test_matching_credits_each_source_once_in_order_and_only_on_evidence():
    assert match_in_order([[0.5, 0.0], [0.0, 0.7], [0.0, 0.0]]) == [0, 1, None]
    # source 1 cannot follow source 3: the better total wins, the other article gets none
    assert match_in_order([[0.0, 0.0, 0.4], [0.3, 0.0, 0.0]]) == [2, None]
    assert match_in_order([[0.0, 0.0, 0.2], [0.3, 0.0, 0.0]]) == [None, 0]


# --- structure, confidence and warnings ------------------------------------------------

FOREIGN = [Source(1, "Robots write cards", "TechCrunch"), Source(2, "Asteroid passes", "BBC")]


def test_one_quote_block_per_source_is_the_strong_prior():
    blocks = [Block("인사."), Block("로봇이 카드를 쓴다.", True), Block("소행성이 지나간다.", True)]
    result = analyse_post(post_of(blocks, FOREIGN))
    articles = [s for s in result.segments if s.kind == "article"]
    assert [a.source.n for a in articles] == [1, 2]
    assert all(a.confidence >= 0.9 for a in articles)
    assert "one quote block per source" in articles[0].why[0]
    assert result.warnings == []


def test_more_quote_runs_than_sources_leaves_the_extra_one_without_a_source():
    blocks = [Block("인사."), Block("기계가 편지를 쓴다.", True), Block("제 생각."),
              Block("소행성이 지나간다.", True), Block("또 제 생각."),
              Block("오징어가 줄었다.", True), Block("이상입니다.")]
    result = analyse_post(post_of(blocks, FOREIGN))
    articles = [s for s in result.segments if s.kind == "article"]
    # foreign titles, no figures: nothing says which quote lacks its source
    assert [a.source for a in articles] == [None, None, None]
    assert [a.title for a in articles] == ["기사 1", "기사 2", "기사 3"]
    assert [w.paragraph for w in result.warnings if w.paragraph] == [2, 4, 6]
    assert all(a.confidence < 0.5 for a in articles)


def test_a_greeting_counting_otherwise_leaves_the_text_to_decide():
    blocks = [Block("오늘은 한 가지 소식입니다."), Block("기계가 편지를 쓴다.", True),
              Block("기계 팔이 호텔에 간다.", True)]
    result = analyse_post(post_of(blocks, FOREIGN))
    assert [s.source for s in result.segments if s.kind == "article"] == [None, None]
    assert len(result.warnings) == 3
    assert result.warnings[-1].message == "the greeting counts 1 article; the post quotes 2"


def test_an_unquoted_source_is_named():
    sources = [Source(1, "서울 지하철 새 노선 개통"), Source(2, "제주 감귤 수확량 역대 최대")]
    blocks = [Block("서울 지하철 새 노선이 개통했다.", True), Block("이상입니다.")]
    result = analyse_post(post_of(blocks, sources))
    assert [s.source.n for s in result.segments if s.kind == "article"] == [1]
    assert [str(w) for w in result.warnings] == [
        "2025-01-01-test.txt: source 2 (제주 감귤 수확량 역대 최대) is not credited to any quote"]


def test_a_title_that_fits_another_quote_breaks_the_one_to_one_prior():
    sources = [Source(1, "서울 지하철 새 노선 개통"), Source(2, "제주 감귤 수확량 역대 최대")]
    blocks = [Block("서울 지하철 새 노선이 개통했다.", True),
              Block("서울 지하철 새 노선의 요금은 그대로다.", True)]  # source 2 is not quoted
    result = analyse_post(post_of(blocks, sources))
    articles = [s for s in result.segments if s.kind == "article"]
    assert [a.source.n for a in articles] == [1]
    assert len(articles[0].paragraphs) == 2
    assert "fits source 1" in articles[0].why[0]


def test_an_outlet_cited_inside_another_outlets_article_is_not_its_source():
    # a Korean article citing Reuters, then a Reuters article; no title words to go by
    sources = [Source(1, "환율 다시 올라", "연합뉴스"), Source(2, "Oil prices jump", "Reuters")]
    blocks = [Block("로이터통신은 원화가 약세를 보였다고 전했다.", True),
              Block("수입 물가도 오를 전망이다.", True), Block("국제 유가가 급등했다.", True)]
    articles = [s for s in analyse_post(post_of(blocks, sources)).segments
                if s.kind == "article"]
    assert all(a.source is None for a in articles)  # unclear, and never Reuters for block 1


def test_the_one_to_one_prior_never_credits_a_same_language_title_sharing_nothing():
    sources = [Source(1, "전통시장 주차장 주말 무료 개방", "동네일보"),
               Source(2, "시립미술관 여름 특별전 관람객 돌파", "문화저널")]
    for between in ([], [Block("제 생각.")]):  # one block per source, one run per source
        blocks = [Block("구청은 전통시장 주차장을 주말에 무료로 개방한다.", True), *between,
                  Block("지하철 엘리베이터 교체 공사가 시작된다.", True)]
        result = analyse_post(post_of(blocks, sources))
        articles = [s for s in result.segments if s.kind == "article"]
        assert [a.source.n if a.source else None for a in articles] == [1, None]
        assert articles[1].confidence == 0.0
        [warning] = result.warnings
        assert warning.paragraph == len(blocks)
        assert "shares no word with the title of source 2" in warning.message
        assert "both are in Korean" in warning.message


def test_a_translated_quote_keeps_the_prior_when_nothing_contradicts_it():
    blocks = [Block("로봇이 카드를 쓴다.", True), Block("소행성이 지나간다.", True)]
    sources = [Source(1, "Robots write cards", "TechCrunch"), Source(2, "Asteroid passes", "AP")]
    articles = [s for s in analyse_post(post_of(blocks, sources)).segments
                if s.kind == "article"]
    assert [a.source.n for a in articles] == [1, 2]


@pytest.mark.parametrize("first, second", [("로이터는", "블룸버그는"), ("Reuters는", "Bloomberg는")])
@pytest.mark.parametrize("outlets", [("Bloomberg", "Reuters"), ("블룸버그", "로이터")])
def test_a_quote_naming_another_listed_outlet_is_not_credited_crosswise(first, second, outlets):
    sources = [Source(1, "Drone maker raises funds", outlets[0]),
               Source(2, "Ferry operator adds routes", outlets[1])]
    blocks = [Block(f"{first} 한 해운사가 새 항로를 연다고 전했다.", True),
              Block(f"{second} 드론 업체가 투자를 받았다고 보도했다.", True)]
    result = analyse_post(post_of(blocks, sources))
    articles = [s for s in result.segments if s.kind == "article"]
    assert [a.source for a in articles] == [None, None]
    assert [w.paragraph for w in result.warnings] == [1, 2]
    assert f"names {outlets[1]} (source 2), not {outlets[0]} (source 1)" in (
        result.warnings[0].message)


def test_a_quote_naming_its_own_outlet_and_another_keeps_its_source():
    sources = [Source(1, "Drone maker raises funds", "AP"),
               Source(2, "Ferry operator adds routes", "CNN")]
    blocks = [Block("AP는 CNN 보도를 인용해 드론 업체가 투자를 받았다고 전했다.", True),
              Block("CNN은 해운사가 새 항로를 연다고 전했다.", True)]
    articles = [s for s in analyse_post(post_of(blocks, sources)).segments
                if s.kind == "article"]
    assert [a.source.n for a in articles] == [1, 2]


def test_an_outlet_named_does_not_move_a_quote_off_the_title_it_matches():
    # quote 2 holds source 1's figure and names source 2's outlet: it stays with source 1
    sources = [Source(1, "Chip sales jump 66%", "Reuters"), Source(2, "EU delays AI rules",
                                                                    "Bloomberg"),
               Source(3, "SoftBank sells stake for $5.8 billion", "CNBC")]
    blocks = [Block("오늘은 기사 세 가지입니다."),
              Block("반도체 매출이 크게 늘었다.", True),
              Block("블룸버그에 따르면 증가율은 66%였다.", True),
              Block("유럽연합은 인공지능 규칙 시행을 미뤘다.", True),
              Block("소프트뱅크는 지분을 58억 달러에 팔았다.", True)]
    articles = [s for s in analyse_post(post_of(blocks, sources)).segments
                if s.kind == "article"]
    assert [(a.source.n, len(a.paragraphs)) for a in articles] == [(1, 2), (2, 1), (3, 1)]


def test_figures_in_billions_match_their_korean_unit_and_translations_need_company():
    assert numbers("$5.8 billion, ¥920 billion, 1.2 trillion") >= {"58", "9200"}
    scorer = SourceEvidence([Source(1, "EU delays AI rules"), Source(2, "China ships more")])
    assert "title words" in scorer.evidence("유럽연합이 인공지능 규칙을 미뤘다.", 0).reasons[0]
    # a country named in Korean is too common to count alone
    assert scorer.evidence("중국 이야기가 나왔다.", 1).score == 0


def test_english_is_matched_by_words_and_outlets_by_their_capitalised_name():
    scorer = SourceEvidence([Source(1, "Port traffic hits a record", "Harbour News"),
                             Source(2, "Council approves bike lane", "Local Times")])
    # letter pairs ("re", "rt", "it") and stopwords are chance in any English sentence
    assert scorer.evidence("A bakery started selling bread to its regulars.", 0).score == 0
    assert scorer.evidence("Bread made with local wheat.", 1).score == 0
    assert scorer.evidence("The Local Times said it.", 1).outlet_named


def test_a_post_with_quotes_and_no_sources_warns():
    blocks = [Block("인사."), Block("어느 회사가 새 칩을 발표했다.", True), Block("이상입니다.")]
    result = analyse_post(post_of(blocks, []))
    assert [str(w) for w in result.warnings] == [
        "2025-01-01-test.txt: the post lists no sources; articles are announced without an "
        "outlet; nothing after the sign-off was left unread"]
    assert analyse_post(post_of([Block("인사."), Block("이상입니다.")], [])).warnings == []


def test_segments_json_has_warnings_confidence_and_null_sources(tmp_path):
    post = CORPUS / "2025-01-10-missing-source.txt"
    out = CliRunner().invoke(main, ["segments", str(post), "--json"]).stdout
    doc = json.loads(out)
    articles = [s for s in doc["segments"] if s["kind"] == "article"]
    assert [a["source"]["n"] if a["source"] else None for a in articles] == [1, 2, None]
    assert all(0 <= a["confidence"] <= 1 and a["why"] for a in articles)
    assert articles[2]["title"] == "기사 3"
    [warning] = doc["warnings"]
    assert warning["post"] == post.name and (warning["paragraph"], warning["line"]) == (6, 7)
    assert all("confidence" not in s for s in doc["segments"] if s["kind"] != "article")


def test_an_article_without_a_source_is_announced_without_an_outlet():
    from podcaster.text.read import read_post

    post = read_post(CORPUS / "2025-01-10-missing-source.txt")
    segments = analyse_post(post).segments
    cues = build_script(post, segments, ScriptSettings(lexicon={}))
    said = [c.text for c in cues if c.kind == "announcement"]
    assert said == ["첫 번째 기사, 농민신문입니다.", "두 번째 기사, 경향신문입니다.",
                    "세 번째 기사입니다."]


def test_sample_json_has_no_warnings(tmp_path, sample_post):
    target = tmp_path / sample_post.name
    shutil.copyfile(sample_post.path, target)
    doc = json.loads(CliRunner().invoke(main, ["segments", str(target), "--json"]).stdout)
    assert doc["warnings"] == []
    articles = [s for s in doc["segments"] if s["kind"] == "article"]
    assert [a["source"]["outlet"] for a in articles] == list(sample_post.outlets)
    assert all(a["confidence"] >= 0.9 for a in articles)


# --- asides ----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "spoken"), [
    ("변조기술(아마 딥페이크일까요?)을 썼다.", "변조기술을 썼다. 아마 딥페이크일까요?"),
    ("모습(정말입니다. 확인했어요!)이 낯설었다", "모습이 낯설었다. 정말입니다. 확인했어요!"),
    ("기술(딥페이크일지도?)을 쓰고 있다...", "기술을 쓰고 있다. 딥페이크일지도?"),
    ("웨이모(Waymo)는 3.5배(약 350%) 늘었다.", "웨이모(Waymo)는 3.5배(약 350%) 늘었다."),
    ("가격(2.5달러)이 올랐다.", "가격(2.5달러)이 올랐다."),
])  # fmt: skip
def test_asides_holding_sentences_are_spoken_after_their_sentence(text, spoken):
    assert lift_asides(text) == spoken


def test_no_particle_follows_a_question_mark_in_the_spoken_corpus(tmp_path):
    from podcaster.text.read import read_post

    stray = re.compile(r"[?!][)\]]?[을를이가은는의에와과도]")
    paths = [CORPUS / "2025-02-06-parenthesis-asides.txt",
             SAMPLE_POSTS["own-drone"].path]  # an aside holding a question
    if SEED.is_file():
        paths.append(tmp_path / "2025-10-06-seed.txt")
        shutil.copyfile(SEED, paths[-1])
    for path in paths:
        post = read_post(path)
        cues = build_script(post, analyse_post(post).segments, ScriptSettings(lexicon={}))
        assert not [c.spoken for c in cues if stray.search(c.spoken)], path.name
