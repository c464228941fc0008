"""``podcaster init``, ``import`` and ``serve``: a new project, posts from the blog, a preview."""

from __future__ import annotations

import logging
from pathlib import Path

import click

from podcaster.cli.app import (
    check_engine,
    main,
    project_dir_argument,
    verbosity,
)


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
@click.option("--prune", is_flag=True,
              help="Remove imported posts the [source] filters now leave out (only those "
                   "not edited since their import).")
@click.pass_context
@verbosity
def import_command(ctx: click.Context, args: tuple[str, ...], since, force: bool,
                   prune: bool) -> None:
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
        options = ImportOptions.from_config(config, since=day, force=force, prune=prune)
    else:
        options = ImportOptions(since=day, force=force, prune=prune)
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
    for path in result.pruned:
        click.echo(f"removed {path} (left out by the filters)")
    click.echo(f"{len(result.new)} new, {len(result.updated)} updated, {result.unchanged} "
               f"unchanged, {len(result.kept)} kept (edited here), {result.skipped} skipped"
               + (f", {len(result.pruned)} removed" if result.pruned else ""))


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", help="Show title (can be changed later in podcast.toml).")
@click.option("--author", help="Author name.")
@click.option("--description", help="What the show is about, in a sentence or two.")
@click.option("--email", help="Owner e-mail, shown to podcast directories.")
@click.option("--base-url", help="Where public/ will be served, e.g. https://USER.github.io/REPO/.")
@click.option("--engine", "ci_engine", default="gtts", show_default=True, callback=check_engine,
              help="The speech engine the publishing workflow builds with.")
@click.option("--feed", help="The blog's RSS/Atom feed: the workflow imports its new posts "
              "every hour and publishes them.")
@click.pass_context
@verbosity
def init(ctx: click.Context, directory: Path, title: str | None, author: str | None,
         description: str | None, email: str | None, base_url: str | None, ci_engine: str,
         feed: str | None) -> None:
    """Create a new podcast project in DIRECTORY, with a workflow that publishes it.

    DIRECTORY may be an existing repository (`podcaster init .`): files already there are
    kept, and .gitignore gets only the lines it lacks.
    """
    from dataclasses import replace

    from podcaster.check.placeholders import find_placeholders
    from podcaster.config import load_config
    from podcaster.init import ON_PACKAGE_INDEX, ProjectSettings, init_project

    settings = ProjectSettings()
    chosen = {"title": title, "author": author, "description": description, "email": email,
              "base_url": base_url, "engine": ci_engine, "feed": feed}
    settings = replace(settings, **{k: v for k, v in chosen.items() if v is not None})
    result = init_project(directory, settings)
    if ctx.obj["quiet"]:
        return
    for path in result.created:
        click.echo(f"created {path}")
    for path in result.kept:
        click.echo(f"kept {path} (already there; not changed)")
    if result.ignored:
        click.echo(f"added to {directory / '.gitignore'}: {' '.join(result.ignored)}")
    if result.theirs:
        click.echo(f"left {result.theirs} as it is: it is your own workflow, not podcaster's")
    todo = find_placeholders(load_config(directory))
    if todo:
        click.echo("\nNext, edit what `podcaster check` will not publish:")
        for placeholder in todo:
            click.echo(f"  {placeholder}")
    first = f"  podcaster import {directory}\n" if feed else ""
    click.echo(f"\nThen build and preview the show:\n{first}  podcaster build {directory}\n"
               f"  podcaster serve {directory}")
    if result.workflow is None:
        click.echo("No publishing workflow was written: .github/workflows/ already has "
                   f"{result.theirs.name if result.theirs else 'one'} and "
                   "podcaster-publish.yml. To publish from GitHub Actions, copy the one "
                   "`podcaster init` writes into an empty folder.")
        return
    workflow = result.workflow.relative_to(directory).as_posix()
    beside = f" (beside your {result.theirs.name}; if that one deploys GitHub Pages too, " \
             "keep only one of them)" if result.theirs else ""
    click.echo(f"and push it to GitHub: {workflow}{beside} publishes it to GitHub Pages\n"
               "(once: Settings > Pages > Source: GitHub Actions).")
    if not ON_PACKAGE_INDEX:
        click.echo(f"Before that: podcaster is not on the Python package index yet, so the "
                   f"last line of {directory / 'requirements.txt'} cannot install; replace it "
                   "as its comment says.")
