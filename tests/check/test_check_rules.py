"""``podcaster check`` beyond the feed, from both sides, on small hand-made projects: when
public/ is older than what it is built from, where a URL leads under public/, the hosting
limits, the example values of ``podcaster init`` and the posts' quotes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from podcaster.check import check_project
from podcaster.check.hosting import FILE_LIMIT, SITE_LIMIT, check_hosting, site_files
from podcaster.check.placeholders import find_placeholders
from podcaster.check.report import CheckResult, Problem, Report
from podcaster.check.stale import last_build, newer_than_build, stale_message
from podcaster.config import default_asset, load_config
from podcaster.init import EXAMPLE_EMAIL, EXAMPLE_HOST, SCAFFOLD_DIR, ProjectSettings

SHOW = {"title": "바다 라디오", "author": "김바다", "description": "바다 이야기를 나누는 방송.",
        "base_url": "https://example.net/sea/", "owner_email": "sea@example.net"}


def project(folder: Path, extra: str = "", **show) -> Path:
    """A project with the show's own cover (``art.png``) unless ``show`` names another."""
    values = {"cover": "art.png", **SHOW, **show}
    folder.mkdir(parents=True, exist_ok=True)
    data = default_asset("cover.png").read_bytes()
    (folder / "art.png").write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    (folder / "podcast.toml").write_text(
        "[show]\n" + "".join(f'{k} = "{v}"\n' for k, v in values.items()) + extra,
        encoding="utf-8")
    return folder


