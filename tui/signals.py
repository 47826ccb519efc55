"""Leaving the app without losing anything: signals and the quit keys.

SIGTERM (a shutdown, ``kill``), SIGHUP (the terminal window was closed) and
SIGINT save what is pending at once - before anything touches a terminal
that may already be gone - then ask the app to exit, with a watchdog that
ends the process if the exit hangs on a dead terminal. ctrl+q and ctrl+c
(outside a text box, where ctrl+c copies) quit the same way; when a change
still cannot be saved (disk full, read-only folder) the first press says so
and a second press quits, keeping the session in a rescue file beside the
session file (or in the temporary folder).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sessions.i18n import t
from sessions.storage.errors import CorruptSessionError, LockedError, SaveError

if TYPE_CHECKING:
    from sessions.storage.session_file import SessionHandle


class QuittingApp(Protocol):
    """What leaving needs of the app (``AtelierApp`` is one; this module never imports it)."""

    handle: SessionHandle | None
    unsaved: bool
    save_error: str
    rescue: tuple[Path | None] | None

    def close_session(self) -> None: ...

    def exit(self, *args: Any, **kwargs: Any) -> None: ...

    def notify(self, message: str, **kwargs: Any) -> None: ...


HANDLED = tuple(
    sig for sig in (getattr(signal, name, None) for name in ("SIGTERM", "SIGHUP", "SIGINT")) if sig
)
EXIT_WATCHDOG_SECONDS = 3.0
ARMED = "_atelier_quit_armed"


def install(app: QuittingApp) -> list[signal.Signals]:
    """Route the termination signals to ``save_and_exit``; returns those installed."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return []
    installed = []
    for sig in HANDLED:
        try:
            loop.add_signal_handler(sig, save_and_exit, app, sig)
        except (NotImplementedError, RuntimeError, ValueError):  # Windows, or not main thread
            continue
        installed.append(sig)
    return installed


def save_and_exit(app: QuittingApp, sig: int) -> threading.Timer:
    """The signal handler: save first, then exit (forcibly if the terminal is gone).

    Returns the watchdog, a daemon thread that ends the process with
    ``os._exit`` after ``EXIT_WATCHDOG_SECONDS`` unless cancelled (a caller
    that goes on living after the app, such as a test, cancels it).
    """
    app.close_session()  # flushes; keeps a rescue file if that fails
    # A thread, not the event loop: with the terminal gone, the exit can block
    # the loop itself (joining the thread that writes to the terminal).
    watchdog = threading.Timer(EXIT_WATCHDOG_SECONDS, os._exit, [128 + int(sig)])
    watchdog.daemon = True
    watchdog.start()
    with contextlib.suppress(Exception):
        app.exit(return_code=128 + int(sig))
    return watchdog


def request_quit(app: QuittingApp) -> bool:
    """True when the app may exit now (everything saved, or the user insisted)."""
    handle = app.handle
    if handle is None or not handle.unsaved:
        return True
    with contextlib.suppress(SaveError, LockedError, CorruptSessionError, OSError):
        handle.flush()
    if not handle.unsaved:
        app.unsaved = False
        return True
    if getattr(app, ARMED, False):
        app.close_session()  # keeps the changes in a rescue file, told on the terminal
        if app.rescue == (None,):
            app.notify(t("storage.rescue_failed"), severity="error")
        return True
    setattr(app, ARMED, True)
    app.notify(
        t("storage.unsaved_quit", reason=app.save_error or "?"), severity="error", timeout=10
    )
    return False
