"""``atelier import enjeux SESSION FILE``: one enjeu (a question) a line, all or nothing.

Registered under ``atelier import`` by ``import_.register`` (``add_kind``); the
top-level ``register`` adds nothing. A refused file names the line and the
reason, writes nothing and exits 6.
"""

from __future__ import annotations

import argparse

from sessions.i18n import t, tn
from sessions.i18n.oserror import os_reason
from tui.cli.context import EXIT_INVALID, EXIT_NOT_FOUND, Context
from tui.cli.stdio import read_input


def register(sub: argparse._SubParsersAction) -> None:
    """Nothing at the top level: ``import enjeux`` is a kind of ``atelier import``."""


def add_kind(kinds: argparse._SubParsersAction) -> None:
    child = kinds.add_parser("enjeux", help=t("import.enjeux.help"))
    child.add_argument("session", metavar="SESSION", help=t("cli.opt.session"))
    child.add_argument("file", metavar="FILE", help=t("import.file"))
    child.add_argument("--json", action="store_true", help=t("cli.opt.json"))
    child.set_defaults(func=run, kind="enjeux")


def run(args: argparse.Namespace, ctx: Context) -> int:
    from sessions.documents.imports import ImportFileError, decode
    from sessions.enjeux.ops import EnjeuError, add_enjeux, parse_enjeux

    try:
        data = read_input(args.file)
    except OSError as exc:
        ctx.error(t("cli.cannot_read", path=args.file, reason=os_reason(exc)))
        return EXIT_NOT_FOUND if isinstance(exc, FileNotFoundError) else EXIT_INVALID

    def op(session):  # type: ignore[no-untyped-def]
        return add_enjeux(session, parse_enjeux(decode(data)))

    try:
        numbers = ctx.store.transact(args.session, op)
    except (EnjeuError, ImportFileError) as exc:
        if exc.line:
            ctx.error(t("import.refused", path=args.file, line=exc.line, reason=exc))
        else:
            ctx.error(t("import.refused_file", path=args.file, reason=exc))
        return EXIT_INVALID
    if args.json:
        ctx.print_json({"kind": "enjeux", "numbers": numbers})
    else:
        count = len(numbers)
        ctx.print(tn("import.enjeux.done", count, count=count, first=numbers[0], last=numbers[-1]))
    return 0
