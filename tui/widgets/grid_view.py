"""The grid drawn live in the F6 screen, from the one text renderer in ``sessions``.

``GridView.show(entries, kind, horizon)`` stores what to draw; the widget
redraws at its own width (cells sized to fit, legend titles cut with an
ellipsis, crowded cells ending in ``+N``). User text is shown as plain text.

It draws once per change of what it shows or of its width: ``show`` with the
same entries, or a resize that only changes its height (its own lines growing),
keeps the drawing; before the first layout (width 0) it waits for its size.
Only the lines in sight are rendered (``render_line``), each as the Static
would render it: a grid of 5,000 items has a legend of 5,000 lines.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.app import RenderResult
from textual.events import Resize
from textual.geometry import Size
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widgets import Static

from sessions.grid.drawing import legend_height, render_grid, truncate
from sessions.grid.placement import GridEntry
from sessions.i18n import get_language, t
from sessions.models.grid import GridKind

MIN_CELL, MAX_CELL = 8, 20
LABEL_WIDTH = 8  # the row labels ("faible", "medium") and their space
TUI_CELL_LINES = 3
UNLAID_WIDTH = 60  # the width assumed before the first layout


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
        self.drawn_width: int | None = None  # the width of ``lines``; None: to draw
        self.draws = 0  # how many times the grid was drawn (tests hold it)
        self._lang = ""  # the language of ``lines`` (its words come from the catalog)
        self._shown: list[str] | None = None  # the lines on screen, each cut to the width

    def show(self, entries: Sequence[GridEntry], kind: GridKind, horizon: int | None) -> None:
        entries = list(entries)
        drawn = (self.entries, self.kind, self.horizon, self._lang)
        if self.drawn_width is not None and drawn == (entries, kind, horizon, get_language()):
            return  # the same drawing: a refresh that changed nothing on the grid
        self.entries = entries
        self.kind = kind
        self.horizon = horizon
        self.drawn_width = None
        self.redraw()

    def on_resize(self, _event: Resize) -> None:
        self.redraw()

    def redraw(self) -> None:
        width = self.content_size.width
        if not width:  # not laid out yet: its Resize draws it
            self._hold_height()
            return
        if width == self.drawn_width:
            return  # already drawn at this width (a Resize of its height only)
        self.drawn_width = width
        self._lang = get_language()
        self.draws += 1
        self.lines = render_grid(
            self.entries,
            self.kind,
            horizon=self.horizon,
            max_cell_lines=TUI_CELL_LINES,
            **self._sizes(width),
        )
        self._show([truncate(line, width) for line in self.lines])

    def _sizes(self, width: int) -> dict[str, int]:
        """The cell width and the legend's title width at ``width`` columns."""
        cell = max(MIN_CELL, min(MAX_CELL, (width - LABEL_WIDTH - 4) // 3))
        suffix = cell_len(t("grid.unplaced")) + 1
        numbers = max((len(str(e.number)) for e in self.entries), default=1)
        return {"cell_width": cell, "max_title": max(8, width - numbers - 2 - suffix)}

    def _hold_height(self) -> None:
        """Before the first layout: blank lines as many as a drawing at 60 columns.

        The screen lays out with the drawing's height (its scroll bar, the table's
        widths) before the drawing is made at the real width, without drawing twice.
        """
        cell = self._sizes(UNLAID_WIDTH)["cell_width"]
        box = render_grid(
            self.entries,
            self.kind,
            horizon=self.horizon,
            cell_width=cell,
            max_cell_lines=TUI_CELL_LINES,
            legend=False,
        )
        self._show([""] * (len(box) + legend_height(self.entries)))

    def _show(self, shown: list[str]) -> None:
        self._shown = shown
        self.refresh(layout=True)

    def render(self) -> RenderResult:
        """The whole text, built only when asked (a selection): lines are rendered one by one."""
        if self._shown is None:
            return super().render()
        return Text("\n".join(self._shown), no_wrap=True, overflow="ellipsis")

    # -- only the lines in sight are rendered (a legend of 5,000 items is 5,000 lines) --
    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not width or self._shown is None:
            return super().get_content_height(container, viewport, width)
        return len(self._shown)  # every line already cut to the width: none wraps

    def render_line(self, y: int) -> Strip:
        if self._shown is None or self.text_selection is not None:
            return super().render_line(y)  # the whole text, as a Static renders it
        width = self.size.width
        if y >= len(self._shown):
            return Strip.blank(width, self.visual_style.rich_style)
        line = Text(self._shown[y], no_wrap=True, overflow="ellipsis")
        visual = visualize(self, line, markup=False)
        strips = Visual.to_strips(self, visual, width, 1, self.visual_style)
        return strips[0] if strips else Strip.blank(width, self.visual_style.rich_style)
