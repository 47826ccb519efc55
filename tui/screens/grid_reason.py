"""F6's reason: the field where the selected item's reason is typed and saved.

A mixin of ``GridScreen``. r (or Enter on the table) aims the field at the
selected item and gives it the focus at once, so the letters typed right
behind r land in it; Enter in the field gives the focus back to the table at
once and saves the reason on its item once the field has taken its letters.
The label above the field asks the grid's question for the selected item.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.widgets import Input, Static

from sessions.core.text import clean_text
from sessions.grid import grid_ops as grid_changes
from sessions.grid.placement import has_future
from sessions.i18n import t
from sessions.models import Session


class GridReason:
    """The reason field: aimed by r, saved by Enter (or when left), its label."""

    _reason_for: int | None = None  # the item the reason field is typed for
    _reason_pending = False  # Enter pressed, the field still taking the letters before it

    if TYPE_CHECKING:  # what the screen provides (no stub bodies: they would override it)
        session: Session
        table: Any
        selected_number: Any
        query_one: Any
        set_focus: Any
        notify: Any
        _apply: Any

    def _question(self) -> str:
        s = self.session
        if has_future(s):
            return t("grid.question.future", horizon=s.horizon_year)
        return t("grid.question.founded")

    def _show_reason(self) -> None:
        number = self.selected_number()
        label = self.query_one("#reason-label", Static)
        reason = self.query_one("#reason", Input)
        if number is None:
            label.update(t("grid.no_selection"))
            reason.value = ""
            return
        text = t("grid.reason_for", number=number, question=self._question())
        idea = self.session.idea(number)
        if idea is not None and idea.description:
            text = t("describe.line", text=idea.description) + "\n" + text
        label.update(text)
        if not reason.has_focus and not self._reason_pending:
            pos = self.session.grid.positions.get(number)
            reason.value = pos.reason if pos else ""

    def action_reason(self) -> None:
        number = self.selected_number()
        if number is None:
            return
        self._reason_for = number  # the item the reason is typed for, whatever moves next
        field = self.query_one("#reason", Input)
        pos = self.session.grid.positions.get(number)
        typed = pos.reason if pos else ""

        def aim() -> None:  # in the field's queue: before the letters typed after r
            field.value = typed
            field.cursor_position = len(typed)

        field.call_later(aim)
        self.set_focus(field)  # now: the next keys go there

    def _reason_done(self) -> None:
        """Enter in the reason: the table has the focus at once (the keys after Enter move
        in it); the reason is saved on its item once the field has taken its letters."""
        field = self.query_one("#reason", Input)
        number, self._reason_for = self._reason_for, None
        self._reason_pending = True  # the row may move before the field has its letters

        def save() -> None:
            self._reason_pending = False
            if number is not None:
                self._save_reason(field.value, number)
            self._show_reason()  # the field now shows the reason of the row in sight

        self.set_focus(self.table)
        field.call_later(save)

    def _save_reason(self, value: str, number: int | None = None) -> None:
        number = number if number is not None else self.selected_number()
        if number is None:
            return
        text = clean_text(value)
        pos = self.session.grid.positions.get(number)
        if (pos.reason if pos else "") == text:
            return
        if self._apply(grid_changes.SetReason(number, reason=text)):
            self.notify(t("grid.reason_saved", number=number))
