"""Hostile and careless input is refused before any synthesis, with one line naming the file
and the problem, and public/ untouched: control characters in published text, bad artwork,
links to files outside the project, damaged cache entries, and a broken environment."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from PIL import Image

from podcaster.build import build_project
from podcaster.check import check_project
from podcaster.errors import ConfigError, OutputError, PostError
from podcaster.publish.artwork import artwork_problems
from podcaster.speech.cache import ClipCache
from tests.helpers import built_project, clip_count, mp3_of, snapshot
from tests.helpers import invoke_cli as cli


@pytest.fixture
def project(tmp_path_factory, tmp_path):
    project = built_project(tmp_path_factory, tmp_path / "show")
    post = project / "posts" / "2025-03-01-spring-rain.txt"  # real work for the next build
    post.write_text(post.read_text(encoding="utf-8").replace("꽃이", "벚꽃이"), encoding="utf-8")
    return project


def refused(project, code: int, *needles: str) -> str:
    """Build; assert it stops with ``code``, one line holding ``needles`` (for podcast.toml,
    one line per problem), public/ untouched and nothing synthesised. Returns the message."""
    before, clips = snapshot(project / "public"), clip_count(project)
    result = cli("build", str(project))
    message = result.stderr.strip()
    assert result.exit_code == code, message
    assert message.startswith("Error: "), message
    assert "\n" not in message or code == ConfigError.exit_code, message
    for needle in needles:
        assert needle in message
    assert snapshot(project / "public") == before
    assert clip_count(project) == clips
    return message


# --- 1. text that XML, ID3 or JSON cannot carry ----------------------------------------


@pytest.mark.parametrize("field, toml", [
    ("show.title", 'title = "작은 시험 방송\\u0007"'),
    ("show.description", 'description = "설명\\u0000입니다"'),
])
def test_control_character_in_podcast_toml(project, field, toml):
    path = project / "podcast.toml"
    key = field.split(".")[1]
    lines = [toml if line.startswith(f"{key} = ") else line
             for line in path.read_text(encoding="utf-8").splitlines()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    refused(project, ConfigError.exit_code, "podcast.toml", field, "control character")


@pytest.mark.parametrize("name, text, field", [
    ("2025-03-05-bell.md", '---\ntitle: "종소리\\a"\n---\n인사말입니다.\n\n본문입니다.\n',
     "title"),
    ("2025-03-05-nul.md", '---\ntitle: 제목\ndescription: "설명\\0"\n---\n본문입니다.\n',
     "description"),
])
def test_control_character_in_a_post(project, name, text, field):
    (project / "posts" / name).write_text(text, encoding="utf-8")
    refused(project, PostError.exit_code, name, f"the {field} contains", "control character")


@pytest.mark.parametrize("char", ["\u202e", "\u202a", "\u2067"])
def test_bidirectional_override_in_a_title(project, char):
    name = "2025-03-05-bidi.txt"
    (project / "posts" / name).write_text(f"뒤집힌 {char}제목\n인사말입니다.\n", encoding="utf-8")
    refused(project, PostError.exit_code, name, "the title contains", "bidirectional text control")


def test_first_build_with_a_bad_title_writes_nothing(tmp_path):
    from tests.helpers import make_project

    project = make_project(tmp_path / "show")
    (project / "posts" / "2025-03-05-bell.md").write_text(
        '---\ntitle: "벨\\a"\n---\n본문입니다.\n', encoding="utf-8")
    result = cli("build", str(project))
    assert result.exit_code == PostError.exit_code
    assert not (project / "public").exists()
    assert clip_count(project) == 0


# --- 3. damaged cache entries ----------------------------------------------------------


def test_cut_off_cached_clip_is_synthesised_again(project, caplog):
    shutil.rmtree(project / "public")
    shutil.rmtree(project / ".podcaster-cache" / "episodes")
    clip = sorted((project / ".podcaster-cache" / "clips").glob("*/*.wav"))[0]
    data = clip.read_bytes()
    clip.write_bytes(data[: len(data) // 2 + 1])  # odd length too: not whole samples

    result = build_project(project)

    assert result.stats.synthesised >= 1
    # the same sentence made again: a whole clip, about as long as the first one
    found = ClipCache(project / ".podcaster-cache").get(clip.stem)
    assert found is not None and abs(clip.stat().st_size - len(data)) < len(data) * 0.1
    assert any("discarding damaged cached clip" in r.getMessage() and str(clip) in
               r.getMessage() for r in caplog.records)
    assert check_project(project).problems == []


def test_damaged_stored_audio_is_encoded_again(project, caplog):
    store = project / ".podcaster-cache" / "episodes"
    for mp3 in store.glob("*/*.mp3"):  # same size, other bytes: only a digest tells
        data = bytearray(mp3.read_bytes())
        data[len(data) // 2] ^= 0xFF
        mp3.write_bytes(bytes(data))
    shutil.rmtree(project / "public")

    result = build_project(project)

    assert result.restored == []
    assert sorted(result.built) == ["night-train", "robot-library", "spring-rain"]
    assert any("discarding damaged stored audio" in r.getMessage() for r in caplog.records)
    assert check_project(project).problems == []


# --- 4. artwork ------------------------------------------------------------------------


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims ``width`` x ``height`` pixels but holds almost no data."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\0" * 16)) + chunk(b"IEND", b""))


def write_image(path: Path, kind: str) -> None:
    if kind == "text":
        path.write_text("not an image", encoding="utf-8")
    elif kind == "huge":
        path.write_bytes(png_header(10000, 10000))
    elif kind == "bomb":
        path.write_bytes(png_header(40000, 40000))
    elif kind == "cmyk":
        Image.new("CMYK", (1400, 1400)).save(path, "JPEG")
    elif kind == "gif":
        Image.new("P", (1400, 1400)).save(path, "GIF")
    elif kind == "truncated":
        Image.new("RGB", (1400, 1400), (10, 200, 30)).save(path, "PNG")
        path.write_bytes(path.read_bytes()[:200])


COVERS = {"text": "not a readable image", "huge": "10000x10000 px", "bomb": "far too large",
          "cmyk": "RGB colour space, is CMYK", "gif": "must be JPEG or PNG, not GIF",
          "truncated": "not a readable image"}


@pytest.mark.parametrize("kind", COVERS)
def test_bad_show_cover_is_refused_before_synthesis(project, kind):
    suffix = ".jpg" if kind == "cmyk" else ".png"
    write_image(project / f"cover{suffix}", kind)
    with (project / "podcast.toml").open("a", encoding="utf-8") as fh:
        fh.write("")
    toml = project / "podcast.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        'cover = "cover.png"', f'cover = "cover{suffix}"'), encoding="utf-8")
    refused(project, ConfigError.exit_code, f"cover{suffix}", "show.cover", COVERS[kind])


@pytest.mark.parametrize("kind", ["text", "cmyk", "bomb"])
def test_bad_episode_artwork_is_refused_before_synthesis(project, kind):
    art = project / "posts" / "2025-03-02-robot-library.jpg"
    write_image(art, kind)
    refused(project, PostError.exit_code, str(art), COVERS[kind])


@pytest.mark.parametrize("kind", COVERS)
def test_check_reports_any_image_without_crashing(tmp_path, kind):
    path = tmp_path / "cover.png"
    write_image(path, kind)
    problems = artwork_problems(path)
    assert problems and all(isinstance(p, str) for p in problems)


def test_check_of_a_bomb_cover_in_public(project):
    write_image(project / "public" / "cover.png", "bomb")
    problems = [str(p) for p in check_project(project).problems]
    assert len(problems) == 2
    assert problems[0].startswith("public/: older than 1 post(s)")  # the fixture's edit
    assert problems[1].startswith("public/cover.png: artwork is far too large to open")


# --- 7. symbolic links -----------------------------------------------------------------


def test_post_linked_outside_the_project_is_refused(project, tmp_path):
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("밖의 글\n안녕하세요.\n바깥에 있는 글입니다.\n", encoding="utf-8")
    link = project / "posts" / "2025-03-05-outside.txt"
    link.symlink_to(outside)
    refused(project, PostError.exit_code, str(link), "outside the project")
    link.unlink()
    link.symlink_to("/etc/passwd")
    refused(project, PostError.exit_code, "outside the project")


def test_post_linked_inside_the_project_is_read(project):
    drafts = project / "drafts"
    drafts.mkdir()
    (drafts / "inside.txt").write_text("안의 글\n안녕하세요.\n안에 있는 글입니다.\n",
                                       encoding="utf-8")
    (project / "posts" / "2025-03-05-inside.txt").symlink_to(drafts / "inside.txt")
    result = build_project(project)
    assert "inside" in result.built


# --- 5. the environment ----------------------------------------------------------------


def test_public_is_a_file(project):
    shutil.rmtree(project / "public")
    (project / "public").write_text("in the way", encoding="utf-8")
    result = cli("build", str(project))
    assert result.exit_code == OutputError.exit_code
    assert result.stderr.strip() == (f"Error: {project / 'public'}: is a file, where the build "
                                     "needs a folder; move it away")


def test_episodes_folder_is_a_file(project):
    episodes = project / "public" / "episodes"
    shutil.rmtree(episodes)
    episodes.write_text("in the way", encoding="utf-8")
    refused(project, OutputError.exit_code, str(episodes), "is a file")


def test_cache_is_a_file(project):
    cache = project / ".podcaster-cache"
    shutil.rmtree(cache)
    cache.write_text("in the way", encoding="utf-8")
    before = snapshot(project / "public")
    result = cli("build", str(project))
    assert result.exit_code == OutputError.exit_code
    assert result.stderr.strip().startswith(f"Error: {cache}: is a file")
    assert snapshot(project / "public") == before


def test_lock_is_a_folder(project):
    lock = project / ".podcaster-cache" / "build.lock"
    lock.unlink(missing_ok=True)
    lock.mkdir()
    refused(project, OutputError.exit_code, str(lock), "is a folder")


def test_cached_clip_is_a_folder(project):
    shutil.rmtree(project / ".podcaster-cache" / "episodes")
    shutil.rmtree(project / "public")
    clip = sorted((project / ".podcaster-cache" / "clips").glob("*/*.wav"))[0]
    clip.unlink()
    clip.mkdir()
    result = cli("build", str(project))
    assert result.exit_code == OutputError.exit_code, result.stderr
    assert result.stderr.strip() == f"Error: {clip}: is a folder, where a cached clip " \
                                    "belongs; remove it"


needs_root = pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("mount") is None,
    reason="mounting a small tmpfs needs root (and mount)")


@pytest.fixture
def tmpfs(tmp_path):
    """Mount a tmpfs at tmp_path/mnt; yields a function that remounts it with options."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    mounted = []

    def mount(options: str) -> Path:
        verb = ["-o", f"remount,{options}"] if mounted else ["-o", options]
        done = subprocess.run(["mount", "-t", "tmpfs", *verb, "tmpfs", str(mnt)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
        mounted.append(options)
        return mnt

    yield mount
    if mounted:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


@needs_root
def test_read_only_public(project, tmpfs):
    mnt = tmpfs("size=64m")
    shutil.copytree(project / "public", mnt / "public")
    shutil.rmtree(project / "public")
    (project / "public").symlink_to(mnt / "public")
    tmpfs("ro")
    refused(project, OutputError.exit_code, "public", "read-only")


@needs_root
def test_disk_full(project, tmpfs):
    """The project on a tmpfs with little room: the build needs more than is left."""
    mnt = tmpfs("size=4m")
    try:
        shutil.copytree(project, mnt / "show", symlinks=True)
    except OSError:
        pytest.skip("the fixture project does not fit the small tmpfs")
    show = mnt / "show"
    free = shutil.disk_usage(mnt).free
    (mnt / "filler").write_bytes(b"\0" * max(free - 60_000, 0))
    before = snapshot(show / "public")
    result = cli("build", str(show))
    message = result.stderr.strip()
    assert result.exit_code == OutputError.exit_code, message
    assert "\n" not in message and "no space left" in message
    assert snapshot(show / "public") == before
    (mnt / "filler").unlink()
    assert cli("build", str(show)).exit_code == 0  # and all is well once there is room
    assert check_project(show).problems == []
    assert mp3_of(show / "public", "spring-rain").is_file()
