"""The rules of podcast.toml from both sides: what each option's declaration says to the author
(the range `podcaster init` writes beside it), the formats of text options (a value that
passes and one that does not, with the line the author reads), and what loading fills in,
refuses or reports."""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from pathlib import Path

import pytest

from podcaster.config import OPTIONS, SECTIONS, Config, formats, load_config
from podcaster.config.checks import check_values
from podcaster.config.options import (
    EPISODES,
    FEED,
    NOTHING,
    REQUIRED,
    Option,
    declared,
    default_asset,
    has_type,
    option,
    shown,
    type_name,
)
from podcaster.config.tables import (
    check_characters,
    check_engines,
    check_episode_guids,
    check_free_tables,
    in_range,
    voice_tables,
    without_invisible,
)
from podcaster.errors import ConfigError

SHOW = {"title": "바다 이야기", "author": "김바다", "description": "바다에 관한 짧은 방송.",
        "base_url": "https://example.net/sea/", "owner_email": "sea@example.net"}
BY_KEY = {o.key: o for o in OPTIONS}


def toml_text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_text(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f'"{k}" = {toml_text(v)}' for k, v in value.items()) + "}"
    return repr(value)


def project(folder: Path, changes: dict | None = None, *, show: dict | None = None) -> Path:
    """A project whose podcast.toml holds ``show`` (the required values by default) and
    ``changes`` ({"audio.duck": -20.0, "voices.article": {...}})."""
    tables: dict[str, dict] = {"show": dict(SHOW if show is None else show)}
    for key, value in (changes or {}).items():
        section, name = key.split(".", 1)
        tables.setdefault(section, {})[name] = value
    text = "".join(f"[{name}]\n" + "".join(f'"{k}" = {toml_text(v)}\n' for k, v in t.items())
                   for name, t in tables.items())
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "podcast.toml").write_text(text, encoding="utf-8")
    return folder


def problems(folder: Path, overrides: dict | None = None) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_config(folder, overrides)
    head, *lines = caught.value.message.splitlines()
    assert head == f"{folder.resolve() / 'podcast.toml'}: {len(lines)} problem(s):"
    assert all(line.startswith("  ") and not line.startswith("   ") for line in lines)
    assert caught.value.exit_code == 2
    return [line[2:] for line in lines]


# --- what each option says it takes (written by `podcaster init` beside it) ---------------

ALLOWED = {
    "engine.jobs": "between 0 and 1024",
    "engine.rate_limit": "between 0 and 1000",
    "engine.retries": "between 0 and 100",
    "engine.timeout": "more than 0 and at most 3600",
    "build.jobs": "between 0 and 1024",
    "audio.sample_rate": "one of 8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000",
    "audio.channels": "one of 1, 2",
    "audio.loudness": "between -40 and -5",
    "audio.true_peak": "between -9 and 0",
    "audio.sentence_pause": "between 0 and 60",
    "audio.paragraph_pause": "between 0 and 60",
    "audio.segment_pause": "between 0 and 60",
    "audio.intro_lead": "between 0 and 60",
    "audio.intro_fade": "between 0 and 60",
    "audio.outro_overlap": "between 0 and 60",
    "audio.duck": "between -90 and 0",
    "audio.music_level": "between -40 and 10",
}


@pytest.mark.parametrize("key", [o.key for o in OPTIONS])
def test_each_option_states_what_it_takes_and_nothing_when_anything_goes(key):
    opt = BY_KEY[key]
    assert opt.allowed() == ALLOWED.get(key, "")
    if key in ALLOWED:
        assert opt.describe() == f"{opt.doc} Allowed: {ALLOWED[key]}."
    else:
        assert opt.describe() == opt.doc


