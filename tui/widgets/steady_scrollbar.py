"""A scroll bar repainted only when what it draws changes.

A table's scroll bar is told the table's height and scroll position on every
row added: on an Enter in F4 Textual repainted the whole bar (28 lines drawn
again, ~0.9 ms at 1,000 ideas) though its thumb, one cell at the bottom of
the list, stayed where it was. Here, when the bar would draw exactly what it
drew (the same size, colours, filters and cells: the thumb's ends in eighths
of a cell, as ``ScrollBarRender`` draws them), its last lines are given again.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.geometry import Region
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip

from tui.widgets.kept_lines import StyledOnce


class SteadyScrollBar(StyledOnce, ScrollBar):
    _shown: tuple[object, ...] | None = None  # what the lines below draw, and where
    _shown_lines: list[Strip] = []
    _cells: tuple[Segment, ...] = ()  # a vertical bar's cells, one a line, while it draws
    _cell_strips: dict[tuple[object, ...], Strip] | None = None  # one per kind of cell

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines drawn last when they would be drawn the same; else each line styled once.

        A vertical bar is a column of a few kinds of cell (the track above and
        below, the thumb, its two ends in eighths): when the thumb moves or
        grows (a short list growing), only the lines whose cell changed are
        styled again, not the whole bar drawn anew.
        """
        picture = self._drawn()
        shown = None if picture is None else (picture, crop)
        if shown is not None and shown == self._shown:
            return self._shown_lines
        if picture is not None and self.vertical and self._plain_box():
            cells = picture[2]
            assert isinstance(cells, tuple)
            self._cells = cells
            try:
                lines = self._styled_lines(crop)
            finally:
                self._cells = ()
        else:
            lines = super().render_lines(crop)
        self._shown, self._shown_lines = shown, lines
        return lines

    def render_line(self, y: int) -> Strip:
        cells = self._cells
        if not cells or not 0 <= y < len(cells):
            return super().render_line(y)
        strips = self._cell_strips
        if strips is None or len(strips) > 64:
            strips = self._cell_strips = {}
        cell, width, base = cells[y], self.size.width, self.visual_style.rich_style
        key = (cell, width, base)
        strip = strips.get(key)
        if strip is None:  # as Textual draws it: the widget's style under the cell's
            style = base + cell.style if base else cell.style
            strip = strips[key] = Strip([Segment(cell.text, style)], width)
        return strip

    def notify_style_update(self) -> None:
        self._forget_styled()
        self._shown = None
        super().notify_style_update()

    def _drawn(self) -> tuple[object, ...] | None:
        """The bar's size and its cells as they would be drawn now (None: not known)."""
        if self.parent is None or not self.size:
            return None
        bar = self.render()
        if not isinstance(bar, ScrollBarRender) or isinstance(bar.style, str):
            return None
        style = bar.style
        if style.bgcolor is None or style.color is None:
            return None
        width, height = self.size
        cells = bar.render_bar(
            size=height if bar.vertical else width,
            window_size=bar.window_size,
            virtual_size=bar.virtual_size,
            position=bar.position,
            vertical=bar.vertical,
            thickness=width if bar.vertical else height,
            back_color=style.bgcolor,
            bar_color=style.color,
        )
        return (
            self.size,
            style,
            tuple(cells.segments),
            self.background_colors,
            tuple(self.get_line_filters()),
        )
