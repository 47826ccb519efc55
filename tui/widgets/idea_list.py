"""A table of rows keyed by a stable key, updated in place (no full rebuild).

``KeyedTable.sync(rows)`` adds the new rows, updates only the cells that
changed and removes the rows that are gone, so a long list of ideas redraws
cheaply on every change. Cells are ``rich.text.Text`` (never markup).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.coordinate import Coordinate
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets.data_table import RowDoesNotExist, RowKey

from tui.widgets.fit_table import FitTable
from tui.widgets.kept_lines import StyledOnce
from tui.widgets.steady_scrollbar import SteadyScrollBar

Cells = tuple[Text, ...]
SegmentLines = list[list[Segment]]
DRAWN_CELLS = 4000  # cells kept drawn: several screens of rows, cursor and zebra variants


class KeyedTable(StyledOnce, FitTable):
    """A DataTable fed with ``(key, cells)`` rows; ``sync`` diffs them."""

    _sizing = False  # measuring rows: the size of the table itself does not change
    _style_memo: Style | None = None  # the table's style while it draws its lines
    _drawing_memo: tuple[object, ...] | None = None  # ``_drawing()`` while it draws its lines
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

    # -- cells drawn once ---------------------------------------------------
    # DataTable's cache of drawn cells is keyed by a counter that every
    # ``add_row`` and ``update_cell`` moves on: one idea added drew every cell
    # on screen again (~150 cells per Enter in F4, most of the time an Enter
    # took). Here a drawn cell is kept under what it depends on - its row
    # and column, its place, width and style, and the version of its row,
    # moved on by ``update_cell`` - so an Enter draws only the new row.

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> SegmentLines:
        if row_index < 0 or column_index < 0:  # the header, row labels: as DataTable does
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        row_key = self._row_locations.get_key(row_index)
        key = (
            row_key,
            self._column_locations.get_key(column_index),
            self._row_versions.get(row_key, 0),
            row_index,
            width,
            base_style,
            cursor,
            hover,
            self.show_cursor,
            self.cursor_type,
            self._show_hover_cursor,
            self._pseudo_class_state,
        )
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
            self._drawn[key] = drawn
        return drawn

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        super().watch_cursor_coordinate(old, new)
        if old != new:
            self.call_after_refresh(self._draw_ahead, new.row)

    def _draw_ahead(self, row_index: int) -> None:
        """Draw the cursor's row as it will look once the cursor leaves it, after the frame.

        An Enter in F4 moves the cursor from the last row to the new one: that
        row was drawn with the cursor only, and its five cells were drawn again
        while the scribe waited. Drawn here, between two Enters, they are kept.
        """
        if (
            self.cursor_type != "row"
            or self.fixed_columns
            or self._labelled_row_exists
            or self.cursor_row != row_index
            or not 0 <= row_index < self.row_count
        ):
            return
        self._pseudo_class_state = self.get_pseudo_class_state()  # as ``render_lines`` does
        row_style = self._get_row_style(row_index, self.rich_style)
        for column_index, column in enumerate(self.ordered_columns):
            self._render_cell(row_index, column_index, row_style, column.get_render_width(self))

    def _render_line_in_row(
        self,
        row_key: RowKey,
        line_no: int,
        base_style: Style,
        cursor_location: Coordinate,
        hover_location: Coordinate,
    ) -> tuple[SegmentLines, SegmentLines]:
        """A row's line, drawn again only when the row, its widths or its highlight changed.

        DataTable keys its drawn rows by the cursor's place and the same
        counter as its cells: every row was drawn again on each Enter and each
        move of the cursor. With a row cursor only whether the cursor (or the
        mouse) is on this row matters.
        """
        if self.cursor_type != "row" or self.fixed_columns or self._labelled_row_exists:
            return super()._render_line_in_row(
                row_key, line_no, base_style, cursor_location, hover_location
            )
        row_index = self._row_locations.get(row_key)
        if row_index is None:
            row_index = -1  # the header
        key = (
            row_key,
            line_no,
            self._row_versions.get(row_key, 0),
            row_index,
            base_style,
            cursor_location.row == row_index,
            hover_location.row == row_index,
            self.show_cursor,
            self._show_hover_cursor,
            self._pseudo_class_state,
            tuple(column.get_render_width(self) for column in self.ordered_columns),
        )
        drawn = self._drawn_rows.get(key)
        if drawn is None:
            drawn = super()._render_line_in_row(
                row_key, line_no, base_style, cursor_location, hover_location
            )
            self._drawn_rows[key] = drawn
        return drawn

    def _render_line(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        """A whole line of the table, kept under its row rather than its place on screen.

        DataTable keys its drawn lines by ``y`` and the counter every
        ``add_row`` moves on: an idea added that scrolls the table by one row
        cut, joined and simplified each of the ~28 visible lines again. Here a
        line is kept under what it shows - its row, the line in that row, the
        row's version, its index (zebra stripes), whether the cursor or the
        mouse is on it, the crop and the columns' widths.
        """
        if self.cursor_type != "row" or self.fixed_columns or self._labelled_row_exists:
            return super()._render_line(y, x1, x2, base_style)
        try:
            row_key, line_no = self._get_offsets(y)
        except LookupError:
            return super()._render_line(y, x1, x2, base_style)
        row_index = self._row_locations.get(row_key)
        if row_index is None:
            row_index = -1  # the header
        drawing = self._drawing_memo
        if drawing is None:
            drawing = self._drawing()
        cursor_row, hover_row, *common = drawing
        key = (
            row_key,
            line_no,
            self._row_versions.get(row_key, 0),
            row_index,
            x1,
            x2,
            base_style,
            cursor_row == row_index,
            hover_row == row_index,
            *common,
        )
        strip = self._drawn_lines.get(key)
        if strip is None:
            strip = super()._render_line(y, x1, x2, base_style)
            self._drawn_lines[key] = strip
        return strip

    def _drawing(self) -> tuple[object, ...]:
        """What every line of one drawing shares: the cursor's and the mouse's rows first."""
        return (
            self.cursor_coordinate.row,
            self.hover_coordinate.row,
            self.size.width,
            self.show_cursor,
            self._show_hover_cursor,
            self._pseudo_class_state,
            tuple(column.get_render_width(self) for column in self.ordered_columns),
        )

    @property
    def rich_style(self) -> Style:
        """The table's style, worked out once per drawing (not once per line)."""
        memo = self._style_memo
        return memo if memo is not None else super().rich_style

    def render_lines(self, crop: Region) -> list[Strip]:
        self._style_memo = super().rich_style
        self._pseudo_class_state = self.get_pseudo_class_state()  # as DataTable, before the memo
        self._drawing_memo = self._drawing()
        try:
            if self._plain_box():  # the lines on screen already, one row higher, are kept
                return self._styled_lines(crop)
            return super().render_lines(crop)
        finally:
            self._style_memo = None
            self._drawing_memo = None

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
