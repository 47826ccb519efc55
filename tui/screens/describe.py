"""Describing: the key that types an item's very short description (F4 and F6).

The guide's grid table has a second column, "Description très succincte";
the scribe fills it where the item is: on the idea chosen in the tour de
table (F4) or on the item placed on the grid (F6). The change is recorded in
the shared undo history (ctrl+z undoes it) and shown in the minutes' grid table.
"""

from __future__ import annotations

from sessions.capture.capture_ops import SetDescription
from sessions.i18n import t
from tui.screens.ask import AskScreen
from tui.screens.undo_support import Recording


class Describing(Recording):
    """Mixin for a screen with a selected item: ``describe(number)`` asks and saves."""

    def describe(self, number: int | None) -> None:
        idea = self.app.session.idea(number) if number is not None else None
        if idea is None:
            return
        prompt = t("describe.ask", number=number, text=idea.text)

        def answered(value: str | None) -> None:
            if value is None:
                return
            done, saved = self.change(SetDescription(idea.number, text=value))
            if done and saved is not None:
                key = "describe.saved" if saved.description else "describe.cleared"
                self.notify(t(key, number=idea.number), timeout=4)

        self.app.push_screen(AskScreen(prompt, idea.description, t("describe.hint")), answered)
