"""``atelier synthesis SESSION... [--format md|html|odt|docx] [-o FILE]``: groups in one document.

The synthesis is one document tree (``sessions.documents.synthesis``), written
in any format of the exports' table drawn from a tree
(``sessions.documents.exports.DOCUMENT_FORMATS``: Markdown, the same standalone
HTML page as the minutes, ODT and DOCX with the ``office`` extra). With
``--json`` on standard output, a text document is inside the JSON (``markdown``
or ``html``) and an office one is in ``base64``.
"""

from __future__ import annotations

import argparse
import base64
from pathlib import Path

from sessions.documents.exports import DOCUMENT_FORMATS
from sessions.i18n import t
from tui.cli.commands.export import formats_help, missing_extra, write_output
from tui.cli.context import Context


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("synthesis", help=t("synthesis.cli.help"))
    parser.add_argument("sessions", nargs="+", metavar="SESSION", help=t("synthesis.cli.sessions"))
    parser.add_argument(
        "--format",
        choices=DOCUMENT_FORMATS,
        default="md",
        help=formats_help(DOCUMENT_FORMATS),
    )
    parser.add_argument("-o", "--output", default=None, metavar="FILE", help=t("export.cli.output"))
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from sessions.documents.exports import MissingExtra, export_format
    from sessions.documents.synthesis import synthesis_document

    store = ctx.store
    sessions = [store.load(ref) for ref in args.sessions]
    doc = synthesis_document(sessions, ctx.lang)
    entry = export_format(args.format)
    assert entry.document is not None  # the choices are DOCUMENT_FORMATS
    try:
        data = entry.document(doc)
    except MissingExtra:
        return missing_extra(ctx, args.format)
    binary = not entry.is_text
    if not args.json:
        return write_output(ctx, args.output, data, binary=binary)
    result: dict[str, object] = {
        "sessions": [{"id": s.id, "title": s.title} for s in sessions],
        "format": args.format,
        "path": None,
    }
    if args.output in (None, "-"):  # the document inside the JSON, on standard output
        if binary:
            result["base64"] = base64.b64encode(data).decode("ascii")
        else:
            result["html" if args.format == "html" else "markdown"] = data.decode("utf-8")
        ctx.print_json(result)
        return 0
    code = write_output(ctx, args.output, data, binary=binary)
    if code == 0:
        result["path"] = str(Path(args.output).resolve())
        ctx.print_json(result)
    return code
