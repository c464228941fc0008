"""Clips + music → one MP3, and the timeline saying when every cue and segment plays."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from pydub import AudioSegment

from podcaster import ffmpeg
from podcaster.model import Clip, Cue, Segment, SegmentSpan, TimedCue, Timeline

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AudioSettings:
    sample_rate: int = 44100
    channels: int = 1
    bitrate: str = "64k"
    loudness: float = -16.0
    true_peak: float = -1.0

    @classmethod
    def from_config(cls, config) -> AudioSettings:
        a = config.audio
        return cls(sample_rate=a.sample_rate, channels=a.channels, bitrate=a.bitrate,
                   loudness=float(a.loudness), true_peak=float(a.true_peak))


def load_sound(path: Path, rate: int) -> AudioSegment:
    """Decode any audio file to a mono AudioSegment at ``rate`` with our ffmpeg."""
    pcm = ffmpeg.decode_pcm(path, rate, 1, what=str(path))
    return AudioSegment(data=pcm, sample_width=2, frame_rate=rate, channels=1)


def load_clip(clip: Clip, rate: int) -> AudioSegment:
    seg = AudioSegment.from_wav(str(clip.path))
    if seg.frame_rate != rate:
        seg = seg.set_frame_rate(rate)
    return seg.set_channels(1)


def place(cues: list[Cue], clips: list[Clip | None], segments: list[Segment],
          rate: int) -> tuple[AudioSegment, Timeline]:
    """Lay the cues end to end with their pauses; return the mix and its timeline."""
    mix = AudioSegment.silent(duration=0, frame_rate=rate)
    timed: list[TimedCue] = []
    sounds: dict[Path, AudioSegment] = {}
    for cue, clip in zip(cues, clips):
        if cue.is_sound:
            if cue.sound not in sounds:
                sounds[cue.sound] = load_sound(cue.sound, rate)
            audio = sounds[cue.sound]
        else:
            audio = load_clip(clip, rate)
        start = len(mix.raw_data) / 2 / rate
        mix = mix + audio
        end = len(mix.raw_data) / 2 / rate
        timed.append(TimedCue(cue, start, end))
        if cue.pause_after > 0:
            mix = mix + AudioSegment.silent(duration=cue.pause_after * 1000, frame_rate=rate)
    duration = len(mix.raw_data) / 2 / rate
    return mix, Timeline(cues=timed, segments=segment_spans(timed, segments, duration),
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


def encode_mp3(mix: AudioSegment, out_path: Path, settings: AudioSettings) -> None:
    """Loudness-normalise and encode to MP3, written to a temporary name then renamed."""
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(f".{out_path.name}.tmp")
    loudnorm = (f"loudnorm=I={settings.loudness}:TP={settings.true_peak - 0.5}:LRA=11,"
                f"aresample={settings.sample_rate}")
    try:
        ffmpeg.run(
            ["-f", "s16le", "-ar", str(mix.frame_rate), "-ac", "1", "-i", "pipe:0",
             "-af", loudnorm, "-ac", str(settings.channels), "-ar", str(settings.sample_rate),
             "-codec:a", "libmp3lame", "-b:a", settings.bitrate,
             "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:a", "+bitexact",
             "-id3v2_version", "0", "-f", "mp3", "-y", str(tmp)],
            input=mix.raw_data, what=str(out_path),
        )
        os.replace(tmp, out_path)
    finally:
        tmp.unlink(missing_ok=True)


def assemble_episode(cues: list[Cue], clips: list[Clip | None], segments: list[Segment],
                     out_path: Path, settings: AudioSettings) -> Timeline:
    """Write the episode MP3 to ``out_path``; return its timeline."""
    mix, timeline = place(cues, clips, segments, settings.sample_rate)
    log.info("encoding %s (%.1f s)", out_path.name, timeline.duration)
    encode_mp3(mix, out_path, settings)
    return timeline
