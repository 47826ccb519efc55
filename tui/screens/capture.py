"""F4, the tour de table: the scribe types each idea; numbers and turns follow.

The Input at the bottom keeps the focus: type a short formulation and Enter
saves it with the next number for the highlighted participant, and the turn
moves on. F8 records a pass, F9 a free entry. Up/Down choose an idea in the
list for ctrl+r (reformulate), ctrl+d (delete) and ctrl+b (duplicate of N).
ctrl+z / ctrl+y undo and redo (shared with the vote). ctrl+t opens the
participants, ctrl+g the question and the number of rounds. Text typed and
not submitted is saved as a draft after a short idle time.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Static

from sessions.capture import capture_ops as ops
from sessions.capture import tour as cap
from sessions.core.numbers import NumberError, parse_number
from sessions.i18n import get_language, t, tn
from sessions.models import Idea, Session
from tui.screens.ask import AskScreen
from tui.screens.base import SectionScreen
from tui.screens.describe import Describing
from tui.screens.late_idea import LateIdeas
from tui.screens.typing_order import KeysInTypingOrder
from tui.screens.undo_support import Recording
from tui.widgets.entry_input import EntryInput
from tui.widgets.idea_list import KeyedTable
from tui.widgets.quiet import set_lines, set_text, show_now

DRAFT_IDLE_SECONDS = 1.0


def idea_cells(session: Session, idea: Idea) -> tuple[Text, ...]:
    """One row of the ideas list (plain text, never markup)."""
    author = session.participant(idea.author_id)
    style = "strike dim" if idea.deleted else ("dim" if idea.duplicate_of else "")
    if idea.deleted:
        state = t("capture.state.deleted")
    elif idea.duplicate_of is not None:
        state = t("capture.state.duplicate", of=idea.duplicate_of)
    elif idea.late:
        state = t("capture.state.late")
    elif idea.history:
        state = t("capture.state.edited", n=len(idea.history))
    else:
        state = ""
    return (
        Text(str(idea.number), style="bold"),
        _idea_text(idea, style),
        Text(author.name if author else t("capture.free"), style="italic" if not author else ""),
        Text(str(idea.round) if idea.round else "-"),
        Text(state, style="dim"),
    )


def _idea_text(idea: Idea, style: str) -> Text:
    """The idea's wording, then its very short description (dim), if any."""
    text = Text(idea.text, style=style)
    if idea.description:
        text.append(f" — {idea.description}", style="dim italic")
    return text


