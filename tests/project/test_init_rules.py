"""``podcaster init``'s rules from both sides, called directly (no subprocess): the TOML it
writes for each kind of value, the podcast.toml it renders, the settings it refuses, the
guid it pins and what it does in a folder that already holds files."""

from __future__ import annotations

import datetime as dt
import math
import sys
import uuid

import pytest

from podcaster.config import FREE_TABLES, OPTIONS, REQUIRED, default_asset, load_config
from podcaster.errors import PodcasterError
from podcaster.init import (
    EXAMPLE_EMAIL,
    EXAMPLE_HOST,
    SAMPLE_SLUG,
    SECTION_DOCS,
    WORKFLOW_BESIDE,
    WORKFLOW_PATH,
    ProjectSettings,
    default_base_url,
    init_project,
    pinned_guid,
    render_config,
    scaffold_files,
    toml_value,
)
from podcaster.publish.layout import show_guid

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DAY = dt.date(2026, 1, 5)
MINE = ProjectSettings(title="바다 라디오", author="김바다", description="바다 이야기를 나누는 방송.",
                       base_url="https://kim.github.io/sea/", email="sea@example.net")


@pytest.mark.parametrize(("value", "literal"), [
    (True, "true"), (False, "false"), (0, "0"), (-16, "-16"), (44100, "44100"),
    (0.35, "0.35"), (-1.0, "-1.0"), ([], "[]"), (["en", "ja"], '["en", "ja"]'),
    ([1, [True]], "[1, [true]]"), ("", '""'), ("바다", '"바다"'),
    ('a"b\\c', '"a\\"b\\\\c"'), ("a\nb\tc", '"a\\nb\\tc"'),
    ("\x00\x1f\x7f\x20", '"\\u0000\\u001F\\u007F "'),
])
def test_each_value_becomes_the_toml_literal_that_reads_back_as_it(value, literal):
    assert toml_value(value) == literal
    assert tomllib.loads(f"x = {literal}")["x"] == value


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_a_number_toml_cannot_hold_is_refused(value):
    with pytest.raises(ValueError, match="no TOML for"):
        toml_value(value)


@pytest.mark.parametrize("value", [None, {"a": 1}, dt.date(2026, 1, 5), (1, 2)])
def test_a_value_of_no_toml_type_is_refused(value):
    with pytest.raises(TypeError, match=f"no TOML for {type(value).__name__}"):
        toml_value(value)


def test_podcast_toml_lists_every_option_with_its_doc_and_default():
    text = render_config({"show.title": "바다 라디오", "audio.duck": -20.0})
    lines = text.splitlines()
    assert lines[:3] == ["# podcast.toml: the show's settings. Lines starting with # are "
                         "comments;", "# remove the # in front of an option to change its "
                         "default.", ""]
    for option in OPTIONS:
        section, key = option.key.split(".", 1)
        doc = f"# {option.describe()}" + (" (required)" if option.default is REQUIRED else "")
        at = lines.index(doc)
        if option.key == "show.title":
            assert lines[at + 1] == 'title = "바다 라디오"'
        elif option.key == "audio.duck":
            assert lines[at + 1] == "duck = -20.0"
        elif option.default is REQUIRED or option.default == "":
            assert lines[at + 1] == f'# {key} = ""'
        else:
            assert lines[at + 1] == f"# {key} = {toml_value(option.default)}"
    for name, doc in SECTION_DOCS.items():
        assert lines[lines.index(f"[{name}]") - 1] == f"# {doc}"
    assert lines[lines.index("[build]") - 1] == ""  # a table without a doc of its own
    assert lines[lines.index("[show]") - 2] == ""
    assert text.count("[show]") == 1 and "[pronunciation]" in lines
    assert lines[-5:] == ["", f"# {FREE_TABLES['voices']}", "# [voices.article]",
                          '# engine = "edge"', '# voice = "ko-KR-InJoonNeural"']
    assert text.endswith('# voice = "ko-KR-InJoonNeural"\n')
    parsed = tomllib.loads(text)
    assert parsed["show"] == {"title": "바다 라디오"} and parsed["audio"] == {"duck": -20.0}
    assert parsed["build"] == {} and parsed["pronunciation"] == {}


