"""Transcripts from the timeline: WebVTT, SRT and plain text (for the ID3 USLT frame).

Every spoken cue is one transcript cue with its exact time, showing the text as the author
wrote it (not the normalised form given to the engine). The author speaks the title,
greeting, announcements, commentary and sign-off; quoted articles are credited to their
outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from podcaster.model import Timeline
from podcaster.timecode import timecode

QUOTE_SPEAKER = "기사"  # who speaks a quote whose source names no outlet
SRT_LINE_WIDTH = 32  # the podcast namespace's limits for SRT transcripts
SRT_MAX_LINES = 2

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
        cues.append(TranscriptCue(start, end, speaker, text, cue.segment, cue.paragraph))
    return cues


def _vtt_time(ms: int) -> str:
    return timecode(ms / 1000, hours=True, pad_lead=True, millis=".")  # HH:MM:SS.mmm


def _srt_time(ms: int) -> str:
    return timecode(ms / 1000, hours=True, pad_lead=True, millis=",")  # HH:MM:SS,mmm


def _vtt_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_vtt(cues: list[TranscriptCue]) -> str:
    """A WebVTT document: one cue per sentence inside a voice span naming the speaker."""
    lines = ["WEBVTT", ""]
    for n, cue in enumerate(cues, start=1):
        lines += [
            str(n),
            f"{_vtt_time(cue.start_ms)} --> {_vtt_time(cue.end_ms)}",
            f"<v {_vtt_escape(cue.speaker)}>{_vtt_escape(cue.text)}</v>",
            "",
        ]
    return "\n".join(lines)


def wrap(text: str, width: int = SRT_LINE_WIDTH) -> list[str]:
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


def srt_cards(cues: list[TranscriptCue]) -> list[tuple[int, int, list[str]]]:
    """SubRip cards (start ms, end ms, lines) of at most two 32-character lines each.

    SRT has no voice markup: a card where the speaker changes starts with "name: ". A
    sentence too long for one card is spread over several, its time shared by length.
    """
    cards = []
    speaker = None
    for cue in cues:
        text = f"{cue.speaker}: {cue.text}" if cue.speaker != speaker else cue.text
        speaker = cue.speaker
        lines = wrap(text)
        groups = [lines[i : i + SRT_MAX_LINES] for i in range(0, len(lines), SRT_MAX_LINES)]
        total = sum(len(line) for line in lines)
        done = 0
        start = cue.start_ms
        for n, group in enumerate(groups):
            done += sum(len(line) for line in group)
            end = (cue.end_ms if n == len(groups) - 1
                   else cue.start_ms + (cue.end_ms - cue.start_ms) * done // total)
            cards.append((start, end, group))
            start = end
    return cards


def render_srt(cues: list[TranscriptCue]) -> str:
    """A SubRip document following the podcast namespace's advice for SRT transcripts."""
    blocks = []
    for n, (start, end, lines) in enumerate(srt_cards(cues), start=1):
        body = "\n".join(lines)
        blocks.append(f"{n}\n{_srt_time(start)} --> {_srt_time(end)}\n{body}\n")
    return "\n".join(blocks)


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
