"""Transcripts from the timeline: who speaks, the text as written, WebVTT, SRT and plain text."""

from __future__ import annotations

import json
import re

import webvtt

from podcaster.model import Cue, TimedCue, Timeline
from podcaster.publish.transcript import (
    TranscriptCue,
    render_json,
    render_srt,
    render_text,
    render_vtt,
    transcript_cues,
    wrap,
)
from tests.helpers import AUTHOR, sample_timeline


def seconds(stamp: str) -> float:
    h, m, s = stamp.replace(",", ".").split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def test_every_spoken_cue_once_with_its_speaker_and_written_text():
    cues = transcript_cues(sample_timeline(), AUTHOR)
    assert [(c.speaker, c.text) for c in cues] == [
        (AUTHOR, "로봇과 전기차의 하루"),
        (AUTHOR, "안녕하세요 별빛서재입니다."),
        (AUTHOR, "오늘 소식 2개를 전합니다."),  # as written, not "두 개"
        (AUTHOR, "첫 번째 기사, 새벽일보입니다."),
        ("새벽일보", "매장이 100곳을 넘었다."),
        ("새벽일보", "가격은 <5,000원> & 그 이하다."),
        (AUTHOR, "반가운 소식입니다."),
        (AUTHOR, "두 번째 기사입니다."),
        ("기사", "충전소가 두 배로 늘었다."),  # a source without an outlet
        (AUTHOR, "전기차 시대가 옵니다."),
        (AUTHOR, "이상 별빛서재였습니다."),
    ]
    assert (cues[0].start_ms, cues[0].end_ms) == (5000, 7000)
    assert (cues[5].start_ms, cues[5].end_ms) == (20300, 22000)


def test_whitespace_is_collapsed_and_empty_or_instant_cues_dropped():
    timed = [TimedCue(Cue("greeting", text="첫 줄\n  둘째  줄", spoken="x"), 0.0, 1.0),
             TimedCue(Cue("greeting", text="   ", spoken="x"), 1.0, 2.0),
             TimedCue(Cue("greeting", text="순간", spoken="x"), 2.0, 2.0004)]
    cues = transcript_cues(Timeline(timed, [], 3.0), AUTHOR)
    assert [c.text for c in cues] == ["첫 줄 둘째 줄"]


def test_vtt_parses_with_voices_in_order():
    cues = transcript_cues(sample_timeline(), AUTHOR)
    text = render_vtt(cues)
    assert text.startswith("WEBVTT\n\n")
    parsed = webvtt.from_string(text)
    assert len(parsed) == len(cues)
    assert [c.voice for c in parsed] == [c.speaker for c in cues]
    times = [(seconds(c.start), seconds(c.end)) for c in parsed]
    assert times == [(c.start_ms / 1000, c.end_ms / 1000) for c in cues]
    for (start, end), (next_start, _) in zip(times, times[1:]):
        assert start < end <= next_start
    # markup characters in the author's text are escaped, not taken for tags
    assert "<v 새벽일보>가격은 &lt;5,000원&gt; &amp; 그 이하다.</v>" in text
    assert parsed[5].text == "가격은 &lt;5,000원&gt; &amp; 그 이하다."


def test_wrap_breaks_between_words_and_cuts_long_words():
    assert wrap("가나 다라 마바", 5) == ["가나 다라", "마바"]
    assert wrap("가" * 12, 5) == ["가" * 5, "가" * 5, "가" * 2]
    assert wrap("", 5) == []


def test_srt_cards_follow_line_limits_and_name_speaker_changes():
    long = "이 문장은 한 카드에 다 들어가지 않을 만큼 길어서 여러 카드로 나뉘어야 하며 그 시간은 글자 수에 따라 나눠 가져야 합니다."
    cues = [TranscriptCue(0, 2000, AUTHOR, "짧은 인사입니다."),
            TranscriptCue(2500, 4000, AUTHOR, "이어지는 말입니다."),
            TranscriptCue(4500, 14500, "새벽일보", long)]
    blocks = render_srt(cues).strip().split("\n\n")
    assert blocks[0].splitlines() == ["1", "00:00:00,000 --> 00:00:02,000",
                                      f"{AUTHOR}: 짧은 인사입니다."]
    assert blocks[1].splitlines()[2] == "이어지는 말입니다."  # same speaker: no name
    assert blocks[2].splitlines()[2].startswith("새벽일보: ")
    assert len(blocks) > 3  # the long sentence spans several cards
    spans = []
    for n, block in enumerate(blocks, start=1):
        number, times, *lines = block.splitlines()
        assert number == str(n)
        assert 1 <= len(lines) <= 2 and all(len(line) <= 32 for line in lines)
        start, end = (seconds(t) for t in times.split(" --> "))
        spans.append((start, end))
    long_cards = spans[2:]
    assert long_cards[0][0] == 4.5 and long_cards[-1][1] == 14.5
    for (start, end), (next_start, _) in zip(long_cards, long_cards[1:]):
        assert start < end == next_start


