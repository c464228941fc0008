"""Synthesis through the cache: rebuilds, changed sentences, tempo, voices, parallel jobs."""

from __future__ import annotations

import array
import math
import re
import shutil
import subprocess
import sys
import threading
import time
import wave

import pytest
from click.testing import CliRunner

from podcaster.cli import main
from podcaster.config import load_config
from podcaster.errors import ConfigError, EngineError
from podcaster.model import Cue, Voice
from podcaster.speech.cache import ClipCache
from podcaster.speech.engines.network import RateLimiter
from podcaster.speech.synthesize import Synthesizer
from podcaster.speech.voices import DEFAULT_TEMPO, Voices, concrete
from podcaster.text.read import find_posts, read_post
from podcaster.text.script import ScriptSettings, build_script
from podcaster.text.segment import segment_post
from tests.fakes.google import SECOND_POST, SMALL_POST, FakeGoogle, gtts_project


def cue(kind: str, text: str) -> Cue:
    return Cue(kind, text=text, spoken=text)


def clips_made(output: str) -> tuple[int, int]:
    """(synthesised, from cache) as the build summary reports them."""
    made, cached = re.search(r"(\d+) synthesised, (\d+) from cache", output).groups()
    return int(made), int(cached)


def test_second_build_makes_no_engine_calls(tmp_path):
    project = gtts_project(tmp_path / "show")
    runner = CliRunner()
    with FakeGoogle() as google:
        first = runner.invoke(main, ["build", str(project)])
        assert first.exit_code == 0, first.output
        asked = len(google.requests)
        made, cached = clips_made(first.output)
        assert made > 0 and asked >= made
        # Built episodes are kept as they are; without them (and without their encoded
        # audio in the cache) every clip comes from the clip cache.
        shutil.rmtree(project / "public")
        shutil.rmtree(project / ".podcaster-cache" / "episodes")
        second = runner.invoke(main, ["build", str(project)])
        assert second.exit_code == 0, second.output
        assert len(google.requests) == asked  # not one request
    assert clips_made(second.output) == (0, made + cached)


def project_scripts(project):
    """The scripts a build of ``project`` speaks (read, segment, script: no audio)."""
    config = load_config(project)
    settings = ScriptSettings.from_config(config)
    posts = [read_post(path) for path in find_posts(config.posts_dir)]
    return config, [build_script(post, segment_post(post), settings) for post in posts]


def test_changing_one_sentence_resynthesises_only_that_sentence(tmp_path):
    project = gtts_project(tmp_path / "show", posts={"2025-01-10-laundry.txt": SMALL_POST,
                                                      "2025-01-12-dawn.txt": SECOND_POST})
    with FakeGoogle() as google:
        config, scripts = project_scripts(project)
        cache = ClipCache(config.cache_dir)
        Synthesizer(cache).run_all(scripts, Voices.from_config(config))
        before = len(google.requests)
        post = project / "posts" / "2025-01-10-laundry.txt"
        post.write_text(post.read_text(encoding="utf-8").replace(
            "시제품을 공개할", "시제품을 처음 공개할"), encoding="utf-8")
        config, scripts = project_scripts(project)
        synth = Synthesizer(cache)
        synth.run_all(scripts, Voices.from_config(config))
        assert google.texts[before:] == ["연구팀은 내년에 시제품을 처음 공개할 계획이다."]
    assert synth.stats.synthesised == 1
    assert synth.stats.cached == sum(1 for cues in scripts for c in cues if not c.is_sound) - 1


def test_tempo_is_applied_before_caching_and_is_part_of_the_key(tmp_path):
    synth = Synthesizer(ClipCache(tmp_path))
    text = "오늘은 날씨가 맑고 바람이 조금 붑니다."
    [normal, fast] = synth.run([cue("greeting", text), cue("article", text)],
                               Voices({"greeting": {"tempo": 1.0}, "article": {"tempo": 1.25}},
                                      "espeak"))
    assert normal.path != fast.path
    assert fast.duration == pytest.approx(normal.duration / 1.25, rel=0.05)
    again = Synthesizer(ClipCache(tmp_path))
    [clip] = again.run([cue("article", text)], Voices.fixed(Voice("espeak", tempo=1.25)))
    assert clip.cached and clip.path == fast.path
    assert clip.duration == pytest.approx(fast.duration, abs=0.001)


def test_the_same_sentence_is_synthesised_once(tmp_path):
    synth = Synthesizer(ClipCache(tmp_path), jobs=4)
    text = "첫 번째 기사, 오늘과학입니다."
    scripts = [[cue("announcement", text)], [cue("announcement", text), cue("title", "제목")]]
    clips = synth.run_all(scripts, Voices.fixed(Voice("espeak")))
    assert clips[0][0].path == clips[1][0].path
    assert (synth.stats.synthesised, synth.stats.cached) == (2, 1)


def test_progress_counts_every_speech_cue(tmp_path):
    synth = Synthesizer(ClipCache(tmp_path), jobs=2)
    cues = [cue("greeting", "하나."), cue("greeting", "둘."), Cue("intro", sound=tmp_path),
            cue("signoff", "하나.")]
    seen = []
    clips = synth.run(cues, Voices.fixed(Voice("espeak")), seen.append)
    assert sum(seen) == 3
    assert clips[2] is None


