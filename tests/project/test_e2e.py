"""Build the demo podcast end to end with the offline engine; check it with independent readers."""

from __future__ import annotations

import math
from array import array

import feedparser
import pytest
from click.testing import CliRunner

from podcaster import ffmpeg
from podcaster.cli import main
from podcaster.config import default_asset
from podcaster.model import SEGMENT_KINDS
from tests.helpers import mp3_of

RATE = 8000


def pcm(path_or_bytes, seconds: float | None = None) -> array:
    data = ffmpeg.decode_pcm(path_or_bytes, RATE, 1)
    samples = array("h")
    samples.frombytes(data)
    return samples[: int(seconds * RATE)] if seconds else samples


def correlation(a, b) -> float:
    n = min(len(a), len(b))
    a, b = a[:n], b[:n]
    ma, mb = sum(a) / n, sum(b) / n
    num = sum((x - ma) * (y - mb) for x, y in zip(a, b))
    den = math.sqrt(sum((x - ma) ** 2 for x in a) * sum((y - mb) ** 2 for y in b))
    return num / den if den else 0.0


def rms(samples) -> float:
    return math.sqrt(sum(x * x for x in samples) / len(samples)) if samples else 0.0


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The demo built through the CLI (not shared: this test rebuilds it)."""
    import shutil

    from tests.helpers import DEMO

    project = tmp_path_factory.mktemp("e2e") / "demo"
    shutil.copytree(DEMO, project, ignore=shutil.ignore_patterns("public", ".podcaster-cache"))
    result = CliRunner().invoke(main, ["-q", "build", str(project), "--engine", "espeak"])
    assert result.exit_code == 0, result.output
    return project


def test_feed_lists_one_item_per_post_with_exact_enclosures(built):
    posts = sorted((built / "posts").iterdir())
    feed = feedparser.parse((built / "public" / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert len(feed.entries) == len(posts)
    for entry in feed.entries:
        (enclosure,) = entry.enclosures
        assert enclosure.href.startswith("https://evening-ai.example.org/episodes/")
        file = built / "public" / "episodes" / enclosure.href.rsplit("/", 1)[1]
        assert int(enclosure.length) == file.stat().st_size
        assert enclosure.type == "audio/mpeg"


def test_episodes_start_with_intro_and_hold_every_segment(built):
    from podcaster.text.read import read_post
    from podcaster.text.segment import segment_post

    intro = pcm(default_asset("intro.mp3"), 3.0)
    for post_file in sorted((built / "posts").iterdir()):
        post = read_post(post_file)
        mp3 = mp3_of(built / "public", post.slug)
        episode = pcm(mp3)
        seconds = len(episode) / RATE
        # the intro, then at least a few seconds of speech per sentence-bearing segment
        segments = segment_post(post)
        assert 30 < seconds < 1200
        assert correlation(intro, episode[: len(intro)]) > 0.8
        # speech is present throughout: no 10-second stretch of silence after the intro
        window = 10 * RATE
        for start in range(15 * RATE, len(episode) - window, window):
            assert rms(episode[start : start + window]) > 100, f"{mp3}: silence at {start / RATE} s"
        assert {s.kind for s in segments} == set(SEGMENT_KINDS)


def test_build_reports_paths(built):
    result = CliRunner().invoke(main, ["build", str(built), "--engine", "espeak"])
    assert result.exit_code == 0, result.output
    assert "feed.xml" in result.output
    assert "0 built, 0 restored, 0 re-tagged, 3 unchanged, 0 removed" in result.output  # a no-op rebuild
