"""The fault-injection points the build tests use."""

import pytest

from podcaster.build import faults


@pytest.fixture(autouse=True)
def fresh_counts(monkeypatch):
    monkeypatch.setattr(faults, "_reached", faults.Counter())


def test_no_variable_means_no_fault(monkeypatch):
    monkeypatch.delenv(faults.ENV, raising=False)
    faults.point("commit:audio")


def test_error_at_the_named_point_only(monkeypatch):
    monkeypatch.setenv(faults.ENV, "commit:manifest=error")
    faults.point("commit:audio")
    with pytest.raises(OSError, match="commit:manifest"):
        faults.point("commit:manifest")


def test_count_picks_the_nth_time(monkeypatch):
    monkeypatch.setenv(faults.ENV, "commit:audio=count:2=error")
    faults.point("commit:audio")
    with pytest.raises(OSError):
        faults.point("commit:audio")
    faults.point("commit:audio")


def test_unknown_action_is_refused(monkeypatch):
    monkeypatch.setenv(faults.ENV, "plan:done=explode")
    with pytest.raises(ValueError, match="explode"):
        faults.point("plan:done")
