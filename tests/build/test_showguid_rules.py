"""The show's guid as last published, from both sides, without a build: from the record, or
failing that (none, damaged, not an object) from the feed; the guard's message with and
without a moved feed; the record's time set even when its content is the same; a record that
cannot be written is a warning."""

from __future__ import annotations

import json
import logging
import os

import pytest

from podcaster.build.showguid import guard, last_published, record_path, remember
from podcaster.config import load_config
from podcaster.errors import ConfigError
from podcaster.publish.layout import feed_url, show_guid
from tests.helpers import CONFIG, make_project

OLD = "0e1f5b9e-2c3d-4e5f-8a9b-0c1d2e3f4a5b"


@pytest.fixture
def config(tmp_path):
    return load_config(make_project(tmp_path / "show", {}))


def feed(config, body: bytes) -> None:
    config.public_dir.mkdir(parents=True, exist_ok=True)
    (config.public_dir / "feed.xml").write_bytes(body)


@pytest.mark.parametrize("record", [None, b"[]", b'"text"', b"{not json", b'{"guid": 7}'])
def test_without_a_usable_record_the_feed_says_it(config, record):
    if record is not None:
        record_path(config).parent.mkdir(parents=True, exist_ok=True)
        record_path(config).write_bytes(record)
    feed(config, b"<rss><podcast:guid>\n  AbC-1\xff </podcast:guid></rss>")
    found = last_published(config)
    assert (found.guid, found.feed_url, found.source) == (
        "abc-1\ufffd", None, config.public_dir / "feed.xml")


def test_a_record_says_the_guid_and_feed(config):
    record_path(config).parent.mkdir(parents=True)
    record_path(config).write_text(json.dumps({"guid": OLD, "feed_url": 5}))
    assert last_published(config).feed_url is None
    record_path(config).write_text(json.dumps({"guid": OLD, "feed_url": "https://a/f.xml"}))
    found = last_published(config)
    assert (found.guid, found.feed_url, found.source) == (OLD, "https://a/f.xml",
                                                          record_path(config))


@pytest.mark.parametrize("body", [None, b"<rss></rss>"])
def test_a_show_never_published_here_has_none(config, body):
    if body is not None:
        feed(config, body)
    assert last_published(config) is None


def moved(config, feed_was: str | None) -> str:
    record_path(config).parent.mkdir(parents=True, exist_ok=True)
    record_path(config).write_text(json.dumps({"guid": OLD, "feed_url": feed_was}))
    with pytest.raises(ConfigError) as raised:
        guard(config)
    return raised.value.message


def test_a_changed_guid_is_refused_saying_what_to_do(config):
    message = moved(config, feed_url(config))
    assert message == (
        f"{config.project_dir / 'podcast.toml'}: the show's podcast:guid would change from "
        f"{OLD} (last published, show.json) to {show_guid(config)}; every podcast app would "
        "download every episode again and directories would see a new show. Nothing was "
        f'written. To keep it, add under [feed]: guid = "{OLD}"; to publish as a new show, '
        "build once with --new-guid")


def test_a_changed_guid_names_the_move_of_the_feed(config):
    message = moved(config, "https://old.example.org/feed.xml")
    assert (f" (the feed moved from https://old.example.org/feed.xml to {feed_url(config)});"
            in message)
    assert "(the feed moved" not in moved(config, None)


def test_the_same_guid_or_a_confirmed_change_passes(config):
    remember(config)
    guard(config)
    moved(config, None)
    guard(config, new_guid=True)


def test_the_record_is_rewritten_or_its_time_set(config):
    remember(config)
    path = record_path(config)
    assert json.loads(path.read_bytes()) == {"feed_url": feed_url(config),
                                             "guid": show_guid(config)}
    os.utime(path, ns=(10**9, 10**9))
    remember(config)  # the same content: only its time
    assert path.stat().st_mtime_ns != 10**9


def test_a_record_that_cannot_be_written_is_a_warning(config, caplog):
    record_path(config).mkdir(parents=True)  # a folder where it goes
    with caplog.at_level(logging.WARNING):
        remember(config)
    assert caplog.messages == [f"{record_path(config)}: cannot write: Is a directory"]


def test_an_unpinned_guid_is_a_warning_with_the_line_to_pin_it(tmp_path, caplog):
    config = load_config(make_project(tmp_path / "show", {}, config=CONFIG.replace(
        'guid = "bcfe8cc8-adc6-5170-8007-6956434efce0"', "")))
    with caplog.at_level(logging.WARNING):
        guard(config)
    assert caplog.messages == [
        "podcast.toml: feed.guid is not pinned, so the show's podcast:guid and every "
        "episode's guid would change if the feed moved; add under [feed]: "
        f'guid = "{show_guid(config)}"']
