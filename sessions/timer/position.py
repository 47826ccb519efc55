"""Timer arithmetic: where the live agenda stands, computed from stored timestamps.

Nothing here counts ticks or reads a clock by itself: every function takes a
``Stamp`` (wall-clock UTC, a suspend-aware monotonic reading and the boot it
belongs to), taken once from the injected ``Clock``. The elapsed time of a
running segment comes from the monotonic clock when the stamp and the stored
segment are from the same boot (a closed lid still counts, a wall-clock change
does not), and from the wall clock otherwise; a wall clock that went back is
flagged and never gives a negative time.

The operations that change the timer (start, pause, next ...) are in
``sessions.timer.ops``; planning helpers in ``sessions.agenda.plan``.

The models are imported for annotations only: what reads a session (``view``
and the functions it calls) takes any object with the same attributes, such
as the light stand-ins of ``sessions.timer.status_light`` built without pydantic.
"""

from __future__ import annotations

import math
from collections import namedtuple
from datetime import datetime, timedelta
from enum import StrEnum

# Not ``typing.TYPE_CHECKING``, and named tuples rather than dataclasses:
# ``atelier status`` (run every second by a status bar) imports this module and
# does without ``typing`` and ``dataclasses`` (which brings ``inspect``, ``ast``
# ...). The records below keep the attribute names, keywords, defaults,
# immutability and equality the dataclasses had; their annotations (the same
# names as their fields, a test checks) say the types, for pydantic too.
TYPE_CHECKING = False
if TYPE_CHECKING:  # annotations only: ``atelier status`` passes light stand-ins
    from sessions.core.clock import Clock
    from sessions.models import Phase, Session, TimerState

DEFAULT_WARN_S = 120.0
# Wall and monotonic clocks may disagree by this much before it counts as a jump.
JUMP_TOLERANCE_S = 2.0


class State(StrEnum):
    NOT_STARTED = "not_started"
    RUNNING = "running"
    PAUSED = "paused"
    OVERTIME = "overtime"
    FINISHED = "finished"


class Stamp(namedtuple("Stamp", "wall mono boot", defaults=(None, None))):
    """One reading of the clocks."""

    __slots__ = ()
    wall: datetime
    mono: float | None
    boot: str | None

    @classmethod
    def of(cls, clock: Clock) -> Stamp:
        return cls(clock.now(), clock.monotonic(), clock.boot_id())


def since(
    wall: datetime | None, mono: float | None, boot: str | None, stamp: Stamp
) -> tuple[float, bool]:
    """Seconds from a stored reading to ``stamp``, and whether the wall clock jumped.

    Same boot: the monotonic clock decides (it counts suspend, ignores wall
    changes). Otherwise the wall clock, clamped at zero when it went back.
    """
    wall_delta = (stamp.wall - wall).total_seconds() if wall is not None else None
    if mono is not None and stamp.mono is not None and boot is not None and boot == stamp.boot:
        mono_delta = stamp.mono - mono
        if mono_delta >= 0:
            jumped = wall_delta is not None and abs(wall_delta - mono_delta) > JUMP_TOLERANCE_S
            return mono_delta, jumped
    if wall_delta is None:
        return 0.0, False
    if wall_delta < 0:
        return 0.0, True
    return wall_delta, False


def elapsed(timer: TimerState, stamp: Stamp) -> tuple[float, bool]:
    """Seconds spent in the current phase (pauses excluded), and the jump flag."""
    if timer.state != State.RUNNING:
        return max(0.0, timer.elapsed_s), False
    segment, jumped = since(timer.segment_wall, timer.segment_mono, timer.boot_id, stamp)
    return max(0.0, timer.elapsed_s + segment), jumped


def planned_s(phase: Phase) -> float:
    return phase.minutes * 60.0


def effective_s(phase: Phase, extended_s: float) -> float:
    """The phase's duration in effect: planned plus what was added (never below 0)."""
    return max(0.0, planned_s(phase) + extended_s)


def warn_s(phase: Phase, duration_s: float) -> float:
    """Seconds before the end at which the warning shows (0: no warning)."""
    if phase.warn_minutes is not None:
        return max(0.0, min(phase.warn_minutes * 60.0, duration_s))
    # A short phase warns at half time; a phase shortened live keeps its warning.
    return min(DEFAULT_WARN_S, max(planned_s(phase), duration_s) / 2, duration_s)