@pytest.mark.parametrize(("bounds", "words", "inside", "outside"), [
    ({"min": 2}, "at least 2", [2, 1e9], [1.5, -3]),
    ({"max": 2.5}, "at most 2.5", [2.5, -1e9], [2.6]),
    ({"above": 0}, "more than 0", [1e-9, 5], [0, -1]),
    ({"above": -1, "max": 1}, "more than -1 and at most 1", [-0.5, 1], [-1, 1.01]),
    ({"min": -1, "max": 1}, "between -1 and 1", [-1, 1], [-1.01, 1.01]),
    ({"min": 0, "above": 1, "max": 9}, "between 0 and 9", [1.5, 9], [1, 0.5, 9.5]),
    ({"choices": (3, 5)}, "one of 3, 5", [3, 5], [4]),
    ({}, "", [-1e300, 0, 1e300], [math.nan, math.inf, -math.inf]),
])
def test_every_shape_of_bound_is_told_and_kept_on_both_sides(bounds, words, inside, outside):
    opt = Option(key="test.level", type=(int, float), default=0, doc="A level.", **bounds)
    assert opt.allowed() == words
    assert opt.describe() == (f"A level. Allowed: {words}." if words else "A level.")
    for value in inside:
        assert opt.problem(value) is None, value
    for value in outside:
        assert opt.problem(value) == f"test.level must be {words}, got {value!r}"


def test_an_option_of_choices_refuses_a_value_outside_them_whatever_its_type():
    opt = Option(key="test.voice", type=str, default="a", doc="A voice.", choices=("a", "b"))
    assert opt.problem("b") is None
    assert opt.problem("c") == "test.voice must be one of a, b, got 'c'"
    assert not opt.is_number


@pytest.mark.parametrize(("kind", "value", "expected"), [
    (int, True, "test.x must be int, got bool"),
    (int, 2.0, "test.x must be int, got float"),
    ((int, float), False, "test.x must be int or float, got bool"),
    ((int, float), "3", "test.x must be int or float, got str"),
    (str, 3, "test.x must be str, got int"),
    (list, "a", "test.x must be list, got str"),
    (bool, 1, "test.x must be bool, got int"),
])
def test_a_value_of_the_wrong_type_is_named_by_both_types(kind, value, expected):
    assert Option(key="test.x", type=kind, default=None, doc="X.").problem(value) == expected


@pytest.mark.parametrize(("value", "kind", "fits"), [
    (True, bool, True), (True, int, False), (True, (int, float), False), (True, (bool, int), True),
    (3, int, True), (3, (int, float), True), (3.0, int, False), ("a", str, True),
])
def test_a_boolean_is_a_number_only_where_booleans_are_taken(value, kind, fits):
    assert has_type(value, kind) is fits


def test_type_names_join_alternatives_with_or():
    assert type_name(int) == "int"
    assert type_name((int, float)) == "int or float"
    assert type_name((str, int, list)) == "str or int or list"


@pytest.mark.parametrize(("value", "text"), [
    (10**18 - 1, repr(10**18 - 1)), (10**18, "an integer of 19 digits"),
    (-10**18, "an integer of 19 digits"), (-(10**18) + 1, repr(-(10**18) + 1)),
    (10**30, "an integer of 31 digits"), (True, "True"), (1e300, "1e+300"), ("x", "'x'"),
])
def test_a_problem_quotes_a_value_and_a_huge_integer_by_its_size(value, text):
    assert shown(value) == text


@pytest.mark.parametrize(("key", "value"), [
    ("engine.jobs", 1025), ("engine.jobs", -1), ("engine.timeout", 0),
    ("engine.timeout", 3600.5), ("audio.sample_rate", 44101), ("audio.channels", 0),
])
def test_a_number_out_of_range_is_refused_with_the_range_the_author_reads(tmp_path, key, value):
    assert problems(project(tmp_path, {key: value})) == [
        f"{key} must be {ALLOWED[key]}, got {value!r}"]


@pytest.mark.parametrize(("key", "value"), [
    ("engine.timeout", 3600), ("engine.timeout", 0.001), ("engine.jobs", 1024),
    ("audio.sample_rate", 8000), ("audio.channels", 2),
])
def test_a_number_at_the_edge_of_its_range_loads(tmp_path, key, value):
    assert load_config(project(tmp_path, {key: value})).value(key) == value


# --- declaring an option ------------------------------------------------------------------

def table_class() -> type:
    """A table of options declared as an option is (here, not at import: a test sees the
    declaring code as it is when the test runs)."""

    @dataclass(frozen=True, kw_only=True)
    class Table:
        name: str = option(REQUIRED, "A name.", check=formats.email, rebuilds=EPISODES)
        level: float = option(1.5, "A level.", min=-2, max=3, above=-3, rebuilds=FEED)
        count: int = option(2, "A count.", choices=(1, 2), rebuilds=NOTHING)
        sound: Path = option("", "A sound.")
        tags: list[str] = option([], "Tags.")
        on: bool = option(True, "On or off.")

    return Table


