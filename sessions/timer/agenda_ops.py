"""The agenda editor's changes as ops (``sessions.core.ops``): phases, their script, re-budget.

Each wraps a function of ``sessions.agenda.plan`` (which keeps the rules) or
sets a phase's script: its notes (the guide's instructions, shown on F3, never
on the projector), its turns and its rotation. A phase is named by its id, so
the op still means the same phase after another one moved. Slots: the
phases' order, one phase, and the timer's index (kept on the same phase).
Undo (ctrl+z) puts back only those, and refuses when one changed since.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sessions.agenda import plan
from sessions.agenda.plan import PlanError
from sessions.agenda.turns_from import mark_edited
from sessions.core.keyed import AGENDA_ORDER, Key
from sessions.core.ops import Op
from sessions.core.text import clean_text
from sessions.models import Phase, PhaseKind, Rotation, Session, Turn

AGENDA = frozenset({"agenda"})
TIMER_INDEX: Key = ("timer", "index")


def phase_index(session: Session, phase_id: str) -> int:
    """Where the phase stands in the agenda; refused when it is gone (removed elsewhere)."""
    for index, phase in enumerate(session.agenda):
        if phase.id == phase_id:
            return index
    raise PlanError("script.err.phase_gone")


def phase_of(session: Session, phase_id: str) -> Phase:
    return session.agenda[phase_index(session, phase_id)]


@dataclass(frozen=True)
class AddPhase(Op):
    """``a`` in the agenda editor: a phase after the cursor (its id chosen by the screen)."""

    name = "agenda.add_phase"
    parts = AGENDA
    label_key = "script.undo.add"
    slots = (AGENDA_ORDER, TIMER_INDEX)  # the order before the phase: undo writes it last
    keyed_by = ("phase", "phase_id")

    phase_id: str
    at: int
    title: str
    minutes: float
    kind: PhaseKind = PhaseKind.PLENARY
    warn_minutes: float | None = None
    notes: str = ""

    def run(self, session: Session) -> Phase:
        if any(p.id == self.phase_id for p in session.agenda):
            raise PlanError("script.err.phase_gone")
        if self.warn_minutes is not None:
            plan.check_minutes(self.warn_minutes)
        phase = plan.add_phase(session, self.at, self.title, self.minutes, self.kind)
        phase.id = self.phase_id
        phase.warn_minutes = self.warn_minutes
        phase.notes = clean_text(self.notes, multiline=True)
        return phase


@dataclass(frozen=True)
class EditPhase(Op):
    """Enter in the agenda editor: the phase form's title, minutes, kind, warning and notes."""

    name = "agenda.edit_phase"
    parts = AGENDA
    label_key = "script.undo.edit"
    keyed_by = ("phase", "phase_id")

    phase_id: str
    title: str
    minutes: float
    kind: PhaseKind
    warn_minutes: float | None = None
    notes: str = ""

    def run(self, session: Session) -> None:
        index = phase_index(session, self.phase_id)
        plan.update_phase(session, index, self.title, self.minutes, self.kind, self.warn_minutes)
        session.agenda[index].notes = clean_text(self.notes, multiline=True)


@dataclass(frozen=True)
class RemovePhase(Op):
    name = "agenda.remove_phase"
    parts = AGENDA
    label_key = "script.undo.remove"
    slots = (AGENDA_ORDER, TIMER_INDEX)  # the order before the phase: undo writes it last
    keyed_by = ("phase", "phase_id")

    phase_id: str

    def run(self, session: Session) -> Phase:
        return plan.remove_phase(session, phase_index(session, self.phase_id))


@dataclass(frozen=True)
class MovePhase(Op):
    name = "agenda.move_phase"
    parts = AGENDA
    label_key = "script.undo.move"
    slots = (AGENDA_ORDER, TIMER_INDEX)

    phase_id: str
    delta: int

    def run(self, session: Session) -> int:
        return plan.move_phase(session, phase_index(session, self.phase_id), self.delta)


@dataclass(frozen=True)
class SetMinutes(Op):
    """The re-budget accepted (or edited): new planned minutes, phase by phase."""

    name = "agenda.set_minutes"
    parts = AGENDA
    label_key = "script.undo.rebudget"

    minutes: tuple[tuple[str, float], ...]  # (phase id, minutes)

    def keys(self, session: Session) -> Iterable[Key]:
        return [("phase", phase_id) for phase_id, _ in self.minutes]

    def run(self, session: Session) -> None:
        by_index = {phase_index(session, pid): value for pid, value in self.minutes}
        plan.apply_minutes(session, by_index)


@dataclass(frozen=True)
class SetTurns(Op):
    """A phase's speaker turns as typed (label, minutes; 0 minutes: an open turn).

    Turns written by hand are the facilitator's: the phase is flagged so that
    turns derived from the sheets never replace them.
    """

    name = "agenda.set_turns"
    parts = AGENDA
    label_key = "script.undo.turns"
    keyed_by = ("phase", "phase_id")

    phase_id: str
    turns: tuple[tuple[str, float], ...]

    def run(self, session: Session) -> None:
        phase = phase_of(session, self.phase_id)
        turns = []
        for label, minutes in self.turns:
            text = clean_text(label)
            if not text:
                raise PlanError("script.err.turn_label")
            turns.append(Turn(label=text, minutes=plan.check_minutes(minutes)))
        phase.turns = turns
        mark_edited(phase)  # the facilitator's turns: the sheets never replace them


@dataclass(frozen=True)
class SetRotation(Op):
    """A phase's table rotation: every N minutes, its label; None: no rotation."""

    name = "agenda.set_rotation"
    parts = AGENDA
    label_key = "script.undo.rotation"
    keyed_by = ("phase", "phase_id")

    phase_id: str
    every_minutes: float | None
    label: str = ""

    def run(self, session: Session) -> None:
        phase = phase_of(session, self.phase_id)
        if self.every_minutes is None:
            phase.rotation = None
            return
        every = plan.check_minutes(self.every_minutes)
        if every <= 0:
            raise PlanError("script.err.rotation_zero")
        phase.rotation = Rotation(every_minutes=every, label=clean_text(self.label))
