"""The timer's keys and actions, shared by the timer screen and the projector view.

Every action builds an op from ``sessions.timer.ops`` with one clock stamp and
hands it to ``app.apply``, which saves it before returning; an op that does
not fit the timer's state raises ``TimerError`` and its message is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.binding import Binding
from textual.screen import Screen

from sessions.i18n import t
from sessions.models import Session
from sessions.timer import ops as timer_ops
from sessions.timer.position import Stamp

TIMER_BINDINGS = [
    Binding("space", "toggle", "timer.key.toggle", id="timer-toggle"),
    Binding("n", "next_phase", "timer.key.next", id="timer-next"),
    Binding("p", "prev_phase", "timer.key.prev", id="timer-prev"),
    Binding("plus,equals_sign", "extend(1)", "timer.key.plus1", id="timer-plus1", key_display="+"),
    Binding("asterisk", "extend(5)", "timer.key.plus5", id="timer-plus5", key_display="*"),
    Binding("minus", "extend(-1)", "timer.key.minus1", id="timer-minus1", key_display="-"),
    Binding("t", "next_turn", "timer.key.turn", id="timer-turn"),
    Binding("r", "restart_phase", "timer.key.restart", id="timer-restart"),
    Binding("g", "goto_phase", "timer.key.goto", id="timer-goto"),
]


class TimerActions:
    """Mixed into a ``Screen``: the actions behind ``TIMER_BINDINGS``."""

    app: Any

    def timer_apply(self, op: Callable[[Session, Stamp], object]) -> bool:
        """Apply ``op`` with a fresh stamp; False (and a message) when it does not fit."""
        stamp = Stamp.of(self.app.clock)
        try:
            self.app.apply(lambda s: op(s, stamp))
        except timer_ops.TimerError as exc:
            self.app.notify(str(exc), severity="warning", timeout=4)
            return False
        return True

    def action_toggle(self) -> None:
        self.timer_apply(timer_ops.toggle)

    def action_next_phase(self) -> None:
        self.timer_apply(timer_ops.next_phase)

    def action_prev_phase(self) -> None:
        self.timer_apply(timer_ops.prev_phase)

    def action_extend(self, minutes: float) -> None:
        self.timer_apply(lambda s, stamp: timer_ops.extend(s, minutes, stamp))

    def action_next_turn(self) -> None:
        self.timer_apply(timer_ops.next_turn)

    def action_restart_phase(self) -> None:
        from tui.screens.confirm import ConfirmScreen

        session = self.app.session
        if session is None or not session.agenda:
            return
        title = session.agenda[session.timer.index].title

        def answered(yes: bool | None) -> None:
            if yes:
                self.timer_apply(timer_ops.restart)

        self.app.push_screen(ConfirmScreen(t("timer.confirm_restart", title=title)), answered)

    def action_goto_phase(self) -> None:
        from tui.screens.goto_phase import GotoPhaseScreen

        session = self.app.session
        if session is None or not session.agenda:
            return

        def chosen(number: int | None) -> None:
            if number is not None:
                self.timer_apply(lambda s, stamp: timer_ops.goto(s, number - 1, stamp))

        self.app.push_screen(GotoPhaseScreen(len(session.agenda)), chosen)


def check_timer_action(screen: Screen, action: str) -> bool | None:
    """Hide the speaker-turn key where the phase has no turns."""
    if action == "next_turn":
        session = getattr(screen.app, "session", None)
        if session is None or not session.agenda:
            return False
        return bool(session.agenda[session.timer.index].turns)
    return True
