"""gTTS synthesis of the demo posts against a local fake of Google (150 ms per request).

Runs the real gTTS code path (requests, response parsing, ffmpeg decoding, tempo, cache
writes) once with --jobs 1 and once with --jobs 8, each into an empty cache, and prints
both times and their ratio. Usage: python bench/bench_gtts.py [--latency 0.15]
[--rate-limit 100] [--jobs 1 8] [--check 5]
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from podcaster.config import load_config  # noqa: E402
from podcaster.speech.cache import ClipCache  # noqa: E402
from podcaster.speech.engines.network import RequestSettings  # noqa: E402
from podcaster.speech.synthesize import Synthesizer, Voices  # noqa: E402
from podcaster.text.read import find_posts, read_post  # noqa: E402
from podcaster.text.script import ScriptSettings, build_script  # noqa: E402
from podcaster.text.segment import segment_post  # noqa: E402
from tests.fakes.google import FakeGoogle  # noqa: E402


def demo_scripts(project: Path):
    config = load_config(project)
    settings = ScriptSettings.from_config(config)
    scripts = []
    for path in find_posts(config.posts_dir):
        post = read_post(path)
        scripts.append(build_script(post, segment_post(post), settings))
    return config, scripts


def timed_run(config, scripts, jobs: int, rate_limit: float, google: FakeGoogle):
    with tempfile.TemporaryDirectory() as tmp:
        synth = Synthesizer(ClipCache(Path(tmp)), jobs=jobs,
                            requests=RequestSettings(rate_limit=rate_limit))
        before = len(google.requests)
        started = time.perf_counter()
        synth.run_all(scripts, Voices.from_config(config, "gtts"))
        seconds = time.perf_counter() - started
        return seconds, len(google.requests) - before, synth.stats.synthesised


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=ROOT / "examples" / "demo")
    parser.add_argument("--latency", type=float, default=0.15, help="seconds per request")
    parser.add_argument("--rate-limit", type=float, default=100.0,
                        help="engine.rate_limit for the runs (requests/s, 0 = none)")
    parser.add_argument("--jobs", type=int, nargs=2, default=[1, 8], metavar=("A", "B"))
    parser.add_argument("--check", type=float, default=0.0,
                        help="exit 1 if the speed-up is below this ratio")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)

    config, scripts = demo_scripts(args.project)
    results = {}
    with FakeGoogle(latency=args.latency) as google:
        for jobs in args.jobs:
            seconds, requests, clips = timed_run(config, scripts, jobs, args.rate_limit, google)
            results[jobs] = seconds
            print(f"gtts --jobs {jobs}: {clips} clips, {requests} requests, {seconds:.2f} s "
                  f"({args.latency * 1000:.0f} ms per request, rate limit {args.rate_limit:g}/s)")
    a, b = args.jobs
    ratio = results[a] / results[b]
    print(f"speed-up --jobs {b} vs --jobs {a}: {ratio:.1f}x")
    if args.check and ratio < args.check:
        print(f"below the expected {args.check:g}x", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
