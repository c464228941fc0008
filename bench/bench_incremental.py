"""No-op rebuild against full build of a 50-post project (eSpeak NG, offline).

Usage: python bench/bench_incremental.py [--posts N] [--keep DIR]

The 50 posts are made from the demo posts, varied so that nearly every sentence differs
(date, slug, title, numbers and an opening word per sentence): the full build synthesises
almost everything. Both builds run the real command line (``podcaster -q build``) in a fresh
process and are timed from the outside, interpreter start-up included. Target: the no-op
rebuild takes at most 2% of the full build and under 2 s, and writes no file. Last, the
build is timed once more from an empty ``public/`` with the cache kept (what a CI run does).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo"

# 17 openers: with fewer than 51 posts, two posts made from the same demo post never put the
# same opener before the same sentence (17 is prime and does not divide their distance).
OPENERS = ["그리고", "한편", "또한", "게다가", "특히", "물론", "다만", "결국", "사실", "요즘",
           "최근", "이번에도", "마침", "분명", "아무래도", "역시", "그래서"]
KEEP = ("안녕하세요", "이상")
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
_NUMBER = re.compile(r"\d+")
_SOURCE_LINE = re.compile(r"^\s*(\d+[.)]\s|https?://)")


def vary_line(line: str, post: int, counter: list[int]) -> str:
    """Put an opener before every sentence of a paragraph and shift its numbers."""
    quote = ""
    if line[:1] in "“\"「":
        quote, line = line[0], line[1:]
    sentences = _SENTENCE_END.split(line)
    varied = []
    for sentence in sentences:
        if sentence.startswith(KEEP):  # the greeting and sign-off are found by these words
            varied.append(sentence)
            continue
        opener = OPENERS[(post * 7 + counter[0]) % len(OPENERS)]
        counter[0] += 1
        varied.append(f"{opener} {sentence}")
    text = " ".join(varied)
    text = _NUMBER.sub(lambda m: str(int(m.group()) + post), text)
    return quote + text


def vary_post(text: str, post: int) -> str:
    lines = text.splitlines()
    body_start = 0
    if lines and lines[0] == "---":  # keep front matter, vary its title
        end = lines.index("---", 1)
        for i in range(1, end):
            if lines[i].startswith("title:"):
                lines[i] = f"{lines[i]} ({post + 1}호)"
        body_start = end + 1
    else:
        lines[0] = f"{lines[0]} ({post + 1}호)"
        body_start = 1
    counter = [0]
    out = lines[:body_start]
    for line in lines[body_start:]:
        if not line.strip() or _SOURCE_LINE.match(line) or line.lstrip().startswith("#"):
            out.append(line)
        elif line.startswith("> "):
            out.append("> " + vary_line(line[2:], post, counter))
        else:
            out.append(vary_line(line, post, counter))
    return "\n".join(out) + "\n"


def make_project(folder: Path, posts: int) -> None:
    folder.mkdir(parents=True)
    shutil.copy(DEMO / "podcast.toml", folder / "podcast.toml")
    for extra in DEMO.iterdir():
        if extra.is_file() and extra.name != "podcast.toml":
            shutil.copy(extra, folder / extra.name)
    (folder / "posts").mkdir()
    demo_posts = sorted((DEMO / "posts").iterdir())
    start = dt.date(2025, 1, 1)
    for n in range(posts):
        base = demo_posts[n % len(demo_posts)]
        slug = re.sub(r"^\d{4}-\d{2}-\d{2}-", "", base.stem)
        name = f"{start + dt.timedelta(days=n)}-{slug}-{n + 1:02d}{base.suffix}"
        text = vary_post(base.read_text(encoding="utf-8"), n)
        (folder / "posts" / name).write_text(text, encoding="utf-8")


def snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    return {p.relative_to(folder).as_posix():
            (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(folder.rglob("*")) if p.is_file()}


def timed_build(project: Path) -> float:
    cmd = [sys.executable, "-W", "ignore", "-m", "podcaster", "-q", "build", str(project),
           "--engine", "espeak"]
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"build failed ({proc.returncode}): {proc.stderr.strip()}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=50)
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    args = parser.parse_args()

    tmp = None
    if args.keep:
        project = args.keep
    else:
        tmp = tempfile.TemporaryDirectory(prefix="podcaster-bench-")
        project = Path(tmp.name) / "show"
    try:
        make_project(project, args.posts)
        print(f"project: {args.posts} posts in {project}")
        full = timed_build(project)
        episodes = len(list((project / "public" / "episodes").glob("*.mp3")))
        print(f"full build:     {full:8.2f} s  ({episodes} episodes)")
        before = snapshot(project / "public")
        noop = timed_build(project)
        written = sorted(k for k, v in snapshot(project / "public").items()
                         if before.get(k) != v)
        ratio = noop / full
        print(f"no-op rebuild:  {noop:8.2f} s  ({len(written)} files written)")
        print(f"ratio:          {ratio:8.2%}  (target <= 2% and < 2 s)")
        ok = ratio <= 0.02 and noop < 2.0 and not written
        print("result:         " + ("PASS" if ok else "FAIL"))
        if written:
            print("written by the no-op rebuild: " + ", ".join(written))
        # What a CI run sees: a fresh checkout, only .podcaster-cache restored.
        shutil.rmtree(project / "public")
        fresh = timed_build(project)
        print(f"empty public/:  {fresh:8.2f} s  ({fresh / full:.2%} of the full build; "
              "audio from the cache, tagged and published)")
    finally:
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    main()
