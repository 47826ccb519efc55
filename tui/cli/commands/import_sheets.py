"""``atelier import sheets SESSION FILE.toml``: ``[[sheets]]`` tables, all or nothing.

Registered under ``atelier import`` by ``import_.register`` (``add_kind``); the
top-level ``register`` adds nothing. A refused file (unknown kind or field, a
value outside a choice, an unknown item) names the sheet, the field and what is
allowed, writes nothing and exits 6 (``tui.cli.importing``). Each sheet is added by
the app's own op (``AddSheet``). The chantier rules' warnings (more than two
priorities in an enjeu) go to standard error.
"""

from __future__ import annotations

import argparse

from sessions.i18n import tn
from tui.cli.context import Context
from tui.cli.importing import Imported, import_file
from tui.cli.importing import add_kind as _add_kind


def register(sub: argparse._SubParsersAction) -> None:
    """Nothing at the top level: ``import sheets`` is a kind of ``atelier import``."""


def add_kind(kinds: argparse._SubParsersAction) -> None:
    _add_kind(kinds, "sheets", run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from sessions.core.ops import apply
    from sessions.enjeux.chantiers import ChantierError, check_chantiers
    from sessions.sheets.rules import SheetError
    from sessions.sheets.sheet_ops import AddSheet
    from sessions.sheets.toml_import import parse_sheets

    def change(session, text):  # type: ignore[no-untyped-def]
        numbers = []
        for entry in parse_sheets(session, text):  # each added by the app's own op
            fields = tuple(entry["fields"].items())
            op = AddSheet(entry["kind"], entry["title"], fields, tuple(entry["items"]))
            numbers.append(apply(session, op).result.number)
        count = len(numbers)
        return Imported(
            {"kind": "sheets", "numbers": numbers},
            tn("import.sheets.done", count, count=count, first=numbers[0], last=numbers[-1]),
            tuple(str(warning) for warning in check_chantiers(session)),
        )

    return import_file(args, ctx, change, (SheetError, ChantierError))
