"""What the capture, participants and vote screens share: recorded changes and undo.

One ``UndoHistory`` per open session (kept per session handle, so a newly
opened session starts empty) makes ctrl+z / ctrl+y work across the tour de
table and the vote. ``Recording.change`` applies an op through ``app.apply``
(saved before it returns), remembers it for undo, and shows the reason of a
refused input instead of raising.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.app import App

from sessions.core.undo import UndoHistory, apply_recorded
from sessions.i18n import t
from sessions.models import Session

_HISTORIES: weakref.WeakKeyDictionary[object, UndoHistory] = weakref.WeakKeyDictionary()


def history_for(app: App) -> UndoHistory:
    handle = getattr(app, "handle", None)
    if handle is None:
        return UndoHistory()
    history = _HISTORIES.get(handle)
    if history is None:
        history = _HISTORIES[handle] = UndoHistory()
    return history


class Recording:
    """Mixin for screens: ``self.change(op, label)``, ``action_undo``, ``action_redo``.

    Listed before ``Screen`` in the screens' bases: it must never define (not
    even as a stub) a method ``Screen`` provides, or it would replace it (a
    do-nothing ``notify`` here once silenced every refusal of F4, F5 and the
    participants screen). The type checker learns ``notify`` below only.
    """

    app: Any

    if TYPE_CHECKING:
        from textual.screen import Screen

        notify = Screen.notify

    def change(self, op: Callable[[Session], Any], label: str = "") -> tuple[bool, Any]:
        """Apply and save ``op``; (True, result) when done, (False, None) when refused."""
        try:
            result = apply_recorded(
                history_for(self.app), lambda: self.app.session, self.app.apply, op, label
            )
        except ValueError as exc:
            self.notify(str(exc), severity="error", timeout=6)
            return False, None
        return True, result

    def save_quietly(self, op: Callable[[Session], Any]) -> bool:
        """Apply and save an op that is not undoable (the draft, the reveal)."""
        try:
            self.app.apply(op)
        except ValueError as exc:
            self.notify(str(exc), severity="error", timeout=6)
            return False
        return True

    def action_undo(self) -> None:
        self._move(undo=True)

    def action_redo(self) -> None:
        self._move(undo=False)

    def _move(self, undo: bool) -> None:
        history = history_for(self.app)
        session = self.app.session
        if session is None:
            return
        step = history.undo_op(session) if undo else history.redo_op(session)
        if step is None:
            self.notify(t("undo.nothing" if undo else "undo.nothing_redo"), timeout=3)
            return
        op, label = step
        try:
            self.app.apply(op)
        except ValueError as exc:  # pragma: no cover - restore does not refuse
            history.cancel_last(to_redo=undo)
            self.notify(str(exc), severity="error")
            return
        key = "undo.done" if undo else "undo.redone"
        self.notify(t(key, what=label or "-"), timeout=3)
