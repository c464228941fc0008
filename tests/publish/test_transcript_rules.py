"""Transcripts, each rule from both sides: who speaks (outlet, no outlet, no source, the
author), which cues are too short to show, where a line and a card break (exactly full and
one over), and the exact documents a player reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from podcaster.model import Cue, SegmentSpan, Source, TimedCue, Timeline
from podcaster.publish.transcript import (
    TranscriptCue,
    caption_cards,
    render_json,
    render_srt,
    render_text,
    render_vtt,
    transcript_cues,
    wrap,
)

AUTHOR = "별빛서재"


def said(kind: str, segment: int | None, start: float = 0.0, end: float = 1.0,
         text: str = "문장입니다.") -> TimedCue:
    return TimedCue(Cue(kind, text=text, spoken=text, segment=segment), start, end)


@pytest.mark.parametrize(("source", "speaker"), [
    (Source(1, "제목", outlet="새벽일보"), "새벽일보"),
    (Source(1, "제목", outlet=""), "기사"),  # an empty outlet is no outlet
    (Source(1, "제목"), "기사"),
    (None, "기사"),  # no source at all
])
def test_a_quote_is_spoken_by_its_outlet_or_by_the_article(source, speaker):
    spans = [SegmentSpan(0, "greeting", "인사", 0, 1), SegmentSpan(1, "article", "제목", 1, 3, source)]
    timeline = Timeline([said("greeting", 0, 0, 1), said("announcement", 1, 1, 2),
                         said("article", 1, 2, 3)], spans, 3.0)
    assert [c.speaker for c in transcript_cues(timeline, AUTHOR)] == [AUTHOR, AUTHOR, speaker]


def test_a_quote_outside_any_article_span_is_the_article_speaking():
    timeline = Timeline([said("article", 4)], [SegmentSpan(4, "commentary", "논평", 0, 1)], 1.0)
    assert [c.speaker for c in transcript_cues(timeline, AUTHOR)] == ["기사"]


@pytest.mark.parametrize(("start", "end", "shown"), [
    (2.0, 1.0, False),  # ends before it starts
    (2.0, 2.0, False),
    (2.0, 2.0004, False),  # under half a millisecond
    (2.0, 2.0006, True),  # one millisecond
    (2.0, 3.0, True),
])
def test_a_cue_is_shown_only_when_it_lasts_a_millisecond(start, end, shown):
    cues = transcript_cues(Timeline([said("greeting", 0, start, end)], [], 4.0), AUTHOR)
    assert bool(cues) is shown
    if shown:
        assert cues[0].start_ms == 2000 and cues[0].end_ms == round(end * 1000)


def test_sounds_are_not_in_the_transcript():
    sting = TimedCue(Cue("sting", text="", sound=Path("s.mp3"), segment=0), 0.0, 1.0)
    cues = transcript_cues(Timeline([sting, said("greeting", 0, 1.0, 2.0)], [], 2.0), AUTHOR)
    assert [(c.start_ms, c.segment, c.paragraph) for c in cues] == [(1000, 0, None)]


# ---- lines and cards ------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "lines"), [
    ("가나 다라", ["가나 다라"]),  # exactly the width: one line
    ("가나 다라마", ["가나", "다라마"]),  # one over: broken between the words
    ("가나다라마", ["가나다라마"]),  # a word exactly the width is kept whole
    ("가나다라마바", ["가나다라마", "바"]),  # one over: cut
    ("가 나다라마바사", ["가", "나다라마바", "사"]),  # the line before a cut word is ended
    ("가나다라마바 사", ["가나다라마", "바 사"]),  # the cut word's rest starts the next line
    ("가나다라마바사아자차 카", ["가나다라마", "바사아자차", "카"]),  # cut into full lines: go on
    ("  가   나  ", ["가 나"]),
    ("", []),
])
def test_wrap_at_the_width_and_one_over(text, lines):
    assert wrap(text, 5) == lines


def test_the_default_line_is_32_characters():
    assert wrap("가" * 32) == ["가" * 32]
    assert wrap("가" * 33) == ["가" * 32, "가"]


def cue(text: str, start: int = 0, end: int = 1000, speaker: str = AUTHOR) -> TranscriptCue:
    return TranscriptCue(start, end, speaker, text)


@pytest.mark.parametrize(("words", "cards"), [
    (2, [2]),  # two lines: one card
    (3, [2, 1]),  # three: a second card
    (4, [2, 2]),
    (5, [2, 2, 1]),
])
def test_a_card_holds_two_lines(words, cards):
    text = " ".join(["가" * 32] * words)
    assert [len(c.lines) for c in caption_cards([cue(text)])] == cards


def test_a_long_sentences_time_is_shared_by_length():
    text = " ".join(["가" * 32, "나" * 32, "다" * 16])  # 64 characters, then 16
    cards = caption_cards([cue(text, 1000, 2000)])
    assert [(c.start_ms, c.end_ms) for c in cards] == [(1000, 1800), (1800, 2000)]


@pytest.mark.parametrize(("name_speaker", "first_lines"), [
    (False, [["안녕하세요."], ["반갑습니다."], ["매장이 늘었다."], ["고맙습니다."]]),
    (True, [[f"{AUTHOR}: 안녕하세요."], ["반갑습니다."], ["새벽일보: 매장이 늘었다."],
            [f"{AUTHOR}: 고맙습니다."]]),
])
def test_a_card_names_its_speaker_only_where_the_speaker_changes(name_speaker, first_lines):
    cues = [cue("안녕하세요."), cue("반갑습니다."), cue("매장이 늘었다.", speaker="새벽일보"),
            cue("고맙습니다.")]
    cards = caption_cards(cues, name_speaker=name_speaker)
    assert [c.lines for c in cards] == first_lines
    assert [c.speaker for c in cards] == [AUTHOR, AUTHOR, "새벽일보", AUTHOR]


# ---- the documents ---------------------------------------------------------------------------


CUES = [TranscriptCue(0, 1500, AUTHOR, "안녕하세요.", 0, 0),
        TranscriptCue(3_723_004, 3_724_000, "<새벽> & 일보", "값은 <5>다.", 1, 0)]


def test_the_vtt_document():
    assert render_vtt(CUES) == (
        "WEBVTT\n\n"
        "1\n00:00:00.000 --> 00:00:01.500\n<v 별빛서재>안녕하세요.</v>\n\n"
        "2\n01:02:03.004 --> 01:02:04.000\n<v &lt;새벽&gt; &amp; 일보>값은 &lt;5&gt;다.</v>\n")


def test_the_srt_document():
    assert render_srt(CUES) == (
        "1\n00:00:00,000 --> 00:00:01,500\n별빛서재: 안녕하세요.\n\n"
        "2\n01:02:03,004 --> 01:02:04,000\n<새벽> & 일보: 값은 <5>다.\n")


def test_the_json_document():
    raw = render_json(CUES)
    assert raw.endswith(b"}\n") and "안녕하세요".encode() in raw  # UTF-8, not \\u escapes
    assert json.loads(raw) == {"version": "1.0.0", "segments": [
        {"speaker": AUTHOR, "startTime": 0.0, "endTime": 1.5, "body": "안녕하세요.",
         "language": "ko"},
        {"speaker": "<새벽> & 일보", "startTime": 3723.004, "endTime": 3724.0, "body": "값은 <5>다.",
         "language": "ko"},
    ]}
    assert json.loads(render_json([])) == {"version": "1.0.0", "segments": []}


def test_the_json_document_byte_for_byte():
    """One space per level, keys in the order of the format's documentation: the same
    episode gives the same bytes, and a diff of two builds shows one line per change."""
    assert render_json(CUES[:1]).decode("utf-8") == (
        '{\n "version": "1.0.0",\n "segments": [\n  {\n   "speaker": "별빛서재",\n'
        '   "startTime": 0.0,\n   "endTime": 1.5,\n   "body": "안녕하세요.",\n'
        '   "language": "ko"\n  }\n ]\n}\n')


@pytest.mark.parametrize(("cues", "text"), [
    # the same paragraph of the same segment: one paragraph
    ([(0, 0, AUTHOR, "가."), (0, 0, AUTHOR, "나.")], f"{AUTHOR}: 가. 나.\n"),
    # the next paragraph, same speaker: not named again
    ([(0, 0, AUTHOR, "가."), (0, 1, AUTHOR, "나.")], f"{AUTHOR}: 가.\n\n나.\n"),
    # the next segment
    ([(0, 0, AUTHOR, "가."), (1, 0, AUTHOR, "나.")], f"{AUTHOR}: 가.\n\n나.\n"),
    # another speaker in the same paragraph: a new paragraph naming them
    ([(1, 0, AUTHOR, "가."), (1, 0, "일보", "나.")], f"{AUTHOR}: 가.\n\n일보: 나.\n"),
    # a sentence outside any paragraph (the title, an announcement) stands alone
    ([(None, None, AUTHOR, "가."), (None, None, AUTHOR, "나.")], f"{AUTHOR}: 가.\n\n나.\n"),
    ([], ""),
])
def test_plain_text_paragraphs(cues, text):
    transcript = [TranscriptCue(n, n + 1, speaker, body, segment, paragraph)
                  for n, (segment, paragraph, speaker, body) in enumerate(cues)]
    assert render_text(transcript) == text


def test_a_cue_too_short_to_show_does_not_hide_the_ones_after_it():
    timeline = Timeline([said("greeting", 0, 0.0, 1.0, "첫 문장."),
                         said("greeting", 0, 1.0, 1.0, "순간."),
                         said("greeting", 0, 1.0, 2.0, "   "),
                         said("greeting", 0, 2.0, 3.0, "마지막 문장.")], [], 3.0)
    assert [c.text for c in transcript_cues(timeline, AUTHOR)] == ["첫 문장.", "마지막 문장."]


def test_a_sentence_over_three_cards_shares_its_time_by_length():
    text = " ".join(["가" * 32, "나" * 32, "다" * 32, "라" * 32, "마" * 16])  # 64, 64, 16
    cards = caption_cards([cue(text, 1000, 2440)])
    assert [(c.start_ms, c.end_ms) for c in cards] == [(1000, 1640), (1640, 2280), (2280, 2440)]


def test_card_times_are_whole_milliseconds_rounded_down():
    text = " ".join(["가" * 32, "나" * 32, "다" * 32, "라" * 32, "마" * 16])
    vtt = render_vtt([cue(text, 1000, 2001)])
    assert [block.splitlines()[1] for block in vtt.strip().split("\n\n")[1:]] == [
        "00:00:01.000 --> 00:00:01.444",  # 1001 ms * 64 / 144 = 444.9
        "00:00:01.444 --> 00:00:01.889",  # 1001 ms * 128 / 144 = 889.8
        "00:00:01.889 --> 00:00:02.001"]