def touch(path: Path, seconds: int) -> Path:
    """Create ``path`` if needed and date it ``seconds`` after a fixed moment."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text("x\n", encoding="utf-8")
    moment = 1_700_000_000 + seconds
    os.utime(path, ns=(moment * 10**9, moment * 10**9))
    return path


# --- public/ older than its inputs ---------------------------------------------------------

def built_at(folder: Path, seconds: int, *, record: bool = True, feed: bool = True):
    config = load_config(folder)
    if feed:
        touch(config.public_dir / "feed.xml", 0 if record else seconds)
    if record:
        from podcaster.build.showguid import record_path
        touch(record_path(config), seconds)
    return config


def test_never_built_means_nothing_is_newer(tmp_path):
    config = load_config(project(tmp_path))
    assert last_build(config) is None and newer_than_build(config) == []


def test_the_build_record_is_the_time_of_the_last_build_before_the_feed(tmp_path):
    folder = project(tmp_path)
    config = built_at(folder, 100)
    assert last_build(config) == (1_700_000_000 + 100) * 10**9
    config = built_at(project(tmp_path / "b"), 50, record=False)
    assert last_build(config) == (1_700_000_000 + 50) * 10**9


def test_a_record_without_public_is_not_a_build(tmp_path):
    folder = project(tmp_path)
    config = built_at(folder, 100, feed=False)
    touch(folder / "podcast.toml", 200)
    assert not config.public_dir.exists() and newer_than_build(config) == []


@pytest.mark.parametrize(("offset", "newer"), [(-1, False), (0, False), (1, True)])
def test_an_input_is_newer_only_when_changed_after_the_build(tmp_path, offset, newer):
    folder = project(tmp_path)
    config = built_at(folder, 100)
    touch(folder / "podcast.toml", 100 + offset)
    post = touch(folder / "posts" / "2025-03-01-first.txt", 100 + offset)
    assert newer_than_build(config) == ([folder.resolve() / "podcast.toml", post.resolve()]
                                        if newer else [])


def test_hidden_posts_and_folders_are_no_inputs_and_folders_are_walked_in_order(tmp_path):
    folder = project(tmp_path)
    config = built_at(folder, 100)
    touch(folder / "podcast.toml", 50)
    posts = folder.resolve() / "posts"
    touch(posts / ".draft.txt", 200)
    touch(posts / ".hidden" / "2025-03-02-x.txt", 200)
    b = touch(posts / "b" / "2025-03-04-b.txt", 200)
    a = touch(posts / "a" / "2025-03-03-a.txt", 200)
    top2 = touch(posts / "2025-03-02-z.txt", 200)
    top1 = touch(posts / "2025-03-01-y.txt", 200)
    assert newer_than_build(config) == [top1, top2, a, b]


def test_a_post_that_cannot_be_read_does_not_hide_the_posts_after_it(tmp_path):
    folder = project(tmp_path)
    config = built_at(folder, 100)
    touch(folder / "podcast.toml", 50)
    posts = folder.resolve() / "posts"
    posts.mkdir()
    (posts / "2025-03-01-a.txt").symlink_to(posts / "gone.txt")  # dangling: stat fails
    later = touch(posts / "2025-03-02-b.txt", 200)
    assert newer_than_build(config) == [later]


@pytest.mark.parametrize(("names", "message"), [
    (["podcast.toml"], "older than podcast.toml — run podcaster build"),
    (["posts/a.txt"], "older than 1 post(s) (posts/a.txt) — run podcaster build"),
    (["podcast.toml", "posts/a.txt", "posts/b.txt", "posts/c.txt"],
     "older than podcast.toml and 3 post(s) (posts/a.txt, posts/b.txt, posts/c.txt) — run "
     "podcaster build"),
    (["posts/a.txt", "posts/b.txt", "posts/c.txt", "posts/d/e.txt"],
     "older than 4 post(s) (posts/a.txt, posts/b.txt, posts/c.txt, …) — run podcaster build"),
])
def test_the_stale_line_names_podcast_toml_and_up_to_three_posts(tmp_path, names, message):
    config = load_config(project(tmp_path))
    assert stale_message(config, [config.project_dir / n for n in names]) == message


def test_check_says_once_that_public_is_older_and_leaves_out_what_a_build_changes(tmp_path):
    folder = project(tmp_path)
    built_at(folder, 100)
    (folder / "public" / "feed.xml").write_text(
        '<rss version="2.0"><channel></channel></rss>', encoding="utf-8")
    (folder / "posts").mkdir()
    touch(folder / "public" / "feed.xml", 0)
    touch(folder / "podcast.toml", 200)
    result = check_project(folder)
    lines = [str(p) for p in result.problems]
    assert lines[0] == "public/: older than podcast.toml — run podcaster build"
    assert f"{'public/feed.xml'}: channel: missing <title>" in lines
    touch(folder / "podcast.toml", 50)
    lines = [str(p) for p in check_project(folder).problems]
    assert not any("older than" in line for line in lines)


# --- the report ---------------------------------------------------------------------------

def test_a_problem_is_where_then_what_and_a_result_without_problems_is_ok(tmp_path):
    assert str(Problem("public/feed.xml", "missing <title>")) == "public/feed.xml: missing <title>"
    result = CheckResult(tmp_path / "feed.xml")
    assert result.ok and result.episodes == 0 and result.warnings == []
    result.warnings.append(Problem("a", "b"))
    assert result.ok
    result.problems.append(Problem("a", "b"))
    assert not result.ok


def test_outdated_problems_are_kept_unless_public_is_older(tmp_path):
    report = Report(load_config(project(tmp_path)))
    assert report.feed_where == "public/feed.xml" and not report.stale
    assert report.result.feed_path == tmp_path.resolve() / "public" / "feed.xml"
    report.outdated("public/feed.xml", "guid changed")
    report.stale = True
    report.outdated("public/feed.xml", "guid changed again")
    report.problem("public/feed.xml", "missing <title>")
    report.warning("posts/a.txt", "a quote without a source")
    assert report.result.problems == [Problem("public/feed.xml", "guid changed"),
                                      Problem("public/feed.xml", "missing <title>")]
    assert report.result.warnings == [Problem("posts/a.txt", "a quote without a source")]


def test_a_path_outside_the_project_is_shown_whole(tmp_path):
    report = Report(load_config(project(tmp_path / "show")))
    assert report.rel(tmp_path / "show" / "public" / "a.mp3") == "public/a.mp3"
    assert report.rel(tmp_path / "elsewhere.mp3") == str(tmp_path / "elsewhere.mp3")


@pytest.mark.parametrize(("url", "media", "line"), [
    (None, False, "enclosure has no URL"),
    ("", True, "enclosure has no URL"),
    ("episodes/a.mp3", False, "enclosure URL is not absolute: episodes/a.mp3"),
    ("https://example.net/other/a.mp3", False,
     "enclosure URL https://example.net/other/a.mp3 is outside show.base_url "
     "(https://example.net/sea/)"),
    ("https://example.net/sea/%2e%2e/secret.mp3", False,
     "enclosure URL https://example.net/sea/%2e%2e/secret.mp3 points outside public/"),
    ("https://example.net/sea/episodes/b.mp3", False,
     "enclosure: public/episodes/b.mp3 not found (https://example.net/sea/episodes/b.mp3)"),
    ("https://example.net/sea/episodes/", False,
     "enclosure: public/episodes not found (https://example.net/sea/episodes/)"),
    ("https://example.net/sea/episodes/a.mp3", False, None),
    ("https://example.net/sea/episodes/a.mp3?x=1#t", False, None),
    ("https://example.net/sea/episodes/%61.mp3", True, None),
])
def test_a_url_leads_to_a_file_of_public_or_says_why_not(tmp_path, url, media, line):
    folder = project(tmp_path / "show")
    (folder / "secret.mp3").write_bytes(b"x")
    touch(folder / "public" / "episodes" / "a.mp3", 0)
    report = Report(load_config(folder))
    file = report.local_file("item 1", "enclosure", url, media=media)
    if line is None:
        assert file == folder.resolve() / "public" / "episodes" / "a.mp3"
        assert report.result.problems == []
    else:
        assert file is None and report.result.problems == [Problem("item 1", line)]


def test_media_urls_go_by_media_base_url_and_the_enclosure_prefix(tmp_path):
    folder = project(tmp_path, media_base_url="https://cdn.example.net/sea",
                     enclosure_prefix="https://op3.dev/e/")
    touch(folder / "public" / "episodes" / "a.mp3", 0)
    touch(folder / "public" / "cover.png", 0)
    report = Report(load_config(folder))
    assert report.local_file("i", "enclosure", "https://op3.dev/e/https://cdn.example.net/sea/"
                             "episodes/a.mp3", media=True) is not None
    assert report.local_file("i", "enclosure", "https://cdn.example.net/sea/episodes/a.mp3",
                             media=True) is not None
    assert report.local_file("i", "cover", "https://example.net/sea/cover.png") is not None
    assert report.result.problems == []
    assert report.local_file("i", "cover", "https://cdn.example.net/sea/cover.png") is None
    assert report.local_file("i", "enclosure", "https://example.net/sea/episodes/a.mp3",
                             media=True) is None
    assert [str(p) for p in report.result.problems] == [
        "i: cover URL https://cdn.example.net/sea/cover.png is outside show.base_url "
        "(https://example.net/sea/)",
        "i: enclosure URL https://example.net/sea/episodes/a.mp3 is outside "
        "show.media_base_url (https://cdn.example.net/sea/)"]


# --- hosting ------------------------------------------------------------------------------

def sized(path: Path, size: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        out.truncate(size)  # sparse: no disk is used
    return path


def hosting_warnings(folder: Path) -> list[str]:
    report = Report(load_config(folder))
    check_hosting(report)
    assert report.result.problems == []
    return [str(w) for w in report.result.warnings]


ADVICE = ('host the MP3s apart from the pages: set show.media_base_url (see "Hosting the audio '
          'elsewhere" in the README)')


def test_a_file_of_exactly_100_mb_passes_and_one_byte_more_is_named(tmp_path):
    folder = project(tmp_path)
    sized(folder / "public" / "episodes" / "a.mp3", FILE_LIMIT)
    assert hosting_warnings(folder) == []
    sized(folder / "public" / "episodes" / "a.mp3", FILE_LIMIT + 1)
    assert hosting_warnings(folder) == [
        f"public/episodes/a.mp3: 100 MB: over GitHub's 100 MB file limit; {ADVICE}"]


def test_a_site_of_exactly_1_gb_passes_and_one_byte_more_is_named(tmp_path):
    folder = project(tmp_path)
    for n in range(11):
        sized(folder / "public" / "episodes" / f"e{n}.mp3", SITE_LIMIT // 11)
    sized(folder / "public" / "feed.xml", SITE_LIMIT - 11 * (SITE_LIMIT // 11))
    assert hosting_warnings(folder) == []
    sized(folder / "public" / "feed.xml", SITE_LIMIT - 11 * (SITE_LIMIT // 11) + 1)
    assert hosting_warnings(folder) == [
        f"public: 1.00 GB: over GitHub Pages' 1 GB site limit; {ADVICE}"]


def test_sizes_over_the_limits_are_told_in_mib_and_gib(tmp_path):
    folder = project(tmp_path)
    sized(folder / "public" / "episodes" / "a.mp3", 300 * 1024**2)
    for n in range(28):
        sized(folder / "public" / "episodes" / f"e{n}.mp3", 100 * 1024**2)
    assert hosting_warnings(folder) == [
        f"public/episodes/a.mp3: 300 MB: over GitHub's 100 MB file limit; {ADVICE}",
        f"public: 3.03 GB: over GitHub Pages' 1 GB site limit; {ADVICE}"]


def test_mp3s_served_apart_do_not_count_but_the_pages_still_do(tmp_path):
    folder = project(tmp_path, media_base_url="https://cdn.example.net/sea/")
    sized(folder / "public" / "episodes" / "a.MP3", FILE_LIMIT + 1)
    page = sized(folder / "public" / "episodes" / "a.html", FILE_LIMIT + 2)
    assert hosting_warnings(folder) == [
        f"public/episodes/a.html: 100 MB: over GitHub's 100 MB file limit; {ADVICE}"]
    report = Report(load_config(folder))
    assert site_files(report) == [page.resolve()]
    shutil.rmtree(folder / "public")
    assert site_files(Report(load_config(folder))) == []
    assert SITE_LIMIT == 1024**3 and FILE_LIMIT == 100 * 1024**2


def test_the_same_mp3s_count_when_served_with_the_pages(tmp_path):
    folder = project(tmp_path)
    mp3 = sized(folder / "public" / "episodes" / "a.mp3", 10)
    page = sized(folder / "public" / "index.html", 10)
    (folder / "public" / "episodes" / "sub").mkdir()
    assert site_files(Report(load_config(folder))) == sorted([mp3.resolve(), page.resolve()])


# --- the example values of podcaster init -------------------------------------------------

EXAMPLES = ProjectSettings()


def test_no_example_value_left_finds_nothing(tmp_path):
    assert find_placeholders(load_config(project(tmp_path))) == []


@pytest.mark.parametrize(("key", "value", "line"), [
    ("base_url", EXAMPLE_HOST + "sea/", f"podcast.toml: show.base_url: still the example "
     f"'{EXAMPLE_HOST}sea/'; set it to the address public/ is published at, e.g. "
     "https://USER.github.io/REPO/"),
    ("owner_email", EXAMPLE_EMAIL, f"podcast.toml: show.owner_email: still the example "
     f"'{EXAMPLE_EMAIL}'; set it to the address podcast directories may write to"),
    ("title", EXAMPLES.title, f"podcast.toml: show.title: still the example "
     f"'{EXAMPLES.title}'; set it to your show's name"),
    ("author", EXAMPLES.author, f"podcast.toml: show.author: still the example "
     f"'{EXAMPLES.author}'; set it to the name listeners know you by"),
    ("description", EXAMPLES.description + " ", f"podcast.toml: show.description: still the "
     f"example '{EXAMPLES.description}'; say in a sentence or two what your show is about"),
])
def test_each_example_value_is_named_with_what_to_set(tmp_path, key, value, line):
    found = find_placeholders(load_config(project(tmp_path, **{key: value})))
    assert [str(p) for p in found] == [line]


@pytest.mark.parametrize(("key", "value"), [
    ("base_url", "https://example.github.io.evil.net/"),  # another host that starts alike
    ("base_url", "https://kim.github.io/sea/"), ("owner_email", "you@example.co"),
    ("title", EXAMPLES.title + " 2"), ("author", "진행자님"),
])
def test_a_value_near_the_example_is_the_authors_own(tmp_path, key, value):
    assert find_placeholders(load_config(project(tmp_path, **{key: value}))) == []


def test_podcasters_own_cover_is_named_where_it_is(tmp_path):
    folder = project(tmp_path, cover="art/cover.png")
    (folder / "art").mkdir()
    shutil.copy(default_asset("cover.png"), folder / "art" / "cover.png")
    assert [str(p) for p in find_placeholders(load_config(folder))] == [
        "art/cover.png: still podcaster's own cover (with its wordmark); replace it with your "
        "show's image (square JPEG/PNG, 1400-3000 px)"]
    data = default_asset("cover.png").read_bytes()
    (folder / "art" / "cover.png").write_bytes(data[:-1] + bytes([data[-1] ^ 1]))  # same size
    assert find_placeholders(load_config(folder)) == []
    (folder / "art" / "cover.png").write_bytes(data + b"\0")
    assert find_placeholders(load_config(folder)) == []


def test_a_cover_gone_after_loading_is_not_called_podcasters_own(tmp_path):
    folder = project(tmp_path)
    config = load_config(folder)
    (folder / "art.png").unlink()
    assert find_placeholders(config) == []


def test_the_default_cover_left_unset_is_named_by_its_option(tmp_path):
    folder = project(tmp_path)
    toml = folder / "podcast.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('cover = "art.png"\n', ""),
                    encoding="utf-8")
    assert [str(p) for p in find_placeholders(load_config(folder))] == [
        "podcast.toml: show.cover: still podcaster's own cover (with its wordmark); replace it "
        "with your show's image (square JPEG/PNG, 1400-3000 px)"]


SAMPLE = (SCAFFOLD_DIR / "sample-post.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "found"), [
    ("2026-01-05-mine.txt", True), ("2026-01-05-mine.MD", True), ("a.markdown", True),
    ("a.html", True), ("a.htm", True), ("a.rst", False), ("a.txt.bak", False),
])
def test_the_sample_post_is_found_under_any_post_name(tmp_path, name, found):
    folder = project(tmp_path)
    (folder / "posts").mkdir()
    (folder / "posts" / name).write_text(SAMPLE, encoding="utf-8")
    (folder / "posts" / "2026-01-06-own.txt").write_text(
        "나의 글\n\n안녕하세요 김바다입니다.\n\n오늘은 조개 이야기를 합니다.\n", encoding="utf-8")
    (folder / "posts" / "folder.txt").mkdir()
    (folder / "posts" / "0-images.txt").mkdir()  # sorted before the sample: not a post
    (folder / "posts" / "0-notes.rst").write_text(SAMPLE, encoding="utf-8")
    (folder / "posts" / "1-cp949.txt").write_bytes("바다 이야기\n\n안녕하세요.\n".encode("cp949"))
    expected = [f"posts/{name}: the sample post of podcaster init; delete it and add your own "
                "posts"] if found else []
    assert [str(p) for p in find_placeholders(load_config(folder))] == expected


def test_a_long_line_of_the_sample_that_is_no_quote_is_not_the_sample(tmp_path):
    own = [line for line in SAMPLE.splitlines()[1:] if len(line) > 40 and
           not line.startswith("“")]
    assert own, "the sample post has commentary of its own"
    folder = project(tmp_path)
    (folder / "posts").mkdir()
    (folder / "posts" / "2026-01-05-a.txt").write_text(f"제목\n\n{own[0]}\n", encoding="utf-8")
    assert find_placeholders(load_config(folder)) == []


def test_one_quoted_paragraph_of_the_sample_is_enough(tmp_path):
    quoted = [line for line in SAMPLE.splitlines() if line.startswith("“") and len(line) > 40]
    assert quoted, "the sample post quotes an article"
    folder = project(tmp_path)
    (folder / "posts").mkdir()
    passage = quoted[-1].strip().strip("“”")
    (folder / "posts" / "2026-01-05-a.txt").write_text(f"제목\n\n{passage}\n", encoding="utf-8")
    assert len(find_placeholders(load_config(folder))) == 1
    (folder / "posts" / "2026-01-05-a.txt").write_text(f"제목\n\n{passage[:-2]}\n",
                                                        encoding="utf-8")
    assert find_placeholders(load_config(folder)) == []


# --- the posts' quotes --------------------------------------------------------------------

UNCLEAR = ("바다 소식\n\n안녕하세요 김바다입니다.\n\n“해양 연구소는 올해 여름 바닷물 온도가 "
           "평년보다 2도 높았다고 밝혔다. 연구진은 이 변화가 어장에 큰 영향을 줄 것이라고 "
           "내다봤다.”\n\n걱정되는 소식입니다.\n\n이상 김바다였습니다.\n")


def test_unclear_quotes_are_warnings_or_with_strict_problems(tmp_path):
    folder = project(tmp_path)
    (folder / "posts").mkdir()
    (folder / "posts" / "2026-01-05-sea.txt").write_text(UNCLEAR, encoding="utf-8")
    (folder / "posts" / "2026-01-04-draft.md").write_text(
        "---\ndraft: true\n---\n" + UNCLEAR, encoding="utf-8")
    (folder / "posts" / "2026-01-03-broken.md").write_text(
        "---\ndraft: maybe\n---\n" + UNCLEAR, encoding="utf-8")
    relaxed = check_project(folder)
    warned = [str(w) for w in relaxed.warnings]
    assert warned and all(w.startswith("posts/2026-01-05-sea.txt") for w in warned)
    assert not any(str(p).startswith("posts/2026-01-05-sea.txt") for p in relaxed.problems)
    strict = check_project(folder, strict=True)
    assert strict.warnings == []
    assert [str(p) for p in strict.problems if str(p).startswith("posts/2026-01-05")] == warned


def test_a_project_without_posts_has_no_post_lines(tmp_path):
    result = check_project(project(tmp_path))
    assert result.warnings == []
    assert [str(p) for p in result.problems] == [
        "public/feed.xml: not found (run podcaster build first)"]


def test_when_public_is_older_what_a_build_would_change_is_left_out(tmp_path):
    from tests.check.test_check_feed_rules import write_project

    data = default_asset("cover.png").read_bytes()
    (tmp_path / "sea").mkdir()
    (tmp_path / "sea" / "art.png").write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    folder = write_project(tmp_path / "sea", 'cover = "art.png"\n')
    feed = folder / "public" / "feed.xml"
    feed.write_bytes(feed.read_bytes().replace(b"https://example.net/sea/feed.xml",
                                               b"https://example.net/old/feed.xml"))
    touch(feed, 100)
    for source in [folder / "podcast.toml", *(folder / "posts").iterdir()]:
        touch(source, 50)
    lines = [str(p) for p in check_project(folder).problems]
    assert lines == ["public/feed.xml: channel: <atom:link rel=\"self\"> is "
                     "'https://example.net/old/feed.xml', not the feed's URL "
                     "https://example.net/sea/feed.xml"]
    touch(folder / "podcast.toml", 200)
    assert [str(p) for p in check_project(folder).problems] == [
        "public/: older than podcast.toml — run podcaster build"]


def test_a_line_that_is_never_a_posts_words_is_a_problem_naming_the_post(tmp_path):
    folder = project(tmp_path)
    (folder / "posts").mkdir()
    (folder / "posts" / "2026-01-05-sea.txt").write_text(
        "바다 소식\n\n안녕하세요 김바다입니다.\n\n문의는 sea@example.net 으로 주세요.\n\n"
        "이상 김바다였습니다.\n", encoding="utf-8")
    lines = [str(p) for p in check_project(folder).problems]
    assert lines[0] == (
        "posts/2026-01-05-sea.txt: line 5 looks like an e-mail address, not part of the post, "
        "and would be read aloud as commentary: '문의는 sea@example.net 으로 주세요.'; move it "
        "into the source list or remove it")