def test_a_table_declares_each_field_as_one_option_with_all_it_said():
    found = declared("test", table_class())
    assert [o.key for o in found] == ["test.name", "test.level", "test.count", "test.sound",
                                      "test.tags", "test.on"]
    name, level, count, sound, tags, on = found
    assert (name.default, name.doc, name.check, name.rebuilds) == (
        REQUIRED, "A name.", formats.email, EPISODES)
    assert name.type is str and not name.is_file and not name.is_number
    assert (level.type, level.default, level.min, level.max, level.above, level.rebuilds) == (
        (int, float), 1.5, -2, 3, -3, FEED)
    assert (count.type, count.choices, count.rebuilds, count.check) == (int, (1, 2), NOTHING, None)
    assert (sound.type, sound.is_file, sound.default, sound.rebuilds) == (str, True, "", None)
    assert (tags.type, tags.is_file, tags.default) == (list, False, [])
    assert (on.type, on.default, on.min, on.max, on.above, on.choices) == (
        bool, True, None, None, None, ())
    assert level.describe() == "A level. Allowed: between -2 and 3."
    assert name.problem("nobody") == "test.name is not an e-mail address: 'nobody'"


def test_the_declared_tables_are_the_options_in_file_order():
    assert [o for name, cls in SECTIONS.items() for o in declared(name, cls)] == OPTIONS
    assert [o.key for o in OPTIONS][:3] == ["show.title", "show.author", "show.description"]
    assert {o.key for o in OPTIONS if o.is_file} == {
        "show.cover", "audio.intro", "audio.sting", "audio.outro"}


def test_the_default_sounds_and_cover_ship_with_podcaster():
    for name in ("cover.png", "intro.mp3", "sting.mp3", "outro.mp3"):
        assert default_asset(name).is_file() and default_asset(name).name == name
    missing = default_asset("no-such-sound.mp3")
    assert missing.name == "no-such-sound.mp3" and missing.parent.name == "_audio"
    assert missing.parent.parent.name == "podcaster"


# --- the formats of text options ----------------------------------------------------------

FORMATS = [
    (formats.language_code, ["ko", "ko-KR", "yue-Hant-HK", "KOR"], [
        ("k", 'x must be a language code such as "ko" or "ko-KR", got \'k\''),
        ("kore", None), ("ko_KR", None), ("ko-", None), ("ko-abcdefghi", None), ("", None)]),
    (formats.web_url, ["https://example.net/", "http://example.net/a?b=1"], [
        ("ftp://example.net/", "x must be an absolute http(s) URL, got 'ftp://example.net/'"),
        ("example.net", None), ("", None), (" https://example.net/", None)]),
    (formats.optional_web_url, ["", "https://example.net/"], [
        ("/feed.xml", "x must be an absolute http(s) URL, got '/feed.xml'")]),
    (formats.email, ["a@b", "바다@example.net"], [
        ("sea.example.net", "x is not an e-mail address: 'sea.example.net'")]),
    (formats.clock_time, ["00:00", "09:05", "19:59", "23:59"], [
        ("24:00", "x must be HH:MM, got '24:00'"), ("9:00", None), ("12:60", None),
        ("12:5", None), ("7pm", None), ("12:00 ", None), ("30:00", None)]),
    (formats.time_zone, ["Asia/Seoul", "UTC", "America/New_York"], [
        ("Mars/Base", "x is not a known time zone: 'Mars/Base'"), ("../etc", None),
        ("", None)]),
    (formats.optional_uuid, ["", "0f8fad5b-d9cb-469f-a165-70867728950e"], [
        ("not-a-uuid", "x must be a UUID, got 'not-a-uuid'")]),
    (formats.regular_expression, ["", "^바다", "(a|b)+"], [
        ("(", "x is not a regular expression: missing ), unterminated subpattern at "
              "position 0"), ("*", None)]),
    (formats.mp3_bitrate, ["64k", "8k", "320k", "128", " 96K "], [
        ("65k", 'x must be an MP3 bitrate such as "64k", got \'65k\''), ("0k", None),
        ("k", None), ("", None), ("384k", None), ("٦٤k", None), ("64kk", None)]),
    (formats.tag_names, [[], ["바다", "여행"]], [
        (["바다", ""], "x must be a list of tag names (strings)"), (["  "], None), ([3], None)]),
    (formats.voice_languages, [[], ["en"], ["ja", "en"]], [
        (["en", "fr"], "x: unknown language 'fr' (known: en, ja)"), (["ko"], None)]),
    (formats.web_origins, [[], ["https://blog.example.net", "http://example.net:8080/"]], [
        (["https://blog.example.net/posts"], "x: 'https://blog.example.net/posts' is not an "
         "origin (an origin is scheme://host[:port], without a path); write scheme://host"
         "[:port], e.g. https://blog.example.com"),
        ([3], "x: '3' is not an origin (only absolute http:// and https:// URLs can be "
         "fetched); write scheme://host[:port], e.g. https://blog.example.com"),
        (["https://example.net/" + "a" * 200], "x: '" + ("https://example.net/" + "a" * 200)[:100]
         + "' is not an origin (an origin is scheme://host[:port], without a path); write "
         "scheme://host[:port], e.g. https://blog.example.com")]),
    (formats.speech_engine, ["auto", "espeak", "gtts", "edge"], [
        ("festival", None), ("", None), ("AUTO", None)]),
]


