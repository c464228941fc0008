"""``podcaster check``: passes on the built demo; one clear line for each planted fault."""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from PIL import Image

from podcaster import ffmpeg
from podcaster.check.feed import parse_duration
from podcaster.check.files import validate_chapters, validate_timed_text
from podcaster.cli import main
from tests.helpers import DEMO, FEED_PATH, Feed, item_number, mp3_of

NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
}
BASE = "https://evening-ai.example.org/"


@pytest.fixture
def demo(built_demo) -> Path:
    """The demo project built once per run (read-only)."""
    return built_demo[0]


@pytest.fixture
def project(demo, tmp_path) -> Path:
    """A private copy of the built demo, free to break."""
    dest = tmp_path / "demo"
    shutil.copytree(demo, dest, ignore=shutil.ignore_patterns(".podcaster-cache"))
    return dest


def check(project: Path) -> tuple[int, list[str]]:
    """Run ``podcaster check``; its exit code and its problem lines."""
    result = CliRunner().invoke(main, ["check", str(project)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    lines = [line for line in result.output.splitlines() if not line.startswith("Error:")]
    return result.exit_code, lines


def test_the_built_demo_passes(demo):
    code, lines = check(demo)
    assert code == 0, lines
    assert lines == [f"{demo / FEED_PATH}: OK, 3 episode(s)"]


def test_no_feed_yet(tmp_path):
    shutil.copytree(DEMO, tmp_path / "d",
                    ignore=shutil.ignore_patterns("public", ".podcaster-cache"))
    code, lines = check(tmp_path / "d")
    assert code == 1
    assert lines == [f"{FEED_PATH}: not found (run podcaster build first)"]


def test_wrong_enclosure_length(project):
    feed = Feed(project)
    enclosure = feed.item("robot-kitchen").find("enclosure")
    mp3 = mp3_of(project / "public", "robot-kitchen")
    size = mp3.stat().st_size
    enclosure.set("length", str(size - 417))
    feed.save()
    n = item_number(project, "robot-kitchen")
    assert check(project) == (1, [
        f"{FEED_PATH}: item {n} (robot-kitchen): enclosure length {size - 417} does not match "
        f"public/episodes/{mp3.name} ({size} bytes)"])


def test_missing_artwork(project):
    (project / "public" / "cover.png").unlink()
    assert check(project) == (1, [
        f"{FEED_PATH}: channel: itunes:image (artwork): public/cover.png not found ({BASE}cover.png)"])


def test_duplicate_guid(project):
    feed = Feed(project)
    first, second = feed.root.xpath("//item")[:2]
    second.find("guid").text = first.find("guid").text
    feed.save()
    code, lines = check(project)
    assert code == 1
    assert f"{FEED_PATH}: item 2 ({_slug(second)}): duplicate guid {first.find('guid').text} " \
           "(also item 1)" in lines
    assert all(line.startswith(f"{FEED_PATH}: item 2 ") for line in lines)


def test_changed_guid_is_not_stable(project):
    feed = Feed(project)
    item = feed.item("school-tutor")
    item.find("guid").text = str(uuid.uuid4())
    feed.save()
    code, lines = check(project)
    assert code == 1 and len(lines) == 1
    assert "is not the one derived from posts/2025-11-05-school-tutor.md" in lines[0]
    assert "download the episode again" in lines[0]


def test_relative_url(project):
    feed = Feed(project)
    feed.item("school-tutor").find("enclosure").set("url", "episodes/school-tutor.mp3")
    feed.save()
    n = item_number(project, "school-tutor")
    assert check(project) == (1, [
        f"{FEED_PATH}: item {n} (school-tutor): enclosure URL is not absolute: "
        "episodes/school-tutor.mp3"])


def test_every_planted_fault_has_its_own_line(project):
    feed = Feed(project)
    feed.item("robot-kitchen").find("enclosure").set("length", "1")
    feed.item("open-model").find("enclosure").set("url", "open-model.mp3")
    feed.save()
    (project / "public" / "cover.png").unlink()
    code, lines = check(project)
    assert code == 1
    assert len(lines) == 3
    assert any("robot-kitchen" in line and "enclosure length 1 " in line for line in lines)
    assert any("open-model" in line and "not absolute" in line for line in lines)
    assert any("cover.png not found" in line for line in lines)


def test_bad_artwork(project):
    Image.new("CMYK", (1000, 800)).save(project / "public" / "cover.png", "JPEG")
    assert check(project) == (1, [
        "public/cover.png: artwork is a JPEG file named .png, not .jpg",
        "public/cover.png: artwork must be square, is 1000x800 px",
        "public/cover.png: artwork is 1000x800 px; Apple Podcasts needs 1400-3000 px",
        "public/cover.png: artwork must be in the RGB colour space, is CMYK",
    ])


def test_duration_must_match_the_audio(project):
    feed = Feed(project)
    feed.item("open-model").find("itunes:duration", NS).text = "00:09:59"
    feed.save()
    code, lines = check(project)
    assert code == 1 and len(lines) == 1
    assert "itunes:duration 00:09:59 does not match the audio" in lines[0]
    assert f"public/episodes/{mp3_of(project / 'public', 'open-model').name}" in lines[0]


def test_audio_that_is_not_mp3(project):
    mp3 = mp3_of(project / "public", "school-tutor")
    mp3.write_bytes(b"\0" * mp3.stat().st_size)  # same length, no audio
    code, lines = check(project)
    assert code == 1
    assert lines == [f"public/episodes/{mp3.name}: cannot read the audio: "
                     "not an MP3 file (no MPEG audio frames)"]


def test_channel_faults(project):
    feed = Feed(project)
    channel = feed.root.find("channel")
    channel.find("itunes:explicit", NS).text = "no"
    channel.find("itunes:category", NS).set("text", "Tech")
    owner = channel.find("itunes:owner", NS)
    owner.remove(owner.find("itunes:email", NS))
    channel.find("lastBuildDate").text = "Sat, 01 Nov 2025 09:00:00 +0000"
    channel.remove(channel.find("podcast:guid", NS))
    feed.save()
    code, lines = check(project)
    assert code == 1
    assert lines == [
        f"{FEED_PATH}: channel: itunes:category 'Tech' is not an Apple Podcasts category",
        f'{FEED_PATH}: channel: itunes:explicit must be "true" or "false", got \'no\'',
        f"{FEED_PATH}: channel: <itunes:owner><itunes:email> is not an e-mail: None",
        f"{FEED_PATH}: channel: missing <podcast:guid>",
        f"{FEED_PATH}: channel: lastBuildDate Sat, 01 Nov 2025 09:00:00 +0000 is not the newest "
        "episode's date (the feed would change on every build)",
    ]


def _slug(item) -> str:
    return item.find("enclosure").get("url").rsplit("/", 1)[1].split(".")[0]


def _clock(seconds: float, sep: str) -> str:
    ms = int(round(seconds * 1000))
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}{sep}{ms % 1000:03d}"


def add_transcripts(project: Path, slug: str) -> float:
    """Write a VTT, an SRT and a chapters file for ``slug`` and link them from the feed;
    returns the audio's duration."""
    duration = ffmpeg.duration(mp3_of(project / "public", slug))
    folder = project / "public" / "episodes"
    cues = [(0.5, 4.0, "안녕하세요 별빛서재입니다."), (4.2, duration - 0.5, "편안한 밤 보내세요.")]
    vtt = "WEBVTT\n\n" + "\n".join(
        f"{_clock(a, '.')} --> {_clock(b, '.')}\n{t}\n" for a, b, t in cues)
    srt = "\n".join(
        f"{i}\n{_clock(a, ',')} --> {_clock(b, ',')}\n{t}\n" for i, (a, b, t) in enumerate(cues, 1))
    chapters = {"version": "1.2.0", "chapters": [
        {"startTime": 0, "title": "인사"},
        {"startTime": 20.5, "title": "기사", "url": "https://news.example.com/a"}]}
    (folder / f"{slug}.vtt").write_text(vtt, encoding="utf-8")
    (folder / f"{slug}.srt").write_text(srt, encoding="utf-8")
    (folder / f"{slug}.chapters.json").write_text(json.dumps(chapters, ensure_ascii=False),
                                                 encoding="utf-8")
    feed = Feed(project)
    item = feed.item(slug)
    for suffix, mime in ((".vtt", "text/vtt"), (".srt", "application/x-subrip")):
        if item.xpath(f"podcast:transcript[@type='{mime}']", namespaces=NS):
            continue  # the build linked it already
        etree.SubElement(item, f"{{{NS['podcast']}}}transcript", url=f"{BASE}episodes/{slug}{suffix}",
                         type=mime, language="ko")
    if not item.xpath("podcast:chapters", namespaces=NS):
        etree.SubElement(item, f"{{{NS['podcast']}}}chapters",
                         url=f"{BASE}episodes/{slug}.chapters.json",
                         type="application/json+chapters")
    feed.save()
    return duration


def test_transcripts_and_chapters_are_checked(project):
    add_transcripts(project, "robot-kitchen")
    assert check(project)[0] == 0

    folder = project / "public" / "episodes"
    (folder / "robot-kitchen.vtt").write_text("00:00:00.500 --> 00:00:04.000\n안녕\n",
                                              encoding="utf-8")
    (folder / "robot-kitchen.srt").write_text("1\n00:00:00.500 --> 00:00:04.000\n안녕\n",
                                              encoding="utf-8")
    (folder / "robot-kitchen.chapters.json").write_text('{"version": "1.2.0", "chapters": [}',
                                                        encoding="utf-8")
    code, lines = check(project)
    assert code == 1
    assert lines[0] == 'public/episodes/robot-kitchen.vtt: WebVTT file does not start with "WEBVTT"'
    assert lines[1] == ("public/episodes/robot-kitchen.srt: bad timestamp in: "
                        "'00:00:00.500 --> 00:00:04.000'")
    assert lines[2].startswith("public/episodes/robot-kitchen.chapters.json: chapters file is "
                               "not JSON")
    assert len(lines) == 3

    for name in ("robot-kitchen.vtt", "robot-kitchen.srt", "robot-kitchen.chapters.json"):
        (folder / name).unlink()
    code, lines = check(project)
    assert code == 1 and len(lines) == 3
    assert all("not found" in line and "robot-kitchen" in line for line in lines)


# -- the validators on literal input ---------------------------------------------------------


def test_parse_duration():
    assert parse_duration("00:02:31") == 151
    assert parse_duration("2:31") == 151
    assert parse_duration("151") == 151
    assert parse_duration("1:02:03") == 3723
    for bad in ("", "abc", "1:2:3:4", "-5", "1::2"):
        assert parse_duration(bad) is None


def test_validate_webvtt():
    good = b"WEBVTT\n\nNOTE made by hand\n\n00:00.000 --> 00:01.500\n\xec\x95\x88\xeb\x85\x95\n"
    assert validate_timed_text(good, "vtt", 10.0) is None
    assert validate_timed_text(b"\xef\xbb\xbf" + good, "vtt", 10.0) is None  # BOM
    assert "ends after the audio" in validate_timed_text(good, "vtt", 0.2)
    backwards = b"WEBVTT\n\n00:00:05.000 --> 00:00:06.000\na\n\n00:00:01.000 --> 00:00:02.000\nb\n"
    assert "not in time order" in validate_timed_text(backwards, "vtt", 10.0)
    assert "ends before it starts" in validate_timed_text(
        b"WEBVTT\n\n00:00:05.000 --> 00:00:04.000\na\n", "vtt", 10.0)
    assert "no text" in validate_timed_text(b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n",
                                            "vtt", 10.0)
    assert validate_timed_text(b"WEBVTT\n", "vtt", 10.0) == "transcript has no cues"


def test_validate_subrip():
    good = "1\r\n00:00:00,000 --> 00:00:01,500\r\n안녕\r\n\r\n2\r\n00:00:01,600 --> 00:00:03,000\r\n잘 가\r\n"
    assert validate_timed_text(good.encode("utf-8"), "srt", 5.0) is None
    assert "must be a number" in validate_timed_text(
        b"00:00:00,000 --> 00:00:01,500\nx\n", "srt", 5.0)
    assert "not UTF-8" in validate_timed_text(b"1\n\xff\xfe\n", "srt", 5.0)


def test_validate_chapters():
    good = {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "인사"},
                                             {"startTime": 12.5, "url": "https://a.example/x"}]}
    assert validate_chapters(json.dumps(good).encode(), 20.0) is None
    assert "after the audio" in validate_chapters(json.dumps(good).encode(), 10.0)
    assert '"version"' in validate_chapters(b'{"chapters": []}', None)
    assert "non-empty" in validate_chapters(b'{"version": "1.2.0", "chapters": []}', None)
    bad_order = {"version": "1", "chapters": [{"startTime": 5}, {"startTime": 1}]}
    assert "starts before" in validate_chapters(json.dumps(bad_order).encode(), None)
    bad_url = {"version": "1", "chapters": [{"startTime": 0, "url": "/relative"}]}
    assert "not an absolute URL" in validate_chapters(json.dumps(bad_url).encode(), None)
    assert "startTime" in validate_chapters(b'{"version": "1", "chapters": [{"title": "x"}]}',
                                            None)
