"""A tiny podcast project for the build tests: short posts, short sounds, eSpeak NG.

Not a test module: imported by tests/test_build*.py, test_incremental.py and test_cli.py.
"""

from __future__ import annotations

import hashlib
import math
import os
import shutil
import struct
import subprocess
import sys
import wave
from pathlib import Path

CONFIG = """\
[show]
title = "작은 시험 방송"
author = "시험 작가"
description = "빌드 시험에 쓰는 아주 짧은 방송입니다."
base_url = "https://example.org/test-show/"
owner_email = "owner@example.org"
cover = "cover.png"

[feed]
guid = "bcfe8cc8-adc6-5170-8007-6956434efce0"

[engine]
name = "espeak"

[audio]
intro = "audio/intro.wav"
sting = "audio/sting.wav"
outro = "audio/outro.wav"
sentence_pause = 0.1
paragraph_pause = 0.2
segment_pause = 0.3
"""

POSTS = {
    "2025-03-01-spring-rain.txt": """\
봄비 소식
안녕하세요 시험 작가입니다.
“기상청은 주말 동안 남부 지방에 봄비가 내린다고 예보했다.”
비가 오면 꽃이 더 빨리 필 것 같습니다.
이상 오늘의 소식이었습니다.
1. 주말 남부 지방 봄비 예보 -날씨신문-
https://weather.example.org/spring-rain
""",
    "2025-03-02-robot-library.txt": """\
도서관 로봇
안녕하세요 시험 작가입니다.
“한 도서관이 책을 제자리에 꽂는 로봇을 들여왔다.”
사서 선생님들이 조금 더 여유로워지겠네요.
이상 오늘의 소식이었습니다.
1. 책 꽂는 로봇 도서관에 등장 -책소식-
https://books.example.org/robot
""",
    "2025-03-03-night-train.txt": """\
밤 기차 이야기
안녕하세요 시험 작가입니다.
“새로운 야간 열차가 다음 달부터 운행을 시작한다.”
밤 기차 여행은 언제나 설렙니다.
이상 오늘의 소식이었습니다.
1. 다음 달 새 야간 열차 운행 -여행일보-
https://travel.example.org/night-train
""",
}

# A post long enough that synthesising it takes a noticeable while (for kill/lock tests).
LONG_POST_NAME = "2025-03-04-long-day.txt"


def long_post(sentences: int = 40) -> str:
    """A post of many short, different sentences: slow to synthesise, quick to encode."""
    lines = [f"{i}번 문장." for i in range(sentences)]
    return ("긴 하루\n안녕하세요 시험 작가입니다.\n" + " ".join(lines)
            + "\n이상 오늘의 소식이었습니다.\n")


def write_tone(path: Path, seconds: float, freq: float) -> None:
    rate = 22050
    n = int(seconds * rate)
    frames = b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * freq * i / rate)))
                      for i in range(n))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(frames)


def make_project(root: Path, posts: dict[str, str] | None = None) -> Path:
    """Write a project (podcast.toml, posts/, audio/) under ``root``; return its folder."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "podcast.toml").write_text(CONFIG, encoding="utf-8")
    (root / "posts").mkdir(exist_ok=True)
    for name, text in (POSTS if posts is None else posts).items():
        (root / "posts" / name).write_text(text, encoding="utf-8")
    audio = root / "audio"
    audio.mkdir(exist_ok=True)
    write_tone(audio / "intro.wav", 0.4, 440)
    write_tone(audio / "sting.wav", 0.15, 880)
    write_tone(audio / "outro.wav", 0.4, 330)
    # A cover of the show's own: podcaster's default one is a placeholder check refuses.
    shutil.copyfile(Path(__file__).resolve().parents[1] / "examples" / "demo" / "cover.png",
                    root / "cover.png")
    return root


def snapshot(folder: Path) -> dict[str, tuple[int, int, str]]:
    """Every file under ``folder`` (hidden ones too): relative path -> (mtime, size, sha256)."""
    result = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            st = path.stat()
            result[path.relative_to(folder).as_posix()] = (
                st.st_mtime_ns, st.st_size, hashlib.sha256(path.read_bytes()).hexdigest())
    return result


def podcaster_cmd(*args: str) -> list[str]:
    """The command line running podcaster's CLI with this interpreter."""
    return [sys.executable, "-m", "podcaster", *args]


def invoke_cli(*args: str):
    """Run the command line in this process; stderr kept apart where click allows it."""
    import inspect

    from click.testing import CliRunner

    from podcaster.cli import main

    kwargs = {"mix_stderr": False} if "mix_stderr" in inspect.signature(CliRunner).parameters \
        else {}
    return CliRunner(**kwargs).invoke(main, list(args))


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    return subprocess.run(podcaster_cmd(*args), capture_output=True, text=True,
                          timeout=timeout, env=env)


def clip_count(project: Path) -> int:
    clips = project / ".podcaster-cache" / "clips"
    if not clips.is_dir():
        return 0
    # a build killed while writing a clip leaves a hidden temporary file: not a clip
    return sum(1 for p in clips.glob("*/*.wav") if not p.name.startswith("."))


_TEMPLATE: Path | None = None


def built_project(tmp_path_factory, dest: Path) -> Path:
    """A copy at ``dest`` of the fixture project after one full build (built once per run).

    The copy keeps the files' mtimes, so the manifest still matches its public/ folder.
    """
    global _TEMPLATE
    import shutil

    from podcaster.build import build_project

    if _TEMPLATE is None:
        template = make_project(tmp_path_factory.mktemp("built") / "show")
        build_project(template)
        _TEMPLATE = template
    shutil.copytree(_TEMPLATE, dest, symlinks=True)
    return dest


def mp3_of(public: Path, slug: str) -> Path:
    """The published MP3 of ``slug`` (named ``<slug>.<hash>.mp3`` by its content)."""
    (path,) = Path(public).glob(f"episodes/{slug}.*.mp3")
    return path


def mp3_entry(snap: dict, slug: str) -> tuple[str, tuple[int, int, str]]:
    """The (relative path, (mtime, size, sha256)) of ``slug``'s MP3 in a ``snapshot``."""
    (entry,) = [(k, v) for k, v in snap.items()
                if k.startswith(f"episodes/{slug}.") and k.endswith(".mp3")]
    return entry
