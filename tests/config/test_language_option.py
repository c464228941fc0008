"""show.language is published as the feed's <language>, each transcript's language and the
MP3s' TLAN: a value that is no language code is a podcast.toml problem at load (exit 2), not
a feed that `podcaster check` then refuses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from podcaster.config import load_config
from podcaster.config.formats import language_code
from podcaster.errors import ConfigError
from podcaster.init import ProjectSettings, init_project


def with_language(tmp_path, value: str):
    project = tmp_path / "show"
    init_project(project, ProjectSettings())
    toml = project / "podcast.toml"
    text = toml.read_text(encoding="utf-8")
    assert '# language = "ko"' in text
    toml.write_text(text.replace('# language = "ko"', f"language = {value}"), encoding="utf-8")
    return project


@pytest.mark.parametrize("value", ['"klingon!"', '"ko KR"', '""', '"ko-"', '"한국어"'])
def test_a_language_that_is_no_language_code_is_refused(tmp_path, value):
    project = with_language(tmp_path, value)
    with pytest.raises(ConfigError) as caught:
        load_config(project)
    assert caught.value.exit_code == 2
    assert "show.language must be a language code such as \"ko\" or \"ko-KR\"" in (
        caught.value.message)


@pytest.mark.parametrize("value", ['"ko"', '"ko-KR"', '"en-US"', '"yue-Hant-HK"'])
def test_language_codes_load(tmp_path, value):
    assert load_config(with_language(tmp_path, value)).show.language == value.strip('"')


@given(st.text(max_size=20))
def test_any_text_is_a_language_code_or_a_one_line_problem(value):
    problem = language_code("show.language", value)
    assert problem is None or "\n" not in problem
