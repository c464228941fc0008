"""The one time formatter, in each form the project writes."""

import pytest

from podcaster.timecode import korean_duration, timecode


def test_transcript_timestamps():
    assert timecode(0, hours=True, pad_lead=True, millis=".") == "00:00:00.000"
    assert timecode(3723.045, hours=True, pad_lead=True, millis=".") == "01:02:03.045"
    assert timecode(61.001, hours=True, pad_lead=True, millis=",") == "00:01:01,001"


@pytest.mark.parametrize("seconds, expected", [
    (0, "0:00"), (59.9, "0:59"), (61, "1:01"), (3599, "59:59"), (3600, "1:00:00"),
    (3725.5, "1:02:05"),
])
def test_page_clock(seconds, expected):
    assert timecode(seconds) == expected


@pytest.mark.parametrize("seconds, expected", [
    (0, "00:00"), (65.9, "01:05"), (3725.5, "01:02:05"),
])
def test_show_notes_clock(seconds, expected):
    assert timecode(seconds, pad_lead=True) == expected


@pytest.mark.parametrize("seconds, expected", [
    (0, "00:00:00"), (117.5, "00:01:58"), (117.4, "00:01:57"), (3725.5, "01:02:06"),
])
def test_feed_duration(seconds, expected):
    assert timecode(seconds, hours=True, pad_lead=True, round_down=False) == expected


def test_progress_duration():
    assert timecode(449.6, hours=True, round_down=False) == "0:07:30"


@pytest.mark.parametrize("seconds, expected", [
    (5, "5초"), (60, "1분"), (130.2, "2분 10초"), (3600, "1시간"), (3725, "1시간 2분"),
])
def test_korean_duration(seconds, expected):
    assert korean_duration(seconds) == expected
