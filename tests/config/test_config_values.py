"""podcast.toml's values: each option declares its type, range and format; loading reports
every problem at once; no value, however hostile, gets past loading or crashes it."""

from __future__ import annotations

import datetime as dt
import json
import math
import typing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from podcaster.config import OPTIONS, SECTIONS, VOICE_KEYS, Config, load_config
from podcaster.errors import ConfigError
from podcaster.init import render_config, toml_value
from tests.helpers import ROOT, invoke_cli

REQUIRED_VALUES = {
    "show": {"title": "시험 방송", "author": "시험 작가", "description": "시험용 방송입니다.",
             "base_url": "https://example.org/show/", "owner_email": "owner@example.org"},
    "engine": {"name": "espeak"},
}
FLOATS = [o for o in OPTIONS if o.type == (int, float)]
NUMBERS = [o for o in OPTIONS if o.is_number]


def toml(value) -> str:
    """A TOML literal for any value TOML can hold (NaN, infinities and dates included)."""
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else "inf" if value > 0 else "-inf"
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {toml(v)}" for k, v in value.items()) + "}"
    return toml_value(value)


def document(tables: dict[str, dict]) -> str:
    return "".join(f"[{name}]\n" + "".join(f"{key} = {toml(v)}\n" for key, v in table.items())
                   for name, table in tables.items())


def project(folder: Path, **changes) -> Path:
    """A project whose podcast.toml holds the required values and ``changes``
    ({"audio.duck": -20.0})."""
    tables = {name: dict(table) for name, table in REQUIRED_VALUES.items()}
    for key, value in changes.items():
        section, name = key.split(".", 1)
        tables.setdefault(section, {})[name] = value
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "podcast.toml").write_text(document(tables), encoding="utf-8")
    return folder


def problems(folder: Path) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_config(folder)
    head, *lines = caught.value.message.splitlines()
    assert head.startswith(str(folder / "podcast.toml"))
    assert caught.value.exit_code == 2
    return [line.strip() for line in lines]


@pytest.mark.parametrize("option", FLOATS, ids=lambda o: o.key)
@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, 1e308, -1e308])
def test_every_float_must_be_finite_and_in_its_range(tmp_path, option, value):
    assert problems(project(tmp_path, **{option.key: value})) == [
        f"{option.key} must be {option.allowed()}, got {value}"]


@pytest.mark.parametrize("option", NUMBERS, ids=lambda o: o.key)
def test_an_integer_of_hundreds_of_digits_is_refused_by_its_size(tmp_path, option):
    assert problems(project(tmp_path, **{option.key: 10**400})) == [
        f"{option.key} must be {option.allowed()}, got an integer of 401 digits"]


def test_an_integer_too_long_for_python_is_invalid_toml(tmp_path):
    (tmp_path / "podcast.toml").write_text("[audio]\nduck = " + "9" * 5000 + "\n")
    with pytest.raises(ConfigError, match=r"podcast.toml: (invalid TOML: Exceeds the limit|1 pro)"):
        load_config(tmp_path)


@pytest.mark.parametrize("option", NUMBERS, ids=lambda o: o.key)
def test_every_number_states_its_range_and_takes_both_ends(tmp_path, option):
    assert option.choices or (option.min is not None or option.above is not None) \
        and option.max is not None, f"{option.key} has no stated range"
    assert option.allowed() in option.describe()
    if option.choices:
        ends = [option.choices[0], option.choices[-1]]
        outside = [max(option.choices) + 1]
    else:
        low = option.min if option.min is not None else option.above + 0.5
        ends = [low, option.max]
        outside = [(option.min if option.min is not None else option.above) - 1,
                   option.max + 1]
    for value in ends:
        value = int(value) if option.type is int else float(value)
        config = load_config(project(tmp_path, **{option.key: value}))
        assert config.value(option.key) == value
    for value in outside:
        value = int(value) if option.type is int else float(value)
        assert problems(project(tmp_path, **{option.key: value})) == [
            f"{option.key} must be {option.allowed()}, got {value}"]


def test_nan_music_level_and_duck_never_reach_the_mix(tmp_path):
    folder = project(tmp_path, **{"audio.music_level": math.nan, "audio.duck": math.nan})
    assert problems(folder) == ["audio.duck must be between -90 and 0, got nan",
                                "audio.music_level must be between -40 and 10, got nan"]


def test_every_kind_of_problem_is_listed_in_one_round(tmp_path):
    folder = project(tmp_path, **{
        "show.colour": "red",  # unknown option
        "audio.bitrate": 64,  # wrong type
        "audio.duck": 6.0,  # out of range
        "audio.music_level": math.nan,  # not a number
        "audio.channels": 3,  # not one of the choices
        "feed.publish_time": "7pm",  # wrong format
        "show.funding_url": "https://example.org/support",
        "show.funding_text": "  ",  # a rule between two options
        "nonsense.x": 1,  # unknown table
    })
    assert problems(folder) == [
        "unknown option show.colour",
        "unknown table [nonsense]",
        "audio.bitrate must be str, got int",
        "audio.channels must be one of 1, 2, got 3",
        "audio.duck must be between -90 and 0, got 6.0",
        "audio.music_level must be between -40 and 10, got nan",
        "feed.publish_time must be HH:MM, got '7pm'",
        "show.funding_text must not be empty when show.funding_url is set",
    ]


