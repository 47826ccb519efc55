"""A DataTable whose long-text column takes the width the other columns leave.

A DataTable sizes each column to its longest cell, so one long idea or phase
title pushed the columns after it out of sight (F4 showed only the number and
the idea on a small laptop; F2 cut "min" to "mi"). With ``flex`` set, that
column gets exactly the width left over, at every size of the terminal, and its
longer texts end in an ellipsis (``Text`` cells; plain strings are cut), or wrap
in a row added with ``height=None``. Two flex columns share that width, the wider
giving way first.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

from sessions.documents.text_table import column_widths

MIN_FLEX = 12  # cells: the flex column never gets narrower


class FitTable(DataTable):
    def __init__(
        self, *args: object, flex: int | tuple[int, ...] | None = None, **kwargs: object
    ) -> None:
        """``flex``: the column, or columns, that take the width the others leave."""
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.flex: tuple[int, ...] = (flex,) if isinstance(flex, int) else tuple(flex or ())

    def on_resize(self) -> None:
        self.fit_flex()

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        super()._update_dimensions(new_rows)  # the other columns are measured now
        self.fit_flex()

    def fit_flex(self) -> None:
        columns = self.ordered_columns
        flex = [i for i in self.flex if i < len(columns)]
        if not flex or not self.size.width:
            return
        others = sum(c.get_render_width(self) for i, c in enumerate(columns) if i not in flex)
        room = self.size.width - self.styles.scrollbar_size_vertical - others
        room -= 2 * self.cell_padding * len(flex)
        natural = [max(columns[i].content_width, MIN_FLEX) for i in flex]
        widths = column_widths(natural, max(room, MIN_FLEX * len(flex)))
        changed = False
        for i, width in zip(flex, widths, strict=True):
            column = columns[i]
            width = max(MIN_FLEX, width)
            if column.auto_width or column.width != width:
                column.auto_width = False
                column.width = width
                changed = True
        if changed:
            self._require_update_dimensions = True
            self._clear_caches()
            self._fit_row_heights()
            self.refresh()

    def _fit_row_heights(self) -> None:
        """Rows added with ``height=None`` wrap again at the flex column's new width.

        DataTable measures an auto-height row once, at the width its columns had then
        (before the flex column was fitted): measured again, a long title takes two lines.
        """
        auto = [key for key, row in self.rows.items() if row.auto_height]
        for key in auto:
            self.rows[key].height = 0
        if auto:
            DataTable._update_dimensions(self, auto)
