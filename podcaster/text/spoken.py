"""Only the post is spoken: a guard on the script, and what each line of a post becomes.

Before anything is synthesised every cue is checked for things that are never a post's
words (``NEVER_SPOKEN``, one row per kind): a URL or e-mail address, leftover markup, a
byline or date line, a line of page furniture, and after the sign-off a line that looks like
an item of a source list. The readers place such lines where they belong (a source list, a
page's furniture); one that reaches the script was not placed, and the post fails with an
error naming the file, the line and what it looks like, instead of being read aloud.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from podcaster.errors import PostError
from podcaster.model import Cue, Post, Segment
from podcaster.text import page
from podcaster.text.readers.sources import (
    label_line,
    list_item,
    looks_like_source,
    source_like,
    url_of_line,
)

log = logging.getLogger(__name__)

_URL = re.compile(r"\b(?:https?|ftp)://\S+|\bwww\.[a-z0-9-]+\.[a-z]{2,}\S*", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b", re.IGNORECASE)
_MARKUP = re.compile(
    r"\]\(|\]\[|</?(?:p|br|div|span|a|img|li|ul|ol|h[1-6]|strong|em|b|i|blockquote|figure|"
    r"table|tr|td|script|style)\b[^<>]*>|&(?:nbsp|amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);",
    re.IGNORECASE)
_DATE = r"\d{4}\s*[.\-/년]\s*\d{1,2}\s*[.\-/월]\s*\d{1,2}\s*[.일]?"
_TIME = r"(?:오전|오후|AM|PM)?\s*\d{1,2}:\d{2}(?::\d{2})?"
_BYLINE = re.compile(
    rf"^\s*(?:(?:by|posted\s+by|written\s+by|작성자|글쓴이|글)\s*[:：]?\s*[^\s,·|]{{1,20}}\s*[,·|]?\s*)?"
    rf"(?:{_DATE}\s*(?:\([월화수목금토일]\))?\s*(?:{_TIME})?|{_TIME})?\s*$",
    re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>?")
_BY_ONLY = re.compile(r"^\s*(?:by|posted\s+by|written\s+by|작성자|글쓴이)\s*[:：]?\s*\S+\s*$",
                      re.IGNORECASE)


# Lines pasted with an article or a blog post, never its words (each at most a short line).
_HASHTAGS = re.compile(r"^\s*(?:#[^\s#]+\s*)+$")
_NOTICE = re.compile(
    r"[©ⓒ]|\bcopyright\b|\ball rights reserved\b|저작권자\s*\(c\)|"
    r"무단\s*전재\s*(?:및|와|,|-|·)?\s*재배포\s*금지", re.IGNORECASE)
_CREDIT = re.compile(r"^\s*[\[(<]?\s*(?:사진|그래픽|자료|영상|이미지|일러스트)\s*(?:제공)?\s*=")
_POINTER = re.compile(r"^\s*[▶►▷☞]\s*.*(?:관련\s*기사|더\s*보기|바로\s*가기|원문)")
_SHORT = 120


def _short(pattern: re.Pattern) -> Callable[[str], bool]:
    return lambda text: len(text) <= _SHORT and bool(pattern.search(text))


def _byline(text: str) -> bool:
    return bool(re.search(r"\d", text) and _BYLINE.match(text)) or bool(_BY_ONLY.match(text))


@dataclass(frozen=True)
class NeverSpoken:
    """A kind of line that is never a post's words: how to recognise it, what to call it."""

    looks_like: str
    found: Callable[[str], bool]
    after_signoff_only: bool = False


NEVER_SPOKEN: tuple[NeverSpoken, ...] = (
    NeverSpoken("leftover markup", lambda t: bool(_MARKUP.search(t))),
    NeverSpoken("a web address", lambda t: bool(_URL.search(t))),
    NeverSpoken("an e-mail address", lambda t: bool(_EMAIL.search(t))),
    NeverSpoken("a byline or date line", _byline),
    NeverSpoken("page furniture", page.furniture_run),
    NeverSpoken("a line of hashtags", _short(_HASHTAGS)),
    NeverSpoken("a copyright or reprint notice", _short(_NOTICE)),
    NeverSpoken("a photo credit", _short(_CREDIT)),
    NeverSpoken("a related-articles pointer", _short(_POINTER)),
    NeverSpoken("an item of a source list",
                lambda t: (looks_like_source(t) or list_item(t) or label_line(t)
                           or source_like(t)),
                after_signoff_only=True),
)


@dataclass(frozen=True)
class Unplaced:
    """A line of the post that would be spoken but is never a post's words."""

    line: int  # 1-based line of the file, 0 when unknown
    text: str
    looks_like: str
    part: str  # what the script would have spoken it as

    def message(self) -> str:
        where = f"line {self.line}" if self.line else f"the {self.part}"
        snippet = self.text if len(self.text) <= 50 else self.text[:49] + "…"
        return (f"{where} looks like {self.looks_like}, not part of the post, and would be "
                f"read aloud as {_SPOKEN_AS.get(self.part, self.part)}: {snippet!r}; move it "
                "into the source list or remove it")


# How a part of the post is named in a message.
_SPOKEN_AS = {"greeting": "the greeting", "signoff": "the sign-off", "title": "the title"}


def unplaced_lines(post: Post, segments: list[Segment]) -> list[Unplaced]:
    """The post's spoken paragraphs (and title) that look like something never spoken."""
    found = []
    for line, text, part, after_signoff in _spoken_paragraphs(post, segments):
        for kind in NEVER_SPOKEN:
            if kind.after_signoff_only and not after_signoff:
                continue
            if kind.found(text):
                found.append(Unplaced(line, text, kind.looks_like, part))
                break
    return found


