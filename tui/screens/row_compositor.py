"""A compositor that asks only the widgets under a partial update, for its rows only.

Textual's compositor draws a partial update (F3's digits and sub-timer, once
a second) by asking every visible widget whose *clip* overlaps the changed
area for all of its lines: on F3 that is 13 widgets - the header, the
footer, the agenda pane, every line of the clock pane, each container at its
full height - ~40 % of the frame, for lines the update then leaves out
(it writes only the changed spans). ``RowCompositor`` asks the widgets whose
visible part overlaps a changed area, and only for the rows where it does
(not the rows between the digits and the sub-timer's changed cells), at
their full visible width (the column cuts stay where Textual put them).
What is written to the terminal is the same: every chop inside the changed
spans comes from the same widgets, in the same order
(``tests/test_f3_frame.py`` compares both byte for byte).

Written for textual 8.2 (``pyproject.toml`` pins it): ``_get_renders`` is
private and its shape is checked by that test.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.strip import Strip

Render = tuple[Region, Region, list[Strip]]  # the widget's region, the part drawn, its lines


class RowCompositor(Compositor):
    _changed: tuple[Region, ...] = ()  # the areas of the partial update being drawn

    def render_partial_update(self) -> ChopsUpdate | None:
        self._changed = tuple(self._dirty_regions)
        try:
            return super().render_partial_update()
        finally:
            self._changed = ()

    def _get_renders(self, crop: Region | None = None) -> Iterable[Render]:
        changed = self._changed
        if crop is None or crop == self.size.region or not changed:  # as Textual draws it
            yield from super()._get_renders(crop)
            return
        for widget, (region, clip) in self.visible_widgets.items():
            shown = region.intersection(clip)
            rows = _rows(shown, changed)  # nothing of it in a changed area: its lines left out
            for top, bottom in rows:  # the changed rows, across the widget's visible width
                part = Region(shown.x, top, shown.width, bottom - top)
                local = Region(part.x - region.x, top - region.y, part.width, part.height)
                yield region, part, widget.render_lines(local)


def _rows(shown: Region, changed: tuple[Region, ...]) -> list[tuple[int, int]]:
    """The runs of rows (top, bottom) where ``shown`` overlaps a changed area."""
    overlaps, intersection = shown.overlaps, shown.intersection
    lines = sorted({y for area in changed if overlaps(area) for y in intersection(area).line_range})
    runs: list[tuple[int, int]] = []
    for y in lines:
        if runs and runs[-1][1] == y:
            runs[-1] = (runs[-1][0], y + 1)
        else:
            runs.append((y, y + 1))
    return runs
