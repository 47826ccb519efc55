"""What the capture, participants, vote and grid screens share: changes and undo.

``Recording`` gives a screen ``self.change(op, label)``, ``save_quietly``,
``action_undo`` and ``action_redo``; all of them go through the one change
path of ``tui.changes`` (saved before it returns, recorded as a keyed step for
undo, a refusal's reason shown instead of raised). One history per open
session (kept per session handle, so a newly opened session starts empty)
makes ctrl+z / ctrl+y work across the tour de table, the vote and the grid.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.app import App

from sessions.core.ops import Op
from sessions.core.undo import UndoHistory
from sessions.models import Session
from tui import changes
from tui.changes import Feedback


def history_for(app: App) -> UndoHistory:
    return changes.history_for(app)


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

    def change(
        self,
        op: Op | Callable[[Session], Any],
        label: str = "",
        feedback: Feedback = None,
    ) -> tuple[bool, Any]:
        """Apply and save ``op``; (True, result) when done, (False, None) when refused."""
        return changes.change(self.app, op, label, feedback=feedback)

    def save_quietly(self, op: Op | Callable[[Session], Any]) -> bool:
        """Apply and save an op that is not undoable (the draft)."""
        return changes.change(self.app, op, record=False)[0]

    def action_undo(self) -> None:
        changes.undo(self.app)

    def action_redo(self) -> None:
        changes.redo(self.app)
