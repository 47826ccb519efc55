"""``atelier synthesis SESSION... [-o FILE]``: several groups' sessions in one document."""

from __future__ import annotations

import argparse

from sessions.i18n import t
from tui.cli.commands.export import write_output
from tui.cli.context import Context


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("synthesis", help=t("synthesis.cli.help"))
    parser.add_argument("sessions", nargs="+", metavar="SESSION", help=t("synthesis.cli.sessions"))
    parser.add_argument("-o", "--output", default=None, metavar="FILE", help=t("export.cli.output"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from sessions.synthesis import synthesis_markdown

    store = ctx.store
    sessions = [store.load(ref) for ref in args.sessions]
    return write_output(ctx, args.output, synthesis_markdown(sessions, ctx.lang))
