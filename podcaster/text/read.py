"""Read a post file into a ``Post``: title, date, slug, paragraphs, sources and metadata.

The reader is chosen by the file's extension (see ``podcaster.text.readers``). The encoding is
detected: UTF-8 (with or without BOM), UTF-16 with BOM, else CP949 (a superset of EUC-KR).

Slugs name the episode's files and URL, so they are limited to lowercase ASCII letters,
digits, Hangul syllables, ``-`` and ``_``, starting with a letter, digit or syllable. A slug
taken from the file name is lowercased first (file names are NFC-normalised, as macOS
stores them decomposed).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
import unicodedata
from pathlib import Path

from podcaster.errors import PodcasterError, PostError
from podcaster.model import Post, Source
from podcaster.text.readers import READERS, ParsedPost, reader_for
from podcaster.text.readers.paragraphs import blocks_from_paragraphs
from podcaster.values import bad_character, remove_invisible, web_url

log = logging.getLogger(__name__)

_DATE_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?=$|[-_ .])[-_ .]*")
_SLUG = re.compile(r"^[a-z0-9\uac00-\ud7a3][a-z0-9\uac00-\ud7a3_-]*$")
MAX_SLUG_LENGTH = 120
SLUG_CHARACTERS = "lowercase a-z, digits, Hangul, '-' and '_'"
NAMING_RULE = (f"name the file YYYY-MM-DD-slug.txt (or .md, .html), the slug made of "
               f"{SLUG_CHARACTERS}, or set 'slug' in the front matter")
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_ALLOWED = "\t\n\r\f\v\x85"


def readable_extensions() -> str:
    """The extensions a reader knows, for messages: ".htm, .html, .markdown, .md, .txt"."""
    return ", ".join(sorted(READERS))


def find_posts(posts_dir: Path) -> list[Path]:
    """The post files of a project (a reader knows their extension), in name order; hidden
    files are ignored, any other file is skipped with a warning naming it. Raises
    PodcasterError if the folder is missing."""
    if not posts_dir.is_dir():
        raise PodcasterError(f"{posts_dir}: posts folder not found")
    posts = []
    for path in sorted(posts_dir.iterdir()):
        if not path.is_file() or path.name.startswith("."):
            continue
        if reader_for(path):
            posts.append(path)
        else:
            log.warning("%s: skipped, not a post: posts are %s files", path,
                        readable_extensions())
    return posts


def read_post(path: Path, inside: tuple[Path, ...] = ()) -> Post:
    """Read the post at ``path``.

    Raises PostError (naming the file and the problem) for an unknown extension, an empty,
    binary or undecodable file, a post without body or date, an unclosed quote, an unsafe
    slug, invalid front matter or nesting too deep to read; and, when folders are given in
    ``inside``, for a symbolic link that leads out of all of them (a post linked to
    ``/etc/passwd`` is not published).
    """
    path = Path(path)
    if inside:
        check_inside(path, inside)
    reader = reader_for(path)
    if reader is None:
        raise PostError(path, f"unsupported file type '{path.suffix}' "
                              f"(readable: {readable_extensions()})")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PostError(path, f"cannot read the file: {exc.strerror or exc}") from exc
    text = without_invisible(decode(raw, path), path)
    try:
        parsed = reader.parse(text, path)
        blocks = blocks_from_paragraphs(parsed.paragraphs, path)
    except RecursionError:  # thousands of tags, lists or front-matter brackets inside each other
        raise PostError(path, "nested too deeply to read (tags, lists or brackets inside each "
                              "other thousands of times)") from None
    if not blocks:
        raise PostError(path, "the post has a title but no body")
    meta = parsed.meta
    post = Post(
        path=path,
        title=parsed.title,
        date=post_date(meta, path),
        slug=post_slug(meta, path),
        blocks=blocks,
        sources=web_sources(parsed.sources, text, path),
        draft=_draft(meta, path),
        description=_description(meta, path),
        raw=raw,
    )
    check_characters(post)
    post = invisible_removed(post)
    log.debug(
        "read %s: %d paragraphs (%d quoted), %d sources",
        path, len(blocks), sum(b.quoted for b in blocks), len(post.sources),
    )  # fmt: skip
    return post


def web_sources(sources: list[Source], text: str, path: Path) -> list[Source]:
    """``sources`` with every link that is not http(s) dropped, each with a warning naming
    the post and the line: ``javascript:``, ``data:`` and the like are never published."""
    kept = []
    for source in sources:
        if source.url is not None and web_url(source.url) is None:
            # the link's own line: searched from its item's line, as the same link may be
            # listed twice
            start = sum(map(len, text.splitlines(keepends=True)[:max(source.line - 1, 0)]))
            at = text.find(source.url, start)
            at = text.find(source.url) if at < 0 else at
            # a link not written word for word ("&amp;", "<a b>" read as "a%20b"): its item's line
            line = text.count("\n", 0, at) + 1 if at >= 0 else source.line
            log.warning("%s: line %d: source %d: link %r dropped (only http and https links "
                        "are published)", path, line, source.n, source.url[:80])
            source = dataclasses.replace(source, url=None)
        elif source.url is not None:
            source = dataclasses.replace(source, url=web_url(source.url))
        kept.append(source)
    return kept


def check_inside(path: Path, folders: tuple[Path, ...]) -> None:
    """Raise PostError when ``path``, links followed, is in none of ``folders``."""
    target = path.resolve()
    if not any(target.is_relative_to(Path(f).resolve()) for f in folders):
        raise PostError(path, f"is a link to {target}, outside the project; "
                              "copy the post into posts/ instead")


def check_characters(post: Post) -> None:
    """Raise PostError naming the field when a text of the post (front matter and entities
    included) holds a character the feed, tags or JSON cannot carry."""
    fields = [("title", post.title), ("description", post.description or "")]
    fields += [(f"paragraph {n}", b.text) for n, b in enumerate(post.blocks, start=1)]
    for source in post.sources:
        fields += [(f"source {source.n} title", source.title),
                   (f"source {source.n} outlet", source.outlet or ""),
                   (f"source {source.n} URL", source.url or "")]
    for name, text in fields:
        bad = bad_character(text)
        if bad:
            raise PostError(post.path, f"the {name} contains {bad}")


def without_invisible(text: str, path: Path) -> str:
    """``text`` without the invisible characters (zero-width space, direction marks, line
    and paragraph separators, byte-order marks, tag characters: ``values.remove_invisible``),
    with one warning naming the post and the lines they were on. They show as nothing, so a
    title or paragraph holding them would be published, sorted and matched as other text than
    the author sees; text pasted from web pages often carries them."""
    lines = text.split("\n")
    found: list[int] = []
    first = None
    for n, line in enumerate(lines):
        clean, removed = remove_invisible(line)
        if removed:
            lines[n] = clean
            found.append(n + 1)
            first = first or removed
    if not found:
        return text
    shown = ", ".join(map(str, found[:10])) + (", …" if len(found) > 10 else "")
    log.warning("%s: line%s %s: removed invisible characters (the first %s): they would be "
                "published as other text than the post shows", path,
                "s" if len(found) > 1 else "", shown, first)
    return "\n".join(lines)


def invisible_removed(post: Post) -> Post:
    """``post`` with the invisible characters that character references or front-matter
    escapes (``&#8203;``, ``"\\u200b"``) put into its texts removed, with a warning naming
    the post and the field."""
    def clean(name: str, text: str) -> str:
        text, removed = remove_invisible(text)
        if removed:
            log.warning("%s: the %s: removed invisible characters (the first %s): they would "
                        "be published as other text than the post shows", post.path, name,
                        removed)
        return text

    blocks = [dataclasses.replace(b, text=clean(f"paragraph {n}", b.text))
              for n, b in enumerate(post.blocks, start=1)]
    blocks = [b for b in blocks if b.text.strip()]
    title = clean("title", post.title)
    if not title.strip() or not blocks:
        raise PostError(post.path, f"the {'title' if blocks else 'body'} is only invisible "
                                   "characters")
    sources = [dataclasses.replace(
        s, title=clean(f"source {s.n} title", s.title),
        outlet=clean(f"source {s.n} outlet", s.outlet) if s.outlet else s.outlet,
        url=clean(f"source {s.n} URL", s.url) if s.url else s.url) for s in post.sources]
    description = (clean("description", post.description) or None) if post.description \
        else None
    return dataclasses.replace(post, title=title, blocks=blocks,
                               sources=sources, description=description)


def decode(raw: bytes, path: Path) -> str:
    """The file's text with LF line ends, NFC-normalised; raises PostError if it is not text."""
    encoding = None
    for bom, name in _BOMS:
        if raw.startswith(bom):
            raw, encoding = raw[len(bom) :], name
            break
    if not raw.strip():
        raise PostError(path, "the file is empty")
    if encoding is None and b"\x00" in raw:
        raise PostError(path, "the file is binary, not a text post")
    candidates = [encoding] if encoding else ["utf-8", "cp949"]
    for name in candidates:
        try:
            text = raw.decode(name)
        except UnicodeDecodeError:
            continue
        log.debug("%s: decoded as %s", path, name)
        break
    else:
        raise PostError(path, "cannot decode the text: it is neither UTF-8 nor CP949/EUC-KR")
    text = text.rstrip("\x1a")  # DOS end-of-file mark
    bad = next((ch for ch in text if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED), None)
    if bad is not None:
        raise PostError(path, f"the file is binary, not a text post (control character {bad!r})")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise PostError(path, "the file is empty")
    return unicodedata.normalize("NFC", text)


# The years a post may be dated in: feeds and podcast apps handle dates from the Unix epoch
# (before it, time zones give historical offsets such as +08:27:52) to the last four-digit year.
YEARS = (1970, 9999)


def post_date(meta: dict, path: Path) -> dt.date:
    """The date from front matter ``date``, else from a ``YYYY-MM-DD`` file-name prefix.
    Raises PostError for a date that is not one, or is outside ``YEARS``."""
    date = _written_date(meta, path)
    if not YEARS[0] <= date.year <= YEARS[1]:
        raise PostError(path, f"date {date.isoformat()} is out of range: a post's date must "
                              f"be in the years {YEARS[0]}–{YEARS[1]}")
    return date


def _written_date(meta: dict, path: Path) -> dt.date:
    value = meta.get("date")
    if value is not None:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            raise PostError(path, f"date '{value}' is not a date (use YYYY-MM-DD)") from None
    m = _DATE_PREFIX.match(_stem(path))
    if not m:
        raise PostError(
            path, "no date: start the file name with YYYY-MM-DD or set 'date' in front matter"
        )
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError as exc:
        raise PostError(path, f"the file name's date is not a real date ({exc})") from None


def post_slug(meta: dict, path: Path) -> str:
    """The slug from front matter ``slug``, else the file name without date and extension."""
    value = meta.get("slug")
    if value is not None:
        slug = unicodedata.normalize("NFC", str(value).strip())
    else:
        stem = _stem(path)
        m = _DATE_PREFIX.match(stem)
        if m and m.end() == len(stem) and m.group(0) != m.group(0).rstrip("-_ ."):
            # "2025-10-06-.txt": a separator after the date, and no name after it.
            raise PostError(path, f"empty slug: {NAMING_RULE}")
        slug = stem[m.end() :] if m and m.end() < len(stem) else stem
        slug = slug.lower()
    check_slug(slug, path)
    return slug


def check_slug(slug: str, path: Path) -> None:
    """Raise PostError unless ``slug`` is safe as a file name and in a URL."""
    if not slug:
        raise PostError(path, f"empty slug: {NAMING_RULE}")
    if len(slug) > MAX_SLUG_LENGTH:
        raise PostError(path, f"slug longer than {MAX_SLUG_LENGTH} characters")
    if not _SLUG.match(slug):
        raise PostError(
            path,
            f"unsafe slug {slug!r}: use {SLUG_CHARACTERS} "
            "(no spaces, '/', '.', or control characters)",
        )


def _stem(path: Path) -> str:
    return unicodedata.normalize("NFC", path.stem)


def _draft(meta: dict, path: Path) -> bool:
    value = meta.get("draft", False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise PostError(path, f"'draft' must be true or false, not {value!r}")
    return value


def _description(meta: dict, path: Path) -> str | None:
    value = meta.get("description")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise PostError(path, f"'description' must be text, not {type(value).__name__}")
    return str(value).strip() or None


__all__ = ["ParsedPost", "check_slug", "decode", "post_date", "post_slug", "read_post"]
