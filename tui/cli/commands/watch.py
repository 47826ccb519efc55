"""``atelier watch SESSION``: the read-only follower, e.g. on the projector's terminal."""

from __future__ import annotations

import argparse

from sessions.i18n import t
from tui.cli.context import Context


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("watch", help=t("cli.watch.help"))
    parser.add_argument("session", metavar="SESSION", help=t("cli.opt.session"))
    parser.add_argument("--contrast", action="store_true", help=t("cli.watch.contrast"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    path = ctx.store.resolve(args.session)
    ctx.store.load(str(path))  # a corrupt file is reported here, before any screen
    from tui.watch_app import WatchApp

    app = WatchApp(path, ctx.clock, lang=ctx.lang, contrast=args.contrast)
    app.run()
    return int(app.return_code or 0)
