"""Synthesis before assembly, each rule from both sides, with a stand-in synthesiser: every
post's clips in one run, or one post at a time with --keep-going (a failure is that post's
alone); and only when engine ``auto`` fell back to eSpeak NG are the audio keys made again
and each post looked up again (its audio may be in the cache from an earlier fallback)."""

from __future__ import annotations

from pathlib import Path

import pytest

from podcaster.build.manifest import EpisodeRecord, Manifest, file_sha256
from podcaster.build.parts import Failures, Progress
from podcaster.build.plan import Action
from podcaster.build.produce import Production, synthesise
from podcaster.build.run import Build
from podcaster.config import load_config
from podcaster.errors import EngineError
from podcaster.model import Clip
from tests.helpers import CONFIG, make_project

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

    def clips(self, n: int) -> None:
        self.made += n


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
