"""What a user reads of a build, from both sides: the summary (each count, the failed ones
only when some failed, requests only when an engine sent some, every episode that changed
and every one removed) and the progress lines of a build that is not on a terminal (one line
per episode, nothing when quiet)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from podcaster.build.parts import Failure
from podcaster.build.progress import BuildProgress, print_summary
from podcaster.build.run import BuildResult
from podcaster.speech.synthesize import SynthStats


def episode(slug: str, seconds: float):
    return SimpleNamespace(post=SimpleNamespace(slug=slug), duration=seconds,
                           audio_path=Path(f"/show/public/episodes/{slug}.abc.mp3"))


def result(**changes) -> BuildResult:
    values = dict(
        episodes=[episode("a", 61.5), episode("b", 3600.0), episode("c", 10.0),
                  episode("d", 1.0), episode("e", 2.0)],
        feed_path=Path("/show/public/feed.xml"), engine="espeak, gtts",
        stats=SynthStats(synthesised=7, cached=3), seconds=12.345,
        built=["a"], restored=["b"], retagged=["c"], unchanged=["d", "e"], removed=["old"],
        failed=[])
    values.update(changes)
    return BuildResult(**values)


@pytest.fixture
def wide(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")


def summary(capsys, res) -> str:
    print_summary(res)
    return capsys.readouterr().out


def rows(out: str) -> dict[str, str]:
    """The summary table's rows: name -> value."""
    cells = [line.split("│")[1:3] for line in out.splitlines() if line.startswith("│")]
    return {name.strip(): value.strip() for name, value in cells}


def test_the_summary_counts_each_kind_of_episode_and_lists_the_changed_ones(capsys, wide):
    out = summary(capsys, result())
    assert out.startswith("podcaster build")
    assert rows(out) == {
        "episodes": "1 built, 1 restored, 1 re-tagged, 2 unchanged, 1 removed",
        "audio": "1:01:15 in 5 episode(s)",  # 3674.5 s, halves rounded up
        "clips": "7 synthesised, 3 from cache",
        "engine": "espeak, gtts",
        "wall time": "12.3 s",
    }
    assert out.splitlines()[-5:] == [
        "feed: /show/public/feed.xml",
        "built: /show/public/episodes/a.abc.mp3",
        "restored: /show/public/episodes/b.abc.mp3",
        "re-tagged: /show/public/episodes/c.abc.mp3",
        "removed: old",
    ]


def test_the_summary_names_the_failed_and_the_requests_when_there_are_some(capsys, wide):
    stats = SynthStats(synthesised=2, cached=0, requests=9, retries=4)
    out = summary(capsys, result(failed=[Failure(Path("p.txt"), "bad")], stats=stats))
    assert rows(out)["episodes"] == ("1 built, 1 restored, 1 re-tagged, 2 unchanged, "
                                     "1 removed, 1 failed")
    assert rows(out)["clips"] == "2 synthesised, 0 from cache, 9 request(s), 4 retried"


def test_a_summary_of_nothing_changed(capsys, wide):
    out = summary(capsys, result(built=[], restored=[], retagged=[], removed=[],
                                 episodes=[episode("d", 0.4)]))
    assert rows(out)["episodes"] == "0 built, 0 restored, 0 re-tagged, 2 unchanged, 0 removed"
    assert rows(out)["audio"] == "0:00:00 in 1 episode(s)"
    assert out.splitlines()[-1] == "feed: /show/public/feed.xml"


def post(slug: str):
    return SimpleNamespace(slug=slug)


def test_off_a_terminal_each_episode_is_one_line(capsys):
    progress = BuildProgress(quiet=False)
    progress.start(2, 10)
    assert progress.bar is None
    for slug in ("spring", "night"):
        progress.post(post(slug))
        progress.clips(5)
        progress.step(post(slug), "encoding")
        progress.post_done(post(slug))
    progress.close()
    assert capsys.readouterr().err.splitlines() == ["[1/2] spring", "[2/2] night"]


def test_a_quiet_build_shows_nothing(capsys):
    progress = BuildProgress(quiet=True)
    progress.start(1, 3)
    progress.post_done(post("spring"))
    progress.close()
    assert capsys.readouterr() == ("", "")
    assert progress._console is None  # rich not even loaded for it


def test_on_a_terminal_the_bars_count_episodes_and_clips(monkeypatch):
    import io

    from rich.console import Console

    screen = io.StringIO()
    monkeypatch.setattr(BuildProgress, "console",
                        Console(file=screen, force_terminal=True, width=100))
    progress = BuildProgress(quiet=False)
    progress.start(2, 10)
    episodes, clips = progress.bar.tasks
    assert (episodes.description, episodes.total, clips.description, clips.total) == (
        "episodes", 2, "clips", 10)
    progress.post(post("spring"))
    assert episodes.fields["detail"] == "spring"
    progress.clips(4)
    progress.clips(3)
    assert clips.completed == 7
    progress.step(post("spring"), "encoding")
    assert episodes.fields["detail"] == "spring: encoding"
    progress.post_done(post("spring"))
    assert (episodes.completed, progress.done) == (1, 1)
    assert "[1/2]" not in screen.getvalue()  # the bar says it
    progress.close()
    assert progress.bar is None
    assert "episodes" in screen.getvalue()  # drawn on the build's console (stderr)
    progress.close()  # closing twice is harmless


def test_no_bar_for_a_build_with_no_episode_to_make(monkeypatch):
    import io

    from rich.console import Console

    monkeypatch.setattr(BuildProgress, "console",
                        Console(file=io.StringIO(), force_terminal=True))
    progress = BuildProgress(quiet=False)
    progress.start(0, 0)
    assert progress.bar is None
