"""F3, the live agenda: the phase countdown a facilitator reads from across the room.

Big ``Digits`` (``MM:SS``, ``H:MM:SS`` past an hour, ``+02:13`` in overtime),
the phase's title and kind, "3 / 7", the next phase, the sub-timer of speaker
turns or table rotations, the drift (always shown), and the agenda with planned
and actual minutes. Amber with ⚠ at the warning, red with ⏰ in overtime. All
values come from ``sessions.timer.position.view`` for the clock's current stamp, redrawn
on the app's tick; the keys are in ``timer_actions``.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Iterable
from datetime import datetime

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import DataTable, Static

from sessions.agenda.plan import planning_warnings
from sessions.i18n import t
from sessions.i18n.formats import format_number
from sessions.models import Session
from sessions.timer.position import (
    PhaseView,
    Stamp,
    State,
    TimerView,
    drift_minutes,
    shown_clock,
    view,
)
from sessions.timer.status import display_state, is_overtime
from tui.screens.base import SectionScreen
from tui.screens.row_compositor import RowCompositor
from tui.screens.timer_actions import TIMER_BINDINGS, TimerActions, check_timer_action
from tui.screens.undo_support import Recording
from tui.widgets.agenda_text import minutes_text, subtimer_text, total_text
from tui.widgets.clock_digits import ClockDigits
from tui.widgets.fit_table import FitTable
from tui.widgets.quiet import set_digits, set_text
from tui.widgets.subtimer_line import SubtimerLine
from tui.widgets.timer_bells import ring_due_bells


def hhmm(moment: datetime) -> str:
    """A clock time as the app writes it everywhere: ``18 h 28`` in French, ``18:28`` in English."""
    from sessions.i18n.formats import format_time

    return format_time(moment.astimezone())


def phase_meta(current: PhaseView) -> str:
    parts = [t("timer.position", n=current.index + 1, total=current.count)]
    parts.append(t(f"kind.{current.phase.kind}"))
    parts.append(f"{format_number(current.phase.minutes)} min")  # 7,5 min in French
    extra = round(current.extended_s / 60)
    if extra > 0:
        parts.append(t("timer.extended", minutes=extra))
    elif extra < 0:
        parts.append(t("timer.shortened", minutes=-extra))
    return " · ".join(parts)


def next_text(shown: TimerView) -> str:
    nxt = shown.next_phase
    if nxt is None:
        return t("timer.next_none")
    return t("timer.next", title=nxt.title, minutes=format_number(nxt.minutes))


def turns_plan_text(session: Session, shown: TimerView) -> str:
    """Before a phase starts, its turns drawn from the sheets (``Partage des solutions :
    3 tours de 3 min...``); '' for a phase without ``turns_from`` or already begun."""
    from sessions.agenda.turns_from import turns_summary
    from sessions.i18n import get_language

    current = shown.phase
    if current is None or current.phase.turns_from is None:
        return ""
    if current.state == State.RUNNING or current.elapsed_s > 0:
        return ""
    return turns_summary(session, current.phase, get_language())


def next_turns_text(session: Session, shown: TimerView) -> str:
    """The next phase's turns drawn from the sheets, after its title: `` · 3 tours de 3 min``."""
    from sessions.agenda.turns_from import planned_turns
    from sessions.i18n import tn

    nxt = shown.next_phase
    planned = planned_turns(session, nxt) if nxt is not None else None
    if not planned:
        return ""
    return " · " + tn(
        "sheets.turns_short",
        len(planned),
        count=len(planned),
        minutes=format_number(planned[0].minutes),
    )


def unbroken(text: str) -> str:
    """A value read as one piece (``-2 min``, ``13 h 00``): a wrapped line never splits it."""
    return text.replace(" ", "\u00a0")


def drift_text(shown: TimerView) -> str:
    return t(
        "timer.drift",
        drift=unbroken(drift_minutes(shown.drift_s)),
        planned=unbroken(hhmm(shown.planned_end)),
        projected=unbroken(hhmm(shown.projected_end)),
    )


