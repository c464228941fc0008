"""Podcast artwork, each rule from both sides: JPEG or PNG and named for it, square, 1400 to
3000 px on each side (both ends, width and height apart), in an RGB colour mode, readable; and
the record of images found good, which skips them only while their bytes, extension and
podcaster's version are the same."""

from __future__ import annotations

import json
import logging
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from podcaster import __version__
from podcaster.publish import artwork
from podcaster.publish.artwork import CheckedArtwork, artwork_problems


def image(path: Path, size=(1400, 1400), mode="P", fmt="PNG") -> Path:
    Image.new(mode, size).save(path, fmt)
    return path


SIZE = "artwork is {w}x{h} px; Apple Podcasts needs 1400-3000 px"
SQUARE = "artwork must be square, is {w}x{h} px"


@pytest.mark.parametrize(("w", "h", "square", "size_ok"), [
    (1400, 1400, True, True), (3000, 3000, True, True), (2000, 2000, True, True),
    (1399, 1399, True, False), (3001, 3001, True, False),
    (1399, 1400, False, False), (1400, 1399, False, False),
    (3001, 3000, False, False), (3000, 3001, False, False),
    (1400, 3000, False, True),
])
def test_the_size_each_side_and_end(tmp_path, w, h, square, size_ok):
    problems = artwork_problems(image(tmp_path / "a.png", (w, h)))
    expected = ([] if square else [SQUARE.format(w=w, h=h)]) + (
        [] if size_ok else [SIZE.format(w=w, h=h)])
    assert problems == expected


@pytest.mark.parametrize(("name", "mode", "fmt", "expected"), [
    ("a.png", "RGB", "PNG", []),
    ("a.png", "RGBA", "PNG", []),
    ("a.png", "P", "PNG", []),
    ("a.PNG", "RGB", "PNG", []),
    ("a.jpg", "RGB", "JPEG", []),
    ("a.jpeg", "RGB", "JPEG", []),
    ("a.JPG", "RGB", "JPEG", []),
    ("a.png", "L", "PNG", ["artwork must be in the RGB colour space, is L"]),
    ("a.jpg", "CMYK", "JPEG", ["artwork must be in the RGB colour space, is CMYK"]),
    ("a.png", "RGB", "JPEG", ["artwork is a JPEG file named .png, not .jpg"]),
    ("a.jpg", "RGB", "PNG", ["artwork is a PNG file named .jpg, not .png"]),
    ("a.jpeg", "RGB", "PNG", ["artwork is a PNG file named .jpeg, not .png"]),
    ("a.gif", "P", "GIF", ["artwork must be JPEG or PNG, not GIF"]),
    ("a.png", "RGB", "WEBP", ["artwork must be JPEG or PNG, not WEBP"]),
])
def test_the_format_its_name_and_the_colour_mode(tmp_path, name, mode, fmt, expected):
    assert artwork_problems(image(tmp_path / name, mode=mode, fmt=fmt)) == expected


def test_every_problem_of_an_image_is_listed_together(tmp_path):
    path = image(tmp_path / "a.png", (100, 50), mode="L", fmt="JPEG")
    assert artwork_problems(path) == [
        "artwork is a JPEG file named .png, not .jpg", SQUARE.format(w=100, h=50),
        SIZE.format(w=100, h=50), "artwork must be in the RGB colour space, is L"]