def check_spoken(post: Post, segments: list[Segment], cues: list[Cue]) -> None:
    """Raise PostError naming the first line (of the title and the paragraphs, which the
    cues say sentence by sentence) that is never a post's words, or an announcement that
    would read out an address or markup as an outlet's name."""
    problems = unplaced_lines(post, segments)
    if problems:
        raise PostError(post.path, problems[0].message())
    for cue in cues:
        if not cue.is_sound and cue.kind == "announcement" and (
                _URL.search(cue.text) or _MARKUP.search(cue.text)):
            raise PostError(post.path, f"an outlet's name would be read aloud as "
                                       f"{cue.text!r}; fix the source list")


def _spoken_paragraphs(post: Post, segments: list[Segment]):
    """(line, text, part, after the sign-off's first paragraph) of the title and each
    paragraph the segments hold, in order (they hold the post's blocks, in order)."""
    yield 0, post.title, "title", False
    k = 0
    for segment in segments:
        for j, text in enumerate(segment.paragraphs):
            block = post.blocks[k] if k < len(post.blocks) else None
            line = block.line if block is not None and block.text == text else 0
            part = "a quote" if segment.kind == "article" else segment.kind
            yield line, text, part, segment.kind == "signoff" and j > 0
            k += 1


def line_roles(post: Post, segments: list[Segment], text: str | None = None):
    """What each line of the post becomes: ``(line, role, text)`` in line order. Roles:
    title, greeting, quote, commentary, signoff, "source N", "not read". With the post's
    ``text`` (plain text and Markdown) every non-blank line is listed; lines inside a
    paragraph take its role."""
    roles: dict[int, tuple[str, str]] = {}
    problems = {(p.line, p.text): p for p in unplaced_lines(post, segments)}
    for line, para, part, _ in _spoken_paragraphs(post, segments):
        if line:
            bad = problems.get((line, para))
            role = part.replace("a quote", "quote")
            roles[line] = (f"{role} — NOT THE POST: {bad.looks_like}" if bad else role, para)
    for source in post.sources:
        if source.line:
            outlet = f", {source.outlet}" if source.outlet else ", no outlet"
            origin = " (from the address)" if source.outlet_from == "address" else ""
            roles[source.line] = (f"source {source.n}{outlet}{origin}", source.title)
    if text is None:
        return [(line, *roles[line]) for line in sorted(roles)]
    out = []
    current = source = None
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            current = None
            continue
        if number in roles:
            role = roles[number][0]
            current = role if not role.startswith("source") else None
            source = role.split(",")[0] if role.startswith("source") else None
        elif source is not None and url_of_line(raw):
            role = f"{source}, its link"
        elif raw.strip() == post.title or raw.strip().lstrip("# ").strip() == post.title:
            role = "title"
        elif current is not None:
            role = current
        elif label_line(raw):
            role = "not read: the source list's label"
        else:
            role = "not read"
        out.append((number, role, raw.strip()))
    return out


def source_warnings(post: Post, segments: list[Segment]) -> list[str]:
    """What will happen to the post's sources, for the author: each announced article whose
    source has no outlet, once, naming the source's line. (A post without sources is
    attribution's warning, completed by ``no_sources_message``.)"""
    warnings = []
    announced = {s.source.n: s.source for s in segments if s.kind == "article" and s.source}
    for n, source in sorted(announced.items()):
        if not source.outlet:
            where = f"line {source.line}: " if source.line else ""
            warnings.append(f"{where}source {n} has no outlet; its article is announced "
                            "without one (write it in the list, e.g. '1. 제목 -언론사-')")
    return warnings


def no_sources_message(post: Post, segments: list[Segment], message: str) -> tuple[str, int]:
    """``message`` (the post lists no sources) completed with what happened after the
    sign-off: the lines left unread, named, or that nothing was; and the first such line
    (0 when none)."""
    after = "the sign-off" if any(s.kind == "signoff" for s in segments) else "the last paragraph"
    unread = _unread_after_signoff(post, segments)
    if not unread:
        return f"{message}; nothing after {after} was left unread", 0
    numbers = [n for n, _ in unread]
    lines = f"line {numbers[0]}" if len(numbers) == 1 else "lines " + ", ".join(
        map(str, numbers[:5])) + (f" and {len(numbers) - 5} more" if len(numbers) > 5 else "")
    were = "was" if len(numbers) == 1 else "were"
    return (f"{message}; {lines} after {after} {were} left unread ({unread[0][1][:40]!r}): "
            "is it a source list in a form podcaster does not know?", numbers[0])


def _unread_after_signoff(post: Post, segments: list[Segment]) -> list[tuple[int, str]]:
    """The post's lines after the sign-off's first line (or after its last spoken paragraph
    when it has no sign-off) that the reader left out: neither spoken nor a source."""
    from podcaster.text.read import decode

    try:
        text = decode(post.raw, post.path) if post.raw else ""
    except PostError:
        return []
    spoken = [ln for ln, _, part, _ in _spoken_paragraphs(post, segments) if part != "title"]
    signoff = [ln for ln, _, part, _ in _spoken_paragraphs(post, segments) if part == "signoff"]
    after = signoff[0] if signoff else (spoken[-1] if spoken else 0)
    if not text or not after:
        return []
    unread = [(n, t) for n, role, t in line_roles(post, segments, text)
              if n > after and role == "not read"]
    if post.path.suffix.lower() in (".html", ".htm"):  # a page: its words, not its markup
        words = ((n, html.unescape(_TAG.sub(" ", t)).strip()) for n, t in unread)
        unread = [(n, t) for n, t in words
                  if t and not page.furniture_run(t) and not _byline(t)]
    return unread
