"""The posts' side of ``check``: quotes whose source is unclear (``check --strict`` fails on
them, for CI), so that a wrong outlet is caught before it is published; and lines that would
be read aloud but are never a post's words (a URL, markup, a byline, page furniture …), which
``build`` refuses."""

from __future__ import annotations

from podcaster.check.report import Report
from podcaster.errors import PodcasterError
from podcaster.text.read import find_posts, read_post
from podcaster.text.segment import analyse_post
from podcaster.text.spoken import unplaced_lines


def check_posts(report: Report, strict: bool) -> None:
    """Add each published post's attribution warnings to the report: as problems when
    ``strict``, else as warnings. A post that cannot be read is left to ``build``."""
    posts_dir = report.config.posts_dir
    if not posts_dir.is_dir():
        return
    for path in find_posts(posts_dir):
        try:
            post = read_post(path)
        except PodcasterError:
            continue
        if post.draft:
            continue
        segmentation = analyse_post(post)
        for bad in unplaced_lines(post, segmentation.segments):
            report.problem(report.rel(path), bad.message())
        for warning in segmentation.warnings:
            where = report.rel(path) + warning.where[len(warning.post):]
            if strict:
                report.problem(where, warning.said)
            else:
                report.warning(where, warning.said)