class CaptureScreen(Describing, LateIdeas, Recording, KeysInTypingOrder, SectionScreen):
    CSS_PATH = "capture.tcss"
    HELP_KEY = "help.capture"
    # Not priority: these keys travel through the idea box behind the Enter
    # typed before them, so they act after that idea is saved (EntryInput).
    # ctrl+d must be priority, or the box would take it (delete right).
    BINDINGS = [
        Binding("f8", "pass_turn", "capture.key.pass", id="capture-pass"),
        Binding("f9", "free", "capture.key.free", id="capture-free"),
        Binding("ctrl+r", "reformulate", "capture.key.edit", id="capture-edit"),
        Binding("ctrl+d", "delete", "capture.key.delete", id="capture-delete", priority=True),
        Binding("ctrl+b", "duplicate", "capture.key.duplicate", id="capture-dup"),
        # ctrl+b is tmux's prefix and never reaches an app run inside tmux
        Binding("ctrl+o", "duplicate", "capture.key.duplicate", id="capture-dup-o", show=False),
        Binding("ctrl+l", "describe", "describe.key", id="capture-describe"),
        Binding("ctrl+z", "undo", "key.undo", id="capture-undo"),
        Binding("ctrl+y", "redo", "key.redo", id="capture-redo"),
        Binding("ctrl+t", "participants", "capture.key.people", id="capture-people"),
        Binding("ctrl+g", "settings", "capture.key.settings", id="capture-settings"),
        Binding("up", "cursor(-1)", "capture.key.up", id="capture-up", show=False),
        Binding("down", "cursor(1)", "capture.key.down", id="capture-down", show=False),
        Binding("pageup", "cursor(-10)", "capture.key.up", id="capture-pgup", show=False),
        Binding("pagedown", "cursor(10)", "capture.key.down", id="capture-pgdn", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.free_mode = False
        self._draft_timer: Timer | None = None
        self._draft_offered = False
        self._was_finished: bool | None = None
        # number -> (what the row depends on, its cells): unchanged ideas reuse their cells.
        self._rows: dict[int, tuple[tuple[object, ...], tuple[Text, ...]]] = {}

    def compose_body(self) -> Iterable[Widget]:
        yield Static("", id="question", markup=False)
        yield Static("", id="turn", markup=False)
        with Horizontal(id="capture-main"):
            with Vertical(id="people-pane"):
                yield Static(t("capture.people"), classes="title", markup=False)
                yield Static("", id="people", markup=False)
            with Vertical(id="ideas-pane"):
                yield Static("", id="ideas-title", classes="title", markup=False)
                yield KeyedTable(
                    [
                        t("capture.col.number"),
                        t("capture.col.idea"),
                        t("capture.col.author"),
                        t("capture.col.round"),
                        t("capture.col.state"),
                    ],
                    flex=1,
                    id="ideas",
                )
        yield Static("", id="end-banner", markup=False)
        yield EntryInput(id="entry", select_on_focus=False, max_length=500)
        yield Static("", id="entry-hint", markup=False)

    def on_mount(self) -> None:
        self.free_mode = self.session.parts.capture == "free"  # a brainstorm: no tour (F9)
        super().on_mount()
        table = self.query_one("#ideas", KeyedTable)
        table.can_focus = False
        self.query_one("#entry", Input).focus()

    def on_screen_resume(self) -> None:
        self.query_one("#entry", Input).focus()

    def on_resize(self) -> None:
        if self.app.session is not None:  # a taller pane shows more people
            self.call_after_refresh(self._draw_people, self.session)

    # -- drawing ---------------------------------------------------------
    def refresh_from_session(self) -> None:
        s = self.session
        # Each line is touched only when its text changes, and without a layout
        # of the screen when its size cannot change (one line high): an idea
        # given repaints the turn line, the counts and the new row, no more.
        set_text(
            self.query_one("#question", Static),
            t("capture.question", question=s.capture.question or s.question or "-"),
        )
        self._draw_turn(s)
        self._draw_people(s)
        ideas = sorted(s.ideas, key=lambda i: i.number)
        table = self.query_one("#ideas", KeyedTable)
        at_end = table.row_count == 0 or table.cursor_row >= table.row_count - 1
        names = {p.id: p.name for p in s.participants}
        table.sync([(str(i.number), self._cells(s, i, names)) for i in ideas])
        if at_end and table.row_count:
            table.move_cursor(row=table.row_count - 1)
        set_text(
            self.query_one("#ideas-title", Static),
            t("capture.ideas_title", count=cap.live_count(s), total=len(s.ideas)),
            layout=False,
        )
        self._offer_draft(s)

    def _cells(self, s: Session, idea: Idea, names: dict[str, str]) -> tuple[Text, ...]:
        """``idea_cells``, rebuilt only when the idea (or its author's name) changed."""
        key = (
            get_language(),
            idea.text,
            names.get(idea.author_id) if idea.author_id else None,
            idea.round,
            idea.deleted,
            idea.duplicate_of,
            len(idea.history),
            idea.description,
            idea.late,
        )
        known = self._rows.get(idea.number)
        if known is not None and known[0] == key:
            return known[1]
        cells = idea_cells(s, idea)
        self._rows[idea.number] = (key, cells)
        return cells

    def _draw_turn(self, s: Session) -> None:
        finished = cap.finished(s)
        person, after = cap.current(s), cap.upcoming(s)
        entry = self.query_one("#entry", Input)
        banner = self.query_one("#end-banner", Static)
        if self.free_mode:
            line = t("capture.free_format" if s.parts.capture == "free" else "capture.free_mode")
            entry.placeholder = t("capture.placeholder.free")
        elif person is None:
            line = t("capture.no_turn")
            entry.placeholder = t("capture.placeholder.free")
        else:
            line = t(
                "capture.turn",
                round=s.capture.current_round,
                rounds=s.capture.rounds,
                name=person.name,
                next=after.name if after else t("capture.end"),
            )
            entry.placeholder = t("capture.placeholder", name=person.name)
        set_text(self.query_one("#turn", Static), line, layout=False)
        if finished and s.participants:
            set_text(banner, tn("capture.finished", s.capture.rounds, rounds=s.capture.rounds))
            banner.display = True
            if self._was_finished is False:
                self.notify(
                    tn("capture.finished", s.capture.rounds, rounds=s.capture.rounds), timeout=8
                )
        else:
            banner.display = False
        self._was_finished = finished
        set_text(self.query_one("#entry-hint", Static), t("capture.hint"))

    def _draw_people(self, s: Session) -> None:
        # Free entry (a brainstorm, F9): nobody's turn, so nobody marked as speaking.
        person, after = (None, None) if self.free_mode else (cap.current(s), cap.upcoming(s))
        text = Text()
        # Only as many people as the pane can show (it does not scroll): 60 people
        # drawn on every Enter took longer than the rest of the screen.
        room = self.query_one("#people-pane").size.height
        lines = 0
        for row in cap.stats(s):
            if room and lines >= room:
                break
            lines += 2
            p = row.participant
            is_current = person is not None and p.id == person.id
            is_next = after is not None and p.id == after.id
            mark = "▶ " if is_current else ("→ " if is_next else "  ")
            style = "reverse bold" if is_current else ("dim" if not p.present else "")
            label = p.name + (f" ({p.organisation})" if p.organisation else "")
            counts = t(
                "capture.counts",
                ideas=tn("capture.counts.ideas", row.ideas, n=row.ideas),
                passes=tn("capture.counts.passes", row.passes, n=row.passes),
            )
            if row.seconds:
                counts += f" · {int(row.seconds // 60)}:{int(row.seconds % 60):02d}"
            if not p.present:
                counts = t("capture.absent")
            text.append(f"{mark}{label}\n", style=style)
            text.append(f"    {counts}\n", style="dim")
        if not s.participants:
            text.append(t("capture.no_people"))
        set_lines(self.query_one("#people", Static), text)

    def _offer_draft(self, s: Session) -> None:
        if self._draft_offered:
            return
        self._draft_offered = True
        entry = self.query_one("#entry", Input)
        last = max(s.ideas, key=lambda i: i.number, default=None)
        if s.capture.draft and last is not None and s.capture.draft == last.text:
            # a draft left behind by a submitted idea (files saved before the fix)
            self.save_quietly(ops.SetDraft(""))
            return
        if s.capture.draft and not entry.value:
            entry.value = s.capture.draft
            entry.cursor_position = len(entry.value)
            self.notify(t("capture.draft_back"), timeout=6)

    # -- typing ----------------------------------------------------------
    @on(Input.Changed, "#entry")
    def _typed(self, event: Input.Changed) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_IDLE_SECONDS, self._save_draft)

    def _save_draft(self) -> None:
        self._draft_timer = None
        value = self.query_one("#entry", Input).value
        if self.app.session is not None and self.session.capture.draft != value:
            self.save_quietly(ops.SetDraft(value))

    @on(Input.Submitted, "#entry")
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value
        if not text.strip():
            self.notify(t("capture.err.empty"), severity="warning", timeout=4)
            return
        now = self.app.clock.now()
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        if self.session.vote.counted:  # ask first: never a silent struck item (late_idea.py)
            self.submit_after_count(text, now, self.free_mode, self._idea_saved)
            return
        count = len(self.session.ideas)
        done, _ = self.change(ops.GiveIdea(text, now, free=self.free_mode))
        if not done or len(self.session.ideas) == count:  # refused, or not taken (read-only)
            self.query_one("#entry", EntryInput).restore(text)
            return
        self.free_mode = self.free_mode and self.session.parts.capture == "free"
        self._draw_turn(self.session)  # the list was redrawn by the change already
        show_now(
            self.query_one("#ideas"), self.query_one("#people"), self.query_one("#ideas-title")
        )

    def _idea_saved(self) -> None:
        self.free_mode = self.free_mode and self.session.parts.capture == "free"
        self._draw_turn(self.session)

    # -- actions ---------------------------------------------------------
    def action_pass_turn(self) -> None:
        now = self.app.clock.now()
        done, person = self.change(ops.PassTurn(now))
        if done and person is not None:
            self.notify(t("capture.passed", name=person.name), timeout=3)

    def action_free(self) -> None:
        self.free_mode = not self.free_mode
        self.refresh_from_session()

    def action_cursor(self, delta: int) -> None:
        table = self.query_one("#ideas", KeyedTable)
        if table.row_count:
            row = max(0, min(table.row_count - 1, table.cursor_row + delta))
            table.move_cursor(row=row)

    def _selected(self) -> Idea | None:
        key = self.query_one("#ideas", KeyedTable).current_key()
        idea = self.session.idea(int(key)) if key else None
        if idea is None:
            self.notify(t("capture.no_selection"), severity="warning", timeout=4)
        return idea

    def action_reformulate(self) -> None:
        idea = self._selected()
        if idea is None:
            return
        number = idea.number

        def done(value: str | None) -> None:
            if value is not None:
                now = self.app.clock.now()
                self.change(ops.Reformulate(number, text=value, now=now))

        self.app.push_screen(AskScreen(t("capture.ask.edit", number=number), idea.text), done)

    def action_delete(self) -> None:
        idea = self._selected()
        if idea is None:
            return
        number = idea.number
        if idea.deleted:
            self.change(ops.RestoreIdea(number))
            return
        self.change(ops.DeleteIdea(number), feedback=t("capture.deleted", number=number))

    def action_duplicate(self) -> None:
        idea = self._selected()
        if idea is None:
            return
        number = idea.number

        def done(value: str | None) -> None:
            if value is None:
                return
            value = value.strip().lstrip("nN°#").strip()
            try:
                of = parse_number(value) if value else None
            except NumberError as exc:
                self.notify(t("capture.err.duplicate_number", reason=exc), severity="error")
                return
            self.change(ops.MarkDuplicate(number, of=of))

        current = str(idea.duplicate_of) if idea.duplicate_of else ""
        self.app.push_screen(AskScreen(t("capture.ask.duplicate", number=number), current), done)

    def action_describe(self) -> None:
        idea = self._selected()
        if idea is not None:
            self.describe(idea.number)

    def action_settings(self) -> None:
        s = self.session

        def got_question(value: str | None) -> None:
            if value is None:
                return
            self.change(ops.SetQuestion(value))
            self.app.push_screen(
                AskScreen(t("capture.ask.rounds"), str(self.session.capture.rounds)), got_rounds
            )

        def got_rounds(value: str | None) -> None:
            if value is None:
                return
            try:
                rounds = parse_number(value)
            except NumberError as exc:
                message = t("capture.err.rounds_number", max=cap.MAX_ROUNDS, reason=exc)
                self.notify(message, severity="error")
                return
            self.change(ops.SetRounds(rounds))

        self.app.push_screen(
            AskScreen(t("capture.ask.question"), s.capture.question or s.question), got_question
        )

    def action_participants(self) -> None:
        from tui.screens.participants import ParticipantsScreen

        self.app.push_screen(ParticipantsScreen())
