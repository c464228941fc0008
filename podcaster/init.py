"""``podcaster init``: a new podcast project, ready to build locally and to publish from CI.

The project gets a commented ``podcast.toml`` (every option of ``config.OPTIONS``, the
required ones filled in), a sample post, the default sounds and cover in ``audio/`` to
replace, a ``.gitignore``, a pinned ``requirements.txt`` and a GitHub Actions workflow that
builds the show and publishes ``public/`` to GitHub Pages.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from podcaster import __version__
from podcaster.config import (
    ASSET_DEFAULTS,
    CONFIG_NAME,
    FREE_TABLES,
    OPTIONS,
    REQUIRED,
    default_asset,
)
from podcaster.errors import PodcasterError
from podcaster.files import copy_atomic, write_atomic

log = logging.getLogger(__name__)

SCAFFOLD_DIR = Path(__file__).resolve().parent / "scaffold"
WORKFLOW_PATH = ".github/workflows/publish.yml"
# Ours, when the repository already has a publish.yml of its own (which is never touched).
WORKFLOW_BESIDE = ".github/workflows/podcaster-publish.yml"
FEED_WORKFLOW = "publish-feed.yml"  # the workflow of a show that imports from its blog's feed
SAMPLE_SLUG = "first-episode"
# The name podcaster is published under; the command and the import package are "podcaster".
DISTRIBUTION = "podcaster-ko"
# Until the first release, DISTRIBUTION is not on the package index: the scaffold's
# requirements.txt and `init` say so, and how to install from the Git repository instead.
ON_PACKAGE_INDEX = False

# Example values a new project starts with; `podcaster check` refuses to pass them.
EXAMPLE_EMAIL = "you@example.com"
EXAMPLE_HOST = "https://example.github.io/"

SECTION_DOCS = {
    "show": "What listeners see: in podcast apps, on the show's web page and in the MP3 tags.",
    "engine": "How speech is made. `podcaster build --engine NAME` overrides the name.",
    "audio": "The sound of an episode. Replace the files in audio/ with your own music.",
    "source": "The blog the posts come from: `podcaster import` reads its feed into posts/.",
}

# The files in audio/ that podcast.toml points at, so replacing them is all it takes.
AUDIO_FILES = {key: f"audio/{name}" for key, name in ASSET_DEFAULTS.items()}

# Whole values only (fullmatch): with match, "$" would let a final line break through.
_SINGLE_LINE = re.compile(r"^[^\r\n\x00-\x1f\x7f]*$")
_SAFE_NAME = re.compile(r"^[A-Za-z0-9._/-]+$")


@dataclass(frozen=True)
class ProjectSettings:
    """The few choices ``podcaster init`` asks for; everything else is a commented default."""

    title: str = "나의 AI 소식"
    author: str = "진행자"
    description: str = "하루를 정리하며 인공지능 소식을 읽어 드리는 한국어 팟캐스트입니다."
    email: str = EXAMPLE_EMAIL
    base_url: str = ""  # empty: EXAMPLE_HOST + <folder name>/
    engine: str = "gtts"  # the engine CI builds with
    branch: str = "main"  # the branch whose pushes publish
    requirement: str = f"{DISTRIBUTION}=={__version__}"  # what CI installs
    feed: str = ""  # the blog's feed: import from it on a schedule instead of a sample post
    guid: str = ""  # the show's podcast:guid to pin; empty: see pinned_guid


def toml_value(value: Any) -> str:
    """``value`` as a TOML literal (strings, booleans, integers, floats, lists of them)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"no TOML for {value!r}")
        return repr(value)
    if isinstance(value, str):
        escaped = []
        for ch in value:
            if ch in '"\\':
                escaped.append("\\" + ch)
            elif ch == "\n":
                escaped.append("\\n")
            elif ch == "\t":
                escaped.append("\\t")
            elif ord(ch) < 0x20 or ord(ch) == 0x7F:
                escaped.append(f"\\u{ord(ch):04X}")
            else:
                escaped.append(ch)
        return '"' + "".join(escaped) + '"'
    raise TypeError(f"no TOML for {type(value).__name__}")


