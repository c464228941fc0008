"""The transcripts and chapters ``podcaster check`` reads, from both sides: a file just inside
each rule passes, one just outside gives the line the author reads."""

from __future__ import annotations

import json

import pytest

from podcaster.check.files import (
    TRANSCRIPT_FORMATS,
    validate_chapters,
    validate_json_transcript,
    validate_timed_text,
)


def vtt(*cues: str, head: str = "WEBVTT") -> bytes:
    return (head + "\n\n" + "\n\n".join(cues) + "\n").encode("utf-8")


def srt(*cues: str) -> bytes:
    return ("\n\n".join(cues) + "\n").encode("utf-8")


@pytest.mark.parametrize(("data", "duration", "error"), [
    (vtt("00:00.000 --> 00:02.500\n안녕하세요."), 10.0, None),
    (vtt("01:00:00.000 --> 01:00:02.000\n한 시간 뒤."), 3603.0, None),
    (vtt("00:00.000 --> 00:02.000\n첫째.", "00:02.000 --> 00:03.000\n둘째."), None, None),
    (vtt("00:01.000 --> 00:01.000\n순간."), 2.0, None),  # ends as it starts: allowed
    (vtt("NOTE 설명입니다", "00:00.000 --> 00:01.000\n말."), 2.0, None),
    (vtt("STYLE\n::cue {}", "REGION\nid:a", "00:00.000 --> 00:01.000\n말."), 2.0, None),
    (vtt("intro\n00:00.000 --> 00:01.000 align:start\n말."), 2.0, None),  # cue id, settings
    ("\ufeffWEBVTT\r\n\r\n00:00.000 --> 00:01.000\r\n말.\r\n".encode(), 2.0, None),
    (vtt("00:00.000 --> 00:01.000\n말.", head="WEBVTT - 바다 라디오"), 2.0, None),
    (vtt("00:00.000 --> 00:01.000\n말.", head="WEBVTTX"), 2.0,
     'WebVTT file does not start with "WEBVTT"'),
    (vtt("00:00.000 --> 00:01.000\n말.", head="WEBVTT\u00a0바다"), 2.0,
     'WebVTT file does not start with "WEBVTT"'),  # a space or a tab, no other
    (vtt("00:00.000 --> 00:01.000\n말.", head="WEBVTT\nKind: captions"), 2.0, None),
    (vtt("NOTE\t탭 뒤의 설명", "00:00.000 --> 00:01.000\n말."), 2.0, None),
    (vtt("NOTES 설명", "00:00.000 --> 00:01.000\n말."), 2.0,
     "cue without a timing line: 'NOTES 설명'"),
    (vtt("가" * 41), 2.0, f"cue without a timing line: {'가' * 40!r}"),
    (b"", 2.0, 'WebVTT file does not start with "WEBVTT"'),
    (vtt(), 2.0, "transcript has no cues"),
    (vtt("NOTE only"), 2.0, "transcript has no cues"),
    (b"\xff\xfe", 2.0, "transcript is not UTF-8 text"),
    (vtt("그냥 글입니다"), 2.0, "cue without a timing line: '그냥 글입니다'"),
    (vtt("00:00.000 -> 00:01.000\n말."), 2.0, "cue without a timing line: '00:00.000 -> "
                                              "00:01.000'"),
    (vtt("00:00.000 -->\n말."), 2.0, "bad timing line: '00:00.000 -->'"),
    (vtt("00:00.000 --x 00:01.000 -->\n말."), 2.0,
     "bad timing line: '00:00.000 --x 00:01.000 -->'"),
    (vtt("00:00.000 --> 00:61.000\n말."), 99.0, "bad timestamp in: '00:00.000 --> 00:61.000'"),
    (vtt("0:00.000 --> 00:01.000\n말."), 2.0, "bad timestamp in: '0:00.000 --> 00:01.000'"),
    (vtt("00:00,000 --> 00:01.000\n말."), 2.0, "bad timestamp in: '00:00,000 --> 00:01.000'"),
    (vtt("1234567:00:00.000 --> 1234567:00:01.000\n말."), None,
     "bad timestamp in: '1234567:00:00.000 --> 1234567:00:01.000'"),
    (vtt("00:02.000 --> 00:01.000\n말."), 5.0, "cue ends before it starts: '00:02.000 --> "
                                               "00:01.000'"),
    (vtt("00:02.000 --> 00:03.000\n둘.", "00:01.000 --> 00:04.000\n하나."), 5.0,
     "cues are not in time order at 00:01.000"),
    (vtt("00:00.000 --> 00:11.000\n말."), 10.0, None),  # within the second of slack
    (vtt("00:00.000 --> 00:11.001\n말."), 10.0,
     "cue 00:00.000 --> 00:11.001 ends after the audio (10.0 s)"),
    (vtt("00:00.000 --> 00:01.000\n  "), 2.0, "cue 00:00.000 has no text"),
    (vtt("00:00.000 --> 00:01.000"), 2.0, "cue 00:00.000 has no text"),
])
def test_webvtt_from_both_sides(data, duration, error):
    assert validate_timed_text(data, "vtt", duration) == error


