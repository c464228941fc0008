"""How builds grow with the number of posts: 10 → 100 → 1000 short posts (one quote each).

For each size: the full offline build (eSpeak NG), a no-op rebuild, a rebuild after one
post is edited, and ``podcaster check``, each run in a fresh process (start-up included).
Every figure is also given per post; a figure whose per-post cost grows with the size is
worse than linear and marked.

Usage: python bench/bench_scale.py [--sizes 10,100,1000] [--runs 3] [--keep DIR]
       [--reuse DIR]   (DIR/<size> projects already built: no full build, figures from them)
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shows import ROOT, load, podcaster, stats  # noqa: E402

SUBJECTS = ["서울의 한 연구소", "국내 스타트업", "대학 연구진", "지방의 한 병원", "대형 통신사",
            "중소 제조 기업", "공공 도서관", "한 게임 회사", "온라인 서점", "물류 회사"]
THINGS = ["음성 인식 모델", "번역 도우미", "의료 영상 판독기", "작은 언어 모델", "자율 주행 로봇",
          "고객 상담 챗봇", "날씨 예측 시스템", "교육용 튜터", "문서 요약 도구", "농업용 드론"]
DEEDS = ["{o} 새로 공개했다", "{o} 시범 운영하기 시작했다", "{o} 현장에 도입했다",
         "{o} 무료로 나누기로 했다", "{o} 더 가볍게 만들었다", "{t}의 성능을 두 배로 높였다",
         "{o} 해외에 수출하기로 했다", "{o} 다시 설계하고 있다", "{o} 학교에 보급한다",
         "{t}의 사용료를 내렸다"]
REMARKS = ["지켜볼 만한 소식입니다", "반가운 변화입니다", "조금 더 기다려 봐야겠습니다",
           "생활이 편해질 것 같습니다", "걱정되는 점도 있습니다"]


def particle(word: str, after_consonant: str, after_vowel: str) -> str:
    """``word`` with the particle its last syllable takes (을/를, 은/는)."""
    last = ord(word[-1]) - 0xAC00
    return word + (after_consonant if 0 <= last < 11172 and last % 28 else after_vowel)


def short_post(n: int) -> str:
    """Post ``n``: a title, a greeting, one quoted article, one remark, a sign-off, a
    source. Its title, quote and remark differ from every other post's."""
    subject = SUBJECTS[n % 10]
    thing = THINGS[(n // 10) % 10]
    deed = DEEDS[(n // 100) % 10].format(o=particle(thing, "을", "를"), t=thing)
    return (f"{subject}의 {thing} 소식 {n + 1}호\n"
            "안녕하세요 별빛서재입니다.\n"
            f"“{particle(subject, '은', '는')} {deed}고 {n % 28 + 1}일 밝혔다.”\n"
            f"{n + 1}번째 소식은 {REMARKS[n % 5]}.\n"
            "이상 별빛서재의 짧은 소식이었습니다.\n"
            f"1. {subject} {thing} 소식 -테크데일리-\n"
            f"https://news.example.com/short/{n + 1}\n")


def make_project(folder: Path, posts: int) -> Path:
    folder.mkdir(parents=True)
    demo = ROOT / "examples" / "demo"
    shutil.copy(demo / "podcast.toml", folder / "podcast.toml")
    for extra in demo.iterdir():
        if extra.is_file() and extra.name != "podcast.toml":
            shutil.copy(extra, folder / extra.name)
    (folder / "posts").mkdir()
    start = dt.date(2023, 1, 1)
    for n in range(posts):
        name = f"{start + dt.timedelta(days=n)}-short-{n + 1:04d}.txt"
        (folder / "posts" / name).write_text(short_post(n), encoding="utf-8")
    return folder


def edit_one(project: Path, round_: int) -> None:
    """Change the remark of the middle post (a new clip, a new episode)."""
    posts = sorted((project / "posts").iterdir())
    post = posts[len(posts) // 2]
    lines = post.read_text(encoding="utf-8").splitlines()
    lines[3] = f"고친 소식 {round_}번째입니다."
    post.write_text("\n".join(lines) + "\n", encoding="utf-8")


def measure(project: Path, runs: int, full: bool) -> dict[str, list[float]]:
    figures: dict[str, list[float]] = {"full": [], "noop": [], "edit": [], "check": []}
    if full:
        figures["full"].append(podcaster("build", project, "--engine", "espeak").wall)
    for r in range(runs):
        figures["noop"].append(podcaster("build", project, "--engine", "espeak").wall)
        edit_one(project, r)
        figures["edit"].append(podcaster("build", project, "--engine", "espeak").wall)
        figures["check"].append(podcaster("check", project).wall)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build the projects under this folder")
    parser.add_argument("--reuse", type=Path, help="projects already built under this folder")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    tmp = None
    base = args.reuse or args.keep
    if base is None:
        tmp = tempfile.TemporaryDirectory(prefix="podcaster-scale-")
        base = Path(tmp.name)
    results = {}
    try:
        for size in sizes:
            project = base / str(size)
            full = not (args.reuse and (project / "public" / "feed.xml").is_file())
            if full:
                shutil.rmtree(project, ignore_errors=True)
                make_project(project, size)
            print(f"{size} posts ({load()}) ...", flush=True)
            results[size] = measure(project, args.runs, full)
    finally:
        if tmp is not None:
            tmp.cleanup()
    report(sizes, results)


def report(sizes: list[int], results: dict[int, dict[str, list[float]]]) -> None:
    print(f"\nseconds, min / median / max of the runs ({load()} at the end)")
    print(f"{'posts':>6} | {'full build':>20} | {'no-op':>20} | {'one-post edit':>20} | "
          f"{'check':>20}")
    for size in sizes:
        cells = [stats(results[size][k]) for k in ("full", "noop", "edit", "check")]
        print(f"{size:>6} | " + " | ".join(f"{c:>20}" for c in cells))
    print("\nms per post (median): growth from the smallest size; > 1.5x is marked")
    smallest = sizes[0]
    for key in ("full", "noop", "edit", "check"):
        base = median(results[smallest][key])
        if base is None:
            continue
        row = []
        for size in sizes:
            m = median(results[size][key])
            if m is None:
                row.append("-")
                continue
            per_post = 1000 * m / size
            growth = per_post / (1000 * base / smallest)
            row.append(f"{per_post:.1f}" + (" WORSE THAN LINEAR" if growth > 1.5 else ""))
        print(f"  {key:<6} " + "  ".join(f"{size}: {cell}" for size, cell in zip(sizes, row)))
    big = sizes[-1]
    if big >= 1000:
        noop = median(results[big]["noop"])
        print(f"target: no-op rebuild of {big} posts <= 3 s: {noop:.2f} s "
              + ("PASS" if noop <= 3 else "FAIL"))


def median(values: list[float]) -> float | None:
    return sorted(values)[len(values) // 2] if values else None


if __name__ == "__main__":
    main()
