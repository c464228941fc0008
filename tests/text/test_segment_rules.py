"""Segmenting a post from both sides: what each article segment carries from its
attribution, as ``podcaster segments --json`` shows it."""

from __future__ import annotations

import json
import logging

from click.testing import CliRunner

from podcaster.cli import main
from podcaster.text.attribution import attribute
from podcaster.text.read import read_post
from podcaster.text.segment import analyse_post
from tests.helpers import TESTS

SPACE = TESTS / "posts" / "2025-05-20-space-news.txt"
BACKGROUND = TESTS / "corpus" / "2025-04-10-background-source.txt"  # a source nobody quotes


def test_each_article_carries_its_attributions_confidence_evidence_and_note():
    post = read_post(SPACE)
    articles = [s for s in analyse_post(post).segments if s.kind == "article"]
    expected = attribute(post).articles
    assert [(s.confidence, s.why, s.note) for s in articles] == [
        (a.confidence, a.why, a.note) for a in expected]
    assert all(s.confidence == 1.0 and s.why for s in articles)


def test_the_json_listing_shows_each_articles_confidence():
    result = CliRunner().invoke(main, ["segments", str(SPACE), "--json"])
    assert result.exit_code == 0, result.output
    segments = json.loads(result.output)["segments"]
    assert [s.get("confidence") for s in segments] == [None, 1.0, None, 1.0, None, None]
    assert [bool(s.get("why")) for s in segments] == [False, True, False, True, False, False]


def test_each_attribution_warning_is_logged_as_it_reads(caplog):
    """``podcaster segments -v`` shows each warning once more, in the segmenter's log."""
    with caplog.at_level(logging.INFO, logger="podcaster.text.segment"):
        warnings = analyse_post(read_post(BACKGROUND)).warnings
    assert len(warnings) == 1
    logged = [r.getMessage() for r in caplog.records if r.name == "podcaster.text.segment"]
    assert logged == [str(warnings[0])]
    assert logged[0].startswith("2025-04-10-background-source.txt: source 2 (")