def render_config(values: dict[str, Any]) -> str:
    """podcast.toml: every declared option with its doc; ``values`` set, the rest commented."""
    lines = ["# podcast.toml: the show's settings. Lines starting with # are comments;",
             "# remove the # in front of an option to change its default.", ""]
    section = None
    for option in OPTIONS:
        name, key = option.key.split(".", 1)
        if name != section:
            if section is not None:
                lines.append("")
            section = name
            if name in SECTION_DOCS:
                lines.append(f"# {SECTION_DOCS[name]}")
            lines.append(f"[{name}]")
        doc = option.describe() + (" (required)" if option.default is REQUIRED else "")
        lines.append(f"# {doc}")
        if option.key in values:
            lines.append(f"{key} = {toml_value(values[option.key])}")
        elif option.default is not REQUIRED and option.default != "":
            lines.append(f"# {key} = {toml_value(option.default)}")
        else:
            lines.append(f'# {key} = ""')
    lines += [
        "",
        f"# {FREE_TABLES['pronunciation']}",
        "[pronunciation]",
        '# "GPT" = "지피티"',
        "",
        f"# {FREE_TABLES['voices']}",
        "# [voices.article]",
        '# engine = "edge"',
        '# voice = "ko-KR-InJoonNeural"',
        "",
    ]
    return "\n".join(lines)


def default_base_url(target: Path) -> str:
    name = re.sub(r"[^a-z0-9-]+", "-", target.resolve().name.lower()).strip("-")
    return f"{EXAMPLE_HOST}{name or 'my-podcast'}/"


def pinned_guid(base_url: str) -> str:
    """The podcast:guid ``init`` pins: the one Podcasting 2.0 derives from the feed's address
    (so it is what the show has always had), or, while ``base_url`` is still the example,
    a random one (an example address is everybody's: its guid would be too)."""
    if base_url.startswith(EXAMPLE_HOST):
        return str(uuid.uuid4())
    from podcaster.publish.layout import FEED_NAME, PODCAST_GUID_NAMESPACE, strip_scheme

    written = base_url.rstrip("/") + "/" + FEED_NAME  # as layout.show_guid derives it
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, strip_scheme(written)))


def _check(settings: ProjectSettings) -> None:
    problems = []
    for field_name in ("title", "author", "description", "email", "base_url", "requirement",
                       "feed"):
        value = getattr(settings, field_name)
        if not _SINGLE_LINE.fullmatch(value):
            problems.append(f"{field_name} must be a single line of text")
    for field_name in ("engine", "branch"):
        if not _SAFE_NAME.fullmatch(getattr(settings, field_name)):
            problems.append(f"{field_name} may hold only letters, digits and . _ / -")
    if settings.feed and not re.match(r"https?://[^/\s]+", settings.feed):
        problems.append("feed must be an absolute http(s) URL")
    if settings.engine == "auto":
        problems.append("engine: CI builds with a named engine (gtts, espeak, edge), not auto")
    if problems:
        raise PodcasterError("; ".join(problems))


