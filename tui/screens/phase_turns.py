"""A phase's turns and rotation, from the agenda editor (``t``).

Turns are the phase's sub-timers (each group presents in 3 minutes; the
guide's 5 minutes of individual reflection): a label and minutes, 0 for an
open turn that the facilitator ends with ``t`` on F3. The rotation is a
repeating sub-timer (the tables change every 20 minutes). Each change is an
op (``sessions.timer.agenda_ops``) through the one change path: saved at
once, undone by ctrl+z. Turns written here are the facilitator's: the phase is
flagged so that turns derived from the sheets never replace them.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Label, Static

from sessions.agenda.plan import parse_minutes
from sessions.agenda.turns_from import turns_of, turns_summary
from sessions.core.text import clean_text
from sessions.i18n import t, tn
from sessions.i18n.formats import format_number
from sessions.models import Phase, Session
from sessions.timer import agenda_ops
from tui.i18n import translate_bindings
from tui.screens.dialog import AnswersOnce
from tui.screens.typing_order import FocusInTypingOrder
from tui.screens.undo_support import Recording
from tui.widgets.footer import FittingFooter


def minutes_label(minutes: float) -> str:
    return t("script.turn_open") if minutes == 0 else format_number(minutes)  # 7,5 in French


def rotation_text(phase: Phase) -> str:
    rot = phase.rotation
    if rot is None:
        return t("script.rotation_none")
    label = rot.label or t("timer.rotation_default")
    return t("script.rotation_line", every=format_number(rot.every_minutes), label=label)


class PairForm(AnswersOnce, FocusInTypingOrder, ModalScreen[tuple[str, str] | None]):
    """Two fields (a turn's label and minutes, a rotation's minutes and label); Enter saves."""

    CSS_PATH = "phase_turns.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save_typed", "key.save", id="save", priority=True),
        Binding("escape", "cancel", "key.cancel", id="cancel"),
    ]

    def __init__(
        self,
        title: str,
        fields: tuple[tuple[str, str], tuple[str, str]],
        check: Callable[[str, str], str | None],
    ) -> None:
        """``fields``: (label, value) twice; ``check`` gives a refusal's reason or None."""
        super().__init__()
        translate_bindings(self)
        self.heading = title
        self.fields = fields
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(id="pair"):
            yield Static(self.heading, classes="title", markup=False)
            for n, (label, value) in enumerate(self.fields):
                yield Label(label)
                yield Input(value=value, id=f"field-{n}")
            yield Static("", id="error", markup=False)
            yield Static(t("plan.form_keys"), classes="muted")

    def action_save_typed(self) -> None:
        """ctrl+s is a priority key: the fields first take the keys typed before it."""
        self.after_typed(self.action_save)

    @on(Input.Submitted)
    def action_save(self) -> None:
        first, second = (self.query_one(f"#field-{n}", Input).value for n in (0, 1))
        reason = self.check(first, second)
        if reason:
            self.query_one("#error", Static).update(reason)
            return
        self.dismiss((first, second))

    def action_cancel(self) -> None:
        self.dismiss(None)


def _turn_refusal(label: str, minutes: str) -> str | None:
    if not clean_text(label):
        return t("script.err.turn_label")
    try:
        parse_minutes(minutes or "0")
    except ValueError as exc:
        return str(exc)
    return None


def _rotation_refusal(every: str, label: str) -> str | None:
    if not every.strip():
        return None  # no rotation
    try:
        value = parse_minutes(every)
    except ValueError as exc:
        return str(exc)
    return t("script.err.rotation_zero") if value <= 0 else None