@pytest.mark.parametrize(("check", "good", "bad"), FORMATS, ids=lambda x: getattr(x, "__name__", ""))
def test_each_format_takes_its_values_and_refuses_the_others(check, good, bad):
    for value in good:
        assert check("x", value) is None, value
    for value, message in bad:
        problem = check("x", value)
        assert problem is not None and problem.startswith("x"), value
        if message:
            assert problem == message


def test_an_unknown_engine_lists_the_known_ones():
    problem = formats.speech_engine("engine.name", "festival")
    assert problem.startswith("engine.name: unknown engine 'festival' (known: auto, ")
    for name in ("edge", "espeak", "gtts"):
        assert name in problem


@pytest.mark.parametrize("limit", [1, 5, 128])
def test_a_length_limit_takes_exactly_that_many_characters(limit):
    check = formats.at_most_characters(limit)
    assert check("show.funding_text", "가" * limit) is None
    assert check("show.funding_text", "") is None
    assert check("show.funding_text", "가" * (limit + 1)) == (
        f"show.funding_text is longer than {limit} characters")


def test_the_funding_text_takes_128_characters_not_129(tmp_path):
    load_config(project(tmp_path, {"show.funding_text": "후" * 128}))
    assert problems(project(tmp_path, {"show.funding_text": "후" * 129})) == [
        "show.funding_text is longer than 128 characters"]


# --- the rule between options -------------------------------------------------------------

@pytest.mark.parametrize(("values", "refused"), [
    ({"show.funding_url": "https://example.net/give", "show.funding_text": " "}, True),
    ({"show.funding_url": "https://example.net/give", "show.funding_text": ""}, True),
    ({"show.funding_url": "https://example.net/give", "show.funding_text": "후원"}, False),
    ({"show.funding_url": "", "show.funding_text": " "}, False),
    ({"show.funding_url": "https://example.net/give"}, False),  # the text has its own problem
    ({"show.funding_text": ""}, False),
])
def test_a_funding_link_needs_a_text_only_when_it_is_there(values, refused):
    assert check_values(values) == (
        ["show.funding_text must not be empty when show.funding_url is set"] if refused else [])


# --- loading ------------------------------------------------------------------------------

def test_no_podcast_toml_says_where_it_looked(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert caught.value.message == (
        f"{tmp_path.resolve() / 'podcast.toml'}: not found (is {tmp_path.resolve()} a podcast "
        "project?)")
    (tmp_path / "podcast.toml").mkdir()
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path)


@pytest.mark.parametrize(("data", "message"), [
    (b"[show]\ntitle = \"\xff\"\n", "not UTF-8 text"),
    (b"[show\n", "invalid TOML: "),
    (b"a = " + b"[" * 3000 + b"]" * 3000 + b"\n",
     "invalid TOML: arrays or tables nested too deeply"),
    (b"[audio]\nduck = " + b"9" * 5000 + b"\n", "invalid TOML: Exceeds the limit (4300 digits)"),
])
def test_a_file_that_is_no_toml_is_named_with_what_is_wrong(tmp_path, data, message):
    (tmp_path / "podcast.toml").write_bytes(data)
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert caught.value.message.startswith(f"{tmp_path.resolve() / 'podcast.toml'}: {message}")
    assert caught.value.exit_code == 2


