"""``podcaster build``, ``check`` and ``cache``: a project's posts into public/, and what is built."""

from __future__ import annotations

from pathlib import Path

import click

from podcaster.build.progress import BuildProgress, print_summary
from podcaster.cli.app import (
    EXIT_CODES,
    as_given,
    check_engine,
    main,
    print_warnings,
    project_dir_argument,
    sigterm_stops_cleanly,
    verbosity,
)
from podcaster.errors import PartialBuildError


@main.command(epilog=EXIT_CODES)
@project_dir_argument
@click.option("--engine", callback=check_engine,
              help="Speech engine (auto, gtts, espeak, edge); overrides podcast.toml.")
@click.option("--jobs", "-j", type=click.IntRange(min=1),
              help="Parallel synthesis jobs (the engine's limit); overrides [engine] jobs.")
@click.option("--build-jobs", type=click.IntRange(min=1),
              help="Episodes assembled and encoded at once, one process each (default: usable "
                   "CPU cores); overrides [build] jobs. The output is the same for any number.")
@click.option("--keep-going", "-k", is_flag=True,
              help="Build the other posts when one fails; list the failures at the end.")
@click.option("--strict", is_flag=True,
              help="Fail, writing nothing, when a quote has no clear source (for CI).")
@click.option("--new-guid", is_flag=True,
              help="Publish even though the show's podcast:guid changed (it is a new show).")
@click.pass_context
@verbosity
def build(ctx: click.Context, project_dir: Path, engine: str | None, jobs: int | None,
          build_jobs: int | None, keep_going: bool, strict: bool, new_guid: bool) -> None:
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
        with sigterm_stops_cleanly():
            result = build_project(project_dir, engine=engine, jobs=jobs, progress=progress,
                                   keep_going=keep_going, build_jobs=build_jobs, strict=strict,
                                   new_guid=new_guid)
    except UnclearAttributionError as exc:
        progress.close()
        print_warnings(exc.warnings)
        raise
    finally:
        progress.close()
    if not quiet:
        print_summary(result)
    print_warnings(result.warnings)
    if result.engine_note and not quiet and result.stats.synthesised:
        # once, and only when the fallback made some of the audio (not on a no-op)
        click.secho(f"note: engine {result.engine_note}", fg="yellow", err=True)
    if result.failed:
        for failure in result.failed:
            click.echo(f"failed: {failure.message}", err=True)
        raise PartialBuildError(f"{len(result.failed)} post(s) failed; "
                                "the others were built and published")


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
    print_warnings(result.warnings)
    feed = as_given(result.feed_path)
    for problem in result.problems:
        click.echo(str(problem))
    if result.problems:
        files = dict.fromkeys(p.where.split(": ", 1)[0] for p in result.problems)
        raise PodcasterError(f"{len(result.problems)} problem(s) in {', '.join(files)}")
    if not ctx.obj["quiet"]:
        click.echo(f"{feed}: OK, {result.episodes} episode(s)")


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
@click.option("--engine", callback=check_engine,
              help="Keep the clips of this engine (default: as podcast.toml says).")
@click.option("--dry-run", is_flag=True, help="Only say what would be removed.")
@verbosity
def cache_prune(project_dir: Path, engine: str | None, dry_run: bool) -> None:
    """Remove the clips that no current post of PROJECT_DIR uses (not while it builds)."""
    from podcaster.build.prune import prune_clips
    from podcaster.config import load_config

    result = prune_clips(load_config(project_dir), engine, dry_run=dry_run)
    verb = "would remove" if dry_run else "removed"
    click.echo(f"{verb} {result.removed} clip(s), {_megabytes(result.freed)}; "
               f"kept {result.kept}")
