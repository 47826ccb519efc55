"""F6's table of the grid's items: its columns, its rows and their widths.

A mixin of ``GridScreen``: ``_fill_table`` fills the table from the grid's
entries, updating the few changed cells in place when the rows are the same
items in the same order (a refill re-measures every cell); the title and
reason cells are cut to widths that let every column show, refitted after a
resize only when those widths change.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len

from sessions.grid.drawing import truncate
from sessions.grid.placement import GridEntry
from sessions.i18n import t
from sessions.models import Session
from sessions.models.grid import GridKind, Level

TITLE_CELLS = 40
MIN_TEXT_CELLS = 12
# A cell the table shows as it is, one line (no markup nor emoji code): as wide as its cells.
_PLAIN = re.compile(r"[^\[:\n\r]*")


class GridTable:
    """The items' table: columns, rows, cells updated in place, widths fitted."""

    _fitted: tuple[int, int] | None = None  # the table's title and reason widths when filled
    _shown_rows: dict[str, list[str]] = {}  # row key -> cells shown (replaced, never mutated)

    if TYPE_CHECKING:  # what the screen provides (no stub bodies: they would override it)
        app: Any
        session: Session
        table: Any
        selected_number: Any
        refresh_from_session: Any

    def _columns(self, s: Session) -> list[str]:
        if s.grid.kind == GridKind.IMPACT_MASTERY:
            return [
                t("grid.col.number"),
                t("grid.col.title"),
                t("grid.col.points"),
                t("grid.col.impact"),
                t("grid.col.present"),
                t("grid.col.future", horizon=s.horizon_year),
                t("grid.col.reason"),
            ]
        return [
            t("grid.col.number"),
            t("grid.col.title"),
            t("grid.col.points"),
            t("grid.col.spread"),
            t("grid.col.founded"),
            t("grid.col.reason"),
        ]

    def _fill_table(self, s: Session, entries: list[GridEntry]) -> None:
        """The table of the grid's items; a few cells changed in the same rows: those only.

        Refilling a table of thousands of rows re-measures every cell (seconds at
        5,000 items for one key); a change of a level or a reason touches a cell
        or two, updated in place with their column's width, as a refill gives.
        """
        table = self.table
        keep = self.selected_number()
        columns = self._columns(s)
        fitted = self._text_cells(columns)
        rows = self._rows(s, entries, fitted)
        if [str(c.label) for c in table.columns.values()] == columns and fitted == self._fitted:
            if self._update_in_place(rows):
                return
            table.clear()
        else:
            table.clear(columns=True)
            table.add_columns(*columns)
        self._fitted = fitted
        for key, cells in rows.items():
            table.add_row(*cells, key=key)
        self._shown_rows = rows
        keys = list(rows)
        if str(keep) in keys:
            table.move_cursor(row=keys.index(str(keep)), animate=False)

    def _rows(
        self, s: Session, entries: list[GridEntry], fitted: tuple[int, int]
    ) -> dict[str, list[str]]:
        """Row key -> the cells of each item's row, as the table shows them."""
        title_cells, reason_cells = fitted
        future = s.grid.kind == GridKind.IMPACT_MASTERY

        def level(value: object) -> str:
            return t(f"grid.level.{value.value}") if value is not None else "·"  # type: ignore[attr-defined]

        rows: dict[str, list[str]] = {}
        for e in entries:
            cells = [
                str(e.number),
                truncate(e.title, title_cells),
                str(e.points),
                level(e.impact),
                level(e.present),
            ]
            if future:
                cells.append(level(e.future))
            cells.append(truncate(e.reason, reason_cells))
            rows[str(e.number)] = cells
        return rows

    def _update_in_place(self, rows: dict[str, list[str]]) -> bool:
        """Update the changed cells when the rows are the same items in the same order.

        A column grows to a wider cell and never shrinks, as when the rows are
        cleared and added again (``DataTable.clear`` keeps its columns' widths).
        False (the table to refill) when the rows differ, when a changed cell may
        hold markup or lines (its width is then the table's to measure), or when
        more cells changed than a refill is worth.
        """
        shown = self._shown_rows
        if list(rows) != list(shown):
            return False
        changed = [
            (key, column, value, was)
            for key, cells in rows.items()
            for column, (value, was) in enumerate(zip(cells, shown[key], strict=True))
            if value != was
        ]
        if len(changed) > len(self.table.columns):
            return False
        plain = all(_PLAIN.fullmatch(value) and _PLAIN.fullmatch(was) for *_, value, was in changed)
        if not plain:
            return False
        columns = self.table.ordered_columns
        for key, column, value, _ in changed:
            wider = cell_len(value) > columns[column].content_width
            self.table.update_cell(key, columns[column].key, value, update_width=wider)
        self._shown_rows = rows
        return True

    def _text_cells(self, columns: list[str]) -> tuple[int, int]:
        """Widths of the title and reason cells, so that every column shows."""
        width = (self.table.size.width or self.app.size.width - 4) - 2  # its scrollbar
        levels = max(cell_len(t(f"grid.level.{level.value}")) for level in Level)
        others = [columns[0], *columns[2:-1]]  # number, points, the levels
        fixed = sum(max(cell_len(c), levels) for c in others) + 2 * len(columns)  # + padding
        room = max(2 * MIN_TEXT_CELLS, width - fixed)
        title = min(TITLE_CELLS, max(MIN_TEXT_CELLS, room * 11 // 20))
        return title, max(MIN_TEXT_CELLS, room - title)

    def _refit(self) -> None:
        """After a resize, refill the table only when its title and reason widths change.

        The drawing follows its own width (``GridView``): refilling a table of
        thousands of rows for nothing was most of the cost of opening F6.
        """
        if self.app.session is None:  # type: ignore[attr-defined]
            return
        if self._text_cells(self._columns(self.session)) != self._fitted:
            self.refresh_from_session()
