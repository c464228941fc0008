"""Synthesis before assembly, each rule from both sides, with a stand-in synthesiser: every
post's clips in one run, or one post at a time with --keep-going (a failure is that post's
alone); and only when engine ``auto`` fell back to eSpeak NG are the audio keys made again
and each post looked up again (its audio may be in the cache from an earlier fallback)."""

from __future__ import annotations

import shutil
import tempfile
from concurrent.futures import Future
from pathlib import Path

import numpy as np
import pytest
from mutagen.id3 import ID3

from podcaster.build import faults
from podcaster.build import produce as produce_module
from podcaster.build.manifest import EpisodeRecord, Manifest, file_sha256
from podcaster.build.parts import Failures, Progress
from podcaster.build.plan import Action
from podcaster.build.produce import (
    Production,
    assemble_staged,
    produce,
    produce_all,
    synthesise,
)
from podcaster.build.run import Build
from podcaster.config import load_config
from podcaster.errors import AudioError, EngineError
from podcaster.model import Clip, Cue, Episode, Segment, SegmentSpan, TimedCue, Timeline
from podcaster.publish.layout import audio_file_name
from podcaster.publish.tag import episode_tags
from podcaster.publish.waveform import (
    DECODE_RATE,
    PEAK_COUNT,
    mp3_peaks,
    pcm_peaks,
    peaks_json,
    peaks_path,
)
from tests.helpers import CONFIG, ROOT, make_project, write_wav

AUTO = CONFIG.replace('name = "espeak"', 'name = "auto"')


class Speaker:
    """Stands in for the synthesiser: a clip for each speech cue; the posts whose title is
    in ``failing`` cannot be spoken."""

    def __init__(self, failing: set[str] = frozenset(), auto_engine: str | None = None):
        self.failing = failing
        self.auto_engine = auto_engine
        self.calls: list[tuple[str, int]] = []
        self.voices = None

    def _clips(self, cues, voices, progress):
        self.voices = voices
        if cues[1].text in self.failing:
            raise EngineError(f"cannot speak {cues[1].text}")
        clips = []
        for cue in cues:
            clips.append(None if cue.is_sound else Clip(
                Path(f"{voices.configured(cue.kind, cue.language).engine}-{cue.spoken}.wav"),
                1.0))
            if not cue.is_sound:
                progress(1)
        return clips

    def run(self, cues, voices, progress=None):
        self.calls.append(("run", 1))
        return self._clips(cues, voices, progress)

    def run_all(self, scripts, voices, progress=None):
        self.calls.append(("run_all", len(scripts)))
        return [self._clips(cues, voices, progress) for cues in scripts]


class Counting(Progress):
    def __init__(self):
        self.made = 0
        self.steps: list[tuple] = []

    def clips(self, n: int) -> None:
        self.made += n

    def post(self, post) -> None:
        self.steps.append((post.slug,))

    def step(self, post, what: str) -> None:
        self.steps.append((post.slug, what))


def production(tmp_path, speaker: Speaker, keep_going: bool = False, config: str = CONFIG):
    build = Build(load_config(make_project(tmp_path / "show", config=config)), None,
                  Progress())
    plans, _ = build.plan()
    work = Production(build.config, build.audio, speaker, build.voices, build.keys,
                      build.store, build.folders, Failures(keep_going), Counting())
    return build, work, plans


def spoken(plan) -> list[str]:
    return [c.path.name for c in plan.clips if c is not None]


def test_nothing_to_build_synthesises_nothing(tmp_path):
    speaker = Speaker()
    _, work, _ = production(tmp_path, speaker)
    synthesise(work, [], Manifest())
    assert speaker.calls == []


def test_every_posts_clips_are_made_in_one_run(tmp_path):
    speaker = Speaker()
    _, work, plans = production(tmp_path, speaker)
    synthesise(work, plans, Manifest())
    assert speaker.calls == [("run_all", 3)]
    assert speaker.voices is work.voices.resolver
    for plan in plans:
        assert spoken(plan) == [f"espeak-{c.spoken}.wav" for c in plan.cues
                                if not c.is_sound]
        assert not plan.failed
    assert work.progress.made == sum(len(spoken(p)) for p in plans) > 0


