"""The form that edits a session's details, roles, participants and next steps."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from sessions.core.dates import DateError, parse_date
from sessions.core.limits import MAX_YEAR
from sessions.core.numbers import NumberError, parse_number
from sessions.core.text import clean_text
from sessions.i18n import t
from sessions.models import Participant, Session
from sessions.people.names import ParticipantLineError, format_participant, parse_participants
from tui.i18n import translate_bindings
from tui.screens.dialog import AnswersOnce
from tui.screens.typing_order import FocusInTypingOrder
from tui.widgets.entry_input import FieldInput
from tui.widgets.responsive import Responsive

FIELDS = ("title", "place", "theme", "question")
ROLES = ("animateur", "second_animateur", "rapporteur")


class DetailsForm(AnswersOnce, FocusInTypingOrder, Responsive, ModalScreen[bool]):
    """Opens on the title, cursor at its end; Tab moves in typing order."""

    CSS_PATH = "details_form.tcss"
    COMPACT_WHEN_SHORT = True
    BINDINGS = [
        Binding("ctrl+s", "save", "key.save", id="save", priority=True),
        Binding("escape", "cancel", "key.cancel", id="cancel"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        translate_bindings(self)
        self.initial = session

    def compose(self) -> ComposeResult:
        s = self.initial
        with VerticalScroll(id="form"):
            yield Static(t("details.heading"), classes="title")
            for name in FIELDS:
                yield Label(t(f"overview.{name}"))
                yield FieldInput(value=getattr(s, name), id=name)
            yield Label(t("overview.date"))
            yield FieldInput(value=s.date.isoformat(), id="date")
            yield Label(t("overview.horizon"))
            yield FieldInput(value=str(s.horizon_year), id="horizon", type="integer")
            for role in ROLES:
                yield Label(t(f"role.{role}"))
                yield FieldInput(value=getattr(s.roles, role), id=f"role-{role}")
            yield Label(t("new.participants"))
            yield TextArea(
                "\n".join(format_participant(p) for p in s.participants), id="participants"
            )
            yield Label(t("details.next_steps"))
            yield TextArea(s.next_steps, id="next-steps")
            yield Static("", id="error", markup=False)
            with Horizontal(id="buttons"):
                yield Button(t("details.save"), id="save", variant="primary")
                yield Button(t("new.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def action_save(self) -> None:
        self.after_typed(self._save)

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        error = self.query_one("#error", Static)
        values = {name: clean_text(self.query_one(f"#{name}", Input).value) for name in FIELDS}
        if not values["title"]:
            error.update(t("new.err_title"))
            return
        try:  # AAAA-MM-JJ only: Python would take "2026W481" for a Monday
            on_date = parse_date(self.query_one("#date", Input).value, self.initial.date)
        except DateError as exc:
            error.update(str(exc))
            self.set_focus(self.query_one("#date", Input))
            return
        try:  # digits 0-9 only: int() takes "٢٠٣٠", "+2030" and "2_030"
            horizon = parse_number(self.query_one("#horizon", Input).value)
        except NumberError:
            horizon = 0  # refused just below, as a year out of range
        if not 1 <= horizon <= MAX_YEAR:  # beyond, the saved file would not load again
            error.update(t("details.err_horizon", max=MAX_YEAR))
            return
        try:
            typed = parse_participants(self.query_one("#participants", TextArea).text)
        except ParticipantLineError as exc:
            error.update(t("new.err_participant", line=exc.line_no))
            return
        roles = {r: clean_text(self.query_one(f"#role-{r}", Input).value) for r in ROLES}
        next_steps = clean_text(self.query_one("#next-steps", TextArea).text, multiline=True)

        def edit(session: Session) -> None:
            for name, value in values.items():
                setattr(session, name, value)
            session.date = on_date
            session.horizon_year = horizon
            for role, value in roles.items():
                setattr(session.roles, role, value)
            session.participants = keep_ids(session.participants, typed)
            session.next_steps = next_steps

        self.app.apply(edit)  # type: ignore[attr-defined]
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)


def keep_ids(old: list[Participant], typed: list[Participant]) -> list[Participant]:
    """Typed participants, keeping the id (and presence) of those already known by name."""
    by_name = {p.name: p for p in old}
    result = []
    for person in typed:
        known = by_name.pop(person.name, None)
        if known is not None:
            person = person.model_copy(update={"id": known.id, "present": known.present})
        result.append(person)
    return result
