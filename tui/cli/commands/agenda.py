"""``atelier agenda export SESSION [-o FILE]``: a session's agenda as TOML.

The file has the format of an agenda template: ``atelier new --agenda FILE``
reads it back, and it can be dropped in the templates folder.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sessions.i18n import t
from sessions.i18n.oserror import os_reason
from tui.cli.context import EXIT_ERROR, Context
from tui.cli.stdio import is_stdio


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("agenda", help=t("cli.agenda.help"))
    actions = parser.add_subparsers(dest="agenda_action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help=t("cli.agenda.export"))
    export.add_argument("session", metavar="SESSION", help=t("cli.opt.session"))
    export.add_argument(
        "-o", "--output", type=Path, default=None, metavar="FILE", help=t("cli.agenda.output")
    )
    export.set_defaults(func=run_export)


def run_export(args: argparse.Namespace, ctx: Context) -> int:
    from sessions.agenda.toml_file import export_agenda
    from sessions.storage.atomic import atomic_write

    text = export_agenda(ctx.store.load(args.session))
    if args.output is None or is_stdio(args.output):
        ctx.out.write(text)
        ctx.out.flush()
        return 0
    try:  # 0600 like every export: the agenda's notes may name people
        atomic_write(args.output, text.encode("utf-8"), mode=0o600)
    except OSError as exc:
        ctx.error(t("cli.agenda.cannot_write", path=args.output, reason=os_reason(exc)))
        return EXIT_ERROR
    ctx.print(t("cli.agenda.written", path=args.output))
    return 0
