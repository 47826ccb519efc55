"""``atelier open``'s first frame before the session is opened (``tui.first_frame``).

``FirstOpenMixin`` gives ``AtelierApp`` the way in: the overview is drawn
from the ``FirstSession`` read light (``app.session`` is that stand-in until
then), and right after that frame the session is opened for real - the lock,
the models, the validation - and the overview redrawn from it. Every input
event (a key, the mouse, a paste) that comes before waits for that opening,
so a key typed ahead acts on the real session. A file the models refuse
makes the app leave at once with the error (``open_error``), which the
command line reports as it always did.
"""

from __future__ import annotations

import gc
import inspect
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events

from sessions.i18n import resolve_language, set_language
from sessions.storage.errors import StorageError

if TYPE_CHECKING:
    from tui.first_frame import FirstSession

INPUT = (events.InputEvent, events.Paste)


class FirstOpenMixin:
    """For ``AtelierApp``: the first frame of a session not opened yet."""

    first: FirstSession | None = None  # the stand-in shown until the session is opened
    open_error: Exception | None = None  # why it did not open after its first frame

    @staticmethod
    def first_mode(options: dict[str, Any]) -> str | None:
        """The mode to start in when ``options`` hold a first frame: the overview, else None.

        Given to Textual as the app's ``DEFAULT_MODE``, the overview is built in
        the app's start-up batch and written as its first frame. Switching to it
        from ``on_mount`` began a 50 ms batch of its own (``switch_mode``), and
        that frame, drawn inside it, was drawn again once it ended.
        """
        return "overview" if options.get("first") is not None else None

    def show_first(self, first: FirstSession) -> None:
        """The overview reads ``first`` until the session is opened, in its language.

        Its stylesheet is read with the app's: parsed once with them, where the
        overview shown first had Textual parse every source again for it.
        """
        self.first = first
        if self.cli_lang is None:  # type: ignore[attr-defined]
            set_language(resolve_language(None, first.language))
        from tui.screens.overview import OverviewScreen

        # The path as Textual makes it for the screen: the same source, not read twice.
        css = Path(inspect.getfile(OverviewScreen)).with_name(str(OverviewScreen.CSS_PATH))
        self.css_path.append(css)  # type: ignore[attr-defined]

    def open_after_first_frame(self) -> None:
        """From ``on_mount``: open the session once the overview has been drawn."""
        if self.first is not None:
            self.call_after_refresh(self.finish_open)  # type: ignore[attr-defined]

    def finish_open(self) -> None:
        """Open the session shown light: lock, models, validation; then redraw from them."""
        first, self.first = self.first, None
        if first is None:
            return
        gc.enable()  # off since the command line read the file (``open_._first_frame``)
        ref = str(first.path)
        try:
            handle = self.store.open(ref)  # type: ignore[attr-defined]
        except (StorageError, OSError) as exc:
            self.open_error = exc
            self.exit()  # type: ignore[attr-defined]
            return
        self._preopened = handle
        self._initial_ref = ref
        self.open_session(ref)  # type: ignore[attr-defined]

    async def on_event(self, event: Any) -> None:
        if self.first is not None and isinstance(event, INPUT):
            self.finish_open()  # a key typed before the session opened acts on it
        await super().on_event(event)  # type: ignore[misc]
