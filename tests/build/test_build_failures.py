"""Bad input fails the build with one line naming the file, a non-zero exit code and
public/ unchanged; --keep-going builds the rest and reports the bad posts at the end."""

from __future__ import annotations

import json

import pytest

from podcaster.build import build_project
from podcaster.build import produce as produce_module
from podcaster.build.manifest import MANIFEST_NAME
from podcaster.build.plancache import CACHE_NAME as PLAN_CACHE_NAME
from podcaster.cli import EXIT_INTERNAL
from podcaster.errors import AudioError, PostError, UnexpectedError
from podcaster.text import segment as segment_module
from tests.helpers import built_project, mp3_entry, snapshot
from tests.helpers import invoke_cli as cli

SLUGS = ["spring-rain", "robot-library", "night-train"]


@pytest.fixture
def project(tmp_path_factory, tmp_path):
    return built_project(tmp_path_factory, tmp_path / "show")


def edit_good_post(project):
    """Give the build real work, so a failure has something it could have half-written."""
    post = project / "posts" / "2025-03-01-spring-rain.txt"
    post.write_text(post.read_text(encoding="utf-8").replace("꽃이", "벚꽃이"), encoding="utf-8")


BAD_POSTS = {
    "empty": ("2025-03-05-empty.txt", b""),
    "binary": ("2025-03-05-binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00"),
    "unclosed quote": ("2025-03-05-quote.txt", "제목\n인사말입니다.\n“\n논평입니다.\n".encode()),
    "title only": ("2025-03-05-title.txt", "제목만 있는 글\n".encode()),
    "no date": ("no-date.txt", "제목\n본문입니다.\n".encode()),
    "bad date": ("2025-02-30-bad-date.txt", "제목\n본문입니다.\n".encode()),
    "duplicate slug": ("2025-03-09-night-train.txt", "다른 글\n본문입니다.\n".encode()),
}


@pytest.mark.parametrize("name,data", BAD_POSTS.values(), ids=list(BAD_POSTS))
def test_bad_post_exits_non_zero_with_public_unchanged(project, name, data):
    edit_good_post(project)
    bad = project / "posts" / name
    bad.write_bytes(data)
    before = snapshot(project / "public")

    result = cli("build", str(project))

    assert result.exit_code == PostError.exit_code
    message = result.stderr.strip()
    assert message.startswith("Error: ") and "\n" not in message
    assert str(bad.resolve()) in message or str(bad) in message
    assert snapshot(project / "public") == before


BAD_CONFIGS = {
    "invalid toml": ("[show\n", 2),
    "unknown option": ('[show]\ncolour = "red"\n', 2),
    "missing sound": ('[audio]\nsting = "audio/nope.wav"\n', 2),
    "unknown engine": ('[engine]\nname = "nope"\n', 2),  # the setting's error, not the engine's
    "unknown voice engine": ('[voices.article]\nengine = "nope"\n', 2),
}


@pytest.mark.parametrize("extra,code", BAD_CONFIGS.values(), ids=list(BAD_CONFIGS))
def test_bad_config_exits_non_zero_with_public_unchanged(project, extra, code):
    toml = project / "podcast.toml"
    text = toml.read_text(encoding="utf-8")
    if extra.startswith("[engine]"):
        text = text.replace('name = "espeak"', 'name = "nope"')
    elif extra.startswith("[audio]"):
        text = text.replace('sting = "audio/sting.wav"', 'sting = "audio/nope.wav"')
    else:
        text = extra + text
    toml.write_text(text, encoding="utf-8")
    before = snapshot(project / "public")

    result = cli("build", str(project))

    assert result.exit_code == code
    assert result.stderr.startswith("Error: ")
    assert snapshot(project / "public") == before


def test_missing_posts_folder_exits_non_zero(project):
    for post in (project / "posts").iterdir():
        post.unlink()
    (project / "posts").rmdir()
    before = snapshot(project / "public")
    result = cli("build", str(project))
    assert result.exit_code == 1
    assert "posts folder not found" in result.stderr
    assert snapshot(project / "public") == before


