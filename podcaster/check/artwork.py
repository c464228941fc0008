"""Artwork checks: the rules of ``podcaster.publish.artwork`` applied to the images the feed
links."""

from __future__ import annotations

from podcaster.check.report import Report
from podcaster.publish.artwork import artwork_problems


def check_artwork(report: Report, where: str, what: str, url: str | None) -> None:
    file = report.local_file(where, f"{what} (artwork)", url)
    if file is None:
        return
    for problem in artwork_problems(file):
        report.problem(report.rel(file), problem)
