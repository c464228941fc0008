"""The command line: parse options, load config, call the library. Nothing more."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import signal
import sys
import threading
import traceback
from pathlib import Path

import click

from podcaster import __version__
from podcaster.build.progress import BuildProgress, print_summary
from podcaster.errors import PartialBuildError, UnexpectedError

project_dir_argument = click.argument(
    "project_dir", default=".", type=click.Path(file_okay=False, path_type=Path)
)


EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143  # 128 + SIGTERM, as a shell reports a process SIGTERM ended

EXIT_CODES = """\b
Exit codes:
  0    success
  1    other error (no posts to build, problems found by check, ...)
  2    bad command line or podcast.toml
  3    bad post (the message names the file)
  4    speech engine failed or is not available
  5    audio (ffmpeg) or tag error
  6    another build of the project is running
  7    --keep-going: some posts failed, the others were built
  8    cannot write output (read-only, disk full, a file in the way)
  70   unexpected error (a bug: rerun with --verbose for the traceback)
  130  interrupted (Ctrl-C); public/ keeps the last complete build
  143  terminated (SIGTERM); public/ keeps the last complete build
"""


def _stop_quietly_on_broken_pipe() -> None:
    """Standard output's reader went away (`podcaster script POST | head -1`): stop with
    exit 0 and no message, as Unix tools do. What is still buffered goes to /dev/null."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass  # not a real file (tests): nothing is flushed to a closed pipe
    raise click.exceptions.Exit(0)