class TurnView(
    namedtuple("TurnView", "index count label remaining_s overtime_s open", defaults=(False,))
):
    __slots__ = ()
    index: int  # 0-based; == count when every turn is over
    count: int
    label: str
    remaining_s: float
    overtime_s: float
    open: bool  # False by default; a turn of 0 minutes: no countdown, no bell; ``t`` ends it


class RotationView(namedtuple("RotationView", "number every_s remaining_s label last")):
    __slots__ = ()
    number: int  # 1-based: the table round in progress
    every_s: float
    remaining_s: float  # until the next change
    label: str
    last: bool  # no change follows before the phase ends


class PhaseView(
    namedtuple(
        "PhaseView",
        "index count phase state planned_s extended_s duration_s elapsed_s remaining_s"
        " overtime_s warn_s warning turn rotation",
    )
):
    __slots__ = ()
    index: int
    count: int
    phase: Phase
    state: State
    planned_s: float
    extended_s: float
    duration_s: float
    elapsed_s: float
    remaining_s: float
    overtime_s: float
    warn_s: float
    warning: bool
    turn: TurnView | None
    rotation: RotationView | None


class TimerView(
    namedtuple("TimerView", "state phase next_phase drift_s planned_end projected_end clock_jump")
):
    """Everything the screens and ``atelier status`` show, for one stamp."""

    __slots__ = ()
    state: State
    phase: PhaseView | None
    next_phase: Phase | None
    drift_s: float
    planned_end: datetime
    projected_end: datetime
    clock_jump: bool


def stored_state(timer: TimerState) -> State:
    try:
        return State(timer.state)
    except ValueError:
        return State.NOT_STARTED


def _turn_view(phase: Phase, timer: TimerState, spent: float) -> TurnView | None:
    if not phase.turns:
        return None
    i = timer.turn_index
    if i >= len(phase.turns):
        return TurnView(len(phase.turns), len(phase.turns), "", 0.0, 0.0)
    if phase.turns[i].minutes <= 0:
        return TurnView(i, len(phase.turns), phase.turns[i].label, 0.0, 0.0, open=True)
    left = phase.turns[i].minutes * 60.0 - max(0.0, spent - timer.turn_elapsed_offset_s)
    return TurnView(i, len(phase.turns), phase.turns[i].label, max(0.0, left), max(0.0, -left))


