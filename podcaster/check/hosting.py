"""Whether ``public/`` still fits where most shows publish it: GitHub Pages serves a site
of at most 1 GB, and a file over 100 MB cannot be pushed at all. A daily show passes the
first within a year or two; the way out is hosting the MP3s apart (``show.media_base_url``).
These are warnings: the feed is fine, the host is what will refuse it."""

from __future__ import annotations

from pathlib import Path

from podcaster.check.report import Report

SITE_LIMIT = 1024**3  # bytes: GitHub Pages' published site
FILE_LIMIT = 100 * 1024**2  # bytes: the largest file GitHub accepts
ADVICE = ("host the MP3s apart from the pages: set show.media_base_url "
          "(see \"Hosting the audio elsewhere\" in the README)")


def site_files(report: Report) -> list[Path]:
    """The files of public/ served with the pages: all of them, less the MP3s when they are
    served from show.media_base_url."""
    public = report.public
    if not public.is_dir():
        return []
    apart = bool(report.config.show.media_base_url)
    return sorted(p for p in public.rglob("*")
                  if p.is_file() and not (apart and p.suffix.lower() == ".mp3"))


def check_hosting(report: Report) -> None:
    """Warn about a site over 1 GB and about files over 100 MB."""
    files = site_files(report)
    total = 0
    for path in files:
        size = path.stat().st_size
        total += size
        if size > FILE_LIMIT:
            report.warning(report.rel(path), f"{size / 1024**2:.0f} MB: over GitHub's 100 MB "
                                             f"file limit; {ADVICE}")
    if total > SITE_LIMIT:
        report.warning(report.rel(report.public),
                       f"{total / 1024**3:.2f} GB: over GitHub Pages' 1 GB site limit; {ADVICE}")
