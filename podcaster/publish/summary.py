"""One summary line per episode, used everywhere a listener sees one: the feed's
``description``, the MP3's comment (COMM), the page's meta and og:description, and the
index's line under the episode's title."""

from __future__ import annotations

from podcaster.model import Episode, Post, Segment

SUMMARY_SOURCES = "이번 회에서 다룬 소식: "
MAX_CHARS = 300


def summary(post: Post, segments: list[Segment]) -> str:
    """The post's own description; else the titles of the sources it covers; else the start
    of its first paragraph; else its title."""
    if post.description and post.description.strip():
        return " ".join(post.description.split())
    titles = [s.title.strip() for s in post.sources if s.title and s.title.strip()]
    if titles:
        return shorten(SUMMARY_SOURCES + " · ".join(titles))
    for segment in segments:
        for paragraph in segment.paragraphs:
            if paragraph.strip():
                return shorten(" ".join(paragraph.split()))
    return post.title


def episode_summary(episode: Episode) -> str:
    """The episode's one summary line (``summary`` of its post and segments)."""
    return summary(episode.post, episode.segments)


def shorten(text: str, limit: int = MAX_CHARS) -> str:
    """``text`` cut to ``limit`` characters at most, ending in "…" when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