def test_a_minimal_file_fills_every_default_and_the_names_it_defaults_to(tmp_path):
    config = load_config(project(tmp_path))
    for opt in OPTIONS:
        value = config.value(opt.key)
        if opt.default is REQUIRED:
            assert value == SHOW[opt.key.split(".")[1]]
        elif opt.is_file:
            assert value == default_asset(value.name) and value.is_file()
        elif opt.key not in ("show.owner_name", "show.website"):
            assert value == opt.default and type(value) is type(opt.default), opt.key
    assert config.show.owner_name == "김바다"
    assert config.show.website == "https://example.net/sea/"
    assert config.set_keys == {f"show.{k}" for k in SHOW}
    assert config.tables == {} and config.voices == {} and config.pronunciation == {}
    assert config.raw == {"show": SHOW}  # the file as read
    assert config.episode_guids == {}
    assert config.values == {o.key: config.value(o.key) for o in OPTIONS}
    assert list(config.values) == [o.key for o in OPTIONS]
    root = tmp_path.resolve()
    assert (config.project_dir, config.posts_dir, config.public_dir, config.cache_dir) == (
        root, root / "posts", root / "public", root / ".podcaster-cache")


def test_owner_name_and_website_given_are_kept(tmp_path):
    config = load_config(project(tmp_path, {"show.owner_name": "박주인",
                                            "show.website": "https://blog.example.net/"}))
    assert config.show.owner_name == "박주인"
    assert config.show.website == "https://blog.example.net/"


def test_a_whole_number_for_a_decimal_option_loads_as_a_decimal(tmp_path):
    config = load_config(project(tmp_path, {"audio.duck": -20, "engine.jobs": 3,
                                            "source.include_tags": ["바다"]}))
    assert config.audio.duck == -20.0 and type(config.audio.duck) is float
    assert config.engine.jobs == 3 and type(config.engine.jobs) is int
    assert config.source.include_tags == ["바다"] and type(config.source.include_tags) is list


@pytest.mark.parametrize("key", ["show.title", "show.author", "show.description",
                                 "show.base_url", "show.owner_email"])
def test_each_required_option_missing_or_blank_is_a_problem(tmp_path, key):
    name = key.split(".")[1]
    opt = BY_KEY[key]
    missing = {k: v for k, v in SHOW.items() if k != name}
    assert problems(project(tmp_path, show=missing)) == [
        f"missing required option {key} ({opt.describe()})"]
    blank = problems(project(tmp_path, show={**SHOW, name: " \t"}))
    if key in ("show.base_url", "show.owner_email"):  # their format says it first
        assert len(blank) == 1 and blank[0].startswith(key)
    else:
        assert blank == [f"{key} must not be empty ({opt.describe()})"]


def test_an_optional_text_may_be_empty(tmp_path):
    config = load_config(project(tmp_path, {"show.subcategory": "", "show.copyright": " "}))
    assert config.show.subcategory == "" and config.show.copyright == " "


def test_a_required_option_of_the_wrong_type_says_so_once(tmp_path):
    assert problems(project(tmp_path, show={**SHOW, "title": 3})) == [
        "show.title must be str, got int"]


def test_a_file_option_is_found_in_the_project_or_named_as_missing(tmp_path):
    folder = project(tmp_path, {"audio.intro": "sounds/intro.wav", "show.cover": "art.png"})
    assert problems(folder) == ["show.cover: file not found: art.png",
                                "audio.intro: file not found: sounds/intro.wav"]
    (folder / "sounds").mkdir()
    (folder / "sounds" / "intro.wav").write_bytes(b"RIFF")
    (folder / "art.png").write_bytes(b"\x89PNG")
    config = load_config(folder)
    assert config.audio.intro == folder.resolve() / "sounds" / "intro.wav"
    assert config.show.cover == folder.resolve() / "art.png"
    assert config.audio.sting == default_asset("sting.mp3")
    assert config.is_set("audio.intro") and not config.is_set("audio.sting")


