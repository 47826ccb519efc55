"""``atelier list``: every session in the data folder, unreadable files included."""

from __future__ import annotations

import argparse

from sessions.i18n import t
from tui.cli.context import Context


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("list", help=t("cli.list.help"))
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    entries = ctx.store.entries()
    if args.json:
        ctx.print_json([entry.as_json() for entry in entries])
        return 0
    if not entries:
        ctx.print(t("cli.list.empty"))
        return 0
    for entry in entries:
        if entry.newer is not None:
            reason = t("cli.list.newer", version=entry.newer)
            ctx.print(f"{entry.id:<10} {reason}  {entry.path}")
        elif entry.session is None:
            ctx.print(f"{entry.id:<10} {t('cli.list.corrupt', reason=entry.error)}  {entry.path}")
        else:
            s = entry.session
            ctx.print(f"{s.id:<10} {s.date.isoformat()}  {s.title}  [{s.template}]")
        for rescued in entry.rescues:
            ctx.print(f"{'':<10} ↳ {t('storage.rescued_beside', path=rescued)}")
    return 0
