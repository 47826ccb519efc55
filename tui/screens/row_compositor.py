"""A compositor that asks only the widgets under a partial update, for its rows only.

Textual's compositor draws a partial update (F3's digits and sub-timer, once
a second) by asking every visible widget whose *clip* overlaps the changed
area for all of its lines: on F3 that is 13 widgets - the header, the
footer, the agenda pane, every line of the clock pane, each container at its
full height - ~40 % of the frame, for lines the update then leaves out
(it writes only the changed spans). ``RowCompositor`` asks the widgets whose
visible part overlaps the changed area, and only for the rows it spans, at
their full visible width (the column cuts stay where Textual put them).
What is written to the terminal is the same: every chop inside the changed
spans comes from the same widgets, in the same order
(``tests/test_f3_frame.py`` compares both byte for byte).

Written for textual 8.2 (``pyproject.toml`` pins it): ``_get_renders`` is
private and its shape is checked by that test.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual._compositor import Compositor
from textual.geometry import Region
from textual.strip import Strip

Render = tuple[Region, Region, list[Strip]]  # the widget's region, the part drawn, its lines


class RowCompositor(Compositor):
    def _get_renders(self, crop: Region | None = None) -> Iterable[Render]:
        if crop is None or crop == self.size.region:  # a full frame: as Textual draws it
            yield from super()._get_renders(crop)
            return
        rows = Region(0, crop.y, self.size.width, crop.height)
        overlaps = crop.overlaps
        for widget, (region, clip) in self.visible_widgets.items():
            shown = region.intersection(clip)
            if not overlaps(shown):
                continue  # nothing of it in the changed area: its lines would be left out
            part = shown.intersection(rows)  # the changed rows, across the widget's visible width
            if part.area:
                local = Region(part.x - region.x, part.y - region.y, part.width, part.height)
                yield region, part, widget.render_lines(local)