def scaffold_files(target: Path, settings: ProjectSettings,
                   today: dt.date | None = None) -> dict[str, bytes | Path]:
    """The new project's files by relative path: text as bytes, or an asset to copy."""
    today = today or dt.date.today()
    import jinja2  # here: every build imports this module for its example values

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(SCAFFOLD_DIR)),
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                             trim_blocks=True, lstrip_blocks=True,
                             autoescape=False)  # YAML and plain text, not HTML
    context = {"author": settings.author, "engine": settings.engine, "branch": settings.branch,
               "requirement": settings.requirement, "on_index": ON_PACKAGE_INDEX}

    def render(name: str) -> bytes:
        return env.get_template(name).render(**context).encode("utf-8")

    base_url = settings.base_url or default_base_url(target)
    values = {
        "show.title": settings.title,
        "show.author": settings.author,
        "show.description": settings.description,
        "show.base_url": base_url,
        "show.owner_email": settings.email,
        "feed.guid": settings.guid or pinned_guid(base_url),
        **AUDIO_FILES,
    }
    if settings.feed:
        values["source.feed"] = settings.feed
    files: dict[str, bytes | Path] = {
        "podcast.toml": render_config(values).encode("utf-8"),
        f"posts/{today.isoformat()}-{SAMPLE_SLUG}.txt": render("sample-post.txt"),
        ".gitignore": render("gitignore"),
        "requirements.txt": render("requirements.txt"),
        WORKFLOW_PATH: render("publish.yml"),
    }
    if settings.feed:  # the posts come from the blog, on a schedule
        del files[f"posts/{today.isoformat()}-{SAMPLE_SLUG}.txt"]
        files[WORKFLOW_PATH] = render(FEED_WORKFLOW)
    for key, relative in AUDIO_FILES.items():
        files[relative] = default_asset(ASSET_DEFAULTS[key])
    return files


@dataclass
class InitResult:
    """What ``init_project`` did: files created, files left as they were, and the lines
    added to an existing ``.gitignore``."""

    created: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    workflow: Path | None = None  # the publishing workflow written; None: none could be
    theirs: Path | None = None  # the repository's own publish.yml, left alone


def init_project(target: Path | str, settings: ProjectSettings | None = None,
                 today: dt.date | None = None) -> InitResult:
    """Create a podcast project in ``target`` (made if missing), also inside an existing
    repository: a file already there is kept as it is (``InitResult.kept``), and an
    existing ``.gitignore`` gets only the lines it lacks.

    Raises PodcasterError, writing nothing, if ``target`` already has a podcast.toml.
    """
    target = Path(target)
    settings = settings or ProjectSettings()
    _check(settings)
    if target.exists() and not target.is_dir():
        raise PodcasterError(f"{target}: exists and is not a folder")
    if (target / CONFIG_NAME).exists():
        raise PodcasterError(f"{target / CONFIG_NAME}: already a podcast project; "
                             "nothing written")
    result = InitResult()
    files = scaffold_files(target, settings, today)
    if (target / WORKFLOW_PATH).exists():  # the repository's own: ours goes beside it
        result.theirs = target / WORKFLOW_PATH
        files[WORKFLOW_BESIDE] = files.pop(WORKFLOW_PATH)
    for relative, content in files.items():
        path = target / relative
        if relative in (WORKFLOW_PATH, WORKFLOW_BESIDE) and not path.exists():
            result.workflow = path
        if relative == ".gitignore" and path.is_file():
            result.ignored = _extend_gitignore(path, content)
        elif path.exists():
            result.kept.append(path)
        elif isinstance(content, Path):
            copy_atomic(content, path)
            result.created.append(path)
        else:
            write_atomic(path, content)
            result.created.append(path)
    log.info("initialised %s (%d files)", target, len(result.created))
    return result


def _extend_gitignore(path: Path, ours: bytes) -> list[str]:
    """Append the scaffold's patterns (with their comments) that ``path`` lacks."""
    text = path.read_bytes().decode("utf-8", "surrogateescape")  # the author's bytes stay
    have = {_pattern(line) for line in text.splitlines()}
    added, block, comments = [], [], []
    for line in ours.decode("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            comments.append(line)
            continue
        if _pattern(line) not in have:
            block += comments + [line]
            added.append(line)
        comments = []
    if added:
        separator = "" if not text or text.endswith("\n") else "\n"
        text += separator + "\n".join(block) + "\n"
        write_atomic(path, text.encode("utf-8", "surrogateescape"))
    return added


def _pattern(line: str) -> str:
    """A .gitignore line without the slashes that do not change what a folder matches."""
    return line.strip().strip("/")


def sample_title() -> str:
    """The first line (title) of the scaffold's sample post."""
    return (SCAFFOLD_DIR / "sample-post.txt").read_text(encoding="utf-8").splitlines()[0]
