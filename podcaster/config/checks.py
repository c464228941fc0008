"""The rules of podcast.toml between options (each option's own type, range and format are
declared with it in ``options``).

Each returns a list of problems, one line each, so ``load_config`` reports them all at once.
"""

from __future__ import annotations

from typing import Any


def check_values(values: dict[str, Any]) -> list[str]:
    """The rules between options (each option's own type, range and format are declared
    with it). ``values`` holds the options that passed their own checks; a rule whose
    options are not all there is left until they are fixed."""
    problems = []
    url, text = values.get("show.funding_url"), values.get("show.funding_text")
    if url and text is not None and not text.strip():
        problems.append("show.funding_text must not be empty when show.funding_url is set")
    return problems
