"""What an episode's MP3 is tagged with: title, show, date, number, notes, chapters and the
transcript's text, as plain data. ``podcaster.publish.tag`` writes it with mutagen; a build
that changes nothing compares it (by digest) without loading mutagen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from podcaster.config import Config
from podcaster.model import Episode, Post
from podcaster.publish.chapters import Chapter, episode_chapters
from podcaster.publish.layout import episode_guid, feed_url
from podcaster.publish.summary import episode_summary
from podcaster.publish.transcript import render_text, transcript_cues

# ISO 639-1 → the ISO 639-2 codes ID3 COMM and USLT frames want.
LANGUAGES = {"ko": "kor", "en": "eng", "ja": "jpn", "zh": "zho", "de": "deu", "fr": "fra",
             "es": "spa"}


@dataclass
class EpisodeTags:
    title: str
    artist: str
    album: str
    date: str  # YYYY-MM-DD
    track: int
    description: str = ""
    cover: Path | None = None
    genre: str = "Podcast"
    language: str = "kor"  # ISO 639-2, for the comment and transcript frames
    chapters: list[Chapter] = field(default_factory=list)
    transcript: str = ""
    # iTunes podcast frames
    podcast: bool = True  # PCST
    feed_url: str = ""  # WFED
    guid: str = ""  # TGID
    notes: str = ""  # TDES, the long description
    category: str = ""  # TCAT
    keywords: list[str] = field(default_factory=list)  # TKWD


def id3_language(code: str) -> str:
    """The ISO 639-2 code ID3 wants for a feed language code such as "ko" or "ko-KR"."""
    base = code.split("-")[0].lower()
    if len(base) == 3:
        return base
    return LANGUAGES.get(base, "und")


def show_notes(post: Post, summary_line: str) -> str:
    """The episode's summary followed by its numbered sources and their links."""
    lines = [summary_line]
    if post.sources:
        lines.append("")
        for source in post.sources:
            outlet = f" - {source.outlet}" if source.outlet else ""
            lines.append(f"{source.n}. {source.title}{outlet}")
            if source.url:
                lines.append(source.url)
    return "\n".join(lines)


def episode_tags(config: Config, episode: Episode) -> EpisodeTags:
    """Everything the episode's MP3 is tagged with: metadata, chapters, transcript."""
    post, show = episode.post, config.show
    summary_line = episode_summary(episode)
    return EpisodeTags(
        title=post.title, artist=show.author, album=show.title,
        date=post.date.isoformat(), track=episode.number,
        description=summary_line, cover=show.cover,
        language=id3_language(show.language),
        chapters=episode_chapters(episode.timeline),
        transcript=render_text(transcript_cues(episode.timeline, show.author)),
        feed_url=feed_url(config), guid=episode_guid(config, episode),
        notes=show_notes(post, summary_line), category=show.category,
    )
