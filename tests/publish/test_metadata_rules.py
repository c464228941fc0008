"""What an episode's MP3 is tagged with, each rule from both sides: the ID3 language of every
language the table knows, with and without a region, in either case, three letters kept and an
unknown one "und"; show notes with and without sources, outlets and links; and every field of
the tags taken from the show and the episode."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from podcaster.model import Episode, Post, Source
from podcaster.publish.layout import episode_guid
from podcaster.publish.metadata import LANGUAGES, episode_tags, id3_language, show_notes
from tests.helpers import make_config, sample_timeline


@pytest.mark.parametrize(("code", "expected"), sorted(LANGUAGES.items()))
def test_every_known_language_has_its_id3_code(code, expected):
    assert id3_language(code) == expected
    assert id3_language(f"{code.upper()}-XY") == expected  # a region and upper case


@pytest.mark.parametrize(("code", "expected"), [
    ("kor", "kor"), ("ENG", "eng"), ("fil-PH", "fil"),  # three letters: already ISO 639-2
    ("xx", "und"), ("x", "und"), ("kore", "und"), ("", "und"),  # unknown
])
def test_three_letter_codes_are_kept_and_unknown_ones_are_undetermined(code, expected):
    assert id3_language(code) == expected


def post(sources: list[Source]) -> Post:
    return Post(path=Path("2025-11-03-umbrella.txt"), title="우산 이야기", date=dt.date(2025, 11, 3), slug="umbrella",
                blocks=[], sources=sources)


def test_show_notes_without_sources_are_the_summary_alone():
    assert show_notes(post([]), "오늘의 요약.") == "오늘의 요약."


def test_show_notes_list_each_source_with_its_outlet_and_link_when_it_has_them():
    sources = [Source(1, "우산 대란", "새벽일보", "https://a.example/1"),
               Source(2, "장화 품절", None, "https://b.example/2"),
               Source(3, "비옷 유행", "오후신문"),
               Source(4, "물웅덩이", "", "")]
    assert show_notes(post(sources), "요약.").split("\n") == [
        "요약.", "", "1. 우산 대란 - 새벽일보", "https://a.example/1", "2. 장화 품절",
        "https://b.example/2", "3. 비옷 유행 - 오후신문", "4. 물웅덩이"]


def test_every_tag_comes_from_the_show_or_the_episode(tmp_path):
    config = make_config(tmp_path)
    timeline = sample_timeline()
    sources = [Source(1, "우산 대란", "새벽일보", "https://a.example/1")]
    episode = Episode(post(sources), [], 7, tmp_path / "umbrella.mp3", 0, timeline.duration,
                      timeline)
    tags = episode_tags(config, episode)
    show = config.show
    assert (tags.title, tags.artist, tags.album, tags.date, tags.track) == (
        "우산 이야기", show.author, show.title, "2025-11-03", 7)
    assert tags.description == "이번 회에서 다룬 소식: 우산 대란"
    assert tags.notes == "이번 회에서 다룬 소식: 우산 대란\n\n1. 우산 대란 - 새벽일보\nhttps://a.example/1"
    assert tags.cover == show.cover and tags.cover is not None
    assert tags.language == id3_language(show.language) == "kor"
    assert tags.feed_url == "https://example.com/radio/feed.xml"
    assert tags.guid == episode_guid(config, episode)
    assert tags.category == show.category == "Technology"
    assert [c.title for c in tags.chapters][0] == "인사"
    assert tags.transcript.startswith(f"{show.author}: 로봇과 전기차의 하루\n\n")
    assert (tags.genre, tags.podcast, tags.keywords) == ("Podcast", True, [])


@pytest.mark.parametrize(("language", "expected"), [("ko", "kor"), ("en-US", "eng")])
def test_the_tags_language_is_the_shows(tmp_path, language, expected):
    config = make_config(tmp_path, f'language = "{language}"\n')
    timeline = sample_timeline()
    episode = Episode(post([]), [], 1, tmp_path / "umbrella.mp3", 0, timeline.duration, timeline)
    assert episode_tags(config, episode).language == expected
