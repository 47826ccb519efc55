"""``atelier status SESSION [--json]``: where the agenda stands, for a tmux status line.

Called every second by a status bar, so it stays light: the standard library
and ``sessions`` only (never Textual), one unlocked read of the file. A file of
the expected shape is read without pydantic (``sessions.storage.peek``); any
other case, errors included, goes through the store as every command does.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from sessions.i18n import LANGUAGES, t

TYPE_CHECKING = False  # not ``typing``'s: this module stays light (see tui/cli/context.py)
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from typing import Any

    from tui.cli.context import Context

OPTIONS = ("--data-dir", "--lang")  # the main parser's options that take a value


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("status", help=t("cli.status.help"))
    parser.add_argument("session", metavar="SESSION", help=t("cli.opt.session"))
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))
    parser.set_defaults(func=run)


def plain_args(argv: Sequence[str]) -> SimpleNamespace | None:
    """What argparse gives for ``[--data-dir D] [--lang L] status SESSION [--json]``, else None.

    Only the plain form, spelled out in full: any other option, an
    abbreviation, ``--``, ``-h``, a value starting with ``-`` or empty, a
    language argparse would refuse, a missing or second SESSION gives None, and
    argparse reads the command line (with its usage, help and errors).
    """
    data_dir: Path | None = None
    lang: str | None = None
    items = iter(argv)
    for arg in items:
        name, equals, value = arg.partition("=")
        if name not in OPTIONS:
            break
        if not equals:
            value = next(items, "")
        if not value or value.startswith("-") or (name == "--lang" and value not in LANGUAGES):
            return None
        if name == "--lang":
            lang = value
        else:
            data_dir = Path(value)
    else:
        return None
    if arg != "status":
        return None
    session: str | None = None
    as_json = False
    for arg in items:
        if arg == "--json":
            as_json = True
        elif arg.startswith("-") or session is not None:
            return None
        else:
            session = arg
    if session is None:
        return None
    return SimpleNamespace(
        data_dir=data_dir, lang=lang, command="status", session=session, json=as_json, func=run
    )


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