def test_a_folder_is_no_file(tmp_path):
    folder = project(tmp_path, {"audio.outro": "sounds"})
    (folder / "sounds").mkdir()
    assert problems(folder) == ["audio.outro: file not found: sounds"]


def test_unknown_tables_options_and_tables_that_are_values_are_each_named(tmp_path):
    folder = project(tmp_path, {"show.colour": "blue", "sea.depth": 3, "audio.bass": 1,
                                "pronunciation.AI": "에이아이", "episode_guids.a": "g-1",
                                "voices.article": {"tempo": 1.1}})
    (folder / "podcast.toml").write_text(
        "engine = 3\n" + (folder / "podcast.toml").read_text(encoding="utf-8"),
        encoding="utf-8")
    assert problems(folder) == ["engine must be a table [engine]", "unknown option show.colour",
                                "unknown table [sea]", "unknown option audio.bass"]


def test_a_free_table_before_the_others_leaves_them_checked(tmp_path):
    folder = tmp_path / "show"
    folder.mkdir()
    (folder / "podcast.toml").write_text(
        '[pronunciation]\nAI = "에이아이"\n[sea]\ndepth = 3\n[show]\ncolour = 1\n'
        + "".join(f"{k} = {toml_text(v)}\n" for k, v in SHOW.items()),
        encoding="utf-8")
    assert problems(folder) == ["unknown table [sea]", "unknown option show.colour"]


def test_the_free_tables_are_kept_as_read(tmp_path):
    folder = project(tmp_path, {"pronunciation.AI": "에이아이", "episode_guids.first": "g-1",
                                "voices.article": {"tempo": 1.1, "engine": "espeak"},
                                "voices.en": {"voice": "en-us", "article": {"rate": 3}}})
    config = load_config(folder)
    assert config.pronunciation == {"AI": "에이아이"}
    assert config.episode_guids == {"first": "g-1"}
    assert config.voices == {"article": {"tempo": 1.1, "engine": "espeak"},
                             "en": {"voice": "en-us", "article": {"rate": 3}}}
    assert set(config.tables) == {"pronunciation", "episode_guids", "voices"}
    config.voices["article"]["tempo"] = 2  # a copy: the config stays as read
    config.pronunciation["AI"] = "아이"
    config.episode_guids["first"] = "x"
    assert config.voices["article"]["tempo"] == 1.1
    assert config.pronunciation == {"AI": "에이아이"} and config.episode_guids == {"first": "g-1"}


def test_the_command_line_wins_over_the_file_and_counts_as_set(tmp_path):
    folder = project(tmp_path, {"engine.name": "espeak", "audio.duck": -20})
    config = load_config(folder, {"engine.name": "gtts", "build.jobs": 2})
    assert config.engine.name == "gtts" and config.build.jobs == 2
    assert config.audio.duck == -20.0
    assert config.is_set("build.jobs") and config.is_set("engine.name")
    assert config.is_set("audio.duck") and not config.is_set("engine.jobs")
    assert not isinstance(Config, type(None)) and config.value("build.jobs") == 2
    assert load_config(folder).engine.name == "espeak"
    assert problems(folder, {"engine.jobs": -1}) == [
        "engine.jobs must be between 0 and 1024, got -1"]


def test_a_command_line_value_for_a_table_that_is_a_value_leaves_its_problem(tmp_path):
    folder = project(tmp_path)
    (folder / "podcast.toml").write_text(
        "build = 1\n" + (folder / "podcast.toml").read_text(encoding="utf-8"), encoding="utf-8")
    assert problems(folder, {"build.jobs": 2}) == ["build must be a table [build]"]


def test_problems_of_every_kind_come_in_one_report_in_order(tmp_path):
    folder = project(tmp_path, {
        "show.colour": 1, "audio.duck": 1.0,
        "show.funding_url": "https://example.net/give", "show.funding_text": "",
        "pronunciation.AI": 3, "episode_guids.a": "", "voices.article": {"engine": "festival"},
        "feed.publish_time": "25:00"})
    found = problems(folder)
    assert found[:3] == ["unknown option show.colour",
                         "audio.duck must be between -90 and 0, got 1.0",
                         "feed.publish_time must be HH:MM, got '25:00'"]
    assert found[3:6] == ["pronunciation.AI must be a string",
                          "episode_guids.a must be a non-empty string",
                          "show.funding_text must not be empty when show.funding_url is set"]
    assert found[6].startswith("voices.article.engine: unknown engine 'festival'")
    assert len(found) == 7