@pytest.mark.parametrize(("folder", "url"), [
    ("Sea Radio", f"{EXAMPLE_HOST}sea-radio/"), ("바다", f"{EXAMPLE_HOST}my-podcast/"),
    ("--my_show--", f"{EXAMPLE_HOST}my-show/"), ("show2", f"{EXAMPLE_HOST}show2/"),
])
def test_the_example_address_is_made_from_the_folder_name(tmp_path, folder, url):
    assert default_base_url(tmp_path / folder) == url


def test_the_pinned_guid_is_the_feeds_own_and_random_for_the_example(tmp_path):
    guid = pinned_guid("https://kim.github.io/sea/")
    assert guid == pinned_guid("https://kim.github.io/sea") == pinned_guid("http://kim.github.io/sea/")
    assert uuid.UUID(guid).version == 5
    init_project(tmp_path / "sea", MINE, today=DAY)
    config = load_config(tmp_path / "sea")
    assert config.feed.guid == guid
    (tmp_path / "sea" / "podcast.toml").write_text(
        (tmp_path / "sea" / "podcast.toml").read_text(encoding="utf-8").replace(
            f'guid = "{guid}"', ""), encoding="utf-8")
    assert show_guid(load_config(tmp_path / "sea")) == guid  # what the feed derives anyway
    example = pinned_guid(EXAMPLE_HOST + "sea/")
    assert uuid.UUID(example).version == 4 and example != pinned_guid(EXAMPLE_HOST + "sea/")


@pytest.mark.parametrize(("changes", "message"), [
    ({"title": "바다\n라디오"}, "title must be a single line of text"),
    ({"title": "바다 라디오\n"}, "title must be a single line of text"),
    ({"email": "sea@example.net\n"}, "email must be a single line of text"),
    ({"author": "김\r바다"}, "author must be a single line of text"),
    ({"description": "a\x00"}, "description must be a single line of text"),
    ({"email": "a\x7f"}, "email must be a single line of text"),
    ({"base_url": "https://a/\n"}, "base_url must be a single line of text"),
    ({"requirement": "podcaster\n"}, "requirement must be a single line of text"),
    ({"feed": "https://blog.example.net/\x1f"}, "feed must be a single line of text"),
    ({"engine": "g tts"}, "engine may hold only letters, digits and . _ / -"),
    ({"branch": "main;rm"}, "branch may hold only letters, digits and . _ / -"),
    ({"branch": ""}, "branch may hold only letters, digits and . _ / -"),
    ({"branch": "main\n"}, "branch may hold only letters, digits and . _ / -"),
    ({"engine": "espeak\n"}, "engine may hold only letters, digits and . _ / -"),
    ({"feed": "blog.example.net/feed"}, "feed must be an absolute http(s) URL"),
    ({"feed": "ftp://blog.example.net/feed"}, "feed must be an absolute http(s) URL"),
    ({"engine": "auto"}, "engine: CI builds with a named engine (gtts, espeak, edge), not auto"),
    ({"title": "a\nb", "engine": "auto"}, "title must be a single line of text; engine: CI "
                                          "builds with a named engine (gtts, espeak, edge), "
                                          "not auto"),
])
def test_each_setting_init_refuses_and_nothing_is_written(tmp_path, changes, message):
    settings = ProjectSettings(**{**MINE.__dict__, **changes})
    with pytest.raises(PodcasterError) as caught:
        init_project(tmp_path / "sea", settings, today=DAY)
    assert caught.value.message == message
    assert not (tmp_path / "sea").exists()


@pytest.mark.parametrize("changes", [
    {"engine": "espeak", "branch": "release/2026.1_x-y"},
    {"feed": "http://blog.example.net/rss"}, {"feed": "https://blog.example.net/rss"},
    {"title": "바다 “라디오” — 1"},
])
def test_settings_just_inside_the_rules_are_taken(tmp_path, changes):
    init_project(tmp_path / "sea", ProjectSettings(**{**MINE.__dict__, **changes}), today=DAY)
    assert load_config(tmp_path / "sea").show.title == changes.get("title", MINE.title)


def test_the_files_of_a_new_project(tmp_path):
    files = scaffold_files(tmp_path / "sea", MINE, today=DAY)
    assert set(files) == {"podcast.toml", f"posts/2026-01-05-{SAMPLE_SLUG}.txt", ".gitignore",
                          "requirements.txt", WORKFLOW_PATH, "audio/cover.png",
                          "audio/intro.mp3", "audio/sting.mp3", "audio/outro.mp3"}
    toml = tomllib.loads(files["podcast.toml"].decode("utf-8"))
    assert toml["show"] == {"title": "바다 라디오", "author": "김바다",
                            "description": "바다 이야기를 나누는 방송.",
                            "base_url": "https://kim.github.io/sea/",
                            "owner_email": "sea@example.net", "cover": "audio/cover.png"}
    assert toml["audio"] == {"intro": "audio/intro.mp3", "sting": "audio/sting.mp3",
                             "outro": "audio/outro.mp3"}
    assert toml["feed"] == {"guid": pinned_guid("https://kim.github.io/sea/")}
    assert "feed" not in toml["source"]


