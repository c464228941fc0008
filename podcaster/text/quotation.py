"""One quotation of several paragraphs, cut where a paragraph clearly belongs to another
article (the author closed the quote too late) — never on one kind of evidence alone."""

from __future__ import annotations

from podcaster.model import Post
from podcaster.text.assignment import clear_source
from podcaster.text.evidence import SourceEvidence
from podcaster.text.notices import AttributionWarning, first_words, warning_at
from podcaster.text.structure import QuoteBlock

# A paragraph inside one quotation is taken as another article only on this much title
# evidence for another source, of several kinds (title words, figures, the outlet's name).
SPLIT_EVIDENCE = 0.5


def split_quotations(post: Post, units: list[QuoteBlock], scorer: SourceEvidence
                      ) -> tuple[list[QuoteBlock], list[AttributionWarning]]:
    """The quote blocks, a quotation of several paragraphs cut where a paragraph clearly
    belongs to another article: the paragraphs before it fit one source, and it fits
    another by several kinds of evidence (title words, figures, the outlet's name) and
    nothing of the first. A warning names each cut; without such evidence the paragraphs
    of one quotation stay one article."""
    out: list[QuoteBlock] = []
    warnings: list[AttributionWarning] = []
    for unit in units:
        start = 0
        for n in range(1, len(unit.blocks)):
            before = " ".join(post.blocks[i].text for i in unit.blocks[start:n])
            here = post.blocks[unit.blocks[n]].text
            own = clear_source([scorer.evidence(before, j).title_score
                                for j in range(len(post.sources))])
            other = None if own is None else _strong_fit(scorer, here, own)
            if own is None or other is None:
                continue
            out.append(QuoteBlock(unit.blocks[start:n], unit.run))
            start = n
            source = post.sources[other]
            warnings.append(warning_at(
                post, unit.blocks[n],
                f"this paragraph of the quotation opened at paragraph {unit.blocks[0] + 1} "
                f"fits source {source.n} ({first_words(source.title)}) by "
                f"{_kinds(scorer.evidence(here, other).kinds)}, not source "
                f"{post.sources[own].n}; it is taken as another article",
                "if it continues the article, say so in its words; else end the quote "
                "before it"))
        out.append(QuoteBlock(unit.blocks[start:], unit.run))
    return out, warnings


_KIND_NAMES = {"title": "its title's words", "numbers": "figures", "outlet": "its outlet's name"}


def _kinds(kinds: set[str]) -> str:
    return ", ".join(name for kind, name in _KIND_NAMES.items() if kind in kinds)


def _strong_fit(scorer: SourceEvidence, text: str, own: int) -> int | None:
    """The source other than ``own`` that ``text`` fits by several kinds of evidence and
    clearly, when ``text`` has no title evidence for ``own``; else None."""
    row = [scorer.evidence(text, source) for source in range(len(scorer.sources))]
    if row[own].title_score > 0:
        return None
    best = clear_source([evidence.title_score for evidence in row])
    if best is None or best == own:
        return None
    strong = row[best]
    return best if len(strong.kinds) >= 2 and strong.title_score >= SPLIT_EVIDENCE else None
