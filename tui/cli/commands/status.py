"""``atelier status SESSION [--json]``: where the agenda stands, for a tmux status line.

Called every second by a status bar, so it stays light: the standard library
and ``sessions`` only (never Textual), one unlocked read of the file. A file of
the expected shape is read without pydantic (``sessions.storage.peek``); any
other case, errors included, goes through the store as every command does.
"""

from __future__ import annotations

from sessions.i18n import t
from tui.cli.plain import add_session_command, plain_command

TYPE_CHECKING = False  # not ``typing``'s: this module stays light (see tui/cli/context.py)
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from types import SimpleNamespace
    from typing import Any

    from tui.cli.context import Context


def register(sub: argparse._SubParsersAction) -> None:
    add_session_command(sub, "status", t("cli.status.help"), {"--json": t("cli.opt.json")}, run)


def plain_args(argv: Sequence[str]) -> SimpleNamespace | None:
    """``[--data-dir D] [--lang L] status SESSION [--json]`` as argparse reads it, else None."""
    return plain_command(argv, "status", ("--json",), run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from sessions.storage.peek import peek

    return show(ctx, peek(ctx.data_dir, args.session) or ctx.store.load(args.session), args.json)


def show(ctx: Context, session: Any, as_json: bool) -> int:
    """The status line (or ``--json``'s object) of ``session`` now; ``atelier timer`` too."""
    from sessions.timer.position import Stamp
    from sessions.timer.status import status_json, status_line

    stamp = Stamp.of(ctx.clock)
    if as_json:
        ctx.print_json(status_json(session, stamp))
    else:
        ctx.print(status_line(session, stamp))
    return 0