def test_a_character_no_output_can_carry_is_a_problem_after_the_free_tables(tmp_path):
    folder = project(tmp_path, {"show.subcategory": "a\x07b", "episode_guids.a": 1})
    assert problems(folder) == ["episode_guids.a must be a non-empty string",
                                "show.subcategory: contains '\\x07' (a control character)"]


def test_invisible_characters_are_removed_with_a_warning_naming_the_key(tmp_path, caplog):
    folder = project(tmp_path, {"show.subcategory": "Tech\u200bnology"})
    with caplog.at_level(logging.WARNING, logger="podcaster.config"):
        config = load_config(folder, {"show.copyright": "\u200b바다"})
    assert config.show.subcategory == "Technology" and config.show.copyright == "바다"
    toml = folder.resolve() / "podcast.toml"
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING] == [
        f"{toml}: show.subcategory: removed invisible characters (the first '\\u200b' (an "
        "invisible character)): they would be published as other text than is shown",
        "the command line: show.copyright: removed invisible characters (the first '\\u200b' "
        "(an invisible character)): they would be published as other text than is shown"]


# --- the free tables ----------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "expected"), [
    ({}, []),
    ({"pronunciation": 3}, ['[pronunciation] must be a table of "text" = "reading"']),
    ({"pronunciation": {"AI": "에이아이", "GPU": 3}}, ["pronunciation.GPU must be a string"]),
    ({"voices": 3}, ["[voices] must be a table of [voices.<kind>] tables"]),
    ({"pronunciation": 1, "voices": 1}, ['[pronunciation] must be a table of "text" = "reading"',
                                         "[voices] must be a table of [voices.<kind>] tables"]),
    ({"voices": {"article": {"pitch": 2, "speed": 1}}}, ["unknown option voices.article.speed"]),
    ({"voices": {"article": {"rate": 1.5}}}, ["voices.article.rate must be int, got float"]),
    ({"voices": {"article": {"rate": True}}}, ["voices.article.rate must be int, got bool"]),
    ({"voices": {"title": {"tempo": "fast"}}},
     ["voices.title.tempo must be int or float, got str"]),
    ({"voices": {"title": {"tempo": 2.5, "voice": "ko"}}},
     ["voices.title.tempo must be between 0.5 and 2, got 2.5"]),
    ({"voices": {"title": {"tempo": 0.49}}},
     ["voices.title.tempo must be between 0.5 and 2, got 0.49"]),
    ({"voices": {"title": {"rate": 1001}}},
     ["voices.title.rate must be between -1000 and 1000, got 1001"]),
    ({"voices": {"title": {"pitch": -1001, "options": {"x": 1}}}},
     ["voices.title.pitch must be between -1000 and 1000, got -1001"]),
    ({"voices": {"title": {"options": "x"}}}, ["voices.title.options must be dict, got str"]),
    ({"voices": {"title": {"tempo": 0.5, "rate": -1000, "pitch": 1000, "engine": "espeak",
                           "voice": "ko", "options": {}}}}, []),
    ({"voices": {"en": {"voice": "en-us", "tempo": 9,
                        "article": {"tempo": 0.1}, "title": 3}}},
     ["voices.en.tempo must be between 0.5 and 2, got 9", "voices.en.title must be a table",
      "voices.en.article.tempo must be between 0.5 and 2, got 0.1"]),
])
def test_the_free_tables_from_both_sides(raw, expected):
    assert check_free_tables(raw) == expected


def test_a_voice_table_that_is_neither_a_kind_nor_a_language_lists_both():
    problems_found: list[str] = []
    assert list(voice_tables({"chorus": {}, "fr": {}, "article": 3}, problems_found)) == []
    assert problems_found == [
        "unknown voice kind voices.chorus (one of title, greeting, announcement, article, "
        "commentary, signoff, or a language: en, ja)",
        "unknown voice kind voices.fr (one of title, greeting, announcement, article, "
        "commentary, signoff, or a language: en, ja)",
        "voices.article must be a table"]


