"""Which episodes the build takes for moved (and warns about), without a build, from both
sides: a new post with the old one's title, or its date, and only one such; not when the old
episode is still published (planned, or kept from a failed post), nor when the GUID stays."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from podcaster.build.guidmoves import moved_guids
from podcaster.build.manifest import EpisodeRecord, Manifest
from podcaster.model import Post
from podcaster.publish.layout import slug_guid
from tests.helpers import make_config


def record(slug: str, title: str, date) -> EpisodeRecord:
    return EpisodeRecord(slug=slug, source=f"posts/{date}-{slug}.txt", audio_key="", tags_key="",
                         file=f"episodes/{slug}.mp3", size=1, sha256="", mtime_ns=0, number=1,
                         duration=1.0, post={"title": title, "date": date}, segments=[],
                         timeline={})


def post(config, slug: str, title: str, day: str, inside: bool = True) -> Post:
    folder = config.posts_dir if inside else Path("/elsewhere")
    return Post(folder / f"{day}-{slug}.txt", title, dt.date.fromisoformat(day), slug, [], [])


def test_a_post_renamed_with_its_title_is_warned_about_with_the_line_that_keeps_its_guid(
        tmp_path):
    config = make_config(tmp_path / "show")
    manifest = Manifest({"old-name": record("old-name", "새벽 기차", "2025-03-01")})
    new = post(config, "new-name", "새벽 기차", "2025-03-01")
    old = slug_guid(config, "2025-03-01", "old-name")
    assert moved_guids(config, manifest, [new], []) == [
        f"posts/2025-03-01-new-name.txt: published before as 'old-name' with the GUID {old}; "
        "as 'new-name' it gets another GUID and podcast apps take it for a new episode. To "
        f'keep its GUID, add under [episode_guids]: new-name = "{old}"']


def test_a_post_redated_or_retitled_alone_is_a_move_too(tmp_path):
    config = make_config(tmp_path / "show")
    manifest = Manifest({"train": record("train", "새벽 기차", "2025-03-01")})
    same_date = post(config, "train-2", "다른 제목", "2025-03-01")
    same_title = post(config, "train", "새벽 기차", "2025-03-02")
    assert len(moved_guids(config, manifest, [same_date], [])) == 1
    assert moved_guids(config, manifest, [same_title], []) == []  # same slug: still published
    moved = dataclasses.replace(same_title, slug="train-3")
    assert len(moved_guids(config, manifest, [moved], [])) == 1


def test_two_candidates_or_none_are_no_move(tmp_path):
    config = make_config(tmp_path / "show")
    manifest = Manifest({"train": record("train", "새벽 기차", "2025-03-01")})
    one = post(config, "a", "새벽 기차", "2025-04-01")
    two = post(config, "b", "다른 이야기", "2025-03-01")
    unrelated = post(config, "c", "막차", "2025-05-01")
    assert moved_guids(config, manifest, [one, two], []) == []
    assert moved_guids(config, manifest, [unrelated], []) == []


def test_an_episode_kept_from_a_failed_post_is_still_published_not_moved(tmp_path):
    config = make_config(tmp_path / "show")
    kept = record("train", "새벽 기차", "2025-03-01")
    manifest = Manifest({"train": kept})
    new = post(config, "train-2", "새벽 기차", "2025-03-02")
    assert moved_guids(config, manifest, [new], [kept]) == []
    assert len(moved_guids(config, manifest, [new], [])) == 1


def test_an_episode_whose_date_is_not_text_is_left_alone(tmp_path):
    config = make_config(tmp_path / "show")
    manifest = Manifest({"train": record("train", "새벽 기차", None)})
    assert moved_guids(config, manifest, [post(config, "x", "새벽 기차", "2025-03-02")], []) == []


def test_a_post_that_keeps_the_guid_is_no_move(tmp_path):
    config = make_config(tmp_path / "show")
    old = slug_guid(config, "2025-03-01", "train")
    config = make_config(tmp_path / "show", f'\n[episode_guids]\ntrain-2 = "{old}"\n')
    manifest = Manifest({"train": record("train", "새벽 기차", "2025-03-01")})
    assert moved_guids(config, manifest, [post(config, "train-2", "새벽 기차", "2025-03-01")],
                       []) == []


def test_a_post_outside_the_project_is_named_by_its_path(tmp_path):
    config = make_config(tmp_path / "show")
    manifest = Manifest({"train": record("train", "새벽 기차", "2025-03-01")})
    [message] = moved_guids(config, manifest,
                            [post(config, "x", "새벽 기차", "2025-03-01", inside=False)], [])
    assert message.startswith("/elsewhere/2025-03-01-x.txt: published before as 'train'")


def test_each_episode_is_weighed_on_its_own(tmp_path):
    config = make_config(tmp_path / "show")
    pinned = slug_guid(config, "2025-02-01", "c-pinned")
    config = make_config(tmp_path / "show", f'\n[episode_guids]\nc-new = "{pinned}"\n')
    manifest = Manifest({
        "a-live": record("a-live", "그대로", "2025-01-01"),  # still published
        "b-gone": record("b-gone", "사라진 글", "2024-12-01"),  # no post like it
        "c-pinned": record("c-pinned", "고정", "2025-02-01"),  # moved, its GUID kept
        "d-moved": record("d-moved", "옮긴 글", "2025-03-01"),
    })
    posts = [post(config, "a-live", "그대로", "2025-01-01"),
             post(config, "c-new", "고정", "2025-02-01"),
             post(config, "d-new", "옮긴 글", "2025-03-01")]
    messages = moved_guids(config, manifest, posts, [])
    assert [m.split(":")[0] for m in messages] == ["posts/2025-03-01-d-new.txt"]
