"""The fault points' actions, each of its own, without a build: what each action does to the
process (killed, signalled, an OSError, a wait), the error for an unknown one, and which
items of the variable apply (the point's name, the N-th time, several items)."""

from __future__ import annotations

import errno
import os
import signal

import pytest

from podcaster.build import faults


@pytest.fixture(autouse=True)
def fresh_counts(monkeypatch):
    monkeypatch.setattr(faults, "_reached", faults.Counter())


@pytest.fixture
def sent(monkeypatch) -> list[tuple[int, int]]:
    """The signals the process sends (to itself), recorded instead of delivered."""
    calls: list[tuple[int, int]] = []
    monkeypatch.setattr(os, "kill", lambda pid, sig: calls.append((pid, sig)))
    return calls


@pytest.fixture
def slept(monkeypatch) -> list[float]:
    calls: list[float] = []
    monkeypatch.setattr(faults.time, "sleep", calls.append)
    return calls


def fault(monkeypatch, spec: str) -> None:
    monkeypatch.setenv(faults.ENV, spec)


def test_kill_kills_this_process_at_once(monkeypatch, sent):
    fault(monkeypatch, "commit:audio=kill")
    faults.point("commit:audio")
    assert sent == [(os.getpid(), signal.SIGKILL)]


@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM", "SIGUSR1"])
def test_signal_sends_this_process_the_named_signal(monkeypatch, sent, name):
    fault(monkeypatch, f"plan:done=signal:{name}")
    faults.point("plan:done")
    assert sent == [(os.getpid(), getattr(signal, name))]


def test_error_is_an_input_output_error_naming_the_point(monkeypatch):
    fault(monkeypatch, "commit:feed=error")
    with pytest.raises(OSError) as raised:
        faults.point("commit:feed")
    assert raised.value.errno == errno.EIO
    assert raised.value.strerror == "fault injected at commit:feed"
    assert str(raised.value) == "[Errno 5] fault injected at commit:feed"


@pytest.mark.parametrize(("action", "seconds"), [("sleep:0.25", 0.25), ("sleep:2", 2.0)])
def test_sleep_waits_the_seconds_given(monkeypatch, slept, action, seconds):
    fault(monkeypatch, f"commit:start={action}")
    faults.point("commit:start")
    assert slept == [seconds]


@pytest.mark.parametrize("action", ["explode", "Kill", "KILL", "kill:now", "Signal:SIGINT",
                                    "ERROR", "Sleep:1", ""])
def test_an_unknown_action_is_refused_naming_it_and_the_point(monkeypatch, sent, slept,
                                                              action):
    fault(monkeypatch, f"commit:done={action}")
    with pytest.raises(ValueError) as raised:
        faults.point("commit:done")
    assert str(raised.value) == f"PODCASTER_FAULT: unknown action {action!r} at commit:done"
    assert sent == [] and slept == []


@pytest.mark.parametrize("spec", [None, ""])
def test_without_the_variable_no_point_acts(monkeypatch, sent, spec):
    if spec is None:
        monkeypatch.delenv(faults.ENV, raising=False)
    else:
        fault(monkeypatch, spec)
    for _ in range(3):
        faults.point("commit:audio")
    assert sent == []
    assert faults._reached == faults.Counter()  # not even counted


def test_only_the_named_point_acts(monkeypatch, sent):
    fault(monkeypatch, "commit:feed=kill")
    faults.point("commit:audio")
    faults.point("commit:feedx")
    faults.point("commit")
    assert sent == []
    faults.point("commit:feed")
    assert len(sent) == 1


def test_several_items_each_act_at_their_point(monkeypatch, sent, slept):
    fault(monkeypatch, " plan:done=sleep:1 ; commit:audio=kill;commit:feed=signal:SIGTERM ")
    faults.point("plan:done")
    assert (slept, sent) == ([1.0], [])
    faults.point("commit:audio")
    faults.point("commit:feed")
    assert sent == [(os.getpid(), signal.SIGKILL), (os.getpid(), signal.SIGTERM)]


def test_two_items_at_one_point_both_act(monkeypatch, sent, slept):
    fault(monkeypatch, "commit:audio=sleep:0.5;commit:audio=kill")
    faults.point("commit:audio")
    assert (slept, sent) == ([0.5], [(os.getpid(), signal.SIGKILL)])


@pytest.mark.parametrize("n", [1, 2, 3])
def test_count_acts_the_nth_time_only(monkeypatch, sent, n):
    fault(monkeypatch, f"commit:audio=count:{n}=kill")
    for time in range(1, 5):
        faults.point("commit:audio")
        assert len(sent) == (1 if time >= n else 0)


def test_count_is_per_point(monkeypatch, sent):
    fault(monkeypatch, "commit:audio=count:2=kill")
    faults.point("commit:feed")
    faults.point("commit:audio")
    assert sent == []
    faults.point("commit:audio")
    assert len(sent) == 1


@pytest.mark.parametrize("n", ["x", "", "-1", "1.0"])
def test_a_count_that_is_not_a_whole_number_never_acts(monkeypatch, sent, n):
    fault(monkeypatch, f"commit:audio=count:{n}=kill")
    for _ in range(3):
        faults.point("commit:audio")
    assert sent == []


def test_a_counted_unknown_action_is_refused_when_its_time_comes(monkeypatch):
    fault(monkeypatch, "plan:done=count:2=explode")
    faults.point("plan:done")
    with pytest.raises(ValueError, match="unknown action 'explode' at plan:done"):
        faults.point("plan:done")


def test_a_count_not_reached_leaves_the_other_items_at_the_point(monkeypatch, sent, slept):
    fault(monkeypatch, "commit:audio=count:2=kill;commit:audio=sleep:1")
    faults.point("commit:audio")
    assert (sent, slept) == ([], [1.0])
    faults.point("commit:audio")
    assert (len(sent), slept) == (1, [1.0, 1.0])


def test_a_count_inside_a_count_is_an_unknown_action(monkeypatch, sent):
    fault(monkeypatch, "commit:audio=count:1=count:1=kill")
    with pytest.raises(ValueError, match="unknown action 'count:1=kill' at commit:audio"):
        faults.point("commit:audio")
    assert sent == []
