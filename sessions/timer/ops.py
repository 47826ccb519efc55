"""Operations on the live agenda: start, pause, resume, next, previous, restart, extend, go to.

Each operation changes ``session.timer`` (and the phases' recorded times) for
one ``Stamp``; the app applies it through ``app.apply`` and the command line
through ``store.transact``, so it is saved before anything shows it. An
operation that does not fit the current state raises ``TimerError`` (a
``ValueError`` with a message for the user) and changes nothing.

Moving to another phase records the phase left: its measured duration in
``actual_seconds`` and its extension in ``extended_s``. Coming back to a phase
continues from what it recorded, so a wrong ``next`` is undone by ``prev``.
"""

from __future__ import annotations

from collections.abc import Callable

from sessions.agenda.turns_from import derive_turns
from sessions.core.errors import DomainError
from sessions.models import Session
from sessions.timer.position import Stamp, State, elapsed, since_start, stored_state, sync_flags


class TimerError(DomainError):
    """The operation does not fit the timer's state; the message says why."""


def _require_agenda(session: Session) -> None:
    if not session.agenda:
        raise TimerError("timer.err.no_agenda")


def _begin_segment(session: Session, stamp: Stamp) -> None:
    timer = session.timer
    timer.segment_wall = stamp.wall
    timer.segment_mono = stamp.mono
    timer.boot_id = stamp.boot
    phase = session.agenda[timer.index]
    if phase.started_at is None:
        phase.started_at = stamp.wall


def _close_segment(session: Session, stamp: Stamp) -> None:
    """Fold the running segment into ``elapsed_s``."""
    timer = session.timer
    timer.elapsed_s, _ = elapsed(timer, stamp)
    timer.segment_wall = None
    timer.segment_mono = None


def start(session: Session, stamp: Stamp) -> None:
    """Start the session (or resume it when paused)."""
    _require_agenda(session)
    timer = session.timer
    state = stored_state(timer)
    if state == State.PAUSED:
        resume(session, stamp)
        return
    if state == State.RUNNING:
        raise TimerError("timer.err.running")
    if state == State.FINISHED:
        raise TimerError("timer.err.finished")
    timer.session_started_at = stamp.wall
    timer.session_started_mono = stamp.mono
    timer.session_started_boot = stamp.boot
    # The plan this session is measured against: from this phase to the end.
    timer.planned_total_s = sum(p.minutes * 60.0 for p in session.agenda[timer.index :])
    timer.finished_total_s = None
    timer.state = State.RUNNING
    derive_turns(session, session.agenda[timer.index])  # one turn per group's sheet
    _begin_segment(session, stamp)


def pause(session: Session, stamp: Stamp) -> None:
    if stored_state(session.timer) != State.RUNNING:
        raise TimerError("timer.err.not_running")
    _close_segment(session, stamp)
    session.timer.state = State.PAUSED


def resume(session: Session, stamp: Stamp) -> None:
    if stored_state(session.timer) != State.PAUSED:
        raise TimerError("timer.err.not_paused")
    session.timer.state = State.RUNNING
    _begin_segment(session, stamp)


def toggle(session: Session, stamp: Stamp) -> str:
    """Space: start, pause or resume; returns the new stored state."""
    state = stored_state(session.timer)
    if state == State.RUNNING:
        pause(session, stamp)
    else:
        start(session, stamp)
    return session.timer.state


def _leave(session: Session, stamp: Stamp) -> None:
    """Record the current phase's measured duration and extension."""
    timer = session.timer
    phase = session.agenda[timer.index]
    if stored_state(timer) == State.RUNNING:
        _close_segment(session, stamp)
    if timer.elapsed_s > 0 or phase.actual_seconds is not None:
        phase.actual_seconds = round(timer.elapsed_s, 3)
        phase.ended_at = stamp.wall
    phase.extended_s = timer.extra_s


