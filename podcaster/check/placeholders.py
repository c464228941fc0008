"""The example values of ``podcaster init`` still in a project: nothing placeholder gets
published. ``podcaster check`` fails on them, ``podcaster build`` warns, and ``init`` lists
them as what to edit next."""

from __future__ import annotations

from podcaster.check.report import Problem
from podcaster.config import CONFIG_NAME, Config
from podcaster.init import EXAMPLE_EMAIL, EXAMPLE_HOST, SAMPLE_SLUG, sample_title


def find_placeholders(config: Config) -> list[Problem]:
    """One Problem per example value left: ``show.base_url`` and ``show.owner_email`` as
    ``podcaster init`` wrote them, and its sample post in posts/ (by its title)."""
    found = []
    if config.show.base_url.startswith(EXAMPLE_HOST):
        found.append(Problem(
            f"{CONFIG_NAME}: show.base_url", f"still the example {config.show.base_url!r}; "
            "set it to the address public/ is published at, e.g. https://USER.github.io/REPO/"))
    if config.show.owner_email == EXAMPLE_EMAIL:
        found.append(Problem(
            f"{CONFIG_NAME}: show.owner_email", f"still the example {EXAMPLE_EMAIL!r}; set it "
            "to the address podcast directories may write to"))
    title = sample_title()
    for path in sorted(config.posts_dir.glob(f"*-{SAMPLE_SLUG}.txt")):
        text = path.read_text(encoding="utf-8", errors="replace").lstrip("\ufeff")
        if text.splitlines()[:1] == [title]:
            found.append(Problem(
                path.relative_to(config.project_dir).as_posix(),
                "the sample post of podcaster init; delete it and add your own posts"))
    return found
