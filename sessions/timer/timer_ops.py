"""The timer's keys as ops (``sessions.core.ops``): start, pause, next, extend, go to, bells.

Each carries the one ``Stamp`` it was pressed at (an op reads no clock) and
calls ``sessions.timer.ops``, which keeps the rules. The screens apply them
through the one change path (``tui.changes``), saved but not recorded for
ctrl+z: time is not undone (``p`` comes back to the phase left, ``-`` takes
back a minute). Their slots are still declared - the timer's fields and the
phases, whose measured times they write - so that a replay stays exact.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sessions.core.keyed import Key
from sessions.core.ops import Op
from sessions.models import Session, TimerState
from sessions.timer import ops as timer
from sessions.timer.position import Stamp, mark_rung

AGENDA = frozenset({"agenda"})


TIMER_SLOTS: tuple[Key, ...] = tuple(("timer", name) for name in TimerState.model_fields)


def _all_slots(session: Session) -> list[Key]:
    """Every phase (a move records the one left) and every timer field: read on the session."""
    return [*(("phase", p.id) for p in session.agenda), *TIMER_SLOTS]


@dataclass(frozen=True)
class TimerCommand(Op):
    """Space, n, p, r, t: one of ``sessions.timer.ops.COMMANDS`` at ``stamp``."""

    name = "timer.command"
    parts = AGENDA

    command: str
    stamp: Stamp

    def keys(self, session: Session) -> Iterable[Key]:
        return _all_slots(session)

    def run(self, session: Session) -> object:
        return timer.COMMANDS[self.command](session, self.stamp)

    @property  # type: ignore[override]
    def label_key(self) -> str:
        return f"script.undo.timer.{self.command}"


@dataclass(frozen=True)
class Extend(Op):
    """``+``, ``*``, ``-``: minutes added to (or taken from) the current phase."""

    name = "timer.extend"
    parts = AGENDA
    label_key = "script.undo.timer.extend"
    slots = (("timer", "extra_s"),)

    minutes: float
    stamp: Stamp

    def run(self, session: Session) -> None:
        timer.extend(session, self.minutes, self.stamp)


@dataclass(frozen=True)
class GoTo(Op):
    """``g``: the phase of that number (0-based ``index``)."""

    name = "timer.goto"
    parts = AGENDA
    label_key = "script.undo.timer.goto"

    index: int
    stamp: Stamp

    def keys(self, session: Session) -> Iterable[Key]:
        return _all_slots(session)

    def run(self, session: Session) -> None:
        timer.goto(session, self.index, self.stamp)


@dataclass(frozen=True)
class MarkRung(Op):
    """Bells rung: each rings once, even after a restart."""

    name = "timer.mark_rung"
    parts = AGENDA
    label_key = "script.undo.timer.bells"
    slots = (("timer", "bells"), ("timer", "warned"), ("timer", "rang_end"))

    bells: tuple[str, ...]

    def run(self, session: Session) -> None:
        mark_rung(session, list(self.bells))