class PhaseTurnsScreen(Recording, ModalScreen[None]):
    CSS_PATH = "phase_turns.tcss"
    BINDINGS = [
        Binding("escape", "leave", "timer.key.back", id="turns-leave"),
        Binding("a", "add", "script.key.add_turn", id="turns-add"),
        Binding("enter", "edit", "script.key.edit_turn", id="turns-edit"),
        Binding("delete,d", "remove", "script.key.remove_turn", id="turns-remove"),
        Binding("ctrl+up,K", "move(-1)", "timer.key.up", id="turns-up"),
        Binding("ctrl+down,J", "move(1)", "timer.key.down", id="turns-down"),
        Binding("o", "rotation", "script.key.rotation", id="turns-rotation"),
        Binding("ctrl+z", "undo", "key.undo", id="turns-undo", show=False),
        Binding("ctrl+y", "redo", "key.redo", id="turns-redo", show=False),
    ]

    def __init__(self, phase_id: str) -> None:
        super().__init__()
        translate_bindings(self)
        self.phase_id = phase_id

    def compose(self) -> ComposeResult:
        with Vertical(id="turns-box"):
            yield Static("", id="turns-title", classes="title", markup=False)
            yield DataTable(id="turns", cursor_type="row", zebra_stripes=True)
            yield Static("", id="turns-total", markup=False)
            yield Static("", id="rotation", markup=False)
            yield Static(t("script.turns_help"), classes="muted", markup=False)
        yield FittingFooter()

    def on_mount(self) -> None:
        table = self.query_one("#turns", DataTable)
        table.add_column("#", width=3)
        table.add_column(t("script.col.turn"))
        table.add_column("min")
        self.watch(self.app, "revision", lambda _r: self.refresh_turns(), init=False)
        self.refresh_turns()
        table.focus()

    @property
    def session(self) -> Session:
        session = self.app.session
        assert session is not None
        return session

    def phase(self) -> Phase | None:
        return next((p for p in self.session.agenda if p.id == self.phase_id), None)

    @property
    def cursor(self) -> int:
        return self.query_one("#turns", DataTable).cursor_row

    def refresh_turns(self, select: int | None = None) -> None:
        if self.app.session is None:
            return
        phase = self.phase()
        if phase is None:
            self.dismiss()
            return
        table = self.query_one("#turns", DataTable)
        row = self.cursor if select is None else select
        table.clear()
        turns = turns_of(self.session, phase)  # drawn from the sheets, or its own
        for i, turn in enumerate(turns):
            label = Text(turn.label, no_wrap=True, overflow="ellipsis")
            table.add_row(str(i + 1), label, minutes_label(turn.minutes))
        if turns:
            table.move_cursor(row=min(max(row, 0), len(turns) - 1))
        heading = t("script.turns_title", title=phase.title)
        self.query_one("#turns-title", Static).update(heading)
        total = sum(turn.minutes for turn in turns)
        summary = tn("script.turns_total", len(turns), n=len(turns), total=format_number(total))
        planned = format_number(phase.minutes)
        summary = summary + " / " + f"{planned} min" if turns else t("script.turns_none")
        if phase.turns_from is not None:  # one turn per group's sheet, until edited here
            summary = turns_summary(self.session, phase)
        self.query_one("#turns-total", Static).update(summary)
        self.query_one("#rotation", Static).update(rotation_text(phase))

    def _turns(self) -> list[tuple[str, float]]:
        phase = self.phase()
        return [(x.label, x.minutes) for x in turns_of(self.session, phase)] if phase else []

    def _set(self, turns: list[tuple[str, float]], select: int | None = None) -> None:
        done, _ = self.change(agenda_ops.SetTurns(self.phase_id, tuple(turns)))
        if done:
            self.refresh_turns(select)

    def _ask_turn(self, title: str, label: str, minutes: str, done: Callable[[str, float], None]):  # type: ignore[no-untyped-def]
        def answered(values: tuple[str, str] | None) -> None:
            if values is not None:
                done(clean_text(values[0]), parse_minutes(values[1] or "0"))

        fields = ((t("script.form_turn_label"), label), (t("script.form_turn_minutes"), minutes))
        self.app.push_screen(PairForm(title, fields, _turn_refusal), answered)

    # -- actions ---------------------------------------------------------------
    @on(DataTable.RowSelected, "#turns")
    def _row_selected(self) -> None:
        self.action_edit()

    def action_leave(self) -> None:
        self.dismiss()

    def action_add(self) -> None:
        turns = self._turns()
        at = self.cursor + 1 if turns else 0
        number = len(turns) + 1

        def add(label: str, minutes: float) -> None:
            self._set([*turns[:at], (label, minutes), *turns[at:]], select=at)

        default = t("script.new_turn", n=number)
        self._ask_turn(t("script.add_turn"), default, "3", add)

    def action_edit(self) -> None:
        turns = self._turns()
        if not turns:
            self.action_add()
            return
        index = self.cursor
        label, minutes = turns[index]

        def edit(new_label: str, new_minutes: float) -> None:
            turns[index] = (new_label, new_minutes)
            self._set(turns, select=index)

        self._ask_turn(t("script.edit_turn"), label, format_number(minutes), edit)

    def action_remove(self) -> None:
        turns = self._turns()
        if turns:
            index = self.cursor
            label = turns.pop(index)[0]
            self._set(turns, select=index)
            self.notify(t("script.turn_removed", label=label), timeout=4)

    def action_move(self, delta: int) -> None:
        turns = self._turns()
        index = self.cursor
        target = index + delta
        if not turns or not 0 <= target < len(turns):
            return
        turns[index], turns[target] = turns[target], turns[index]
        self._set(turns, select=target)

    def action_rotation(self) -> None:
        phase = self.phase()
        if phase is None:
            return
        rot = phase.rotation
        every = format_number(rot.every_minutes) if rot else ""
        fields = (
            (t("script.form_rotation_every"), every),
            (t("script.form_rotation_label"), rot.label if rot else ""),
        )

        def answered(values: tuple[str, str] | None) -> None:
            if values is None:
                return
            minutes = parse_minutes(values[0]) if values[0].strip() else None
            op = agenda_ops.SetRotation(self.phase_id, minutes, clean_text(values[1]))
            if self.change(op)[0]:
                self.refresh_turns()

        title = t("script.rotation_title")
        self.app.push_screen(PairForm(title, fields, _rotation_refusal), answered)
