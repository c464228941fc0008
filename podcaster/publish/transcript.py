"""Transcripts from the timeline: WebVTT and SRT captions, the Podcasting 2.0 JSON
transcript, and plain text (for the ID3 USLT frame).

Every spoken sentence has its exact time and shows the text as the author wrote it (not the
normalised form given to the engine). The author speaks the title, greeting, announcements,
commentary and sign-off; quoted articles are credited to their outlet. The JSON transcript
keeps one segment per sentence; WebVTT and SRT are captions, cut into cards of at most two
lines of 32 characters, each card spoken by one speaker.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from podcaster.model import Timeline
from podcaster.timecode import timecode

QUOTE_SPEAKER = "기사"  # who speaks a quote whose source names no outlet
CAPTION_LINE_WIDTH = 32  # the podcast namespace's limits for caption transcripts
CAPTION_MAX_LINES = 2
JSON_TRANSCRIPT_VERSION = "1.0.0"

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class TranscriptCue:
    """One sentence: times in milliseconds, who says it, and the text as written."""

    start_ms: int
    end_ms: int
    speaker: str
    text: str
    segment: int | None = None
    paragraph: int | None = None
    language: str = "ko"  # the language it is read in


def _ms(seconds: float) -> int:
    return int(round(seconds * 1000))


def transcript_cues(timeline: Timeline, author: str) -> list[TranscriptCue]:
    """The spoken cues of ``timeline`` in order; cues too short to show are left out."""
    outlets = {
        span.index: (span.source.outlet if span.source and span.source.outlet else QUOTE_SPEAKER)
        for span in timeline.segments if span.kind == "article"
    }
    cues = []
    for timed in timeline.speech():
        cue = timed.cue
        text = _SPACE.sub(" ", cue.text).strip()
        start, end = _ms(timed.start), _ms(timed.end)
        if not text or end <= start:
            continue
        speaker = outlets.get(cue.segment, QUOTE_SPEAKER) if cue.kind == "article" else author
        cues.append(TranscriptCue(start, end, speaker, text, cue.segment, cue.paragraph,
                                  cue.language))
    return cues


def _vtt_time(ms: int) -> str:
    return timecode(ms / 1000, hours=True, pad_lead=True, millis=".")  # HH:MM:SS.mmm


def _srt_time(ms: int) -> str:
    return timecode(ms / 1000, hours=True, pad_lead=True, millis=",")  # HH:MM:SS,mmm


def _vtt_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def wrap(text: str, width: int = CAPTION_LINE_WIDTH) -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken between words where possible."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        while len(word) > width:  # a word longer than a line is cut
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:width])
            word = word[width:]
        if not word:
            continue
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


@dataclass(frozen=True)
class Card:
    """A caption: at most two lines of 32 characters, spoken by one speaker."""

    start_ms: int
    end_ms: int
    speaker: str
    lines: list[str]
    language: str = "ko"


def caption_cards(cues: list[TranscriptCue], name_speaker: bool = False) -> list[Card]:
    """Caption cards for ``cues``: each sentence in cards of at most two 32-character lines.

    A sentence too long for one card is spread over several, its time shared by length.
    ``name_speaker``: a card where the speaker changes starts with "name: " (for SubRip,
    which has no voice markup).
    """
    cards = []
    speaker = None
    for cue in cues:
        text = f"{cue.speaker}: {cue.text}" if name_speaker and cue.speaker != speaker else cue.text
        speaker = cue.speaker
        lines = wrap(text)
        groups = [lines[i : i + CAPTION_MAX_LINES]
                  for i in range(0, len(lines), CAPTION_MAX_LINES)]
        total = sum(len(line) for line in lines)
        done = 0
        start = cue.start_ms
        for n, group in enumerate(groups):
            done += sum(len(line) for line in group)
            end = (cue.end_ms if n == len(groups) - 1
                   else cue.start_ms + (cue.end_ms - cue.start_ms) * done // total)
            cards.append(Card(start, end, cue.speaker, group, cue.language))
            start = end
    return cards


def render_vtt(cues: list[TranscriptCue], language: str = "ko") -> str:
    """A WebVTT captions document: caption-sized cues, each in a voice span naming its
    speaker; the text of a sentence in another language than ``language`` (the show's) in
    a language span (``<lang en>…</lang>``)."""
    lines = ["WEBVTT", ""]
    for n, card in enumerate(caption_cards(cues), start=1):
        body = "\n".join(_vtt_escape(line) for line in card.lines)
        if card.language != language:
            body = f"<lang {card.language}>{body}</lang>"
        lines += [
            str(n),
            f"{_vtt_time(card.start_ms)} --> {_vtt_time(card.end_ms)}",
            f"<v {_vtt_escape(card.speaker)}>{body}</v>",
            "",
        ]
    return "\n".join(lines)


def render_srt(cues: list[TranscriptCue]) -> str:
    """A SubRip document following the podcast namespace's advice for SRT transcripts."""
    blocks = []
    for n, card in enumerate(caption_cards(cues, name_speaker=True), start=1):
        body = "\n".join(card.lines)
        blocks.append(f"{n}\n{_srt_time(card.start_ms)} --> {_srt_time(card.end_ms)}\n{body}\n")
    return "\n".join(blocks)


def render_json(cues: list[TranscriptCue]) -> bytes:
    """The Podcasting 2.0 JSON transcript (UTF-8): one segment per sentence with its speaker,
    ``startTime`` and ``endTime`` in seconds, ``body`` and the ``language`` it is read in."""
    doc = {
        "version": JSON_TRANSCRIPT_VERSION,
        "segments": [
            {"speaker": cue.speaker, "startTime": cue.start_ms / 1000,
             "endTime": cue.end_ms / 1000, "body": cue.text, "language": cue.language}
            for cue in cues
        ],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def render_text(cues: list[TranscriptCue]) -> str:
    """Plain text: one paragraph per paragraph of the post, the speaker named where it changes."""
    paragraphs: list[tuple[str, list[str]]] = []
    previous = None
    for cue in cues:
        key = (cue.segment, cue.paragraph, cue.speaker)
        if key != previous or cue.paragraph is None:
            paragraphs.append((cue.speaker, []))
            previous = key
        paragraphs[-1][1].append(cue.text)
    out = []
    speaker = None
    for who, sentences in paragraphs:
        text = " ".join(sentences)
        out.append(f"{who}: {text}" if who != speaker else text)
        speaker = who
    return "\n\n".join(out) + ("\n" if out else "")
