"""Attribution, second round: one Markdown quote stays one article, quotes credited out of
the list's order when the evidence pairs them clearly, the greeting's count as a hint,
evidence across languages, and warnings that say what fits and what to change."""

from __future__ import annotations

from pathlib import Path

from podcaster.text.read import read_post
from podcaster.text.segment import analyse_post

POSTS = Path(__file__).resolve().parent / "attribution_posts"


def articles(path: Path) -> list[tuple[int | None, list[str]]]:
    """(credited source number or None, first words of each paragraph) per article."""
    segmentation = analyse_post(read_post(path))
    return [(s.source.n if s.source else None, [p.split()[0] for p in s.paragraphs])
            for s in segmentation.segments if s.kind == "article"]


def test_the_paragraphs_of_one_markdown_quote_are_one_article():
    # The second paragraph holds a figure of the other source's title ("12"); joined by a
    # ">" line, it is one quotation with the first and stays in its article.
    assert articles(POSTS / "2025-04-03-split-blockquote.md") == [(1, ["한", "회사는"]), (2, ["정부가"])]


def test_markdown_quotes_apart_are_two_quotations(tmp_path):
    post = tmp_path / "2025-04-03-apart.md"
    post.write_text("# 제목\n\n인사입니다.\n\n> 첫 인용이다.\n\n> 둘째 인용이다.\n\n끝입니다.\n",
                    "utf-8")
    blocks = read_post(post).blocks
    assert [(b.quoted, b.continues) for b in blocks] == [
        (False, False), (True, False), (True, False), (False, False)]
