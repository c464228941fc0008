"""One formatter for every time shown or written: feed durations, show-note and page clocks,
progress, WebVTT/SRT timestamps, and durations in Korean.

Each caller states its form with explicit options instead of keeping its own copy.
"""

from __future__ import annotations

import math


def timecode(seconds: float, *, hours: bool = False, pad_lead: bool = False,
             millis: str | None = None, round_down: bool = True) -> str:
    """``seconds`` as ``M:SS``, or ``H:MM:SS`` from an hour on.

    ``hours``: always show the hours (``0:01:05``). ``pad_lead``: the leading field has two
    digits (``01:05``, ``00:01:05``). ``millis``: add milliseconds after this separator
    (``"."`` for WebVTT, ``","`` for SRT). ``round_down``: whole seconds are cut (a link to
    a chapter lands at or just before it), else rounded to the nearest.
    """
    if millis is not None:
        total_ms = max(0, int(round(seconds * 1000)))
        s, ms = divmod(total_ms, 1000)
    else:
        s = max(0, int(seconds) if round_down else whole_seconds(seconds))
    h, m, sec = s // 3600, s % 3600 // 60, s % 60
    lead = "02d" if pad_lead else "d"
    if h or hours:
        text = f"{h:{lead}}:{m:02d}:{sec:02d}"
    else:
        text = f"{m:{lead}}:{sec:02d}"
    return f"{text}{millis}{ms:03d}" if millis is not None else text


def whole_seconds(seconds: float) -> int:
    """``seconds`` rounded to the nearest whole second, halves up: the one rounding rule for
    every duration shown (feed, pages, show notes), the one podcast apps use."""
    return max(0, math.floor(seconds + 0.5))


def korean_duration(seconds: float) -> str:
    """``seconds`` in words as a Korean page says it: "7분 5초", "1시간 2분", "45초"."""
    s = whole_seconds(seconds)
    hours, minutes, secs = s // 3600, s % 3600 // 60, s % 60
    if hours:
        return f"{hours}시간 {minutes}분" if minutes else f"{hours}시간"
    if minutes:
        return f"{minutes}분 {secs}초" if secs else f"{minutes}분"
    return f"{secs}초"