def _enter(session: Session, index: int, stamp: Stamp) -> None:
    """Make ``index`` the current phase, continuing from what it recorded."""
    timer = session.timer
    phase = session.agenda[index]
    derive_turns(session, phase)  # one turn per group's sheet (turns_from), unless hand-edited
    timer.index = index
    timer.elapsed_s = phase.actual_seconds or 0.0
    timer.extra_s = phase.extended_s
    timer.turn_index = 0
    timer.turn_elapsed_offset_s = 0.0
    timer.segment_wall = None
    timer.segment_mono = None
    if stored_state(timer) == State.RUNNING:
        _begin_segment(session, stamp)
    sync_flags(session)


def goto(session: Session, index: int, stamp: Stamp) -> None:
    """Go to phase ``index`` (0-based); the phase left records its time."""
    _require_agenda(session)
    if not 0 <= index < len(session.agenda):
        raise TimerError("timer.err.no_phase", n=index + 1, total=len(session.agenda))
    timer = session.timer
    state = stored_state(timer)
    if state == State.FINISHED:
        timer.state = State.PAUSED
        timer.finished_total_s = None
    elif index == timer.index:
        return
    else:
        _leave(session, stamp)
    _enter(session, index, stamp)


def next_phase(session: Session, stamp: Stamp) -> None:
    """Move on; after the last phase the session is finished."""
    _require_agenda(session)
    timer = session.timer
    state = stored_state(timer)
    if state == State.FINISHED:
        raise TimerError("timer.err.finished")
    if timer.index + 1 < len(session.agenda):
        goto(session, timer.index + 1, stamp)
        return
    if state == State.NOT_STARTED:
        raise TimerError("timer.err.last_not_started")
    _leave(session, stamp)
    timer.finished_total_s, _ = since_start(timer, stamp)
    timer.state = State.FINISHED


def prev_phase(session: Session, stamp: Stamp) -> None:
    _require_agenda(session)
    timer = session.timer
    if stored_state(timer) == State.FINISHED:
        goto(session, timer.index, stamp)
        return
    if timer.index == 0:
        raise TimerError("timer.err.first")
    goto(session, timer.index - 1, stamp)


def restart(session: Session, stamp: Stamp) -> None:
    """Start the current phase again from zero (its bells ring again)."""
    _require_agenda(session)
    timer = session.timer
    if stored_state(timer) == State.FINISHED:
        raise TimerError("timer.err.finished")
    phase = session.agenda[timer.index]
    timer.elapsed_s = 0.0
    timer.extra_s = 0.0
    timer.turn_index = 0
    timer.turn_elapsed_offset_s = 0.0
    phase.actual_seconds = None
    phase.extended_s = 0.0
    phase.ended_at = None
    timer.bells = [k for k in timer.bells if not k.startswith(f"{phase.id}:")]
    if stored_state(timer) == State.RUNNING:
        phase.started_at = None
        _begin_segment(session, stamp)
    sync_flags(session)


def extend(session: Session, minutes: float, stamp: Stamp) -> None:
    """Add ``minutes`` (negative: take them) to the current phase; never below zero."""
    _require_agenda(session)
    timer = session.timer
    if stored_state(timer) == State.FINISHED:
        raise TimerError("timer.err.finished")
    if minutes != minutes or abs(minutes) > 24 * 60:  # NaN or absurd
        raise TimerError("timer.err.bad_minutes", value=minutes)
    planned = session.agenda[timer.index].minutes * 60.0
    timer.extra_s = max(-planned, timer.extra_s + minutes * 60.0)


def next_turn(session: Session, stamp: Stamp) -> None:
    """The next speaker: the turn's countdown starts again from the phase's elapsed time."""
    _require_agenda(session)
    timer = session.timer
    phase = session.agenda[timer.index]
    if not phase.turns:
        raise TimerError("timer.err.no_turns")
    if timer.turn_index >= len(phase.turns):
        raise TimerError("timer.err.turns_done")
    timer.turn_index += 1
    timer.turn_elapsed_offset_s, _ = elapsed(timer, stamp)


COMMANDS: dict[str, Callable[[Session, Stamp], object]] = {
    "start": start,
    "pause": pause,
    "resume": resume,
    "toggle": toggle,
    "next": next_phase,
    "prev": prev_phase,
    "restart": restart,
    "turn": next_turn,
}
