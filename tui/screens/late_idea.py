"""An idea typed in F4 once the vote's count is closed: ask before anything changes.

Before, it silently became a struck item (0 points, never voted on) and the
envelope moved (items // 2) on screen and in the minutes. Now the scribe
chooses: reopen the count (the idea becomes an item, the new envelope is
said), record it outside the vote (a late idea, listed apart in the minutes),
or cancel (the text goes back into the box). ``LateIdeas`` is the part of the
capture screen that asks and applies the answer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from sessions.capture.capture_ops import GiveIdea
from sessions.i18n import t, tn
from sessions.vote import envelope as vote
from sessions.vote.ranking import vote_items
from tui.i18n import translate_bindings
from tui.screens.dialog import AnswersOnce
from tui.screens.undo_support import Recording
from tui.widgets.entry_input import EntryInput

REOPEN, LATE = "reopen", "late"


class LateIdeaScreen(AnswersOnce, ModalScreen[str | None]):
    """Returns ``"reopen"``, ``"late"`` or None (cancelled)."""

    DEFAULT_CSS = """
    LateIdeaScreen { align: center middle; }
    LateIdeaScreen #late-dialog {
        width: 76; max-width: 100%; height: auto; padding: 1 2;
        border: thick $warning; background: $surface;
    }
    LateIdeaScreen #late-buttons { height: auto; margin-top: 1; }
    LateIdeaScreen Button { margin: 0 1 0 0; }
    LateIdeaScreen Button:focus { text-style: bold reverse; }
    LateIdeaScreen #late-explain { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [
        Binding("r", "answer('reopen')", "late.key.reopen", id="late-reopen"),
        Binding("h,l", "answer('late')", "late.key.record", id="late-record"),
        Binding("escape", "answer('')", "key.cancel", id="late-cancel"),
        Binding("left,right", "app.focus_next", "", id="late-switch", show=False),
    ]

    def __init__(self, text: str, before: int, after: int) -> None:
        super().__init__()
        translate_bindings(self)
        self.text, self.before, self.after = text, before, after

    def compose(self) -> ComposeResult:
        with Vertical(id="late-dialog"):
            yield Static(t("late.question", text=self.text), id="late-question", markup=False)
            with Horizontal(id="late-buttons"):
                yield Button(t("late.record"), id=LATE, variant="primary")
                yield Button(t("late.reopen"), id=REOPEN, variant="warning")
                yield Button(t("late.cancel"), id="cancel")
            same = self.before == self.after
            key = "late.envelope_same" if same else "late.envelope_change"
            change = tn(key, self.after, before=self.before, after=self.after)
            explain = t("late.explain", change=change)
            yield Static(explain, id="late-explain", markup=False)

    def on_mount(self) -> None:
        self.query_one(f"#{LATE}", Button).focus()  # the answer that changes no vote

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_answer(event.button.id or "")

    def action_answer(self, choice: str) -> None:
        self.dismiss(choice if choice in (REOPEN, LATE) else None)


class LateIdeas(Recording):
    """Mixin for the capture screen: an idea submitted once the count is closed."""

    def submit_after_count(
        self, text: str, now: datetime, free: bool, saved: Callable[[], None]
    ) -> None:
        """Ask, then record ``text`` as the answer says; ``saved`` runs once it is recorded."""
        entry = self.query_one("#entry", EntryInput)  # type: ignore[attr-defined]
        session = self.app.session
        before = vote.envelope(session)
        after = max((len(vote_items(session)) + 1) // 2, 1)  # the default once reopened
        if session.vote.envelope is not None:
            after = session.vote.envelope

        def answered(choice: str | None) -> None:
            if choice is None:
                entry.restore(text)
                self.notify(t("late.cancelled"), severity="warning", timeout=5)
                return
            late = choice == LATE
            op = GiveIdea(text, now, free=free, late=late, reopen=not late)
            done, idea = self.change(op)
            if not done or idea is None:
                entry.restore(text)
                return
            saved()
            if late:
                self.notify(t("late.recorded", number=idea.number), timeout=6)
            else:
                now_env = vote.envelope(self.app.session)
                message = tn(
                    "late.reopened", now_env, number=idea.number, before=before, after=now_env
                )
                self.notify(message, severity="warning", timeout=8)

        self.app.push_screen(LateIdeaScreen(text, before, after), answered)