def test_failure_while_encoding_names_the_post_and_changes_nothing(project, monkeypatch):
    real = produce_module.assemble_episode

    def assemble(cues, clips, segments, out_path, settings, *rest):
        if out_path.stem == "spring-rain":
            raise AudioError(f"{out_path}: ffmpeg failed: simulated")
        return real(cues, clips, segments, out_path, settings, *rest)

    monkeypatch.setattr(produce_module, "assemble_episode", assemble)
    # two posts need work: one fails after the other was made
    post = project / "posts" / "2025-03-03-night-train.txt"
    post.write_text(post.read_text(encoding="utf-8").replace("설렙니다", "즐겁습니다"),
                    encoding="utf-8")
    edit_good_post(project)
    before = snapshot(project / "public")

    with pytest.raises(AudioError) as info:  # one job: the patched assembly runs here
        build_project(project, build_jobs=1)

    assert "2025-03-01-spring-rain.txt" in info.value.format_message()
    assert snapshot(project / "public") == before
    assert not (project / ".podcaster-cache" / "staging").exists()

    result = build_project(project, keep_going=True, build_jobs=1)
    assert result.built == ["night-train"]
    assert [f.path.name for f in result.failed] == ["2025-03-01-spring-rain.txt"]
    # the episode already built stays published as it was
    assert mp3_entry(snapshot(project / "public"), "spring-rain") == \
        mp3_entry(before, "spring-rain")
    assert {e.post.slug for e in result.episodes} == set(SLUGS)


def test_keep_going_builds_the_others_and_reports_the_bad_ones(project):
    edit_good_post(project)
    bad = project / "posts" / "2025-03-05-quote.txt"
    bad.write_text("제목\n인사말입니다.\n“\n논평입니다.\n", encoding="utf-8")
    before = snapshot(project / "public")

    result = cli("build", "--keep-going", str(project))

    assert result.exit_code == 7
    lines = result.stderr.strip().splitlines()
    failed = [line for line in lines if line.startswith("failed: ")]
    assert len(failed) == 1
    assert "2025-03-05-quote.txt" in failed[0] and "unclosed quote" in failed[0]
    assert lines[-1].startswith("Error: 1 post(s) failed")
    assert "1 built" in result.stdout and "2 unchanged" in result.stdout
    after = snapshot(project / "public")
    assert mp3_entry(after, "spring-rain") != mp3_entry(before, "spring-rain")
    assert mp3_entry(after, "night-train") == mp3_entry(before, "night-train")


def test_keep_going_keeps_the_episode_of_a_post_that_turned_bad(project):
    post = project / "posts" / "2025-03-02-robot-library.txt"
    post.write_text("도서관 로봇\n“\n논평입니다.\n", encoding="utf-8")
    before = snapshot(project / "public")
    manifest_before = json.loads((project / "public" / MANIFEST_NAME).read_bytes())

    result = build_project(project, keep_going=True)

    assert [f.path.name for f in result.failed] == [post.name]
    assert result.removed == []
    assert {e.post.slug: e.number for e in result.episodes} == {
        "spring-rain": 1, "robot-library": 2, "night-train": 3}
    assert snapshot(project / "public") == before
    manifest = json.loads((project / "public" / MANIFEST_NAME).read_bytes())
    assert manifest == manifest_before


def test_unexpected_exception_is_one_line_with_a_hint(project, monkeypatch):
    def broken(post):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(segment_module, "analyse_post", broken)
    (project / ".podcaster-cache" / PLAN_CACHE_NAME).unlink()  # every post is read again
    before = snapshot(project / "public")

    with pytest.raises(UnexpectedError) as info:
        build_project(project)
    assert "2025-03-01-spring-rain.txt" in str(info.value)

    result = cli("build", str(project))
    assert result.exit_code == EXIT_INTERNAL
    line = result.stderr.strip()
    assert "\n" not in line
    assert "unexpected ZeroDivisionError" in line and "--verbose" in line

    verbose = cli("--verbose", "build", str(project))
    assert verbose.exit_code == EXIT_INTERNAL
    assert "Traceback (most recent call last)" in verbose.stderr
    assert snapshot(project / "public") == before


def test_verbose_shows_the_traceback_of_a_bad_post(project):
    (project / "posts" / "2025-03-05-empty.txt").write_bytes(b"")
    quiet = cli("build", str(project))
    assert "Traceback" not in quiet.stderr
    verbose = cli("-v", "build", str(project))
    assert verbose.exit_code == PostError.exit_code
    assert "Traceback (most recent call last)" in verbose.stderr
    assert verbose.stderr.strip().splitlines()[-1].startswith("Error: ")


def test_a_post_with_a_five_thousand_digit_number_builds(project):
    post = project / "posts" / "2025-03-06-digits.txt"
    post.write_text("숫자의 글\n오늘의 숫자는 " + "7" * 5000 + "입니다.\n", encoding="utf-8")
    result = cli("build", str(project))
    assert result.exit_code == 0, result.stderr
    assert "digits" in "".join(p.name for p in (project / "public").rglob("*.mp3"))
