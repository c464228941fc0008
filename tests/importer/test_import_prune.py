"""Filters added after an import: the posts they now leave out are reported, and
`podcaster import --prune` removes those the importer wrote and the author did not edit."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from podcaster.importer import Fetcher, ImportOptions, import_feed
from podcaster.importer.record import RECORD_NAME
from podcaster.init import ProjectSettings, init_project
from tests.fakes.blog import BlogServer, wordpress
from tests.helpers import invoke_cli as cli

WALK = "2025-11-07-autumn-walk.html"  # the blog's entry tagged 일상


@pytest.fixture
def server():
    with BlogServer() as blog_server:
        yield blog_server


def run(project, url, **options):
    with Fetcher(backoff=0.01, timeout=5, sleep=lambda s: None) as fetcher:
        return import_feed(project, url, ImportOptions(**options), fetcher=fetcher)


def test_posts_a_new_filter_leaves_out_are_reported_then_pruned(server, tmp_path):
    url = wordpress(server)
    assert len(run(tmp_path, url).new) == 3
    walk = tmp_path / "posts" / WALK
    later = run(tmp_path, url, exclude_tags=("일상",))
    assert later.excluded == [walk] and later.pruned == [] and walk.is_file()
    assert any(w.startswith(f"{walk}: imported earlier, now left out (tagged 일상") and
               "`podcaster import --prune` removes it" in w for w in later.warnings)
    pruned = run(tmp_path, url, exclude_tags=("일상",), prune=True)  # feed unchanged: read again
    assert pruned.pruned == [walk] and not walk.exists()
    assert len(list((tmp_path / "posts").glob("*.html"))) == 2
    record = json.loads((tmp_path / "posts" / RECORD_NAME).read_text(encoding="utf-8"))
    assert WALK not in {e["file"] for e in record["entries"].values()}
    # The filter taken back: the entry is imported again.
    assert [p.name for p in run(tmp_path, url).new] == [WALK]


def test_an_edited_post_is_never_pruned(server, tmp_path):
    url = wordpress(server)
    run(tmp_path, url)
    walk = tmp_path / "posts" / WALK
    walk.write_bytes(walk.read_bytes().replace("가을".encode(), "늦가을".encode(), 1))
    result = run(tmp_path, url, exclude_tags=("일상",), prune=True)
    assert result.pruned == [] and walk.is_file()
    assert any("edited since its import: remove it yourself" in w for w in result.warnings)


def test_since_is_not_a_filter_and_prunes_nothing(server, tmp_path):
    url = wordpress(server)
    run(tmp_path, url)
    result = run(tmp_path, url, since=dt.date(2025, 11, 30), prune=True)
    assert result.excluded == [] and result.pruned == []
    assert len(list((tmp_path / "posts").glob("*.html"))) == 3


def test_prune_on_the_command_line(server, tmp_path):
    project = tmp_path / "show"
    init_project(project, ProjectSettings(feed=wordpress(server)))
    assert cli("import", str(project)).exit_code == 0
    toml = project / "podcast.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        "# exclude_tags = []", 'exclude_tags = ["일상"]'), encoding="utf-8")
    pruned = cli("import", str(project), "--prune")
    assert pruned.exit_code == 0, pruned.output
    assert f"removed {project / 'posts' / WALK} (left out by the filters)" in pruned.output
    assert "0 new, 0 updated, 2 unchanged, 0 kept (edited here), 1 skipped, 1 removed" \
        in pruned.output
