"""Split a post into what listeners hear: greeting, articles, commentary and sign-off.

- greeting: the paragraphs before the first quote (none if the post opens with a quote);
- articles: quote blocks, credited to the post's sources by ``podcaster.text.attribution``
  (structure and text evidence combined; an unclear one gets no source and a warning).
  An article without a source is titled "기사 N";
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
from dataclasses import dataclass, field, replace

from podcaster.model import Block, Post, Segment
from podcaster.text.attribution import NO_SOURCES, Article, AttributionWarning, attribute

log = logging.getLogger(__name__)

GREETING_TITLE = "인사"
COMMENTARY_TITLE = "논평"
SIGNOFF_TITLE = "맺음말"

# "이상 …", "이상으로 …", "이상입니다." — but not "이상하게도", "이상적인".
_SIGNOFF_START = re.compile(r"^이상(?:\s|[,.!…]|으로|입니다|이었습니다|이었|$)")


@dataclass
class Segmentation:
    """A post's segments and what the author should check about their attribution."""

    segments: list[Segment]
    warnings: list[AttributionWarning] = field(default_factory=list)


def segment_post(post: Post) -> list[Segment]:
    """Return the post's segments in reading order (sources are never a segment)."""
    return analyse_post(post).segments


def analyse_post(post: Post) -> Segmentation:
    """The post's segments, and a warning for each quote whose source is unclear."""
    blocks = post.blocks
    quoted = [i for i, b in enumerate(blocks) if b.quoted]
    if not quoted:
        return Segmentation(_segments_without_quotes(blocks))
    first, last = quoted[0], quoted[-1]
    segments: list[Segment] = []
    if first > 0:
        segments.append(Segment("greeting", GREETING_TITLE, [b.text for b in blocks[:first]]))

    tail = blocks[last + 1 :]
    signoff_at = _signoff_start(tail)
    middle_end = last + 1 + (signoff_at if signoff_at is not None else len(tail))

    attribution = attribute(post)
    article_of = {i: a for a in attribution.articles for i in a.blocks}
    current: Segment | None = None
    current_article: Article | None = None
    count = 0
    for i in range(first, middle_end):
        block = blocks[i]
        if block.quoted:
            article = article_of[i]
            if current is None or current_article is not article:
                count += 1
                source = post.sources[article.source] if article.source is not None else None
                title = source.title if source else f"기사 {count}"
                current = Segment("article", title, [], source, article.confidence,
                                  list(article.why), article.note)
                segments.append(current)
                current_article = article
        else:
            if current is None or current.kind != "commentary":
                current = Segment("commentary", COMMENTARY_TITLE, [])
                segments.append(current)
                current_article = None
        current.paragraphs.append(block.text)
    if signoff_at is not None:
        segments.append(Segment("signoff", SIGNOFF_TITLE, [b.text for b in tail[signoff_at:]]))
    warnings = _about_sources(post, segments, attribution.warnings)
    for warning in warnings:
        log.info("%s", warning)
    return Segmentation(segments, warnings)


def _about_sources(post: Post, segments: list[Segment],
                   warnings: list[AttributionWarning]) -> list[AttributionWarning]:
    """Warn (logged) about each announced source without an outlet, and complete the
    warning for a post without sources with what was left unread after the sign-off."""
    from podcaster.text.spoken import no_sources_message, source_warnings

    for warning in source_warnings(post, segments):
        log.warning("%s: %s", post.path, warning)
    out = []
    for warning in warnings:
        if warning.message == NO_SOURCES and warning.paragraph is None:
            message, line = no_sources_message(post, segments, warning.message)
            warning = replace(warning, message=message, line=line)
        out.append(warning)
    return out


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


def describe_segments(post: Post, segments: list[Segment],
                      warnings: list[AttributionWarning] | tuple = ()) -> dict:
    """The post, its segments and the attribution warnings as plain JSON-ready data."""
    return {
        "title": post.title,
        "date": post.date.isoformat(),
        "slug": post.slug,
        "draft": post.draft,
        "segments": [s.to_dict() for s in segments],
        "sources": [s.to_dict() for s in post.sources],
        "warnings": [w.to_dict() for w in warnings],
    }
