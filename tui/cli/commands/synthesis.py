"""``atelier synthesis SESSION... [-o FILE]``: several groups' sessions in one document."""

from __future__ import annotations

import argparse
from pathlib import Path

from sessions.i18n import t
from tui.cli.commands.export import write_output
from tui.cli.context import Context


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("synthesis", help=t("synthesis.cli.help"))
    parser.add_argument("sessions", nargs="+", metavar="SESSION", help=t("synthesis.cli.sessions"))
    parser.add_argument("-o", "--output", default=None, metavar="FILE", help=t("export.cli.output"))
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from sessions.documents.synthesis import synthesis_markdown

    store = ctx.store
    sessions = [store.load(ref) for ref in args.sessions]
    text = synthesis_markdown(sessions, ctx.lang)
    if not args.json:
        return write_output(ctx, args.output, text)
    result = {
        "sessions": [{"id": s.id, "title": s.title} for s in sessions],
        "format": "md",
        "path": None,
    }
    if args.output in (None, "-"):  # the document inside the JSON, on standard output
        result["markdown"] = text
        ctx.print_json(result)
        return 0
    code = write_output(ctx, args.output, text)
    if code == 0:
        result["path"] = str(Path(args.output).resolve())
        ctx.print_json(result)
    return code
