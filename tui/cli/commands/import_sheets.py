"""``atelier import sheets SESSION FILE.toml``: ``[[sheets]]`` tables, all or nothing.

Registered under ``atelier import`` by ``import_.register`` (``add_kind``); the
top-level ``register`` adds nothing. A refused file (unknown kind or field, a
value outside a choice, an unknown item) names the sheet, the field and what is
allowed, writes nothing and exits 6.
"""

from __future__ import annotations

import argparse

from sessions.i18n import t, tn
from sessions.i18n.oserror import os_reason
from tui.cli.context import EXIT_INVALID, EXIT_NOT_FOUND, Context
from tui.cli.stdio import read_input


def register(sub: argparse._SubParsersAction) -> None:
    """Nothing at the top level: ``import sheets`` is a kind of ``atelier import``."""


def add_kind(kinds: argparse._SubParsersAction) -> None:
    child = kinds.add_parser("sheets", help=t("import.sheets.help"))
    child.add_argument("session", metavar="SESSION", help=t("cli.opt.session"))
    child.add_argument("file", metavar="FILE", help=t("import.file"))
    child.add_argument("--json", action="store_true", help=t("cli.opt.json"))
    child.set_defaults(func=run, kind="sheets")


def run(args: argparse.Namespace, ctx: Context) -> int:
    from sessions.documents.imports import ImportFileError, decode
    from sessions.sheets.rules import SheetError
    from sessions.sheets.toml_import import apply_sheets, parse_sheets

    try:
        data = read_input(args.file)
    except OSError as exc:
        ctx.error(t("cli.cannot_read", path=args.file, reason=os_reason(exc)))
        return EXIT_NOT_FOUND if isinstance(exc, FileNotFoundError) else EXIT_INVALID

    from sessions.enjeux.chantiers import ChantierError, check_chantiers

    warnings = []

    def op(session):  # type: ignore[no-untyped-def]
        entries = parse_sheets(session, decode(data))
        numbers = [sheet.number for sheet in apply_sheets(session, entries)]
        warnings[:] = check_chantiers(session)  # chantier rules per enjeu
        return numbers

    try:
        numbers = ctx.store.transact(args.session, op)
    except (SheetError, ImportFileError, ChantierError) as exc:
        ctx.error(t("import.refused_file", path=args.file, reason=exc))
        return EXIT_INVALID
    for warning in warnings:
        ctx.error(str(warning))
    if args.json:
        ctx.print_json({"kind": "sheets", "numbers": numbers})
    else:
        ctx.print(
            tn(
                "import.sheets.done",
                len(numbers),
                count=len(numbers),
                first=numbers[0],
                last=numbers[-1],
            )
        )
    return 0
