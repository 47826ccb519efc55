"""A DataTable where one click on a row selects it, as Enter does.

Textual's DataTable selects on a second click (the first only moves the
cursor); for lists whose rows are things to open, one click is what people
expect, so a click that moves the cursor also posts ``RowSelected``. It is a
``FitTable``: ``flex=`` names the column that takes the width left over.
"""

from __future__ import annotations

from textual import events

from tui.widgets.fit_table import FitTable


class ClickTable(FitTable):
    async def _on_click(self, event: events.Click) -> None:
        before = self.cursor_coordinate
        await super()._on_click(event)
        meta = event.style.meta
        on_row = meta.get("row", -1) >= 0 and not meta.get("out_of_bounds", False)
        if on_row and self.cursor_type == "row" and self.cursor_coordinate != before:
            self._post_selected_message()