def test_the_command_line_lists_every_problem_once_and_exits_2(tmp_path):
    folder = project(tmp_path / "show", **{"audio.duck": math.inf, "audio.loudness": 3,
                                           "engine.jobs": -1})
    for command in (["check", str(folder)], ["build", str(folder), "--engine", "espeak"]):
        result = invoke_cli(*command)
        assert result.exit_code == 2, result.output
        output = result.output + getattr(result, "stderr", "")
        assert output.count("3 problem(s)") == 1
        for line in ("audio.duck must be between -90 and 0, got inf",
                     "audio.loudness must be between -40 and -5, got 3",
                     "engine.jobs must be between 0 and 1024, got -1"):
            assert output.count(line) == 1, output
        assert str(folder / "podcast.toml") in output


@pytest.mark.parametrize("engine", [3, "espeak", [1]])
def test_an_engine_that_is_not_a_table_with_engine_on_the_command_line(tmp_path, engine):
    folder = tmp_path / "show"
    folder.mkdir()
    text = document({"show": REQUIRED_VALUES["show"]})
    (folder / "podcast.toml").write_text(f"engine = {toml(engine)}\n" + text, encoding="utf-8")
    result = invoke_cli("build", str(folder), "--engine", "espeak")
    assert result.exit_code == 2, result.output
    assert "engine must be a table [engine]" in result.output + getattr(result, "stderr", "")


def test_the_config_is_typed_and_knows_what_the_author_set(tmp_path):
    hints = typing.get_type_hints(Config)
    assert {name: hints[name] for name in SECTIONS} == SECTIONS
    for cls in SECTIONS.values():
        assert all(name in typing.get_type_hints(cls) for name in cls.__dataclass_fields__)
    config = load_config(project(tmp_path, **{"audio.duck": -20, "feed.guid": ""}))
    assert config.audio.duck == -20.0 and isinstance(config.audio.duck, float)
    assert config.is_set("feed.guid") and config.is_set("audio.duck")
    assert not config.is_set("audio.music_level") and not config.is_set("show.cover")
    assert isinstance(config.show.cover, Path) and config.show.cover.is_file()
    assert config.values["show.owner_name"] == "시험 작가"  # filled in, yet not set
    assert not config.is_set("show.owner_name")
    overridden = load_config(project(tmp_path), {"engine.jobs": 2})
    assert overridden.engine.jobs == 2 and overridden.is_set("engine.jobs")


def test_init_states_every_range(tmp_path):
    text = render_config({})
    for option in NUMBERS:
        assert option.describe() in text, option.key


# Any value TOML can hold, of any type, nested a little.
SCALARS = st.one_of(
    st.booleans(), st.integers(min_value=-2**63, max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40),
    st.dates(), st.times(), st.datetimes(),
    st.sampled_from(["", "64k", "19:00", "Asia/Seoul", "https://example.org/",
                     "a@b", "espeak", "auto", "(", "0" * 30,
                     "00000000-0000-0000-0000-000000000000"]),
    st.sampled_from([0, 1, 2, 44100, -16.0, 0.5, 1e308, -1e-308, 1024, 1025, 10**400,
                     -10**30]),
)
FREE_KEYS = ["voices.article", "voices.title", "pronunciation.AI", "episode_guids.a"]
TOML_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(list(VOICE_KEYS)) | st.text(min_size=1, max_size=5),
                      inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(changes=st.dictionaries(st.sampled_from([o.key for o in OPTIONS] + FREE_KEYS),
                               TOML_VALUES, min_size=1, max_size=4))
def test_any_value_for_any_option_loads_or_is_a_config_error(tmp_path, changes):
    folder = project(tmp_path, **changes)
    try:
        config = load_config(folder)
    except ConfigError as error:
        assert error.exit_code == 2 and str(folder / "podcast.toml") in error.message
        return
    for option in NUMBERS:  # what loads is finite and in range
        value = config.value(option.key)
        assert math.isfinite(value) and option.problem(value) is None


def test_readme_states_every_range():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for option in NUMBERS:
        if option.choices:
            continue
        name = option.key.split(".", 1)[1]
        low = option.min if option.min is not None else option.above
        spans = (f"{low:g} to {option.max:g}", f"{low:g}–{option.max:g}",
                 f"more than {low:g} and at most {option.max:g}")
        lines = [line for line in readme.splitlines() if f"`{name}`" in line]
        assert any(span in line for line in lines for span in spans), option.key


@pytest.mark.parametrize(("key", "value", "shown"), [
    ("tempo", math.nan, "nan"), ("tempo", math.inf, "inf"), ("tempo", 3, "3"),
    ("tempo", 0.25, "0.25"), ("rate", 10**400, "an integer of 401 digits"),
    ("pitch", -5000, "-5000")])
def test_a_voice_number_out_of_range_is_refused_on_load(tmp_path, key, value, shown):
    folder = project(tmp_path, **{"voices.article": {key: value}})
    low, high = {"tempo": ("0.5", "2"), "rate": ("-1000", "1000"), "pitch": ("-1000", "1000")}[key]
    assert problems(folder) == [f"voices.article.{key} must be between {low} and {high}, got {shown}"]
    for fine in (0.5, 2.0) if key == "tempo" else (-1000, 1000):
        load_config(project(tmp_path, **{"voices.article": {key: fine}}))


@pytest.mark.parametrize("name", ["audio/\x00intro.wav", "a" * 5000, ("a" * 200 + "/") * 30])
@pytest.mark.parametrize("key", [o.key for o in OPTIONS if o.is_file])
def test_a_file_name_no_file_can_have_is_a_problem_not_a_crash(tmp_path, key, name):
    assert f"{key}: not a usable file name: {name!r}" in problems(project(tmp_path, **{key: name}))
