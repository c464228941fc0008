"""Incremental builds with engine ``auto`` (gTTS, or eSpeak NG when Google is unreachable),
against a local fake of Google's TTS endpoint."""

from __future__ import annotations

import re

import pytest

from podcaster.build import build_project
from podcaster.errors import EngineError
from podcaster.speech.engines import network
from tests.fakes.google import RESET, FakeGoogle, gtts_project
from tests.helpers import invoke_cli as cli
from tests.helpers import snapshot


@pytest.fixture
def fast_retries(monkeypatch):
    monkeypatch.setattr(network, "backoff_delay", lambda attempt, settings, after: 0.001)


def test_auto_episodes_follow_the_engine_that_can_speak(tmp_path, fast_retries):
    project = gtts_project(tmp_path / "show", engine="auto")
    public = project / "public"
    with FakeGoogle(status=RESET) as google:
        offline = build_project(project)
        assert offline.built == ["laundry"] and offline.engine == "espeak"
        assert offline.engine_note and "espeak" in offline.engine_note
        before = snapshot(public)

        # Still offline: one probe shows Google is unreachable, and the episodes built
        # with the fallback are found again.
        asked = len(google.requests)
        again = build_project(project)
        assert again.unchanged == ["laundry"] and again.built == []
        assert len(google.requests) - asked <= 2
        assert snapshot(public) == before

        # Online: the episodes are made with gTTS, as auto prefers.
        google.status = 200
        online = build_project(project)
        assert online.built == ["laundry"] and online.engine == "gtts"
        assert online.engine_note is None

        # Online and unchanged: no request at all.
        asked = len(google.requests)
        after = snapshot(public)
        assert build_project(project).unchanged == ["laundry"]
        assert len(google.requests) == asked
        assert snapshot(public) == after

        # Offline again: the gTTS episodes stay as they are, no fallback is needed.
        google.status = RESET
        kept = build_project(project)
        assert kept.unchanged == ["laundry"]
        assert len(google.requests) == asked
        assert snapshot(public) == after


def test_unreachable_engine_fails_with_public_unchanged(tmp_path, fast_retries):
    project = gtts_project(tmp_path / "show", engine="gtts")
    with FakeGoogle() as google:
        build_project(project)
        before = snapshot(project / "public")
        post = project / "posts" / "2025-01-10-laundry.txt"
        post.write_text(post.read_text(encoding="utf-8") + "\n새로 덧붙인 문장입니다.\n",
                        encoding="utf-8")
        google.status = RESET
        result = build_project(project, keep_going=True)
    assert result.built == [] and [f.path.name for f in result.failed] == [post.name]
    assert result.failed[0].message.startswith(str(post))
    assert snapshot(project / "public") == before


def test_a_voice_that_names_gtts_fails_first_naming_the_setting(tmp_path, fast_retries, caplog):
    project = gtts_project(tmp_path / "show", engine="auto",
                           engine_toml='\n[voices.article]\nengine = "gtts"\n')
    with FakeGoogle(status=RESET), pytest.raises(EngineError) as failed:
        build_project(project)
    message = str(failed.value.message)
    assert message.startswith('podcast.toml: [voices.article] engine = "gtts" needs Google')
    assert "remove that line" in message and "--engine espeak" in message
    assert "built with espeak" not in caplog.text  # it never says so and then fails
    assert not (project / "public" / "feed.xml").exists()


def test_an_espeak_build_reports_no_google_requests(tmp_path, fast_retries):
    project = gtts_project(tmp_path / "show", engine="auto")
    with FakeGoogle(status=RESET) as google:
        result = cli("build", str(project))
        assert google.requests  # auto asked Google once before falling back
    assert result.exit_code == 0, result.stderr
    assert re.search(r"engine\s+│ espeak", result.stdout)
    assert "request" not in result.stdout and "retried" not in result.stdout
