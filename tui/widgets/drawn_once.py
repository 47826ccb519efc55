"""The drawing half of ``KeyedTable``: cells, rows and lines drawn once and kept.

DataTable keys what it has drawn by a counter that every ``add_row`` and
``update_cell`` moves on, and by the cursor's place: an idea added in F4 drew
every cell, row and line on screen again. Here each is kept under what it
depends on (its row and version, its place, the widths, the style, whether
the cursor or the mouse is on it), so an Enter draws the new row alone; the
row the cursor leaves is drawn ahead, between two Enters.

A mixin for ``KeyedTable``, listed before ``FitTable``: it relies on the
caches ``KeyedTable.__init__`` makes (``_drawn``, ``_drawn_rows``,
``_drawn_lines``, ``_row_versions``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.coordinate import Coordinate
from textual.dom import NoScreen
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

SegmentLines = list[list[Segment]]
DRAWN_CELLS = 4000  # cells kept drawn: several screens of rows, cursor and zebra variants

# A mixin, not a DataTable subclass (a second DataTable base would hide the
# component classes of the widget it is mixed into).
_Mixin = DataTable if TYPE_CHECKING else object


class DrawnOnce(_Mixin):
    _drawn: LRUCache[tuple[object, ...], SegmentLines]
    _drawn_rows: LRUCache[tuple[object, ...], tuple[SegmentLines, SegmentLines]]
    _drawn_lines: LRUCache[tuple[object, ...], Strip]
    _row_versions: dict[RowKey, int]
    _style_memo: Style | None = None  # the table's style while it draws its lines
    _drawing_memo: tuple[object, ...] | None = None  # ``_drawing()`` while it draws its lines
    _placing_memo: tuple[int, int, int, int, Style] | None = None  # ``_placing()`` likewise

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
            not self.is_attached  # its screen closed meanwhile (a dialog's table): no styles
            or not self._component_styles
            or self.cursor_type != "row"
            or self.fixed_columns
            or self._labelled_row_exists
            or self.cursor_row != row_index
            or not 0 <= row_index < self.row_count
        ):
            return
        try:
            self._pseudo_class_state = self.get_pseudo_class_state()  # as ``render_lines``
            row_style = self._get_row_style(row_index, self.rich_style)
            for column_index, column in enumerate(self.ordered_columns):
                self._render_cell(row_index, column_index, row_style, column.get_render_width(self))
        except (KeyError, NoScreen):  # being removed: a head start, never a crash
            return

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

    def render_line(self, y: int) -> Strip:
        """DataTable's, with what every line of one drawing shares worked out once per drawing.

        DataTable reads the size, the scroll offset, the fixed rows' and the
        header's heights and the style again for each of the ~28 lines.
        """
        placing = self._placing_memo
        if placing is None:
            return super().render_line(y)
        scroll_x, scroll_y, width, fixed_height, style = placing
        if y >= fixed_height:
            y += scroll_y
        return self._render_line(y, scroll_x, scroll_x + width, style)

    def _placing(self, style: Style) -> tuple[int, int, int, int, Style]:
        """``render_line``'s shared part, as DataTable works it out for each line."""
        scroll_x, scroll_y = self.scroll_offset
        fixed_height = sum(
            self.get_row_height(self._row_locations.get_key(row_index))
            for row_index in range(self.fixed_rows)
        )
        if self.show_header:
            fixed_height += self.get_row_height(self._header_row_key)
        return (scroll_x, scroll_y, self.size.width, fixed_height, style)

    def render_lines(self, crop: Region) -> list[Strip]:
        self._style_memo = super().rich_style
        self._pseudo_class_state = self.get_pseudo_class_state()  # as DataTable, before the memo
        self._drawing_memo = self._drawing()
        self._placing_memo = self._placing(self._style_memo)
        try:
            if self._plain_box():  # the lines on screen already, one row higher, are kept
                return self._styled_lines(crop)
            return super().render_lines(crop)
        finally:
            self._style_memo = None
            self._drawing_memo = None
            self._placing_memo = None
