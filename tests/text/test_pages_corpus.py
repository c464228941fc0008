"""The pages corpus: posts saved from blog platforms (Tistory skins, Naver Blog, Brunch, Velog,
WordPress, Blogger, Medium, Ghost, hand-written pages) and posts whose source lists are
written in every common form, made by ``tests/pages_corpus/make_pages.py``.

Each post has, beside it, its expected ``podcaster segments --json`` (``<post>.expected.json``,
without the explanations ``why`` and ``confidence``) and its expected spoken script
(``<post>.script``: one cue a line, its kind and the text said, before pronunciation).
``truth.json`` says, independently of podcaster, what each post must yield: its title, the
paragraphs heard, its sources with their outlets, and furniture that must never be heard.

The test prints a table (``python -m pytest tests/text/test_pages_corpus.py -s``). To regenerate
the goldens after a deliberate change: ``PODCASTER_UPDATE_GOLDENS=1 python -m pytest
tests/text/test_pages_corpus.py`` and review the diff (``truth.json`` is never rewritten by it).
"""

from __future__ import annotations

import json
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from podcaster.cli import main
from podcaster.text.read import read_post
from podcaster.text.script import ScriptSettings, build_script
from podcaster.text.segment import segment_post
from tests.helpers import TESTS

CORPUS = TESTS / "pages_corpus"
POSTS = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md", ".html"))
TRUTH = json.loads((CORPUS / "truth.json").read_text("utf-8"))
UPDATE = os.environ.get("PODCASTER_UPDATE_GOLDENS") == "1"
VOLATILE = ("why", "confidence")


def observed(post: Path) -> dict:
    """``podcaster segments POST --json`` as a user runs it, without the explanations."""
    result = CliRunner().invoke(main, ["segments", str(post), "--json"])
    assert result.exit_code == 0, f"{post.name}: {result.output}"
    doc = json.loads(result.stdout)
    doc["segments"] = [{k: v for k, v in s.items() if k not in VOLATILE} for s in doc["segments"]]
    return doc


def spoken(post: Path) -> list[str]:
    """The post's script: one line per cue, its kind and what is said (before pronunciation)."""
    parsed = read_post(post)
    cues = build_script(parsed, segment_post(parsed), ScriptSettings())
    return [f"{cue.kind}\t{cue.text}" for cue in cues if not cue.is_sound]


@dataclass
class Row:
    post: str
    shape: str
    form: str
    golden: bool  # segments and script as stored beside the post
    truth: bool  # title, heard paragraphs and sources as truth.json says
    clean: bool  # no furniture, URL or source line is heard

    @property
    def exact(self) -> bool:
        return self.golden and self.truth and self.clean


def check(post: Path) -> Row:
    truth = TRUTH[post.name]
    doc = observed(post)
    script = spoken(post)
    golden_json = post.with_name(post.name + ".expected.json")
    golden_script = post.with_name(post.name + ".script")
    if UPDATE:
        golden_json.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", "utf-8")
        golden_script.write_text("\n".join(script) + "\n", "utf-8")
    golden = (golden_json.exists() and golden_script.exists()
              and json.loads(golden_json.read_text("utf-8")) == doc
              and golden_script.read_text("utf-8").splitlines() == script)
    heard = [p for s in doc["segments"] for p in s["paragraphs"]]
    right = (doc["title"] == truth["title"] and heard == truth["paragraphs"]
             and doc["sources"] == truth["sources"])
    said = [line.split("\t", 1)[1] for line in script]
    clean = not any(word in line for line in said for word in truth["never"])
    return Row(post.name, truth["shape"], truth["form"], golden, right, clean)


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal (wide and full-width characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, columns: int) -> str:
    return text + " " * (columns - width(text))


def table(rows: list[Row]) -> str:
    shape_w = max(width(r.shape) for r in rows)
    form_w = max(width(r.form) for r in rows)
    lines = [f"{pad('platform / page', shape_w)}  {pad('source-list form', form_w)}  golden  "
             "truth  clean  exact"]
    for r in rows:
        lines.append(f"{pad(r.shape, shape_w)}  {pad(r.form, form_w)}  "
                     + "  ".join(f"{'yes' if v else 'NO':>{w}}" for v, w in
                                 ((r.golden, 6), (r.truth, 5), (r.clean, 5), (r.exact, 5))))
    lines.append(f"{len(rows)} posts, {sum(r.exact for r in rows)} exact")
    return "\n".join(lines)


def test_corpus_covers_every_platform_and_form():
    assert len(POSTS) >= 40
    assert set(TRUTH) == {p.name for p in POSTS}
    shapes = " ".join(t["shape"] for t in TRUTH.values())
    for platform in ("Tistory", "Naver Blog", "Brunch", "Velog", "WordPress", "Blogger",
                     "Medium", "Ghost", "hand-written"):
        assert platform in shapes, platform
    assert sum("Tistory" in t["shape"] for t in TRUTH.values()) >= 3  # several skins
    forms = " + ".join(t["form"] for t in TRUTH.values())
    from tests.pages_corpus.make_pages import FORMS

    for form in FORMS:
        assert form in forms, form
    assert sum(" + " in t["form"] for t in TRUTH.values()) >= 4  # posts mixing forms


def test_every_post_speaks_only_its_content():
    rows = [check(post) for post in POSTS]
    report = table(rows)
    print("\n" + report)
    if UPDATE:
        pytest.skip("goldens rewritten; review the diff")
    assert all(r.exact for r in rows), report


def test_the_page_policy_reads_each_platform_page_at_least_as_well_as_trafilatura(tmp_path):
    """The reader finds the post by the platform table, not with trafilatura: on every saved
    page of the corpus it is at least as right as trafilatura's main content (read the same
    way afterwards), and on some pages trafilatura keeps comments, tags or buttons."""
    import html

    import trafilatura

    from podcaster.importer.extract import clean_html

    ours = theirs = 0
    lines = []
    for post in (p for p in POSTS if p.suffix == ".html"):
        truth = TRUTH[post.name]
        extracted = trafilatura.extract(
            post.read_bytes(), output_format="html", include_links=True, include_images=False,
            include_comments=False, include_tables=False, include_formatting=True,
            deduplicate=False) or ""
        page = tmp_path / post.name
        page.write_text(f"<html><body><article><h1>{html.escape(truth['title'])}</h1>"
                        f"{clean_html(extracted, truth['title'])}</article></body></html>",
                        encoding="utf-8")
        results = []
        for path in (post, page):
            parsed = read_post(path)
            heard = [p for s in segment_post(parsed) for p in s.paragraphs]
            results.append(heard == truth["paragraphs"])
        ours += results[0]
        theirs += results[1]
        lines.append(f"{truth['shape']:<32} policy {'yes' if results[0] else 'NO':>3}  "
                     f"trafilatura {'yes' if results[1] else 'NO':>3}")
        assert results[0] >= results[1], post.name
    print("\n" + "\n".join(lines) + f"\npolicy {ours}, trafilatura {theirs} of {len(lines)}")
    assert ours == len(lines) and theirs < ours