def test_a_project_fed_by_its_blog_gets_the_feed_workflow_and_no_sample(tmp_path):
    settings = ProjectSettings(**{**MINE.__dict__, "feed": "https://blog.example.net/rss",
                                  "guid": "0f8fad5b-d9cb-469f-a165-70867728950e"})
    files = scaffold_files(tmp_path / "sea", settings, today=DAY)
    assert not any(name.startswith("posts/") for name in files)
    toml = tomllib.loads(files["podcast.toml"].decode("utf-8"))
    assert toml["source"] == {"feed": "https://blog.example.net/rss"}
    assert toml["feed"] == {"guid": "0f8fad5b-d9cb-469f-a165-70867728950e"}
    plain = scaffold_files(tmp_path / "sea", MINE, today=DAY)
    assert files[WORKFLOW_PATH] != plain[WORKFLOW_PATH]


def test_the_example_settings_make_the_example_values(tmp_path):
    files = scaffold_files(tmp_path / "My Show", ProjectSettings(), today=DAY)
    toml = tomllib.loads(files["podcast.toml"].decode("utf-8"))
    assert toml["show"]["base_url"] == f"{EXAMPLE_HOST}my-show/"
    assert toml["show"]["owner_email"] == EXAMPLE_EMAIL


def test_init_in_a_folder_with_files_keeps_them_and_puts_its_workflow_beside_theirs(tmp_path):
    target = tmp_path / "repo"
    (target / ".github" / "workflows").mkdir(parents=True)
    (target / WORKFLOW_PATH).write_text("name: theirs\n", encoding="utf-8")
    (target / "requirements.txt").write_text("requests\n", encoding="utf-8")
    (target / ".gitignore").write_text("node_modules/\n/public\n", encoding="utf-8")
    result = init_project(target, MINE, today=DAY)
    assert result.theirs == target / WORKFLOW_PATH
    assert result.workflow == target / WORKFLOW_BESIDE
    assert (target / WORKFLOW_PATH).read_text(encoding="utf-8") == "name: theirs\n"
    assert (target / WORKFLOW_BESIDE).is_file()
    assert result.kept == [target / "requirements.txt"]
    assert (target / "requirements.txt").read_text(encoding="utf-8") == "requests\n"
    assert result.ignored == ["/.podcaster-cache/"]
    assert target / ".gitignore" not in result.created + result.kept
    assert set(result.created) == {target / "podcast.toml", target / "audio" / "cover.png",
                                   target / "audio" / "intro.mp3", target / "audio" / "sting.mp3",
                                   target / "audio" / "outro.mp3",
                                   target / "posts" / f"2026-01-05-{SAMPLE_SLUG}.txt",
                                   target / WORKFLOW_BESIDE}
    assert (target / "audio" / "intro.mp3").read_bytes() == default_asset("intro.mp3").read_bytes()


def test_init_in_a_new_folder_writes_our_workflow_and_gitignore(tmp_path):
    result = init_project(tmp_path / "sea", MINE, today=DAY)
    assert result.theirs is None and result.workflow == tmp_path / "sea" / WORKFLOW_PATH
    assert result.kept == [] and result.ignored == []
    assert tmp_path / "sea" / ".gitignore" in result.created
    assert load_config(tmp_path / "sea").show.author == "김바다"


def test_init_refuses_a_project_or_a_file_and_writes_nothing(tmp_path):
    init_project(tmp_path / "sea", MINE, today=DAY)
    before = sorted(p for p in (tmp_path / "sea").rglob("*"))
    with pytest.raises(PodcasterError) as caught:
        init_project(tmp_path / "sea", MINE, today=DAY)
    assert caught.value.message == (f"{tmp_path / 'sea' / 'podcast.toml'}: already a podcast "
                                    "project; nothing written")
    assert sorted(p for p in (tmp_path / "sea").rglob("*")) == before
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(PodcasterError) as caught:
        init_project(tmp_path / "file", MINE, today=DAY)
    assert caught.value.message == f"{tmp_path / 'file'}: exists and is not a folder"


