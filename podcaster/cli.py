"""The command line: parse options, load config, call the library. Nothing more."""

from __future__ import annotations

import logging
import traceback
import warnings
from pathlib import Path

import click

from podcaster import __version__
from podcaster.errors import PartialBuildError, UnexpectedError

project_dir_argument = click.argument(
    "project_dir", default=".", type=click.Path(file_okay=False, path_type=Path)
)


EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130

EXIT_CODES = """\b
Exit codes:
  0    success
  1    other error (e.g. no posts to build)
  2    bad command line or podcast.toml
  3    bad post (the message names the file)
  4    speech engine failed or is not available
  5    audio (ffmpeg) or tag error
  6    another build of the project is running
  7    --keep-going: some posts failed, the others were built
  70   unexpected error (a bug: rerun with --verbose for the traceback)
  130  interrupted (Ctrl-C); public/ keeps the last complete build
"""


class _Main(click.Group):
    """The command group: errors become one line and a documented exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.Abort):
            raise
        except click.ClickException:
            if _verbose(ctx):
                traceback.print_exc()
            raise
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


def _verbose(ctx: click.Context) -> bool:
    return bool((ctx.obj or {}).get("verbose"))


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]},
             epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="podcaster")
@click.option("-v", "--verbose", is_flag=True, help="Show debug logging and tracebacks.")
@click.option("-q", "--quiet", is_flag=True, help="Only errors and warnings (for CI).")
@click.pass_context
def main(ctx: click.Context, verbose: bool, quiet: bool) -> None:
    """podcaster: turn a Korean blog into a podcast."""
    ctx.ensure_object(dict)
    ctx.obj["verbose"] = verbose
    ctx.obj["quiet"] = quiet
    level = logging.DEBUG if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


class _BuildProgress:
    """Build progress on stderr: bars over episodes and clips on a terminal, one line per
    episode elsewhere (CI logs), nothing when quiet."""

    def __init__(self, quiet: bool):
        from rich.console import Console

        self.quiet = quiet
        self.console = Console(stderr=True)
        self.bar = None
        self.done = 0
        self.total = 0

    def start(self, episodes: int, clips: int) -> None:
        self.total = episodes
        if self.quiet or not episodes or not self.console.is_terminal:
            return
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self.bar = Progress(TextColumn("{task.description:<8}"), BarColumn(),
                            MofNCompleteColumn(), TimeElapsedColumn(),
                            TextColumn("{task.fields[detail]}"), console=self.console,
                            transient=True)
        self.episodes = self.bar.add_task("episodes", total=episodes, detail="")
        self.clips_task = self.bar.add_task("clips", total=clips, detail="")
        self.bar.start()

    def post(self, post) -> None:
        if self.bar is not None:
            self.bar.update(self.episodes, detail=post.slug)

    def clips(self, n: int) -> None:
        if self.bar is not None:
            self.bar.advance(self.clips_task, n)

    def step(self, post, what: str) -> None:
        if self.bar is not None:
            self.bar.update(self.episodes, detail=f"{post.slug}: {what}")

    def post_done(self, post) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.advance(self.episodes)
        elif not self.quiet:
            self.console.print(f"[{self.done}/{self.total}] {post.slug}", highlight=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def _duration(seconds: float) -> str:
    s = int(round(seconds))
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def _summary(result) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="podcaster build", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    table.add_row("episodes", f"{len(result.built)} built, {len(result.retagged)} re-tagged, "
                              f"{len(result.unchanged)} unchanged, {len(result.removed)} removed"
                  + (f", {len(result.failed)} failed" if result.failed else ""))
    table.add_row("audio", f"{_duration(result.audio_seconds)} in {len(result.episodes)} "
                           "episode(s)")
    table.add_row("clips", f"{result.stats.synthesised} synthesised, {result.stats.cached} cached")
    table.add_row("engine", result.engine)
    table.add_row("wall time", f"{result.seconds:.1f} s")
    Console(highlight=False).print(table)
    click.echo(f"feed: {result.feed_path}")


@main.command(epilog=EXIT_CODES)
@project_dir_argument
@click.option("--engine", help="Speech engine (auto, gtts, espeak, edge); overrides podcast.toml.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Parallel synthesis jobs.")
@click.option("--keep-going", "-k", is_flag=True,
              help="Build the other posts when one fails; list the failures at the end.")
@click.pass_context
def build(ctx: click.Context, project_dir: Path, engine: str | None, jobs: int | None,
          keep_going: bool) -> None:
    """Build the posts of PROJECT_DIR into PROJECT_DIR/public/.

    Only what changed is rebuilt. A bad post stops the build with public/ unchanged,
    unless --keep-going.
    """
    warnings.filterwarnings("ignore", message="Couldn't find ffmpeg", category=RuntimeWarning)
    from podcaster.build import build_project

    quiet = ctx.obj["quiet"]
    progress = _BuildProgress(quiet)
    try:
        result = build_project(project_dir, engine=engine, jobs=jobs, progress=progress,
                               keep_going=keep_going)
    finally:
        progress.close()
    if not quiet:
        _summary(result)
    if result.failed:
        for failure in result.failed:
            click.echo(f"failed: {failure.message}", err=True)
        raise PartialBuildError(f"{len(result.failed)} post(s) failed; "
                                "the others were built and published")
