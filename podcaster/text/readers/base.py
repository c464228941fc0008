"""What every reader returns, and the base class readers derive from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from podcaster.model import Source
from podcaster.text.readers.paragraphs import Paragraph


@dataclass
class ParsedPost:
    """A post's text as one format reader sees it, before dates and slugs are settled."""

    title: str
    paragraphs: list[Paragraph]
    sources: list[Source]
    meta: dict = field(default_factory=dict)  # front matter: title, date, slug, draft, description


class Reader:
    """Reads one file format. Subclasses set ``extensions`` and implement ``parse``."""

    name = ""
    extensions: tuple[str, ...] = ()

    def parse(self, text: str, path: Path) -> ParsedPost:
        """Return the post's title, paragraphs, sources and metadata; raises PostError."""
        raise NotImplementedError
