"""The new-session form: template, title, date, place and the participants."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from sessions.agenda.catalog import Template, all_templates
from sessions.core.factory import session_from_template
from sessions.core.text import clean_text
from sessions.i18n import get_language, t
from sessions.people.names import ParticipantLineError, parse_participants
from tui.i18n import translate_bindings
from tui.screens.dialog import AnswersOnce
from tui.screens.typing_order import FocusInTypingOrder
from tui.widgets.entry_input import FieldInput
from tui.widgets.responsive import Responsive
from tui.widgets.step_select import StepSelect


class NewSessionScreen(AnswersOnce, FocusInTypingOrder, Responsive, ModalScreen[str | None]):
    """Returns the new session's id, or None when cancelled.

    It opens on the template list (chosen first), then Tab: title, date, place,
    participants; Tab moves in typing order (``FocusInTypingOrder``).
    """

    CSS_PATH = "new_session.tcss"
    COMPACT_WHEN_SHORT = True  # the whole form and its buttons in 24 rows
    HELP_KEY = "help.new_session"
    BINDINGS = [
        Binding("ctrl+s", "create", "key.create", id="create", priority=True),
        Binding("escape", "cancel", "key.cancel", id="cancel"),
    ]

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
        self.templates: list[Template] = all_templates(self.app_store_templates_dir())

    def app_store_templates_dir(self):
        try:
            return self.app.store.templates_dir  # type: ignore[attr-defined]
        except Exception:
            return None

    def compose(self) -> ComposeResult:
        lang = get_language()
        clock = getattr(self.app, "clock", None)  # the app's (a fixed one in tests)
        today = (clock.now().astimezone().date() if clock else dt.date.today()).isoformat()
        options = [
            (f"{tpl.display_title(lang)} ({tpl.total_minutes:g} min)", tpl.name)
            for tpl in self.templates
        ]
        with VerticalScroll(id="form"):
            yield Static(t("new.heading"), classes="title")
            yield Label(t("new.template"))
            yield StepSelect(options, id="template", allow_blank=False)
            yield Static("", id="template-info", markup=False, classes="muted")
            yield Label(t("new.title"))
            yield FieldInput(placeholder=t("new.title_placeholder"), id="title")
            with Horizontal(id="row"):
                with Vertical(classes="half"):
                    yield Label(t("new.date"))
                    yield FieldInput(value=today, id="date")
                with Vertical(classes="half"):
                    yield Label(t("new.place"))
                    yield FieldInput(id="place")
            yield Label(t("new.participants"))
            yield TextArea(id="participants")
            yield Static("", id="error", markup=False)
            with Horizontal(id="buttons"):
                yield Button(t("new.create"), id="create", variant="primary")
                yield Button(t("new.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#template", Select).focus()
        self._show_template()

    @on(Select.Changed, "#template")
    def _show_template(self) -> None:
        template = self._template()
        if template is None:
            return
        lang = get_language()
        phases = " · ".join(f"{p.display_title(lang)} {p.minutes:g}" for p in template.phases)
        note = f"\n{t('new.ask_minutes')}" if template.ask_minutes else ""
        self.query_one("#template-info", Static).update(phases + note)

    def _template(self) -> Template | None:
        name = self.query_one("#template", Select).value
        return next((tpl for tpl in self.templates if tpl.name == name), None)

    def action_create(self) -> None:
        self.after_typed(self._create)

    @on(Button.Pressed, "#create")
    def _create(self) -> None:
        error = self.query_one("#error", Static)
        template = self._template()
        title = clean_text(self.query_one("#title", Input).value)
        if template is None:
            error.update(t("new.err_template"))
            return
        if not title:
            error.update(t("new.err_title"))
            self.query_one("#title", Input).focus()
            return
        try:
            on_date = dt.date.fromisoformat(self.query_one("#date", Input).value.strip())
        except ValueError:
            error.update(t("new.err_date"))
            self.query_one("#date", Input).focus()
            return
        try:
            people = parse_participants(self.query_one("#participants", TextArea).text)
        except ParticipantLineError as exc:
            error.update(t("new.err_participant", line=exc.line_no))
            return
        session = session_from_template(
            template,
            title=title,
            on=on_date,
            place=clean_text(self.query_one("#place", Input).value),
            participants=people,
            language=get_language(),
        )
        try:
            self.app.store.create(session)  # type: ignore[attr-defined]
        except OSError as exc:
            error.update(t("app.not_saved", reason=exc))
            return
        self.dismiss(session.id)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
