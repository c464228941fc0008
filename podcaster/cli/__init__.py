"""The command line: parse options, load config, call the library. Nothing more.

``app`` holds the ``main`` group and what every command shares; the commands are grouped by
what they work on: ``build`` (build, check, cache), ``project`` (init, import, serve) and
``posts`` (segments, normalize, script).
"""

from podcaster.cli import build, posts, project  # noqa: F401  (the commands join main)
from podcaster.cli.app import (
    EXIT_CODES,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    main,
)

__all__ = ["EXIT_CODES", "EXIT_INTERNAL", "EXIT_INTERRUPTED", "EXIT_TERMINATED", "main"]
