"""The import record as untrusted input: every value of its type, every file a plain post
name; and the import lock's wait."""

from __future__ import annotations

import json
import threading
import time

import pytest

from podcaster.errors import BuildLockedError, PodcasterError
from podcaster.importer.record import (
    RECORD_NAME,
    EntryState,
    FeedState,
    ImportLock,
    ImportRecord,
    check_post_name,
    digest,
)

FEED = "https://blog.example/rss.xml"


def entry(**changes) -> dict:
    return {"feed": FEED, "file": "2025-11-03-robot.html", "digest": "d" * 64,
            "fingerprint": "f" * 64, **changes}


def feed(**changes) -> dict:
    return {"etag": '"e1"', "last_modified": "Mon, 03 Nov 2025 10:00:00 GMT",
            "settings": "0123456789abcdef", **changes}


def write(posts, feeds=None, entries=None, version=1) -> None:
    posts.mkdir(exist_ok=True)
    data = {"version": version, "feeds": feeds if feeds is not None else {FEED: feed()},
            "entries": entries if entries is not None else {"id-1": entry()}}
    (posts / RECORD_NAME).write_text(json.dumps(data), encoding="utf-8")


def refused(posts) -> str:
    with pytest.raises(PodcasterError) as info:
        ImportRecord.load(posts)
    message = info.value.format_message()
    assert message.startswith(f"{posts / RECORD_NAME}: cannot read the import record (")
    assert message.endswith("); remove it to import every entry again")
    return message.split("cannot read the import record (", 1)[1].rsplit(")", 1)[0]


def test_a_record_of_the_right_types_is_read(tmp_path):
    write(tmp_path, feeds={FEED: feed(), "https://b.example/feed": feed(etag=None,
                                                                       last_modified=None)})
    record = ImportRecord.load(tmp_path)
    assert record.feeds == {FEED: FeedState('"e1"', "Mon, 03 Nov 2025 10:00:00 GMT",
                                            "0123456789abcdef"),
                            "https://b.example/feed": FeedState(None, None, "0123456789abcdef")}
    assert record.entries == {"id-1": EntryState(FEED, "2025-11-03-robot.html", "d" * 64,
                                                 "f" * 64)}


def test_no_record_is_an_empty_one(tmp_path):
    assert ImportRecord.load(tmp_path) == ImportRecord()


@pytest.mark.parametrize("feeds, entries, problem", [
    ({FEED: feed(etag=5)}, None, "etag 5 is not text"),
    ({FEED: feed(last_modified=["x"])}, None, "last_modified ['x'] is not text"),
    ({FEED: feed(settings=None)}, None, "settings None is not text"),
    (None, {"id-1": entry(file=None)}, "file None is not text"),
    (None, {"id-1": entry(digest=None)}, "digest None is not text"),
    (None, {"id-1": entry(feed=1)}, "feed 1 is not text"),
    (None, {"id-1": "2025-11-03-robot.html"}, "'2025-11-03-robot.html' is not an object"),
    ({FEED: None}, None, "None is not an object"),
    (None, {"id-1": entry(fingerprint="x" * 100)}, None),
])
def test_every_value_must_have_its_type(tmp_path, feeds, entries, problem):
    write(tmp_path, feeds=feeds, entries=entries)
    if problem is None:
        assert ImportRecord.load(tmp_path).entries["id-1"].fingerprint == "x" * 100
    else:
        assert refused(tmp_path) == problem


def test_a_value_is_shown_cut_to_60_characters(tmp_path):
    write(tmp_path, entries={"id-1": entry(digest=7 * 10 ** 70)})
    assert refused(tmp_path) == f"digest {str(7 * 10 ** 70)[:60]} is not text"


@pytest.mark.parametrize("version", [0, 2, "1", None])
def test_another_version_is_refused(tmp_path, version):
    write(tmp_path, version=version)
    assert refused(tmp_path) == f"version {version!r} (expected 1)"


def test_two_entries_may_not_name_one_file(tmp_path):
    write(tmp_path, entries={"id-1": entry(), "id-2": entry()})
    assert refused(tmp_path) == "two entries name the file '2025-11-03-robot.html'"


PLAIN = ["a.html", "2025-11-03-도서관-로봇.html", "2025-11-03-a b.html", "x" * 250 + ".html",
         "a.b.html", "A.html"]
NOT_PLAIN = ["", ".html", "a.htm", "a.html.txt", "a.HTML", "x" * 251 + ".html", ".a.html",
             "../a.html", "a/b.html", "/a.html", "a\\b.html", "c:a.html", "a\x00b.html",
             "a\nb.html", "a\tb.html", "a\x7fb.html", "a\u200bb.html", "a\u200fb.html",
             "a\u2028b.html", "a\u3000b.html", "a\u00a0b.html", "\ufeffa.html", " a.html",
             "a.html\ud800"]


@pytest.mark.parametrize("name", PLAIN)
def test_a_plain_post_name_is_accepted(name):
    assert check_post_name(name) == name


@pytest.mark.parametrize("name", NOT_PLAIN)
def test_anything_but_a_plain_post_name_is_refused(name):
    with pytest.raises(ValueError) as info:
        check_post_name(name)
    assert str(info.value) == f"file {name[:80]!r} is not the plain name of a .html file in posts/"


def test_a_long_refused_name_is_shown_cut_to_80_characters(tmp_path):
    name = "x" * 300 + ".html"
    write(tmp_path, entries={"id-1": entry(file=name)})
    assert refused(tmp_path) == (f"file {'x' * 80!r} is not the plain name of a .html file "
                                 "in posts/")


def test_the_digest_is_the_sha256_of_the_bytes():
    assert digest(b"abc") == ("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")


def test_an_import_waits_for_another_then_gives_up_naming_the_lock(tmp_path):
    with ImportLock(tmp_path):
        start = time.monotonic()
        with pytest.raises(BuildLockedError) as info:
            with ImportLock(tmp_path, wait=0.3):
                pass
        waited = time.monotonic() - start
    assert 0.3 <= waited < 3.0  # loosely above: a loaded machine wakes late
    assert info.value.format_message() == (f"{tmp_path / 'import.lock'}: another import of "
                                           "this project is running; try again when it has "
                                           "finished")


def test_an_import_goes_on_when_the_other_finishes(tmp_path):
    first = ImportLock(tmp_path).__enter__()
    timer = threading.Timer(0.3, first.__exit__, (None, None, None))
    timer.start()
    start = time.monotonic()
    with ImportLock(tmp_path, wait=5) as second:
        assert 0.25 <= time.monotonic() - start < 4.0
        with pytest.raises(BuildLockedError):  # held now, by the second
            with ImportLock(tmp_path, wait=0):
                pass
        assert second.lock.path == tmp_path / "import.lock"
    timer.join()
    with ImportLock(tmp_path, wait=0):  # and released
        pass