def test_without_keep_going_a_post_that_cannot_be_spoken_stops_the_build(tmp_path):
    _, work, plans = production(tmp_path, Speaker({"도서관 로봇"}))
    with pytest.raises(EngineError, match="도서관 로봇"):
        synthesise(work, plans, Manifest())


def test_with_keep_going_each_post_is_spoken_alone_and_a_failure_is_its_own(tmp_path):
    speaker = Speaker({"도서관 로봇"})
    _, work, plans = production(tmp_path, speaker, keep_going=True)
    synthesise(work, plans, Manifest())
    assert speaker.calls == [("run", 1)] * 3
    assert speaker.voices is work.voices.resolver
    assert work.progress.made == len(spoken(plans[0])) + len(spoken(plans[2])) > 0
    assert [p.failed for p in plans] == [False, True, False]
    assert plans[1].clips is None and spoken(plans[0]) and spoken(plans[2])
    [failure] = work.failures.failed
    assert failure.path == plans[1].post.path
    assert failure.message == f"{plans[1].post.path}: cannot speak 도서관 로봇"


def stored_under(build, plan, key: str) -> None:
    mp3 = build.config.cache_dir / "made.mp3"
    mp3.parent.mkdir(parents=True, exist_ok=True)
    mp3.write_bytes(b"audio made before")
    build.store.put(key, mp3, {"duration": 1.0, "cues": [], "segments": []})


def published(build, plan, key: str) -> EpisodeRecord:
    """The record of ``plan``'s episode as published with audio ``key`` (intact in public/)."""
    path = build.config.public_dir / "episodes" / f"{plan.post.slug}.mp3"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"mp3")
    return EpisodeRecord(
        slug=plan.post.slug, source="posts/x.txt", audio_key=key, tags_key="",
        file=f"episodes/{path.name}", size=3, sha256=file_sha256(path),
        mtime_ns=path.stat().st_mtime_ns, number=1, duration=1.0, post={}, segments=[],
        timeline={"duration": 1.0, "segments": [],
                  "cues": [{"start": 0.0, "end": 1.0}] * len(plan.cues)})


def test_after_a_fallback_to_espeak_the_keys_are_made_again_and_looked_up(tmp_path):
    speaker = Speaker({"도서관 로봇"}, auto_engine="espeak")
    build, work, plans = production(tmp_path, speaker, keep_going=True, config=AUTO)
    before = [p.audio_key for p in plans]
    build.synth.auto_engine = "espeak"  # what the voices now say: eSpeak NG speaks
    after = [build.keys.audio(p.segments, p.cues) for p in plans]
    assert after != before
    stored_under(build, plans[0], after[0])
    synthesise(work, plans, Manifest({plans[2].post.slug: published(build, plans[2],
                                                                    after[2])}))
    assert [p.audio_key for p in plans] == [after[0], before[1], after[2]]  # not the failed
    # built with eSpeak NG before: restored from the cache, or re-tagged in public/
    assert [p.action for p in plans] == [Action.RESTORE, Action.BUILD, Action.RETAG]
    assert spoken(plans[0]) and spoken(plans[2])  # the clips stay with the plans


@pytest.mark.parametrize(("config", "engine"), [
    (AUTO, None),  # auto not decided (nothing spoken)
    (AUTO, "gtts"),  # auto is gTTS, as the keys were made
    (CONFIG, "espeak"),  # no voice is auto
])
def test_without_a_fallback_the_plans_are_left_as_planned(tmp_path, config, engine):
    build, work, plans = production(tmp_path, Speaker(auto_engine=engine), config=config)
    before = [p.audio_key for p in plans]
    stored_under(build, plans[0], before[0])
    synthesise(work, plans, Manifest())
    assert [p.audio_key for p in plans] == before
    assert [p.action for p in plans] == [Action.BUILD] * 3


# -- producing each episode: built, restored from the cache, re-tagged -----------------------

STING = ROOT / "audio" / "sting.mp3"
OUTLINE = np.array([0, 16000, -32000, 800] * 60, dtype="<i2").tobytes()