def test_a_truncated_or_missing_image_is_a_problem_not_an_error(tmp_path):
    whole = image(tmp_path / "whole.png", mode="RGB").read_bytes()
    # noise does not compress: cut it short and the header still reads, the pixels do not
    noisy = Image.frombytes("RGB", (1400, 1400), bytes(range(256)) * (1400 * 1400 * 3 // 256)
                            + bytes(1400 * 1400 * 3 % 256))
    noisy.save(tmp_path / "noisy.png")
    cut = tmp_path / "cut.png"
    cut.write_bytes((tmp_path / "noisy.png").read_bytes()[:5000])
    assert artwork_problems(tmp_path / "whole.png") == [] and len(whole) > 0
    (problem,) = artwork_problems(cut)
    assert problem.startswith("artwork is not a readable image: ")
    (missing,) = artwork_problems(tmp_path / "none.png")
    assert missing.startswith("artwork is not a readable image: ")


def png_header(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IEND", b""))


def test_an_image_claiming_billions_of_pixels_is_refused_unopened(tmp_path):
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_header(40000, 40000))
    (problem,) = artwork_problems(bomb)
    assert problem.startswith("artwork is far too large to open: ")


def test_an_image_big_enough_for_a_warning_is_measured_without_one(tmp_path, recwarn):
    large = tmp_path / "large.png"
    large.write_bytes(png_header(10000, 10000))  # over Pillow's warning limit, under its error
    assert artwork_problems(large) == [SIZE.format(w=10000, h=10000)]
    assert not [w for w in recwarn if issubclass(w.category, Image.DecompressionBombWarning)]


# ---- the record of images found good ------------------------------------------------------


@pytest.fixture
def checked(monkeypatch) -> list[str]:
    """The names of the images artwork_problems really looked at."""
    seen: list[str] = []
    real = artwork.artwork_problems

    def counting(path):
        seen.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(artwork, "artwork_problems", counting)
    return seen


def test_a_good_image_is_checked_once_and_then_known(tmp_path, checked):
    record = tmp_path / "cache" / "artwork.json"
    cover = image(tmp_path / "cover.png")
    first = CheckedArtwork(record)
    assert first.problems(cover) == []
    first.save()
    doc = json.loads(record.read_bytes())
    assert doc["version"] == __version__ and len(doc["good"]) == 1
    assert doc["good"][0].endswith(".png")
    again = CheckedArtwork(record)
    assert again.problems(cover) == []
    assert checked == ["cover.png"]
    before = record.stat().st_mtime_ns
    again.save()  # the same images: the record is not written again
    assert record.stat().st_mtime_ns == before


def test_a_changed_byte_or_another_extension_is_checked_again(tmp_path, checked):
    record = tmp_path / "artwork.json"
    cover = image(tmp_path / "cover.png")
    first = CheckedArtwork(record)
    first.problems(cover)
    first.save()
    renamed = tmp_path / "cover.jpg"
    renamed.write_bytes(cover.read_bytes())
    assert CheckedArtwork(record).problems(renamed) == ["artwork is a PNG file named .jpg, not .png"]
    image(cover, mode="RGB")  # other bytes
    assert CheckedArtwork(record).problems(cover) == []
    assert checked == ["cover.png", "cover.jpg", "cover.png"]


def test_a_bad_image_is_never_recorded_and_unused_ones_are_forgotten(tmp_path, checked):
    record = tmp_path / "artwork.json"
    good = image(tmp_path / "good.png")
    bad = image(tmp_path / "bad.png", (1000, 1000))
    first = CheckedArtwork(record)
    assert first.problems(bad) == [SIZE.format(w=1000, h=1000)]
    first.save()
    assert not record.exists()  # nothing found good: nothing to keep
    first.problems(good)
    first.save()
    (kept,) = json.loads(record.read_bytes())["good"]
    other = image(tmp_path / "other.png", mode="RGB")
    second = CheckedArtwork(record)
    assert second.problems(other) == []
    second.save()
    assert kept not in json.loads(record.read_bytes())["good"]  # good.png was not used
    assert CheckedArtwork(record).problems(bad) != []
    assert checked == ["bad.png", "good.png", "other.png", "bad.png"]


@pytest.mark.parametrize("content", [
    '{"version": "0.0.0-other", "good": ["KEY"]}',
    '{"good": ["KEY"]}',
    '{"version": "VERSION"}',
    '["KEY"]',
    "not json",
])
def test_a_record_of_another_version_or_damaged_checks_every_image(tmp_path, checked, content):
    cover = image(tmp_path / "cover.png")
    record = tmp_path / "artwork.json"
    first = CheckedArtwork(record)
    first.problems(cover)
    first.save()
    (key,) = json.loads(record.read_bytes())["good"]
    record.write_text(content.replace("KEY", key).replace("VERSION", __version__),
                      encoding="utf-8")
    assert CheckedArtwork(record).problems(cover) == []
    assert checked == ["cover.png", "cover.png"]


def test_only_strings_of_a_record_are_taken(tmp_path, checked):
    cover = image(tmp_path / "cover.png")
    record = tmp_path / "artwork.json"
    first = CheckedArtwork(record)
    first.problems(cover)
    first.save()
    (key,) = json.loads(record.read_bytes())["good"]
    record.write_text(json.dumps({"version": __version__, "good": [key, 7, None]}),
                      encoding="utf-8")
    assert CheckedArtwork(record).problems(cover) == []
    assert checked == ["cover.png"]


def test_an_unreadable_image_is_reported_not_raised(tmp_path):
    (problem,) = CheckedArtwork(tmp_path / "artwork.json").problems(tmp_path / "gone.png")
    assert problem.startswith("artwork is not a readable image: ")


def test_a_record_that_cannot_be_written_is_a_warning(tmp_path, caplog):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    record = CheckedArtwork(blocker / "artwork.json")
    record.problems(image(tmp_path / "cover.png"))
    with caplog.at_level(logging.WARNING, logger="podcaster.publish.artwork"):
        record.save()
    (message,) = [r.getMessage() for r in caplog.records]
    assert message.startswith(f"{blocker / 'artwork.json'}: cannot write the artwork record: ")
    assert caplog.records[0].levelno == logging.WARNING
