"""``atelier open``: the app on one session (and the bare ``atelier``: the home screen)."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sessions.i18n import t
from tui.cli.context import EXIT_ERROR, Context
from tui.cli.plain import add_session_command, plain_command

if TYPE_CHECKING:
    import argparse  # only when argparse reads the command line (tui/cli/plain.py)
    from types import SimpleNamespace

    from sessions.storage.store import SessionStore
    from tui.first_frame import FirstSession


def register(sub: argparse._SubParsersAction) -> None:
    flags = {"--projector": t("cli.open.projector")}
    add_session_command(sub, "open", t("cli.open.help"), flags, run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    first = _first_frame(args, ctx)
    if first is not None:  # drawn before the models are built (tui.first_frame)
        return run_app(ctx, str(first.path), first=first, **_extra(args))
    store = ctx.store
    path = store.resolve(args.session)
    handle = store.open(str(path))  # a corrupt file is reported here, before any screen
    return run_app(ctx, str(path), handle=handle, **_extra(args))


def plain_args(argv: Sequence[str]) -> SimpleNamespace | None:
    """``[--data-dir D] [--lang L] open SESSION [--projector]`` as argparse reads it, else None."""
    return plain_command(argv, "open", ("--projector",), run)


def _extra(args: argparse.Namespace) -> dict[str, object]:
    projector = bool(getattr(args, "projector", False))
    # The projector view lives in the timer section: open the session there.
    return {"projector": projector, **({"start_mode": "timer"} if projector else {})}


def _first_frame(args: argparse.Namespace, ctx: Context) -> FirstSession | None:
    """The session read light for a first frame before the models; None: open it first.

    Only on a terminal (a person waits for that frame) and on the overview.
    """
    if getattr(args, "projector", False) or not _on_terminal():
        return None
    from tui.first_frame import read_first

    # No collection until that frame is drawn (``tui.first_open`` turns the collector
    # back on): a full one walked the start-up's objects for 13-15 ms before it.
    gc.disable()
    first = read_first(ctx.data_dir, args.session)
    if first is None:
        gc.enable()
    return first


def _on_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def run_app(ctx: Context, session_ref: str | None, **options: object) -> int:
    """Start the Textual app (imported here, never at module level)."""
    from tui.app import AtelierApp, make_app

    if options.get("first") is not None:
        # The store (pydantic, TinyDB) is imported once that first frame is drawn.
        store: Any = LazyStore(ctx.data_dir, lambda: _ensured(ctx.store))
        app = AtelierApp(store, ctx.clock, session_ref=session_ref, lang=ctx.lang, **options)
    else:
        store = ctx.store
        store.ensure()
        app = make_app(store, ctx.clock, session_ref=session_ref, lang=ctx.lang, **options)
    try:
        app.run()
    finally:
        gc.enable()  # as it was, whatever became of the first frame
    if app.open_error is not None:  # the file the first frame was drawn from does not open
        raise app.open_error
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


def _ensured(store: SessionStore) -> SessionStore:
    store.ensure()  # the folders tightened, a crash's leftovers cleaned: as make_app does
    return store


class LazyStore:
    """The session store, built on first use: after the first frame of ``atelier open``."""

    def __init__(self, root: Path, make: Callable[[], SessionStore]) -> None:
        self.root = Path(root)  # ``SessionStore.root``: the settings read at start-up live there
        self._make = make
        self._store: SessionStore | None = None

    def __getattr__(self, name: str) -> Any:
        if self._store is None:
            self._store = self._make()
        return getattr(self._store, name)