class Assembly:
    """Stands in for the audio assembly: the MP3 is a copy of a short sound, the outline a
    few samples, the timeline one second per cue; each call is noted."""

    def __init__(self, monkeypatch):
        self.calls: list[tuple] = []
        monkeypatch.setattr(produce_module, "assemble_episode", self)

    def __call__(self, cues, clips, segments, out_path, settings, copy=None):
        self.calls.append((cues, clips, segments, out_path, settings, copy))
        shutil.copyfile(STING, out_path)
        copy[0].write_bytes(OUTLINE)
        return Timeline([TimedCue(c, float(i), i + 1.0) for i, c in enumerate(cues)],
                        [SegmentSpan(i, s.kind, s.title, 0.0, 1.0, s.source)
                         for i, s in enumerate(segments)], float(len(cues)))


def outline_peaks() -> list[int]:
    path = Path(tempfile.mkstemp()[1])
    path.write_bytes(OUTLINE)
    try:
        return pcm_peaks(path)
    finally:
        path.unlink()


def title_tag(mp3: Path) -> str:
    return str(ID3(mp3)["TIT2"])


def test_a_built_episode_is_assembled_tagged_and_its_audio_kept(tmp_path, monkeypatch):
    assembly = Assembly(monkeypatch)
    build, work, plans = production(tmp_path, Speaker())
    synthesise(work, plans, Manifest())
    plan = plans[1]
    plan.number = 3
    produce(work, plan)
    slug = plan.post.slug
    staged = build.folders.staging / f"{slug}.mp3"
    [(cues, clips, segments, out, settings, copy)] = assembly.calls
    assert (cues, clips, segments, out, settings) == (plan.cues, plan.clips, plan.segments,
                                                      staged, build.audio)
    assert copy == (staged.with_name(f".{slug}.outline.tmp"), DECODE_RATE)
    assert not copy[0].exists()  # the outline is gone once its peaks are taken
    assert plan.staged == staged and plan.sha256 == file_sha256(staged)
    episode = plan.episode
    assert episode.audio_path == build.folders.episodes / audio_file_name(slug, plan.sha256)
    assert (episode.post, episode.number, episode.size) == (plan.post, 3, staged.stat().st_size)
    assert episode.duration == episode.timeline.duration == len(plan.cues)
    assert episode.peaks == outline_peaks()
    assert title_tag(staged).endswith(plan.post.title)
    assert plan.tags_key == build.keys.tags(episode_tags(build.config, episode))
    assert work.progress.steps == [(slug,), (slug, "encoding"), (slug, "tagging")]
    mp3, stored = build.store.get(plan.audio_key)
    assert mp3.read_bytes() == STING.read_bytes()  # as assembled, before its tags
    assert stored["peaks"] == episode.peaks and stored["duration"] == len(plan.cues)
    assert len(stored["cues"]) == len(plan.cues)


def test_a_build_a_worker_assembled_takes_its_timeline_and_peaks(tmp_path, monkeypatch):
    assembly = Assembly(monkeypatch)
    build, work, plans = production(tmp_path, Speaker())
    plan = plans[0]
    staged = build.folders.staging / f"{plan.post.slug}.mp3"
    staged.parent.mkdir(parents=True)
    shutil.copyfile(STING, staged)  # what the worker made
    timeline = Timeline(duration=42.0)
    done: Future = Future()
    done.set_result((timeline, [5] * PEAK_COUNT))
    produce(work, plan, done)
    assert assembly.calls == []
    assert plan.episode.timeline is timeline and plan.episode.peaks == [5] * PEAK_COUNT
    assert plan.staged == staged


def test_a_build_without_clips_synthesises_them_first(tmp_path, monkeypatch):
    assembly = Assembly(monkeypatch)
    speaker = Speaker()
    build, work, plans = production(tmp_path, speaker)
    plan = plans[0]
    assert plan.clips is None
    produce(work, plan)
    assert speaker.calls == [("run", 1)] and speaker.voices is work.voices.resolver
    [(_, clips, *_)] = assembly.calls
    assert [c.path.name for c in clips if c is not None] == [
        f"espeak-{c.spoken}.wav" for c in plan.cues if not c.is_sound]
    assert work.progress.made == len(plan.cues) - sum(c.is_sound for c in plan.cues)


