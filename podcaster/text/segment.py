"""Split a post into what listeners hear: greeting, articles, commentary and sign-off.

- greeting: the paragraphs before the first quote (none if the post opens with a quote);
- articles: quoted paragraphs, matched to the post's sources by a monotonic alignment (the
  article index never goes back) that maximises the character-bigram similarity between each
  paragraph and the source titles. A paragraph without a clear match continues the current
  article. Without sources, each run of consecutive quotes is one article, "기사 N";
- commentary: the author's paragraphs between and after the quotes, in the post's order;
- sign-off: among the paragraphs after the last quote, the last one starting with "이상"
  ("이상 …", "이상으로 …", "이상입니다", not "이상하게도") and everything after it; if none
  starts so and more than one paragraph follows the last quote, the very last paragraph.

A post without quotes is a greeting (its first paragraph, if more follow), commentary and a
sign-off by the same rule. Sources are never a segment.
"""

from __future__ import annotations

import logging
import re

from podcaster.model import Block, Post, Segment, Source

log = logging.getLogger(__name__)

GREETING_TITLE = "인사"
COMMENTARY_TITLE = "논평"
SIGNOFF_TITLE = "맺음말"

# "이상 …", "이상으로 …", "이상입니다." — but not "이상하게도", "이상적인".
_SIGNOFF_START = re.compile(r"^이상(?:\s|[,.!…]|으로|입니다|이었습니다|이었|$)")
_WORD = re.compile(r"\w+")

# A paragraph needs at least this share of a title's (weighted) bigrams to count as a match.
MIN_MATCH = 0.12
# Cost of leaving a source unquoted, and of switching article without evidence.
SKIP_COST = 0.25
SWITCH_COST = 0.01


def segment_post(post: Post) -> list[Segment]:
    """Return the post's segments in reading order (sources are never a segment)."""
    blocks = post.blocks
    quoted = [i for i, b in enumerate(blocks) if b.quoted]
    if not quoted:
        return _segments_without_quotes(blocks)
    first, last = quoted[0], quoted[-1]
    segments: list[Segment] = []
    if first > 0:
        segments.append(Segment("greeting", GREETING_TITLE, [b.text for b in blocks[:first]]))

    tail = blocks[last + 1 :]
    signoff_at = _signoff_start(tail)
    middle_end = last + 1 + (signoff_at if signoff_at is not None else len(tail))

    run_starts = [i == 0 or not blocks[i - 1].quoted for i in quoted]
    articles = align([blocks[i].text for i in quoted], post.sources, run_starts)
    article_of = dict(zip(quoted, articles, strict=True))
    current: Segment | None = None
    current_key: object = None
    count = 0
    for i in range(first, middle_end):
        block = blocks[i]
        if block.quoted:
            key = ("article", article_of[i])
            if current is None or current_key != key:
                count += 1
                source = post.sources[article_of[i]] if article_of[i] is not None else None
                title = source.title if source else f"기사 {count}"
                current = Segment("article", title, [], source)
                segments.append(current)
                current_key = key
        else:
            if current is None or current.kind != "commentary":
                current = Segment("commentary", COMMENTARY_TITLE, [])
                segments.append(current)
                current_key = "commentary"
        current.paragraphs.append(block.text)
    if signoff_at is not None:
        segments.append(Segment("signoff", SIGNOFF_TITLE, [b.text for b in tail[signoff_at:]]))
    return segments


def _segments_without_quotes(blocks: list[Block]) -> list[Segment]:
    """A post without quotes: the first paragraph greets (if more follow), the rest comments."""
    texts = [b.text for b in blocks]
    if len(texts) == 1:
        return [Segment("commentary", COMMENTARY_TITLE, texts)]
    segments = [Segment("greeting", GREETING_TITLE, texts[:1])]
    rest = blocks[1:]
    signoff_at = _signoff_start(rest)
    body = texts[1 : 1 + (signoff_at if signoff_at is not None else len(rest))]
    if body:
        segments.append(Segment("commentary", COMMENTARY_TITLE, body))
    if signoff_at is not None:
        segments.append(Segment("signoff", SIGNOFF_TITLE, texts[1 + signoff_at :]))
    return segments


