"""Plain data passed between the pipeline's stages.

read → ``Post``; segment → ``Segment``; script → ``Cue``; synthesise → ``Clip``;
assemble → ``Timeline``; the build → ``Episode``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

SEGMENT_KINDS = ("greeting", "article", "commentary", "signoff")

# Cue kinds a voice can be configured for, and the sound cues around them.
SPEECH_KINDS = ("title", "greeting", "announcement", "article", "commentary", "signoff")
SOUND_KINDS = ("intro", "sting", "outro")


@dataclass(frozen=True)
class Source:
    """One entry of the post's numbered source list."""

    n: int
    title: str
    outlet: str | None = None
    url: str | None = None
    # "address" when the outlet was not written in the list but known from the URL's host
    outlet_from: str | None = None
    line: int = field(default=0, compare=False)  # 1-based line of the post (0 when unknown)

    def to_dict(self) -> dict:
        d = {"n": self.n, "title": self.title, "outlet": self.outlet, "url": self.url}
        if self.outlet_from:
            d["outlet_from"] = self.outlet_from
        return d


@dataclass(frozen=True)
class Block:
    """A paragraph of the post body in reading order; ``quoted`` if it is a quote.

    ``continues`` marks a quoted paragraph that belongs to the same quotation as the one
    before it (a long quote over several paragraphs, or one ``<blockquote>``); ``line`` is
    where the paragraph starts in the file (0 when unknown); ``unclosed`` marks the first
    paragraph of a quote whose opening mark is never closed.
    """

    text: str
    quoted: bool = False
    continues: bool = False
    line: int = field(default=0, compare=False)
    # The quote mark opening this quote is never closed: the quote was ended where the
    # paragraphs stop opening with a quote mark (the post should be fixed).
    unclosed: bool = field(default=False, compare=False)


@dataclass
class Post:
    """A post as read from disk, before segmentation."""

    path: Path
    title: str
    date: dt.date
    slug: str
    blocks: list[Block]
    sources: list[Source]
    draft: bool = False
    description: str | None = None
    raw: bytes = b""  # the file's bytes, for change detection


@dataclass
class Segment:
    """A part of the post as listeners hear it: greeting, article, commentary or signoff.

    An article carries how sure its attribution is (``confidence``, 0–1; None in a post
    without sources), the evidence behind it (``why``) and, when its source was found
    another way than usual, a note saying so (``note``: credited out of the list's order).
    """

    kind: str
    title: str
    paragraphs: list[str]
    source: Source | None = None
    confidence: float | None = None
    why: list[str] = field(default_factory=list)
    note: str | None = None

    def to_dict(self) -> dict:
        d = {
            "kind": self.kind,
            "title": self.title,
            "paragraphs": list(self.paragraphs),
            "source": self.source.to_dict() if self.source else None,
        }
        if self.kind == "article":
            d["confidence"] = self.confidence
            d["why"] = list(self.why)
            if self.note:
                d["note"] = self.note
        return d


@dataclass
class Cue:
    """One step of the spoken script: a sentence to say or a sound to play.

    ``text`` is what the author wrote (transcripts show it); ``spoken`` is the normalised
    text given to the engine. Sound cues (intro, sting, outro) have ``sound`` set instead.
    """

    kind: str
    text: str = ""
    spoken: str = ""
    sound: Path | None = None
    segment: int | None = None  # index into the episode's segments
    paragraph: int | None = None  # index of the paragraph inside the segment
    pause_after: float = 0.0  # seconds of silence after this cue
    language: str = "ko"  # the language the sentence is read in (a voice of its own)

    @property
    def is_sound(self) -> bool:
        return self.sound is not None


@dataclass(frozen=True)
class Voice:
    """Which engine speaks a cue kind, and how."""

    engine: str
    voice: str = ""
    rate: int | None = None  # engine speaking rate (engine units), None = engine default
    pitch: int | None = None
    tempo: float = 1.0  # ffmpeg atempo applied after synthesis, pitch unchanged
    options: tuple[tuple[str, str], ...] = ()  # engine-specific settings (e.g. tld, slow)


@dataclass
class Clip:
    """Synthesised speech for one cue: 16-bit mono PCM WAV bytes on disk."""

    path: Path
    duration: float
    cached: bool = False


@dataclass
class TimedCue:
    cue: Cue
    start: float
    end: float


@dataclass
class SegmentSpan:
    """Where a segment sits in the episode's audio (for chapters)."""

    index: int
    kind: str
    title: str
    start: float
    end: float
    source: Source | None = None


@dataclass
class Timeline:
    """Every cue and segment of an episode placed in time (seconds)."""

    cues: list[TimedCue] = field(default_factory=list)
    segments: list[SegmentSpan] = field(default_factory=list)
    duration: float = 0.0

    def speech(self) -> list[TimedCue]:
        return [c for c in self.cues if not c.cue.is_sound]


@dataclass
class Episode:
    """A built episode: its post, segments, audio file and timeline."""

    post: Post
    segments: list[Segment]
    number: int
    audio_path: Path
    size: int
    duration: float
    timeline: Timeline
    peaks: list[int] | None = None  # the waveform, if the build has it already (publish.waveform)
