"""Profile the assembly of a built project's episodes from its cached clips (cProfile).

Usage: python bench/profile_assembly.py PROJECT [--episodes N] [--top K]

Runs the build's assembly of one episode (``produce.assemble_staged``: mix, encode, and the
waveform's peaks) for the first N episodes in this process (one job, the encoder in its
ffmpeg process as in a build) and prints the K functions with the most time of their own,
then the same sorted by cumulative time. Time spent in ``write`` to the encoder's pipe is
this process waiting for ffmpeg (limiter and LAME), whose own CPU time is printed at the end. The project must have been built with eSpeak
(its clips are in the cache); nothing in it is changed (episodes go to a temporary folder).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from podcaster.build.produce import assemble_staged  # noqa: E402
from podcaster.build.run import Build, Progress  # noqa: E402
from podcaster.config import load_config  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--episodes", type=int, default=5)
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    build = Build(load_config(args.project), "espeak", Progress())
    plans = build.plan()[0][: args.episodes]
    jobs = [(p, build.synth.run(p.cues, build.voices.resolver)) for p in plans]
    with tempfile.TemporaryDirectory() as tmp:  # warm the caches (music, encoder gain)
        assemble_staged(jobs[0][0].cues, jobs[0][1], jobs[0][0].segments,
                        Path(tmp) / "warm.mp3", build.audio)
    profile = cProfile.Profile()
    audio = 0.0
    children = os.times()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        profile.enable()
        for plan, clips in jobs:
            timeline, _ = assemble_staged(plan.cues, clips, plan.segments,
                                          Path(tmp) / f"{plan.post.slug}.mp3", build.audio)
            audio += timeline.duration
        profile.disable()
        wall = time.perf_counter() - started
    after = os.times()
    ffmpeg = (after.children_user - children.children_user
              + after.children_system - children.children_system)
    print(f"{len(jobs)} episode(s), {audio / 60:.1f} min of audio, {wall:.2f} s wall")
    stats = pstats.Stats(profile)
    stats.sort_stats("tottime").print_stats(args.top)
    stats.sort_stats("cumulative").print_stats(args.top)
    print(f"ffmpeg (limiter, LAME, the waveform's copy): {ffmpeg:.2f} s of CPU; this process: "
          f"{after.user - children.user + after.system - children.system:.2f} s")


if __name__ == "__main__":
    main()