class _Main(click.Group):
    """The command group: errors become one line and a documented exit code."""

    def make_context(self, *args, **kwargs) -> click.Context:
        try:  # --help and --version print while the command line is parsed
            return super().make_context(*args, **kwargs)
        except BrokenPipeError:
            _stop_quietly_on_broken_pipe()

    def invoke(self, ctx: click.Context):
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
            return result
        except (click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:
            _stop_quietly_on_broken_pipe()
        except click.ClickException:
            if _verbose(ctx):
                traceback.print_exc()
            raise
        except Terminated:
            click.echo("Terminated.", err=True)
            ctx.exit(EXIT_TERMINATED)
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except Exception as exc:
            if _verbose(ctx):
                traceback.print_exc()
            message = str(exc) if isinstance(exc, UnexpectedError) \
                else f"unexpected {type(exc).__name__}: {exc}"
            hint = "" if _verbose(ctx) else " (rerun with --verbose for the traceback)"
            click.echo(f"Error: {message}{hint}", err=True)
            ctx.exit(EXIT_INTERNAL)


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived: the command stops as cleanly as on Ctrl-C."""


def _raise_terminated(signum, frame) -> None:
    raise Terminated


@contextlib.contextmanager
def _sigterm_stops_cleanly():
    """While the block runs, SIGTERM raises Terminated (so cleanups run) instead of ending
    the process at once."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _verbose(ctx: click.Context) -> bool:
    return bool((ctx.obj or {}).get("verbose"))


def _set_flag(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """-v/-q given after a command: the same as before it."""
    if value:
        ctx.find_root().ensure_object(dict)[param.name] = True
        if param.name == "verbose":
            root = logging.getLogger()
            ctx.call_on_close(lambda level=root.level: root.setLevel(level))
            root.setLevel(logging.DEBUG)


class _LogFormat(logging.Formatter):
    """The library's warnings as the commands print their own ("warning: …"); with -v, every
    record with its level and logger name (and traceback)."""

    _verbose = logging.Formatter("%(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        if logging.getLogger().isEnabledFor(logging.DEBUG):
            return self._verbose.format(record)
        return f"{record.levelname.lower()}: {record.getMessage()}"


VERBOSE_HELP = "Show debug logging and tracebacks."
QUIET_HELP = "Only errors and warnings (for CI)."


def verbosity(command):
    """Accept -v/-q after the command too (`podcaster build DIR -q`); listed in its --help."""
    command = click.option("-q", "--quiet", is_flag=True, expose_value=False,
                           callback=_set_flag, help=QUIET_HELP)(command)
    return click.option("-v", "--verbose", is_flag=True, expose_value=False,
                        callback=_set_flag, help=VERBOSE_HELP)(command)


def _check_engine(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An engine name known here (or auto, where the option allows it); else exit 2."""
    from podcaster.speech.engines import engine_names

    if value is None:
        return value
    known = engine_names() if param.name == "ci_engine" else ["auto", *engine_names()]
    if value == "auto" and param.name == "ci_engine":
        raise click.BadParameter(f"CI builds with a named engine, not auto: one of "
                                 f"{', '.join(known)}")
    if value not in known:
        raise click.BadParameter(f"unknown engine {value!r}; known engines: {', '.join(known)}")
    return value


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]},
             epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="podcaster")
@click.option("-v", "--verbose", is_flag=True, help=VERBOSE_HELP)
@click.option("-q", "--quiet", is_flag=True, help=QUIET_HELP)
@click.pass_context
def main(ctx: click.Context, verbose: bool, quiet: bool) -> None:
    """podcaster: turn a Korean blog into a podcast."""
    ctx.ensure_object(dict)
    ctx.obj["verbose"] = verbose
    ctx.obj["quiet"] = quiet
    level = logging.DEBUG if verbose else logging.WARNING
    handler = logging.StreamHandler()
    handler.setFormatter(_LogFormat())
    logging.basicConfig(level=level, handlers=[handler])


@main.command(epilog=EXIT_CODES)
@project_dir_argument
@click.option("--engine", callback=_check_engine,
              help="Speech engine (auto, gtts, espeak, edge); overrides podcast.toml.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Parallel synthesis jobs.")
@click.option("--keep-going", "-k", is_flag=True,
              help="Build the other posts when one fails; list the failures at the end.")
@click.option("--strict", is_flag=True,
              help="Fail, writing nothing, when a quote has no clear source (for CI).")
@click.pass_context
@verbosity
def build(ctx: click.Context, project_dir: Path, engine: str | None, jobs: int | None,
          keep_going: bool, strict: bool) -> None:
    """Build the posts of PROJECT_DIR into PROJECT_DIR/public/.

    Only what changed is rebuilt. A bad post stops the build with public/ unchanged,
    unless --keep-going. A quote without a clear source is read without an outlet and
    warned about; --strict makes that a failure.
    """
    from podcaster.build import build_project
    from podcaster.errors import UnclearAttributionError

    quiet = ctx.obj["quiet"]
    progress = BuildProgress(quiet)
    try:
        with _sigterm_stops_cleanly():
            result = build_project(project_dir, engine=engine, jobs=jobs, progress=progress,
                                   keep_going=keep_going, strict=strict)
    except UnclearAttributionError as exc:
        progress.close()
        _print_warnings(exc.warnings)
        raise
    finally:
        progress.close()
    if not quiet:
        print_summary(result)
    _print_warnings(result.warnings)
    if result.engine_note:
        click.secho(f"note: engine {result.engine_note}", fg="yellow", err=True)
    if result.failed:
        for failure in result.failed:
            click.echo(f"failed: {failure.message}", err=True)
        raise PartialBuildError(f"{len(result.failed)} post(s) failed; "
                                "the others were built and published")


def _print_warnings(warnings) -> None:
    for warning in warnings:
        click.secho(f"warning: {warning}", fg="yellow", err=True)


@main.group()
def cache() -> None:
    """Inspect or prune the cache of synthesised clips (.podcaster-cache/)."""


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


@cache.command("info")
@project_dir_argument
@verbosity
def cache_info(project_dir: Path) -> None:
    """Show how many clips PROJECT_DIR's cache holds, their size and the cache's path."""
    from podcaster.config import load_config
    from podcaster.speech.cache import ClipCache

    info = ClipCache(load_config(project_dir).cache_dir).info()
    click.echo(f"clips: {info.clips}")
    click.echo(f"size: {_megabytes(info.size)}")
    click.echo(f"path: {info.path}")


@cache.command("prune")
@project_dir_argument
@click.option("--engine", callback=_check_engine,
              help="Keep the clips of this engine (default: as podcast.toml says).")
@click.option("--dry-run", is_flag=True, help="Only say what would be removed.")
@verbosity
def cache_prune(project_dir: Path, engine: str | None, dry_run: bool) -> None:
    """Remove the clips that no current post of PROJECT_DIR uses."""
    from podcaster.config import load_config
    from podcaster.speech.cache import ClipCache
    from podcaster.speech.synthesize import planned_keys

    config = load_config(project_dir)
    result = ClipCache(config.cache_dir).prune(planned_keys(config, engine), dry_run=dry_run)
    verb = "would remove" if dry_run else "removed"
    click.echo(f"{verb} {result.removed} clip(s), {_megabytes(result.freed)}; "
               f"kept {result.kept}")


@main.command()
@project_dir_argument
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0 picks a free one).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; 0.0.0.0 lets phones on the same network connect.")
@click.option("--as-published", is_flag=True,
              help="Serve feed and pages byte for byte, with links to base_url left as they are.")
@click.pass_context
@verbosity
def serve(ctx: click.Context, project_dir: Path, port: int, host: str,
          as_published: bool) -> None:
    """Preview PROJECT_DIR/public/ over HTTP (feed, pages, episodes with seeking).

    Links to base_url in the feed and pages are rewritten to this server's address, so a
    podcast app subscribed to the local feed plays the local episodes.
    """
    from podcaster.serve import network_addresses, project_server

    server = project_server(project_dir, host=host, port=port, rewrite=not as_published)
    if not ctx.obj["quiet"]:
        requests = logging.getLogger("podcaster.serve")
        requests.setLevel(logging.INFO)
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        requests.addHandler(handler)
        requests.propagate = False
    port = server.server_address[1]
    click.echo(f"site: {server.url}")
    click.echo(f"feed: {server.url}feed.xml")
    if host in ("0.0.0.0", "::", ""):
        for address in network_addresses():
            click.echo(f"on your network: http://{address}:{port}/feed.xml")
    click.echo("Ctrl+C stops the server.")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@main.command("import")
@click.argument("args", nargs=-1, metavar="[FEED_URL] [DIR]")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Only entries published on or after this day (YYYY-MM-DD).")
@click.option("--force", is_flag=True,
              help="Replace posts edited since their import, and import entries again.")
@click.pass_context
@verbosity
def import_command(ctx: click.Context, args: tuple[str, ...], since, force: bool) -> None:
    """Copy the blog's new and changed posts from its RSS/Atom feed into DIR/posts/.

    FEED_URL defaults to [source] feed in DIR/podcast.toml; DIR defaults to the current
    folder. A post edited since its import is kept (with a warning) unless --force.
    """
    from podcaster.config import CONFIG_NAME, load_config
    from podcaster.importer import ImportOptions, import_feed

    if len(args) > 2:
        raise click.UsageError("expected at most FEED_URL and DIR")
    feed_url = args[0] if len(args) == 2 or (args and "://" in args[0]) else None
    project_dir = Path(args[-1] if args and args[-1] != feed_url else ".")
    day = since.date() if since else None
    if (project_dir / CONFIG_NAME).is_file():
        config = load_config(project_dir)
        feed_url = feed_url or config.source.feed
        options = ImportOptions.from_config(config, since=day, force=force)
    else:
        options = ImportOptions(since=day, force=force)
    if not feed_url:
        raise click.UsageError(f"no FEED_URL given and no [source] feed in "
                               f"{project_dir / CONFIG_NAME}")
    result = import_feed(project_dir, feed_url, options)
    if ctx.obj["quiet"]:
        return
    if result.not_modified:
        click.echo(f"{feed_url}: not modified since the last import")
        return
    for path in result.new:
        click.echo(f"imported {path}")
    for path in result.updated:
        click.echo(f"updated {path}")
    click.echo(f"{len(result.new)} new, {len(result.updated)} updated, {result.unchanged} "
               f"unchanged, {len(result.kept)} kept (edited here), {result.skipped} skipped")


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", help="Show title (can be changed later in podcast.toml).")
@click.option("--author", help="Author name.")
@click.option("--email", help="Owner e-mail, shown to podcast directories.")
@click.option("--base-url", help="Where public/ will be served, e.g. https://USER.github.io/REPO/.")
@click.option("--engine", "ci_engine", default="gtts", show_default=True, callback=_check_engine,
              help="The speech engine the publishing workflow builds with.")
@click.option("--feed", help="The blog's RSS/Atom feed: the workflow imports its new posts "
              "every hour and publishes them.")
@verbosity
def init(directory: Path, title: str | None, author: str | None, email: str | None,
         base_url: str | None, ci_engine: str, feed: str | None) -> None:
    """Create a new podcast project in DIRECTORY, with a workflow that publishes it.

    DIRECTORY may be an existing repository (`podcaster init .`): files already there are
    kept, and .gitignore gets only the lines it lacks.
    """
    from dataclasses import replace

    from podcaster.check.placeholders import find_placeholders
    from podcaster.config import load_config
    from podcaster.init import ProjectSettings, init_project

    settings = ProjectSettings()
    chosen = {"title": title, "author": author, "email": email, "base_url": base_url,
              "engine": ci_engine, "feed": feed}
    settings = replace(settings, **{k: v for k, v in chosen.items() if v is not None})
    result = init_project(directory, settings)
    for path in result.created:
        click.echo(f"created {path}")
    for path in result.kept:
        click.echo(f"kept {path} (already there; not changed)")
    if result.ignored:
        click.echo(f"added to {directory / '.gitignore'}: {' '.join(result.ignored)}")
    todo = find_placeholders(load_config(directory))
    if todo:
        click.echo("\nNext, edit what `podcaster check` will not publish:")
        for placeholder in todo:
            click.echo(f"  {placeholder}")
    first = f"  podcaster import {directory}\n" if feed else ""
    click.echo(f"\nThen build and preview the show:\n{first}  podcaster build {directory}\n"
               f"  podcaster serve {directory}\n"
               "and push it to GitHub: .github/workflows/publish.yml publishes it to GitHub Pages\n"
               "(once: Settings > Pages > Source: GitHub Actions).")


@main.command()
@click.argument("post", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the post's segments as JSON.")
@verbosity
def segments(post: Path, as_json: bool) -> None:
    """Show how POST splits into greeting, articles, commentary and sign-off."""
    import json

    from podcaster.text.read import read_post
    from podcaster.text.segment import analyse_post, describe_segments

    parsed = read_post(post)
    segmentation = analyse_post(parsed)
    doc = describe_segments(parsed, segmentation.segments, segmentation.warnings)
    if as_json:
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    click.echo(f"{doc['title']}  ({doc['date']}, {doc['slug']}{', draft' if doc['draft'] else ''})")
    for i, seg in enumerate(doc["segments"], start=1):
        src = seg["source"]
        where = f"  [{src['n']}. {src['outlet'] or '-'}, {src['url'] or '-'}]" if src else ""
        sure = f"  (confidence {seg['confidence']:.2f})" if seg.get("confidence") is not None else ""
        click.echo(f"{i:2}. {seg['kind']:<10} {seg['title']}{where}{sure}")
        for reason in seg.get("why", []):
            click.echo(f"      why: {reason}")
        for para in seg["paragraphs"]:
            click.echo(f"      {para if len(para) <= 60 else para[:59] + '…'}")
    if not doc["sources"]:
        click.echo("(no sources)")
    for warning in segmentation.warnings:
        click.echo(f"warning: {warning}", err=True)


def _lexicon_option(values: tuple[str, ...]) -> dict[str, str]:
    lexicon = {}
    for value in values:
        text, sep, reading = value.partition("=")
        if not sep or not text:
            raise click.BadParameter(f"{value!r} is not TEXT=READING", param_hint="--lexicon")
        lexicon[text] = reading
    return lexicon


def _find_project(start: Path) -> Path | None:
    """The nearest folder from ``start`` upwards that holds a podcast.toml."""
    from podcaster.config import CONFIG_NAME

    for folder in (start.resolve(), *start.resolve().parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    return None


@main.command("normalize")
@click.argument("text", nargs=-1, required=True)
@click.option(
    "--project", "-p", type=click.Path(file_okay=False, path_type=Path),
    help="Also apply the [pronunciation] lexicon of this project's podcast.toml.",
)  # fmt: skip
@click.option("--lexicon", "-l", multiple=True, metavar="TEXT=READING", help="Extra reading.")
@verbosity
def normalize_command(text: tuple[str, ...], project: Path | None, lexicon: tuple[str, ...]):
    """Print TEXT as the speech engine will say it (one line). "-" reads standard input."""
    from podcaster.text.normalize import normalize

    words = list(text)
    if words == ["-"]:
        words = [click.get_text_stream("stdin").read()]
    elif len(words) == 1 and _is_file(words[0]):
        click.echo(f"warning: {words[0]} is a file: this reads its name; for its text use "
                   f"'podcaster normalize - < {words[0]}' or 'podcaster script {words[0]}'",
                   err=True)
    readings = {}
    if project is not None:
        from podcaster.config import load_config

        readings.update(load_config(project).pronunciation)
    readings.update(_lexicon_option(lexicon))
    click.echo(normalize(" ".join(words), readings))


def _is_file(text: str) -> bool:
    try:
        return Path(text).is_file()
    except (OSError, ValueError):  # a name too long for the system, a NUL
        return False


@main.command("script")
@click.argument("post", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--project", "-p", type=click.Path(file_okay=False, path_type=Path),
    help="Project whose podcast.toml gives the lexicon and sounds "
    "(default: the nearest one above the post).",
)  # fmt: skip
@click.option("--changed", is_flag=True, help="Show only the cues whose spoken text differs.")
@verbosity
def script_command(post: Path, project: Path | None, changed: bool) -> None:
    """Print the spoken script of POST: each cue's kind, what the author wrote and what the
    engine will say, with the changes highlighted."""
    from podcaster.config import load_config
    from podcaster.text.normalize import (
        changed_spans,
        english_sentences,
        transliterations,
        unread_words,
    )
    from podcaster.text.read import read_post
    from podcaster.text.script import ScriptSettings, build_script
    from podcaster.text.segment import segment_post

    project = project or _find_project(post.parent)
    settings = ScriptSettings.from_config(load_config(project)) if project else ScriptSettings()
    parsed = read_post(post)
    cues = build_script(parsed, segment_post(parsed), settings)

    def styled(spans, colour: str) -> str:
        return "".join(click.style(t, fg=colour, bold=True) if c else t for t, c in spans)

    unread: list[str] = []
    guessed: dict[str, str] = {}
    english: list[str] = []
    for number, cue in enumerate(cues, 1):
        unread.extend(unread_words(cue.spoken))
        if not cue.is_sound:
            guessed.update(transliterations(cue.text, settings.lexicon))
            english.extend(english_sentences(cue.text, settings.lexicon))
        if cue.is_sound:
            if not changed:
                click.echo(f"{number:4} {cue.kind:12} ♪ {cue.sound.name}")
            continue
        if cue.text == cue.spoken:
            if not changed:
                click.echo(f"{number:4} {cue.kind:12} {cue.text}")
            continue
        written, spoken = changed_spans(cue.text, cue.spoken)
        click.echo(f"{number:4} {cue.kind:12} {styled(written, 'red')}")
        click.echo(f"{'':4} {'':12} → {styled(spoken, 'green')}")
    if guessed:
        readings = ", ".join(f"{word} → {reading}" for word, reading in guessed.items())
        click.echo(f"Read by pronunciation (override under [pronunciation]): {readings}")
    if unread:
        words = ", ".join(dict.fromkeys(unread))
        click.echo(f"Left in Latin letters (kept by [pronunciation]): {words}")
    if english:
        quoted = ", ".join(f'"{s}"' for s in dict.fromkeys(english))
        click.echo(f"English read word by word (give a Korean reading under [pronunciation]): {quoted}")


@main.command()
@project_dir_argument
@click.option("--strict", is_flag=True,
              help="Count quotes without a clear source in the posts as problems (for CI).")
@click.pass_context
@verbosity
def check(ctx: click.Context, project_dir: Path, strict: bool) -> None:
    """Check PROJECT_DIR/public/ (feed.xml and the files it links) against Apple Podcasts'
    requirements and the podcast: namespace; one line per problem, exit 1 if any.
    Quotes in the posts without a clear source are warnings, problems with --strict."""
    from podcaster.check import check_project
    from podcaster.errors import PodcasterError

    result = check_project(project_dir, strict=strict)
    _print_warnings(result.warnings)
    feed = _as_given(result.feed_path)
    for problem in result.problems:
        click.echo(str(problem))
    if result.problems:
        raise PodcasterError(f"{len(result.problems)} problem(s) in {feed}")
    if not ctx.obj["quiet"]:
        click.echo(f"{feed}: OK, {result.episodes} episode(s)")


def _as_given(path: Path) -> Path:
    """``path`` relative to the working folder when it is inside it, as the user typed it."""
    try:
        return path.relative_to(Path.cwd().resolve())
    except ValueError:
        return path
