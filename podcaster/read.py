"""Read a post file into a ``Post``: title, date, slug, paragraphs and sources."""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
from pathlib import Path

from podcaster.errors import PostError
from podcaster.model import Block, Post, Source

log = logging.getLogger(__name__)

# Opening quote mark -> closing quote mark, for quotes that wrap a whole paragraph.
QUOTE_PAIRS = {"“": "”", '"': '"', "「": "」", "『": "』"}

_DATE_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[-_ .]+|$)")
_SOURCE_ITEM = re.compile(r"^\s*(\d+)[.)]\s+(.*\S)\s*$")
_URL = re.compile(r"^<?(https?://\S+?)>?$")
_OUTLET = re.compile(r"\s[-–—]\s*([^-–—\s][^-–—]*?)\s*[-–—]$")


def read_post(path: Path) -> Post:
    """Read the post at ``path``; raises PostError naming the file and the problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PostError(path, f"cannot read the file ({exc.strerror or exc})") from exc
    text = decode(raw, path)
    lines = text.split("\n")
    title, body = _split_title(lines, path)
    body_lines, sources = split_sources(body)
    blocks = blocks_from_paragraphs(
        [(line, i) for i, line in enumerate(body_lines) if line.strip()], path
    )
    if not blocks:
        raise PostError(path, "the post has a title but no body")
    date = date_from_name(path)
    slug = slug_from_name(path)
    return Post(
        path=path, title=title, date=date, slug=slug, blocks=blocks, sources=sources, raw=raw
    )


def decode(raw: bytes, path: Path) -> str:
    """Decode the file's bytes (UTF-8, UTF-8 with BOM, CP949/EUC-KR); LF line ends."""
    if not raw.strip():
        raise PostError(path, "the file is empty")
    if b"\x00" in raw:
        raise PostError(path, "the file is binary, not a text post")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    for encoding in ("utf-8", "cp949"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise PostError(path, "cannot decode the text (expected UTF-8 or CP949/EUC-KR)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _split_title(lines: list[str], path: Path) -> tuple[str, list[str]]:
    for i, line in enumerate(lines):
        if line.strip():
            return line.strip().lstrip("#").strip(), lines[i + 1 :]
    raise PostError(path, "the file is empty")


def split_sources(lines: list[str]) -> tuple[list[str], list[Source]]:
    """Split the trailing numbered source list off the body lines."""
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    start = end
    i = end - 1
    while i >= 0:
        line = lines[i].strip()
        if not line or _URL.match(line):
            i -= 1
            continue
        if _SOURCE_ITEM.match(line):
            start = i
            i -= 1
            continue
        break
    sources = parse_sources(lines[start:end])
    if not sources:
        return lines[:end], []
    return lines[:start], sources


def parse_sources(lines: list[str]) -> list[Source]:
    sources: list[Source] = []
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        url = _URL.match(line)
        if url and sources and sources[-1].url is None:
            last = sources[-1]
            sources[-1] = Source(last.n, last.title, last.outlet, url.group(1))
            continue
        item = _SOURCE_ITEM.match(line)
        if item:
            sources.append(parse_source(int(item.group(1)), item.group(2)))
    return sources


def parse_source(n: int, text: str) -> Source:
    url = None
    link = re.search(r"\[([^\]]+)\]\((\S+?)\)", text)
    if link:
        url = link.group(2)
        text = (text[: link.start()] + link.group(1) + text[link.end() :]).strip()
    else:
        tail = re.search(r"\s(https?://\S+)$", text)
        if tail:
            url = tail.group(1)
            text = text[: tail.start()].strip()
    outlet = None
    m = _OUTLET.search(" " + text)
    if m:
        outlet = m.group(1).strip()
        text = (" " + text)[: m.start()].strip()
    return Source(n=n, title=text, outlet=outlet, url=url)


def outer_quote_end(text: str) -> int | None:
    """Index of the mark closing the quote that opens ``text``, or None if unclosed.

    Quotes of the same kind nested inside are skipped; ``-1`` if text does not start with a quote.
    """
    if not text or text[0] not in QUOTE_PAIRS:
        return -1
    opener = text[0]
    closer = QUOTE_PAIRS[opener]
    depth = 0
    for i, ch in enumerate(text):
        if opener == closer and ch == opener:
            if i == 0 or (i < len(text) - 1 and (text[i - 1].isspace() or text[i - 1] in "([{")):
                depth += 1
            else:
                depth -= 1
        elif ch == opener:
            depth += 1
        elif ch == closer:
            depth -= 1
        if depth == 0:
            return i
    return None


def blocks_from_paragraphs(paras: list[tuple[str, int]], path: Path) -> list[Block]:
    """Turn (text, line number) paragraphs into blocks, flagging whole-paragraph quotes."""
    blocks: list[Block] = []
    i = 0
    while i < len(paras):
        text = paras[i][0].strip()
        end = outer_quote_end(text)
        if end is None:
            # A quote spanning several paragraphs: continue until it closes.
            parts = [text[1:].strip()]
            closer = QUOTE_PAIRS[text[0]]
            j = i + 1
            while j < len(paras):
                nxt = paras[j][0].strip()
                if nxt.startswith(text[0]) and text[0] != closer:
                    nxt = nxt[1:].lstrip()
                if nxt.endswith(closer):
                    parts.append(nxt[:-1].strip())
                    break
                parts.append(nxt)
                j += 1
            else:
                snippet = text[:20]
                raise PostError(path, f"unclosed quote at line {paras[i][1] + 1}: {snippet}…")
            blocks.extend(Block(p, quoted=True) for p in parts if p)
            i = j + 1
            continue
        if end == len(text) - 1 and end > 0:
            inner = text[1:-1].strip()
            if inner:
                blocks.append(Block(inner, quoted=True))
        else:
            blocks.append(Block(text))
        i += 1
    return blocks


def date_from_name(path: Path) -> dt.date:
    m = _DATE_PREFIX.match(unicodedata.normalize("NFC", path.stem))
    if not m:
        raise PostError(
            path, "no date: name the file YYYY-MM-DD-slug or set `date` in front matter"
        )
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError as exc:
        raise PostError(path, f"bad date in the file name ({exc})") from exc


def slug_from_name(path: Path) -> str:
    stem = unicodedata.normalize("NFC", path.stem)
    m = _DATE_PREFIX.match(stem)
    slug = stem[m.end() :] if m and m.end() < len(stem) else stem
    return slug.lower()
