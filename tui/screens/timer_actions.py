"""The timer's keys and actions, shared by the timer screen and the projector view.

Every action builds an op of ``sessions.timer.timer_ops`` with one clock stamp
and hands it to the one change path (``tui.changes``), which saves it before
returning (not recorded for ctrl+z: time is not undone); an op that does not
fit the timer's state is refused and its reason shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.binding import Binding
from textual.screen import Screen

from sessions.core.ops import Op
from sessions.i18n import t
from sessions.timer import timer_ops
from sessions.timer.position import Stamp
from tui import changes

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

    def timer_apply(self, make: Callable[[Stamp], Op]) -> bool:
        """Apply the op ``make`` builds for a fresh stamp; False (its reason shown) when refused."""
        done, _ = changes.change(self.app, make(Stamp.of(self.app.clock)), record=False)
        return done

    def _command(self, command: str) -> bool:
        return self.timer_apply(lambda stamp: timer_ops.TimerCommand(command, stamp))

    def action_toggle(self) -> None:
        self._command("toggle")

    def action_next_phase(self) -> None:
        self._command("next")

    def action_prev_phase(self) -> None:
        self._command("prev")

    def action_extend(self, minutes: float) -> None:
        self.timer_apply(lambda stamp: timer_ops.Extend(minutes, stamp))

    def action_next_turn(self) -> None:
        self._command("turn")

    def action_restart_phase(self) -> None:
        from tui.screens.confirm import ConfirmScreen

        session = self.app.session
        if session is None or not session.agenda:
            return
        title = session.agenda[session.timer.index].title

        def answered(yes: bool | None) -> None:
            if yes:
                self._command("restart")

        self.app.push_screen(ConfirmScreen(t("timer.confirm_restart", title=title)), answered)

    def action_goto_phase(self) -> None:
        from tui.screens.goto_phase import GotoPhaseScreen

        session = self.app.session
        if session is None or not session.agenda:
            return

        def chosen(number: int | None) -> None:
            if number is not None:
                self.timer_apply(lambda stamp: timer_ops.GoTo(number - 1, stamp))

        self.app.push_screen(GotoPhaseScreen(len(session.agenda)), chosen)


def check_timer_action(screen: Screen, action: str) -> bool | None:
    """Hide the speaker-turn key where the phase has no turns."""
    if action == "next_turn":
        session = getattr(screen.app, "session", None)
        if session is None or not session.agenda:
            return False
        return bool(session.agenda[session.timer.index].turns)
    return True
