"""A rehearsal of the workflow `podcaster init` writes, offline, as its first run on a push.

The steps of `.github/workflows/publish.yml` run in their order, each as the runner would:
its `run` lines in bash in the project folder, with the workflow's environment, in a fresh
virtual environment where pip finds podcaster-ko in the wheel built from this checkout
(``--find-links``; the dependencies come from the package index). The rehearsal ends with the
archive actions/upload-pages-artifact would upload to Pages.

What cannot be rehearsed offline, and why:
- actions/checkout: there is no repository on GitHub to clone; the runner's checkout is the
  files the author commits, which is the folder `podcaster init` made and the author edited.
- actions/setup-python: the runner's Python 3.12 is not downloaded; a fresh venv of the
  Python running the tests stands in for it.
- actions/cache: GitHub's cache service is not here. A first push restores nothing, which is
  what the rehearsal starts from (no .podcaster-cache/).
- The engine: the workflow names gtts, and a named engine never falls back. Google cannot be
  reached from the tests, so the Build step runs with PODCASTER_ENGINE=espeak, the engine
  the build falls back to without Google.
- actions/upload-pages-artifact: its archive step is rehearsed (the same tar command); the
  upload to GitHub's artifact storage is not.
- The deploy job (actions/deploy-pages): it needs GitHub Pages and the job's OIDC token.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
import venv
from pathlib import Path

import feedparser
import yaml
from click.testing import CliRunner

from podcaster import __version__
from podcaster.cli import main
from podcaster.init import WORKFLOW_PATH
from tests.helpers import DEMO, ROOT

BASE_URL = "https://reader.github.io/book-notes/"
OWN_POST = ROOT / "tests" / "posts" / "2025-06-11-book-notes.txt"
SLUG = "book-notes"


def new_project(folder: Path) -> Path:
    """What an author pushes first: `podcaster init`, the settings the "Next" text asks
    for, and their own post in place of the sample."""
    result = CliRunner().invoke(main, ["init", str(folder), "--title", "책장 넘기며",
                                       "--author", "책장지기",
                                       "--description", "읽은 책을 이야기하는 방송입니다.",
                                       "--email", "reader@example.org",
                                       "--base-url", BASE_URL])
    assert result.exit_code == 0, result.output
    for sample in (folder / "posts").iterdir():
        sample.unlink()
    shutil.copy(OWN_POST, folder / "posts" / OWN_POST.name)
    shutil.copy(DEMO / "cover.png", folder / "audio" / "cover.png")  # the show's own cover
    # A quote whose closing mark is missing: the build warns, and so must the job summary.
    (folder / "posts" / "2025-06-12-short-note.txt").write_text(UNCLOSED, encoding="utf-8")
    return folder


UNCLOSED = """\
짧은 메모
안녕하세요 책장지기입니다.
“도서관들이 다음 달부터 밤 열 시까지 문을 연다.
늦게까지 책을 읽을 수 있어 반갑습니다.
이상 짧은 메모였습니다.
1. 도서관 밤 열 시까지 연다 -책소식-
https://books.example.org/late-library
"""


def run(step: dict, cwd: Path, env: dict[str, str]) -> str:
    """A `run` step as the runner's default shell runs it (bash -e)."""
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                             step["run"]], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=900)
    assert result.returncode == 0, (f"step {step['name']!r} failed:\n"
                                    f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    return result.stdout + result.stderr


def pages_archive(step: dict, workspace: Path, out: Path) -> Path:
    """The archive upload-pages-artifact makes of ``with.path`` (its own tar command)."""
    archive = out / "artifact.tar"
    subprocess.run(["tar", "--dereference", "--hard-dereference",
                    "--directory", step["with"]["path"], "-cf", str(archive),
                    "--exclude=.git", "--exclude=.github", "--exclude=.[^/]*", "."],
                   cwd=workspace, check=True, timeout=120)
    return archive


def test_the_scaffolded_workflow_publishes_on_the_first_push(distributions, tmp_path):
    workspace = new_project(tmp_path / "show")
    workflow = yaml.safe_load((workspace / WORKFLOW_PATH).read_text(encoding="utf-8"))
    env = {key: value for key, value in os.environ.items() if not key.startswith("VIRTUAL_ENV")}
    env.update({k: str(v) for k, v in workflow.get("env", {}).items()})
    assert env["PODCASTER_ENGINE"] == "gtts"
    env["PODCASTER_ENGINE"] = "espeak"  # no Google here (see the module's docstring)
    summary = tmp_path / "step-summary.md"  # the job summary the runner shows
    env["GITHUB_STEP_SUMMARY"] = str(summary)
    # pip finds podcaster-ko in the wheel of this checkout, the rest on the package index.
    env["PIP_FIND_LINKS"] = " ".join(filter(None, [str(distributions),
                                                   os.environ.get("PIP_FIND_LINKS")]))

    done, archive = [], None
    for step in workflow["jobs"]["build"]["steps"]:
        action = step.get("uses", "").split("@")[0]
        if action == "actions/checkout":
            assert not (workspace / "public").exists()
        elif action == "actions/setup-python":
            python_home = tmp_path / "runner-python"
            venv.create(python_home, with_pip=True, clear=True)
            env["PATH"] = f"{python_home / 'bin'}{os.pathsep}{env['PATH']}"
            env["VIRTUAL_ENV"] = str(python_home)
        elif action == "actions/cache":
            assert step["with"]["path"] == ".podcaster-cache"
            assert not (workspace / ".podcaster-cache").exists()  # a first run: nothing to restore
        elif action == "actions/upload-pages-artifact":
            archive = pages_archive(step, workspace, tmp_path)
        elif "run" in step:
            output = run(step, workspace, env)
            if step["run"].startswith("python -m pip install"):
                installed = run({"name": "which podcaster", "run": "command -v podcaster && "
                                 "podcaster --version"}, workspace, env)
                assert installed.splitlines() == [str(python_home / "bin" / "podcaster"),
                                                  f"podcaster, version {__version__}"]
            if "podcaster build" in step["run"]:
                assert "2 built" in output and "espeak" in output
        else:
            raise AssertionError(f"the rehearsal does not know the step {step}")
        done.append(step.get("uses", step.get("run")).split("@")[0].strip().splitlines()[-1])
    assert done == ["actions/checkout", "actions/setup-python",
                    "python -m pip install -r requirements.txt", "actions/cache",
                    'podcaster build --engine "$PODCASTER_ENGINE" 2>&1 | tee -a podcaster.log',
                    "podcaster check 2>&1 | tee -a podcaster.log",
                    '} >> "$GITHUB_STEP_SUMMARY"', "actions/upload-pages-artifact"]
    shown = summary.read_text(encoding="utf-8")
    assert shown.startswith("## podcaster\n```\n")
    warned = [line for line in shown.splitlines() if "2025-06-12-short-note.txt" in line]
    assert len(warned) == 2  # once from build, once from check
    assert all(line.startswith("warning: ") and "add the closing mark" in line
               for line in warned)

    assert archive is not None
    with tarfile.open(archive) as tar:
        names = {name.removeprefix("./") for name in tar.getnames()}
        feed = feedparser.parse(tar.extractfile("./feed.xml").read())
    episode_files = {f"episodes/{SLUG}.{ext}" for ext in ("html", "vtt", "srt", "chapters.json")}
    assert {"feed.xml", "index.html", "cover.png"} | episode_files <= names
    (mp3,) = [n for n in names if n.startswith(f"episodes/{SLUG}.") and n.endswith(".mp3")]
    assert not [n for n in names if Path(n).name.startswith(".") and n != "."]  # no manifest
    assert not feed.bozo
    hrefs = [e.enclosures[0].href for e in feed.entries]
    assert len(hrefs) == 2 and hrefs[1] == f"{BASE_URL}{mp3}"  # newest first

    # The same install builds and checks the demo: templates, static files, sounds and
    # defaults all come from the wheel, not from this checkout.
    demo = tmp_path / "demo"
    shutil.copytree(DEMO, demo, ignore=shutil.ignore_patterns("public", ".podcaster-cache"))
    output = run({"name": "the demo", "run": "python -c 'import podcaster; print(podcaster"
                  ".__file__)'\npodcaster build demo --engine espeak -q\npodcaster check demo"},
                 tmp_path, env)
    assert output.splitlines()[0].startswith(str(python_home))
    assert output.splitlines()[-1] == "demo/public/feed.xml: OK, 3 episode(s)"
