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
from podcaster.text.evidence import SourceEvidence, bigrams
from podcaster.text.read import read_post
from podcaster.text.segment import analyse_post, segment_post
from tests.conftest import SEED

HERE = Path(__file__).resolve().parent
POSTS = HERE / "posts"


def _seed() -> Path | None:
    return SEED if SEED.is_file() else None


@pytest.fixture
def seed_post(tmp_path):
    seed = _seed()
    if seed is None:
        pytest.skip("seed post not available")
    target = tmp_path / "2025-10-06-ai-news.txt"
    shutil.copyfile(seed, target)
    return read_post(target)


def test_seed_segments(seed_post):
    segments = segment_post(seed_post)
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
    assert [a.source.outlet for a in articles] == ["SBS 뉴스", "ZDNET KOREA", "BBC NEWS"]
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


def test_seed_json_from_the_cli(tmp_path):
    seed = _seed()
    if seed is None:
        pytest.skip("seed post not available")
    target = tmp_path / "2025-10-06-ai-news.txt"
    shutil.copyfile(seed, target)
    result = CliRunner().invoke(main, ["segments", str(target), "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert (doc["date"], doc["slug"]) == ("2025-10-06", "ai-news")
    assert [s["kind"] for s in doc["segments"]] == [
        "greeting", "article", "article", "article", "commentary", "signoff",
    ]  # fmt: skip
    articles = [s for s in doc["segments"] if s["kind"] == "article"]
    assert [len(a["paragraphs"]) for a in articles] == [2, 2, 2]
    assert [a["source"]["n"] for a in articles] == [1, 2, 3]
    assert [a["source"]["outlet"] for a in articles] == ["SBS 뉴스", "ZDNET KOREA", "BBC NEWS"]
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
    assert "-SBS" not in text


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
