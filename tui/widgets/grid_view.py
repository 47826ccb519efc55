"""The grid drawn live in the F6 screen, from the one text renderer in ``sessions``.

``GridView.show(entries, kind, horizon)`` stores what to draw; the widget
redraws at its own width (cells sized to fit, legend titles cut with an
ellipsis, crowded cells ending in ``+N``). User text is shown as plain text.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.events import Resize
from textual.widgets import Static

from sessions.grid.drawing import render_grid, truncate
from sessions.grid.placement import GridEntry
from sessions.i18n import t
from sessions.models.grid import GridKind

MIN_CELL, MAX_CELL = 8, 20
LABEL_WIDTH = 8  # the row labels ("faible", "medium") and their space
TUI_CELL_LINES = 3


class GridView(Static):
    DEFAULT_CSS = """
    GridView {
        width: 1fr;
        height: auto;
        padding: 0 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", markup=False, id=id)
        self.entries: list[GridEntry] = []
        self.kind = GridKind.IMPACT_MASTERY
        self.horizon: int | None = None
        self.lines: list[str] = []

    def show(self, entries: Sequence[GridEntry], kind: GridKind, horizon: int | None) -> None:
        self.entries = list(entries)
        self.kind = kind
        self.horizon = horizon
        self.redraw()

    def on_resize(self, _event: Resize) -> None:
        self.redraw()

    def redraw(self) -> None:
        width = self.content_size.width or 60
        cell = max(MIN_CELL, min(MAX_CELL, (width - LABEL_WIDTH - 4) // 3))
        suffix = cell_len(t("grid.unplaced")) + 1
        numbers = max((len(str(e.number)) for e in self.entries), default=1)
        max_title = max(8, width - numbers - 2 - suffix)
        self.lines = render_grid(
            self.entries,
            self.kind,
            horizon=self.horizon,
            cell_width=cell,
            max_cell_lines=TUI_CELL_LINES,
            max_title=max_title,
        )
        shown = [truncate(line, width) for line in self.lines]
        self.update(Text("\n".join(shown), no_wrap=True, overflow="ellipsis"))
