"""The nearest command or option to a mistyped one (`podcaster biuld` → build,
`--engin` → --engine): click's own hint lists every loosely similar option, or none."""

from __future__ import annotations

import difflib

import click

CUTOFF = 0.6  # below this, nothing is near enough to suggest


def nearest(word: str, choices) -> list[str]:
    """The choices most like ``word`` (ties kept, sorted), or [] if none is near enough."""
    scored = [(difflib.SequenceMatcher(None, word, c).ratio(), c) for c in set(choices)]
    best = max((score for score, _ in scored), default=0.0)
    if best < CUTOFF:
        return []
    return sorted(c for score, c in scored if score == best)


class _SuggestsOptions:
    """An unknown-option error names only the nearest option."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)  # type: ignore[misc]
        except click.NoSuchOption as exc:
            _trim(exc, ctx, self)  # type: ignore[arg-type]
            raise


class SuggestingCommand(_SuggestsOptions, click.Command):
    """A command whose unknown-option error names only the nearest option."""


class SuggestingGroup(_SuggestsOptions, click.Group):
    """A group whose unknown command or option errors name only the nearest one."""

    command_class = SuggestingCommand

    def resolve_command(self, ctx: click.Context, args: list[str]):
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            near = nearest(name, self.list_commands(ctx))
            hint = f" Did you mean {' or '.join(repr(n) for n in near)}?" if near else ""
            ctx.fail(f"No such command {name!r}.{hint}")
        return super().resolve_command(ctx, args)


SuggestingGroup.group_class = SuggestingGroup


def _trim(exc: click.NoSuchOption, ctx: click.Context, command: click.Command) -> None:
    if not exc.option_name.startswith("--"):
        return
    options = [o for p in command.get_params(ctx) for o in (*p.opts, *p.secondary_opts)
               if o.startswith("--")]
    exc.possibilities = nearest(exc.option_name, options)
