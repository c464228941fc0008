"""Checks of the transcripts and chapters a feed item links: well-formed WebVTT, SubRip,
Podcasting 2.0 JSON transcripts and chapters, in time order, inside the audio."""

from __future__ import annotations

import re

from podcaster.check.report import Report
from podcaster.config.formats import LANGUAGE
from podcaster.files import parse_json
from podcaster.publish.feedext import CHAPTERS_TYPE
from podcaster.values import is_web_url

TIME_SLACK = 1.0  # seconds a transcript cue or chapter may reach past the audio's end
TRANSCRIPT_FORMATS = {"text/vtt": "vtt", "application/x-subrip": "srt", "application/srt": "srt",
                      "application/json": "json"}


# Hours: at most six digits (a longer figure is no time code, and not worth converting).
_VTT_TIME = re.compile(r"^(?:([0-9]{1,6}):)?([0-5][0-9]):([0-5][0-9])\.([0-9]{3})$")
_SRT_TIME = re.compile(r"^([0-9]{1,6}):([0-5][0-9]):([0-5][0-9]),([0-9]{3})$")


def check_transcript(report: Report, where: str, elem, duration: float | None) -> None:
    url, mime = elem.get("url"), elem.get("type")
    if not mime:
        report.problem(where, f"podcast:transcript {url} has no type")
    if url and is_web_url(url) and not url.startswith("https://"):
        report.problem(where, f"podcast:transcript URL must be https: {url}")
    language = elem.get("language")
    if language is not None and not LANGUAGE.match(language):
        report.problem(where, f"podcast:transcript language is not a language code: {language}")
    file = report.local_file(where, "podcast:transcript", url)
    if file is None or mime not in TRANSCRIPT_FORMATS:
        return
    fmt = TRANSCRIPT_FORMATS[mime]
    if file.suffix.lower() != f".{fmt}":
        report.problem(where, f"podcast:transcript type {mime} but the file is {file.name}")
    if fmt == "json":
        error = validate_json_transcript(file.read_bytes(), duration)
    else:
        error = validate_timed_text(file.read_bytes(), fmt, duration)
    if error:
        report.problem(report.rel(file), error)


def check_chapters(report: Report, where: str, elem, duration: float | None) -> None:
    url = elem.get("url")
    if elem.get("type") != CHAPTERS_TYPE:
        report.problem(where, f"podcast:chapters type must be {CHAPTERS_TYPE}, "
                              f"got {elem.get('type')!r}")
    if url and is_web_url(url) and not url.startswith("https://"):
        report.problem(where, f"podcast:chapters URL must be https: {url}")
    file = report.local_file(where, "podcast:chapters", url)
    if file is None:
        return
    error = validate_chapters(file.read_bytes(), duration)
    if error:
        report.problem(report.rel(file), error)


def _seconds(match: re.Match) -> float:
    h, m, s, ms = match.groups()
    return int(h or 0) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000


