"""F6, prioritise: the top items, their positions on the grid and the reasons.

The list on the left holds the grid's items (number, title, points, impact
row from the points, positions, reason); a few keys place the selected item
(p / P today, f / F future, x clears), Enter or r types its reason. The grid
on the right is drawn live by ``GridView`` from ``sessions.grid.drawing``. Under
the list, the guide's questions for placing an item on the grid in use (data:
``sessions/grid/questions.toml``). Every change is an op through the one change
path (``tui.changes``): saved before it returns, undone by ctrl+z.

The table's columns, rows and widths are in ``grid_table.py``, the reason
field (aimed by r, saved by Enter) in ``grid_reason.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from rich.text import Text
from textual import events, on
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import DataTable, Input, Static

from sessions.core.numbers import NumberError, parse_number
from sessions.core.ops import Op
from sessions.grid import grid_ops as grid_changes
from sessions.grid.placement import grid_entries, has_future
from sessions.grid.questions import questions_for
from sessions.i18n import get_language, t
from sessions.vote.ranking import top_n
from tui.screens.base import SectionScreen
from tui.screens.describe import Describing
from tui.screens.grid_reason import GridReason
from tui.screens.grid_table import GridTable
from tui.widgets.entry_input import LimitedInput
from tui.widgets.grid_view import GridView
from tui.widgets.quiet import set_text

TABLE_KEYS = {"move", "clear", "reason", "enter", "cursor", "describe", "add", "remove"}


class GridScreen(GridReason, GridTable, Describing, SectionScreen):
    AUTO_FOCUS = "#grid-items"  # focused as built: keys typed in the burst of its key reach it
    CSS_PATH = "grid.tcss"
    COMPACT_WHEN_SHORT = True  # one-line fields at 80x24: more of the drawing in sight

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

    def on_resize(self) -> None:
        if self.app.session is not None and self.is_current:  # type: ignore[attr-defined]
            self.call_after_refresh(self._refit)

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
