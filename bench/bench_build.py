"""Builds on both cores, against a hand-rolled pydub pipeline, and the no-op start-up.

1. A 20-post show (bench_incremental's varied demo posts) is built from nothing, offline
   (eSpeak NG): audio seconds per wall second. Target: 100x real time or more.
2. Its 20 episodes are assembled again from the cached clips after a loudness change, and
   the pydub baseline (bench/pydub_baseline.py) makes them from the same clips, in pairs,
   each in a fresh process: podcaster's wall time and peak memory as ratios to pydub's.
   Target: 0.7x pydub's wall or less.
3. The same episodes assembled with --build-jobs 1 and with the default (one job per usable
   core): the MP3s must be byte for byte the same.
4. No-op rebuild of the demo (examples/demo). Target: 0.3 s or less. Measured as a user's
   installed podcaster runs, with its bytecode compiled (shows.PYCACHE); the same with
   PYTHONDONTWRITEBYTECODE=1 (podcaster's own modules compiled on every run, as in a source
   checkout where Python may not cache them) is printed beside it.

Every figure is min / median / max over --runs runs, with the machine's load beside it.
Usage: python bench/bench_build.py [--runs 3] [--posts 20]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_incremental  # noqa: E402
from shows import ROOT, episode_parts, load, podcaster, run, stats  # noqa: E402

HERE = Path(__file__).resolve().parent
MB = 2 ** 20


def audio_seconds(project: Path) -> float:
    sys.path.insert(0, str(ROOT))
    manifest = json.loads((project / "public" / ".podcaster-manifest.json").read_bytes())
    return sum(e["duration"] for e in manifest["episodes"].values())


def set_loudness(project: Path, lufs: float) -> None:
    toml = project / "podcast.toml"
    text = toml.read_text(encoding="utf-8")
    text, n = re.subn(r"(?m)^loudness = .*$", f"loudness = {lufs}", text)
    if not n and "[audio]\n" in text:
        text = text.replace("[audio]\n", f"[audio]\nloudness = {lufs}\n", 1)
    elif not n:
        text += f"\n[audio]\nloudness = {lufs}\n"
    toml.write_text(text, encoding="utf-8")


def mp3s(project: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((project / "public" / "episodes")
                                                   .glob("*.mp3"))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--posts", type=int, default=20)
    args = parser.parse_args()
    results: dict[str, list[float]] = {k: [] for k in (
        "full_wall", "full_speed", "ours_wall", "pydub_wall", "wall_ratio", "ours_mem",
        "pydub_mem", "mem_ratio", "noop", "noop_compiling")}
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        base = Path(tmp)
        project = base / "show-0"
        # 1. full offline builds from nothing
        for r in range(args.runs):
            project = base / f"show-{r}"
            bench_incremental.make_project(project, args.posts)
            full = podcaster("build", project, "--engine", "espeak")
            seconds = audio_seconds(project)
            results["full_wall"].append(full.wall)
            results["full_speed"].append(seconds / full.wall)
            print(f"full build {r + 1}: {seconds / 60:.1f} min of audio in {full.wall:.1f} s "
                  f"= {seconds / full.wall:.0f}x real time ({load()})", flush=True)
            if r:
                shutil.rmtree(project)
        project = base / "show-0"
        # 2. re-assembly against pydub, in pairs
        parts = base / "parts.json"
        parts.write_text(json.dumps(episode_parts(project)), encoding="utf-8")
        for r in range(args.runs):
            set_loudness(project, -16.0 - 0.1 * (r + 1))
            ours = podcaster("build", project, "--engine", "espeak")
            theirs = run([sys.executable, str(HERE / "pydub_baseline.py"), str(parts),
                          str(base / "pydub")])
            for key, value in (("ours_wall", ours.wall), ("pydub_wall", theirs.wall),
                               ("wall_ratio", ours.wall / theirs.wall),
                               ("ours_mem", ours.peak_tree / MB),
                               ("pydub_mem", theirs.peak_tree / MB),
                               ("mem_ratio", ours.peak_tree / theirs.peak_tree)):
                results[key].append(value)
            print(f"re-assembly {r + 1}: podcaster {ours.wall:.1f} s {ours.peak_tree / MB:.0f} MB"
                  f" (largest process {ours.peak_process / MB:.0f} MB), pydub {theirs.wall:.1f} s"
                  f" {theirs.peak_tree / MB:.0f} MB -> {ours.wall / theirs.wall:.2f}x wall "
                  f"({load()})", flush=True)
        # 3. the same bytes with one job
        one = base / "one-job"
        shutil.copytree(project, one, ignore=shutil.ignore_patterns("public", "episodes"))
        podcaster("build", one, "--engine", "espeak", "--build-jobs", "1")
        identical = mp3s(one) == mp3s(project) and len(mp3s(project)) == args.posts
        # 4. no-op rebuild of the demo
        demo = base / "demo"
        shutil.copytree(ROOT / "examples" / "demo", demo,
                        ignore=shutil.ignore_patterns("public", ".podcaster-cache"))
        podcaster("build", demo, "--engine", "espeak")
        podcaster("build", demo, "--engine", "espeak")  # notes what it published
        uncompiled = {"PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": ""}
        for _ in range(args.runs):
            results["noop"].append(podcaster("build", demo, "--engine", "espeak").wall)
            results["noop_compiling"].append(
                podcaster("build", demo, "--engine", "espeak", env=uncompiled).wall)
    report(results, identical, args.posts)


def report(results: dict[str, list[float]], identical: bool, posts: int) -> None:
    print(f"\nmin / median / max of {len(results['noop'])} runs ({load()} at the end)")
    rows = [("full offline build, s", "full_wall"), ("  x real time", "full_speed"),
            ("re-assembly podcaster, s", "ours_wall"), ("re-assembly pydub, s", "pydub_wall"),
            ("  wall ratio podcaster/pydub", "wall_ratio"),
            ("peak memory podcaster, MB", "ours_mem"), ("peak memory pydub, MB", "pydub_mem"),
            ("  memory ratio podcaster/pydub", "mem_ratio"), ("no-op rebuild demo, s", "noop"),
            ("  with PYTHONDONTWRITEBYTECODE=1", "noop_compiling")]
    for label, key in rows:
        print(f"  {label:<32} {stats(results[key])}")

    def median(key: str) -> float:
        values = sorted(results[key])
        return values[len(values) // 2]

    targets = [
        (f"re-assembly of {posts} posts <= 0.7x pydub's wall", median("wall_ratio") <= 0.7,
         f"{median('wall_ratio'):.2f}x"),
        ("full offline build >= 100x real time", median("full_speed") >= 100,
         f"{median('full_speed'):.0f}x"),
        ("no-op rebuild of the demo <= 0.3 s", median("noop") <= 0.3, f"{median('noop'):.2f} s"),
        ("identical bytes with 1 and the default jobs", identical,
         "identical" if identical else "DIFFERENT"),
    ]
    print("targets (medians):")
    for label, ok, value in targets:
        print(f"  {'PASS' if ok else 'FAIL'}  {label}: {value}")
    print("  (60-minute episode memory: scripts/bench audio; 1000 posts: scripts/bench scale)")


if __name__ == "__main__":
    main()
