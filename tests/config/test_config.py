from pathlib import Path

import pytest

from podcaster.config import OPTIONS, load_config
from podcaster.errors import ConfigError
from podcaster.publish.layout import feed_url

MINIMAL = """
[show]
title = "테스트 쇼"
author = "테스터"
description = "설명"
base_url = "https://example.com/show/"
owner_email = "me@example.com"
"""


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "podcast.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_minimal_config_fills_defaults(tmp_path):
    config = load_config(write(tmp_path, MINIMAL))
    assert config.show.title == "테스트 쇼"
    assert config.show.language == "ko"
    assert config.show.owner_name == "테스터"
    assert config.audio.bitrate == "64k"
    assert config.engine.name == "auto"
    assert config.show.cover.is_file()  # the default cover ships with podcaster
    assert config.audio.intro.is_file()
    assert feed_url(config) == "https://example.com/show/feed.xml"


def test_every_option_is_documented():
    for option in OPTIONS:
        assert option.doc and option.key.count(".") == 1


def test_all_problems_reported_together(tmp_path):
    text = MINIMAL.replace('owner_email = "me@example.com"', "") + """
bogus = 1
[audio]
bitrate = 64
intro = "missing.mp3"
[nonsense]
x = 1
[voices.chorus]
engine = "espeak"
"""
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    message = info.value.message
    for expected in ("unknown option show.bogus", "audio.bitrate must be str",
                     "audio.intro: file not found: missing.mp3", "unknown table [nonsense]",
                     "missing required option show.owner_email", "unknown voice kind voices.chorus"):
        assert expected in message
    assert message.count("\n") >= 6  # one line per problem


def test_invalid_toml_names_the_file(tmp_path):
    with pytest.raises(ConfigError, match="podcast.toml: invalid TOML"):
        load_config(write(tmp_path, "[show\n"))


def test_missing_config(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path)


def test_voice_for_reads_voices_table_and_override(tmp_path):
    config = load_config(write(tmp_path, MINIMAL + """
[voices.article]
engine = "gtts"
tempo = 1.1
options = { tld = "co.kr" }
"""))
    from podcaster.speech.voices import Voices

    voice = Voices.from_config(config).configured("article")
    assert voice.engine == "gtts" and voice.tempo == 1.1 and ("tld", "co.kr") in voice.options
    assert Voices.from_config(config, "espeak").configured("article").engine == "espeak"
    assert Voices.from_config(config).configured("greeting").engine == "auto"


def test_source_table(tmp_path):
    config = load_config(write(tmp_path, MINIMAL))
    assert (config.source.feed, config.source.include_tags, config.source.exclude_tags,
            config.source.title_pattern) == ("", [], [], "")
    config = load_config(write(tmp_path, MINIMAL + """
[source]
feed = "https://blog.example.com/feed/"
include_tags = ["AI 뉴스"]
exclude_tags = ["일상", "공지"]
title_pattern = "^오늘의 AI"
"""))
    assert config.source.feed == "https://blog.example.com/feed/"
    assert config.source.include_tags == ["AI 뉴스"]
    assert config.source.exclude_tags == ["일상", "공지"]
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, MINIMAL + """
[source]
feed = "ftp://blog.example.com/feed"
include_tags = "AI"
exclude_tags = [1]
title_pattern = "(unclosed"
"""))
    message = info.value.message
    assert "source.include_tags must be list, got str" in message
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, MINIMAL + """
[source]
feed = "ftp://blog.example.com/feed"
exclude_tags = [1]
title_pattern = "(unclosed"
"""))
    message = info.value.message
    for expected in ("source.feed must be an absolute http(s) URL",
                     "source.exclude_tags must be a list of tag names",
                     "source.title_pattern is not a regular expression"):
        assert expected in message


def test_an_unknown_engine_is_the_settings_error_naming_it(tmp_path):
    write(tmp_path, MINIMAL + '\n[engine]\nname = "espak"\n\n[voices.commentary]\nengine = "tts"\n'
          '\n[voices.greeting]\nengine = "auto"\n\n[voices.article]\nengine = "gtts"\n')
    with pytest.raises(ConfigError) as err:
        load_config(tmp_path)
    message = err.value.message
    assert str(tmp_path / "podcast.toml") in message
    assert "engine.name: unknown engine 'espak' (known: auto, edge, espeak, gtts)" in message
    assert "voices.commentary.engine: unknown engine 'tts'" in message
    assert "voices.greeting" not in message and "voices.article" not in message
