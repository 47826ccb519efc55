"""The agenda editor: add, remove, reorder and rename phases, their minutes, kind and notes.

Each change is an op (``sessions.timer.agenda_ops``) applied at once through
the one change path (``tui.changes``): saved before it returns, undone by
ctrl+z (redone by ctrl+y). ``t`` opens the phase's turns and rotation. The
guides' planning warnings (longer than the slot, no margin, more than 2 h of
collective work) are shown under the list and follow every change.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Header, Static

from sessions.agenda import plan
from sessions.agenda.turns_from import turns_of
from sessions.core.ops import Op
from sessions.i18n import t, tn
from sessions.i18n.formats import format_number
from sessions.models import Phase, PhaseKind, Session
from sessions.models.base import short_id
from sessions.timer import agenda_ops
from tui.screens.base import TranslatedScreen
from tui.screens.undo_support import Recording
from tui.widgets.agenda_text import minutes_text, total_text
from tui.widgets.fit_table import FitTable
from tui.widgets.footer import FittingFooter


def script_marks(session: Session, phase: Phase) -> str:
    """What the phase's script holds: ✎ notes, the number of turns, ↻ a rotation.

    The turns counted are those F3 will run: drawn from the sheets (one per group) when
    the phase takes them from there, else its own.
    """
    marks = ["✎"] if phase.notes else []
    turns = turns_of(session, phase)
    if turns:
        marks.append(tn("script.turns_count", len(turns), n=len(turns)))
    if phase.rotation is not None:
        marks.append("↻")
    return " ".join(marks)


class AgendaEditorScreen(Recording, TranslatedScreen):
    CSS_PATH = "agenda_editor.tcss"
    HELP_KEY = "help.agenda_editor"
    BINDINGS = [
        Binding("escape", "leave", "timer.key.back", id="editor-leave"),
        Binding("a", "add", "timer.key.add", id="editor-add"),
        Binding("enter", "edit", "timer.key.edit", id="editor-edit"),
        Binding("delete,d", "remove", "timer.key.remove", id="editor-remove"),
        Binding("ctrl+up,K", "move(-1)", "timer.key.up", id="editor-up"),
        Binding("ctrl+down,J", "move(1)", "timer.key.down", id="editor-down"),
        Binding("t", "turns", "script.key.turns", id="editor-turns"),
        Binding("ctrl+z", "undo", "key.undo", id="editor-undo", show=False),
        Binding("ctrl+y", "redo", "key.redo", id="editor-redo", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="editor"):
            yield Static(t("plan.heading"), classes="title")
            yield FitTable(id="phases", cursor_type="row", zebra_stripes=True, flex=1)
            yield Static("", id="total", markup=False)
            yield Static("", id="warnings", markup=False)
        yield FittingFooter()

    def on_mount(self) -> None:
        table = self.query_one("#phases", DataTable)
        table.add_column("#", width=3)
        table.add_column(t("timer.col.phase"))  # the width the others leave
        table.add_column(t("plan.form_kind"))
        table.add_column("min")
        table.add_column(t("script.col.script"))
        table.add_column(t("timer.col.actual"))
        self.watch(self.app, "revision", lambda _r: self.refresh_table(), init=False)
        self.refresh_table()
        table.focus()

    @property
    def session(self) -> Session:
        session = self.app.session  # type: ignore[attr-defined]
        assert session is not None
        return session

    @property
    def cursor(self) -> int:
        return self.query_one("#phases", DataTable).cursor_row

    def refresh_table(self, select: int | None = None) -> None:
        if self.app.session is None:  # type: ignore[attr-defined]
            return
        s = self.session
        table = self.query_one("#phases", DataTable)
        row = self.cursor if select is None else select
        table.clear()
        for i, phase in enumerate(s.agenda):
            mark = "▶ " if i == s.timer.index and s.timer.state != "not_started" else ""
            table.add_row(
                str(i + 1),
                Text(mark + phase.title, no_wrap=True, overflow="ellipsis"),
                t(f"kind.{phase.kind}"),
                format_number(phase.minutes),  # 7,5 in French
                script_marks(s, phase),
                minutes_text(phase.actual_seconds),
            )
        if s.agenda:
            table.move_cursor(row=min(max(row, 0), len(s.agenda) - 1))
        self.query_one("#total", Static).update(total_text(s))
        warnings = plan.planning_warnings(s)
        self.query_one("#warnings", Static).update(
            "\n".join(f"⚠ {w.message}" for w in warnings) or t("plan.ok")
        )
        self.query_one("#warnings").set_class(bool(warnings), "-warn")

    def _apply(self, op: Op, select: int | None = None) -> bool:
        """Apply, save and record ``op`` (ctrl+z undoes it); False when refused."""
        done, _ = self.change(op)
        if done:
            self.refresh_table(select)
        return done

    # -- actions ---------------------------------------------------------------
    @on(DataTable.RowSelected, "#phases")
    def _row_selected(self) -> None:
        self.action_edit()  # the table takes Enter before the screen's binding

    def action_leave(self) -> None:
        self.dismiss()

    def action_add(self) -> None:
        from tui.screens.phase_form import PhaseForm, PhaseValues

        at = self.cursor + 1 if self.session.agenda else 0

        def done(values: PhaseValues | None) -> None:
            if values is not None:
                op = agenda_ops.AddPhase(
                    short_id("ph"),
                    at,
                    values.title,
                    values.minutes,
                    values.kind,
                    values.warn_minutes,
                    values.notes,
                )
                self._apply(op, select=at)

        self.app.push_screen(
            PhaseForm(PhaseValues(t("plan.new_phase"), 10.0, PhaseKind.PLENARY, None)), done
        )

    def action_edit(self) -> None:
        from tui.screens.phase_form import PhaseForm, PhaseValues

        if not self.session.agenda:
            return
        phase = self.session.agenda[self.cursor]
        phase_id = phase.id

        def done(values: PhaseValues | None) -> None:
            if values is not None:
                op = agenda_ops.EditPhase(
                    phase_id,
                    values.title,
                    values.minutes,
                    values.kind,
                    values.warn_minutes,
                    values.notes,
                )
                self._apply(op)

        values = PhaseValues(
            phase.title, phase.minutes, phase.kind, phase.warn_minutes, phase.notes
        )
        self.app.push_screen(PhaseForm(values), done)

    def action_turns(self) -> None:
        from tui.screens.phase_turns import PhaseTurnsScreen

        if self.session.agenda:
            self.app.push_screen(PhaseTurnsScreen(self.session.agenda[self.cursor].id))

    def action_remove(self) -> None:
        from tui.screens.confirm import ConfirmScreen

        if not self.session.agenda:
            return
        phase = self.session.agenda[self.cursor]
        phase_id = phase.id

        def answered(yes: bool | None) -> None:
            if yes:
                self._apply(agenda_ops.RemovePhase(phase_id))

        self.app.push_screen(ConfirmScreen(t("plan.confirm_remove", title=phase.title)), answered)

    def action_move(self, delta: int) -> None:
        index = self.cursor
        target = index + delta
        if not 0 <= target < len(self.session.agenda):
            return
        self._apply(agenda_ops.MovePhase(self.session.agenda[index].id, delta), select=target)
