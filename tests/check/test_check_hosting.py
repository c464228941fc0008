"""``podcaster check`` with the audio hosted apart (``media_base_url``) and behind an
analytics prefix (``enclosure_prefix``): enclosures still map to the files in public/ and
their lengths are still checked; the size warnings that suggest hosting the audio apart;
and the checks of the JSON transcript."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from lxml import etree

from podcaster.build import build_project
from podcaster.check import check_project
from podcaster.check.files import validate_json_transcript
from podcaster.cli import main
from tests.helpers import FEED_PATH, Feed, item_number, mp3_of

MEDIA = "https://media.example.net/evening-ai/"
PREFIX = "https://op3.dev/e/"


@pytest.fixture
def project(built_demo, tmp_path):
    """A private copy of the built demo, free to change."""
    dest = tmp_path / "demo"
    shutil.copytree(built_demo[0], dest, ignore=shutil.ignore_patterns(".podcaster-cache"))
    return dest


def host_apart(project) -> None:
    toml = project / "podcast.toml"
    text = toml.read_text(encoding="utf-8").replace(
        'cover = "cover.png"',
        f'cover = "cover.png"\nmedia_base_url = "{MEDIA}"\nenclosure_prefix = "{PREFIX}"')
    toml.write_text(text, encoding="utf-8")


def test_hosted_audio_behind_a_prefix_passes_and_lengths_are_still_checked(project):
    host_apart(project)
    result = build_project(project, engine="espeak")
    assert result.built == []  # only where the audio is served changed: nothing re-encoded
    urls = etree.parse(str(project / FEED_PATH)).xpath("//item/enclosure/@url")
    assert urls and all(u.startswith(PREFIX + MEDIA + "episodes/") for u in urls)
    page = (project / "public/episodes/robot-kitchen.html").read_text(encoding="utf-8")
    mp3 = mp3_of(project / "public", "robot-kitchen")
    assert f'src="{MEDIA}episodes/{mp3.name}"' in page  # the player, without the prefix
    checked = check_project(project)
    assert checked.problems == [] and checked.warnings == []

    feed = Feed(project)
    enclosure = feed.item("robot-kitchen").find("enclosure")
    size = mp3.stat().st_size
    enclosure.set("length", str(size + 1))
    feed.save()
    n = item_number(project, "robot-kitchen")
    assert [str(p) for p in check_project(project).problems] == [
        f"{FEED_PATH}: item {n} (robot-kitchen): enclosure length {size + 1} does not match "
        f"public/episodes/{mp3.name} ({size} bytes)"]


def test_enclosure_outside_the_media_host_is_a_problem(project):
    host_apart(project)
    build_project(project, engine="espeak")
    feed = Feed(project)
    enclosure = feed.item("open-model").find("enclosure")
    enclosure.set("url", PREFIX + "https://elsewhere.example.org/open-model.mp3")
    feed.save()
    (problem,) = check_project(project).problems
    assert "is outside show.media_base_url (https://media.example.net/evening-ai/)" in str(problem)
    enclosure.set("url", "https://media.example.net/evening-ai/episodes/open-model.mp3")
    feed.save()
    (problem,) = check_project(project).problems
    assert "does not start with show.enclosure_prefix (https://op3.dev/e/)" in str(problem)


def sparse(path, size: int) -> None:
    with open(path, "wb") as fh:
        fh.truncate(size)


def test_big_files_and_a_big_site_are_warned_about(project):
    sparse(project / "public/episodes/extra-video.mp4", 101 * 1024**2)
    sparse(project / "public/archive.zip", 950 * 1024**2)
    result = CliRunner().invoke(main, ["check", str(project)])
    assert result.exit_code == 0, result.output  # advice, not a problem
    checked = check_project(project)
    assert [(w.where, w.message.split(";")[0]) for w in checked.warnings] == [
        ("public/archive.zip", "950 MB: over GitHub's 100 MB file limit"),
        ("public/episodes/extra-video.mp4", "101 MB: over GitHub's 100 MB file limit"),
        ("public", f"{checked_total(project) / 1024**3:.2f} GB: over GitHub Pages' 1 GB site limit"),
    ]
    assert all("show.media_base_url" in w.message for w in checked.warnings)
    assert "warning: public/archive.zip" in result.output


def checked_total(folder) -> int:
    return sum(p.stat().st_size for p in (folder / "public").rglob("*") if p.is_file())


def test_hosted_mp3s_do_not_count_against_the_site(project):
    host_apart(project)
    build_project(project, engine="espeak")
    sparse(project / "public/episodes/a-long-one.mp3", 1100 * 1024**2)
    assert check_project(project).warnings == []


def test_validate_json_transcript():
    good = {"version": "1.0.0", "segments": [
        {"speaker": "별빛서재", "startTime": 0.5, "endTime": 2.0, "body": "안녕하세요."},
        {"speaker": "한빛경제", "startTime": 2.4, "endTime": 5.0, "body": "기사 본문."}]}
    assert validate_json_transcript(json.dumps(good).encode(), 6.0) is None
    assert "after the audio" in validate_json_transcript(json.dumps(good).encode(), 3.0)
    assert "non-empty" in validate_json_transcript(b'{"segments": []}', None)
    assert "not JSON" in validate_json_transcript(b"WEBVTT", None)
    swapped = {"segments": [good["segments"][1], good["segments"][0]]}
    assert "out of order" in validate_json_transcript(json.dumps(swapped).encode(), None)
    no_body = {"segments": [{"startTime": 0, "endTime": 1}]}
    assert "no body" in validate_json_transcript(json.dumps(no_body).encode(), None)
