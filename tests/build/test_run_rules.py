"""The build's checks before any audio is made, each from both sides, without a whole
build: the output folders (a file where a folder goes), the command line's overrides reaching
their options, the lock, the example values left (a warning each), the show's cover, every
voice of every language, --strict with a quote without a clear source, and the engines a
build that made no audio names."""

from __future__ import annotations

import logging
import os
import shutil
from collections import Counter
from pathlib import Path

import pytest

from podcaster.build import commit as commit_module
from podcaster.build import faults, run, showguid
from podcaster.build import produce as produce_module
from podcaster.build.lock import LOCK_NAME, BuildLock
from podcaster.build.manifest import MANIFEST_NAME, load_manifest
from podcaster.build.parts import Progress
from podcaster.build.run import Build, build_project, check_output_folders
from podcaster.config import load_config
from podcaster.errors import (
    AudioError,
    BuildLockedError,
    ConfigError,
    EngineError,
    OutputError,
    PostError,
    UnclearAttributionError,
)
from tests.build.test_produce_rules import Assembly
from tests.helpers import CONFIG, POSTS, UNCREDITED, make_project, mp3_of, snapshot

SPRING = "2025-03-01-spring-rain.txt"


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path / "show")


def folders(config):
    return {"public": config.public_dir, "episodes": config.public_dir / "episodes",
            "cache": config.cache_dir}


@pytest.mark.parametrize("which", ["public", "episodes", "cache"])
def test_a_file_where_an_output_folder_goes_stops_the_build(project, which):
    config = load_config(project)
    target = folders(config)[which]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"not a folder")
    with pytest.raises(OutputError) as raised:
        check_output_folders(config)
    assert raised.value.message == (f"{target}: is a file, where the build needs a folder; "
                                    "move it away")


@pytest.mark.parametrize("which", ["public", "episodes", "cache"])
def test_a_read_only_output_folder_stops_the_build(project, monkeypatch, which):
    config = load_config(project)
    target = folders(config)[which]
    for folder in folders(config).values():
        folder.mkdir(parents=True, exist_ok=True)
    asked = []

    def access(path, mode):  # the tests run as root, who may write anywhere
        asked.append(mode)
        return os.fspath(path) != os.fspath(target)

    monkeypatch.setattr(run.os, "access", access)
    with pytest.raises(OutputError) as raised:
        check_output_folders(config)
    assert raised.value.message == f"{target}: cannot write: the folder is read-only"
    assert set(asked) == {os.W_OK | os.X_OK}


def test_output_folders_absent_or_writable_pass(project):
    config = load_config(project)
    check_output_folders(config)  # none there yet: the build makes them
    for folder in folders(config).values():
        folder.mkdir(parents=True, exist_ok=True)
    check_output_folders(config)


@pytest.mark.parametrize(("argument", "option"), [
    ({"engine": "nope"}, "engine.name"),
    ({"jobs": 5000}, "engine.jobs"),
    ({"build_jobs": 5000}, "build.jobs"),
])
def test_each_override_reaches_its_option(project, argument, option):
    with pytest.raises(ConfigError) as raised:
        build_project(project, **argument)
    assert option in raised.value.message
    assert not (project / "public").exists()


def test_a_zero_override_is_an_override(project):
    # jobs=0 is "a default per engine", a value of its own, not "no override"
    (project / "podcast.toml").write_text(CONFIG + "\n[build]\njobs = 5000\n",
                                          encoding="utf-8")
    with pytest.raises(ConfigError, match="build.jobs"):
        build_project(project)
    with pytest.raises(ConfigError, match="cover"):  # past the config: build.jobs=0 taken
        (project / "cover.png").write_bytes(b"not an image")
        build_project(project, build_jobs=0)


