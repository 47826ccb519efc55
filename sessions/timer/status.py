"""What ``atelier status`` prints: the JSON contract and the one-line summary.

Pure functions of a session and a ``Stamp``; shared by the command line and the
timer strip so both say the same thing. The session may be the pydantic model or
its light stand-in (``sessions.timer.status_light``): only attributes are read.

The JSON keys are a contract (keys may be added, never renamed): ``phase``
{``index`` (0-based), ``title``, ``kind``, ``state``, ``planned_s``,
``remaining_s``, ``overtime_s``}, ``drift_s`` and ``projected_end`` (ISO 8601
with offset).
"""

from __future__ import annotations

import math
from datetime import datetime

from sessions.i18n import t
from sessions.timer.position import (
    PhaseView,
    Stamp,
    State,
    TimerView,
    clock_text,
    drift_minutes,
    shown_clock,
    view,
)

# Not ``typing``'s: ``atelier status`` (run every second) does without ``typing``.
TYPE_CHECKING = False
if TYPE_CHECKING:  # annotations only: ``atelier status`` passes light stand-ins
    from typing import Any

    from sessions.models import Session


def _iso(moment: datetime) -> str:
    return moment.astimezone().isoformat(timespec="seconds")


PAUSED_OVERTIME = "paused_overtime"


def display_state(current: PhaseView | None, overall: State) -> str:
    """The state word shown: ``warning`` is a display state of a running phase.

    A phase paused past its end is ``paused_overtime``: the room still reads that it
    is over time (⏰, red) while the clock is stopped. Display only: ``status --json``
    keeps ``"paused"`` in ``phase.state``.
    """
    if overall == State.FINISHED or current is None:
        return str(overall)
    if current.warning and current.state == State.RUNNING:
        return "warning"
    if current.state == State.PAUSED and current.overtime_s > 0:
        return PAUSED_OVERTIME
    return str(current.state)


def is_overtime(state: str) -> bool:
    """A display state drawn in the overtime colour: running or paused past the end."""
    return state in (State.OVERTIME, PAUSED_OVERTIME)


def status_json(session: Session, stamp: Stamp) -> dict[str, Any]:
    shown = view(session, stamp)
    current = shown.phase
    phase: dict[str, Any] | None = None
    if current is not None:
        phase = {
            "index": current.index,
            "number": current.index + 1,
            "count": current.count,
            "title": current.phase.title,
            "kind": str(current.phase.kind),
            "state": str(shown.state if shown.state == State.FINISHED else current.state),
            "planned_s": round(current.planned_s),
            "extended_s": round(current.extended_s),
            "elapsed_s": math.floor(current.elapsed_s),
            "remaining_s": math.ceil(current.remaining_s - 1e-9),
            "overtime_s": math.floor(current.overtime_s),
            "warning": current.warning,
            "display": shown_clock(current),
        }
        if current.turn is not None:
            phase["turn"] = {
                "index": current.turn.index,
                "count": current.turn.count,
                "label": current.turn.label,
                "remaining_s": math.ceil(current.turn.remaining_s - 1e-9),
                "overtime_s": math.floor(current.turn.overtime_s),
            }
            if current.turn.open:  # a turn of 0 minutes: no countdown
                phase["turn"]["open"] = True
        if current.rotation is not None:
            phase["rotation"] = {
                "number": current.rotation.number,
                "every_s": round(current.rotation.every_s),
                "remaining_s": math.ceil(current.rotation.remaining_s - 1e-9),
            }
    nxt = shown.next_phase
    return {
        "session": session.id,
        "title": session.title,
        "state": str(shown.state),
        "phase": phase,
        "next": {"title": nxt.title, "kind": str(nxt.kind), "planned_s": round(nxt.minutes * 60)}
        if nxt
        else None,
        "drift_s": round(shown.drift_s),
        "planned_end": _iso(shown.planned_end),
        "projected_end": _iso(shown.projected_end),
        "clock_jump": shown.clock_jump,
        "at": _iso(stamp.wall),
    }


def symbol(state: str) -> str:
    return t(f"timer.state.{state}").split(" ", 1)[0]


def status_line(
    session: Session, stamp: Stamp, shown: TimerView | None = None, title: str | None = None
) -> str:
    """``▶ 3/7 Divergence · 12:34 · En cours · dérive +4 min`` (for a tmux status line).

    ``title`` stands for the phase's title (the strip shortens it to keep the state whole).
    """
    shown = shown or view(session, stamp)
    current = shown.phase
    if current is None:
        return t("timer.strip_none")
    state = display_state(current, shown.state)
    label = t(f"timer.state.{state}").split(" ", 1)[-1]
    clock = t("cli.status.finished") if shown.state == State.FINISHED else shown_clock(current)
    line = t(
        "timer.strip",
        symbol=symbol(state),
        n=current.index + 1,
        total=current.count,
        title=current.phase.title if title is None else title,
        clock=clock,
        state=label,
    )
    if shown.state != State.NOT_STARTED:
        line += " · " + t("timer.drift_short", drift=drift_minutes(shown.drift_s))
    return line


__all__ = [
    "PAUSED_OVERTIME",
    "clock_text",
    "display_state",
    "is_overtime",
    "status_json",
    "status_line",
    "symbol",
]
