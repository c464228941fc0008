"""Artwork checks: JPEG or PNG named for its format, square, 1400–3000 px, RGB."""

from __future__ import annotations

from PIL import Image, UnidentifiedImageError

from podcaster.check.report import Report

ARTWORK_MIN, ARTWORK_MAX = 1400, 3000
ARTWORK_SUFFIXES = {"JPEG": ".jpg", "PNG": ".png"}  # the file extensions Apple asks for


def check_artwork(report: Report, where: str, what: str, url: str | None) -> None:
    file = report.local_file(where, f"{what} (artwork)", url)
    if file is None:
        return
    try:
        with Image.open(file) as image:
            fmt, (width, height), mode = image.format, image.size, image.mode
    except (UnidentifiedImageError, OSError) as exc:
        report.problem(report.rel(file), f"artwork is not a readable image: {exc}")
        return
    at = report.rel(file)
    if fmt not in ARTWORK_SUFFIXES:
        report.problem(at, f"artwork must be JPEG or PNG, not {fmt}")
    elif file.suffix.lower() != ARTWORK_SUFFIXES[fmt]:
        report.problem(at, f"artwork is a {fmt} file named {file.suffix}, "
                       f"not {ARTWORK_SUFFIXES[fmt]}")
    if width != height:
        report.problem(at, f"artwork must be square, is {width}x{height} px")
    if not (ARTWORK_MIN <= width <= ARTWORK_MAX and ARTWORK_MIN <= height <= ARTWORK_MAX):
        report.problem(at, f"artwork is {width}x{height} px; Apple Podcasts needs "
                       f"{ARTWORK_MIN}-{ARTWORK_MAX} px")
    if mode not in ("RGB", "RGBA", "P"):
        report.problem(at, f"artwork must be in the RGB colour space, is {mode}")
