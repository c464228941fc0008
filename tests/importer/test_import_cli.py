"""`podcaster import` on the command line, and a blog followed end to end: init --feed,
import, build with the offline engine."""

from __future__ import annotations

import json
import shutil

import feedparser
import pytest

from podcaster.init import ProjectSettings, init_project
from tests.fakes.blog import BLOGS, JEKYLL_FEED, BlogServer, jekyll, wordpress
from tests.helpers import DEMO, mp3_of
from tests.helpers import invoke_cli as cli


@pytest.fixture
def server():
    with BlogServer() as blog_server:
        yield blog_server


def test_import_url_into_a_folder(server, tmp_path):
    url = wordpress(server)
    result = cli("import", url, str(tmp_path))
    assert result.exit_code == 0, result.output
    posts = tmp_path / "posts"
    assert f"imported {posts / '2025-11-03-delivery-robot.html'}" in result.output
    assert "3 new, 0 updated, 0 unchanged, 0 kept (edited here), 0 skipped" in result.output
    again = cli("import", url, str(tmp_path))
    assert again.exit_code == 0
    assert again.output.strip() == f"{url}: not modified since the last import"
    quiet = cli("-q", "import", url, str(tmp_path))
    assert quiet.stdout == "" and quiet.stderr == ""


def test_import_reads_the_source_table(server, tmp_path):
    project = tmp_path / "show"
    init_project(project, ProjectSettings(feed=wordpress(server)))
    toml = project / "podcast.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        '# exclude_tags = []', 'exclude_tags = ["일상"]'), encoding="utf-8")
    result = cli("import", str(project))
    assert result.exit_code == 0, result.output
    assert "2 new, 0 updated, 0 unchanged, 0 kept (edited here), 1 skipped" in result.output


def test_import_errors_are_one_line(server, tmp_path, monkeypatch):
    monkeypatch.setattr("podcaster.importer.run.BACKOFF", 0.01)
    url = jekyll(server)
    server.fail(JEKYLL_FEED, 500, 500, 500, 500)
    result = cli("import", url, str(tmp_path), "--since", "2025-11-01")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"Error: {url}: the server failed (HTTP 500 Internal Server Error) "
                     "after 4 attempt(s); try again later"]
    assert not (tmp_path / "posts").exists()
    missing = cli("import", str(tmp_path))
    assert missing.exit_code == 2 and "no FEED_URL given" in missing.stderr
    bad = cli("import", "blog.example.com/feed", str(tmp_path))
    assert bad.exit_code == 1 and "only absolute http:// and https:// URLs" in bad.stderr


def test_follow_a_blog_end_to_end(server, tmp_path):
    """init --feed, import, build with espeak: one episode per post, segmented like the
    posts the author wrote."""
    project = tmp_path / "show"
    url = jekyll(server)
    init = cli("init", str(project), "--feed", url, "--title", "새벽책상 팟캐스트",
               "--author", "새벽책상", "--description", "새벽에 쓰는 기술 이야기입니다.",
               "--email", "desk@example.org", "--base-url", "https://desk.github.io/podcast/")
    assert init.exit_code == 0, init.output
    shutil.copyfile(DEMO / "cover.png", project / "audio" / "cover.png")  # the show's own
    assert f"podcaster import {project}" in init.output
    assert not (project / "posts").exists()  # no sample post: the posts come from the blog
    imported = cli("import", str(project))
    assert imported.exit_code == 0, imported.output
    build = cli("build", str(project), "--engine", "espeak")
    assert build.exit_code == 0, build.output

    feed = feedparser.parse((project / "public" / "feed.xml").read_bytes())
    assert not feed.bozo
    assert [e.title for e in feed.entries] == ["논 위를 나는 방제 드론과 AI 날씨 예보",
                                               "음성 비서가 사투리를 알아듣기 시작했다"]
    for original in sorted((BLOGS / "jekyll" / "originals").iterdir()):
        slug = original.stem[11:]
        episode = project / "public" / "episodes"
        assert mp3_of(project / "public", slug).stat().st_size > 10_000
        chapters = json.loads((episode / f"{slug}.chapters.json").read_text(encoding="utf-8"))
        expected = json.loads(cli("segments", "--json", str(original)).output)
        titles = [c["title"] for c in chapters["chapters"]]
        articles = [s for s in expected["segments"] if s["kind"] == "article"]
        assert len(titles) == len(expected["segments"])
        for article in articles:
            assert any(article["source"]["title"] in t for t in titles), titles
        linked = [c.get("url") for c in chapters["chapters"] if c.get("url")]
        assert linked == [a["source"]["url"] for a in articles]
    check = cli("check", str(project))
    assert check.exit_code == 0, check.output
