"""``atelier restore``: set an unreadable session file aside and put its backup back."""

from __future__ import annotations

import argparse
from pathlib import Path

from sessions.i18n import t
from tui.cli.context import EXIT_NOT_FOUND, Context
from tui.cli.plain import add_session_command


def register(sub: argparse._SubParsersAction) -> None:
    summary, session = t("cli.restore.help"), t("cli.restore.session")
    add_session_command(sub, "restore", summary, {"--json": t("cli.opt.json")}, run, session)


def run(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store
    path = Path(args.session)
    if not path.is_file():
        path = store.path_for(args.session)
    if not path.is_file():
        matches = [f for f in store.files() if f.stem.startswith(args.session)]
        if len(matches) != 1:
            ctx.error(t("cli.unknown_session", ref=args.session))
            return EXIT_NOT_FOUND
        path = matches[0]
    try:
        aside = store.restore_backup(path)
    except FileNotFoundError:
        ctx.error(t("cli.restore.no_backup", path=path))
        return EXIT_NOT_FOUND
    if getattr(args, "json", False):
        ctx.print_json({"restored": str(path), "aside": str(aside)})
        return 0
    ctx.print(t("cli.restore.done", path=path, aside=aside))
    return 0
