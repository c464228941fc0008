"""Plain-text posts: the first line is the title, every other line a paragraph."""

from __future__ import annotations

from pathlib import Path

from podcaster.errors import PostError
from podcaster.text.readers.base import ParsedPost, Reader
from podcaster.text.readers.paragraphs import Paragraph, clean_text
from podcaster.text.readers.sources import find_source_list


class TextReader(Reader):
    """``.txt``: title line, then one paragraph per non-blank line, then the source list.

    Blog editors save one paragraph per line, so a line break ends a paragraph; a quote
    opened on one line may close on a later one.
    """

    name = "text"
    extensions = (".txt",)

    def parse(self, text: str, path: Path) -> ParsedPost:
        lines = text.split("\n")
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is None:
            raise PostError(path, "the file is empty")
        body = lines[first + 1 :]
        start, end, sources = find_source_list(body, first + 2)
        paragraphs = [
            Paragraph(line, first + 2 + k)
            for k, line in enumerate(body)
            if line.strip() and not start <= k < end
        ]
        return ParsedPost(clean_text(lines[first]), paragraphs, sources)