def validate_timed_text(data: bytes, fmt: str, duration: float | None) -> str | None:
    """None if ``data`` is a valid WebVTT (``fmt`` "vtt") or SubRip ("srt") file whose cues
    are in order and inside ``duration``; else what is wrong."""
    try:
        text = data.decode("utf-8").lstrip("\ufeff").replace("\r\n", "\n")
    except UnicodeDecodeError:
        return "transcript is not UTF-8 text"
    time_re = _VTT_TIME if fmt == "vtt" else _SRT_TIME
    blocks = [b for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    if fmt == "vtt":
        if not blocks or not re.match(r"^WEBVTT(?:[ \t].*)?$", blocks[0].split("\n")[0]):
            return 'WebVTT file does not start with "WEBVTT"'
        blocks = blocks[1:]
    cues = 0
    last_start = 0.0
    for block in blocks:
        lines = block.split("\n")
        timing = next((i for i, line in enumerate(lines) if "-->" in line), None)
        if timing is None:
            # NOTE, STYLE or REGION, then a space, a tab or the line's end (WebVTT)
            if fmt == "vtt" and re.split(r"[ \t]", lines[0])[0] in ("NOTE", "STYLE", "REGION"):
                continue
            return f"cue without a timing line: {lines[0][:40]!r}"
        if fmt == "srt" and (timing != 1 or not lines[0].strip().isdigit()):
            return f"SubRip cue must be a number, then the timing line: {lines[0][:40]!r}"
        parts = lines[timing].split()
        if len(parts) < 3 or parts[1] != "-->":
            return f"bad timing line: {lines[timing]!r}"
        start, end = time_re.match(parts[0]), time_re.match(parts[2])
        if not start or not end:
            return f"bad timestamp in: {lines[timing]!r}"
        start_s, end_s = _seconds(start), _seconds(end)
        if end_s < start_s:
            return f"cue ends before it starts: {lines[timing]!r}"
        if start_s < last_start:
            return f"cues are not in time order at {parts[0]}"
        if duration is not None and end_s > duration + TIME_SLACK:
            return f"cue {parts[0]} --> {parts[2]} ends after the audio ({duration:.1f} s)"
        if not any(line.strip() for line in lines[timing + 1 :]):
            return f"cue {parts[0]} has no text"
        last_start = start_s
        cues += 1
    if not cues:
        return "transcript has no cues"
    return None


def validate_json_transcript(data: bytes, duration: float | None) -> str | None:
    """None if ``data`` is a Podcasting 2.0 JSON transcript whose segments have a body and
    times in order inside ``duration``; else what is wrong."""
    try:
        doc = parse_json(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        return f"transcript is not JSON: {exc}"
    segments = doc.get("segments") if isinstance(doc, dict) else None
    if not isinstance(segments, list) or not segments:
        return 'JSON transcript needs a non-empty "segments" list'
    last = 0.0
    for i, segment in enumerate(segments, start=1):
        if not isinstance(segment, dict) or not isinstance(segment.get("body"), str):
            return f"segment {i} has no body text"
        start, end = segment.get("startTime"), segment.get("endTime")
        if not all(isinstance(t, (int, float)) and not isinstance(t, bool) for t in (start, end)):
            return f"segment {i} needs numeric startTime and endTime"
        if end < start or start < last:
            return f"segment {i} ({start}-{end}) is out of order"
        if duration is not None and end > duration + TIME_SLACK:
            return f"segment {i} ends after the audio ({end} > {duration:.1f} s)"
        last = start
    return None


def validate_chapters(data: bytes, duration: float | None) -> str | None:
    """None if ``data`` is a valid Podcasting 2.0 JSON chapters file whose chapters start in
    order inside ``duration``; else what is wrong."""
    try:
        doc = parse_json(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        return f"chapters file is not JSON: {exc}"
    if not isinstance(doc, dict) or not isinstance(doc.get("version"), str):
        return 'chapters file needs a "version" string'
    chapters = doc.get("chapters")
    if not isinstance(chapters, list) or not chapters:
        return 'chapters file needs a non-empty "chapters" list'
    last = -1.0
    for i, chapter in enumerate(chapters, start=1):
        start = chapter.get("startTime") if isinstance(chapter, dict) else None
        if isinstance(start, bool) or not isinstance(start, (int, float)) or start < 0:
            return f"chapter {i} has no valid startTime"
        if start < last:
            return f"chapter {i} starts before chapter {i - 1}"
        if duration is not None and start > duration + TIME_SLACK:
            return f"chapter {i} starts after the audio ends ({start} > {duration:.1f} s)"
        if "title" in chapter and not isinstance(chapter["title"], str):
            return f"chapter {i} title is not a string"
        for key in ("url", "img"):
            if key in chapter and not is_web_url(chapter[key]):
                return f"chapter {i} {key} is not an absolute URL: {chapter[key]!r}"
        last = start
    return None
