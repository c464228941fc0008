"""The note of what public/ holds (a no-op rebuild skips the commit), each rule from both
sides: every input of the published files reaches the note's key (the episodes' keys,
numbers and post bytes, the settings, the cover, the files beside the posts, podcaster's own
files and version), public/ changed by hand, a missing or unreadable note, and an episode
that is not unchanged."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from pathlib import Path

import pytest

from podcaster.build import published
from podcaster.build.manifest import FileDigests, Manifest
from podcaster.build.plan import Action, Plan
from podcaster.build.published import forget, inputs_key, remember, up_to_date
from podcaster.config import load_config
from podcaster.model import Post
from tests.helpers import CONFIG, make_project


@pytest.fixture
def config(tmp_path):
    config = load_config(make_project(tmp_path / "show", sounds=True))
    episodes = config.public_dir / "episodes"
    episodes.mkdir(parents=True)
    (episodes / "spring-rain.mp3").write_bytes(b"mp3 one")
    (episodes / "night-train.mp3").write_bytes(b"mp3 two")
    (config.public_dir / "feed.xml").write_bytes(b"<rss/>")
    return config


def plans(config) -> list[Plan]:
    made = []
    for n, slug in enumerate(["spring-rain", "night-train"], start=1):
        post = Post(config.posts_dir / f"2025-03-0{n}-{slug}.txt", slug, dt.date(2025, 3, n),
                    slug, [], [], raw=f"{slug} 본문".encode())
        made.append(Plan(post, [], [], f"{n}" * 64, number=n, action=Action.KEEP,
                         tags_key=f"t{n}" * 32, sha256=f"s{n}" * 32))
    return made


def manifest_of(done: list[Plan]) -> Manifest:
    return Manifest({p.post.slug: None for p in done})


def noted(config) -> list[Plan]:
    done = plans(config)
    remember(config, FileDigests(), done)
    return done


def fresh(config, done: list[Plan]) -> bool:
    return up_to_date(config, FileDigests(), done, manifest_of(done))


def test_a_build_right_after_the_note_is_up_to_date(config):
    done = noted(config)
    assert fresh(config, done)
    state = json.loads((config.cache_dir / "published.json").read_bytes())
    assert state["inputs"] == inputs_key(config, FileDigests(), done)
    assert state["files"] == [["episodes/night-train.mp3", 7, state["files"][0][2]],
                              ["episodes/spring-rain.mp3", 7, state["files"][1][2]],
                              ["feed.xml", 6, state["files"][2][2]]]


@pytest.mark.parametrize("action", [Action.BUILD, Action.RESTORE, Action.RETAG])
def test_an_episode_that_is_not_unchanged_is_published(config, action):
    done = noted(config)
    done[1].action = action
    assert not fresh(config, done)


def test_an_episode_published_or_left_out_besides_these_is_published(config):
    done = noted(config)
    assert not up_to_date(config, FileDigests(), done, manifest_of(done[:1]))
    more = Manifest({**manifest_of(done).episodes, "old-one": None})
    assert not up_to_date(config, FileDigests(), done, more)


@pytest.mark.parametrize("note", [None, b"{not json", b"[]", b'"text"', b"{}",
                                  b'{"files": []}'])
def test_a_missing_or_unreadable_note_is_published(config, note):
    done = noted(config)
    path = config.cache_dir / "published.json"
    if note is None:
        path.unlink()
    else:
        path.write_bytes(note)
    assert not fresh(config, done)


def test_forget_drops_the_note_and_a_second_forget_is_quiet(config):
    done = noted(config)
    forget(config)
    assert not (config.cache_dir / "published.json").exists()
    forget(config)
    assert not fresh(config, done)


def _number(config, done):
    done[0].number = 3


def _slug(config, done):
    done[0].post.slug = "spring"


def _audio_key(config, done):
    done[1].audio_key = "9" * 64


def _tags_key(config, done):
    done[1].tags_key = "u" * 64


def _sha256(config, done):
    done[1].sha256 = "x" * 64


def _post_bytes(config, done):
    done[0].post.raw += b"!"


def _cover_bytes(config, done):
    cover = Path(config.show.cover)
    cover.write_bytes(cover.read_bytes() + b"\x00")


def _cover_gone(config, done):
    Path(config.show.cover).unlink()


def _file_beside_posts(config, done):
    (config.posts_dir / "2025-03-01-spring-rain.png").write_bytes(b"art")


def _post_file_touched(config, done):
    path = config.posts_dir / "2025-03-01-spring-rain.txt"
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))


def _post_file_grown(config, done):
    path = config.posts_dir / "2025-03-02-robot-library.txt"
    path.write_bytes(path.read_bytes() + b"\n")


@pytest.mark.parametrize("change", [
    _number, _slug, _audio_key, _tags_key, _sha256, _post_bytes, _cover_bytes, _cover_gone,
    _file_beside_posts, _post_file_touched, _post_file_grown,
])
def test_each_input_of_the_published_files_reaches_the_note(config, change):
    done = noted(config)
    change(config, done)
    assert not fresh(config, done)


def test_podcasters_version_reaches_the_note(config, monkeypatch):
    done = noted(config)
    monkeypatch.setattr(published, "__version__", "99.0")
    assert not fresh(config, done)


def test_podcasters_own_files_reach_the_note_but_not_their_bytecode(config, monkeypatch,
                                                                    tmp_path):
    package = tmp_path / "package"
    (package / "templates").mkdir(parents=True)
    (package / "templates" / "page.html").write_text("<p>", encoding="utf-8")
    monkeypatch.setattr(published, "PACKAGE", package)
    done = noted(config)
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "x.cpython.pyc").write_bytes(b"bytecode")
    assert fresh(config, done)
    (package / "templates" / "page.html").write_text("<p>!", encoding="utf-8")
    assert not fresh(config, done)


@pytest.mark.parametrize(("old", "new"), [
    ('title = "작은 시험 방송"', 'title = "다른 방송"'),  # a value
    ("sentence_pause = 0.1", "sentence_pause = 0.2"),
    ('name = "espeak"', 'name = "espeak"\n\n[pronunciation]\n"AI" = "에이아이"'),  # a table
])
def test_the_settings_reach_the_note(config, old, new):
    done = noted(config)
    assert old in CONFIG
    (config.project_dir / "podcast.toml").write_text(CONFIG.replace(old, new),
                                                     encoding="utf-8")
    assert not fresh(load_config(config.project_dir), done)


def test_the_same_settings_written_again_keep_the_note(config):
    done = noted(config)
    (config.project_dir / "podcast.toml").write_text(CONFIG, encoding="utf-8")
    assert fresh(load_config(config.project_dir), done)


def _edited(public: Path) -> None:
    (public / "feed.xml").write_bytes(b"<rss>")


def _added(public: Path) -> None:
    (public / "notes.txt").write_bytes(b"")


def _removed(public: Path) -> None:
    (public / "episodes" / "night-train.mp3").unlink()


def _touched(public: Path) -> None:
    path = public / "feed.xml"
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))


@pytest.mark.parametrize("change", [_edited, _added, _removed, _touched])
def test_public_changed_by_hand_is_published_again_saying_so(config, caplog, change):
    done = noted(config)
    change(config.public_dir)
    with caplog.at_level(logging.INFO, "podcaster"):
        assert not fresh(config, done)
    assert caplog.messages == ["public/ changed since the last build: publishing again"]


def test_a_file_that_vanishes_while_listed_is_left_out(config):
    (config.public_dir / "dangling").symlink_to(config.public_dir / "nowhere")
    done = noted(config)
    files = json.loads((config.cache_dir / "published.json").read_bytes())["files"]
    assert [f[0] for f in files] == ["episodes/night-train.mp3", "episodes/spring-rain.mp3",
                                     "feed.xml"]
    assert fresh(config, done)


def test_no_public_folder_is_no_files(config):
    import shutil

    shutil.rmtree(config.public_dir)
    done = noted(config)
    assert json.loads((config.cache_dir / "published.json").read_bytes())["files"] == []
    assert fresh(config, done)


def test_a_note_that_cannot_be_written_is_a_warning(config, caplog):
    (config.cache_dir / "published.json").mkdir(parents=True)  # a folder where it goes
    with caplog.at_level(logging.WARNING):
        remember(config, FileDigests(), plans(config))
    assert caplog.messages == [f"{config.cache_dir / 'published.json'}: cannot write: "
                               "Is a directory"]


def test_the_note_keeps_hangul_names_readable(config):
    (config.public_dir / "episodes" / "봄비.mp3").write_bytes(b"mp3")
    noted(config)
    assert "episodes/봄비.mp3".encode() in (config.cache_dir / "published.json").read_bytes()
