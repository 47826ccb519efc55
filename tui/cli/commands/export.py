"""``atelier export SESSION --format md|html|json|odt|docx [-o FILE] [--anonymous]``: the minutes.

The formats are ``sessions.documents.exports.EXPORT_FORMATS`` (the F7 export uses
the same table), so a new format appears here without a change, in ``--format``'s
choices and help. ODT and DOCX need the ``office`` extra; without it the command
says which to install and exits with the code of a usage error.

Without ``-o`` (or with ``-o -``) the export goes to standard output; with
``-o FILE`` it is written atomically (the old file, if any, stays whole until
the new one is complete).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sessions.documents.exports import EXPORT_FORMATS
from sessions.i18n import t
from sessions.i18n.oserror import os_reason
from tui.cli.context import EXIT_ERROR, EXIT_USAGE, Context


def formats_help(names: tuple[str, ...], default: str = "md") -> str:
    """The ``--format`` help from the table's names: ``md (défaut), html, json, odt ou docx``."""
    words = [t("cli.choices.default", name=n) if n == default else n for n in names]
    choices = (
        words[0]
        if len(words) < 2
        else t("cli.choices.last", head=", ".join(words[:-1]), last=words[-1])
    )
    return t("office.formats_help", choices=choices)


def office_install_command() -> str:
    """How to install the ``office`` extra (ODT, DOCX) from this project's own source."""
    from tui.cli.commands.serve import install_command

    return install_command("office", "odfdo python-docx")


def missing_extra(ctx: Context, fmt: str) -> int:
    """Say which extra a format needs (no traceback); the exit code of a usage error."""
    ctx.error(t("office.missing", format=fmt, command=office_install_command()))
    return EXIT_USAGE


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("export", help=t("export.cli.help"))
    parser.add_argument("session", metavar="SESSION", help=t("cli.opt.session"))
    names = tuple(EXPORT_FORMATS)
    parser.add_argument("--format", choices=names, default="md", help=formats_help(names))
    parser.add_argument("-o", "--output", default=None, metavar="FILE", help=t("export.cli.output"))
    parser.add_argument("--anonymous", action="store_true", help=t("export.cli.anonymous"))
    parser.add_argument("--count-only", action="store_true", help=t("export.cli.count_only"))
    parser.set_defaults(func=run)


def write_output(ctx: Context, output: str | None, text: str | bytes, binary: bool = False) -> int:
    """``text`` to stdout (no output, or ``-``) or atomically to the file ``output``.

    Bytes of a text format are written to stdout as text; ``binary`` bytes go
    to its underlying buffer.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    if output in (None, "-"):
        buffer = getattr(ctx.out, "buffer", None)
        if binary and buffer is not None:
            ctx.out.flush()
            buffer.write(data)
            buffer.flush()
            return 0
        ctx.out.write(data.decode("utf-8") if isinstance(text, bytes) else text)
        ctx.out.flush()
        return 0
    from sessions.core.paths import PRIVATE_FILE
    from sessions.storage.atomic import atomic_write

    path = Path(output)
    try:  # 0600: minutes name people
        atomic_write(path, data, mode=PRIVATE_FILE)
    except OSError as exc:
        ctx.error(t("export.cli.cannot_write", path=path, reason=os_reason(exc)))
        return EXIT_ERROR
    ctx.err.write(t("export.cli.written", path=path) + "\n")
    return 0


def run(args: argparse.Namespace, ctx: Context) -> int:
    from sessions.documents.exports import MissingExtra, export_bytes, export_format

    session = ctx.store.load(args.session)
    try:
        data = export_bytes(
            session, args.format, anonymous=args.anonymous, names=not args.count_only, lang=ctx.lang
        )
    except MissingExtra:
        return missing_extra(ctx, args.format)
    return write_output(ctx, args.output, data, binary=not export_format(args.format).is_text)