class TimerScreen(TimerActions, Recording, SectionScreen):
    CSS_PATH = "timer.tcss"
    HELP_KEY = "help.timer"
    SHOW_TIMER_STRIP = False
    TIMES_ITSELF = True  # redraws on the true second (see tick): the app's tick is a fallback
    BINDINGS = [
        *TIMER_BINDINGS,
        Binding("b", "rebudget", "timer.key.rebudget", id="timer-rebudget"),
        Binding("v", "projector", "timer.key.projector", id="timer-projector"),
        Binding("e", "edit_agenda", "timer.key.editor", id="timer-editor"),
        # The agenda's last change (an edit, the accepted re-budget); time itself is not undone.
        Binding("ctrl+z", "undo", "key.undo", id="timer-undo", show=False),
        Binding("ctrl+y", "redo", "key.redo", id="timer-redo", show=False),
    ]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._compositor = RowCompositor()  # a second's frame asks only the widgets it changes

    def compose_body(self) -> Iterable[Widget]:
        with Horizontal(id="timer"):
            with Vertical(id="clock-pane"):
                yield Static("", id="phase-title", markup=False)
                yield Static("", id="phase-meta", markup=False)
                yield ClockDigits("00:00", id="digits")
                yield Static("", id="phase-state", markup=False)
                yield SubtimerLine("", id="subtimer", markup=False)  # redrawn by its digits
                yield Static("", id="next", markup=False)
                yield Static("", id="drift", markup=False)
                yield Static("", id="clock-jump", markup=False, classes="hidden")
            with Vertical(id="agenda-pane"):
                with Vertical(id="notes-box", classes="hidden"):
                    yield Static("", id="notes-title", classes="title", markup=False)
                    yield Static("", id="notes", markup=False)
                yield Static(t("timer.agenda_title"), classes="title")
                table = FitTable(id="agenda-table", cursor_type="none", zebra_stripes=True, flex=2)
                table.can_focus = False
                yield table
                yield Static("", id="plan-total", markup=False)
                yield Static("", id="plan-warnings", markup=False)

    def on_mount(self) -> None:
        table = self.query_one("#agenda-table", DataTable)
        table.add_column("", key="mark", width=1)
        table.add_column("#", key="n", width=2)
        table.add_column(t("timer.col.phase"), key="phase")  # the width left over
        table.add_column(t("timer.col.planned"), key="planned")
        table.add_column(t("timer.col.actual"), key="actual")
        super().on_mount()
        self.watch(self.app, "now", lambda _now: self.tick(), init=False)
        if self.app.options.get("projector"):  # type: ignore[attr-defined]
            self.app.options["projector"] = False  # type: ignore[attr-defined]
            self.call_after_refresh(self.action_projector)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return check_timer_action(self, action)

    # -- drawing ---------------------------------------------------------------
    def refresh_from_session(self) -> None:
        self.refresh_agenda()
        self.tick()
        self.refresh_bindings()

    @property
    def ticking(self) -> bool:
        """Its own one-second timer is armed (a running timer): the app's tick can stay away."""
        return getattr(self, "_second_timer", None) is not None

    def tick(self) -> None:
        if self.app.session is None:  # type: ignore[attr-defined]
            return
        if self not in self.app.screen_stack:  # another section shown: redrawn when back
            self._stale = True
            self._tick_on_next_second(None)
            return
        stamp = Stamp.of(self.app.clock)  # type: ignore[attr-defined]
        ring_due_bells(self.app, stamp)
        session = self.session
        shown = view(session, stamp)
        current = shown.phase
        part = self._part
        if current is None:
            set_text(part("phase-title"), t("timer.no_agenda"))
            return
        self._tick_on_next_second(current)
        state = display_state(current, shown.state)
        set_text(part("phase-title"), current.phase.title)
        set_text(part("phase-meta"), phase_meta(current))
        set_digits(part("digits"), shown_clock(current))
        set_text(part("phase-state"), t(f"timer.state.{state}"))
        sub = turns_plan_text(session, shown) or subtimer_text(current)
        subtimer = part("subtimer")
        set_text(subtimer, sub)
        subtimer.display = bool(sub)
        following = next_text(shown) + next_turns_text(session, shown)
        set_text(part("next"), following)
        drift = part("drift")
        set_text(drift, drift_text(shown))
        jump = part("clock-jump")
        set_text(jump, t("timer.clock_jump"))
        jump.set_class(not shown.clock_jump, "hidden")
        pane = part("clock-pane")
        pane.set_class(state == "warning", "-warning")
        pane.set_class(is_overtime(state), "-overtime")  # paused past the end: still red
        pane.set_class(state in (State.PAUSED, State.NOT_STARTED), "-idle")
        drift.set_class(shown.drift_s >= 60, "-late")

    def _part(self, name: str) -> Widget:
        """A widget of the clock pane by id, looked up once (the tick needs a dozen a second)."""
        parts: dict[str, Widget] = self.__dict__.setdefault("_parts", {})
        widget = parts.get(name)
        if widget is None or widget.parent is None:  # not yet, or removed since
            widget = parts[name] = self.query_one(f"#{name}")
        return widget

    def _tick_on_next_second(self, current: PhaseView | None) -> None:
        """Redraw when the shown second changes, not only on the app's 0.25 s tick.

        A countdown shows the remaining time rounded up, overtime rounded
        down: the digits change when that value crosses a whole second, so a
        one-shot timer aimed just past that instant keeps the display within
        a few milliseconds of the true second.
        """
        timer = getattr(self, "_second_timer", None)
        if timer is not None:
            timer.cancel()
        self._second_timer = None
        if current is None or current.state != State.RUNNING:
            self.app.release_tick()  # type: ignore[attr-defined]
            return
        stack = self.app.screen_stack
        if stack and stack[-1] is self:  # shown on top: the app's interval rests
            self.app.hold_tick()  # type: ignore[attr-defined]
        else:  # the projector (or a dialog) on top moves with the app's tick
            self.app.release_tick()  # type: ignore[attr-defined]
        value = current.overtime_s if current.overtime_s > 0 else current.remaining_s
        delay = value - math.floor(value) if current.overtime_s <= 0 else math.ceil(value) - value
        # The event loop's own one-shot call, not a Textual Timer (a task and an
        # event built every second, two more wake-ups): the same instant, cheaper.
        loop = asyncio.get_running_loop()
        self._second_timer = loop.call_later((delay or 1.0) + 0.002, self._on_second)

    def _on_second(self) -> None:
        self._second_timer = None
        try:
            self.app.second_chores()  # type: ignore[attr-defined]  # the file's look, the interval resting
            self.tick()
        except Exception as error:  # as a Textual timer would: the app reports it and exits
            self.app._handle_exception(error)

    def on_unmount(self) -> None:
        timer = getattr(self, "_second_timer", None)
        if timer is not None:
            timer.cancel()
        self._second_timer = None

    def on_screen_suspend(self) -> None:
        """Another screen shown (a section, the projector): the app's tick moves its strips."""
        self._tick_on_next_second(None)

    def refresh_notes(self) -> None:
        """The current phase's notes: the guide's instructions, for the facilitator only."""
        session = self.session
        phase = session.agenda[min(session.timer.index, len(session.agenda) - 1)]
        notes = phase.notes
        self.query_one("#notes-box").set_class(not notes, "hidden")
        set_text(self.query_one("#notes-title", Static), t("script.notes_title"))
        set_text(self.query_one("#notes", Static), notes)

    def refresh_agenda(self) -> None:
        session = self.session
        if session.agenda:
            self.refresh_notes()
        table = self.query_one("#agenda-table", DataTable)
        table.clear()
        for i, phase in enumerate(session.agenda):
            current = i == session.timer.index
            style = "bold" if current else ""
            planned = format_number(phase.minutes)  # 7,5 in French
            if phase.extended_s:
                planned += f"{phase.extended_s / 60:+.0f}" if not current else ""
            table.add_row(
                "▶" if current else "",
                str(i + 1),
                Text(phase.title, style=style, no_wrap=True, overflow="ellipsis"),
                planned,
                minutes_text(phase.actual_seconds),
            )
        self.query_one("#plan-total", Static).update(total_text(session))
        warnings = planning_warnings(session)
        self.query_one("#plan-warnings", Static).update(
            "\n".join(f"⚠ {w.message}" for w in warnings)
        )

    # -- actions ---------------------------------------------------------------
    def action_projector(self) -> None:
        from tui.screens.projector import ProjectorScreen

        self.app.push_screen(ProjectorScreen())

    def action_edit_agenda(self) -> None:
        from tui.screens.agenda_editor import AgendaEditorScreen

        self.app.push_screen(AgendaEditorScreen())

    def action_rebudget(self) -> None:
        from sessions.agenda.plan import propose_rebudget
        from tui.screens.rebudget import RebudgetScreen

        proposal = propose_rebudget(self.session, Stamp.of(self.app.clock))  # type: ignore[attr-defined]
        if proposal is None:
            self.notify(t("timer.rebudget_none"))
            return
        self.app.push_screen(RebudgetScreen(proposal))