def _samples(clip) -> array.array:
    with wave.open(str(clip.path), "rb") as w:
        return array.array("h", w.readframes(w.getnframes()))


def test_espeak_is_safe_with_many_jobs(tmp_path):
    texts = [f"{n}번째 문장을 여러 작업이 함께 읽습니다." for n in
             ("일", "이", "삼", "사", "오", "육")]
    serial = Synthesizer(ClipCache(tmp_path / "a"), jobs=1).run(
        [cue("greeting", t) for t in texts], Voices.fixed(Voice("espeak", tempo=1.0)))
    parallel = Synthesizer(ClipCache(tmp_path / "b"), jobs=6).run(
        [cue("greeting", t) for t in texts], Voices.fixed(Voice("espeak", tempo=1.0)))
    for a, b in zip(serial, parallel):
        assert a.path.name == b.path.name
        x, y = _samples(a), _samples(b)
        # Same sentence, same length; eSpeak NG's noise source may differ slightly between
        # runs, but audio mixed up between two sentences would differ everywhere.
        assert len(x) == len(y)
        signal = math.sqrt(sum(v * v for v in x) / len(x))
        noise = math.sqrt(sum((p - q) ** 2 for p, q in zip(x, y)) / len(x))
        assert noise < 0.1 * signal


def test_unknown_engine_fails_before_any_audio(tmp_path):
    synth = Synthesizer(ClipCache(tmp_path))
    with pytest.raises(EngineError, match="unknown engine 'nope'"):
        synth.run([cue("greeting", "안녕하세요.")], Voices.fixed(Voice("nope")))
    assert ClipCache(tmp_path).info().clips == 0


def test_rate_limit_spaces_requests_across_threads():
    limiter = RateLimiter(50)  # one request every 20 ms
    starts = []
    lock = threading.Lock()

    def worker():
        for _ in range(3):
            limiter.wait()
            with lock:
                starts.append(time.monotonic())

    threads = [threading.Thread(target=worker) for _ in range(4)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    starts.sort()
    assert len(starts) == 12
    # Request k (in time order) cannot start before its slot, k intervals after the first.
    for k, start in enumerate(starts):
        assert start - began >= k * 0.02 - 0.002


# Voices from podcast.toml -------------------------------------------------------------------


VOICES = """
[voices.article]
engine = "edge"
voice = "ko-KR-InJoonNeural"
rate = 5
[voices.commentary]
tempo = 0.95
options = { tld = "co.kr" }
"""


def test_voices_per_kind_with_defaults(tmp_path):
    project = gtts_project(tmp_path / "show")
    with (project / "podcast.toml").open("a", encoding="utf-8") as fh:
        fh.write(VOICES)
    config = load_config(project)
    voices = Voices.from_config(config)
    article = voices.configured("article")
    assert (article.engine, article.voice, article.rate) == ("edge", "ko-KR-InJoonNeural", 5)
    assert article.tempo == DEFAULT_TEMPO["article"] > 1.0
    commentary = voices.configured("commentary")
    assert (commentary.engine, commentary.tempo) == ("gtts", 0.95)
    assert dict(commentary.options) == {"tld": "co.kr"}
    assert voices.configured("greeting") == Voice("gtts", tempo=1.0)

    # --engine espeak: settings meant for other engines are dropped, the tempo stays.
    offline = Voices.from_config(config, "espeak")
    assert offline.configured("article") == Voice("espeak", tempo=DEFAULT_TEMPO["article"])
    assert offline.configured("commentary") == Voice("espeak", tempo=0.95)


def test_tempo_out_of_range_is_a_config_error(tmp_path):
    project = gtts_project(tmp_path / "show")
    with (project / "podcast.toml").open("a", encoding="utf-8") as fh:
        fh.write("\n[voices.title]\ntempo = 3\n")
    with pytest.raises(ConfigError, match="voices.title.tempo"):
        Voices.from_config(load_config(project)).configured("title")


def test_default_edge_voices_differ_for_quotes_and_the_author(tmp_path):
    assert concrete(Voice("edge"), "article").voice == "ko-KR-InJoonNeural"
    assert concrete(Voice("edge"), "commentary").voice == "ko-KR-SunHiNeural"
    assert concrete(Voice("auto"), "greeting").engine == "gtts"


REPRODUCE = """
import hashlib, sys
from pathlib import Path
from podcaster.speech.cache import ClipCache
from podcaster.model import Cue, Voice
from podcaster.speech.synthesize import Synthesizer, Voices
texts = ["안녕하세요, 달빛연구소입니다.", "오늘은 비가 옵니다.", "안녕하세요, 달빛연구소입니다!"]
clips = Synthesizer(ClipCache(Path(sys.argv[1]))).run(
    [Cue("greeting", text=t, spoken=t) for t in texts], Voices.fixed(Voice("espeak")))
print(" ".join(hashlib.sha256(c.path.read_bytes()).hexdigest()[:16] for c in clips))
"""


def test_fresh_espeak_clips_are_the_same_in_every_process(tmp_path):
    runs = [subprocess.run([sys.executable, "-c", REPRODUCE, str(tmp_path / name)],
                           capture_output=True, text=True, check=True).stdout.split()
            for name in ("first", "second")]
    assert len(runs[0]) == 3 and len(set(runs[0])) == 3
    assert runs[0] == runs[1]
