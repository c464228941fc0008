"""The corpus: posts written the way different bloggers write, each with its expected
``podcaster segments --json`` beside it (``<post>.expected.json``).

A golden file holds the command's output without the explanations (``why`` and
``confidence``, which say how sure the attribution is, not what it is; a warning's ``quote``
and ``advice``, which say where and what to do, not what is wrong), plus ``truth``:
for each quoted paragraph in reading order, the number of the source it really comes from
(null when the post does not list it), written by hand. The test compares every post with
its golden file, counts articles credited to a wrong source (must be 0) and articles left
without a source although they had one, and prints a table (``scripts/test
tests/text/test_corpus.py -s``). To regenerate the goldens after a deliberate change, run
``PODCASTER_UPDATE_GOLDENS=1 scripts/test tests/text/test_corpus.py`` and review the diff:
``truth`` is kept, every other field is rewritten.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from podcaster.cli import main
from tests.helpers import TESTS

CORPUS = TESTS / "corpus"
POSTS = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md", ".html"))
UPDATE = os.environ.get("PODCASTER_UPDATE_GOLDENS") == "1"
VOLATILE = ("why", "confidence")
# A warning's explanations: the quote's first words (its paragraph and line are kept) and
# what the author can change.
VOLATILE_WARNING = ("quote", "advice")


def golden_path(post: Path) -> Path:
    return post.with_name(post.name + ".expected.json")


def observed(post: Path) -> dict:
    """``podcaster segments POST --json`` as run by a user."""
    result = CliRunner().invoke(main, ["segments", str(post), "--json"])
    assert result.exit_code == 0, f"{post.name}: {result.output}"
    return json.loads(result.stdout)


def comparable(doc: dict) -> dict:
    """The document without explanations and without the hand-written truth."""
    out = {k: v for k, v in doc.items() if k != "truth"}
    out["segments"] = [{k: v for k, v in s.items() if k not in VOLATILE}
                       for s in doc["segments"]]
    out["warnings"] = [{k: v for k, v in w.items() if k not in VOLATILE_WARNING}
                       for w in doc["warnings"]]
    return out


@dataclass
class Row:
    post: str
    articles: int
    exact: bool
    wrong: int
    unattributed: int
    warnings: int


def score(post: Path, doc: dict, truth: list[int | None]) -> Row:
    """Compare the articles' sources with the truth, paragraph by paragraph."""
    articles = [s for s in doc["segments"] if s["kind"] == "article"]
    wrong = unattributed = 0
    k = 0
    for article in articles:
        true = truth[k : k + len(article["paragraphs"])]
        k += len(article["paragraphs"])
        credited = article["source"]["n"] if article["source"] else None
        if credited is not None and any(t != credited for t in true):
            wrong += 1
        elif credited is None and any(t is not None for t in true):
            unattributed += 1
    assert k == len(truth), f"{post.name}: truth lists {len(truth)} quoted paragraphs, not {k}"
    return Row(post.name, len(articles), True, wrong, unattributed, len(doc["warnings"]))


def table(rows: list[Row]) -> str:
    width = max(len(r.post) for r in rows)
    lines = [f"{'post':<{width}}  articles  exact  wrong source  unattributed  warnings"]
    for r in rows:
        lines.append(f"{r.post:<{width}}  {r.articles:>8}  {'yes' if r.exact else 'NO':>5}"
                     f"  {r.wrong:>12}  {r.unattributed:>12}  {r.warnings:>8}")
    exact = sum(r.exact for r in rows)
    lines.append(f"{'total ' + str(len(rows)) + ' posts':<{width}}  "
                 f"{sum(r.articles for r in rows):>8}  {exact:>5}"
                 f"  {sum(r.wrong for r in rows):>12}  {sum(r.unattributed for r in rows):>12}"
                 f"  {sum(r.warnings for r in rows):>8}")
    return "\n".join(lines)


def test_corpus_is_big_and_varied():
    assert len(POSTS) >= 30
    assert {p.suffix for p in POSTS} == {".txt", ".md", ".html"}


def test_corpus_matches_its_goldens():
    rows, mismatches = [], []
    for post in POSTS:
        doc = observed(post)
        path = golden_path(post)
        expected = json.loads(path.read_text("utf-8")) if path.exists() else None
        if UPDATE:
            truth = expected["truth"] if expected else [
                s["source"]["n"] if s["source"] else None
                for s in doc["segments"] if s["kind"] == "article" for _ in s["paragraphs"]]
            expected = {"truth": truth, **comparable(doc)}
            path.write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n", "utf-8")
        if expected is None:
            pytest.fail(f"{post.name}: no golden file (set PODCASTER_UPDATE_GOLDENS=1)")
        row = score(post, doc, expected["truth"])
        row.exact = comparable(doc) == comparable(expected)
        if not row.exact:
            mismatches.append(post.name)
        rows.append(row)
    report = table(rows)
    print("\n" + report)
    assert not mismatches, f"differ from their goldens: {mismatches}\n{report}"
    assert sum(r.wrong for r in rows) == 0, f"quotes credited to a wrong source\n{report}"
