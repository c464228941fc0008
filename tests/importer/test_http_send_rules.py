"""One request sent, each way it can fail, from both sides: the time left is spent before a
request or not, a lost connection after the deadline is lateness and before it is no
connection, a read timeout is lateness and a connect timeout is no connection, a broken secure
connection and an address requests cannot send are refused with the address named."""

from __future__ import annotations

import weakref

import pytest
import requests

from podcaster.http import TIMEOUT, UNREACHABLE, Deadline, Fetcher, FetchError, Transient

URL = "https://blog.example/feed.xml"


class Adapter:
    """Answers every request by raising ``error``; records the time each one was given."""

    def __init__(self, error: BaseException | None = None):
        self.error = error
        self.timeouts: list[float | None] = []

    def send(self, request, stream=False, timeout=None, verify=True, **kwargs):
        self.timeouts.append(timeout)
        raise self.error


@pytest.fixture
def fetcher():
    f = Fetcher(retries=0, backoff=0.01, timeout=30, sleep=lambda s: None)
    yield f
    f.close()


def send(fetcher: Fetcher, error: BaseException, *, seconds: float = 30,
         expired: bool = False) -> Adapter:
    fetcher.adapter = Adapter(error)
    deadline = Deadline(seconds, weakref.WeakSet())
    deadline.expired = expired
    fetcher._send(URL, {}, deadline)
    return fetcher.adapter


def test_no_request_is_sent_once_the_time_is_spent(fetcher):
    fetcher.adapter = Adapter(AssertionError("sent"))
    with pytest.raises(Transient) as late:
        fetcher._send(URL, {}, Deadline(0, weakref.WeakSet()))
    assert (late.value.reason, late.value.message) == (TIMEOUT, "no answer in time")
    assert fetcher.adapter.timeouts == [] and fetcher.requests == 0


def test_a_request_waits_no_longer_than_the_time_left(fetcher):
    with pytest.raises(Transient):
        send(fetcher, requests.exceptions.ReadTimeout(), seconds=7)
    (given,) = fetcher.adapter.timeouts
    assert given is not None and 6 < given <= 7


@pytest.mark.parametrize(("expired", "reason", "message"), [
    (True, TIMEOUT, "no answer in time"),  # the deadline shut the socket
    (False, UNREACHABLE, "could not connect"),
])
def test_a_lost_connection_is_lateness_only_after_the_deadline(fetcher, expired, reason, message):
    with pytest.raises(Transient) as lost:
        send(fetcher, requests.exceptions.ConnectionError("reset"), expired=expired)
    assert (lost.value.reason, lost.value.message) == (reason, message)


@pytest.mark.parametrize(("error", "reason", "message"), [
    (requests.exceptions.ReadTimeout(), TIMEOUT, "no answer in time"),
    (requests.exceptions.ConnectTimeout(), UNREACHABLE, "could not connect"),
])
def test_a_read_timeout_is_lateness_and_a_connect_timeout_no_connection(fetcher, error, reason,
                                                                        message):
    with pytest.raises(Transient) as late:
        send(fetcher, error)
    assert (late.value.reason, late.value.message) == (reason, message)


@pytest.mark.parametrize(("cause", "said"), [
    ("certificate verify failed", "certificate verify failed"),  # a reason without .reason
    (type("Wrapped", (), {"reason": "hostname mismatch"})(), "hostname mismatch"),
])
def test_a_broken_secure_connection_is_refused_with_its_reason(fetcher, cause, said):
    with pytest.raises(FetchError) as refused:
        send(fetcher, requests.exceptions.SSLError(cause))
    assert refused.value.refused and refused.value.url == URL
    assert str(refused.value) == f"{URL}: the secure connection failed: {said}"


@pytest.mark.parametrize("error", [requests.exceptions.InvalidURL(), ValueError()],
                         ids=["invalid-url", "value-error"])
def test_an_address_requests_cannot_send_is_refused_and_named(fetcher, error):
    with pytest.raises(FetchError) as refused:
        send(fetcher, error)
    assert refused.value.refused and refused.value.url == URL
    assert str(refused.value) == f"{URL}: cannot be fetched ({type(error).__name__})"


def test_the_reason_of_a_broken_secure_connection_is_cut_to_300_characters(fetcher):
    with pytest.raises(FetchError) as refused:
        send(fetcher, requests.exceptions.SSLError("x" * 400))
    problem = "the secure connection failed: " + "x" * 400
    assert refused.value.problem == problem[:300]


@pytest.mark.parametrize(("error", "message"), [
    (requests.exceptions.ReadTimeout(), "no complete answer within 30 s"),  # late, in time
    (requests.exceptions.ConnectionError(), "could not connect after 1 attempt(s)"),
])
def test_a_request_that_gives_up_says_late_only_for_lateness(fetcher, error, message):
    fetcher.policy.check = lambda url: url  # the address is not the rule here
    fetcher.adapter = Adapter(error)
    with pytest.raises(FetchError) as failed:
        fetcher.get(URL)
    assert failed.value.problem == message
