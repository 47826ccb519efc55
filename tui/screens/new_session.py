"""The new-session form: template, title, date, place, participants, and what it takes.

A template whose guide gives no step times (``ask_minutes``) asks each step's
minutes here, prefilled with the template's. "Reprendre des séances
précédentes" is ``atelier new --from`` in the form (``new_session_from``),
offered to a format that works on enjeux (fiche n°3): ticked sessions' top
items become enjeux, as they are or reworded, and their participants come too
when asked. A source gone or unreadable by then is named
and nothing is created.
"""

from __future__ import annotations

import asyncio
import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from sessions.agenda.asked_minutes import set_step_minutes
from sessions.agenda.catalog import Template, all_templates
from sessions.agenda.plan import PlanError, parse_minutes
from sessions.core.dates import parse_date
from sessions.core.factory import session_from_template
from sessions.core.text import clean_text
from sessions.enjeux.carry import carried_participants, take
from sessions.i18n import get_language, t
from sessions.i18n.formats import format_number
from sessions.i18n.oserror import os_reason
from sessions.people.names import ParticipantLineError, parse_participants
from sessions.storage.errors import CorruptSessionError, StorageError, UnknownSessionError
from tui.i18n import translate_bindings
from tui.screens.dialog import AnswersOnce
from tui.screens.new_session_from import FromEarlier
from tui.screens.new_session_keys import Closed, ClosesInTypingOrder, ListSelect
from tui.widgets.entry_input import FieldInput
from tui.widgets.responsive import Responsive


