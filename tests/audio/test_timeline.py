"""Placement on the episode's clock, each rule from both sides: an intro that is a bed or
not, an outro that overlaps the last words or not, pauses of zero, and the segments' spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from podcaster.audio.settings import AudioSettings
from podcaster.audio.timeline import DUCK_RAMP, MUSIC, Placer, place, segment_spans
from podcaster.model import Cue, Segment, TimedCue

RATE = 1000  # one sample a millisecond: every position below reads as milliseconds
INTRO = Cue(kind="intro", sound=Path("intro.mp3"))
OUTRO = Cue(kind="outro", sound=Path("outro.mp3"))
STING = Cue(kind="sting", sound=Path("sting.mp3"), segment=1)


def speech(kind: str = "greeting", segment: int = 0, pause: float = 0.0) -> Cue:
    return Cue(kind=kind, text=kind, spoken=kind, segment=segment, pause_after=pause)


def spans(events) -> list[tuple[int, int]]:
    return [(e.start, e.end) for e in events]


# ---- pauses ------------------------------------------------------------------------------


def test_no_pause_puts_the_next_cue_right_after_the_last_sample():
    events, total = place([speech(), speech(), speech()], [1000, 2000, 500], RATE, AudioSettings())
    assert spans(events) == [(0, 1000), (1000, 3000), (3000, 3500)]
    assert total == 3500


@pytest.mark.parametrize(("seconds", "samples"), [
    (-0.5, 0),  # a negative pause never moves a cue back over the one before
    (0.0, 0),
    (0.0004, 0),  # less than half a sample
    (0.0006, 1),
    (1.25, 1250),
])
def test_a_pause_is_whole_samples_and_never_negative(seconds, samples):
    assert Placer(RATE, AudioSettings()).samples(seconds) == samples


def test_no_cues_make_an_empty_episode():
    assert place([], [], RATE, AudioSettings()) == ([], 0)


def test_a_sting_between_words_is_music_and_takes_its_place_in_line():
    cues = [speech(pause=0.5), STING, speech("article", 1)]
    events, total = place(cues, [1000, 700, 2000], RATE, AudioSettings())
    assert spans(events) == [(0, 1000), (1500, 2200), (2200, 4200)]
    assert [e.group for e in events] == ["greeting", MUSIC, "article"]
    assert not any(e.envelope for e in events) and total == 4200


# ---- the intro: a bed under the first words, or a sound of its own -------------------------


@pytest.mark.parametrize(("length", "bed"), [
    (3999, False),  # shorter than the lead: plays whole, the words wait for its end
    (4000, False),  # exactly the lead: still nothing left to play under the words
    (4001, True),  # one sample more: it ducks under the first words
])
def test_an_intro_is_a_bed_only_when_it_outlasts_the_lead(length, bed):
    settings = AudioSettings(intro_lead=4.0, intro_fade=6.0)
    (intro, title), _ = place([INTRO, speech("title")], [length, 3000], RATE, settings)
    assert bool(intro.envelope) is bed and intro.group == MUSIC
    assert title.start == min(length, 4000)
    assert intro.end == length  # shorter than lead + fade: it ends by itself


def test_a_long_intro_is_cut_where_its_fade_under_the_words_ends():
    settings = AudioSettings(intro_lead=4.0, intro_fade=6.0)
    (intro, _), total = place([INTRO, speech("title")], [30000, 3000], RATE, settings)
    assert intro.end == 10000 and total == 10000


def test_without_a_fade_the_intro_ends_as_the_first_words_start():
    settings = AudioSettings(intro_lead=4.0, intro_fade=0.0)
    (intro, title), _ = place([INTRO, speech("title")], [30000, 3000], RATE, settings)
    assert intro.envelope == ((4000 - DUCK_RAMP * RATE, 1.0), (4000, 0.0))
    assert intro.end == title.start == 4000


def test_a_lead_shorter_than_the_duck_ramp_ducks_from_the_first_sample():
    settings = AudioSettings(intro_lead=0.2, intro_fade=6.0, duck=-20.0)
    (intro, title), _ = place([INTRO, speech("title")], [30000, 3000], RATE, settings)
    assert intro.envelope[0] == (0, 1.0)
    assert intro.envelope[1] == (200, pytest.approx(0.1))
    assert title.start == 200


def test_an_intro_after_the_first_cue_is_a_sound_in_line():
    events, total = place([speech("title", pause=0.5), INTRO, speech()], [1000, 6000, 1000],
                          RATE, AudioSettings(intro_lead=4.0))
    assert spans(events) == [(0, 1000), (1500, 7500), (7500, 8500)]
    assert not events[1].envelope and events[1].group == MUSIC and total == 8500


# ---- the outro: under the last words, or after them ---------------------------------------


def test_an_outro_overlap_longer_than_the_last_words_starts_with_them():
    settings = AudioSettings(outro_overlap=3.0, duck=-20.0)
    (greeting, signoff, outro), total = place(
        [speech(pause=0.5), speech("signoff", 1), OUTRO], [4000, 1000, 8000], RATE, settings)
    assert signoff.start == 4500 and outro.start == 4500  # not before the last words
    assert (outro.cue, outro.group) == (2, MUSIC)
    assert outro.envelope[:2] == ((0, pytest.approx(0.1)), (1000, pytest.approx(0.1)))
    assert total == 12500


def test_without_an_overlap_the_outro_follows_the_last_words_and_their_pause():
    settings = AudioSettings(outro_overlap=0.0)
    (signoff, outro), total = place([speech("signoff", pause=0.7), OUTRO], [5000, 8000],
                                    RATE, settings)
    assert (outro.start, outro.end) == (5700, 13700) and not outro.envelope
    assert (outro.cue, outro.group) == (1, MUSIC)
    assert total == 13700


def test_an_outro_with_no_words_before_it_is_a_sound_in_line():
    events, total = place([STING, OUTRO], [700, 8000], RATE, AudioSettings(outro_overlap=1.5))
    assert spans(events) == [(0, 700), (700, 8700)]
    assert not events[1].envelope and total == 8700


def test_a_cue_after_the_outro_starts_after_it():
    settings = AudioSettings(outro_overlap=1.5)
    events, total = place([speech("signoff"), OUTRO, speech("title")], [5000, 8000, 1000],
                          RATE, settings)
    assert spans(events) == [(0, 5000), (3500, 11500), (11500, 12500)]
    assert total == 12500


def test_the_episode_ends_with_the_sound_that_ends_last():
    # the outro ends before the words it started under: the words set the length
    settings = AudioSettings(outro_overlap=1.5)
    (signoff, outro), total = place([speech("signoff"), OUTRO], [5000, 500], RATE, settings)
    assert outro.end == 4000 and total == 5000


# ---- segments' spans -----------------------------------------------------------------------


def timed(*plan) -> list[TimedCue]:
    return [TimedCue(Cue(kind="x", text="x", segment=segment), start, end)
            for segment, start, end in plan]


SEGMENTS = [Segment("greeting", "인사", ["…"]), Segment("commentary", "논평", ["…"]),
            Segment("signoff", "맺음말", ["…"])]


def test_a_segment_runs_from_its_first_cue_to_the_next_segments_first_cue():
    cues = timed((None, 0.0, 5.0), (0, 6.0, 8.0), (0, 8.0, 9.0), (1, 10.0, 12.0),
                 (1, 12.0, 13.0), (2, 14.0, 15.0), (None, 15.0, 20.0))
    result = segment_spans(cues, SEGMENTS, 21.0)
    assert [(s.index, s.kind, s.title, s.start, s.end) for s in result] == [
        (0, "greeting", "인사", 0.0, 10.0),  # the first covers the intro and title
        (1, "commentary", "논평", 10.0, 14.0),
        (2, "signoff", "맺음말", 14.0, 21.0),  # the last covers the outro
    ]


def test_a_segment_with_no_cue_has_no_span_and_its_neighbour_covers_its_time():
    cues = timed((0, 1.0, 2.0), (2, 4.0, 5.0))
    result = segment_spans(cues, SEGMENTS, 6.0)
    assert [(s.index, s.start, s.end) for s in result] == [(0, 0.0, 4.0), (2, 4.0, 6.0)]


def test_no_spoken_segment_gives_no_spans():
    assert segment_spans(timed((None, 0.0, 5.0)), SEGMENTS, 5.0) == []


def test_an_outro_after_a_closing_sting_follows_it_and_its_pause():
    # a post that ends on a quoted article: its words, the sting closing the article, the
    # outro. The outro waits for the sting instead of rising to full level over it.
    closing = Cue(kind="sting", sound=Path("sting.mp3"), segment=0, pause_after=1.0)
    cues = [speech("article"), closing, OUTRO]
    events, total = place(cues, [5000, 1000, 8000], RATE, AudioSettings(outro_overlap=1.5))
    assert spans(events) == [(0, 5000), (5000, 6000), (7000, 15000)]
    assert not events[2].envelope and total == 15000


def test_every_event_names_its_cue():
    events, _ = place([INTRO, speech("title"), STING, speech(), OUTRO], [6000, 1000, 500, 1000, 3000],
                      RATE, AudioSettings())
    assert [e.cue for e in events] == [0, 1, 2, 3, 4]


def test_an_outro_under_words_from_the_first_sample_starts_there_too():
    settings = AudioSettings(outro_overlap=3.0)
    (signoff, outro), _ = place([speech("signoff"), OUTRO], [1000, 8000], RATE, settings)
    assert outro.start == 0 and outro.envelope[1][0] == 1000


@pytest.mark.parametrize(("overlap", "start", "ducked"), [
    (0.0, 5000, False),  # no overlap: after the words
    (0.001, 4999, True),  # one sample under the words is still under them
    (0.002, 4998, True),
])
def test_an_outro_is_ducked_as_soon_as_it_overlaps_a_sample(overlap, start, ducked):
    settings = AudioSettings(outro_overlap=overlap)
    (_, outro), _ = place([speech("signoff"), OUTRO], [5000, 8000], RATE, settings)
    assert outro.start == start and bool(outro.envelope) is ducked


@pytest.mark.parametrize(("cues", "lengths", "outro_start"), [
    ([OUTRO], [8000], 0),  # a script of music alone
    ([INTRO, OUTRO], [6000, 8000], 4000),  # after the intro's lead, no words to go under
])
def test_an_outro_before_any_words_is_in_line(cues, lengths, outro_start):
    events, _ = place(cues, lengths, RATE, AudioSettings(intro_lead=4.0, outro_overlap=1.5))
    assert events[-1].start == outro_start and not events[-1].envelope
