"""The plan phase, each rule from both sides: what reaches an episode's audio key and what
does not, which posts become plans (drafts, a slug used twice, bad episode art, no posts at
all), the plan cache, the episodes of failed posts kept, the numbering, and what each post
needs (build, restore from the cache, re-tag or keep) as the manifest and public/ say."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PIL import Image

from podcaster.build.manifest import (
    AudioStore,
    EpisodeRecord,
    FileDigests,
    Manifest,
    file_sha256,
)
from podcaster.build.parts import Failure, Progress
from podcaster.build.plan import (
    Action,
    Keys,
    Plan,
    decide,
    kept_records,
    number_episodes,
    plan_cache,
    read_and_script,
)
from podcaster.build.plancache import CACHE_NAME
from podcaster.build.run import Build
from podcaster.config import load_config
from podcaster.errors import PodcasterError, PostError
from podcaster.model import Cue, Post, Segment, Source, Voice
from podcaster.text import read as post_reader
from tests.helpers import CONFIG, POSTS, UNCREDITED, make_project

SPRING = "2025-03-01-spring-rain.txt"


# -- the audio key and the tags key ---------------------------------------------------------


class SpeakingVoices:
    """Each cue kind and language its own voice (the build's Voices answer the same calls)."""

    def concrete(self, kind: str, language: str = "ko") -> Voice:
        return Voice("espeak", f"{kind}-{language}")

    def plain(self, voice: Voice) -> dict:
        return dataclasses.asdict(voice)


def clip_key(spoken: str, voice: Voice, language: str) -> str:
    return f"{spoken}|{voice.voice}|{language}"


def keys(audio: dict | None = None, clips=clip_key) -> Keys:
    return Keys({"bitrate": 64} if audio is None else audio, FileDigests(), SpeakingVoices(),
                clips)


@pytest.fixture
def sound(tmp_path) -> Path:
    path = tmp_path / "intro.wav"
    path.write_bytes(b"an intro tone")
    return path


def script(sound: Path) -> tuple[list[Segment], list[Cue]]:
    segments = [Segment("greeting", "인사", ["안녕하세요."]),
                Segment("article", "기사", ["기사 문장입니다."], Source(1, "기사", "신문"))]
    cues = [Cue("intro", sound=sound),
            Cue("title", "제목", "제목", pause_after=0.3),
            Cue("greeting", "안녕하세요.", "안녕하세요.", segment=0, paragraph=0, pause_after=0.3),
            Cue("article", "AI is here.", "AI is here.", segment=1, paragraph=0,
                pause_after=0.5, language="en")]
    return segments, cues


def test_the_audio_key_of_a_script_stays_what_published_episodes_were_built_with(sound):
    # A different key for the same script would rebuild every published episode.
    segments, cues = script(sound)
    assert keys().audio(segments, cues) == (
        "68a2efae1380d78302be4243d8f68f006e1cea61a64a560b5826184ef0b42bc2")


def _kind(cues, sound):
    cues[2].kind = "signoff"


def _segment(cues, sound):
    cues[2].segment = 1


def _pause(cues, sound):
    cues[2].pause_after = 0.31


def _spoken(cues, sound):
    cues[2].spoken = "안녕하십니까."


def _language(cues, sound):
    cues[3].language = "ko"  # another voice reads it


def _sound_bytes(cues, sound):
    sound.write_bytes(b"another intro tone")


def _sound_kind(cues, sound):
    cues[0].kind = "sting"


def _sound_pause(cues, sound):
    cues[0].pause_after = 0.5


@pytest.mark.parametrize("change", [_kind, _segment, _pause, _spoken, _language, _sound_bytes,
                                    _sound_kind, _sound_pause])
def test_what_is_heard_changes_the_audio_key(sound, change):
    segments, cues = script(sound)
    before = keys().audio(segments, cues)
    change(cues, sound)
    assert keys().audio(segments, cues) != before


def test_the_audio_settings_the_segment_count_and_each_clip_key_change_the_audio_key(sound):
    segments, cues = script(sound)
    before = keys().audio(segments, cues)
    assert keys({"bitrate": 96}).audio(segments, cues) != before
    assert keys().audio(segments + [Segment("signoff", "끝", ["끝."])], cues) != before
    assert keys(clips=lambda s, v, lang: "same clip").audio(segments, cues) != before
    other_clip = keys(clips=lambda s, v, lang: clip_key(s, v, lang) + ("!" if lang == "en"
                                                                         else ""))
    assert other_clip.audio(segments, cues) != before


def _text(cues, segments, sound):
    cues[2].text = "안녕하세요!"  # what the author wrote: transcripts, not the audio


def _paragraph(cues, segments, sound):
    cues[2].paragraph = 3


def _title(cues, segments, sound):
    segments[1].title = "다른 제목"


def _source(cues, segments, sound):
    segments[1].source = Source(1, "다른 기사", "다른 신문", "https://news.example.org/b")


def _sound_text(cues, segments, sound):
    cues[0].spoken = "not said: a sound plays"
    cues[0].language = "en"


def _sound_path(cues, segments, sound):
    copy = sound.with_name("copy.wav")
    copy.write_bytes(sound.read_bytes())
    cues[0].sound = copy  # the same bytes elsewhere


@pytest.mark.parametrize("change", [_text, _paragraph, _title, _source, _sound_text,
                                    _sound_path])
def test_what_is_not_heard_leaves_the_audio_key(sound, change):
    segments, cues = script(sound)
    before = keys().audio(segments, cues)
    change(cues, segments, sound)
    assert keys().audio(segments, cues) == before


def test_a_sound_cue_asks_for_no_voice_nor_clip(sound):
    asked = []

    def clips(spoken, voice, language):
        asked.append(spoken)
        return clip_key(spoken, voice, language)

    segments, cues = script(sound)
    keys(clips=clips).audio(segments, cues)
    assert asked == ["제목", "안녕하세요.", "AI is here."]


@dataclass
class Tags:
    title: str
    cover: Path | None
    number: int
    art: bytes = b""
    chapters: list = field(default_factory=list)
    names: dict = field(default_factory=dict)
    pair: tuple = ()
    day: dt.date = dt.date(2025, 3, 1)
    explicit: bool = False
    rating: float = 1.5
    missing: None = None


def tags(cover: Path | None, **changes) -> Tags:
    value = Tags("봄비", cover, 3, b"\x00\x01", [Tags("장", None, 1)], {1: "하나"}, ("a", 2))
    return dataclasses.replace(value, **changes)


def test_the_tags_key_of_a_set_of_tags_stays_what_published_episodes_were_tagged_with(sound):
    assert keys().tags(tags(sound)) == (
        "87c8e87d0ce064698c83a23bf63aa806523bc76d8080252613abfe77a810b889")


@pytest.mark.parametrize("changes", [
    {"title": "가을비"}, {"number": 4}, {"art": b"\x00\x02"}, {"chapters": [Tags("장", None, 2)]},
    {"names": {1: "둘"}}, {"names": {2: "하나"}}, {"pair": ("a", 3)}, {"day": dt.date(2025, 3, 2)},
    {"explicit": True}, {"rating": 2.5}, {"missing": "x"},
], ids=lambda changes: next(iter(changes)))
def test_each_tag_changes_the_tags_key(sound, changes):
    assert keys().tags(tags(sound, **changes)) != keys().tags(tags(sound))


def test_a_cover_is_keyed_by_its_bytes_and_a_missing_one_by_its_name(sound, tmp_path):
    before = keys().tags(tags(sound))
    copy = tmp_path / "copy.wav"
    copy.write_bytes(sound.read_bytes())
    assert keys().tags(tags(copy)) == before  # the same image elsewhere: nothing to re-tag
    sound.write_bytes(b"a new cover")
    assert keys().tags(tags(sound)) != before
    gone, other = tmp_path / "gone.png", tmp_path / "other.png"
    assert keys().tags(tags(gone)) == keys().tags(tags(gone))
    assert keys().tags(tags(gone)) != keys().tags(tags(other))
    assert keys().tags(tags(None)) != keys().tags(tags(gone))


# -- which posts become plans ----------------------------------------------------------------


def build_of(project: Path, keep_going: bool = False) -> Build:
    return Build(load_config(project), None, Progress(), keep_going)


def slugs(plans: list[Plan]) -> list[str]:
    return [p.post.slug for p in plans]


def test_every_published_post_is_planned_in_date_order_with_its_key(tmp_path):
    build = build_of(make_project(tmp_path / "show"))
    plans, warnings = build.plan()
    assert slugs(plans) == ["spring-rain", "robot-library", "night-train"]
    assert warnings == []
    for plan in plans:
        assert plan.audio_key == build.keys.audio(plan.segments, plan.cues)
        assert plan.action is Action.BUILD and plan.number == 0
    assert len({p.audio_key for p in plans}) == 3


def dated(day: str, slug: str, text: str = POSTS[SPRING]) -> str:
    body = "\n".join(text.splitlines()[1:])
    return f"---\ntitle: 봄비 소식\ndate: {day}\nslug: {slug}\n---\n\n{body}\n"


def test_plans_are_in_date_order_then_slug_order_whatever_the_file_names(tmp_path):
    posts = {"a.md": dated("2025-05-02", "b-late"), "b.md": dated("2025-05-01", "z-early"),
             "c.md": dated("2025-05-02", "a-late")}
    plans, _ = build_of(make_project(tmp_path / "show", posts)).plan()
    assert slugs(plans) == ["z-early", "a-late", "b-late"]


def draft(text: str) -> str:
    return "---\ndraft: true\n---\n" + text


def test_a_draft_is_not_planned(tmp_path, caplog):
    posts = {name: text for name, text in POSTS.items() if name != SPRING}
    posts["2025-03-01-spring-rain.md"] = draft(POSTS[SPRING])
    project = make_project(tmp_path / "show", posts)
    with caplog.at_level(logging.INFO, "podcaster"):
        plans, _ = build_of(project).plan()
    assert slugs(plans) == ["robot-library", "night-train"]
    path = project / "posts" / "2025-03-01-spring-rain.md"
    assert f"{path}: draft, not published" in caplog.messages


def test_only_drafts_is_an_error_naming_the_folder(tmp_path):
    project = make_project(tmp_path / "show", {"2025-03-01-a.md": draft(POSTS[SPRING])})
    with pytest.raises(PodcasterError) as raised:
        build_of(project).plan()
    assert raised.value.message == f"{project / 'posts'}: no published posts (all drafts)"


def test_only_drafts_and_failed_posts_with_keep_going_is_no_error(tmp_path):
    project = make_project(tmp_path / "show", {"2025-03-01-a.md": draft(POSTS[SPRING]),
                                               "2025-03-02-b.txt": "\n"})
    build = build_of(project, keep_going=True)
    plans, _ = build.plan()
    assert plans == []
    assert [f.path.name for f in build.failures.failed] == ["2025-03-02-b.txt"]


def test_no_posts_at_all_is_an_error_saying_what_a_post_is(tmp_path):
    project = make_project(tmp_path / "show", {})
    (project / "posts" / ".hidden.txt").write_text("숨은 파일", encoding="utf-8")
    with pytest.raises(PodcasterError) as raised:
        build_of(project).plan()
    assert raised.value.message == (
        f"{project / 'posts'}: no posts to build (posts are .htm, .html, .markdown, .md, .txt "
        "files, named YYYY-MM-DD-slug)")


def test_a_slug_used_twice_names_both_files(tmp_path):
    posts = {"2025-03-01-rain.txt": POSTS[SPRING], "2025-03-05-rain.txt": POSTS[SPRING]}
    project = make_project(tmp_path / "show", posts)
    with pytest.raises(PostError) as raised:
        build_of(project).plan()
    first, second = (project / "posts" / name for name in posts)
    assert raised.value.message == f"{second}: slug 'rain' is already used by {first}"


def test_a_slug_used_twice_with_keep_going_plans_the_first(tmp_path):
    posts = {"2025-03-01-rain.txt": POSTS[SPRING], "2025-03-05-rain.txt": POSTS[SPRING],
             "2025-03-06-other.txt": POSTS[SPRING]}
    build = build_of(make_project(tmp_path / "show", posts), keep_going=True)
    plans, _ = build.plan()
    assert [p.post.path.name for p in plans] == ["2025-03-01-rain.txt", "2025-03-06-other.txt"]
    assert [f.path.name for f in build.failures.failed] == ["2025-03-05-rain.txt"]


def test_bad_episode_art_stops_the_post_with_every_problem(tmp_path):
    project = make_project(tmp_path / "show")
    art = project / "posts" / SPRING.replace(".txt", ".png")
    Image.new("RGB", (10, 20)).save(art)
    with pytest.raises(PostError) as raised:
        build_of(project).plan()
    assert raised.value.message == (
        f"{project / 'posts' / SPRING}: {art}: artwork must be square, is 10x20 px; artwork is 10x20 px; Apple Podcasts "
        "needs 1400-3000 px")


def test_good_episode_art_is_planned(tmp_path):
    project = make_project(tmp_path / "show")
    Image.new("RGB", (1400, 1400), (200, 30, 30)).save(
        project / "posts" / SPRING.replace(".txt", ".png"))
    plans, _ = build_of(project).plan()
    assert slugs(plans) == ["spring-rain", "robot-library", "night-train"]


def test_quotes_without_a_clear_source_are_gathered_from_every_post(tmp_path):
    posts = {"2025-03-01-one.txt": UNCREDITED, "2025-03-02-two.txt": UNCREDITED,
             "2025-03-03-fine.txt": POSTS[SPRING]}
    project = make_project(tmp_path / "show", posts)
    for _ in range(2):  # read, then from the plan cache
        _, warnings = build_of(project).plan()
        assert [str(w) for w in warnings] == [
            f"{name}: source 2 (제주 감귤 수확량 역대 최대) is not credited "
            "to any quote" for name in ("2025-03-01-one.txt", "2025-03-02-two.txt")]


# -- the plan cache ----------------------------------------------------------------------------


def count_reads(monkeypatch) -> list[str]:
    reads: list[str] = []
    real = post_reader.read_post

    def counting(path, *args, **kwargs):
        reads.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(post_reader, "read_post", counting)
    return reads


def test_a_second_plan_reads_only_the_posts_that_changed(tmp_path, monkeypatch):
    project = make_project(tmp_path / "show")
    first, _ = build_of(project).plan()
    assert (load_config(project).cache_dir / CACHE_NAME).is_file()
    reads = count_reads(monkeypatch)
    again, _ = build_of(project).plan()
    assert reads == []
    assert [(p.post, p.segments, p.cues, p.audio_key) for p in again] == [
        (p.post, p.segments, p.cues, p.audio_key) for p in first]
    (project / "posts" / SPRING).write_text(POSTS[SPRING].replace("봄비가", "많은 봄비가"),
                                            encoding="utf-8")
    changed, _ = build_of(project).plan()
    assert reads == [SPRING]
    assert changed[0].audio_key != first[0].audio_key
    assert [p.audio_key for p in changed[1:]] == [p.audio_key for p in first[1:]]


def scripting(tmp_path: Path, posts: dict[str, str]):
    project = make_project(tmp_path / "show", posts)
    build = build_of(project)
    return build.config, build.script_settings, project / "posts"


def test_a_draft_is_scripted_only_when_asked_and_never_cached(tmp_path, monkeypatch):
    config, settings, posts = scripting(tmp_path, {"2025-03-01-a.md": draft(POSTS[SPRING])})
    path = posts / "2025-03-01-a.md"
    cache = plan_cache(config, settings)
    post, segments, cues, warnings = read_and_script(config, settings, cache, path)
    assert post.draft and (segments, cues, warnings) == (None, None, [])
    reads = count_reads(monkeypatch)
    post, segments, cues, _ = read_and_script(config, settings, cache, path, drafts=True)
    assert [s.kind for s in segments] == ["greeting", "article", "commentary", "signoff"]
    assert [c.kind for c in cues][:3] == ["intro", "title", "greeting"]
    cache.save()
    read_and_script(config, settings, plan_cache(config, settings), path, drafts=True)
    assert reads == ["2025-03-01-a.md", "2025-03-01-a.md"]


def test_a_cached_post_moved_outside_the_posts_folder_is_refused(tmp_path):
    config, settings, posts = scripting(tmp_path, {SPRING: POSTS[SPRING]})
    cache = plan_cache(config, settings)
    path = posts / SPRING
    read_and_script(config, settings, cache, path)
    cache.save()
    outside = tmp_path / "elsewhere.txt"
    path.rename(outside)
    path.symlink_to(outside)  # the same bytes, read through a link out of the project
    with pytest.raises(PostError) as raised:
        read_and_script(config, settings, plan_cache(config, settings), path)
    assert str(path) in raised.value.message


def test_an_unreadable_post_is_the_readers_error_not_a_cache_miss(tmp_path):
    config, settings, posts = scripting(tmp_path, {SPRING: POSTS[SPRING]})
    with pytest.raises(PostError) as raised:
        read_and_script(config, settings, plan_cache(config, settings), posts / "gone.txt")
    assert raised.value.message.startswith(f"{posts / 'gone.txt'}: ")


# -- episodes kept, numbers --------------------------------------------------------------------


def record(slug: str, source: str, day: str = "2025-03-01", **changes) -> EpisodeRecord:
    value = EpisodeRecord(slug=slug, source=source, audio_key="a" * 64, tags_key="t" * 64,
                          file=f"episodes/{slug}.mp3", size=3, sha256="", mtime_ns=0,
                          number=1, duration=1.0, post={"date": day}, segments=[],
                          timeline={"duration": 1.0, "cues": [], "segments": []})
    return dataclasses.replace(value, **changes)


def published(public: Path, rec: EpisodeRecord, data: bytes = b"mp3") -> EpisodeRecord:
    path = public / rec.file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return dataclasses.replace(rec, size=len(data), sha256=file_sha256(path),
                               mtime_ns=path.stat().st_mtime_ns)


def plan_of(slug: str, day: str) -> Plan:
    post = Post(Path(f"posts/{day}-{slug}.txt"), slug, dt.date.fromisoformat(day), slug, [], [])
    return Plan(post, [], [], "k" * 64)


def test_the_episode_of_a_failed_post_is_kept_only_while_it_is_intact_and_not_replanned(
        tmp_path):
    config = load_config(make_project(tmp_path / "show", {}))
    public = config.public_dir
    failed = [Failure(config.posts_dir / "2025-03-01-broken.txt", "bad"),
              Failure(config.posts_dir / "2025-03-02-moved.txt", "bad")]
    broken = published(public, record("broken", "posts/2025-03-01-broken.txt"))
    moved = published(public, record("moved", "posts/2025-03-02-moved.txt"))
    fine = published(public, record("fine", "posts/2025-03-03-fine.txt"))
    gone = record("gone", "posts/2025-03-01-broken.txt", size=3)  # its MP3 is not in public/
    replanned = published(public, record("again", "posts/2025-03-02-moved.txt"))
    manifest = Manifest({r.slug: r for r in (broken, moved, fine, gone, replanned)})
    plans = [plan_of("again", "2025-03-02"), plan_of("fine", "2025-03-03")]
    assert kept_records(config, manifest, plans, failed) == [broken, moved]
    assert kept_records(config, manifest, plans, []) == []
    (public / moved.file).write_bytes(b"MP3 changed")
    assert kept_records(config, manifest, plans, failed) == [broken]


def test_episodes_are_numbered_from_one_in_date_then_slug_order_kept_ones_counted():
    plans = [plan_of("c", "2025-03-03"), plan_of("b", "2025-03-01"), plan_of("a", "2025-03-03")]
    kept = [record("kept", "x", "2025-03-02"), record("early", "y", "2025-03-01")]
    number_episodes(plans, kept)
    assert [(p.post.slug, p.number) for p in plans] == [("c", 5), ("b", 1), ("a", 4)]
    assert [r.number for r in kept] == [1, 1]  # a kept episode's own number is left alone
    number_episodes(plans[:1], [])
    assert plans[0].number == 1


# -- build, restore, re-tag or keep ------------------------------------------------------------


@pytest.fixture
def planned(tmp_path):
    """A project's build and its first plan, with the plan's episode published in public/
    as the manifest records it (its timeline: one second per cue, one segment)."""
    build = build_of(make_project(tmp_path / "show"))
    plans, _ = build.plan()
    plan = plans[0]
    plan.number = 2
    timeline = {"duration": float(len(plan.cues)),
                "cues": [{"start": float(i), "end": i + 1.0} for i in range(len(plan.cues))],
                "segments": [{"index": 1, "start": 3.0, "end": 7.0}]}
    rec = published(build.config.public_dir,
                    record(plan.post.slug, f"posts/{SPRING}", audio_key=plan.audio_key,
                           timeline=timeline, duration=float(len(plan.cues))))
    return build, plan, rec


def store_with(build: Build, key: str, tmp_path: Path) -> AudioStore:
    mp3 = tmp_path / "stored.mp3"
    mp3.write_bytes(b"stored audio")
    build.store.put(key, mp3, {"duration": 1.0, "cues": [], "segments": []})
    return build.store


def decided(build: Build, plan: Plan, rec: EpisodeRecord | None) -> Action:
    decide(build.config, build.keys, build.store, plan, rec)
    assert plan.record is rec
    return plan.action


def test_a_new_post_is_built_or_restored_from_the_cache(planned, tmp_path):
    build, plan, _ = planned
    assert decided(build, plan, None) is Action.BUILD and plan.stored is None
    store_with(build, plan.audio_key, tmp_path)
    assert decided(build, plan, None) is Action.RESTORE
    assert plan.stored[0].read_bytes() == b"stored audio"


def test_changed_audio_is_built_or_restored_though_public_has_the_old_episode(planned,
                                                                             tmp_path):
    build, plan, rec = planned
    old = dataclasses.replace(rec, audio_key="b" * 64)
    assert decided(build, plan, old) is Action.BUILD and plan.episode is None
    store_with(build, plan.audio_key, tmp_path)
    assert decided(build, plan, old) is Action.RESTORE


def test_an_episode_missing_from_public_is_built_or_restored(planned, tmp_path, caplog):
    build, plan, rec = planned
    (build.config.public_dir / rec.file).unlink()
    with caplog.at_level(logging.INFO, "podcaster"):
        assert decided(build, plan, rec) is Action.BUILD
    assert caplog.messages == [f"{rec.file}: missing or changed in public/"]
    store_with(build, plan.audio_key, tmp_path)
    assert decided(build, plan, rec) is Action.RESTORE


def test_an_intact_episode_is_retagged_when_its_tags_changed_else_kept(planned):
    build, plan, rec = planned
    assert decided(build, plan, rec) is Action.RETAG
    episode = plan.episode
    assert (episode.post, episode.segments, episode.number) == (plan.post, plan.segments, 2)
    assert episode.audio_path == build.config.public_dir / rec.file
    assert (episode.size, episode.duration, plan.sha256) == (3, rec.duration, rec.sha256)
    assert [(c.cue, c.start, c.end) for c in episode.timeline.cues][:2] == [
        (plan.cues[0], 0.0, 1.0), (plan.cues[1], 1.0, 2.0)]
    assert [(s.index, s.title, s.start, s.end) for s in episode.timeline.segments] == [
        (1, plan.segments[1].title, 3.0, 7.0)]
    assert len(plan.tags_key) == 64
    same_tags = dataclasses.replace(rec, tags_key=plan.tags_key)
    assert decided(build, plan, same_tags) is Action.KEEP
    plan.number = 3  # a new episode number is a new track tag
    assert decided(build, plan, same_tags) is Action.RETAG


def test_a_copied_public_folder_is_intact_by_its_digest(planned):
    build, plan, rec = planned
    path = build.config.public_dir / rec.file
    os.utime(path, ns=(rec.mtime_ns + 10**9, rec.mtime_ns + 10**9))
    assert decided(build, plan, rec) is Action.RETAG


@pytest.mark.parametrize(("timeline", "why"), [
    ({"duration": 1.0, "cues": []}, "another number of cues"),
    ({"duration": 1.0, "segments": []}, "'cues'"),
    (None, "'NoneType' object is not subscriptable"),
    ("segments", "string indices must be integers"),
], ids=["count", "key", "none", "kind"])
def test_an_unusable_stored_timeline_rebuilds_with_a_warning(planned, tmp_path, caplog,
                                                              timeline, why):
    build, plan, rec = planned
    store_with(build, plan.audio_key, tmp_path)
    bad = dataclasses.replace(rec, timeline=timeline)
    with caplog.at_level(logging.WARNING):
        assert decided(build, plan, bad) is Action.BUILD
    assert plan.episode is None and plan.stored is None
    [message] = caplog.messages
    assert message.startswith(f"{rec.file}: unusable timeline in the build manifest (")
    assert why in message and message.endswith("); rebuilding")


def test_a_stored_segment_index_out_of_range_rebuilds(planned, caplog):
    build, plan, rec = planned
    rec.timeline["segments"][0]["index"] = len(plan.segments)
    with caplog.at_level(logging.WARNING):
        assert decided(build, plan, rec) is Action.BUILD
    assert "list index out of range" in caplog.messages[0]


@pytest.mark.parametrize("where", ["names", "pair"])
def test_a_file_anywhere_in_the_tags_is_keyed_by_its_bytes(sound, tmp_path, where):
    copy = tmp_path / "copy.wav"
    copy.write_bytes(sound.read_bytes())

    def with_file(path):
        return tags(None, **{where: {"art": path} if where == "names" else ("a", path)})

    before = keys().tags(with_file(sound))
    assert keys().tags(with_file(copy)) == before
    sound.write_bytes(b"other bytes")
    assert keys().tags(with_file(sound)) != before


@pytest.mark.parametrize(("old", "new"), [
    ("sentence_pause = 0.1", "sentence_pause = 0.15"),  # a setting of the script
    ('name = "espeak"', 'name = "espeak"\n\n[pronunciation]\n"봄비" = "봄 비"'),  # the lexicon
])
def test_a_change_to_the_script_settings_plans_every_post_again(tmp_path, monkeypatch, old,
                                                                 new):
    project = make_project(tmp_path / "show")
    first, _ = build_of(project).plan()
    (project / "podcast.toml").write_text(CONFIG.replace(old, new), encoding="utf-8")
    reads = count_reads(monkeypatch)
    again, _ = build_of(project).plan()
    assert sorted(reads) == sorted(POSTS)
    assert again[0].audio_key != first[0].audio_key


FTP_SOURCE = POSTS[SPRING].replace("https://weather", "ftp://weather")


def test_the_warnings_of_reading_a_post_are_given_again_from_the_plan_cache(tmp_path,
                                                                            caplog):
    project = make_project(tmp_path / "show", {"2025-03-01-open.txt": FTP_SOURCE})

    def warned() -> list[tuple[str, int, str]]:
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            build_of(project).plan()
        return [(r.name, r.levelno, r.getMessage()) for r in caplog.records]

    first = warned()
    assert first and all(name.startswith("podcaster.") for name, _, _ in first)
    assert warned() == first