# --- podcaster init on the command line ---------------------------------------------------

def run_init(*args: str):
    from tests.helpers import invoke_cli

    result = invoke_cli("init", *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_init_says_what_it_made_what_to_edit_and_what_next(tmp_path):
    target = tmp_path / "show"
    out = run_init(str(target), "--title", "바다 라디오", "--author", "김바다",
                   "--description", "바다 이야기.", "--email", "sea@example.net",
                   "--engine", "espeak")
    created, todo, then = out.split("\n\n")
    assert created.splitlines()[0] == f"created {target / 'podcast.toml'}"
    assert len(created.splitlines()) == 9
    assert todo.splitlines()[0] == "Next, edit what `podcaster check` will not publish:"
    assert todo.splitlines()[1].startswith("  podcast.toml: show.base_url: still the example")
    assert len(todo.splitlines()) == 4
    assert then.splitlines() == [
        "Then build and preview the show:", f"  podcaster build {target}",
        f"  podcaster serve {target}",
        "and push it to GitHub: .github/workflows/publish.yml publishes it to GitHub Pages",
        "(once: Settings > Pages > Source: GitHub Actions).",
        "Before that: podcaster is not on the Python package index yet, so the last line of "
        f"{target / 'requirements.txt'} cannot install; replace it as its comment says."]
    config = load_config(target)
    assert (config.show.title, config.show.author, config.show.owner_email) == (
        "바다 라디오", "김바다", "sea@example.net")
    assert "espeak" in (target / WORKFLOW_PATH).read_text(encoding="utf-8")


def test_init_quiet_says_nothing(tmp_path):
    assert run_init(str(tmp_path / "show"), "-q") == ""
    assert (tmp_path / "show" / "podcast.toml").is_file()


def test_init_with_a_feed_says_to_import_first(tmp_path):
    target = tmp_path / "show"
    out = run_init(str(target), "--feed", "https://blog.example.net/rss",
                   "--base-url", "https://kim.github.io/sea/", "--email", "sea@example.net")
    assert f"Then build and preview the show:\n  podcaster import {target}\n  podcaster build " \
           f"{target}\n" in out
    assert load_config(target).source.feed == "https://blog.example.net/rss"
    assert "show.base_url" not in out and "show.owner_email" not in out


def test_init_in_a_repository_with_a_workflow_of_its_own(tmp_path):
    target = tmp_path / "repo"
    (target / ".github" / "workflows").mkdir(parents=True)
    (target / WORKFLOW_PATH).write_text("name: theirs\n", encoding="utf-8")
    (target / ".gitignore").write_text("/public/\n", encoding="utf-8")
    (target / "requirements.txt").write_text("requests\n", encoding="utf-8")
    out = run_init(str(target))
    assert f"kept {target / 'requirements.txt'} (already there; not changed)" in out
    assert f"added to {target / '.gitignore'}: /.podcaster-cache/" in out
    assert f"left {target / WORKFLOW_PATH} as it is: it is your own workflow, not " \
           "podcaster's" in out
    assert ("and push it to GitHub: .github/workflows/podcaster-publish.yml (beside your "
            "publish.yml; if that one deploys GitHub Pages too, keep only one of them) "
            "publishes it to GitHub Pages") in out


def test_init_where_both_workflows_are_there_already(tmp_path):
    target = tmp_path / "repo"
    (target / ".github" / "workflows").mkdir(parents=True)
    (target / WORKFLOW_PATH).write_text("name: theirs\n", encoding="utf-8")
    (target / WORKFLOW_BESIDE).write_text("name: older\n", encoding="utf-8")
    out = run_init(str(target))
    assert out.endswith(
        "No publishing workflow was written: .github/workflows/ already has publish.yml and "
        "podcaster-publish.yml. To publish from GitHub Actions, copy the one `podcaster init` "
        "writes into an empty folder.\n")
    assert "push it to GitHub" not in out and ".gitignore:" not in out


def test_init_refuses_auto_as_the_ci_engine(tmp_path):
    from tests.helpers import invoke_cli

    result = invoke_cli("init", str(tmp_path / "show"), "--engine", "auto")
    assert result.exit_code == 2
    assert "CI builds with a named engine, not auto" in result.output + result.stderr
    assert not (tmp_path / "show").exists()
