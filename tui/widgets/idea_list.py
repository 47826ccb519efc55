"""A table of rows keyed by a stable key, updated in place (no full rebuild).

``KeyedTable.sync(rows)`` adds the new rows, updates only the cells that
changed and removes the rows that are gone, so a long list of ideas redraws
cheaply on every change. Cells are ``rich.text.Text`` (never markup).
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from rich.text import Text
from textual.widgets.data_table import RowDoesNotExist

from tui.widgets.fit_table import FitTable

Cells = tuple[Text, ...]


class KeyedTable(FitTable):
    """A DataTable fed with ``(key, cells)`` rows; ``sync`` diffs them."""

    def __init__(
        self, columns: Sequence[str], flex: int | tuple[int, ...] | None = None, **kwargs: object
    ) -> None:
        """``flex``: the column (a long text) that takes the width the others leave."""
        super().__init__(cursor_type="row", zebra_stripes=True, flex=flex, **kwargs)
        self._column_labels = list(columns)
        self._rows_cache: dict[str, Cells] = {}
        self._order: list[str] = []

    def on_mount(self) -> None:
        self.column_keys = [
            self.add_column(label, key=f"c{i}") for i, label in enumerate(self._column_labels)
        ]

    def sync(self, rows: Sequence[tuple[str, Cells]]) -> None:
        order = [key for key, _ in rows]
        for _key, cells in rows:  # cut with an ellipsis, never wrapped out of sight
            for column in self.flex:
                cells[column].no_wrap = True
                cells[column].overflow = "ellipsis"
        if not _is_append(self._order, order):
            # Rows reordered or removed (a sort, an undo): rebuild once, keep the cursor's row.
            current = self.current_key()
            self.clear()
            self._rows_cache.clear()
            for key, cells in rows:
                self.add_row(*cells, key=key)
                self._rows_cache[key] = cells
            self._order = order
            if current is not None:
                self.move_to(current)
            return
        for key, cells in rows:
            old = self._rows_cache.get(key)
            if old is None:
                self.add_row(*cells, key=key)
            elif old is not cells and _signature(old) != _signature(cells):
                for column, (before, after) in enumerate(zip(old, cells, strict=True)):
                    if _signature((before,)) != _signature((after,)):
                        self.update_cell(key, self.column_keys[column], after, update_width=True)
            self._rows_cache[key] = cells
        self._order = order

    def current_key(self) -> str | None:
        if not self.row_count:
            return None
        try:
            row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        except Exception:
            return None
        return row_key.value

    def move_to(self, key: str) -> None:
        with contextlib.suppress(RowDoesNotExist):
            self.move_cursor(row=self.get_row_index(key))


def _is_append(old: list[str], new: list[str]) -> bool:
    """``new`` is ``old`` with rows added at the end (the usual change)."""
    return new[: len(old)] == old


def _signature(cells: Cells) -> tuple[tuple[str, str, tuple[object, ...]], ...]:
    """What a row looks like (``Text`` equality compares the plain text only)."""
    return tuple((c.plain, str(c.style), tuple(c.spans)) for c in cells)
