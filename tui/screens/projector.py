"""The projector view: the phase title, the time (as large as the screen allows), the next phase.

The turn or rotation in progress shows under the state (the room sees the
5 minutes of individual reflection run out); the phase's notes, written for
the facilitator, never show here.

``v`` (or escape) goes back to the timer screen; the timer keys still work, so
the facilitator can drive the session from the projected laptop. ``atelier
open SESSION --projector`` starts here.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from sessions.i18n import t
from sessions.i18n.formats import format_number
from sessions.timer.position import Stamp, shown_clock, view
from sessions.timer.status import display_state, is_overtime
from tui.screens.base import TranslatedScreen
from tui.screens.timer_actions import TIMER_BINDINGS, TimerActions, check_timer_action
from tui.widgets.agenda_text import subtimer_text
from tui.widgets.big_clock import BigClock
from tui.widgets.quiet import set_text
from tui.widgets.subtimer_line import SubtimerLine
from tui.widgets.timer_bells import ring_due_bells


class ProjectorScreen(TimerActions, TranslatedScreen):
    CSS_PATH = "projector.tcss"
    HELP_KEY = "help.projector"
    BINDINGS = [
        Binding("v,escape", "leave", "timer.key.back", id="projector-leave"),
        *[b for b in TIMER_BINDINGS if b.id != "timer-goto"],
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="projector"):
            yield Static("", id="title", markup=False)
            yield BigClock(id="clock")
            yield Static("", id="state", markup=False)
            yield SubtimerLine("", id="subtimer", markup=False)  # redrawn by its digits
            yield Static("", id="next", markup=False)

    def on_mount(self) -> None:
        self.watch(self.app, "now", lambda _now: self.tick(), init=False)
        self.watch(self.app, "revision", lambda _r: self.tick(), init=False)
        self.tick()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return check_timer_action(self, action)

    def tick(self) -> None:
        session = getattr(self.app, "session", None)
        if session is None or not session.agenda:
            return
        ring_due_bells(self.app)
        shown = view(session, Stamp.of(self.app.clock))  # type: ignore[attr-defined]
        current = shown.phase
        assert current is not None
        state = display_state(current, shown.state)
        set_text(self.query_one("#title", Static), current.phase.title)
        self.query_one("#clock", BigClock).value = shown_clock(current)
        set_text(self.query_one("#state", Static), t(f"timer.state.{state}"))
        sub = subtimer_text(current)
        set_text(self.query_one("#subtimer", Static), sub)
        self.query_one("#subtimer").display = bool(sub)
        nxt = shown.next_phase
        set_text(
            self.query_one("#next", Static),
            t("timer.next", title=nxt.title, minutes=format_number(nxt.minutes))
            if nxt
            else t("timer.next_none"),
        )
        box = self.query_one("#projector")
        box.set_class(state == "warning", "-warning")
        box.set_class(is_overtime(state), "-overtime")

    def action_leave(self) -> None:
        self.dismiss()
