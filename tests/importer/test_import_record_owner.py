"""The import record names the files the importer wrote. A record edited to name a post the
author wrote (with that post's own hash) must not let an import replace or prune it."""

from __future__ import annotations

import hashlib
import json

import pytest

from podcaster.importer import Fetcher, ImportOptions, import_feed
from podcaster.importer.record import RECORD_NAME
from tests.fakes.blog import BlogServer, wordpress

WALK = "2025-11-07-autumn-walk.html"  # the blog's entry tagged 일상
MINE = "2025-11-20-my-own.html"
OWN_POST = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>내 글</title></head>
<body><article><h1>내 글</h1><p>안녕하세요, 제가 직접 쓴 글입니다.</p>
<blockquote><p>한 도시가 공원에 그늘막을 늘렸다.</p></blockquote>
<p>여름이 반갑네요.</p><p>이상입니다.</p></article></body></html>
"""


@pytest.fixture
def server():
    with BlogServer() as blog_server:
        yield blog_server


def run(project, url, **options):
    with Fetcher(backoff=0.01, timeout=5, sleep=lambda s: None) as fetcher:
        return import_feed(project, url, ImportOptions(**options), fetcher=fetcher)


def claim_my_post(project) -> bytes:
    """Write the author's own post and edit the record so the entry WALK names it, with its
    hash and a fingerprint the feed no longer has."""
    mine = project / "posts" / MINE
    mine.write_text(OWN_POST, encoding="utf-8")
    path = project / "posts" / RECORD_NAME
    record = json.loads(path.read_text(encoding="utf-8"))
    for entry in record["entries"].values():
        if entry["file"] == WALK:
            entry.update(file=MINE, digest=hashlib.sha256(mine.read_bytes()).hexdigest(),
                         fingerprint="0" * 64)
    for feed in record["feeds"].values():
        feed.update(etag=None, last_modified=None, settings="")
    path.write_text(json.dumps(record), encoding="utf-8")
    return mine.read_bytes()


@pytest.mark.parametrize("force", [False, True])
def test_a_record_naming_the_authors_post_never_replaces_it(server, tmp_path, force):
    url = wordpress(server)
    run(tmp_path, url)
    mine = claim_my_post(tmp_path)
    result = run(tmp_path, url, force=force)
    assert (tmp_path / "posts" / MINE).read_bytes() == mine
    assert tmp_path / "posts" / MINE not in result.updated
    assert any(w.startswith(f"{tmp_path / 'posts' / MINE}: ") and "not written by podcaster "
               "import" in w for w in result.warnings), result.warnings


def test_a_record_naming_the_authors_post_never_prunes_it(server, tmp_path):
    url = wordpress(server)
    run(tmp_path, url)
    mine = claim_my_post(tmp_path)
    result = run(tmp_path, url, exclude_tags=("일상",), prune=True)
    assert (tmp_path / "posts" / MINE).read_bytes() == mine
    assert result.pruned == []