class NewSessionScreen(AnswersOnce, ClosesInTypingOrder, Responsive, ModalScreen[str | None]):
    """Returns the new session's id, or None when cancelled; ``closed`` is told it too,
    once the form is gone, before the keys typed after the closing key are taken.

    It opens on the template list (chosen first), then Tab: title, date, place,
    participants; Tab moves in typing order (``FocusInTypingOrder``), Escape and
    ctrl+s close it in typing order (``ClosesInTypingOrder``).
    """

    CSS_PATH = "new_session.tcss"
    COMPACT_WHEN_SHORT = True  # the whole form and its buttons in 24 rows
    HELP_KEY = "help.new_session"
    AUTO_FOCUS = "#template"  # focused as built: keys typed in the burst of n reach it
    BINDINGS = [
        # Tab waits for the template list to take the keys typed before it: in a burst
        # "Down Down Tab Titre Tab ...", the parts that template shows (the earlier
        # sessions, the step times) are there when the focus moves on.
        Binding("tab", "next_field", "key.next_field", show=False, priority=True),
        # The App's keys do not reach through a modal screen: the form's own F1 says what
        # the form is for, F10 why the language waits, F11 gives the projector's contrast
        # (they did nothing at all).
        Binding("f1", "app.help", "key.help", id="help"),
        Binding("f10", "app.switch_language", "key.language", id="language", show=False),
        Binding("f11", "app.toggle_contrast", "key.contrast", id="contrast", show=False),
    ]

    def __init__(self, closed: Closed | None = None) -> None:
        super().__init__()
        self.closed = closed
        translate_bindings(self)
        self.templates: list[Template] = all_templates(self.app_store_templates_dir())

    def app_store_templates_dir(self):
        try:
            return self.app.store.templates_dir  # type: ignore[attr-defined]
        except Exception:
            return None

    def compose(self) -> ComposeResult:
        lang = get_language()
        today = self._today().isoformat()
        options = [
            (f"{tpl.display_title(lang)} ({format_number(tpl.total_minutes)} min)", tpl.name)
            for tpl in self.templates
        ]
        # Not a focus stop of its own: shift+Tab from the template list went to an
        # invisible stop (the scroll around the fields) instead of the buttons.
        with VerticalScroll(id="form", can_focus=False):
            yield Static(t("new.heading"), classes="title")
            yield Label(t("new.template"))
            yield ListSelect(options, id="template", allow_blank=False)
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
            with Vertical(id="minutes-box"):
                yield Label(t("new.minutes.heading"))
                yield Vertical(id="minutes-fields")
            yield Label(t("new.participants"))
            yield TextArea(id="participants")
            yield FromEarlier(self._entries(), id="from")
            yield Static("", id="error", markup=False)
            with Horizontal(id="buttons"):
                yield Button(t("new.create"), id="create", variant="primary")
                yield Button(t("new.cancel"), id="cancel")

    def _entries(self) -> list:  # type: ignore[type-arg]
        try:
            return self.app.store.entries()  # type: ignore[attr-defined]
        except (AttributeError, OSError):
            return []

    def on_mount(self) -> None:
        template = self.query_one("#template", Select)
        self.set_focus(template)  # now, not queued behind the keys typed after n
        self._show_template()
        # Redrawn when the value changes, in the list's own turn (not by a message
        # handled later): the next Tab finds the parts this template shows.
        self.watch(template, "value", self._show_template, init=False)

    async def action_next_field(self) -> None:
        """Focus the next field once the template list and the focused field have taken the
        keys sent before Tab (the keys after it wait: the App runs this before them)."""
        for widget in dict.fromkeys((self.query_one("#template", Select), self.focused)):
            taken = asyncio.Event()
            if widget is not None and widget.call_later(taken.set):
                await taken.wait()
        shown = asyncio.Event()  # the parts they showed laid out, so they can take the focus
        if self.call_after_refresh(shown.set):
            await shown.wait()
        self.focus_next()

    def _show_template(self) -> None:
        template = self._template()
        if template is None:
            return
        lang = get_language()
        phases = " · ".join(
            f"{p.display_title(lang)} {format_number(p.minutes)}" for p in template.phases
        )
        note = f"\n{t('new.ask_minutes')}" if template.ask_minutes else ""
        self.query_one("#template-info", Static).update(phases + note)
        self._ask_minutes(template)
        # Enjeux from earlier sessions: offered to a format that works on enjeux (fiche 3).
        self.query_one("#from", FromEarlier).display = template.parts.enjeux

    def _ask_minutes(self, template: Template) -> None:
        """One field per step, prefilled, when the guide gives no times (else none)."""
        self.query_one("#minutes-box").display = template.ask_minutes
        fields = self.query_one("#minutes-fields", Vertical)
        fields.remove_children()
        if not template.ask_minutes:
            return
        lang = get_language()
        rows = []
        for phase in template.phases:
            field = FieldInput(value=format_number(phase.minutes), classes="step-minutes")
            if self.has_class("-short"):
                field.add_class("-textual-compact")
            rows.append(
                Horizontal(
                    Label(phase.display_title(lang), classes="step-title"), field, classes="step"
                )
            )
        fields.mount_all(rows)

    def _step_minutes(self) -> list[float] | None:
        """The minutes typed for each step (None: not asked); PlanError naming the step."""
        template = self._template()
        if template is None or not template.ask_minutes:
            return None
        values = []
        fields = self.query(".step-minutes").results(Input)
        for phase, field in zip(template.phases, fields, strict=False):
            try:
                values.append(parse_minutes(field.value))
            except PlanError as exc:  # named as the form shows it ("Étape 0 ..." is the first)
                self.set_focus(field)  # now: the keys typed after ctrl+s go there
                step = phase.display_title(get_language())
                raise PlanError("new.minutes.err_step", step=step, reason=exc) from None
        return values

    def _date(self) -> dt.date:
        """The date typed, AAAA-MM-JJ in ASCII digits; ValueError saying what is wrong
        (empty, another form - Python would take "2026W481" -, or no such day)."""
        return parse_date(self.query_one("#date", Input).value, self._today())

    def _today(self) -> dt.date:
        clock = getattr(self.app, "clock", None)  # the app's (a fixed one in tests)
        return clock.now().astimezone().date() if clock else dt.date.today()

    def _template(self) -> Template | None:
        name = self.query_one("#template", Select).value
        return next((tpl for tpl in self.templates if tpl.name == name), None)

    def _refuse(self, reason: str) -> None:
        """Say why nothing was created: under the form and in a toast (the form's foot is
        out of sight at 80x24, below the step times and the earlier sessions)."""
        self.query_one("#error", Static).update(reason)
        self.notify(reason, severity="error")
        return None

    @on(Button.Pressed, "#create")
    def _create_clicked(self) -> None:
        """A click (Enter and Space on the button are ``action_press_button``)."""
        session_id = self.create_session()
        if session_id is not None:
            self.close_later(session_id)

    def create_session(self) -> str | None:
        """Create the session the form describes: its id, or None with the reason shown."""
        template = self._template()
        title = clean_text(self.query_one("#title", Input).value)
        if template is None:
            return self._refuse(t("new.err_template"))
        if not title:
            self.set_focus(self.query_one("#title", Input))
            return self._refuse(t("new.err_title"))
        try:
            on_date = self._date()
        except ValueError as exc:
            self.set_focus(self.query_one("#date", Input))
            return self._refuse(str(exc))
        try:
            people = parse_participants(self.query_one("#participants", TextArea).text)
        except ParticipantLineError as exc:
            self.set_focus(self.query_one("#participants", TextArea))
            text = exc.line if len(exc.line) <= 60 else f"{exc.line[:59]}…"  # a long paste
            return self._refuse(t("new.err_participant_text", line=exc.line_no, text=text))
        try:
            minutes = self._step_minutes()
        except PlanError as exc:
            return self._refuse(str(exc))
        earlier = self.query_one("#from", FromEarlier)
        try:
            sources = self._sources(earlier) if earlier.display else []
        except ValueError as exc:
            return self._refuse(str(exc))
        if sources and earlier.with_participants:
            people = carried_participants(people, sources)
        session = session_from_template(
            template,
            title=title,
            on=on_date,
            place=clean_text(self.query_one("#place", Input).value),
            participants=people,
            language=get_language(),
        )
        if minutes is not None:
            set_step_minutes(session, minutes)
        if sources:
            take(session, earlier.ticked(), earlier.texts())
        try:
            self.app.store.create(session)  # type: ignore[attr-defined]
        except OSError as exc:
            return self._refuse(t("app.not_saved", reason=exc))
        return session.id

    def _sources(self, earlier: FromEarlier) -> list:  # type: ignore[type-arg]
        """The ticked sessions read again now; ValueError naming one gone or unreadable."""
        sources = []
        for known in earlier.sources():
            try:
                sources.append(self.app.store.load(known.id))  # type: ignore[attr-defined]
            except (StorageError, OSError) as exc:
                reason = _why(exc)
                raise ValueError(
                    t("new.from.err_source", title=known.title, id=known.id, reason=reason)
                ) from None
        return sources

    @on(Button.Pressed, "#cancel")
    def _cancel_clicked(self) -> None:
        self.close_later(None)


def _why(exc: Exception) -> str:
    """Why an earlier session cannot be read, in the interface's language."""
    if isinstance(exc, UnknownSessionError):
        return t("new.from.gone")
    if isinstance(exc, CorruptSessionError):
        return exc.reason
    if isinstance(exc, OSError):
        return os_reason(exc)
    return str(exc)