@pytest.mark.parametrize(("data", "duration", "error"), [
    (srt("1\n00:00:00,000 --> 00:00:02,000\n안녕하세요."), 5.0, None),
    (srt("1\n00:00:00,000 --> 00:00:02,000\n첫째.", "2\n00:00:02,000 --> 00:00:04,000\n둘째."),
     5.0, None),
    (srt("00:00:00,000 --> 00:00:02,000\n번호 없음."), 5.0,
     "SubRip cue must be a number, then the timing line: '00:00:00,000 --> 00:00:02,000'"),
    (srt("하나\n00:00:00,000 --> 00:00:02,000\n말."), 5.0,
     "SubRip cue must be a number, then the timing line: '하나'"),
    (srt("가" * 41 + "\n00:00:00,000 --> 00:00:02,000\n말."), 5.0,
     f"SubRip cue must be a number, then the timing line: {'가' * 40!r}"),
    (srt("1\n2\n00:00:00,000 --> 00:00:02,000\n말."), 5.0,
     "SubRip cue must be a number, then the timing line: '1'"),
    (srt("1\n00:00:00.000 --> 00:00:02.000\n말."), 5.0,
     "bad timestamp in: '00:00:00.000 --> 00:00:02.000'"),
    (srt("1\n00:00,000 --> 00:02,000\n말."), 5.0, "bad timestamp in: '00:00,000 --> 00:02,000'"),
    (srt("1\n00:00:00,000 --> 00:00:06,001\n말."), 5.0,
     "cue 00:00:00,000 --> 00:00:06,001 ends after the audio (5.0 s)"),
    (srt("1\n00:00:00,000 --> 00:00:06,000\n말."), 5.0, None),
    (b"", 5.0, "transcript has no cues"),
])
def test_subrip_from_both_sides(data, duration, error):
    assert validate_timed_text(data, "srt", duration) == error


def test_a_webvtt_file_is_no_subrip_file_and_back():
    assert validate_timed_text(vtt("00:00.000 --> 00:01.000\n말."), "srt", None) is not None
    assert validate_timed_text(srt("1\n00:00:00,000 --> 00:00:01,000\n말."), "vtt", None) == (
        'WebVTT file does not start with "WEBVTT"')


def transcript(*segments) -> bytes:
    return json.dumps({"version": "1.0.0", "segments": list(segments)}).encode("utf-8")


def seg(start, end, body="말."):
    return {"startTime": start, "endTime": end, "body": body}


@pytest.mark.parametrize(("data", "duration", "error"), [
    (transcript(seg(0, 1.5), seg(1.5, 3)), 3.0, None),
    (transcript(seg(0, 4.0)), 3.0, None),  # within the second of slack
    (transcript(seg(2, 2)), None, None),
    (transcript(seg(0, 4.01)), 3.0, "segment 1 ends after the audio (4.01 > 3.0 s)"),
    (transcript(seg(0, 1), seg(2, 1)), 3.0, "segment 2 (2-1) is out of order"),
    (transcript(seg(1, 2), seg(0.5, 2)), 3.0, "segment 2 (0.5-2) is out of order"),
    (transcript(seg(0, 1, body=3)), 3.0, "segment 1 has no body text"),
    (transcript({"startTime": 0, "endTime": 1}), 3.0, "segment 1 has no body text"),
    (transcript("말"), 3.0, "segment 1 has no body text"),
    (transcript(seg("0", 1)), 3.0, "segment 1 needs numeric startTime and endTime"),
    (transcript(seg(0, True)), 3.0, "segment 1 needs numeric startTime and endTime"),
    (transcript(seg(False, 1)), 3.0, "segment 1 needs numeric startTime and endTime"),
    (transcript(seg(0, None)), 3.0, "segment 1 needs numeric startTime and endTime"),
    (transcript(), 3.0, 'JSON transcript needs a non-empty "segments" list'),
    (json.dumps({"segments": {}}).encode(), 3.0, 'JSON transcript needs a non-empty "segments" '
                                                 'list'),
    (json.dumps([seg(0, 1)]).encode(), 3.0, 'JSON transcript needs a non-empty "segments" list'),
])
def test_json_transcripts_from_both_sides(data, duration, error):
    assert validate_json_transcript(data, duration) == error