def restoring(build, plan, peaks=None, cues=None):
    """``plan`` turned into a restore of audio stored in the cache."""
    mp3 = build.config.cache_dir / "made.mp3"
    mp3.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(STING, mp3)
    n = len(plan.cues) if cues is None else cues
    timeline = {"duration": 7.5, "segments": [],
                "cues": [{"start": float(i), "end": i + 0.5} for i in range(n)]}
    if peaks is not None:
        timeline["peaks"] = peaks
    build.store.put(plan.audio_key, mp3, timeline)
    plan.action = Action.RESTORE
    plan.stored = build.store.get(plan.audio_key)


def test_a_restored_episode_is_a_tagged_copy_of_the_stored_audio(tmp_path, monkeypatch):
    assembly = Assembly(monkeypatch)
    build, work, plans = production(tmp_path, Speaker())
    plan = plans[0]
    restoring(build, plan, peaks=[4] * PEAK_COUNT)
    produce(work, plan)
    assert assembly.calls == []
    assert plan.action is Action.RESTORE
    assert plan.episode.peaks == [4] * PEAK_COUNT
    assert plan.episode.duration == 7.5
    assert [t.start for t in plan.episode.timeline.cues] == [float(i) for i in
                                                            range(len(plan.cues))]
    assert title_tag(plan.staged).endswith(plan.post.title)
    assert plan.sha256 == file_sha256(plan.staged)


def test_a_restored_episode_without_stored_peaks_is_decoded_once(tmp_path, monkeypatch):
    Assembly(monkeypatch)
    build, work, plans = production(tmp_path, Speaker())
    plan = plans[0]
    restoring(build, plan, peaks=[1000] * PEAK_COUNT)  # not peaks: damaged
    produce(work, plan)
    assert plan.episode.peaks == mp3_peaks(STING)
    assert build.store.peaks(plan.audio_key) == plan.episode.peaks


def test_a_damaged_stored_timeline_is_built_again(tmp_path, monkeypatch):
    assembly = Assembly(monkeypatch)
    speaker = Speaker()
    build, work, plans = production(tmp_path, speaker)
    plan = plans[0]
    restoring(build, plan, peaks=[4] * PEAK_COUNT, cues=1)
    produce(work, plan)
    assert plan.action is Action.BUILD
    assert len(assembly.calls) == 1 and speaker.calls == [("run", 1)]
    assert plan.episode.peaks == outline_peaks()


def test_a_retagged_episode_is_a_tagged_copy_of_the_published_one(tmp_path, monkeypatch):
    assembly = Assembly(monkeypatch)
    build, work, plans = production(tmp_path, Speaker())
    plan = plans[0]
    record = published(build, plan, plan.audio_key)
    shutil.copyfile(STING, build.config.public_dir / record.file)
    plan.action, plan.record = Action.RETAG, record
    plan.episode = Episode(plan.post, plan.segments, 2, build.config.public_dir / record.file,
                           STING.stat().st_size, 1.0, Timeline(duration=1.0))
    peaks_path(plan.episode).write_bytes(peaks_json(plan.episode, [6] * PEAK_COUNT))
    produce(work, plan)
    assert assembly.calls == []
    assert plan.episode.peaks == [6] * PEAK_COUNT
    assert title_tag(plan.staged).endswith(plan.post.title)
    assert plan.episode.audio_path.name == audio_file_name(plan.post.slug, plan.sha256)
    assert work.progress.steps == [(plan.post.slug,), (plan.post.slug, "tagging")]
    assert (build.config.public_dir / record.file).read_bytes() == STING.read_bytes()


# -- every episode to produce, in plan order ---------------------------------------------------


