"""Where every cue plays: sample-exact placement on the episode's clock, and the Timeline.

Speech and stings follow one another with the script's pauses. The intro is a bed: it plays
alone for ``intro_lead`` seconds, ducks as the first words start and fades out under them.
The outro starts ducked under the last words and rises to full level when they end; after a
sound (the sting closing a post that ends on an article) it follows in line.
Positions are whole samples at the output rate, so the Timeline is what the audio is.
"""

from __future__ import annotations

from dataclasses import dataclass

from podcaster.audio.settings import AudioSettings
from podcaster.model import Cue, Segment, SegmentSpan, TimedCue, Timeline

MUSIC = "music"  # the loudness group of every sound cue
DUCK_RAMP = 0.5  # seconds music takes to duck before the first words
RISE_RAMP = 0.8  # seconds the outro takes to rise once the last words end


def speech_group(cue: Cue) -> str:
    """The loudness group of a speech cue: its kind, and a foreign sentence's language too
    (``article/en``), so that each voice is levelled to the speech as a whole."""
    return cue.kind if cue.language == "ko" else f"{cue.kind}/{cue.language}"


@dataclass(frozen=True)
class Event:
    """One cue's audio on the episode clock: ``length`` samples from sample ``start``.

    ``envelope`` is a list of (sample offset in the event, linear gain) points joined by
    straight lines; empty means unit gain throughout.
    """

    cue: int  # index into the script
    start: int
    length: int
    group: str  # loudness group: the speech kind (and a foreign language's), or MUSIC
    envelope: tuple[tuple[int, float], ...] = ()

    @property
    def end(self) -> int:
        return self.start + self.length


class Placer:
    """Places cues one after another as their lengths become known."""

    def __init__(self, rate: int, settings: AudioSettings):
        self.rate = rate
        self.settings = settings
        self.cursor = 0  # where the next inline cue starts
        self.last_speech: Event | None = None  # the last cue placed, if it was words
        self.events: list[Event] = []

    def samples(self, seconds: float) -> int:
        return max(0, round(seconds * self.rate))

    def add(self, index: int, cue: Cue, length: int) -> Event:
        """Place cue ``index`` of ``length`` samples; return its event."""
        if cue.is_sound and cue.kind == "intro" and not self.events:
            event = self._intro(index, length)
        elif cue.is_sound and cue.kind == "outro" and self.last_speech is not None:
            event = self._outro(index, length)
        else:
            event = Event(index, self.cursor, length, MUSIC if cue.is_sound else speech_group(cue))
            self.cursor = event.end + self.samples(cue.pause_after)
            # an outro overlaps only words it directly follows: after a sting (the one
            # closing an article that ends the post) it waits, as after any sound
            self.last_speech = None if cue.is_sound else event
        self.events.append(event)
        return event

    def _intro(self, index: int, length: int) -> Event:
        s = self.settings
        lead = min(self.samples(s.intro_lead), length)
        if lead == length:  # the music ends before the words would start: no bed
            self.cursor = length
            return Event(index, 0, length, MUSIC)
        fade = self.samples(s.intro_fade)
        ramp_start = max(0, lead - self.samples(DUCK_RAMP))
        if fade:
            envelope = ((ramp_start, 1.0), (lead, 10 ** (s.duck / 20)), (lead + fade, 0.0))
        else:  # no bed under the words: the music fades out as they start
            envelope = ((ramp_start, 1.0), (lead, 0.0))
        self.cursor = lead
        return Event(index, 0, min(length, lead + fade), MUSIC, envelope)

    def _outro(self, index: int, length: int) -> Event:
        s = self.settings
        last = self.last_speech
        start = max(last.start, last.end - self.samples(s.outro_overlap), 0)
        under = last.end - start  # samples that play under the last words
        if under <= 0:
            start = self.cursor
            event = Event(index, start, length, MUSIC)
        else:
            duck = 10 ** (s.duck / 20)
            envelope = ((0, duck), (under, duck), (under + self.samples(RISE_RAMP), 1.0))
            event = Event(index, start, length, MUSIC, envelope)
        self.cursor = max(self.cursor, event.end)
        return event

    @property
    def total(self) -> int:
        """Length of the episode in samples: up to the end of the last sound."""
        return max((e.end for e in self.events), default=0)


def place(cues: list[Cue], lengths: list[int], rate: int,
          settings: AudioSettings) -> tuple[list[Event], int]:
    """Place every cue given its length in samples; return the events and total length."""
    placer = Placer(rate, settings)
    for i, (cue, length) in enumerate(zip(cues, lengths)):
        placer.add(i, cue, length)
    return placer.events, placer.total


def make_timeline(cues: list[Cue], events: list[Event], segments: list[Segment],
                  total: int, rate: int) -> Timeline:
    """The Timeline (seconds) of placed events: every cue, and every segment's span."""
    timed = [TimedCue(cues[e.cue], e.start / rate, e.end / rate) for e in events]
    duration = total / rate
    return Timeline(cues=timed, segments=segment_spans(timed, segments, duration),
                    duration=duration)


def segment_spans(timed: list[TimedCue], segments: list[Segment],
                  duration: float) -> list[SegmentSpan]:
    """Each segment runs from its first cue to the next segment's first cue.

    The first segment also covers the intro and title; the last covers the outro.
    """
    starts: dict[int, float] = {}
    for t in timed:
        if t.cue.segment is not None and t.cue.segment not in starts:
            starts[t.cue.segment] = t.start
    order = sorted(starts)
    spans = []
    for n, index in enumerate(order):
        start = 0.0 if n == 0 else starts[index]
        end = starts[order[n + 1]] if n + 1 < len(order) else duration
        seg = segments[index]
        spans.append(SegmentSpan(index, seg.kind, seg.title, start, end, seg.source))
    return spans