def _signoff_start(tail: list[Block]) -> int | None:
    """Index in ``tail`` (the non-quoted paragraphs after the last quote) where the sign-off starts.

    The last paragraph starting with "이상" opens the sign-off; without one, the last
    paragraph is the sign-off when there is more than one paragraph.
    """
    for i in range(len(tail) - 1, -1, -1):
        if _SIGNOFF_START.match(tail[i].text):
            return i
    if len(tail) > 1:
        return len(tail) - 1
    return None


def bigrams(text: str) -> set[str]:
    """Character bigrams inside words (case-folded)."""
    grams: set[str] = set()
    for word in _WORD.findall(text.casefold()):
        grams.update(word[i : i + 2] for i in range(len(word) - 1))
    return grams


def similarities(paragraphs: list[str], sources: list[Source]) -> list[list[float]]:
    """For each paragraph, the weighted share of each source title's bigrams it contains.

    A bigram's weight is 1 / (number of titles holding it), and 0 when every title holds it
    (like "ai" in an AI-news post): it cannot tell the sources apart. A share below
    ``MIN_MATCH``, or resting on a single bigram of a longer title, is no clear match: 0.
    """
    titles = [bigrams(s.title) for s in sources]
    df: dict[str, int] = {}
    for t in titles:
        for g in t:
            df[g] = df.get(g, 0) + 1
    k = len(titles)
    weight = {g: 0.0 if k > 1 and n == k else 1 / n for g, n in df.items()}
    scores = []
    for p in paragraphs:
        grams = bigrams(p)
        row = []
        for t in titles:
            useful = [g for g in t if weight[g] > 0]
            hits = [g for g in useful if g in grams]
            total = sum(weight[g] for g in useful)
            share = sum(weight[g] for g in hits) / total if total else 0.0
            clear = share >= MIN_MATCH and len(hits) >= min(2, len(useful))
            row.append(share if clear else 0.0)
        scores.append(row)
    return scores


def align(
    paragraphs: list[str], sources: list[Source], run_starts: list[bool] | None = None
) -> list[int | None]:
    """Source index for each quoted paragraph, never decreasing; None for all without sources.

    The article may change only at a paragraph that clearly matches the new source's title,
    or at the first paragraph of a run of quotes (after commentary). Every source left
    unquoted costs ``SKIP_COST``, so sources are used when the text allows it; on a tie the
    current article continues.
    """
    if not sources or not paragraphs:
        return [None] * len(paragraphs)
    if run_starts is None:
        run_starts = [i == 0 for i in range(len(paragraphs))]
    k = len(sources)
    sim = similarities(paragraphs, sources)
    best = [sim[0][j] - SKIP_COST * j for j in range(k)]
    back: list[list[int]] = []
    for i in range(1, len(paragraphs)):
        new = [float("-inf")] * k
        ptr = [0] * k
        for j in range(k):
            for prev in range(j + 1):
                if prev == j:
                    score = best[j]
                elif sim[i][j] > 0 or run_starts[i]:
                    score = best[prev] - SWITCH_COST - SKIP_COST * (j - prev - 1)
                else:
                    continue
                if score > new[j]:  # strict: on a tie the earlier article is kept longer
                    new[j], ptr[j] = score, prev
            new[j] += sim[i][j]
        best = new
        back.append(ptr)
    j = max(range(k), key=lambda x: best[x] - SKIP_COST * (k - 1 - x))
    path = [j]
    for ptr in reversed(back):
        j = ptr[j]
        path.append(j)
    path.reverse()
    return path


def describe_segments(post: Post, segments: list[Segment]) -> dict:
    """The post and its segments as plain JSON-ready data."""
    return {
        "title": post.title,
        "date": post.date.isoformat(),
        "slug": post.slug,
        "draft": post.draft,
        "segments": [s.to_dict() for s in segments],
        "sources": [s.to_dict() for s in post.sources],
    }
