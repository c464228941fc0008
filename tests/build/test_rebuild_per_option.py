"""Every option of podcast.toml rebuilds what it declares (``rebuilds`` in
``podcaster/config/options.py``): change it in a built project, build again, and see which
published files changed — every episode, only the feed and pages, or nothing.

The test walks the table of options, so an option cannot be added without declaring what a
change to it rebuilds, and the declaration is checked against a real build.
"""

from __future__ import annotations

import hashlib
import struct
import sys
import zlib
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from podcaster.config import CONFIG_NAME, EPISODES, FEED, NOTHING, OPTIONS, formats
from podcaster.config.options import REBUILDS, Option
from podcaster.init import toml_value
from podcaster.speech import engines as registry
from podcaster.speech.engines import Audio
from podcaster.speech.engines.espeak import EspeakEngine
from tests.helpers import built_project, write_tone

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# Another valid value for an option held to a format.
FORMAT_EXAMPLES: dict[Any, Any] = {
    formats.web_url: "https://example.net/moved/",
    formats.optional_web_url: "https://example.net/elsewhere/",
    formats.email: "other@example.org",
    formats.clock_time: "07:30",
    formats.time_zone: "UTC",
    formats.optional_uuid: "0b4c8d0e-7f0a-4a35-9a53-3d6c1f0c2a11",
    formats.regular_expression: "^봄",
    formats.mp3_bitrate: "96k",
    formats.tag_names: ["일상"],
    formats.web_origins: ["https://cdn.example.net"],
    formats.speech_engine: "espeak-test",
    formats.voice_languages: [],
    formats.language_code: "en",
}


# Values that show an option's effect in the test project (its intro is 0.4 s long, shorter
# than the default lead), and options that only matter once another is set.
VALUES: dict[str, Any] = {"audio.intro_lead": 0.2, "audio.intro_fade": 0.5}
PRECONDITIONS: dict[str, dict[str, Any]] = {
    "audio.intro_fade": {"audio.intro_lead": 0.1},
    "show.funding_text": {"show.funding_url": "https://example.org/support"},
}
# Options that change only posts of some kind: a sentence of that kind for every post.
POST_ADDITIONS: dict[str, str] = {
    "engine.languages": " The company said on Tuesday that the new chip would ship in March.",
}


class OtherEspeak(EspeakEngine):
    """eSpeak NG with a short silence after each clip: another engine, offline."""

    name = "espeak-test"

    def synthesize(self, text, voice):
        audio = super().synthesize(text, replace(voice, engine="espeak"))
        return Audio(audio.pcm + b"\0\0" * (audio.rate // 20), audio.rate, audio.tempo)


def write_png(path: Path, size: int, rgb: tuple[int, int, int]) -> None:
    """A square, one-colour RGB PNG (no imaging library needed)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    row = b"\0" + bytes(rgb) * size
    path.write_bytes(b"\x89PNG\r\n\x1a\n"
                     + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(row * size, 9)) + chunk(b"IEND", b""))


def other_value(option: Option, current: Any, project: Path) -> Any:
    """A valid value of ``option`` other than ``current``."""
    if option.key in VALUES:
        return VALUES[option.key]
    if option.is_file:
        if option.key == "show.cover":
            write_png(project / "audio" / "other-cover.png", 1400, (20, 90, 160))
            return "audio/other-cover.png"
        write_tone(project / "audio" / "other.wav", 0.3, 523)
        return "audio/other.wav"
    if option.type is bool:
        return not current
    if option.choices:
        return next(c for c in option.choices if c != current)
    if option.is_number:
        for step in (1, -1, 0.5, -0.5):
            value = current + step if option.type is int else float(current + step)
            if option.problem(value) is None:
                return value
    candidates = [FORMAT_EXAMPLES.get(option.check)]
    if isinstance(current, str):
        candidates.append(current + " 2" if current else "다른 값")
    for value in candidates:
        if value is not None and value != current and option.problem(value) is None:
            return value
    raise AssertionError(f"{option.key}: no other valid value known; add its format to "
                         "FORMAT_EXAMPLES")


def published(project: Path) -> dict[str, str]:
    """Every file under public/: relative path -> sha256."""
    public = project / "public"
    return {p.relative_to(public).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(public.rglob("*")) if p.is_file()}


def what_changed(before: dict[str, str], after: dict[str, str]) -> str:
    """EPISODES when every MP3 changed, FEED when none did but other files did, NOTHING when
    no file changed (anything else is described as it is)."""
    def mp3s(files: dict[str, str]) -> set[str]:
        return {name for name in files if name.endswith(".mp3")}

    if before == after:
        return NOTHING
    old, new = mp3s(before), mp3s(after)
    if old == new:
        return FEED
    if len(old) == len(new) and not old & new:
        return EPISODES
    return f"some episodes ({sorted(old - new)} -> {sorted(new - old)})"


def test_every_option_declares_what_it_rebuilds():
    for option in OPTIONS:
        assert option.rebuilds in REBUILDS, (
            f"{option.key}: declare rebuilds= one of {', '.join(REBUILDS)} in options.py")


@pytest.mark.slow
@pytest.mark.parametrize("option", OPTIONS, ids=lambda o: o.key)
def test_changing_an_option_rebuilds_what_it_declares(tmp_path_factory, tmp_path, monkeypatch,
                                                       option):
    from podcaster.build import build_project
    from podcaster.config import load_config

    monkeypatch.setitem(registry._REGISTRY, OtherEspeak.name, OtherEspeak)
    project = built_project(tmp_path_factory, tmp_path / "show")
    if option.key in PRECONDITIONS:
        set_options(project, PRECONDITIONS[option.key])
        build_project(project, build_jobs=1)
    if option.key in POST_ADDITIONS:
        for post in (project / "posts").iterdir():
            lines = post.read_text(encoding="utf-8").splitlines()
            lines[3] += POST_ADDITIONS[option.key]  # the commentary after the quote
            post.write_text("\n".join(lines) + "\n", encoding="utf-8")
        build_project(project, build_jobs=1)
    before = published(project)
    document = tomllib.loads((project / CONFIG_NAME).read_text(encoding="utf-8"))
    section, name = option.key.split(".", 1)
    current = document.get(section, {}).get(name, option.default)
    value = other_value(option, str(current) if option.is_file else current, project)
    set_options(project, {option.key: value})
    assert load_config(project).is_set(option.key)

    # A new feed.guid is a new show: the build stops unless told that it is meant.
    result = build_project(project, build_jobs=1, new_guid=option.key == "feed.guid")
    assert what_changed(before, published(project)) == option.rebuilds, option.key
    remade = set(result.built) | set(result.retagged) | set(result.restored)
    if option.rebuilds == EPISODES:
        assert remade == {e.post.slug for e in result.episodes}, option.key
    else:  # the feed and pages are written again from the episodes as they are
        assert not remade, f"{option.key} made {sorted(remade)} again"


def set_options(project: Path, changes: dict[str, Any]) -> None:
    """Set options ({"audio.duck": -20.0}) in the project's podcast.toml."""
    path = project / CONFIG_NAME
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    for key, value in changes.items():
        section, name = key.split(".", 1)
        document.setdefault(section, {})[name] = value
    path.write_text("".join(
        f"[{table}]\n" + "".join(f"{key} = {toml_value(v)}\n" for key, v in items.items())
        + "\n" for table, items in document.items()), encoding="utf-8")
