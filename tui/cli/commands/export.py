"""``atelier export SESSION --format md|html|json [-o FILE] [--anonymous]``: the minutes.

Without ``-o`` (or with ``-o -``) the export goes to standard output; with
``-o FILE`` it is written atomically (the old file, if any, stays whole until
the new one is complete).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sessions.i18n import t
from tui.cli.context import EXIT_ERROR, Context


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("export", help=t("export.cli.help"))
    parser.add_argument("session", metavar="SESSION", help=t("cli.opt.session"))
    parser.add_argument(
        "--format", choices=("md", "html", "json"), default="md", help=t("export.cli.format")
    )
    parser.add_argument("-o", "--output", default=None, metavar="FILE", help=t("export.cli.output"))
    parser.add_argument("--anonymous", action="store_true", help=t("export.cli.anonymous"))
    parser.add_argument("--count-only", action="store_true", help=t("export.cli.count_only"))
    parser.set_defaults(func=run)


def write_output(ctx: Context, output: str | None, text: str) -> int:
    """``text`` to stdout (no output, or ``-``) or atomically to the file ``output``."""
    if output in (None, "-"):
        ctx.out.write(text)
        ctx.out.flush()
        return 0
    from sessions.core.paths import PRIVATE_FILE
    from sessions.storage.atomic import atomic_write

    path = Path(output)
    try:  # 0600: minutes name people
        atomic_write(path, text.encode("utf-8"), mode=PRIVATE_FILE)
    except OSError as exc:
        ctx.error(t("export.cli.cannot_write", path=path, reason=exc.strerror or exc))
        return EXIT_ERROR
    ctx.err.write(t("export.cli.written", path=path) + "\n")
    return 0


def run(args: argparse.Namespace, ctx: Context) -> int:
    from sessions.documents.exports import render_export

    session = ctx.store.load(args.session)
    text = render_export(
        session, args.format, anonymous=args.anonymous, names=not args.count_only, lang=ctx.lang
    )
    return write_output(ctx, args.output, text)
