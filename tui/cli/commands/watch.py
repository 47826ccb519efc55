"""``atelier watch SESSION``: the read-only follower, e.g. on the projector's terminal."""

from __future__ import annotations

import argparse

from sessions.i18n import t
from tui.cli.context import Context
from tui.cli.plain import add_session_command


def register(sub: argparse._SubParsersAction) -> None:
    flags = {"--contrast": t("cli.watch.contrast")}
    add_session_command(sub, "watch", t("cli.watch.help"), flags, run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    path = ctx.store.resolve(args.session)
    ctx.store.load(str(path))  # a corrupt file is reported here, before any screen
    from tui.watch_app import WatchApp

    app = WatchApp(path, ctx.clock, lang=ctx.lang, contrast=args.contrast)
    app.run()
    return int(app.return_code or 0)