class InlineWorkers:
    """Stands in for the worker processes: each job runs when it is handed over."""

    made: list[int] = []
    submitted: list[tuple] = []

    def __init__(self, jobs: int):
        InlineWorkers.made.append(jobs)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None

    def submit(self, fn, *args):
        InlineWorkers.submitted.append((fn, *args))
        future: Future = Future()
        future.set_result(fn(*args))
        return future


class Settling(Speaker):
    def settle(self, scripts, voices):
        self.calls.append(("settle", len(scripts)))
        self.settled_with = voices


@pytest.fixture
def inline_workers(monkeypatch):
    InlineWorkers.made, InlineWorkers.submitted = [], []
    monkeypatch.setattr(produce_module, "Workers", InlineWorkers)
    return InlineWorkers


JOBS_1 = CONFIG + "\n[build]\njobs = 1\n"
JOBS_2 = CONFIG + "\n[build]\njobs = 2\n"


def test_in_the_build_process_every_plan_is_produced_in_order(tmp_path, monkeypatch,
                                                              inline_workers):
    assembly = Assembly(monkeypatch)
    speaker = Speaker()
    _, work, plans = production(tmp_path, speaker, config=JOBS_1)
    plans[1].action = Action.KEEP
    produced = list(produce_all(work, plans, Manifest()))
    assert [(p.post.slug, done) for p, done in produced] == [
        (plans[0].post.slug, True), (plans[1].post.slug, False), (plans[2].post.slug, True)]
    assert inline_workers.made == []
    assert speaker.calls == [("run_all", 2)]
    assert [c[3].name for c in assembly.calls] == [f"{plans[0].post.slug}.mp3",
                                                   f"{plans[2].post.slug}.mp3"]
    assert plans[1].episode is None and plans[0].staged and plans[2].staged


def test_one_episode_to_build_needs_no_workers(tmp_path, monkeypatch, inline_workers):
    Assembly(monkeypatch)
    _, work, plans = production(tmp_path, Speaker(), config=JOBS_2)
    for plan in plans[1:]:
        plan.action = Action.KEEP
    assert [done for _, done in produce_all(work, plans, Manifest())] == [True, False, False]
    assert inline_workers.made == []


def test_workers_assemble_each_episode_as_soon_as_its_clips_are_made(tmp_path, monkeypatch,
                                                                      inline_workers):
    assembly = Assembly(monkeypatch)
    speaker = Settling()
    build, work, plans = production(tmp_path, speaker, config=JOBS_2)
    produced = list(produce_all(work, plans, Manifest()))
    assert [done for _, done in produced] == [True, True, True]
    assert inline_workers.made == [2]
    assert speaker.calls == [("settle", 3)] + [("run_all", 1)] * 3
    assert speaker.settled_with is work.voices.resolver
    assert [job[1:] for job in inline_workers.submitted] == [
        (p.cues, p.clips, p.segments, build.folders.staging / f"{p.post.slug}.mp3", build.audio)
        for p in plans]
    assert {job[0] for job in inline_workers.submitted} == {assemble_staged}
    assert len(assembly.calls) == 3  # each assembled once, by its worker
    assert all(p.episode.peaks == outline_peaks() and p.staged.is_file() for p in plans)


def test_with_keep_going_workers_assemble_only_the_posts_spoken(tmp_path, monkeypatch,
                                                                inline_workers):
    assembly = Assembly(monkeypatch)
    speaker = Settling({"도서관 로봇"})
    _, work, plans = production(tmp_path, speaker, keep_going=True, config=JOBS_2)
    produced = list(produce_all(work, plans, Manifest()))
    assert [done for _, done in produced] == [True, False, True]
    assert speaker.calls == [("run", 1)] * 3  # one post at a time, nothing settled first
    assert len(inline_workers.submitted) == len(assembly.calls) == 2
    assert [f.path for f in work.failures.failed] == [plans[1].post.path]


@pytest.mark.parametrize(("config", "point"), [(JOBS_2, "produce:workers"),
                                               (JOBS_1, "produce:synthesised"),
                                               (JOBS_2, "produce:synthesised")])
