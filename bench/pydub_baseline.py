"""The baseline podcaster is measured against: the episodes as a hand-rolled pydub script
would make them from the same clips (concatenation with pauses, the intro laid under the
start, one gain to a target level, MP3 export with the ffmpeg imageio-ffmpeg ships).

Usage: python bench/pydub_baseline.py EPISODES.json OUT_DIR [TARGET_DBFS]
where EPISODES.json is what ``shows.episode_parts`` gives. Run by bench_build.py in its own
process, so that its wall time and memory are measured as podcaster's are.
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path

import imageio_ffmpeg

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # "Couldn't find ffmpeg": it is set just below
    from pydub import AudioSegment

AudioSegment.converter = imageio_ffmpeg.get_ffmpeg_exe()

INTRO_LEAD_MS = 4000


def load(path: str) -> AudioSegment:
    """A clip (WAV, read by pydub itself) or a music file (decoded by ffmpeg; the codec is
    named because imageio-ffmpeg ships no ffprobe for pydub to ask)."""
    if path.lower().endswith(".wav"):
        return AudioSegment.from_wav(path)
    return AudioSegment.from_file(path, codec=Path(path).suffix.lstrip(".").lower())


def episode(parts: list[list], target_dbfs: float) -> AudioSegment:
    intro = None
    out = AudioSegment.empty()
    for i, (path, pause, is_music) in enumerate(parts):
        sound = load(path)
        if i == 0 and is_music:
            intro = sound  # laid under the start below
            out += AudioSegment.silent(INTRO_LEAD_MS, frame_rate=sound.frame_rate)
            continue
        out += sound
        if pause:
            out += AudioSegment.silent(int(pause * 1000), frame_rate=out.frame_rate)
    if intro is not None:
        out = out.overlay(intro - 6)
    return out.apply_gain(target_dbfs - out.dBFS)


def main() -> None:
    episodes = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    out_dir = Path(sys.argv[2])
    target = float(sys.argv[3]) if len(sys.argv) > 3 else -20.0
    out_dir.mkdir(parents=True, exist_ok=True)
    for item in episodes:
        audio = episode(item["parts"], target).set_channels(1).set_frame_rate(44100)
        audio.export(out_dir / f"{item['slug']}.mp3", format="mp3", bitrate="64k")


if __name__ == "__main__":
    main()
