"""Artwork rules (Apple Podcasts'): JPEG or PNG named for its format, RGB, square,
1400–3000 px. The build refuses an image that breaks them before any synthesis; ``podcaster
check`` reports the same problems in ``public/``.

The size is read from the header before anything is decoded, so an image that claims
40000×40000 pixels (a decompression bomb) is refused without being decoded.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image

ARTWORK_MIN, ARTWORK_MAX = 1400, 3000
ARTWORK_SUFFIXES = {"JPEG": ".jpg", "PNG": ".png"}  # the file extensions Apple asks for
SOURCE_SUFFIXES = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",)}  # published as the above
RGB_MODES = ("RGB", "RGBA", "P")


def artwork_problems(path: Path) -> list[str]:
    """What is wrong with the image at ``path`` as podcast artwork (empty when nothing).

    Never raises: an unreadable, truncated or hostile file is a problem like any other.
    """
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
