"""F6, prioritise: the top items, their positions on the grid and the reasons.

The list on the left holds the grid's items (number, title, points, impact
row from the points, positions, reason); a few keys place the selected item
(p / P today, f / F future, x clears), Enter or r types its reason. The grid
on the right is drawn live by ``GridView`` from ``sessions.grid.drawing``. Under
the list, the guide's questions for placing an item on the grid in use (data:
``sessions/grid/questions.toml``). Every change is an op through the one change
path (``tui.changes``): saved before it returns, undone by ctrl+z.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from rich.cells import cell_len
from rich.text import Text
from textual import events, on
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import DataTable, Input, Static

from sessions.core.numbers import NumberError, parse_number
from sessions.core.ops import Op
from sessions.core.text import clean_text
from sessions.grid import grid_ops as grid_changes
from sessions.grid.drawing import truncate
from sessions.grid.placement import GridEntry, grid_entries, has_future
from sessions.grid.questions import questions_for
from sessions.i18n import get_language, t
from sessions.models import Session
from sessions.models.grid import GridKind, Level
from sessions.vote.ranking import top_n
from tui.screens.base import SectionScreen
from tui.screens.describe import Describing
from tui.widgets.entry_input import LimitedInput
from tui.widgets.grid_view import GridView
from tui.widgets.quiet import set_text

TITLE_CELLS = 40
MIN_TEXT_CELLS = 12
# A cell the table shows as it is, one line (no markup nor emoji code): as wide as its cells.
_PLAIN = re.compile(r"[^\[:\n\r]*")


TABLE_KEYS = {"move", "clear", "reason", "enter", "cursor", "describe", "add", "remove"}


class GridScreen(Describing, SectionScreen):
    AUTO_FOCUS = "#grid-items"  # focused as built: keys typed in the burst of its key reach it
    CSS_PATH = "grid.tcss"
    _reason_for: int | None = None  # the item the reason field is typed for
    _reason_pending = False  # Enter pressed, the field still taking the letters before it
    COMPACT_WHEN_SHORT = True  # one-line fields at 80x24: more of the drawing in sight
    _fitted: tuple[int, int] | None = None  # the table's title and reason widths when filled
    _shown_rows: dict[str, list[str]] = {}  # row key -> cells shown (replaced, never mutated)

    @property
    def HELP_KEY(self) -> str:
        """F1 speaks of the grid in use: impact / maîtrise, or répandue / fondée (fiche 2)."""
        session = self.app.session  # type: ignore[attr-defined]
        kind = session.grid.kind.value if session is not None else "impact_mastery"
        return f"help.grid.{kind}"

    # Priority bindings: each key acts when it arrives, in the order typed, and r, a and
    # Enter move the focus at once: in a burst "p r reason Enter down p" each key goes
    # where it was meant. While a field has the focus they are off (its letters, its Enter).
    BINDINGS = [
        Binding(
            "p",
            "move('present', 1)",
            "grid.key.present_next",
            id="grid-present-next",
            priority=True,
        ),
        Binding(
            "P",
            "move('present', -1)",
            "grid.key.present_prev",
            id="grid-present-prev",
            priority=True,
        ),
        Binding(
            "f", "move('future', 1)", "grid.key.future_next", id="grid-future-next", priority=True
        ),
        Binding(
            "F", "move('future', -1)", "grid.key.future_prev", id="grid-future-prev", priority=True
        ),
        Binding("x", "clear", "grid.key.clear", id="grid-clear", priority=True),
        Binding("r", "reason", "grid.key.reason", id="grid-reason", priority=True),
        Binding(
            "enter", "enter", "grid.key.field_done", id="grid-enter", show=False, priority=True
        ),
        # The arrows too, to keep the order typed (F1 tells them with the generic keys).
        Binding("up", "cursor(-1)", "textual.cursor_up", id="grid-up", show=False, priority=True),
        Binding(
            "down", "cursor(1)", "textual.cursor_down", id="grid-down", show=False, priority=True
        ),
        Binding("d", "describe", "describe.key", id="grid-describe", priority=True),
        Binding("ctrl+z", "undo", "key.undo", id="grid-undo", show=False),
        Binding("ctrl+y", "redo", "key.redo", id="grid-redo", show=False),
        Binding("a", "add", "grid.key.add", id="grid-add", priority=True),
        Binding("delete", "remove", "grid.key.remove", id="grid-remove", priority=True),
        Binding("ctrl+t", "reset", "grid.key.reset", id="grid-reset"),
        Binding("escape", "back", "grid.key.back", id="grid-back", show=False),
    ]

    def compose_body(self) -> Iterable[Widget]:
        # The table, then the drawing below it at its full width; the body scrolls when short.
        with VerticalScroll(id="grid-body"):
            with Vertical(id="grid-left"):
                yield DataTable(id="grid-items", cursor_type="row", zebra_stripes=True)
                yield Static("", id="reason-label", markup=False)
                yield LimitedInput(id="reason", max_length=500)
                yield LimitedInput(
                    id="add-item", placeholder=t("grid.add_placeholder"), max_length=6
                )
                yield Static("", id="grid-questions", markup=False)
            with Vertical(id="grid-right"):
                yield GridView(id="grid-view")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#grid-items", DataTable).focus()

    # -- drawing -----------------------------------------------------------
    @property
    def table(self) -> DataTable:
        return self.query_one("#grid-items", DataTable)

    def selected_number(self) -> int | None:
        table = self.table
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return int(key.value) if key.value is not None else None

    def refresh_from_session(self) -> None:
        s = self.session
        self._name_position_keys()
        entries = grid_entries(s)
        self._fill_table(s, entries)
        self.query_one(GridView).show(entries, s.grid.kind, s.horizon_year)
        self._show_reason()
        self._show_questions()

    def _name_position_keys(self) -> None:
        """p / P move the one position of the idées reçues grid: 'Fondée', not 'Aujourd'hui'."""
        prefix = "grid.key.present" if has_future(self.session) else "grid.key.founded"
        table = self._bindings.key_to_bindings
        changed = False
        for key, end in (("p", "next"), ("P", "prev")):
            wanted = t(f"{prefix}_{end}")
            named = [replace(b, description=wanted) for b in table.get(key, [])]
            if named and named[0].description != table[key][0].description:
                table[key] = named
                changed = True
        if changed:
            self.refresh_bindings()

    def _show_questions(self) -> None:
        """The guide's questions for placing an item on this grid (``grid/questions.toml``)."""
        s = self.session
        asked = questions_for(s.grid.kind.value, get_language(), s.horizon_year)
        shown = Text(t("grid.ask.title"))
        for q in asked:  # the key that records the answer stands out
            line = t("grid.ask.line", key=q.key, label=q.label, text=q.text)
            shown.append("\n")
            if q.key and line.startswith(q.key):
                shown.append(q.key, style="bold")
                line = line[len(q.key) :]
            shown.append(line)
        set_text(self.query_one("#grid-questions", Static), shown)

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

    def on_resize(self) -> None:
        if self.app.session is not None and self.is_current:  # type: ignore[attr-defined]
            self.call_after_refresh(self._refit)

    def _refit(self) -> None:
        """After a resize, refill the table only when its title and reason widths change.

        The drawing follows its own width (``GridView``): refilling a table of
        thousands of rows for nothing was most of the cost of opening F6.
        """
        if self.app.session is None:  # type: ignore[attr-defined]
            return
        if self._text_cells(self._columns(self.session)) != self._fitted:
            self.refresh_from_session()

    def _question(self) -> str:
        s = self.session
        if has_future(s):
            return t("grid.question.future", horizon=s.horizon_year)
        return t("grid.question.founded")

    def _show_reason(self) -> None:
        number = self.selected_number()
        label = self.query_one("#reason-label", Static)
        reason = self.query_one("#reason", Input)
        if number is None:
            label.update(t("grid.no_selection"))
            reason.value = ""
            return
        text = t("grid.reason_for", number=number, question=self._question())
        idea = self.session.idea(number)
        if idea is not None and idea.description:
            text = t("describe.line", text=idea.description) + "\n" + text
        label.update(text)
        if not reason.has_focus and not self._reason_pending:
            pos = self.session.grid.positions.get(number)
            reason.value = pos.reason if pos else ""

    @on(DataTable.RowHighlighted, "#grid-items")
    def _row_moved(self) -> None:
        self._show_reason()

    @on(DataTable.RowSelected, "#grid-items")
    def _row_chosen(self) -> None:
        self.action_reason()

    # -- actions -----------------------------------------------------------
    def _apply(self, op: Op) -> bool:
        """Apply, save and record ``op`` (ctrl+z undoes it); False when refused or not saved."""
        done, _ = self.change(op)
        return done and not self.app.unsaved  # type: ignore[attr-defined]

    def _on_selected(self, op: Callable[[int], Op]) -> None:
        number = self.selected_number()
        if number is None:
            self.notify(t("grid.no_selection"), severity="warning")
            return
        self._apply(op(number))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in TABLE_KEYS and isinstance(self.focused, Input):
            # Typing in a field: its letters are letters; Enter ends the reason.
            return action == "enter" and self.focused.id == "reason"
        if action == "move" and parameters and parameters[0] == "future":
            return has_future(self.session) if self.app.session is not None else False  # type: ignore[attr-defined]
        return True

    def action_cursor(self, step: int) -> None:
        if step < 0:
            self.table.action_cursor_up()
        else:
            self.table.action_cursor_down()

    def action_enter(self) -> None:
        """Enter on the table types the row's reason; Enter in the reason saves it."""
        if self.focused is self.table:
            self.action_reason()
        elif self.focused is not None and self.focused.id == "reason":
            self._reason_done()

    def action_move(self, which: str, step: int) -> None:
        self._on_selected(lambda n: grid_changes.CycleLevel(n, which=which, step=step))

    def action_clear(self) -> None:
        self._on_selected(grid_changes.ClearPosition)

    def action_reason(self) -> None:
        number = self.selected_number()
        if number is None:
            return
        self._reason_for = number  # the item the reason is typed for, whatever moves next
        field = self.query_one("#reason", Input)
        pos = self.session.grid.positions.get(number)
        typed = pos.reason if pos else ""

        def aim() -> None:  # in the field's queue: before the letters typed after r
            field.value = typed
            field.cursor_position = len(typed)

        field.call_later(aim)
        self.set_focus(field)  # now: the next keys go there

    def _reason_done(self) -> None:
        """Enter in the reason: the table has the focus at once (the keys after Enter move
        in it); the reason is saved on its item once the field has taken its letters."""
        field = self.query_one("#reason", Input)
        number, self._reason_for = self._reason_for, None
        self._reason_pending = True  # the row may move before the field has its letters

        def save() -> None:
            self._reason_pending = False
            if number is not None:
                self._save_reason(field.value, number)
            self._show_reason()  # the field now shows the reason of the row in sight

        self.set_focus(self.table)
        field.call_later(save)

    def action_describe(self) -> None:
        number = self.selected_number()
        if number is None:
            self.notify(t("grid.no_selection"), severity="warning")
            return
        self.describe(number)

    def action_add(self) -> None:
        self.set_focus(self.query_one("#add-item", Input))

    def action_remove(self) -> None:
        number = self.selected_number()
        if number is None:
            return
        if self._apply(grid_changes.RemoveItem(number)):
            self.notify(t("grid.removed", number=number))

    def action_reset(self) -> None:
        if self._apply(grid_changes.ResetItems()):
            self.notify(t("grid.reset_done", n=top_n(self.session)))

    def action_back(self) -> None:
        self.table.focus()

    @on(Input.Blurred, "#reason")
    def _reason_left(self, event: Input.Blurred) -> None:
        """Left by a click, Tab or Escape: saved. Left by Enter: Enter saves it (and an r
        typed after it already aims the field at the next item: not saved there)."""
        if self._reason_for is not None and self.focused is not event.input:
            self._save_reason(event.value, self._reason_for)
            self._reason_for = None

    @on(events.DescendantFocus, "#reason")
    def _reason_entered(self) -> None:
        field = self.query_one("#reason", Input)
        if self._reason_for is None and self.focused is field:  # a click or Tab, not r
            self._reason_for = self.selected_number()

    def _save_reason(self, value: str, number: int | None = None) -> None:
        number = number if number is not None else self.selected_number()
        if number is None:
            return
        text = clean_text(value)
        pos = self.session.grid.positions.get(number)
        if (pos.reason if pos else "") == text:
            return
        if self._apply(grid_changes.SetReason(number, reason=text)):
            self.notify(t("grid.reason_saved", number=number))

    @on(Input.Submitted, "#add-item")
    def _add_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip().lstrip("#n°").strip()
        try:
            number = parse_number(value)
        except NumberError as exc:
            self.notify(t("grid.err.add_number", reason=exc), severity="error")
            return
        if not self._apply(grid_changes.AddItem(number)):
            return
        event.input.value = ""
        self.notify(t("grid.added", number=number))
        self.table.focus()
        numbers = [e.number for e in grid_entries(self.session)]
        if number in numbers:
            self.table.move_cursor(row=numbers.index(number), animate=False)
