"""``atelier synthesis SESSION... [--format md|html] [-o FILE]``: several groups in one document.

The synthesis is one document tree (``sessions.documents.synthesis``), written
as Markdown or as the same standalone HTML page as the minutes.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sessions.i18n import t
from tui.cli.commands.export import write_output
from tui.cli.context import Context


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("synthesis", help=t("synthesis.cli.help"))
    parser.add_argument("sessions", nargs="+", metavar="SESSION", help=t("synthesis.cli.sessions"))
    parser.add_argument(
        "--format", choices=("md", "html"), default="md", help=t("synthesis.cli.format")
    )
    parser.add_argument("-o", "--output", default=None, metavar="FILE", help=t("export.cli.output"))
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from sessions.documents.minutes_html import render_html
    from sessions.documents.render_markdown import render_markdown
    from sessions.documents.synthesis import synthesis_document

    store = ctx.store
    sessions = [store.load(ref) for ref in args.sessions]
    doc = synthesis_document(sessions, ctx.lang)
    text = render_html(doc) if args.format == "html" else render_markdown(doc)
    if not args.json:
        return write_output(ctx, args.output, text)
    result: dict[str, object] = {
        "sessions": [{"id": s.id, "title": s.title} for s in sessions],
        "format": args.format,
        "path": None,
    }
    if args.output in (None, "-"):  # the document inside the JSON, on standard output
        result["html" if args.format == "html" else "markdown"] = text
        ctx.print_json(result)
        return 0
    code = write_output(ctx, args.output, text)
    if code == 0:
        result["path"] = str(Path(args.output).resolve())
        ctx.print_json(result)
    return code
