"""`podcaster init`: the scaffolded project loads, builds, and its workflow passes the linters."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
from pathlib import Path

import feedparser
import pytest
import yaml
from click.testing import CliRunner

from podcaster import __version__
from podcaster.check.placeholders import find_placeholders
from podcaster.cli import main
from podcaster.config import OPTIONS, load_config
from podcaster.errors import PodcasterError
from podcaster.init import WORKFLOW_PATH, ProjectSettings, init_project, toml_value
from podcaster.text.read import read_post
from podcaster.text.segment import segment_post
from tests.helpers import (
    ROOT,
    SHA_PINNED,
    described,
    mp3_of,
    schema_problems,
    severity,
    steps,
    zizmor_findings,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@pytest.fixture
def project(tmp_path):
    target = tmp_path / "Evening Show"
    init_project(target, today=dt.date(2025, 5, 1))
    return target


def test_init_writes_a_project_that_loads(project):
    files = sorted(str(p.relative_to(project)) for p in project.rglob("*") if p.is_file())
    assert files == [".github/workflows/publish.yml", ".gitignore", "audio/cover.png",
                     "audio/intro.mp3", "audio/outro.mp3", "audio/sting.mp3", "podcast.toml",
                     "posts/2025-05-01-first-episode.txt", "requirements.txt"]
    config = load_config(project)
    assert config.show.title == ProjectSettings().title
    assert config.show.base_url == "https://example.github.io/evening-show/"
    assert config.show.cover == (project / "audio" / "cover.png").resolve()
    assert config.audio.intro == (project / "audio" / "intro.mp3").resolve()
    assert ".podcaster-cache" in (project / ".gitignore").read_text()


def test_sample_post_has_the_shape_of_a_post(project):
    post = read_post(project / "posts" / "2025-05-01-first-episode.txt")
    assert post.date == dt.date(2025, 5, 1)
    assert post.slug == "first-episode"
    kinds = [s.kind for s in segment_post(post)]
    assert kinds == ["greeting", "article", "article", "commentary", "signoff"]
    articles = [s for s in segment_post(post) if s.kind == "article"]
    assert [a.source.n for a in articles] == [1, 2]
    assert all(a.source.url.startswith("https://") for a in articles)


def test_podcast_toml_documents_every_option(project):
    text = (project / "podcast.toml").read_text(encoding="utf-8")
    for option in OPTIONS:
        section, key = option.key.split(".", 1)
        assert option.doc in text, option.key
        assert re.search(rf"^(# )?{re.escape(key)} = ", text, re.M), option.key
    # Uncommenting a default gives a valid file with the same value.
    uncommented = re.sub(r"^# (\w+ = .*)$", r"\1", text, flags=re.M)
    parsed = tomllib.loads(uncommented)
    for option in OPTIONS:
        section, key = option.key.split(".", 1)
        if option.default not in ("", None) and isinstance(option.default, (str, int, float)):
            if not option.is_file:
                assert parsed[section][key] == option.default, option.key


@pytest.mark.parametrize("value", ["plain", 'quote " and \\ backslash', "tab\there",
                                   "line\nbreak", "control \x01 and \x7f", "한국어 “따옴표”",
                                   True, False, 0, -3, 1.5, -16.0])
def test_toml_value_round_trips(value):
    assert tomllib.loads(f"x = {toml_value(value)}")["x"] == value


def test_init_refuses_only_an_existing_project(project):
    toml = project / "podcast.toml"
    toml.write_text("# mine\n", encoding="utf-8")
    (project / "posts" / "2025-05-01-first-episode.txt").unlink()
    with pytest.raises(PodcasterError, match="already a podcast project; nothing written"):
        init_project(project, today=dt.date(2025, 5, 1))
    assert toml.read_text(encoding="utf-8") == "# mine\n"
    assert not (project / "posts" / "2025-05-01-first-episode.txt").exists()


def test_init_into_an_existing_repository(tmp_path):
    repo = tmp_path / "blog"
    (repo / ".git").mkdir(parents=True)
    (repo / ".github" / "workflows").mkdir(parents=True)
    existing = {
        "README.md": "my repo\n",
        ".gitignore": "node_modules/\n# keep mine\npublic\n*.log",  # no final newline
        ".github/workflows/ci.yml": "name: ci\n",
        "requirements.txt": "requests\n",
        "audio/intro.mp3": "my own intro",
    }
    for name, text in existing.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text)
    result = CliRunner().invoke(main, ["init", str(repo)])
    assert result.exit_code == 0, result.output

    for name in ("README.md", ".github/workflows/ci.yml", "requirements.txt", "audio/intro.mp3"):
        assert (repo / name).read_text() == existing[name], name
    for name in ("requirements.txt", "audio/intro.mp3"):  # the scaffold's own files
        assert f"kept {repo / name} (already there; not changed)" in result.output
    assert f"created {repo / WORKFLOW_PATH}" in result.output
    assert (repo / "podcast.toml").is_file() and (repo / "audio" / "sting.mp3").is_file()
    ignore = (repo / ".gitignore").read_text()
    # The author's lines first, as they were.
    assert ignore.startswith(existing[".gitignore"] + "\n")
    added = ignore[len(existing[".gitignore"]) + 1:].splitlines()
    assert [line for line in added if not line.startswith("#")] == ["/.podcaster-cache/"]
    assert f"added to {repo / '.gitignore'}: /.podcaster-cache/" in result.output

    again = CliRunner().invoke(main, ["init", str(repo)])
    assert again.exit_code == 1
    assert "already a podcast project" in again.output


def test_init_next_lists_exactly_the_placeholders(tmp_path):
    runner = CliRunner()
    plain = runner.invoke(main, ["init", str(tmp_path / "a")])
    assert plain.exit_code == 0, plain.output
    todo = plain.output.split("Next, edit what `podcaster check` will not publish:\n")[1]
    todo = todo.split("\n\n")[0].splitlines()
    assert [line.split(": ")[:2] for line in todo] == [
        ["  podcast.toml", "show.base_url"], ["  podcast.toml", "show.owner_email"],
        ["  podcast.toml", "show.title"], ["  podcast.toml", "show.author"],
        ["  podcast.toml", "show.description"],
        ["  audio/cover.png", "still podcaster's own cover (with its wordmark); replace it with "
         "your show's image (square JPEG/PNG, 1400-3000 px)"],
        [f"  posts/{dt.date.today().isoformat()}-first-episode.txt",
         "the sample post of podcaster init; delete it and add your own posts"]]

    chosen = runner.invoke(main, ["init", str(tmp_path / "b"), "--email", "kim@example.org",
                                  "--base-url", "https://kim.github.io/show/"])
    assert chosen.exit_code == 0, chosen.output
    assert "show.base_url" not in chosen.output and "show.owner_email" not in chosen.output
    assert "first-episode.txt: the sample post" in chosen.output


def make_it_ours(project: Path) -> None:
    """Replace the show's example title, author, description and cover with the author's."""
    toml = project / "podcast.toml"
    text = toml.read_text(encoding="utf-8")
    defaults = ProjectSettings()
    for example, ours in ((defaults.title, "김 작가의 밤"), (defaults.author, "김 작가"),
                          (defaults.description, "밤마다 읽는 기술 이야기입니다.")):
        text = text.replace(f'"{example}"', f'"{ours}"')
    toml.write_text(text, encoding="utf-8")
    shutil.copy(ROOT / "examples" / "demo" / "cover.png", project / "audio" / "cover.png")


def test_placeholders_are_found_until_edited(project):
    assert [p.where for p in find_placeholders(load_config(project))] == [
        "podcast.toml: show.base_url", "podcast.toml: show.owner_email",
        "podcast.toml: show.title", "podcast.toml: show.author", "podcast.toml: show.description",
        "audio/cover.png", "posts/2025-05-01-first-episode.txt"]
    make_it_ours(project)
    toml = project / "podcast.toml"
    text = toml.read_text(encoding="utf-8")
    text = text.replace("https://example.github.io/evening-show/", "https://kim.github.io/show/")
    toml.write_text(text.replace('"you@example.com"', '"kim@example.org"'), encoding="utf-8")
    sample = project / "posts" / "2025-05-01-first-episode.txt"
    assert [p.where for p in find_placeholders(load_config(project))] == [
        "posts/2025-05-01-first-episode.txt"]
    # A post of the author's own that happens to share the sample's slug is not the sample.
    sample.write_text("나의 첫 방송\n안녕하세요.\n", encoding="utf-8")
    assert find_placeholders(load_config(project)) == []


@pytest.mark.parametrize("changes, message", [
    ({"title": "two\nlines"}, "title must be a single line"),
    ({"branch": "main; rm -rf /"}, "branch may hold only"),
    ({"engine": "auto"}, "named engine"),
])
def test_init_rejects_bad_settings(tmp_path, changes, message):
    settings = ProjectSettings(**changes)
    with pytest.raises(PodcasterError, match=message):
        init_project(tmp_path / "show", settings)
    assert not (tmp_path / "show").exists()


def test_init_command_options(tmp_path):
    target = tmp_path / "show"
    result = CliRunner().invoke(main, [
        "init", str(target), "--title", '따옴표 " 방송', "--author", "김작가",
        "--email", "kim@example.org", "--base-url", "https://kim.github.io/show/",
        "--engine", "edge"])
    assert result.exit_code == 0, result.output
    config = load_config(target)
    assert (config.show.title, config.show.author, config.show.owner_email,
            config.show.base_url) == ('따옴표 " 방송', "김작가", "kim@example.org",
                                      "https://kim.github.io/show/")
    workflow = yaml.safe_load((target / WORKFLOW_PATH).read_text())
    assert workflow["env"]["PODCASTER_ENGINE"] == "edge"
    again = CliRunner().invoke(main, ["init", str(target)])
    assert again.exit_code != 0
    assert "already a podcast project" in again.output


def test_workflow_builds_checks_and_deploys(project):
    text = (project / WORKFLOW_PATH).read_text()
    workflow = yaml.safe_load(text)
    assert workflow["permissions"] == {}
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    workflow_steps = steps(workflow)
    uses = [s["uses"].split("@")[0] for s in workflow_steps if "uses" in s]
    assert uses == ["actions/checkout", "actions/setup-python", "actions/cache",
                    "actions/upload-pages-artifact", "actions/deploy-pages"]
    assert all(SHA_PINNED.match(s["uses"]) for s in workflow_steps if "uses" in s)
    runs = [s["run"].strip() for s in workflow_steps if "run" in s]
    assert runs[:3] == ["python -m pip install -r requirements.txt", BUILD_RUN, CHECK_RUN]
    assert runs[3].endswith('} >> "$GITHUB_STEP_SUMMARY"')  # warnings where authors look
    assert workflow["env"]["PODCASTER_ENGINE"] == "gtts"
    cache = next(s for s in workflow_steps if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == ".podcaster-cache"
    assert cache["with"]["restore-keys"]
    upload = next(s for s in workflow_steps if s.get("uses", "").startswith("actions/upload-pages"))
    assert upload["with"]["path"] == "public"
    requirement = (project / "requirements.txt").read_text().splitlines()[-1]
    assert requirement == f"podcaster-ko=={__version__}"


BUILD_RUN = ('set -o pipefail\npodcaster build --engine "$PODCASTER_ENGINE" 2>&1 | '
             "tee -a podcaster.log")
CHECK_RUN = "set -o pipefail\npodcaster check 2>&1 | tee -a podcaster.log"


def test_workflow_passes_check_jsonschema(project):
    assert schema_problems(project / WORKFLOW_PATH) == ""


def test_workflow_passes_zizmor(project, tmp_path):
    assert described(zizmor_findings(project / WORKFLOW_PATH, pedantic=True)) == []

    # The same check catches a workflow that is not safe.
    unsafe = tmp_path / "unsafe" / WORKFLOW_PATH
    unsafe.parent.mkdir(parents=True)
    text = (project / WORKFLOW_PATH).read_text()
    text = text.replace('podcaster check 2>&1 | tee -a podcaster.log',
                        'echo "${{ github.event.head_commit.message }}"')
    text = text.replace("permissions: {}", "permissions: write-all")
    unsafe.write_text(text)
    serious = {f["ident"] for f in zizmor_findings(unsafe) if severity(f) in ("medium", "high")}
    assert {"template-injection", "excessive-permissions"} & serious


def test_init_and_build_end_to_end(tmp_path):
    """`podcaster init DIR` then `podcaster build DIR --engine espeak`, through the CLI."""
    project = tmp_path / "my-show"
    runner = CliRunner()
    init = runner.invoke(main, ["init", str(project), "--title", "테스트 <방송> & 소식"],
                         catch_exceptions=False)
    assert init.exit_code == 0, init.output
    assert f"created {project / WORKFLOW_PATH}" in init.output
    build = runner.invoke(main, ["build", str(project), "--engine", "espeak"],
                          catch_exceptions=False)
    assert build.exit_code == 0, build.output
    assert "1 episode(s)" in build.output and "1 built" in build.output
    assert "espeak" in build.output

    public = project / "public"
    slug = "first-episode"
    mp3 = mp3_of(public, slug)
    for name in ("feed.xml", "index.html", f"episodes/{slug}.html"):
        assert (public / name).is_file(), name
    assert (public / "cover.png").read_bytes() == (project / "audio" / "cover.png").read_bytes()
    assert mp3.stat().st_size > 50_000
    feed = feedparser.parse((public / "feed.xml").read_bytes())
    assert not feed.bozo
    assert feed.feed.title == "테스트 <방송> & 소식"
    assert [e.enclosures[0].href for e in feed.entries] == [
        f"https://example.github.io/my-show/episodes/{mp3.name}"]
    index = (public / "index.html").read_text(encoding="utf-8")
    assert "테스트 &lt;방송&gt; &amp; 소식" in index
    assert f'href="episodes/{slug}.html"' in index


def test_check_refuses_and_build_warns_until_the_example_values_are_replaced(tmp_path, caplog):
    project = tmp_path / "my-show"
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(project)]).exit_code == 0
    sample = next((project / "posts").glob("*-first-episode.txt"))
    expected = [
        "podcast.toml: show.base_url: still the example 'https://example.github.io/my-show/'; "
        "set it to the address public/ is published at, e.g. https://USER.github.io/REPO/",
        "podcast.toml: show.owner_email: still the example 'you@example.com'; set it to the "
        "address podcast directories may write to",
        "podcast.toml: show.title: still the example '나의 AI 소식'; set it to your show's name",
        "podcast.toml: show.author: still the example '진행자'; set it to the name listeners "
        "know you by",
        f"podcast.toml: show.description: still the example '{ProjectSettings().description}'; "
        "say in a sentence or two what your show is about",
        "audio/cover.png: still podcaster's own cover (with its wordmark); replace it with "
        "your show's image (square JPEG/PNG, 1400-3000 px)",
        f"posts/{sample.name}: the sample post of podcaster init; delete it and add your own "
        "posts"]
    build = runner.invoke(main, ["build", str(project), "--engine", "espeak"])
    assert build.exit_code == 0, build.output
    warned = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert warned == [f"{line} (podcaster check fails until it is changed)" for line in expected]
    check = runner.invoke(main, ["check", str(project)])
    assert check.exit_code == 1
    assert check.output.splitlines()[:-1] == expected  # the feed itself is fine
    assert check.output.splitlines()[-1].startswith("Error: 7 problem(s)")

    make_it_ours(project)
    toml = project / "podcast.toml"
    text = toml.read_text(encoding="utf-8")
    text = text.replace("https://example.github.io/my-show/", "https://kim.github.io/show/")
    toml.write_text(text.replace('"you@example.com"', '"kim@example.org"'), encoding="utf-8")
    sample.unlink()
    shutil.copy(ROOT / "tests" / "posts" / "2025-06-11-book-notes.txt", project / "posts")
    caplog.clear()
    assert runner.invoke(main, ["build", str(project), "--engine", "espeak"]).exit_code == 0
    assert not [r for r in caplog.records if r.levelname == "WARNING"]
    check = runner.invoke(main, ["check", str(project)])
    assert check.exit_code == 0, check.output


FEED = "https://blog.example.com/feed/"


@pytest.fixture
def feed_project(tmp_path):
    target = tmp_path / "Blog Show"
    init_project(target, ProjectSettings(feed=FEED), today=dt.date(2025, 5, 1))
    return target


def test_init_with_a_feed_imports_instead_of_a_sample_post(feed_project):
    files = sorted(str(p.relative_to(feed_project)) for p in feed_project.rglob("*")
                   if p.is_file())
    assert files == [".github/workflows/publish.yml", ".gitignore", "audio/cover.png",
                     "audio/intro.mp3", "audio/outro.mp3", "audio/sting.mp3", "podcast.toml",
                     "requirements.txt"]
    config = load_config(feed_project)
    assert config.source.feed == FEED
    assert config.source.include_tags == []


def test_init_rejects_a_feed_that_is_not_http(tmp_path):
    with pytest.raises(PodcasterError, match="feed must be an absolute http"):
        init_project(tmp_path / "show", ProjectSettings(feed="file:///etc/passwd"))


def test_feed_workflow_imports_commits_builds_and_deploys(feed_project):
    workflow = yaml.safe_load((feed_project / WORKFLOW_PATH).read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as true
    assert [s["cron"] for s in triggers["schedule"]] == ["23 * * * *"]
    assert "workflow_dispatch" in triggers and triggers["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert list(jobs) == ["import", "build", "deploy"]
    assert jobs["import"]["permissions"] == {"contents": "write"}
    assert jobs["build"]["permissions"] == {"contents": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["build"]["needs"] == "import" and jobs["deploy"]["needs"] == "build"
    all_steps = steps(workflow)
    assert all(SHA_PINNED.match(s["uses"]) for s in all_steps if "uses" in s)
    checkouts = [s for s in all_steps if s.get("uses", "").startswith("actions/checkout@")]
    assert all(s["with"]["persist-credentials"] is False for s in checkouts)
    assert checkouts[1]["with"]["ref"] == "${{ needs.import.outputs.commit }}"
    runs = [s["run"].strip() for s in all_steps if "run" in s]
    assert runs[:2] == ["python -m pip install -r requirements.txt", "podcaster import"]
    commit = runs[2]
    assert "git add posts" in commit and 'push origin "HEAD:refs/heads/main"' in commit
    assert "${{" not in commit  # the token reaches the script through the environment only
    assert runs[3:6] == ["python -m pip install -r requirements.txt", BUILD_RUN, CHECK_RUN]
    assert runs[6].endswith('} >> "$GITHUB_STEP_SUMMARY"')


def test_feed_workflow_passes_the_linters(feed_project, tmp_path):
    path = feed_project / WORKFLOW_PATH
    assert schema_problems(path) == ""
    assert described(zizmor_findings(path, pedantic=True)) == []

    # The same check catches the mistakes a committing workflow invites.
    unsafe = tmp_path / "unsafe" / WORKFLOW_PATH
    unsafe.parent.mkdir(parents=True)
    text = path.read_text().replace("persist-credentials: false", "fetch-depth: 1")
    text = text.replace('git add posts', 'git add posts  # ${{ github.event.head_commit.message }}')
    unsafe.write_text(text)
    found = {f["ident"] for f in zizmor_findings(unsafe, pedantic=True)}
    assert {"artipacked", "template-injection"} <= found