def test_the_fault_points_of_producing(tmp_path, monkeypatch, inline_workers, config, point):
    Assembly(monkeypatch)
    _, work, plans = production(tmp_path, Settling(), config=config)
    monkeypatch.setattr(faults, "_reached", faults.Counter())
    monkeypatch.setenv(faults.ENV, f"{point}=error")
    with pytest.raises(OSError, match=f"fault injected at {point}"):
        next(produce_all(work, plans, Manifest()))
    assert all(p.staged is None for p in plans)  # nothing produced yet


def test_assembling_into_staging_takes_the_peaks_of_its_outline(tmp_path, monkeypatch):
    assembly = Assembly(monkeypatch)
    out = tmp_path / "rain.mp3"
    cues = [Cue("greeting", "안녕", "안녕", segment=0, paragraph=0)]
    segments = [Segment("greeting", "", ["안녕"])]
    timeline, peaks = assemble_staged(cues, [None], segments, out, "settings")
    assert peaks == outline_peaks() and timeline.duration == 1.0
    assert assembly.calls[0][:5] == (cues, [None], segments, out, "settings")
    assert not (tmp_path / ".rain.outline.tmp").exists()
    monkeypatch.setenv(faults.ENV, "produce:assemble:rain=error")
    with pytest.raises(OSError, match="fault injected at produce:assemble:rain"):
        assemble_staged(cues, [None], segments, out, "settings")


@pytest.mark.parametrize("begun", [True, False])
def test_a_failed_assembly_leaves_no_outline(tmp_path, monkeypatch, begun):
    def failing(cues, clips, segments, out_path, settings, copy=None):
        if begun:
            copy[0].write_bytes(b"half")
        raise AudioError("cannot encode")

    monkeypatch.setattr(produce_module, "assemble_episode", failing)
    with pytest.raises(AudioError, match="cannot encode"):
        assemble_staged([], [], [], tmp_path / "rain.mp3", "settings")
    assert list(tmp_path.iterdir()) == []


def test_an_episode_is_assembled_for_real_with_its_outline(tmp_path):
    from podcaster.audio.settings import AudioSettings

    config = load_config(make_project(tmp_path / "show"))
    clip = write_wav(tmp_path / "a.wav", np.sin(np.linspace(0, 600, 8000)) * 0.5, 16000)
    cues = [Cue("greeting", "안녕", "안녕", segment=0, paragraph=0)]
    segments = [Segment("greeting", "", ["안녕"])]
    out = tmp_path / "a.mp3"
    timeline, peaks = assemble_staged(cues, [clip], segments, out,
                                      AudioSettings.from_config(config))
    assert out.read_bytes()[:3] in (b"ID3", b"\xff\xfb") or out.stat().st_size > 1000
    assert [t.cue for t in timeline.cues] == cues and timeline.duration > 0.4
    assert len(peaks) == PEAK_COUNT and max(peaks) > 0
    assert not (tmp_path / ".a.outline.tmp").exists()


def test_with_workers_a_fallback_to_espeak_looks_each_post_up_again(tmp_path, monkeypatch,
                                                                   inline_workers):
    assembly = Assembly(monkeypatch)
    speaker = Settling(auto_engine="espeak")
    build, work, plans = production(tmp_path, speaker, config=AUTO + "\n[build]\njobs = 2\n")
    build.synth.auto_engine = "espeak"
    after = [build.keys.audio(p.segments, p.cues) for p in plans]
    plans[0].audio_key = after[0]
    restoring(build, plans[0], peaks=[4] * PEAK_COUNT)  # stored with the fallback's key
    plans[0].action, plans[0].stored, plans[0].audio_key = Action.BUILD, None, "before"
    manifest = Manifest({plans[2].post.slug: published(build, plans[2], after[2])})
    produced = list(produce_all(work, plans, manifest))
    assert [done for _, done in produced] == [True, True, True]
    assert [p.action for p in plans] == [Action.RESTORE, Action.BUILD, Action.RETAG]
    assert [job[4] for job in inline_workers.submitted] == [
        build.folders.staging / f"{plans[1].post.slug}.mp3"]  # only the one to build
    assert len(assembly.calls) == 1
    assert plans[0].episode.peaks == [4] * PEAK_COUNT  # restored from the cache
