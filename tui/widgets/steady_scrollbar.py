"""A scroll bar repainted only when what it draws changes.

A table's scroll bar is told the table's height and scroll position on every
row added: on an Enter in F4 Textual repainted the whole bar (28 lines drawn
again, ~0.9 ms at 1,000 ideas) though its thumb, one cell at the bottom of
the list, stayed where it was. Here, when the bar would draw exactly what it
drew (the same size, colours, filters and cells: the thumb's ends in eighths
of a cell, as ``ScrollBarRender`` draws them), its last lines are given again.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip


class SteadyScrollBar(ScrollBar):
    _shown: tuple[object, ...] | None = None  # what the lines below draw, and where
    _shown_lines: list[Strip] = []

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines drawn last when they would be drawn the same; else Textual's."""
        picture = self._drawn()
        shown = None if picture is None else (picture, crop)
        if shown is not None and shown == self._shown:
            return self._shown_lines
        lines = super().render_lines(crop)
        self._shown, self._shown_lines = shown, lines
        return lines

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
