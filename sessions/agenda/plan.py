"""Planning the agenda: warnings at planning time, the re-budget proposal, phase editing.

The guides' timekeeping advice [001, 003]: plan a script a little shorter
than the slot (something always eats time), and beyond 2 hours of collective
work attention drops. When the session runs late, ``propose_rebudget`` cuts
the phases still to come in proportion to their length, never below half of
what was planned nor below one minute, in whole minutes; nothing changes until
the facilitator accepts it (``apply_minutes``).

The editing operations keep the timer on the same phase (by id) when phases
are added, removed or moved.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from sessions.core.errors import DomainError
from sessions.core.numbers import NumberError, parse_decimal
from sessions.core.text import clean_text
from sessions.i18n import t
from sessions.i18n.formats import format_number
from sessions.models import Phase, PhaseKind, Session
from sessions.timer.position import Stamp, State, stored_state, view

# Plan at least this much shorter than the slot.
MARGIN_MINUTES = 5.0
# Beyond this much collective work, attention drops [001].
ATTENTION_MINUTES = 120.0
# A cut keeps at least this share of a phase, and at least one minute.
FLOOR_SHARE = 0.5
FLOOR_MINUTES = 1.0


class PlanError(DomainError):
    """An agenda change refused (no such phase, bad minutes...); translated when shown."""


@dataclass(frozen=True)
class PlanWarning:
    code: str  # over_slot | no_margin | too_long
    message: str


def planning_warnings(session: Session) -> list[PlanWarning]:
    """What the guides would warn about in this agenda."""
    total = session.planned_minutes
    found: list[PlanWarning] = []
    slot = session.slot_minutes
    if slot:
        if total > slot:
            over = t("plan.over_slot", total=_m(total), slot=_m(slot), over=_m(total - slot))
            found.append(PlanWarning("over_slot", over))
        elif slot - total < MARGIN_MINUTES:
            found.append(
                PlanWarning("no_margin", t("plan.no_margin", total=_m(total), slot=_m(slot)))
            )
    work = sum(p.minutes for p in session.agenda if p.kind != PhaseKind.BREAK)
    if work > ATTENTION_MINUTES:
        found.append(PlanWarning("too_long", t("plan.too_long", work=_m(work))))
    return found


def _m(minutes: float) -> str:
    return format_number(minutes)  # 7,5 in French


# -- re-budget -------------------------------------------------------------------


@dataclass(frozen=True)
class Cut:
    index: int
    title: str
    minutes: float
    proposed: float


@dataclass(frozen=True)
class Rebudget:
    late_s: float  # the drift the proposal tries to absorb
    cuts: list[Cut]

    @property
    def saved_minutes(self) -> float:
        return sum(c.minutes - c.proposed for c in self.cuts)

    @property
    def still_late_minutes(self) -> float:
        return max(0.0, self.late_s / 60 - self.saved_minutes)


def propose_rebudget(session: Session, stamp: Stamp) -> Rebudget | None:
    """A cut of the phases still to come that absorbs the drift; None when not late."""
    state = stored_state(session.timer)
    if state in (State.NOT_STARTED, State.FINISHED) or not session.agenda:
        return None
    current = view(session, stamp)
    late_minutes = math.ceil(current.drift_s / 60 - 1e-9)
    if current.phase is None or late_minutes <= 0:
        return None
    # Phases still to come; one already run (the facilitator went back) keeps its time.
    later = [
        (i, p)
        for i, p in enumerate(session.agenda)
        if i > current.phase.index and p.actual_seconds is None
    ]
    room = {i: max(0.0, p.minutes - _floor(p)) for i, p in later}
    total_room = sum(room.values())
    if total_room <= 0:
        return Rebudget(current.drift_s, [])
    target = min(float(late_minutes), total_room)
    cuts = _spread(target, room)
    return Rebudget(
        current.drift_s,
        [Cut(i, p.title, p.minutes, p.minutes - cuts[i]) for i, p in later if cuts.get(i, 0) > 0],
    )


def _floor(phase: Phase) -> float:
    return min(phase.minutes, max(FLOOR_MINUTES, math.ceil(phase.minutes * FLOOR_SHARE)))


def _spread(target: float, room: dict[int, float]) -> dict[int, float]:
    """Whole-minute cuts summing to ``target``, in proportion to each phase's room."""
    total = sum(room.values())
    raw = {i: target * r / total for i, r in room.items()}
    cuts = {i: min(room[i], math.floor(v)) for i, v in raw.items()}
    short = round(target - sum(cuts.values()))
    # Largest remainders first get the minutes still to cut.
    for i in sorted(raw, key=lambda i: raw[i] - cuts[i], reverse=True):
        if short <= 0:
            break
        if cuts[i] + 1 <= room[i]:
            cuts[i] += 1
            short -= 1
    return cuts


