"""The command group every command hangs on: one-line errors with documented exit codes,
-v/-q before or after the command, warnings as plain lines, quiet broken pipes."""

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
from podcaster.cli.suggest import SuggestingGroup
from podcaster.errors import UnexpectedError

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


class _Main(SuggestingGroup):
    """The command group: errors become one line and a documented exit code; a mistyped
    command or option gets the nearest one suggested."""

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
            if is_verbose(ctx):
                traceback.print_exc()
            raise
        except Terminated:
            click.echo("Terminated.", err=True)
            ctx.exit(EXIT_TERMINATED)
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except Exception as exc:
            if is_verbose(ctx):
                traceback.print_exc()
            message = str(exc) if isinstance(exc, UnexpectedError) \
                else f"unexpected {type(exc).__name__}: {exc}"
            hint = "" if is_verbose(ctx) else " (rerun with --verbose for the traceback)"
            click.echo(f"Error: {message}{hint}", err=True)
            ctx.exit(EXIT_INTERNAL)


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived: the command stops as cleanly as on Ctrl-C."""


def _raise_terminated(signum, frame) -> None:
    raise Terminated


@contextlib.contextmanager
def sigterm_stops_cleanly():
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


def is_verbose(ctx: click.Context) -> bool:
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


def check_engine(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An engine name known here (or auto, where the option allows it); else exit 2."""
    from podcaster.speech.engines import engine_names, is_known

    if value is None or (value != "auto" and is_known(value)):
        return value  # a built-in engine: no scan of the installed packages' entry points
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


def print_warnings(warnings) -> None:
    for warning in warnings:
        click.secho(f"warning: {warning}", fg="yellow", err=True)


def as_given(path: Path) -> Path:
    """``path`` relative to the working folder when it is inside it, as the user typed it."""
    try:
        return path.relative_to(Path.cwd().resolve())
    except ValueError:
        return path
