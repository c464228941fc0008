"""The build's checks before any audio is made, each from both sides, without a whole
build: the output folders (a file where a folder goes), the command line's overrides reaching
their options, the lock, the example values left (a warning each), the show's cover, every
voice of every language, --strict with a quote without a clear source, and the engines a
build that made no audio names."""

from __future__ import annotations

import logging
import os

import pytest

from podcaster.build import run, showguid
from podcaster.build.lock import LOCK_NAME, BuildLock
from podcaster.build.parts import Progress
from podcaster.build.run import Build, build_project, check_output_folders
from podcaster.config import load_config
from podcaster.errors import (
    BuildLockedError,
    ConfigError,
    OutputError,
    PostError,
    UnclearAttributionError,
)
from tests.helpers import CONFIG, POSTS, UNCREDITED, make_project


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
