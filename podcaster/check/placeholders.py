"""The example values of ``podcaster init`` still in a project: nothing placeholder gets
published. ``podcaster check`` fails on them, ``podcaster build`` warns, and ``init`` lists
them as what to edit next.

What counts as an example is read from what ``init`` writes (``ProjectSettings``' defaults,
its example host and e-mail, the default cover, the sample post), never copied here.
"""

from __future__ import annotations

import hashlib
from dataclasses import fields
from functools import cache
from pathlib import Path

from podcaster.check.report import Problem
from podcaster.config import ASSET_DEFAULTS, CONFIG_NAME, Config, default_asset
from podcaster.init import EXAMPLE_EMAIL, EXAMPLE_HOST, SCAFFOLD_DIR, ProjectSettings

# ProjectSettings field -> (option in podcast.toml, what to set it to)
TEXT_PLACEHOLDERS = {
    "title": ("show.title", "set it to your show's name"),
    "author": ("show.author", "set it to the name listeners know you by"),
    "description": ("show.description", "say in a sentence or two what your show is about"),
}


def _default(name: str) -> str:
    (found,) = [f.default for f in fields(ProjectSettings) if f.name == name]
    return found


@cache
def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _is_default_cover(cover: Path) -> bool:
    default = default_asset(ASSET_DEFAULTS["show.cover"])
    try:
        return (cover.stat().st_size == default.stat().st_size
                and hashlib.sha256(cover.read_bytes()).hexdigest() == _digest(default))
    except OSError:
        return False  # a missing cover is config's or check's to report


# Posts the sample may have been saved as (renamed, retitled, or pasted into Markdown).
SAMPLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})


def _sample_passages() -> list[str]:
    """The sample post's quoted paragraphs, without their marks: a post holding one of
    them is the sample, whatever its file name or title."""
    text = (SCAFFOLD_DIR / "sample-post.txt").read_text(encoding="utf-8")
    return [line.strip().strip("“”") for line in text.splitlines()
            if line.startswith("“") and len(line) > 40]


def find_placeholders(config: Config) -> list[Problem]:
    """One Problem per example value left: ``show.base_url``, ``show.owner_email``, the
    title, author and description as ``podcaster init`` wrote them, podcaster's own cover,
    and its sample post in posts/ (by its quoted paragraphs, whatever its name)."""
    found = []
    if config.show.base_url.startswith(EXAMPLE_HOST):
        found.append(Problem(
            f"{CONFIG_NAME}: show.base_url", f"still the example {config.show.base_url!r}; "
            "set it to the address public/ is published at, e.g. https://USER.github.io/REPO/"))
    if config.show.owner_email == EXAMPLE_EMAIL:
        found.append(Problem(
            f"{CONFIG_NAME}: show.owner_email", f"still the example {EXAMPLE_EMAIL!r}; set it "
            "to the address podcast directories may write to"))
    for name, (key, hint) in TEXT_PLACEHOLDERS.items():
        example = _default(name)
        if str(getattr(config.show, key.removeprefix("show."))).strip() == example:
            found.append(Problem(f"{CONFIG_NAME}: {key}",
                                 f"still the example {example!r}; {hint}"))
    cover = Path(config.show.cover)
    if _is_default_cover(cover):
        where = (cover.relative_to(config.project_dir.resolve()).as_posix()
                 if cover.is_relative_to(config.project_dir.resolve()) else f"{CONFIG_NAME}: show.cover")
        found.append(Problem(where, "still podcaster's own cover (with its wordmark); "
                             "replace it with your show's image (square JPEG/PNG, 1400-3000 px)"))
    passages = _sample_passages()
    for path in sorted(config.posts_dir.iterdir()) if config.posts_dir.is_dir() else []:
        if path.suffix.lower() not in SAMPLE_SUFFIXES or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if any(passage in text for passage in passages):
            found.append(Problem(
                path.relative_to(config.project_dir).as_posix(),
                "the sample post of podcaster init; delete it and add your own posts"))
    return found
