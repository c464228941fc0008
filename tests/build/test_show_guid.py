"""Moving the feed never changes the show's and the episodes' GUIDs silently: a pinned
``feed.guid`` keeps them, and without one the build warns, then stops before writing when
the guid would differ from the one last published."""

from __future__ import annotations

import re
import uuid

import feedparser
import pytest

from podcaster.build.showguid import RECORD_NAME
from podcaster.init import ProjectSettings, init_project, pinned_guid
from tests.helpers import DEMO, GUID_PIN, invoke_cli, make_project, snapshot

pytestmark = pytest.mark.slow


POST = """\
새벽 기차
안녕하세요 김 작가입니다.
“첫차가 다음 달부터 삼십 분 일찍 출발한다.”
일찍 나서는 분들께 반가운 소식입니다.
이상 오늘의 소식이었습니다.
1. 첫차 삼십 분 앞당긴다 -철도소식-
https://rail.example.org/first-train
"""


def guids(project) -> tuple[str, list[str]]:
    """The show's podcast:guid and the items' guids, as the published feed says."""
    xml = (project / "public" / "feed.xml").read_bytes()
    feed = feedparser.parse(xml)
    show = re.search(rb"<podcast:guid>([^<]+)</podcast:guid>", xml).group(1).decode()
    return show, [entry.id for entry in feed.entries]


def move(project, old: str, new: str) -> None:
    toml = project / "podcast.toml"
    text = toml.read_text(encoding="utf-8")
    assert old in text
    toml.write_text(text.replace(old, new), encoding="utf-8")


def warned(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]


def test_init_pins_the_guid_and_moving_the_feed_keeps_every_guid(tmp_path, caplog):
    project = tmp_path / "show"
    init_project(project, ProjectSettings(
        title="새벽 소식", author="김 작가", description="새벽에 듣는 소식입니다.",
        email="kim@example.org", base_url="https://kim.github.io/dawn/"))
    pinned = pinned_guid("https://kim.github.io/dawn/")
    assert f'guid = "{pinned}"' in (project / "podcast.toml").read_text(encoding="utf-8")
    for sample in (project / "posts").iterdir():
        sample.unlink()
    (project / "posts" / "2025-06-02-first-train.txt").write_text(POST, encoding="utf-8")
    first = invoke_cli("build", str(project), "--engine", "espeak")
    assert first.exit_code == 0, first.output
    assert not [m for m in warned(caplog) if "feed.guid" in m]
    before = guids(project)
    assert before[0] == pinned and len(before[1]) == 1

    move(project, "https://kim.github.io/dawn/", "https://dawn.example.org/")
    again = invoke_cli("build", str(project), "--engine", "espeak")
    assert again.exit_code == 0, again.output
    assert guids(project) == before
    assert "https://dawn.example.org/feed.xml" in (project / "public" / "feed.xml").read_text(
        encoding="utf-8")


def test_an_example_address_gets_a_guid_of_its_own():
    """Everybody's example address must not give everybody the same show guid."""
    host = ProjectSettings().base_url or "https://example.github.io/my-podcast/"
    one, two = pinned_guid(host), pinned_guid(host)
    assert one != two and uuid.UUID(one).version == 4


def unpinned(tmp_path):
    project = make_project(tmp_path / "show")
    toml = project / "podcast.toml"
    text = toml.read_text(encoding="utf-8")
    assert GUID_PIN in text
    toml.write_text(text.replace(GUID_PIN, ""), encoding="utf-8")
    return project


def test_without_a_pin_moving_the_feed_stops_before_writing(tmp_path, caplog):
    project = unpinned(tmp_path)
    first = invoke_cli("build", str(project))
    assert first.exit_code == 0, first.output
    show, items = guids(project)
    hint = [m for m in warned(caplog) if "feed.guid is not pinned" in m]
    assert hint == [f"podcast.toml: feed.guid is not pinned, so the show's "
                    f"podcast:guid and every episode's guid would change if the feed moved; "
                    f'add under [feed]: guid = "{show}"']

    move(project, "https://example.org/test-show/", "https://moved.example.net/show/")
    public = snapshot(project / "public")
    stopped = invoke_cli("build", str(project))
    assert stopped.exit_code == 2, stopped.output
    message = stopped.stderr.strip().splitlines()[-1]
    assert message.startswith(f"Error: {project / 'podcast.toml'}: the show's podcast:guid "
                              f"would change from {show} (last published, {RECORD_NAME}) to ")
    assert "(the feed moved from https://example.org/test-show/feed.xml to " \
           "https://moved.example.net/show/feed.xml)" in message
    assert f'add under [feed]: guid = "{show}"' in message and "--new-guid" in message
    assert snapshot(project / "public") == public  # nothing written

    # Without the record, the published feed says what the guid was.
    (project / ".podcaster-cache" / RECORD_NAME).unlink()
    again = invoke_cli("build", str(project))
    assert again.exit_code == 2 and "(last published, feed.xml)" in again.stderr

    # The line the message gives keeps every guid.
    move(project, "[engine]", f'[feed]\nguid = "{show}"\n\n[engine]')
    caplog.clear()
    kept = invoke_cli("build", str(project))
    assert kept.exit_code == 0, kept.output
    assert guids(project) == (show, items)
    assert not [m for m in warned(caplog) if "feed.guid" in m]


def test_new_guid_confirms_a_new_show(tmp_path):
    project = unpinned(tmp_path)
    assert invoke_cli("build", str(project)).exit_code == 0
    show, items = guids(project)
    move(project, "https://example.org/test-show/", "https://moved.example.net/show/")
    confirmed = invoke_cli("build", str(project), "--new-guid")
    assert confirmed.exit_code == 0, confirmed.output
    new_show, new_items = guids(project)
    assert new_show != show and set(new_items).isdisjoint(items)
    # Published now: the next build goes on without the flag.
    assert invoke_cli("build", str(project)).exit_code == 0


def test_the_demo_pins_the_guid_it_always_had():
    from podcaster.config import load_config
    from podcaster.publish.layout import PODCAST_GUID_NAMESPACE, feed_url, strip_scheme

    config = load_config(DEMO)
    assert config.feed.guid == str(uuid.uuid5(PODCAST_GUID_NAMESPACE,
                                              strip_scheme(feed_url(config))))
