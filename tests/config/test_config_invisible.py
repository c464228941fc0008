"""Invisible characters in podcast.toml (values and names, and values given on the command
line) are removed on load with a warning naming the file and the key, as in posts; what
displays text as other text (bidirectional overrides, controls) stays refused (exit 2)."""

from __future__ import annotations

import logging

import pytest

from podcaster.config import load_config
from podcaster.errors import ConfigError
from podcaster.values import remove_invisible
from tests.helpers import CONFIG, invoke_cli, make_project


def write(tmp_path, text: str):
    return make_project(tmp_path, {}, config=text)


@pytest.mark.parametrize("ch", ["\u200b", "\u200f", "\u2028", "\ufeff", "\U000e0041"])
def test_invisible_characters_are_removed_from_values_and_names(tmp_path, caplog, ch):
    text = CONFIG.replace('title = "작은 시험 방송"', f'title = "작은{ch} 시험 방송"')
    text = text.replace('author = "시험 작가"', f'author = "시험 작가{ch}"')
    text += f'\n[pronunciation]\n"로봇{ch}" = "로{ch}봇"\n'
    with caplog.at_level(logging.WARNING):
        config = load_config(write(tmp_path, text))
    assert config.show.title == "작은 시험 방송"
    assert config.show.author == "시험 작가"
    assert config.pronunciation == {"로봇": "로봇"}
    for value in config.values.values():
        assert not isinstance(value, str) or remove_invisible(value)[1] is None
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    toml = tmp_path / "podcast.toml"
    assert any(w.startswith(f"{toml}: show.title: removed invisible") for w in warnings)
    assert any(w.startswith(f"{toml}: show.author: removed invisible") for w in warnings)
    assert any(w.startswith(f"{toml}: {'pronunciation.로봇' + ch!r}: removed from the name")
               for w in warnings), warnings
    assert any(w.startswith(f"{toml}: pronunciation.로봇: removed invisible")
               for w in warnings), warnings


def test_values_from_the_command_line_are_cleaned_too(tmp_path, caplog):
    with caplog.at_level(logging.WARNING):
        config = load_config(write(tmp_path, CONFIG),
                             {"show.base_url": "https://example.org/\u200btest-show/"})
    assert config.show.base_url == "https://example.org/test-show/"
    assert any(r.getMessage().startswith("the command line: show.base_url: removed invisible")
               for r in caplog.records)


@pytest.mark.parametrize("ch", ["\u202e", "\u2066", "\x07"])
def test_characters_that_show_other_text_stay_refused(tmp_path, ch):
    text = CONFIG.replace('title = "작은 시험 방송"', f'title = "작은{ch} 시험 방송"'
                          if ch != "\x07" else 'title = "작은\\u0007 시험 방송"')
    with pytest.raises(ConfigError, match="show.title: contains") as caught:
        load_config(write(tmp_path, text))
    assert caught.value.exit_code == 2


@pytest.mark.parametrize("key, written", [("title", "작은 시험 방송"), ("author", "시험 작가"),
                                          ("description", "빌드 시험에 쓰는 아주 짧은 방송입니다.")])
@pytest.mark.parametrize("value", ["", "  ", "\u200b\ufeff"])
def test_an_empty_title_author_or_description_is_refused_before_any_synthesis(tmp_path, key,
                                                                              written, value):
    """Empty (or only invisible characters) they made the feed unwritable after every episode
    had been synthesised: exit 70."""
    project = make_project(tmp_path, config=CONFIG.replace(f'{key} = "{written}"',
                                                           f'{key} = "{value}"'))
    result = invoke_cli("build", str(project))
    assert result.exit_code == 2, result.output
    assert f"show.{key} must not be empty" in result.stderr
    assert str(project / "podcast.toml") in result.stderr
    assert not (project / "public").exists()
