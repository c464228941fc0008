"""Artwork rules (Apple Podcasts'): JPEG or PNG named for its format, RGB, square,
1400–3000 px. The build refuses an image that breaks them before any synthesis; ``podcaster
check`` reports the same problems in ``public/``.

The size is read from the header before anything is decoded, so an image that claims
40000×40000 pixels (a decompression bomb) is refused without being decoded.

Decoding a cover takes longer than the rest of a build that changes nothing, so a build
remembers the images it found good (``CheckedArtwork``): by the digest of their bytes and
their file extension, in ``.podcaster-cache/artwork.json``. A changed byte is checked again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import warnings
from pathlib import Path

from podcaster import __version__
from podcaster.files import parse_json, write_atomic

log = logging.getLogger(__name__)

ARTWORK_MIN, ARTWORK_MAX = 1400, 3000
ARTWORK_SUFFIXES = {"JPEG": ".jpg", "PNG": ".png"}  # the file extensions Apple asks for
SOURCE_SUFFIXES = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",)}  # published as the above
RGB_MODES = ("RGB", "RGBA", "P")


def artwork_problems(path: Path) -> list[str]:
    """What is wrong with the image at ``path`` as podcast artwork (empty when nothing).

    Never raises: an unreadable, truncated or hostile file is a problem like any other.
    """
    from PIL import Image  # here: a build whose artwork is known good never loads Pillow

    path = Path(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                fmt, (width, height), mode = image.format, image.size, image.mode
                problems = _header_problems(path, fmt, width, height, mode)
                if not problems:
                    image.load()  # decodes the whole image: a truncated file fails here
    except Image.DecompressionBombError as exc:
        return [f"artwork is far too large to open: {exc}"]
    except Exception as exc:  # noqa: BLE001 - Pillow raises many types on hostile files
        return [f"artwork is not a readable image: {exc}"]
    return problems


def _header_problems(path: Path, fmt: str | None, width: int, height: int,
                     mode: str) -> list[str]:
    problems = []
    if fmt not in ARTWORK_SUFFIXES:
        problems.append(f"artwork must be JPEG or PNG, not {fmt}")
    elif path.suffix.lower() not in SOURCE_SUFFIXES[fmt]:
        problems.append(f"artwork is a {fmt} file named {path.suffix}, "
                        f"not {ARTWORK_SUFFIXES[fmt]}")
    if width != height:
        problems.append(f"artwork must be square, is {width}x{height} px")
    if not (ARTWORK_MIN <= width <= ARTWORK_MAX and ARTWORK_MIN <= height <= ARTWORK_MAX):
        problems.append(f"artwork is {width}x{height} px; Apple Podcasts needs "
                        f"{ARTWORK_MIN}-{ARTWORK_MAX} px")
    if mode not in RGB_MODES:
        problems.append(f"artwork must be in the RGB colour space, is {mode}")
    return problems


class CheckedArtwork:
    """``artwork_problems`` that skips images an earlier build found good: a file is known
    by the sha256 of its bytes with its extension (a JPEG renamed .png is checked again), and
    the list is dropped with each podcaster version. ``save`` keeps the images this build
    found good (others are forgotten); it is only a cache, so a failure to write it is logged.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self._good: set[str] = set()
        self._used: set[str] = set()
        try:
            data = parse_json(self.path.read_bytes())
            if data.get("version") == __version__:
                self._good = {k for k in data["good"] if isinstance(k, str)}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass  # no record, or an unusable one: every image is checked

    def problems(self, image: Path) -> list[str]:
        image = Path(image)
        try:
            key = f"{hashlib.sha256(image.read_bytes()).hexdigest()}{image.suffix.lower()}"
        except OSError:
            return artwork_problems(image)  # says why the file cannot be read
        if key in self._good:
            self._used.add(key)
            return []
        problems = artwork_problems(image)
        if not problems:
            self._used.add(key)
        return problems

    def save(self) -> None:
        if self._used == self._good:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, json.dumps({"version": __version__,
                                                "good": sorted(self._used)}).encode("utf-8"))
        except OSError as exc:
            log.warning("%s: cannot write the artwork record: %s", self.path, exc.strerror)
