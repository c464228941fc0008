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
            f"clips synthesised {result.stats.synthesised}, cached {result.stats.cached}, "
            f"{result.seconds:.1f} s"
        )
    click.echo(f"feed: {result.feed_path}")
    for ep in result.episodes:
        click.echo(f"episode: {ep.audio_path}")


@main.command()
@project_dir_argument
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0 picks a free one).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; 0.0.0.0 lets phones on the same network connect.")
@click.option("--as-published", is_flag=True,
              help="Serve feed and pages byte for byte, with links to base_url left as they are.")
@click.pass_context
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


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", help="Show title (can be changed later in podcast.toml).")
@click.option("--author", help="Author name.")
@click.option("--email", help="Owner e-mail, shown to podcast directories.")
@click.option("--base-url", help="Where public/ will be served, e.g. https://USER.github.io/REPO/.")
@click.option("--engine", default="gtts", show_default=True,
              help="The speech engine the publishing workflow builds with.")
def init(directory: Path, title: str | None, author: str | None, email: str | None,
         base_url: str | None, engine: str) -> None:
    """Create a new podcast project in DIRECTORY, with a workflow that publishes it."""
    from dataclasses import replace

    from podcaster.init import ProjectSettings, init_project

    settings = ProjectSettings()
    chosen = {"title": title, "author": author, "email": email, "base_url": base_url,
              "engine": engine}
    settings = replace(settings, **{k: v for k, v in chosen.items() if v is not None})
    for path in init_project(directory, settings):
        click.echo(f"created {path}")
    click.echo(f"\nNext: edit {directory / 'podcast.toml'}, put your posts in "
               f"{directory / 'posts'}, then run\n  podcaster build {directory}\n"
               f"  podcaster serve {directory}")
