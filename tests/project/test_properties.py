"""Property-based tests (Hypothesis): for arbitrary text, bytes and structures, the readers,
the segmenter, the script, the normaliser and the config loader either give a result or
raise podcaster's own error, never anything else.

The default profile is quick (a few seconds in all); ``PODCASTER_HYPOTHESIS=long`` runs many
more examples (the profiles are set in conftest.py; see README, Development).
"""

from __future__ import annotations

import json
import math
import shutil
import tempfile
from pathlib import Path

import pytest

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib
from hypothesis import example, given
from hypothesis import strategies as st

from podcaster.config import Config, load_config
from podcaster.errors import PodcasterError
from podcaster.model import Post
from podcaster.text.normalize import normalize
from podcaster.text.read import read_post
from podcaster.text.script import ScriptSettings, build_script
from podcaster.text.segment import segment_post
from tests.helpers import CONFIG, DEMO

# Text that looks like a post: Hangul, quotes, digits, Markdown and HTML marks, line ends.
POST_ALPHABET = st.sampled_from(
    list("가나다라마바사아자차카타파하한글기사인용이상출처") + list("“”\"'「」『』()[]<>/#*_->!`~&;:.,0123456789")
    + ["\n", "\n\n", " ", "\t", "\r\n", "https://", "javascript:", "1. ", "> ", "- ", "---\n",
       "<p>", "</p>", "<blockquote>", "<a href='", "&#", "\u00a0", "\ufeff", "\x07",
       "<!", "<![", "<!--", "-->", "<?", "</", "&#x", "](", "[", "<ol><li>"])
POSTISH = st.lists(POST_ALPHABET, max_size=120).map("".join)
NAMES = st.sampled_from(["2025-01-02-p.txt", "2025-01-02-p.md", "2025-01-02-p.html",
                         "p.md", "2025-13-40-p.txt"])


def read(name: str, data: bytes) -> Post | None:
    """Read a post written with ``data``; None when podcaster refuses it with its own error."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            return read_post(path)
        except PodcasterError:
            return None


def stages(post: Post | None) -> None:
    """Segment and script a post that was read; only podcaster's errors may stop them."""
    if post is None:
        return
    try:
        segments = segment_post(post)
        build_script(post, segments, ScriptSettings())
    except PodcasterError:
        pass


@given(name=NAMES, text=POSTISH)
def test_post_shaped_text_is_read_or_refused(name, text):
    stages(read(name, text.encode("utf-8")))


@given(name=NAMES, data=st.binary(max_size=300))
def test_arbitrary_bytes_are_read_or_refused(name, data):
    stages(read(name, data))


@given(name=NAMES, text=st.text(max_size=200))
@example(name="2025-01-02-p.html", text="<![0")  # found by Hypothesis: html.parser asserted
def test_arbitrary_unicode_is_read_or_refused(name, text):
    stages(read(name, text.encode("utf-8", "surrogatepass")))


YAML_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=3),
    max_leaves=8)


@given(meta=st.dictionaries(st.sampled_from(["title", "date", "slug", "draft", "description",
                                             "other"]), YAML_VALUES, max_size=5),
       text=POSTISH)
def test_arbitrary_front_matter_is_read_or_refused(meta, text):
    front = "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}"
                      for key, value in meta.items())
    stages(read("2025-01-02-p.md", f"---\n{front}\n---\n{text}".encode()))


@given(text=st.text(max_size=200) | POSTISH)
def test_normalise_always_gives_text(text):
    spoken = normalize(text)
    assert isinstance(spoken, str)


# --- podcast.toml ----------------------------------------------------------------------


def toml_value(value) -> str:
    """``value`` in TOML (inline tables and arrays)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + "}"


TOML_VALUES = st.recursive(
    st.booleans() | st.integers(-10**20, 10**20) | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=3),
    max_leaves=6)
KEYS = st.sampled_from([
    "show.title", "show.base_url", "show.cover", "show.owner_email", "show.language",
    "show.category", "engine.name", "engine.jobs", "engine.timeout", "audio.bitrate",
    "audio.sample_rate", "audio.loudness", "audio.intro", "audio.channels",
    "feed.publish_time", "feed.time_zone", "feed.guid", "voices.article.tempo",
    "voices.article", "voices.nonsense.rate", "pronunciation.AI", "episode_guids.a",
    "nonsense.key", "show.nonsense"])


def load(toml: str) -> Config | None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "podcast.toml").write_text(toml, encoding="utf-8",
                                                   errors="surrogatepass")
        (Path(folder) / "audio").mkdir()
        for name in ("intro.wav", "sting.wav", "outro.wav"):  # the sounds CONFIG names
            (Path(folder) / "audio" / name).write_bytes(b"")
        shutil.copyfile(DEMO / "cover.png", Path(folder) / "cover.png")  # the cover CONFIG names
        try:
            return load_config(folder)
        except PodcasterError:
            return None


@given(changes=st.dictionaries(KEYS, TOML_VALUES, max_size=4))
def test_arbitrary_config_values_load_or_are_refused(changes):
    config = tomllib.loads(CONFIG)
    for key, value in changes.items():
        *tables, name = key.split(".")
        table = config
        for t in tables:
            table = table.setdefault(t, {}) if isinstance(table.get(t, {}), dict) else {}
        table[name] = value
    toml = "\n".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in config.items())
    load(toml)


def test_the_unchanged_config_loads():
    toml = "\n".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in tomllib.loads(CONFIG).items())
    assert load(toml) is not None


@given(text=st.text(max_size=300))
def test_arbitrary_config_text_loads_or_is_refused(text):
    load(text)


@pytest.mark.parametrize("toml", ["[show]\ntitle = \"\\ud800\"\n", "\ufeff[show]\n"])
def test_config_oddities_are_refused_cleanly(toml):
    assert load(toml) is None
