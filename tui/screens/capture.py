"""F4, the tour de table: the scribe types each idea; numbers and turns follow.

The Input at the bottom keeps the focus: type a short formulation and Enter
saves it with the next number for the highlighted participant, and the turn
moves on. F8 records a pass (offered only while there is a turn to pass); F9
gives a free entry, or in a brainstorm (free entries) starts the tour de table,
whose F9 goes back to the brainstorm - the footer says which. Up/Down choose an
idea in the list for ctrl+r (reformulate), ctrl+d (delete) and ctrl+b
(duplicate of N).
ctrl+z / ctrl+y undo and redo (shared with the vote). ctrl+t opens the
participants, ctrl+g the question and the number of rounds. Text typed and
not submitted is saved as a draft after a short idle time. A Tab typed in the
box is a space (F4 has no other field to move to). An idea given lets go of
the chosen idea: the list shows the new row.

What the screen shows is drawn by ``capture_draw.py``; the keys acting on the
chosen idea (and ctrl+g, ctrl+t) live in ``capture_ideas.py``.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable

from textual import on
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Static

from sessions.capture import capture_ops as ops
from sessions.i18n import t
from sessions.models import Session
from tui.screens.base import SectionScreen
from tui.screens.capture_draw import CaptureDrawing
from tui.screens.capture_ideas import CaptureIdeaKeys
from tui.screens.describe import Describing
from tui.screens.late_idea import LateIdeas
from tui.screens.typing_order import KeysInTypingOrder
from tui.screens.undo_support import Recording
from tui.widgets.entry_input import EntryInput
from tui.widgets.idea_entry import IdeaEntry
from tui.widgets.idea_list import KeyedTable
from tui.widgets.idea_rows import IdeaRows
from tui.widgets.people_pane import PeoplePane
from tui.widgets.quiet import show_now

DRAFT_IDLE_SECONDS = 1.0
# F9's mode per open session (its handle): the language switch (F10) builds F4 anew,
# and a brainstorm switched to the tour de table must stay one (reopening starts afresh).
_FREE_MODES: weakref.WeakKeyDictionary[object, bool] = weakref.WeakKeyDictionary()


class CaptureScreen(
    CaptureDrawing,
    CaptureIdeaKeys,
    Describing,
    LateIdeas,
    Recording,
    KeysInTypingOrder,
    SectionScreen,
):
    CSS_PATH = "capture.tcss"

    @property
    def HELP_KEY(self) -> str:
        """F1 speaks of the capture as it is now, F9 included.

        A brainstorm (free entries), or the tour de table it switched to with F9
        (whose F9 goes back to the brainstorm); a tour de table format keeps its
        help through its one free entry (that help tells F9).
        """
        session = self.app.session  # type: ignore[attr-defined]
        if session is None or session.parts.capture != "free":
            return "help.capture"
        return "help.capture.free" if self.free_mode else "help.capture.tour"

    # Focused as the screen is built (synchronously), not by a later focus() call:
    # the idea typed in the same burst as F4 goes to the box, not to a screen without focus.
    AUTO_FOCUS = "#entry"
    # Not priority: these keys travel through the idea box behind the Enter
    # typed before them, so they act after that idea is saved (EntryInput).
    # ctrl+d must be priority, or the box would take it (delete right).
    BINDINGS = [
        Binding("f8", "pass_turn", "capture.key.pass", id="capture-pass"),
        # F9 says what it will do from here (check_action): a free entry, or back to the
        # tour; in a brainstorm, the tour, then back to the brainstorm (its own action)
        Binding("f9", "free(True)", "capture.key.free", id="capture-free"),
        Binding("f9", "free(False)", "capture.key.tour", id="capture-tour"),
        Binding("f9", "brainstorm", "capture.key.brainstorm", id="capture-brainstorm"),
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
        self._rows = IdeaRows()  # unchanged ideas reuse their cells
        self._giving: int | None = None  # ideas before this screen's own GiveIdea
        # the session drawn, its ideas, the live ones, the highest number
        self._drawn: tuple[Session, int, int, int] | None = None
        self._parts: dict[str, Widget] = {}  # the widgets redrawn per Enter, looked up once
        self._can_pass = True  # a turn to pass (F8 shown): set as the turn line is drawn
        self._follow_new = False  # an idea submitted here: its new row is shown (the end)

    def compose_body(self) -> Iterable[Widget]:
        yield Static("", id="question", markup=False)
        yield Static("", id="turn", markup=False)
        with Horizontal(id="capture-main"):
            yield PeoplePane(id="people-pane")
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
        yield IdeaEntry(id="entry", select_on_focus=False, max_length=500)
        yield Static("", id="entry-hint", markup=False)

    def on_mount(self) -> None:
        self.free_mode = self._kept_free_mode()  # a brainstorm: no tour until F9
        super().on_mount()
        table = self.query_one("#ideas", KeyedTable)
        table.can_focus = False
        self.query_one("#entry", Input).focus()

    def on_screen_resume(self) -> None:
        self.query_one("#entry", Input).focus()

    def on_resize(self) -> None:
        if self.app.session is not None:  # a taller pane shows more people
            self.call_after_refresh(self._draw_people, self.session)

    def _kept_free_mode(self) -> bool:
        """F9's mode left by this session's previous F4 screen, else its format's."""
        handle = getattr(self.app, "handle", None)
        kept = _FREE_MODES.get(handle) if handle is not None else None
        return self.session.parts.capture == "free" if kept is None else kept

    def _set_free_mode(self, free: bool) -> None:
        self.free_mode = free
        handle = getattr(self.app, "handle", None)
        if handle is not None:
            _FREE_MODES[handle] = free

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Read for every binding at each key (active_bindings): flags only, no session walk.
        if action == "free" and parameters:  # only the F9 that changes the state shows
            if parameters[0] != self.free_mode:
                return not (parameters[0] and self._brainstorm())  # a brainstorm's own F9
            return False
        if action == "brainstorm":  # a brainstorm's tour: F9 goes back to the post-its
            return not self.free_mode and self._brainstorm()
        if action == "pass_turn":  # no turn (rounds over, a brainstorm): no F8 offered
            return self._can_pass
        return True

    def _brainstorm(self) -> bool:
        session = self.app.session  # type: ignore[attr-defined]
        return session is not None and session.parts.capture == "free"

    # -- typing ----------------------------------------------------------
    @on(Input.Changed, "#entry")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()  # nothing above the screen listens: no hop to the App per key
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        if not event.value and self.app.session is not None and not self.session.capture.draft:
            return  # the box emptied by Enter, no draft kept: nothing to save (no timer)
        self._draft_timer = self.set_timer(DRAFT_IDLE_SECONDS, self._save_draft)

    def _save_draft(self) -> None:
        self._draft_timer = None
        value = self.query_one("#entry", Input).value
        if self.app.session is not None and self.session.capture.draft != value:
            self.save_quietly(ops.SetDraft(value))

    @on(Input.Submitted, "#entry")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()  # taken here: no hop to the App on each Enter
        text = event.value
        if not text.strip():
            self.notify(t("capture.err.empty"), severity="warning", timeout=4)
            return
        now = self.app.clock.now()
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        self._follow_new = True  # the list goes to the new idea, even from a chosen row
        if self.session.vote.counted:  # ask first: never a silent struck item (late_idea.py)
            self.submit_after_count(text, now, self.free_mode, self._idea_saved)
            return
        count = len(self.session.ideas)
        self._giving = count  # the redraw adds this one row (``_append_given``)
        try:
            done, _ = self.change(ops.GiveIdea(text, now, free=self.free_mode))
        finally:
            self._giving = None
        if not done or len(self.session.ideas) == count:  # refused, or not taken (read-only)
            self._part("#entry", EntryInput).restore(text)
            return
        if self._free_entry_done():  # the change drew the turn line in free mode
            self._draw_turn(self.session)
        show_now(*(self._part(part, Widget) for part in ("#ideas", "#people", "#ideas-title")))

    def _idea_saved(self) -> None:
        self._free_entry_done()
        self._draw_turn(self.session)

    def _free_entry_done(self) -> bool:
        """One free entry given in a tour de table: back to the tour (F9 says so again).

        True when the mode changed (the turn line and the box's hint change with it).
        """
        if self.free_mode and self.session.parts.capture != "free":
            self._set_free_mode(False)
            self.refresh_bindings()  # only when it changes: the footer is drawn anew
            return True
        return False

    # -- actions ---------------------------------------------------------
    def action_pass_turn(self) -> None:
        now = self.app.clock.now()
        done, person = self.change(ops.PassTurn(now))
        if done and person is not None:
            self.notify(t("capture.passed", name=person.name), timeout=3)

    def action_brainstorm(self) -> None:
        self.action_free(True)

    def action_free(self, free: bool) -> None:
        self._set_free_mode(free)
        self.refresh_bindings()
        self.refresh_from_session()
