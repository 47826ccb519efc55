"""The form for one phase of the agenda: title, minutes, kind, warning minutes, notes.

The notes are the guide's instructions for the facilitator ("5 min constats +
10 min jeu de rôle"): several lines, shown on F3 for the current phase and
never on the projector. Enter in a one-line field or ctrl+s saves; in the
notes Enter starts a new line.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static, TextArea

from sessions.agenda.plan import parse_minutes
from sessions.core.text import clean_text
from sessions.i18n import t
from sessions.i18n.formats import format_number
from sessions.models import PhaseKind
from tui.i18n import translate_bindings
from tui.screens.dialog import AnswersOnce
from tui.screens.typing_order import FocusInTypingOrder
from tui.widgets.responsive import Responsive


@dataclass(frozen=True)
class PhaseValues:
    title: str
    minutes: float
    kind: PhaseKind
    warn_minutes: float | None
    notes: str = ""


class PhaseForm(AnswersOnce, FocusInTypingOrder, Responsive, ModalScreen[PhaseValues | None]):
    CSS_PATH = "phase_form.tcss"
    COMPACT_WHEN_SHORT = True  # one line per field at 80x24: the notes and the keys in sight
    BINDINGS = [
        Binding("ctrl+s", "save_typed", "key.save", id="save", priority=True),
        Binding("escape", "cancel", "key.cancel", id="cancel"),
    ]

    def __init__(self, values: PhaseValues) -> None:
        super().__init__()
        translate_bindings(self)
        self.values = values

    def compose(self) -> ComposeResult:
        v = self.values
        with VerticalScroll(id="form"):
            yield Label(t("plan.form_title"))
            yield Input(value=v.title, id="title", select_on_focus=False)
            yield Label(t("plan.form_minutes"))
            yield Input(value=format_number(v.minutes), id="minutes")
            yield Label(t("plan.form_kind"))
            yield Select(
                [(t(f"kind.{kind}"), kind) for kind in PhaseKind],
                value=v.kind,
                allow_blank=False,
                id="kind",
            )
            yield Label(t("plan.form_warn"))
            warn = "" if v.warn_minutes is None else format_number(v.warn_minutes)
            yield Input(value=warn, id="warn")
            yield Label(t("script.form_notes"))
            yield TextArea(v.notes, id="notes", soft_wrap=True, show_line_numbers=False)
            yield Static("", id="error", markup=False)
            yield Static(t("plan.form_keys"), classes="muted")

    def on_mount(self) -> None:
        title = self.query_one("#title", Input)
        title.focus()  # Tab then goes down the form: minutes, kind, warning, notes
        title.cursor_position = len(title.value)
        notes = self.query_one("#notes", TextArea)
        notes.move_cursor(notes.document.end)  # Tab into the notes: typing adds to them

    def action_save_typed(self) -> None:
        """ctrl+s is a priority key: the fields first take the keys typed before it."""
        self.after_typed(self.action_save)

    @on(Input.Submitted)
    def action_save(self) -> None:
        error = self.query_one("#error", Static)
        title = clean_text(self.query_one("#title", Input).value)
        if not title:
            error.update(t("plan.empty_title"))
            return
        try:
            minutes = parse_minutes(self.query_one("#minutes", Input).value)
            warn_text = self.query_one("#warn", Input).value.strip()
            warn = parse_minutes(warn_text) if warn_text else None
        except ValueError as exc:
            error.update(str(exc))
            return
        if warn and minutes and warn >= minutes:  # would ring from the first second
            error.update(
                t("plan.warn_too_long", warn=format_number(warn), minutes=format_number(minutes))
            )
            return
        kind = self.query_one("#kind", Select).value
        notes = clean_text(self.query_one("#notes", TextArea).text, multiline=True)
        self.dismiss(PhaseValues(title, minutes, PhaseKind(str(kind)), warn, notes))

    def action_cancel(self) -> None:
        self.dismiss(None)
