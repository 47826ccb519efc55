"""The participants list, reached from the tour de table with ctrl+t.

Type ``Name (Organisation) [Group]`` and Enter to add one; ctrl+l pastes a
whole list (the format of ``atelier new --participants-file``). Up/Down
choose a participant; shift+up / shift+down move them in the turn order; F8
marks them absent or present; F9 sets their group; ctrl+r renames; ctrl+d
removes one who has not spoken yet. Escape goes back.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

from sessions.i18n import t, tn
from sessions.models import Participant, Session
from sessions.people import roster
from sessions.people import roster_ops as ops
from sessions.people.names import format_participant
from tui.screens.ask import AskScreen
from tui.screens.base import TranslatedScreen
from tui.screens.dialog import AnswersOnce
from tui.screens.typing_order import FocusInTypingOrder, KeysInTypingOrder
from tui.screens.undo_support import Recording
from tui.widgets.entry_input import EntryInput
from tui.widgets.footer import FittingFooter
from tui.widgets.idea_list import KeyedTable


def person_cells(index: int, p: Participant) -> tuple[Text, ...]:
    style = "dim strike" if not p.present else ""
    return (
        Text(str(index)),
        Text(p.name, style=style),
        Text(p.organisation, style=style),
        Text(p.group),
        Text(t("people.present") if p.present else t("people.absent"), style=style),
    )


class ParticipantsScreen(Recording, KeysInTypingOrder, TranslatedScreen):
    CSS_PATH = "participants.tcss"
    HELP_KEY = "help.participants"
    BINDINGS = [
        Binding("escape", "back", "people.key.back", id="people-back"),
        Binding("f8", "toggle_present", "people.key.present", id="people-present", priority=True),
        Binding("f9", "group", "people.key.group", id="people-group", priority=True),
        Binding("ctrl+r", "rename", "people.key.rename", id="people-rename", priority=True),
        Binding("ctrl+d", "remove", "people.key.remove", id="people-remove", priority=True),
        Binding("ctrl+l", "paste", "people.key.paste", id="people-paste", priority=True),
        Binding("shift+up", "move(-1)", "people.key.up", id="people-up", priority=True),
        Binding("shift+down", "move(1)", "people.key.down", id="people-down", priority=True),
        Binding("up", "cursor(-1)", "capture.key.up", id="people-cur-up", show=False),
        Binding("down", "cursor(1)", "capture.key.down", id="people-cur-down", show=False),
        Binding("ctrl+z", "undo", "key.undo", id="people-undo", priority=True),
        Binding("ctrl+y", "redo", "key.redo", id="people-redo", priority=True),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="people-body"):
            yield Static(t("people.title"), classes="title", markup=False)
            yield KeyedTable(
                ["#", t("people.col.name"), t("people.col.org"), t("people.col.group"), ""],
                flex=2,  # a long organisation is cut, the other columns stay in sight
                id="people-table",
            )
            yield EntryInput(id="people-entry", placeholder=t("people.placeholder"))
            yield Static(t("people.hint"), id="people-hint", markup=False)
        yield FittingFooter()

    def on_mount(self) -> None:
        tables = self.query("#people-table")
        if not tables:  # closed by a key of the same burst (ctrl+t then Escape): nothing to set
            return
        tables.first(KeyedTable).can_focus = False
        self.query_one("#people-entry", Input).focus()
        self.watch(self.app, "revision", lambda _r: self.redraw())

    @property
    def session(self) -> Session:
        session = self.app.session  # type: ignore[attr-defined]
        assert session is not None
        return session

    def _table(self) -> KeyedTable | None:
        """The list, or None before it is built or once the screen is taken down (a key of
        the same burst as ctrl+t and Escape can still reach it)."""
        tables = self.query("#people-table")
        return tables.first(KeyedTable) if tables else None

    def redraw(self) -> None:
        table = self._table()
        if self.app.session is None or table is None:  # type: ignore[attr-defined]
            return
        table.sync(
            [(p.id, person_cells(i, p)) for i, p in enumerate(self.session.participants, start=1)]
        )

    def _selected(self) -> Participant | None:
        table = self._table()
        if table is None:
            return None
        key = table.current_key()
        person = self.session.participant(key) if key else None
        if person is None:
            self.notify(t("people.no_selection"), severity="warning", timeout=4)
        return person

    @on(Input.Submitted, "#people-entry")
    def _add(self, event: Input.Submitted) -> None:
        if not self._add_text(event.value) and event.value.strip():
            self.query_one("#people-entry", EntryInput).restore(event.value)

    def _add_text(self, text: str) -> bool:
        """Add the people of ``text`` (one a line); False when refused."""
        try:
            people = roster.parse_lines(text)
        except roster.RosterError as exc:
            self.notify(str(exc), severity="error", timeout=6)
            return False
        if not people:
            return False
        count = len(self.session.participants)
        done, added = self.change(ops.AddPeople(people=tuple(people)))
        done = done and len(self.session.participants) > count  # not taken when read-only
        if done:
            self.notify(tn("people.added", added, count=added), timeout=3)
            table = self._table()
            if table is not None:
                table.move_cursor(row=table.row_count - 1)
        return done

    def action_cursor(self, delta: int) -> None:
        table = self._table()
        if table is not None and table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + delta)))

    def action_move(self, delta: int) -> None:
        person = self._selected()
        if person is None:
            return
        pid = person.id
        self.change(ops.MovePerson(participant_id=pid, delta=delta))
        table = self._table()
        if table is not None:
            table.move_to(pid)

    def action_toggle_present(self) -> None:
        person = self._selected()
        if person is not None:
            pid, present = person.id, not person.present
            self.change(ops.SetPresent(participant_id=pid, present=present))

    def action_group(self) -> None:
        person = self._selected()
        if person is None:
            return
        pid = person.id

        def done(value: str | None) -> None:
            if value is not None:
                self.change(ops.SetGroup(participant_id=pid, group=value))

        self.app.push_screen(AskScreen(t("people.ask.group", name=person.name), person.group), done)

    def action_rename(self) -> None:
        person = self._selected()
        if person is None:
            return
        pid = person.id

        def done(value: str | None) -> None:
            if value is not None:
                self.change(ops.Rename(participant_id=pid, line=value))

        self.app.push_screen(AskScreen(t("people.ask.rename"), format_participant(person)), done)

    def action_remove(self) -> None:
        person = self._selected()
        if person is not None:
            pid = person.id
            self.change(ops.RemovePerson(participant_id=pid))

    def action_paste(self) -> None:
        self.app.push_screen(PasteScreen(), lambda text: self._add_text(text or ""))

    def action_back(self) -> None:
        if self.is_active:  # an Esc typed ahead can arrive once another screen is shown
            self.app.pop_screen()


class PasteScreen(AnswersOnce, FocusInTypingOrder, ModalScreen[str | None]):
    """A text area for a whole list, one participant a line; ctrl+s adds them."""

    DEFAULT_CSS = """
    PasteScreen { align: center middle; }
    PasteScreen #paste-dialog { width: 90; height: 24; border: thick $accent;
        background: $surface; padding: 0 1; }
    PasteScreen TextArea { height: 1fr; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "people.key.add_all", id="paste-save", priority=True),
        Binding("escape", "cancel", "key.cancel", id="paste-cancel"),
    ]

    def __init__(self) -> None:
        super().__init__()
        from tui.i18n import translate_bindings

        translate_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(id="paste-dialog"):
            yield Static(t("people.paste_title"), markup=False)
            yield TextArea(id="paste-area")
            yield Static(t("people.paste_hint"), markup=False)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        self.after_typed(self._add_all)  # ctrl+s is priority: the lines typed before it first

    def _add_all(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)
