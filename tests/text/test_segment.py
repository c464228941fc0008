"""Segmentation of posts into greeting, articles, commentary and sign-off."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from podcaster.cli import main
from podcaster.model import Block, Post, Source
from podcaster.text.alignment import align_in_order
from podcaster.text.evidence import SourceEvidence, bigrams
from podcaster.text.read import read_post
from podcaster.text.segment import analyse_post, segment_post
from tests.helpers import TESTS

HERE = TESTS
POSTS = HERE / "posts"


@pytest.fixture
def post_file(tmp_path, sample_post):
    target = tmp_path / sample_post.name
    shutil.copyfile(sample_post.path, target)
    return target


def test_sample_post_segments(post_file, sample_post):
    segments = segment_post(read_post(post_file))
    assert [s.kind for s in segments] == [
        "greeting",
        "article",
        "article",
        "article",
        "commentary",
        "signoff",
    ]
    articles = [s for s in segments if s.kind == "article"]
    assert [len(a.paragraphs) for a in articles] == [2, 2, 2]
    assert [a.source.n for a in articles] == [1, 2, 3]
    assert [a.source.outlet for a in articles] == list(sample_post.outlets)
    assert all(a.source.url.startswith("https://") for a in articles)
    for seg in segments:
        for p in seg.paragraphs:
            assert not p.startswith("“") and not p.endswith("”")
            assert "https://" not in p
    assert segments[-1].paragraphs[0].startswith("이상")


def make_post(blocks: list[Block], sources: list[Source] | None = None) -> Post:
    return Post(
        path=Path("2025-01-01-test.txt"),
        title="제목",
        date=dt.date(2025, 1, 1),
        slug="test",
        blocks=blocks,
        sources=sources or [],
    )


def kinds(segments) -> list[str]:
    return [s.kind for s in segments]


def test_sample_json_from_the_cli(post_file, sample_post):
    result = CliRunner().invoke(main, ["segments", str(post_file), "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    date, slug = sample_post.name[:10], sample_post.name[11:].removesuffix(".txt")
    assert (doc["date"], doc["slug"]) == (date, slug)
    assert [s["kind"] for s in doc["segments"]] == [
        "greeting", "article", "article", "article", "commentary", "signoff",
    ]  # fmt: skip
    articles = [s for s in doc["segments"] if s["kind"] == "article"]
    assert [len(a["paragraphs"]) for a in articles] == [2, 2, 2]
    assert [a["source"]["n"] for a in articles] == [1, 2, 3]
    assert [a["source"]["outlet"] for a in articles] == list(sample_post.outlets)
    assert [a["source"]["url"] for a in articles] == [s["url"] for s in doc["sources"]]
    assert [a["title"] for a in articles] == [s["title"] for s in doc["sources"]]
    assert all(s["source"] is None for s in doc["segments"] if s["kind"] != "article")
    assert all(set(s) >= {"n", "title", "outlet", "url"} for s in doc["sources"])
    text = json.dumps(doc["segments"], ensure_ascii=False)
    for src in doc["sources"]:
        assert src["url"] not in json.dumps([s["paragraphs"] for s in doc["segments"]])
        assert src["url"].startswith("https://")
    assert "“" not in [p[0] for s in doc["segments"] for p in s["paragraphs"]]
    assert "”" not in [p[-1] for s in doc["segments"] for p in s["paragraphs"]]
    for outlet in sample_post.outlets:  # source lines are never spoken
        assert f"-{outlet}" not in text and f"–{outlet}" not in text


def test_cli_listing_is_readable(tmp_path):
    result = CliRunner().invoke(main, ["segments", str(POSTS / "2025-05-20-space-news.txt")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("우주 소식 두 가지")
    assert " 2. article    달 남극 착륙선" in result.output
    assert "[1. 과학신문, https://example.com/space/lunar-lander]" in result.output
    assert " 6. signoff    맺음말" in result.output


def test_interleaved_quotes_and_commentary_keep_post_order():
    post = read_post(POSTS / "2025-05-20-space-news.txt")
    segments = segment_post(post)
    assert kinds(segments) == [
        "greeting", "article", "commentary", "article", "commentary", "signoff",
    ]  # fmt: skip
    assert [s.source.n for s in segments if s.source] == [1, 2]
    assert segments[0].title == "인사"
    assert segments[2].title == "논평"
    assert segments[-1].title == "맺음말"
    assert segments[-1].paragraphs == ["이상입니다. 다음 주 화요일에 다시 찾아오겠습니다."]
    # every paragraph of the post is in exactly one segment, in order
    assert [p for s in segments for p in s.paragraphs] == [b.text for b in post.blocks]


@pytest.mark.parametrize(
    "name",
    ["2025-03-14-weekly-robots.md", "2025-04-02-ocean-plastic.html"],
)
def test_other_formats_segment_alike(name):
    post = read_post(POSTS / name)
    segments = segment_post(post)
    assert kinds(segments) == [
        "greeting", "article", "commentary", "article", "commentary", "signoff",
    ]  # fmt: skip
    articles = [s for s in segments if s.kind == "article"]
    assert [a.source.n for a in articles] == [1, 2]
    assert [a.title for a in articles] == [s.title for s in post.sources]
    assert [len(a.paragraphs) for a in articles] == ([2, 2] if name.endswith(".md") else [2, 1])
    assert segments[-1].paragraphs[0].startswith("이상")


def test_without_sources_each_run_of_quotes_is_an_article():
    post = read_post(POSTS / "2025-06-11-book-notes.txt")
    segments = segment_post(post)
    assert kinds(segments) == [
        "greeting", "article", "commentary", "article", "commentary", "signoff",
    ]  # fmt: skip
    assert [s.title for s in segments if s.kind == "article"] == ["기사 1", "기사 2"]
    assert all(s.source is None for s in segments)
    # no paragraph starts with "이상": the last of several closing paragraphs signs off
    assert segments[-1].paragraphs == ["다음 달에는 시집을 함께 읽어 보면 어떨까 합니다."]


SOURCES = [
    Source(1, "서울 지하철 새 노선 개통", "가나일보", "https://a.example/1"),
    Source(2, "제주 감귤 수확량 역대 최대", "다라신문", "https://a.example/2"),
    Source(3, "국산 전기 버스 수출 첫 계약", "마바뉴스", "https://a.example/3"),
]


def test_alignment_is_monotonic_and_unmatched_paragraphs_continue():
    blocks = [
        Block("안녕하세요."),
        Block("서울 지하철 새 노선이 오늘 아침 개통했다.", True),
        # a second paragraph with evidence: the author quotes several paragraphs per article
        Block("출근길 시민들은 지하철 노선을 반겼다.", True),
        Block("제주 감귤 수확량이 올해 역대 최대를 기록했다.", True),
        Block("농민들은 가격 하락을 걱정했다.", True),  # no match: continues article 2
        # never goes back: fits source 1, so it is read without an outlet, with a warning
        Block("첫 문장에서 서울 지하철 노선을 다시 언급해도", True),
        Block("국산 전기 버스가 처음으로 수출 계약을 맺었다.", True),
        Block("반가운 소식들입니다."),
        Block("이상 오늘의 소식이었습니다."),
    ]
    result = analyse_post(make_post(blocks, SOURCES))
    segments = result.segments
    assert kinds(segments) == ["greeting", *["article"] * 4, "commentary", "signoff"]
    assert [len(s.paragraphs) for s in segments[1:5]] == [2, 2, 1, 1]
    assert [s.source.n if s.source else None for s in segments[1:5]] == [1, 2, None, 3]
    assert segments[3].title == "기사 3"
    assert [(w.paragraph, "source 1" in w.message) for w in result.warnings] == [(6, True)]


def test_alignment_prefers_using_every_source_at_a_run_start():
    # titles in another language, which translated quotes cannot share words with: runs
    # separated by commentary still become one article per source, in order
    sources = [Source(1, "First story"), Source(2, "Second story")]
    blocks = [
        Block("오늘은 이렇습니다."),
        Block("가나다라 마바사.", True),
        Block("제 생각입니다."),
        Block("아자차카 타파하.", True),
        Block("역시 제 생각입니다."),
    ]
    segments = segment_post(make_post(blocks, sources))
    assert kinds(segments) == ["greeting", "article", "commentary", "article", "commentary"]
    assert [s.source.n for s in segments if s.source] == [1, 2]
    # Korean titles sharing no word with Korean quotes speak against the structure
    korean = [Source(1, "첫째 소식"), Source(2, "둘째 소식")]
    segments = segment_post(make_post(blocks, korean))
    assert [s.source for s in segments if s.kind == "article"] == [None, None]


def test_same_article_quoted_again_after_commentary():
    blocks = [
        Block("서울 지하철 새 노선이 개통했다.", True),
        Block("제 생각은 이렇습니다."),
        Block("서울 지하철 새 노선의 요금은 그대로다.", True),
        Block("제주 감귤 수확량이 역대 최대다.", True),
        Block("이상입니다."),
    ]
    segments = segment_post(make_post(blocks, SOURCES[:2]))
    assert kinds(segments) == ["article", "commentary", "article", "article", "signoff"]
    assert [s.source.n for s in segments if s.source] == [1, 1, 2]


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        (["논평 하나.", "이상 오늘의 이야기였습니다."], ["commentary", "signoff"]),
        (["논평 하나.", "이상으로 마칩니다.", "고맙습니다."], ["commentary", "signoff"]),
        (["이상하게도 조용한 한 주였습니다.", "다음 주에 만나요."], ["commentary", "signoff"]),
        (["이상적인 결말은 아니었습니다."], ["commentary"]),
        (["이상입니다."], ["signoff"]),
        (["논평 하나.", "논평 둘.", "인사 대신."], ["commentary", "signoff"]),
        ([], []),
    ],
)
def test_signoff_rules(tail, expected):
    blocks = [Block("안녕하세요."), Block("인용문.", True)] + [Block(t) for t in tail]
    segments = segment_post(make_post(blocks))
    assert kinds(segments) == ["greeting", "article", *expected]
    if "signoff" in expected:
        signoff = segments[-1].paragraphs
        starts = [t for t in tail if t.startswith(("이상 ", "이상으로", "이상입니다"))]
        assert signoff[0] == (starts[-1] if starts else tail[-1])


def test_quote_first_means_no_greeting_and_no_quotes_means_no_article():
    segments = segment_post(make_post([Block("인용으로 시작.", True), Block("제 생각.")]))
    assert kinds(segments) == ["article", "commentary"]
    segments = segment_post(
        make_post([Block("안녕하세요."), Block("오늘은 제 이야기만."), Block("이상입니다.")])
    )
    assert kinds(segments) == ["greeting", "commentary", "signoff"]
    assert kinds(segment_post(make_post([Block("한 문단뿐인 글.")]))) == ["commentary"]


def test_similarity_uses_bigrams_and_discounts_shared_ones():
    assert bigrams("AI 굴기, 중국!") == {"ai", "굴기", "중국"}
    sources = [Source(1, "AI 반도체 투자"), Source(2, "AI 로봇 공개")]
    scorer = SourceEvidence(sources)

    def shares(text, sources_=None):
        s = SourceEvidence(sources_) if sources_ else scorer
        out = []
        for j in range(len(s.sources)):
            reason = [r for r in s.evidence(text, j).reasons if r.startswith("title bigrams")]
            out.append(float(reason[0].split()[2]) if reason else 0.0)
        return out

    assert shares("반도체 투자가 늘었다") == [1.0, 0.0]  # "ai" is in every title: it does not count
    assert shares("AI 이야기") == [0.0, 0.0]
    assert shares("로봇 투자") == [0.0, 0.0]  # one bigram of a longer title is no clear match
    three = [*sources, Source(3, "반도체 공장")]
    # weights: ai 1/2, 반도 1/2, 도체 1/2, 투자 1 -> 2.5 of 2.5 for the first title
    assert shares("반도체 투자와 AI", three) == [1.0, 0.0, 0.5]


def test_a_weak_but_clear_match_starts_the_next_article():
    sources = [Source(1, "화성 탐사 로봇 발사"),
               Source(2, "남해 바다 거북 보호 구역 새로 지정")]
    blocks = [
        Block("화성 탐사 로봇이 내년에 발사된다.", True),
        Block("거북 보호를 위해 어민들이 나섰다.", True),  # 2 of 7 bigrams of title 2
        Block("이상입니다."),
    ]
    segments = segment_post(make_post(blocks, sources))
    assert kinds(segments) == ["article", "article", "signoff"]
    assert [s.source.n for s in segments[:2]] == [1, 2]


def test_on_a_tie_the_current_article_goes_on():
    # Block 0 may be source 1 or 2 (both allowed, neither matched), block 1 is source 3:
    # both paths cost the same; the one that keeps the earlier article is taken.
    sim = [[0.0, 0.0, 0.0], [0.0, 0.0, 1.0]]
    strong = [[True, True, False], [False, False, True]]
    assert align_in_order(sim, strong, [True, False]) == [0, 2]
    # The same with a real score on both candidates.
    sim = [[0.5, 0.5, 0.0], [0.0, 0.0, 1.0]]
    assert align_in_order(sim, strong, [True, False]) == [0, 2]


def test_a_post_without_quotes_in_full():
    texts = ["안녕하세요.", "오늘은 제 이야기만.", "둘째 이야기.", "이상입니다.", "고맙습니다."]
    segments = segment_post(make_post([Block(t) for t in texts]))
    assert [(s.kind, s.title, s.paragraphs) for s in segments] == [
        ("greeting", "인사", texts[:1]),
        ("commentary", "논평", texts[1:3]),
        ("signoff", "맺음말", texts[3:]),
    ]
    texts = ["안녕하세요.", "오늘은 제 이야기만."]  # one paragraph after the greeting: no sign-off
    assert [(s.kind, s.title, s.paragraphs) for s in segment_post(
        make_post([Block(t) for t in texts]))] == [
        ("greeting", "인사", texts[:1]), ("commentary", "논평", texts[1:])]
    assert [(s.kind, s.title, s.paragraphs) for s in segment_post(
        make_post([Block("한 문단뿐인 글.")]))] == [("commentary", "논평", ["한 문단뿐인 글."])]


def title_share(sources: list[Source], text: str, j: int) -> float:
    reasons = SourceEvidence(sources).evidence(text, j).reasons
    found = [r for r in reasons if r.startswith("title bigrams")]
    return float(found[0].split()[2]) if found else 0.0


def test_a_title_match_needs_the_minimum_share():
    # Titles that share no bigram: every bigram weighs the same, a share is hits / bigrams.
    seven = Source(1, "남해 바다 거북 보호 구역 새로 지정")
    seventeen = Source(2, "시립 도서관 야간 개방 확대 주말 포함 시범 운영 결정 발표 내년 봄부터 전면 시행")
    sixteen = Source(2, "시립 도서관 야간 개방 확대 주말 포함 시범 운영 결정 발표 내년 봄부터 전면")
    assert title_share([seven, seventeen], "거북 보호 활동이 늘었다", 0) == pytest.approx(
        2 / 7, abs=0.01)
    assert title_share([seven, seventeen], "야간 개방은 처음이다", 1) == 0.0  # 0.118
    assert title_share([seven, sixteen], "야간 개방은 처음이다", 1) == pytest.approx(
        2 / 16, abs=0.01)  # 0.125: just over MIN_SHARE