def _rotation_view(phase: Phase, spent: float, duration: float) -> RotationView | None:
    if phase.rotation is None or phase.rotation.every_minutes <= 0:
        return None
    every = phase.rotation.every_minutes * 60.0
    number = int(spent // every) + 1
    next_change = number * every
    return RotationView(
        number=number,
        every_s=every,
        remaining_s=max(0.0, next_change - spent),
        label=phase.rotation.label,
        last=next_change >= duration,
    )


def phase_view(session: Session, stamp: Stamp) -> tuple[PhaseView | None, bool]:
    """The current phase as seen at ``stamp``, and the wall-clock jump flag."""
    if not session.agenda:
        return None, False
    timer = session.timer
    index = min(max(timer.index, 0), len(session.agenda) - 1)
    phase = session.agenda[index]
    spent, jumped = elapsed(timer, stamp)
    duration = effective_s(phase, timer.extra_s)
    threshold = warn_s(phase, duration)
    left = duration - spent
    state = stored_state(timer)
    if state == State.RUNNING and left <= 0:
        state = State.OVERTIME
    warning = state in (State.RUNNING, State.PAUSED) and 0 < left <= threshold
    view = PhaseView(
        index=index,
        count=len(session.agenda),
        phase=phase,
        state=state,
        planned_s=planned_s(phase),
        extended_s=timer.extra_s,
        duration_s=duration,
        elapsed_s=spent,
        remaining_s=max(0.0, left),
        overtime_s=max(0.0, -left),
        warn_s=threshold,
        warning=warning,
        turn=_turn_view(phase, timer, spent),
        rotation=_rotation_view(phase, spent, duration),
    )
    return view, jumped


def since_start(timer: TimerState, stamp: Stamp) -> tuple[float, bool]:
    """Seconds since the session's first start (frozen once finished)."""
    if timer.finished_total_s is not None:
        return timer.finished_total_s, False
    if timer.session_started_at is None:
        return 0.0, False
    return since(
        timer.session_started_at, timer.session_started_mono, timer.session_started_boot, stamp
    )


def view(session: Session, stamp: Stamp) -> TimerView:
    """Where the session stands at ``stamp``: current phase, drift, projected end."""
    timer = session.timer
    current, jumped = phase_view(session, stamp)
    state = stored_state(timer)
    total_planned = sum(planned_s(p) for p in session.agenda)
    if state == State.NOT_STARTED or timer.session_started_at is None:
        # Not started: the plan starts now; moving through phases before the start is planning.
        later = sum(planned_s(p) for p in session.agenda[current.index :]) if current else 0.0
        end = stamp.wall + timedelta(seconds=later)
        return TimerView(state, current, _next(session, current), 0.0, end, end, jumped)
    spent_total, jumped_total = since_start(timer, stamp)
    planned_total = timer.planned_total_s if timer.planned_total_s is not None else total_planned
    if state == State.FINISHED or current is None:
        projected_total = spent_total
    else:
        later = sum(planned_s(p) for p in session.agenda[current.index + 1 :])
        projected_total = spent_total + current.remaining_s + later
    start = timer.session_started_at
    return TimerView(
        state=current.state if current and state != State.FINISHED else state,
        phase=current,
        next_phase=None if state == State.FINISHED else _next(session, current),
        drift_s=projected_total - planned_total,
        planned_end=start + timedelta(seconds=planned_total),
        projected_end=start + timedelta(seconds=projected_total),
        clock_jump=jumped or jumped_total,
    )


def _next(session: Session, current: PhaseView | None) -> Phase | None:
    if current is None or current.index + 1 >= len(session.agenda):
        return None
    return session.agenda[current.index + 1]


# -- bells ---------------------------------------------------------------------


class Bell(namedtuple("Bell", "kind key")):
    __slots__ = ()
    kind: str  # warning | end | turn | rotation
    key: str  # stored in TimerState.bells once rung


def due_bells(session: Session, stamp: Stamp) -> list[Bell]:
    """Bells of the current phase whose moment has come and that have not rung yet.

    Catching up (the app was closed meanwhile) gives the end without the
    warning before it: one bell, not a burst.
    """
    current, _ = phase_view(session, stamp)
    if current is None or current.state not in (State.RUNNING, State.OVERTIME):
        return []
    timer = session.timer
    rung = set(timer.bells)
    pid = current.phase.id
    due: list[Bell] = []
    if current.remaining_s <= 0:
        if f"{pid}:end" not in rung:
            due.append(Bell("end", f"{pid}:end"))
            if f"{pid}:warning" not in rung:
                due.append(Bell("warning", f"{pid}:warning"))  # silenced by the end bell
    elif current.warning and f"{pid}:warning" not in rung:
        due.append(Bell("warning", f"{pid}:warning"))
    turn = current.turn
    if turn is not None and turn.index < turn.count and turn.remaining_s <= 0 and not turn.open:
        key = f"{pid}:turn:{turn.index}"
        if key not in rung:
            due.append(Bell("turn", key))
    rotation = current.rotation
    if rotation is not None:
        for k in range(1, rotation.number):
            key = f"{pid}:rotation:{k}"
            if k * rotation.every_s < current.duration_s and key not in rung:
                due.append(Bell("rotation", key))
    return due


def mark_rung(session: Session, keys: list[str]) -> None:
    """Record bells as rung (the op the app saves after ringing)."""
    timer = session.timer
    for key in keys:
        if key not in timer.bells:
            timer.bells.append(key)
    sync_flags(session)


def sync_flags(session: Session) -> None:
    """Mirror the current phase's bells into ``warned`` / ``rang_end``."""
    timer = session.timer
    if not session.agenda:
        return
    pid = session.agenda[min(max(timer.index, 0), len(session.agenda) - 1)].id
    timer.warned = f"{pid}:warning" in timer.bells
    timer.rang_end = f"{pid}:end" in timer.bells


# -- display -------------------------------------------------------------------


def clock_text(seconds: float, overtime: bool = False) -> str:
    """``MM:SS`` (``H:MM:SS`` past an hour); a countdown rounds up, overtime down with ``+``."""
    whole = math.floor(seconds) if overtime else math.ceil(seconds - 1e-9)
    whole = max(0, whole)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
    return f"+{text}" if overtime else text


def shown_clock(current: PhaseView) -> str:
    """What the big digits show for the phase."""
    if current.overtime_s > 0 and current.state != State.NOT_STARTED:
        return clock_text(current.overtime_s, overtime=True)
    return clock_text(current.remaining_s)


def drift_minutes(drift_s: float) -> str:
    """``+4 min``, ``-2 min`` or ``0 min``: drift rounded to the minute, signed."""
    minutes = round(drift_s / 60)
    return f"{minutes:+d} min" if minutes else "0 min"
