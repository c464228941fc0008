"""Audio production: offline build speed and the memory a 60-minute episode needs.

1. Builds the demo project (examples/demo) from scratch with eSpeak NG in a child process and
   reports audio seconds produced per wall-clock second and per CPU second (the machine's,
   from /proc/stat: worker processes and encoders included). The 100x target of a full build
   is checked on a 20-post show by bench_build.py; three short episodes on two cores are
   bound by the last one, which can only be assembled once every clip is synthesised.
2. Builds a synthetic one-post project whose episode lasts about an hour and reports its speed
   and peak memory: the largest single process (getrusage RUSAGE_CHILDREN, which counts
   ffmpeg too) and the largest sum over the process tree, sampled while it runs. Target:
   150 MB per process or less.

Usage: python bench/bench_audio.py [--minutes N]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from shows import podcaster  # noqa: E402

SUBJECTS = ["서울의 한 연구소는", "국내 스타트업 한 곳은", "대학 연구진은", "지방의 한 병원은",
            "대형 통신사는", "중소 제조 기업은", "공공 도서관은", "한 게임 회사는",
            "온라인 서점은", "물류 회사는", "지역 방송국은", "작은 출판사는"]
OBJECTS = ["음성 인식 모델을", "번역 도우미를", "의료 영상 판독기를", "작은 언어 모델을",
           "자율 주행 로봇을", "고객 상담 챗봇을", "날씨 예측 시스템을", "교육용 튜터를",
           "전력 관리 소프트웨어를", "문서 요약 도구를", "농업용 드론을"]
VERBS = ["새로 공개했다고 밝혔습니다.", "시범 운영하기 시작했습니다.",
         "내년까지 확대하겠다고 발표했습니다.", "무료로 나누기로 했습니다.",
         "현장에 도입해 좋은 반응을 얻었습니다.", "다시 설계하고 있다고 전했습니다.",
         "더 가볍게 만들었다고 설명했습니다."]
ENDINGS = ["전문가들은 신중하게 지켜봐야 한다고 말합니다.", "이용자들의 반응은 엇갈렸습니다.",
           "비용 문제는 아직 남아 있습니다.", "관련 규정도 함께 정비될 예정입니다.",
           "업계는 이 소식을 반기고 있습니다."]


def sentences():
    """An endless supply of distinct Korean news sentences."""
    n = 0
    while True:
        s = SUBJECTS[n % len(SUBJECTS)]
        o = OBJECTS[(n // len(SUBJECTS)) % len(OBJECTS)]
        v = VERBS[(n // (len(SUBJECTS) * len(OBJECTS))) % len(VERBS)]
        yield f"{s} {o} {v}"
        yield ENDINGS[n % len(ENDINGS)] if n % 3 == 0 else f"{o[:-1]} 쓰는 사람도 늘고 있습니다."
        n += 1


def long_post(minutes: float) -> str:
    """A post in the usual shape whose episode lasts about ``minutes`` with eSpeak NG."""
    chars = int(minutes * 60 * 7)  # eSpeak NG reads about 7 Korean characters a second
    gen = sentences()
    articles = 8
    per_article = chars // (articles + 2)
    lines = ["한 시간짜리 인공지능 소식 모음", "안녕하세요 별빛서재입니다. 오늘은 긴 특집입니다."]
    sources = []
    for a in range(articles):
        text = ""
        while len(text) < per_article:
            paragraph = " ".join(next(gen) for _ in range(4))
            lines.append(f"“{paragraph}”")
            text += paragraph
        sources.append(f"{a + 1}. 특집 기사 {a + 1}번 -테크데일리-\nhttps://news.example.com/{a + 1}")
    text = ""
    while len(text) < per_article:
        paragraph = " ".join(next(gen) for _ in range(5))
        lines.append(paragraph)
        text += paragraph
    lines.append("이상 별빛서재의 특집이었습니다. 긴 시간 함께해 주셔서 고맙습니다.")
    return "\n".join(lines + sources) + "\n"


def make_project(folder: Path, minutes: float | None) -> Path:
    """A fresh project: the demo, or (with ``minutes``) one long synthetic post."""
    project = folder / ("long" if minutes else "demo")
    shutil.copytree(ROOT / "examples" / "demo", project,
                    ignore=shutil.ignore_patterns("public", ".podcaster-cache"))
    if minutes:
        for post in (project / "posts").iterdir():
            post.unlink()
        (project / "posts" / "2025-12-01-long.txt").write_text(long_post(minutes),
                                                                 encoding="utf-8")
    return project


def machine_cpu() -> float:
    """CPU seconds the machine has spent running (all processes, all cores), /proc/stat."""
    with open("/proc/stat") as fh:
        fields = fh.readline().split()[1:]
    busy = sum(int(fields[i]) for i in (0, 1, 2, 5, 6))  # user nice system irq softirq
    return busy / os.sysconf("SC_CLK_TCK")


def run_build(project: Path) -> dict:
    """Build ``project`` in a child process; wall time, CPU time and memory figures."""
    cpu = machine_cpu()
    build = podcaster("build", project, "--engine", "espeak")
    spent = machine_cpu() - cpu
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    audio = 0.0
    sys.path.insert(0, str(ROOT))
    from podcaster import ffmpeg

    for mp3 in sorted((project / "public" / "episodes").glob("*.mp3")):
        audio += ffmpeg.duration(mp3)
    return {"wall": build.wall, "cpu": spent, "audio": audio,
            "max_process": after.ru_maxrss * 1024, "peak_tree": build.peak_tree}


def report(name: str, r: dict) -> None:
    print(f"{name}: {r['audio'] / 60:.1f} min of audio in {r['wall']:.1f} s wall "
          f"({r['cpu']:.1f} s CPU) = {r['audio'] / r['wall']:.0f}x real time "
          f"({r['audio'] / max(r['cpu'], 1e-9):.0f}x per CPU second)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=60.0, help="length of the long episode")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-audio-") as tmp:
        demo = run_build(make_project(Path(tmp), None))
        report("demo build (clean, espeak)", demo)
        long = run_build(make_project(Path(tmp), args.minutes))
        report(f"synthetic {args.minutes:.0f}-minute episode", long)
        print(f"  peak memory: largest process {long['max_process'] / 2**20:.0f} MB, "
              f"whole process tree {long['peak_tree'] / 2**20:.0f} MB (sampled every 50 ms)")
        print(f"  memory target <= 150 MB per process: "
              f"{'ok' if long['max_process'] <= 150 * 2**20 else 'ABOVE TARGET'}; the speed "
              f"target (100x on 2 cores) is checked on a 20-post show by scripts/bench build")


if __name__ == "__main__":
    main()