def test_a_held_lock_stops_the_build_saying_to_build_again(project):
    config = load_config(project)
    lock = config.cache_dir / LOCK_NAME
    with BuildLock(lock), pytest.raises(BuildLockedError) as raised:
        build_project(project)
    assert raised.value.message.endswith("; wait for it to finish, then build again")
    assert not (project / "public").exists()


def test_each_example_value_left_is_a_warning(project, caplog):
    text = CONFIG.replace("owner@example.org", "you@example.com")
    (project / "podcast.toml").write_text(text, encoding="utf-8")
    (project / "cover.png").write_bytes(b"not an image")  # stops the build after the warning
    with caplog.at_level(logging.WARNING), pytest.raises(ConfigError):
        build_project(project)
    warnings = [m for m in caplog.messages if "podcaster check fails" in m]
    assert len(warnings) == 1
    assert warnings[0].startswith("podcast.toml: show.owner_email: still the example")
    assert warnings[0].endswith(" (podcaster check fails until it is changed)")


def test_no_example_value_is_no_warning(project, caplog):
    (project / "cover.png").write_bytes(b"not an image")
    with caplog.at_level(logging.WARNING), pytest.raises(ConfigError):
        build_project(project)
    assert not [m for m in caplog.messages if "podcaster check fails" in m]


