"""What the user sees of a build: progress bars while it runs, a summary table after.

Part of the command line (the library only logs); rich draws on stderr/stdout.
"""

from __future__ import annotations

import click

from podcaster.timecode import timecode


def _console(**options):
    """A rich console that leaves a closed pipe (`podcaster build | head`) to the command
    line, which ends quietly with exit 0 (rich itself would exit 1). rich loads lazily."""
    from rich.console import Console

    class PipeAwareConsole(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

    return PipeAwareConsole(**options)



class BuildProgress:
    """Build progress on stderr: bars over episodes and clips on a terminal, one line per
    episode elsewhere (CI logs), nothing when quiet."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.console = _console(stderr=True)
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


def print_summary(result) -> None:
    from rich.table import Table

    table = Table(title="podcaster build", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    table.add_row("episodes", f"{len(result.built)} built, {len(result.restored)} restored, "
                              f"{len(result.retagged)} re-tagged, {len(result.unchanged)} unchanged, "
                              f"{len(result.removed)} removed"
                  + (f", {len(result.failed)} failed" if result.failed else ""))
    table.add_row("audio", f"{timecode(result.audio_seconds, hours=True, round_down=False)} in {len(result.episodes)} "
                           "episode(s)")
    requests = (f", {result.stats.requests} request(s), {result.stats.retries} retried"
                if result.stats.requests else "")
    table.add_row("clips", f"{result.stats.synthesised} synthesised, "
                           f"{result.stats.cached} from cache"
                           + requests)
    table.add_row("engine", result.engine)
    table.add_row("wall time", f"{result.seconds:.1f} s")
    _console(highlight=False).print(table)
    click.echo(f"feed: {result.feed_path}")
    changed = {slug: "built" for slug in result.built}
    changed.update((slug, "restored") for slug in result.restored)
    changed.update((slug, "re-tagged") for slug in result.retagged)
    for episode in result.episodes:
        if episode.post.slug in changed:
            click.echo(f"{changed[episode.post.slug]}: {episode.audio_path}")
    for slug in result.removed:
        click.echo(f"removed: {slug}")
