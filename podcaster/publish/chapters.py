"""An episode's chapters from its timeline, and the Podcasting 2.0 JSON chapters file.

One chapter per segment: 인사, one per article ("기사 1 · <source title>", linking to the
source), 논평, 맺음말. A chapter starts where its segment's first sentence starts, so a
listener who skips to it hears words at once (the stings before an article close the
previous chapter); the first chapter starts at 0 and covers the intro and title. Times are
whole milliseconds, the unit of ID3 chapter frames, so the MP3's chapters and the JSON agree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from podcaster.model import SegmentSpan, Timeline
from podcaster.publish.layout import uri

JSON_CHAPTERS_VERSION = "1.2.0"
ARTICLE_PREFIX = "기사"


@dataclass(frozen=True)
class Chapter:
    """A chapter of an episode; times in milliseconds from the start of the audio."""

    title: str
    start_ms: int
    end_ms: int
    url: str | None = None
    kind: str = ""

    @property
    def start(self) -> float:
        return self.start_ms / 1000

    @property
    def end(self) -> float:
        return self.end_ms / 1000


def ms(seconds: float) -> int:
    return int(round(seconds * 1000))


def chapter_titles(spans: list[SegmentSpan]) -> list[str]:
    """A title per segment: articles numbered with their source's title; commentary
    numbered only when the post has more than one commentary part."""
    commentaries = sum(1 for s in spans if s.kind == "commentary")
    titles = []
    articles = commentary = 0
    for span in spans:
        if span.kind == "article":
            articles += 1
            title = f"{ARTICLE_PREFIX} {articles}"
            source_title = span.source.title.strip() if span.source else ""
            titles.append(f"{title} · {source_title}" if source_title else title)
        elif span.kind == "commentary" and commentaries > 1:
            commentary += 1
            titles.append(f"{span.title} {commentary}")
        else:
            titles.append(span.title)
    return titles


def episode_chapters(timeline: Timeline) -> list[Chapter]:
    """The chapters of an episode, in order, covering the whole audio without gaps."""
    first_speech: dict[int, float] = {}
    for timed in timeline.speech():
        segment = timed.cue.segment
        if segment is not None and segment not in first_speech:
            first_speech[segment] = timed.start
    spans = timeline.segments
    starts = []
    for n, span in enumerate(spans):
        start = 0 if n == 0 else ms(first_speech.get(span.index, span.start))
        starts.append(max(start, starts[-1]) if starts else start)
    end_of_audio = max(ms(timeline.duration), starts[-1] if starts else 0)
    chapters = []
    for n, (span, title) in enumerate(zip(spans, chapter_titles(spans))):
        end = starts[n + 1] if n + 1 < len(spans) else end_of_audio
        url = span.source.url if span.kind == "article" and span.source else None
        chapters.append(Chapter(title, starts[n], end, url or None, span.kind))
    return chapters


def chapters_json(chapters: list[Chapter], title: str | None = None,
                  podcast_name: str | None = None) -> bytes:
    """The Podcasting 2.0 JSON chapters document (UTF-8) for ``chapters``."""
    doc: dict = {"version": JSON_CHAPTERS_VERSION}
    if title:
        doc["title"] = title
    if podcast_name:
        doc["podcastName"] = podcast_name
    items = []
    for chapter in chapters:
        item: dict = {"startTime": chapter.start, "endTime": chapter.end,
                      "title": chapter.title}
        if chapter.url:
            item["url"] = uri(chapter.url)
        items.append(item)
    doc["chapters"] = items
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
