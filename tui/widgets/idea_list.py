"""A table of rows keyed by a stable key, updated in place (no full rebuild).

``KeyedTable.sync(rows)`` adds the new rows, updates only the cells that
changed and removes the rows that are gone, so a long list of ideas redraws
cheaply on every change. Cells are ``rich.text.Text`` (never markup).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from rich.text import Text
from textual.cache import LRUCache
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets.data_table import RowDoesNotExist, RowKey

from tui.widgets.drawn_once import DRAWN_CELLS, DrawnOnce, SegmentLines
from tui.widgets.fit_table import FitTable
from tui.widgets.kept_lines import StyledOnce
from tui.widgets.steady_scrollbar import SteadyScrollBar

Cells = tuple[Text, ...]


class KeyedTable(StyledOnce, DrawnOnce, FitTable):
    """A DataTable fed with ``(key, cells)`` rows; ``sync`` diffs them."""

    _sizing = False  # measuring rows: the size of the table itself does not change
    _uneven = False  # a row taller than one line was added since the last clear

    def __init__(
        self, columns: Sequence[str], flex: int | tuple[int, ...] | None = None, **kwargs: object
    ) -> None:
        """``flex``: the column (a long text) that takes the width the others leave."""
        super().__init__(cursor_type="row", zebra_stripes=True, flex=flex, **kwargs)
        self._column_labels = list(columns)
        self._rows_cache: dict[str, Cells] = {}
        self._order: list[str] = []
        self._drawn: LRUCache[tuple[object, ...], SegmentLines] = LRUCache(DRAWN_CELLS)
        self._drawn_rows: LRUCache[tuple[object, ...], tuple[SegmentLines, SegmentLines]] = (
            LRUCache(DRAWN_CELLS)
        )
        self._drawn_lines: LRUCache[tuple[object, ...], Strip] = LRUCache(DRAWN_CELLS)
        self._row_versions: dict[RowKey, int] = {}

    # -- a row added repaints the table, not the screen -------------------
    # DataTable sets its ``virtual_size`` (the rows' height, the columns' width)
    # after rows are added or cells change: a reactive that asks for a layout
    # of the whole screen. A table whose own height and width come from the
    # CSS (``height: 1fr``, never ``auto``) keeps its size whatever its rows:
    # only its scrollbars follow the virtual size, so they are updated here and
    # the table repainted. (A scrollbar that appears or goes still asks for a
    # layout: the room for the rows changes.) An Enter in F4 cost ~5 layouts of
    # the screen, most of the time it took to show the idea.

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        self._sized(super()._update_dimensions, new_rows)

    def _update_column_widths(self, updated_cells: set[object]) -> None:
        self._sized(super()._update_column_widths, updated_cells)  # type: ignore[arg-type]

    def _sized(self, measure: Callable[[Any], None], arg: Any) -> None:
        if self.styles.auto_dimensions or self._sizing:
            measure(arg)
            return
        before = self.virtual_size
        self._sizing = True
        try:
            measure(arg)
        finally:
            self._sizing = False
        if self.virtual_size != before:
            self._scroll_update(self.virtual_size)

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> KeyedTable:
        if self._sizing:
            layout = False
        super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)
        return self

    @property
    def vertical_scrollbar(self) -> SteadyScrollBar:  # type: ignore[override]
        """Textual's own, as a bar repainted only when its thumb moves (``steady_scrollbar``)."""
        bar = self._vertical_scrollbar
        if bar is None:
            bar = SteadyScrollBar(
                vertical=True, name="vertical", thickness=self.scrollbar_size_vertical
            )
            bar.display = False
            self._vertical_scrollbar = bar
            self.app._start_widget(self, bar)
        assert isinstance(bar, SteadyScrollBar)
        return bar

    def on_mount(self) -> None:
        self.column_keys = [
            self.add_column(label, key=f"c{i}") for i, label in enumerate(self._column_labels)
        ]

    def update_cell(
        self, row_key: Any, column_key: Any, value: Any, *, update_width: bool = False
    ) -> None:
        super().update_cell(row_key, column_key, value, update_width=update_width)
        row = row_key if isinstance(row_key, RowKey) else RowKey(row_key)
        self._row_versions[row] = self._row_versions.get(row, 0) + 1

    # -- a row added at the end: the table's height without walking every row ----
    # DataTable lists every line of every row (``_y_offsets``, from
    # ``ordered_rows``) again after each ``add_row`` to learn its height: an
    # Enter walked all the ideas twice (~2 ms at 1,000, ~10 ms at 5,000). A row
    # added at the end extends both lists as they were.

    def add_row(
        self,
        *cells: Any,
        height: int | None = 1,
        key: str | None = None,
        label: Any = None,
    ) -> RowKey:
        if height != 1:
            self._uneven = True
        before = self._update_count
        offsets = self._offset_cache.get(before)
        ordered = self._ordered_row_cache.get((self.row_count, before))
        row_key = super().add_row(*cells, height=height, key=key, label=label)
        if height and offsets is not None:
            self._offset_cache[self._update_count] = offsets + [(row_key, y) for y in range(height)]
        if ordered is not None:
            row = self.rows[row_key]
            self._ordered_row_cache[(self.row_count, self._update_count)] = [*ordered, row]
        return row_key

    def remove_row(self, row_key: Any) -> None:
        super().remove_row(row_key)
        row = row_key if isinstance(row_key, RowKey) else RowKey(row_key)
        self._row_versions[row] = self._row_versions.get(row, 0) + 1  # a row added back anew

    def _get_row_region(self, row_index: int) -> Region:
        """DataTable's, without adding up the heights of every row above: all are one line."""
        if self._uneven or not self.is_valid_row_index(row_index):
            return super()._get_row_region(row_index)
        width = sum(column.get_render_width(self) for column in self.columns.values())
        y = row_index + (self.header_height if self.show_header else 0)
        return Region(0, y, max(self.size.width, width + self._row_label_column_width), 1)

    def clear(self, columns: bool = False) -> KeyedTable:
        super().clear(columns)
        self._uneven = False
        self._forget_drawn()
        return self

    def _clear_caches(self) -> None:
        super()._clear_caches()
        self._forget_drawn()

    def notify_style_update(self) -> None:
        self._forget_drawn()
        super().notify_style_update()

    def _forget_drawn(self) -> None:
        if "_drawn" in self.__dict__:
            self._forget_styled()
            self._drawn.clear()
            self._drawn_rows.clear()
            self._drawn_lines.clear()
            self._row_versions.clear()

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
            self._measure_now()
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
        self._measure_now()

    def append_row(self, key: str, cells: Cells) -> None:
        """``sync`` for one row added at the end (an idea given): nothing else is compared."""
        for column in self.flex:
            cells[column].no_wrap = True
            cells[column].overflow = "ellipsis"
        self.add_row(*cells, key=key)
        self._rows_cache[key] = cells
        self._order.append(key)
        self._measure_now()

    def _measure_now(self) -> None:
        """Measure the new rows now, not when the app is next idle (DataTable's ``_on_idle``).

        Measured at idle, a row added was drawn in two frames: one without
        it, then, once measured, the table scrolled to it (``move_cursor``
        waits for the measure) and drawn again. Measured here, the row and
        the scroll to it go out in the same frame.
        """
        if self._updated_cells:
            updated = self._updated_cells.copy()
            self._updated_cells.clear()
            self._update_column_widths(updated)
        if self._require_update_dimensions:
            self._require_update_dimensions = False
            new_rows = self._new_rows.copy()
            self._new_rows.clear()
            self._update_dimensions(new_rows)

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