@pytest.mark.parametrize("data", [b"{", b"\xff"])
def test_a_json_transcript_that_is_no_json(data):
    assert validate_json_transcript(data, None).startswith("transcript is not JSON: ")


def chapters(*items, version="1.2.0") -> bytes:
    doc = {"chapters": list(items)}
    if version is not None:
        doc["version"] = version
    return json.dumps(doc).encode("utf-8")


@pytest.mark.parametrize(("data", "duration", "error"), [
    (chapters({"startTime": 0, "title": "인사"}, {"startTime": 12.5}), 20.0, None),
    (chapters({"startTime": 0}, {"startTime": 0}), 20.0, None),
    (chapters({"startTime": 21.0}), 20.0, None),  # within the second of slack
    (chapters({"startTime": 21.01}), 20.0, "chapter 1 starts after the audio ends (21.01 > "
                                           "20.0 s)"),
    (chapters({"startTime": 5}, {"startTime": 4.9}), 20.0, "chapter 2 starts before chapter 1"),
    (chapters({"startTime": -0.1}), 20.0, "chapter 1 has no valid startTime"),
    (chapters({"startTime": True}), 20.0, "chapter 1 has no valid startTime"),
    (chapters({"startTime": "0"}), 20.0, "chapter 1 has no valid startTime"),
    (chapters({"title": "시작"}), 20.0, "chapter 1 has no valid startTime"),
    (chapters("시작"), 20.0, "chapter 1 has no valid startTime"),
    (chapters({"startTime": 0, "title": 3}), 20.0, "chapter 1 title is not a string"),
    (chapters({"startTime": 0, "url": "https://example.net/a", "img": "https://example.net/b.png"}),
     20.0, None),
    (chapters({"startTime": 0, "url": "/a"}), 20.0, "chapter 1 url is not an absolute URL: '/a'"),
    (chapters({"startTime": 0, "img": "b.png"}), 20.0,
     "chapter 1 img is not an absolute URL: 'b.png'"),
    (chapters(), 20.0, 'chapters file needs a non-empty "chapters" list'),
    (json.dumps({"version": "1.2.0", "chapters": {}}).encode(), 20.0,
     'chapters file needs a non-empty "chapters" list'),
    (chapters({"startTime": 0}, version=None), 20.0, 'chapters file needs a "version" string'),
    (chapters({"startTime": 0}, version=1.2), 20.0, 'chapters file needs a "version" string'),
    (json.dumps([]).encode(), 20.0, 'chapters file needs a "version" string'),
    (chapters({"startTime": 999}), None, None),
])
def test_chapters_from_both_sides(data, duration, error):
    assert validate_chapters(data, duration) == error


@pytest.mark.parametrize("data", [b"{", b"\xff"])
def test_a_chapters_file_that_is_no_json(data):
    assert validate_chapters(data, None).startswith("chapters file is not JSON: ")


def test_the_transcript_types_and_their_files():
    assert TRANSCRIPT_FORMATS == {"text/vtt": "vtt", "application/x-subrip": "srt",
                                  "application/srt": "srt", "application/json": "json"}


@pytest.mark.parametrize(("end", "duration", "inside"), [
    ("01:00:01.000", 3600.0, True), ("01:00:01.001", 3600.0, False),  # hours of 3600 s
    ("01:01.000", 60.0, True), ("01:01.001", 60.0, False),  # minutes of 60 s
    ("01:01:00.000", 3659.0, True), ("01:01:00.001", 3659.0, False),  # hours and minutes
    ("00:02.999", 1.9985, False), ("00:02.998", 1.9985, True),  # thousandths of a second
])
def test_cue_times_are_read_to_the_millisecond(end, duration, inside):
    error = validate_timed_text(vtt(f"00:00.000 --> {end}\n말."), "vtt", duration)
    assert error == (None if inside else
                     f"cue 00:00.000 --> {end} ends after the audio ({duration:.1f} s)")
    h, m, s = ("0:" + end if end.count(":") == 1 else end).split(":")
    srt_end = f"{int(h):02d}:{m}:{s.replace('.', ',')}"
    error = validate_timed_text(srt(f"1\n00:00:00,000 --> {srt_end}\n말."), "srt", duration)
    assert (error is None) is inside


def test_only_a_byte_order_mark_is_taken_off_the_start():
    assert validate_timed_text(b"XWEBVTT\n\n00:00.000 --> 00:01.000\n" + "말.".encode(),
                               "vtt", None) == 'WebVTT file does not start with "WEBVTT"'