def test_a_bad_cover_stops_the_build_before_any_post_is_read(project):
    (project / "cover.png").write_bytes(b"not an image")
    (project / "posts" / "2025-03-09-bad.txt").write_text("\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        build_project(project)
    cover = load_config(project).show.cover
    assert raised.value.message.startswith(f"{cover}: show.cover: artwork is not a readable "
                                           "image: ")
    assert not (project / "public").exists()


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_bad_voice_of_any_language_stops_the_build_before_any_post_is_read(project,
                                                                             language):
    table = "voices" if language == "ko" else f"voices.{language}"
    (project / "podcast.toml").write_text(
        CONFIG + f'\n[{table}.signoff]\ntempo = 9.0\n',
        encoding="utf-8")
    (project / "posts" / "2025-03-09-bad.txt").write_text("\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        build_project(project)
    assert "signoff.tempo must be between" in raised.value.message


def test_strict_stops_on_a_quote_without_a_clear_source_before_writing(tmp_path):
    project = make_project(tmp_path / "show", {"2025-03-01-two.txt": UNCREDITED})
    with pytest.raises(UnclearAttributionError) as raised:
        build_project(project, strict=True)
    assert "source 2 (제주 감귤 수확량 역대 최대) is not credited to any quote" in str(
        raised.value)
    assert not (project / "public").exists()


def test_the_engines_a_build_would_speak_with(project):
    build = Build(load_config(project), None, Progress())
    plans, _ = build.plan()
    assert build.engine_label(plans) == "espeak"
    for plan in plans:
        plan.cues = [c for c in plan.cues if c.is_sound]
    assert build.engine_label(plans) == "none"
    assert build.engine_label([]) == "none"


def test_the_engine_asked_for_is_the_one_named(project):
    build = Build(load_config(project), "gtts", Progress())
    plans, _ = build.plan()
    assert build.engine_label(plans) == "gtts"


def test_a_post_failing_with_keep_going_is_listed_not_raised(tmp_path):
    posts = dict(POSTS)
    posts["2025-03-09-bad.txt"] = "\n"
    build = Build(load_config(make_project(tmp_path / "show", posts)), None, Progress(),
                  keep_going=True)
    plans, _ = build.plan()
    assert len(plans) == 3
    assert [f.path.name for f in build.failures.failed] == ["2025-03-09-bad.txt"]


@pytest.fixture
def stopped_after_plan(monkeypatch):
    """The build ends where its plan is done, with a failing disk (nothing written yet)."""
    monkeypatch.setenv("PODCASTER_FAULT", "plan:done=error")


def test_a_failing_disk_during_the_build_is_one_line(project, stopped_after_plan):
    with pytest.raises(OutputError) as raised:
        build_project(project)
    assert raised.value.message == "output: cannot write: input/output error (a failing disk?)"


def test_a_bad_post_stops_the_build_unless_keep_going(tmp_path, stopped_after_plan):
    posts = dict(POSTS)
    posts["2025-03-09-bad.txt"] = "\n"
    project = make_project(tmp_path / "show", posts)
    with pytest.raises(PostError) as raised:
        build_project(project)
    assert raised.value.message.startswith(f"{project / 'posts' / '2025-03-09-bad.txt'}: ")
    with pytest.raises(OutputError):  # past the bad post, to the end of the plan
        build_project(project, keep_going=True)


def test_quotes_without_a_clear_source_are_fatal_only_with_strict(tmp_path,
                                                                  stopped_after_plan):
    project = make_project(tmp_path / "show", {"2025-03-01-two.txt": UNCREDITED})
    with pytest.raises(OutputError):  # planned, warned, and on to the end of the plan
        build_project(project)
    with pytest.raises(UnclearAttributionError):
        build_project(project, strict=True)


def test_a_changed_show_guid_stops_the_build_unless_confirmed(project, stopped_after_plan):
    showguid.remember(load_config(project))
    (project / "podcast.toml").write_text(
        CONFIG.replace("bcfe8cc8-adc6-5170-8007-6956434efce0",
                       "0e1f5b9e-2c3d-4e5f-8a9b-0c1d2e3f4a5b"), encoding="utf-8")
    with pytest.raises(ConfigError, match="the show's podcast:guid would change"):
        build_project(project)
    with pytest.raises(OutputError):  # confirmed: on to the end of the plan
        build_project(project, new_guid=True)


def test_the_engines_named_are_every_engine_that_would_speak(project):
    (project / "podcast.toml").write_text(CONFIG + '\n[voices.signoff]\nengine = "gtts"\n',
                                          encoding="utf-8")
    build = Build(load_config(project), None, Progress())
    plans, _ = build.plan()
    assert build.engine_label(plans) == "espeak, gtts"


@pytest.mark.parametrize("line", ["loudness = -18.0\n", 'bitrate = "96k"\n'])
def test_the_audio_settings_reach_every_audio_key(project, line):
    before, _ = Build(load_config(project), None, Progress()).plan()
    (project / "podcast.toml").write_text(CONFIG + line, encoding="utf-8")  # in [audio]
    after, _ = Build(load_config(project), None, Progress()).plan()
    assert all(a.audio_key != b.audio_key for a, b in zip(after, before))


def test_a_builds_plan_checks_each_posts_image(project):
    from PIL import Image

    Image.new("RGB", (10, 10)).save(project / "posts" / "2025-03-01-spring-rain.png")
    with pytest.raises(PostError, match="artwork is 10x10 px"):
        Build(load_config(project), None, Progress()).plan()


def test_a_build_stops_on_a_bad_post_and_is_not_strict_unless_asked(tmp_path,
                                                                   stopped_after_plan):
    posts = dict(POSTS)
    posts["2025-03-09-bad.txt"] = "\n"
    with pytest.raises(PostError):
        Build(load_config(make_project(tmp_path / "a", posts)), None, Progress()).plan()
    build = Build(load_config(make_project(tmp_path / "b", {"2025-03-01-two.txt": UNCREDITED})),
                  None, Progress())
    with pytest.raises(OSError, match="fault injected at plan:done"):
        build.run()


def test_a_build_leaves_no_staging_behind_even_when_it_fails(project, stopped_after_plan):
    build = Build(load_config(project), None, Progress())
    build.folders.staging.mkdir(parents=True)
    (build.folders.staging / "left.mp3").write_bytes(b"from a killed build")
    with pytest.raises(OSError):
        build.run()
    assert not build.folders.staging.exists()


# -- whole builds, with the audio assembly stood in for (see test_produce_rules) -------------
# Each builds on a copy of one project built once: what a build does after another.

ONE_JOB = CONFIG + "\n[build]\njobs = 1\n"  # assembled in the build process, stood in for
SLUGS = ["spring-rain", "robot-library", "night-train"]  # in date order
_BUILT: list[Path] = []


class Recorded(Progress):
    def __init__(self):
        self.calls: list[tuple] = []

    def start(self, episodes: int, clips: int) -> None:
        self.calls.append(("start", episodes, clips))

    def post_done(self, post) -> None:
        self.calls.append(("done", post.slug))


@pytest.fixture
def assembly(monkeypatch):
    return Assembly(monkeypatch)


@pytest.fixture
def built(tmp_path_factory, tmp_path, assembly) -> Path:
    """A copy of the project after its first build (made once)."""
    if not _BUILT or not _BUILT[0].is_dir():
        template = make_project(tmp_path_factory.mktemp("quick") / "show", config=ONE_JOB)
        build_project(template)
        _BUILT[:] = [template]
    shutil.copytree(_BUILT[0], tmp_path / "show", symlinks=True)
    assembly.calls.clear()
    return tmp_path / "show"


def numbers(result) -> list[tuple[int, str]]:
    return [(e.number, e.post.slug) for e in result.episodes]


def test_a_first_build_builds_every_post_and_publishes_it(tmp_path, assembly):
    project = make_project(tmp_path / "show", config=ONE_JOB)
    progress = Recorded()
    result = build_project(project, progress=progress)
    assert result.built == SLUGS
    assert result.restored == result.retagged == result.unchanged == result.removed == []
    assert numbers(result) == [(1, "spring-rain"), (2, "robot-library"), (3, "night-train")]
    assert result.feed_path == project / "public" / "feed.xml" and result.feed_path.is_file()
    assert result.engine == "espeak" and result.stats.synthesised > 0 and result.seconds > 0
    assert result.failed == [] and result.warnings == []
    clips = 0
    build = Build(load_config(project), None, Progress())
    for plan in build.plan()[0]:
        clips += sum(1 for c in plan.cues if not c.is_sound)
    assert progress.calls == [("start", 3, clips)] + [("done", s) for s in SLUGS]
    assert len(assembly.calls) == 3
    assert not (project / ".podcaster-cache" / "staging").exists()
    assert sorted(load_manifest(project / "public" / MANIFEST_NAME).episodes) == sorted(SLUGS)


def test_a_build_with_nothing_changed_changes_nothing(built, assembly):
    before = snapshot(built / "public")
    progress = Recorded()
    result = build_project(built, progress=progress)
    assert result.unchanged == SLUGS
    assert result.built == result.restored == result.retagged == result.removed == []
    assert numbers(result) == [(1, "spring-rain"), (2, "robot-library"), (3, "night-train")]
    assert progress.calls == [("start", 0, 0)]
    assert snapshot(built / "public") == before and assembly.calls == []
    assert result.engine == "espeak"


def test_a_changed_post_alone_is_built_again(built, assembly):
    post = built / "posts" / SPRING
    post.write_text(POSTS[SPRING].replace("봄비가", "많은 봄비가"), encoding="utf-8")
    progress = Recorded()
    result = build_project(built, progress=progress)
    assert result.built == ["spring-rain"]
    assert result.unchanged == ["robot-library", "night-train"]
    assert numbers(result) == [(1, "spring-rain"), (2, "robot-library"), (3, "night-train")]
    assert progress.calls[0][:2] == ("start", 1) and progress.calls[0][2] > 0
    assert progress.calls[1:] == [("done", "spring-rain")]
    assert len(assembly.calls) == 1


def test_a_removed_post_is_said_removed(built):
    (built / "posts" / SPRING).unlink()
    result = build_project(built)
    assert result.removed == ["spring-rain"]
    assert numbers(result) == [(1, "robot-library"), (2, "night-train")]
    assert result.retagged == ["robot-library", "night-train"]  # numbered again


def test_an_episode_missing_from_public_is_restored_from_the_cache(built, assembly):
    public = built / "public"
    mp3_of(public, "robot-library").unlink()
    result = build_project(built)
    assert result.restored == ["robot-library"]
    assert result.unchanged == ["spring-rain", "night-train"]
    assert assembly.calls == [] and mp3_of(public, "robot-library").is_file()


def test_a_renamed_post_warns_that_its_guid_moves(built, caplog):
    (built / "posts" / SPRING).rename(built / "posts" / "2025-03-01-spring-shower.txt")
    with caplog.at_level(logging.WARNING):
        result = build_project(built)
    assert result.removed == ["spring-rain"] and result.restored == ["spring-shower"]
    [message] = [m for m in caplog.messages if "GUID" in m]
    assert message.startswith("posts/2025-03-01-spring-shower.txt: published before as "
                              "'spring-rain' with the GUID ")


def test_a_post_that_turned_bad_keeps_its_episode_with_keep_going(built):
    (built / "posts" / SPRING).write_text("\n", encoding="utf-8")
    result = build_project(built, keep_going=True)
    assert [f.path.name for f in result.failed] == [SPRING]
    assert numbers(result) == [(1, "spring-rain"), (2, "robot-library"), (3, "night-train")]
    assert result.unchanged == ["robot-library", "night-train"] and result.built == []
    again = build_project(built, keep_going=True)  # public/ is not taken as up to date
    assert [f.path.name for f in again.failed] == [SPRING]
    assert numbers(again) == numbers(result)


def test_quotes_without_a_clear_source_are_in_the_result(built):
    (built / "posts" / "2025-03-05-two.txt").write_text(UNCREDITED, encoding="utf-8")
    result = build_project(built)
    assert result.built == ["two"]
    assert [w.post for w in result.warnings] == ["2025-03-05-two.txt"]


@pytest.mark.parametrize("published", [True, False])
def test_a_post_whose_audio_fails_keeps_only_an_episode_already_published(built, monkeypatch,
                                                                          published):
    name = SPRING if published else "2025-03-05-new.txt"
    slug = "spring-rain" if published else "new"
    (built / "posts" / name).write_text(POSTS[SPRING].replace("봄비가", "많은 봄비가"),
                                        encoding="utf-8")
    real = produce_module.assemble_episode

    def failing(cues, clips, segments, out_path, settings, copy=None):
        if out_path.stem == slug:
            raise AudioError("cannot encode")
        return real(cues, clips, segments, out_path, settings, copy)

    monkeypatch.setattr(produce_module, "assemble_episode", failing)
    progress = Recorded()
    result = build_project(built, keep_going=True, progress=progress)
    assert [f.path.name for f in result.failed] == [name]
    assert ("done", slug) in progress.calls
    slugs = [e.post.slug for e in result.episodes]
    assert (slug in slugs) is published
    assert result.built == []
    assert ("spring-rain" in slugs) and ("robot-library" in slugs)


def test_a_new_earlier_post_numbers_the_later_ones_again(built, assembly):
    (built / "posts" / "2025-02-28-early.txt").write_text(
        POSTS[SPRING].replace("봄비가", "이른 봄비가"), encoding="utf-8")
    result = build_project(built)
    assert result.built == ["early"]
    assert result.retagged == SLUGS
    assert numbers(result) == [(1, "early"), (2, "spring-rain"), (3, "robot-library"),
                               (4, "night-train")]
    assert len(assembly.calls) == 1


def test_a_build_after_a_build_that_published_commits_nothing(built, monkeypatch):
    post = built / "posts" / SPRING
    post.write_text(POSTS[SPRING].replace("봄비가", "많은 봄비가"), encoding="utf-8")
    assert build_project(built).built == ["spring-rain"]
    commits = []
    monkeypatch.setattr(commit_module, "commit", lambda *a: commits.append(a))
    result = build_project(built)
    assert commits == [] and result.unchanged == SLUGS
    assert numbers(result) == [(1, "spring-rain"), (2, "robot-library"), (3, "night-train")]


def test_a_build_with_a_failed_post_commits_again_next_time(built, monkeypatch):
    (built / "posts" / SPRING).write_text("\n", encoding="utf-8")
    build_project(built, keep_going=True)
    (built / "posts" / SPRING).write_text(POSTS[SPRING], encoding="utf-8")
    real, commits = commit_module.commit, []

    def counted(*args):
        commits.append(args)
        return real(*args)

    monkeypatch.setattr(commit_module, "commit", counted)
    assert build_project(built).unchanged == SLUGS
    assert len(commits) == 1  # the failed build did not note public/ as up to date


def test_a_build_takes_its_own_time(built):
    result = build_project(built)
    assert 0 < result.seconds < 120


def test_every_post_failing_with_keep_going_publishes_nothing(tmp_path):
    project = make_project(tmp_path / "show", {"2025-03-09-bad.txt": "\n"}, config=ONE_JOB)
    result = build_project(project, keep_going=True)
    assert result.episodes == [] and [f.path.name for f in result.failed] == [
        "2025-03-09-bad.txt"]
    assert not (project / "public" / "feed.xml").exists()


def test_the_first_clip_made_is_a_fault_point(tmp_path, monkeypatch, assembly):
    project = make_project(tmp_path / "show", config=ONE_JOB)
    monkeypatch.setattr(faults, "_reached", faults.Counter())
    monkeypatch.setenv(faults.ENV, "synthesise:clip=error")
    with pytest.raises(OutputError):
        build_project(project)
    assert faults._reached["synthesise:clip"] >= 1  # clips are made side by side
    assert not (project / "public").exists()


@pytest.fixture
def fast_retries(monkeypatch):
    from podcaster.speech.engines import network

    monkeypatch.setattr(network, "backoff_delay", lambda attempt, settings, after: 0.001)


def test_auto_offline_says_why_it_fell_back(tmp_path, assembly, fast_retries):
    from tests.fakes.google import RESET, FakeGoogle, gtts_project

    project = gtts_project(tmp_path / "show", engine="auto")
    with FakeGoogle(status=RESET):
        result = build_project(project)
    assert result.engine == "espeak" and result.built == ["laundry"]
    assert result.engine_note.startswith("auto: ")
    assert result.engine_note.endswith("; built with espeak instead of gtts")


@pytest.mark.parametrize("retries", [0, 2])
def test_the_request_options_reach_the_engine(tmp_path, fast_retries, retries):
    from tests.fakes.google import RESET, FakeGoogle, gtts_project

    project = gtts_project(tmp_path / "show", engine_toml=f"retries = {retries}\njobs = 1\n")
    with FakeGoogle(status=RESET) as google, pytest.raises(EngineError):
        build_project(project)
    tries = Counter(r.text for r in google.requests)
    assert max(tries.values()) == retries + 1  # a text tried once, and once per retry


@pytest.mark.parametrize(("line", "jobs"), [("", 0), ("jobs = 3\n", 3)])
def test_the_engine_jobs_option_reaches_the_synthesiser(project, line, jobs):
    text = CONFIG.replace('name = "espeak"', f'name = "espeak"\n{line}')
    (project / "podcast.toml").write_text(text, encoding="utf-8")
    assert Build(load_config(project), None, Progress()).synth.jobs == jobs


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_bad_voice_is_the_configs_error_even_with_keep_going(project, language):
    table = "voices" if language == "ko" else f"voices.{language}"
    (project / "podcast.toml").write_text(CONFIG + f'\n[{table}.signoff]\ntempo = 9.0\n',
                                          encoding="utf-8")
    with pytest.raises(ConfigError, match="signoff.tempo must be between"):
        build_project(project, keep_going=True)  # not a failure of every post