def test_srt_parses_with_a_real_parser(tmp_path):
    cues = transcript_cues(sample_timeline(), AUTHOR)
    path = tmp_path / "x.srt"
    path.write_text(render_srt(cues), encoding="utf-8")
    parsed = webvtt.from_srt(str(path))
    assert seconds(parsed[0].start) == 5.0
    assert seconds(parsed[-1].end) == 39.0
    assert parsed[0].text == f"{AUTHOR}: 로봇과 전기차의 하루"


def test_plain_text_has_a_paragraph_per_post_paragraph_and_names_speaker_changes():
    text = render_text(transcript_cues(sample_timeline(), AUTHOR))
    paragraphs = text.strip().split("\n\n")
    assert paragraphs[0] == f"{AUTHOR}: 로봇과 전기차의 하루"
    assert paragraphs[1] == "안녕하세요 별빛서재입니다. 오늘 소식 2개를 전합니다."
    assert paragraphs[2] == "첫 번째 기사, 새벽일보입니다."
    assert paragraphs[3] == "새벽일보: 매장이 100곳을 넘었다."
    assert paragraphs[4] == "가격은 <5,000원> & 그 이하다."
    assert paragraphs[5] == f"{AUTHOR}: 반가운 소식입니다."
    assert paragraphs[-1] == "이상 별빛서재였습니다."
    assert render_text([]) == ""


LONG = ("이 문장은 한 카드에 다 들어가지 않을 만큼 길어서 여러 카드로 나뉘어야 하며 "
        "그 시간은 글자 수에 따라 나눠 가져야 합니다.")
MIXED = [TranscriptCue(0, 2000, AUTHOR, "짧은 인사입니다."),
         TranscriptCue(2500, 12500, "새벽일보", LONG),
         TranscriptCue(13000, 15000, AUTHOR, "반가운 소식입니다.")]


def test_vtt_cues_are_caption_sized_with_one_speaker_each():
    parsed = webvtt.from_string(render_vtt(MIXED))
    assert len(parsed) > len(MIXED)  # the long sentence spans several cues
    for caption in parsed:
        lines = re.sub(r"</?v[^>]*>", "", caption.raw_text).split("\n")
        assert 1 <= len(lines) <= 2 and all(len(line) <= 32 for line in lines), lines
        assert caption.raw_text.count("<v ") == 1  # one voice span: one speaker
        assert caption.voice in (AUTHOR, "새벽일보")
    assert [c.voice for c in parsed][0] == AUTHOR and parsed[-1].voice == AUTHOR
    long_cues = [c for c in parsed if c.voice == "새벽일보"]
    assert " ".join(c.text.replace("\n", " ") for c in long_cues) == LONG
    assert seconds(long_cues[0].start) == 2.5 and seconds(long_cues[-1].end) == 12.5
    for a, b in zip(long_cues, long_cues[1:]):
        assert seconds(a.end) == seconds(b.start)


def test_json_transcript_has_a_segment_per_sentence():
    cues = transcript_cues(sample_timeline(), AUTHOR)
    doc = json.loads(render_json(cues).decode("utf-8"))
    assert doc["version"] == "1.0.0"
    assert [(s["speaker"], s["body"]) for s in doc["segments"]] == [
        (c.speaker, c.text) for c in cues]
    assert [(s["startTime"], s["endTime"]) for s in doc["segments"]] == [
        (c.start_ms / 1000, c.end_ms / 1000) for c in cues]
    assert doc["segments"][5]["body"] == "가격은 <5,000원> & 그 이하다."  # JSON needs no escaping
