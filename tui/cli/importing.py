"""The one shape of every ``atelier import KIND SESSION FILE``: read, check, transact, report.

A kind gives ``change(session, text)``: it checks the decoded file against the
session and changes it, inside the locked transaction (``store.transact``), and
returns what to say (``Imported``). A refusal (``ImportFileError`` or one of the
kind's own) names the file and, when it has one, the line; nothing is written
and the exit code is ``EXIT_INVALID``. An unreadable file exits
``EXIT_NOT_FOUND`` when it is missing, ``EXIT_INVALID`` otherwise. ``-`` reads
standard input.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sessions.i18n import t
from sessions.i18n.oserror import os_reason
from tui.cli.context import EXIT_INVALID, EXIT_NOT_FOUND, Context
from tui.cli.stdio import read_input

if TYPE_CHECKING:
    from sessions.models import Session


@dataclass(frozen=True)
class Imported:
    """What a kind says once its file is in: ``--json``'s object, the line, warnings."""

    json: dict[str, Any]
    text: str
    warnings: tuple[str, ...] = field(default=())


Change = Callable[["Session", str], Imported]


def add_kind(kinds: argparse._SubParsersAction, kind: str, run: Callable[..., int]) -> None:
    """``atelier import KIND SESSION FILE [--json]``, answered by ``run(args, ctx)``."""
    child = kinds.add_parser(kind, help=t(f"import.{kind}.help"))
    child.add_argument("session", metavar="SESSION", help=t("cli.opt.session"))
    child.add_argument("file", metavar="FILE", help=t("import.file"))
    child.add_argument("--json", action="store_true", help=t("cli.opt.json"))
    child.set_defaults(func=run, kind=kind)


def import_file(
    args: argparse.Namespace,
    ctx: Context,
    change: Change,
    refusals: tuple[type[Exception], ...] = (),
) -> int:
    """Read ``args.file``, apply ``change`` in one transaction on ``args.session``, report."""
    from sessions.documents.imports import ImportFileError, decode

    try:
        data = read_input(args.file)
    except OSError as exc:
        ctx.error(t("cli.cannot_read", path=args.file, reason=os_reason(exc)))
        return EXIT_NOT_FOUND if isinstance(exc, FileNotFoundError) else EXIT_INVALID
    try:
        imported = ctx.store.transact(args.session, lambda session: change(session, decode(data)))
    except (ImportFileError, *refusals) as exc:
        line = getattr(exc, "line", 0)
        if line:
            ctx.error(t("import.refused", path=args.file, line=line, reason=exc))
        else:
            ctx.error(t("import.refused_file", path=args.file, reason=exc))
        return EXIT_INVALID
    for warning in imported.warnings:
        ctx.error(warning)
    if args.json:
        ctx.print_json(imported.json)
    else:
        ctx.print(imported.text)
    return 0