def test_a_language_voice_table_yields_itself_and_its_kinds():
    voices = {"ja": {"voice": "ja", "article": {"rate": 1}, "title": {"rate": 2}},
              "signoff": {"tempo": 1.0}}
    assert list(voice_tables(voices)) == [
        ("ja", {"voice": "ja"}), ("ja.title", {"rate": 2}), ("ja.article", {"rate": 1}),
        ("signoff", {"tempo": 1.0})]


@pytest.mark.parametrize(("voices", "expected"), [
    ({"article": {"engine": "auto"}, "en": {"engine": "gtts", "title": {"engine": "edge"}}}, []),
    ({"article": {"engine": 3}}, []),  # its type is check_free_tables' problem
    ({"article": {"voice": "x"}}, []),
    (3, []),
])
def test_engines_named_by_voices_that_are_known_pass(voices, expected):
    assert check_engines({"voices": voices}) == expected


def test_each_unknown_engine_a_voice_names_is_a_problem_naming_where():
    found = check_engines({"voices": {"article": {"engine": "festival"},
                                      "en": {"engine": "espeak", "title": {"engine": "say"}}}})
    assert [p.split(" (known")[0] for p in found] == [
        "voices.article.engine: unknown engine 'festival'", "voices.en.title.engine: unknown "
        "engine 'say'"]


@pytest.mark.parametrize(("table", "expected"), [
    ({"a": "g-1", "b": "g-2"}, []),
    ({"a": "g-1", "b": "g-1", "c": "g-1"}, ["episode_guids.b repeats the GUID of episode_guids.a",
                                            "episode_guids.c repeats the GUID of episode_guids.a"]),
    ({"a": " "}, ["episode_guids.a must be a non-empty string"]),
    ({"a": 3, "b": "g"}, ["episode_guids.a must be a non-empty string"]),
    ("g", ['[episode_guids] must be a table of slug = "guid"']),
])
def test_episode_guids_are_non_empty_and_each_used_once(table, expected):
    assert check_episode_guids({"episode_guids": table}) == expected
    assert check_episode_guids({}) == []


def test_characters_no_output_carries_are_found_in_names_values_and_lists():
    raw = {"show": {"title": "a\x07", "ok": "바다"}, "voices": {"b\x00": {"c": "\x08"}},
           "source": {"include_tags": ["fine", "\ud800"]}, "n": 3}
    assert check_characters(raw) == [
        "show.title: contains '\\x07' (a control character)",
        "'voices.b\\x00': the name contains '\\x00' (a control character)",
        "source.include_tags[1]: contains '\\ud800' (a lone surrogate)"]
    assert check_characters({"\x07": 1}) == ["'\\x07': the name contains '\\x07' (a control "
                                             "character)"]
    assert check_characters("fine") == [] and check_characters(["\x07"]) == [
        "[0]: contains '\\x07' (a control character)"]


def test_invisible_characters_are_removed_from_names_values_and_lists():
    cleaned, removed = without_invisible({
        "show": {"ti\u200btle": "바\u200b다", "n": 3},
        "source": {"include_tags": ["a\u2060b", "c"]}, 5: "x"})
    assert cleaned == {"show": {"title": "바다", "n": 3},
                       "source": {"include_tags": ["ab", "c"]}, 5: "x"}
    assert removed == [
        "'show.ti\\u200btle': removed from the name invisible characters (the first "
        "'\\u200b' (an invisible character))",
        "show.title: removed invisible characters (the first '\\u200b' (an invisible "
        "character))",
        "source.include_tags[0]: removed invisible characters (the first '\\u2060' (an "
        "invisible character))"]
    assert without_invisible({"\u200bshow": 1}) == (
        {"show": 1}, ["'\\u200bshow': removed from the name invisible characters (the first "
                      "'\\u200b' (an invisible character))"])
    assert without_invisible("바다") == ("바다", [])
    assert without_invisible(["\u200b"], "k") == ([""], ["k[0]: removed invisible characters "
                                                         "(the first '\\u200b' (an invisible "
                                                         "character))"])


@pytest.mark.parametrize(("value", "inside"), [
    (0.5, True), (2.0, True), (2, True), (0.49, False), (2.01, False), (math.nan, False),
    (math.inf, False), (-math.inf, False), (10**400, False),
])
def test_a_voice_number_is_finite_and_within_both_ends(value, inside):
    assert in_range(value, 0.5, 2) is inside
