"""``atelier import enjeux SESSION FILE``: one enjeu (a question) a line, all or nothing.

Registered under ``atelier import`` by ``import_.register`` (``add_kind``); the
top-level ``register`` adds nothing. A refused file names the line and the
reason, writes nothing and exits 6 (``tui.cli.importing``).
"""

from __future__ import annotations

import argparse

from sessions.i18n import tn
from tui.cli.context import Context
from tui.cli.importing import Imported, import_file
from tui.cli.importing import add_kind as _add_kind


def register(sub: argparse._SubParsersAction) -> None:
    """Nothing at the top level: ``import enjeux`` is a kind of ``atelier import``."""


def add_kind(kinds: argparse._SubParsersAction) -> None:
    _add_kind(kinds, "enjeux", run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from sessions.enjeux.ops import EnjeuError, add_enjeux, parse_enjeux

    def change(session, text):  # type: ignore[no-untyped-def]
        numbers = add_enjeux(session, parse_enjeux(text))
        count = len(numbers)
        return Imported(
            {"kind": "enjeux", "numbers": numbers},
            tn("import.enjeux.done", count, count=count, first=numbers[0], last=numbers[-1]),
        )

    return import_file(args, ctx, change, (EnjeuError,))