def apply_minutes(session: Session, minutes: dict[int, float]) -> None:
    """Set new planned minutes (the accepted or edited re-budget)."""
    for index, value in minutes.items():
        if not 0 <= index < len(session.agenda):
            raise PlanError("timer.err.no_phase", n=index + 1, total=len(session.agenda))
        check_minutes(value)
    for index, value in minutes.items():
        session.agenda[index].minutes = value


def check_minutes(value: float) -> float:
    if not math.isfinite(value) or value < 0 or value > 24 * 60:
        raise PlanError("plan.bad_minutes", value=value)
    return value


def parse_minutes(text: str) -> float:
    """Minutes typed by a person: ``12``, ``7.5`` or ``7,5``."""
    try:
        value = parse_decimal(text)  # digits 0-9 only: float() takes "١٢", "1e3", "1_0"
    except NumberError as exc:
        raise PlanError("plan.bad_minutes", because=exc, value=text.strip()) from None
    return check_minutes(value)


# -- editing ---------------------------------------------------------------------


def _keep_current(session: Session, edit: Callable[[], object]) -> None:
    """Run ``edit`` and point the timer at the same phase as before."""
    current_id = session.agenda[session.timer.index].id if session.agenda else None
    edit()
    ids = [p.id for p in session.agenda]
    if current_id in ids:
        session.timer.index = ids.index(current_id)
    else:
        session.timer.index = min(session.timer.index, max(0, len(ids) - 1))


def add_phase(
    session: Session, at: int, title: str, minutes: float, kind: PhaseKind = PhaseKind.PLENARY
) -> Phase:
    title = clean_text(title)
    if not title:
        raise PlanError("plan.empty_title")
    phase = Phase(title=title, minutes=check_minutes(minutes), kind=kind)
    at = min(max(at, 0), len(session.agenda))
    _keep_current(session, lambda: session.agenda.insert(at, phase))
    return phase


def remove_phase(session: Session, index: int) -> Phase:
    if not 0 <= index < len(session.agenda):
        raise PlanError("timer.err.no_phase", n=index + 1, total=len(session.agenda))
    started = stored_state(session.timer) != State.NOT_STARTED
    if started and index == session.timer.index:
        raise PlanError("plan.remove_current")
    if len(session.agenda) == 1:
        raise PlanError("plan.remove_last")
    removed = session.agenda[index]
    _keep_current(session, lambda: session.agenda.pop(index))
    return removed


def move_phase(session: Session, index: int, delta: int) -> int:
    """Move a phase up (delta < 0) or down; returns its new index."""
    target = index + delta
    if not (0 <= index < len(session.agenda) and 0 <= target < len(session.agenda)):
        return index

    def swap() -> None:
        agenda = session.agenda
        agenda[index], agenda[target] = agenda[target], agenda[index]

    _keep_current(session, swap)
    return target


def update_phase(
    session: Session,
    index: int,
    title: str,
    minutes: float,
    kind: PhaseKind,
    warn_minutes: float | None = None,
) -> None:
    if not 0 <= index < len(session.agenda):
        raise PlanError("timer.err.no_phase", n=index + 1, total=len(session.agenda))
    title = clean_text(title)
    if not title:
        raise PlanError("plan.empty_title")
    check_minutes(minutes)
    if warn_minutes is not None:
        check_minutes(warn_minutes)
    phase = session.agenda[index]
    phase.title = title
    phase.minutes = minutes
    phase.kind = kind
    phase.warn_minutes = warn_minutes
