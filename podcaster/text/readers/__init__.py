"""One reader per post format, chosen by the file's extension."""

from __future__ import annotations

from pathlib import Path

from podcaster.text.readers.base import ParsedPost, Reader
from podcaster.text.readers.html import HtmlReader
from podcaster.text.readers.markdown import MarkdownReader
from podcaster.text.readers.text import TextReader

READER_CLASSES: tuple[type[Reader], ...] = (TextReader, MarkdownReader, HtmlReader)

# Lower-case extension (with the dot) -> reader.
READERS: dict[str, Reader] = {ext: cls() for cls in READER_CLASSES for ext in cls.extensions}


def reader_for(path: Path) -> Reader | None:
    """The reader for ``path``'s extension, or None if no reader handles it."""
    return READERS.get(Path(path).suffix.lower())


__all__ = ["READERS", "READER_CLASSES", "ParsedPost", "Reader", "reader_for"]
