"""The command line: parse options, load config, call the library. Nothing more."""

from __future__ import annotations

import logging
from pathlib import Path

import click

from podcaster import __version__

project_dir_argument = click.argument(
    "project_dir", default=".", type=click.Path(file_okay=False, path_type=Path)
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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


class _BarProgress:
    """Build progress shown as a click progress bar over clips."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.bar = None

    def start(self, total_clips: int, total_posts: int) -> None:
        if not self.quiet:
            self.bar = click.progressbar(length=total_clips, label="합성", show_pos=True)
            self.bar.__enter__()

    def post(self, post) -> None:
        if self.bar is not None:
            self.bar.label = post.slug[:30]

    def clips(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@main.command()
@project_dir_argument
@click.option("--engine", help="Speech engine (auto, gtts, espeak, edge); overrides podcast.toml.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Parallel synthesis jobs.")
@click.pass_context
def build(ctx: click.Context, project_dir: Path, engine: str | None, jobs: int | None) -> None:
    """Build every post of PROJECT_DIR into PROJECT_DIR/public/."""
    from podcaster.build import build_project

    quiet = ctx.obj["quiet"]
    progress = _BarProgress(quiet)
    try:
        result = build_project(project_dir, engine=engine, jobs=jobs, progress=progress)
    finally:
        progress.close()
    if not quiet:
        minutes = result.audio_seconds / 60
        click.echo(
            f"{len(result.episodes)} episode(s), {minutes:.1f} min of audio, engine {result.engine}, "
            f"clips synthesised {result.stats.synthesised}, from cache {result.stats.cached}, "
            + (f"{result.stats.requests} request(s), {result.stats.retries} retried, "
               if result.stats.requests else "")
            + f"{result.seconds:.1f} s"
        )
    if result.engine_note:
        click.secho(f"note: engine {result.engine_note}", fg="yellow", err=True)
    click.echo(f"feed: {result.feed_path}")
    for ep in result.episodes:
        click.echo(f"episode: {ep.audio_path}")


@main.group()
def cache() -> None:
    """Inspect or prune the cache of synthesised clips (.podcaster-cache/)."""


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


@cache.command("info")
@project_dir_argument
def cache_info(project_dir: Path) -> None:
    """Show how many clips PROJECT_DIR's cache holds, their size and the cache's path."""
    from podcaster.cache import ClipCache
    from podcaster.config import load_config

    info = ClipCache(load_config(project_dir).cache_dir).info()
    click.echo(f"clips: {info.clips}")
    click.echo(f"size: {_megabytes(info.size)}")
    click.echo(f"path: {info.path}")


@cache.command("prune")
@project_dir_argument
@click.option("--engine", help="Keep the clips of this engine (default: as podcast.toml says).")
@click.option("--dry-run", is_flag=True, help="Only say what would be removed.")
def cache_prune(project_dir: Path, engine: str | None, dry_run: bool) -> None:
    """Remove the clips that no current post of PROJECT_DIR uses."""
    from podcaster.cache import ClipCache
    from podcaster.config import load_config
    from podcaster.synthesize import planned_keys

    config = load_config(project_dir)
    result = ClipCache(config.cache_dir).prune(planned_keys(config, engine), dry_run=dry_run)
    verb = "would remove" if dry_run else "removed"
    click.echo(f"{verb} {result.removed} clip(s), {_megabytes(result.freed)}; "
               f"kept {result.kept}")


@main.command()
@click.argument("post", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the post's segments as JSON.")
def segments(post: Path, as_json: bool) -> None:
    """Show how POST splits into greeting, articles, commentary and sign-off."""
    import json

    from podcaster.read import read_post
    from podcaster.segment import describe_segments, segment_post

    parsed = read_post(post)
    doc = describe_segments(parsed, segment_post(parsed))
    if as_json:
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    click.echo(f"{doc['title']}  ({doc['date']}, {doc['slug']}{', draft' if doc['draft'] else ''})")
    for i, seg in enumerate(doc["segments"], start=1):
        src = seg["source"]
        where = f"  [{src['n']}. {src['outlet'] or '-'}, {src['url'] or '-'}]" if src else ""
        click.echo(f"{i:2}. {seg['kind']:<10} {seg['title']}{where}")
        for para in seg["paragraphs"]:
            click.echo(f"      {para if len(para) <= 60 else para[:59] + '…'}")
    if not doc["sources"]:
        click.echo("(no sources)")
