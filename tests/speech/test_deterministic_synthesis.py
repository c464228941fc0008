"""The same text, voice and settings give the same clip whatever was synthesised before.

eSpeak NG keeps state in static variables between utterances; each clip is made by a
freshly loaded library, so a project built fresh and the same project built incrementally,
in another order and after other posts, publish the same bytes.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from podcaster.model import Voice
from tests.helpers import DEMO, POSTS, make_project

pytest.importorskip("espeakng_loader")

# Sentences whose sound differed with what the process had spoken before.
TARGETS = ["안녕하세요 별빛 서재입니다.", "첫 번째 기사, 한빛경제입니다."]
BEFORE = ["로봇 주방의 등장과 에이아이 반도체 전력 문제",
          "오늘도 하루를 정리하며 인공지능 소식을 함께 나누겠습니다.",
          "에이아이 데이터센터가 늘어나면서 전력 소비가 빠르게 증가하고 있다.",
          "Hello, this is a sentence in English."]

ALONE = """\
import hashlib, sys
from podcaster.model import Voice
from podcaster.speech.engines.espeak import EspeakEngine
pcm = EspeakEngine().synthesize(sys.argv[1], Voice("espeak", voice="ko")).pcm
print(hashlib.sha256(pcm).hexdigest())
"""


def _digest(pcm: bytes) -> str:
    return hashlib.sha256(pcm).hexdigest()


@pytest.mark.parametrize("target", TARGETS)
def test_a_clip_is_the_same_after_other_clips_as_in_a_fresh_process(target, caplog):
    from podcaster.speech.engines.espeak import EspeakEngine

    alone = subprocess.run([sys.executable, "-c", ALONE, target], capture_output=True,
                           text=True, check=True).stdout.strip()
    engine = EspeakEngine()
    voice = Voice("espeak", voice="ko")
    after = []
    for before in BEFORE:
        engine.synthesize(before, voice)
        engine.synthesize(before, Voice("espeak", voice="ko", rate=230, pitch=20))
        after.append(_digest(engine.synthesize(target, voice).pcm))
    assert after == [alone] * len(BEFORE)
    assert "keeps eSpeak NG loaded" not in caplog.text  # each clip had a fresh library


def _clips(project: Path) -> dict[str, str]:
    root = project / ".podcaster-cache" / "clips"
    return {p.name: _digest(p.read_bytes()) for p in sorted(root.glob("*/*.wav"))}


def _mp3s(project: Path) -> dict[str, str]:
    return {p.name: _digest(p.read_bytes())
            for p in sorted((project / "public" / "episodes").glob("*.mp3"))}


@pytest.mark.slow
def test_fresh_and_incremental_builds_in_another_order_are_byte_identical(tmp_path):
    from podcaster.build import build_project

    fresh = tmp_path / "fresh"
    shutil.copytree(DEMO / "posts", fresh / "posts")
    shutil.copy(DEMO / "podcast.toml", fresh)
    shutil.copy(DEMO / "cover.png", fresh)

    # Another history: other posts first, then the demo's posts one by one, newest first.
    other = make_project(tmp_path / "other", POSTS)
    build_project(other, engine="espeak")
    incremental = tmp_path / "incremental"
    (incremental / "posts").mkdir(parents=True)
    shutil.copy(DEMO / "podcast.toml", incremental)
    shutil.copy(DEMO / "cover.png", incremental)
    for post in sorted((DEMO / "posts").iterdir(), reverse=True):
        shutil.copy(post, incremental / "posts")
        build_project(incremental, engine="espeak")

    build_project(fresh, engine="espeak")

    assert _clips(fresh) and _clips(fresh) == _clips(incremental)
    assert len(_mp3s(fresh)) == 3 and _mp3s(fresh) == _mp3s(incremental)
