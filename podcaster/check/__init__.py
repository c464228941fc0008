"""``podcaster check``: a built project → one line per problem with its feed and the files
it links, against Apple Podcasts' requirements and the Podcasting 2.0 namespace rules.

``feed`` checks the channel and items, ``files`` the transcripts and chapters, ``artwork``
the images, ``hosting`` the size of the site, ``posts`` the attribution of the posts'
quotes; URLs are mapped back to files under ``public/`` through ``show.base_url`` (and
``show.media_base_url`` for the audio).
``placeholders`` finds the example values of ``podcaster init`` that must not be published.
"""

from __future__ import annotations

from pathlib import Path

from podcaster.check.report import CheckResult, Problem, Report
from podcaster.config import load_config

__all__ = ["CheckResult", "Problem", "check_project"]


def check_project(project_dir: Path | str, strict: bool = False) -> CheckResult:
    """Lint ``PROJECT_DIR/public/feed.xml`` and the files it links, the posts' attribution
    (quotes without a clear source: warnings, or problems when ``strict``), and podcast.toml
    and posts/ for the example values of ``podcaster init``. When public/ is older than
    podcast.toml or a post, one problem says so and the differences a rebuild would remove
    are left out. Raises ConfigError for a bad podcast.toml; every other finding is in the
    result."""
    # Here, not at the top: every build imports podcaster.check.placeholders, and with it
    # this package, but only check needs lxml and the rest.
    from podcaster.check.feed import check_feed
    from podcaster.check.hosting import check_hosting
    from podcaster.check.placeholders import find_placeholders
    from podcaster.check.posts import check_posts
    from podcaster.check.stale import newer_than_build, stale_message

    report = Report(load_config(project_dir))
    newer = newer_than_build(report.config)
    if newer:
        report.stale = True
        report.problem(report.rel(report.public) + "/", stale_message(report.config, newer))
    report.result.problems.extend(find_placeholders(report.config))
    check_posts(report, strict)
    check_feed(report)
    check_hosting(report)
    return report.result
