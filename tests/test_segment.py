"""Segmentation of posts into greeting, articles, commentary and sign-off."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from podcaster.read import read_post
from podcaster.segment import segment_post

HERE = Path(__file__).resolve().parent
SEED_CANDIDATES = [
    HERE.parent.parent / "shared" / "samples" / "seed-post.txt",
    Path("/work/shared/samples/seed-post.txt"),
]


def _seed() -> Path | None:
    return next((p for p in SEED_CANDIDATES if p.is_file()), None)


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
