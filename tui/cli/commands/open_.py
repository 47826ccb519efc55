"""``atelier open``: the app on one session (and the bare ``atelier``: the home screen)."""

from __future__ import annotations

import argparse

from sessions.i18n import t
from tui.cli.context import EXIT_ERROR, Context


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("open", help=t("cli.open.help"))
    parser.add_argument("session", metavar="SESSION", help=t("cli.opt.session"))
    parser.add_argument("--projector", action="store_true", help=t("cli.open.projector"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store
    path = store.resolve(args.session)
    handle = store.open(str(path))  # a corrupt file is reported here, before any screen
    return run_app(ctx, str(path), handle=handle, **_extra(args))


def _extra(args: argparse.Namespace) -> dict[str, object]:
    projector = bool(getattr(args, "projector", False))
    # The projector view lives in the timer section: open the session there.
    return {"projector": projector, **({"start_mode": "timer"} if projector else {})}


def run_app(ctx: Context, session_ref: str | None, **options: object) -> int:
    """Start the Textual app (imported here, never at module level)."""
    from tui.app import make_app

    store = ctx.store
    store.ensure()
    app = make_app(store, ctx.clock, session_ref=session_ref, lang=ctx.lang, **options)
    app.run()
    code = int(app.return_code or 0)
    if app.rescue is None:
        return code
    # Changes the disk did not take: say where they are, now that the terminal is ours.
    (rescued,) = app.rescue
    if rescued is None:
        ctx.error(t("storage.rescue_failed"))
    else:
        ctx.error(t("storage.rescued", path=rescued))
    return code or EXIT_ERROR
