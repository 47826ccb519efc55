"""Changes to the participants as ops (``sessions.core.ops``).

Each wraps a function of ``sessions.people.roster`` (the rules stay there). A
change of the roster may move the turn (``_keeping_the_turn``): its slots are
the list and the turn cursor.
"""

from __future__ import annotations

from dataclasses import dataclass

from sessions.core.keyed import CURSOR, PARTICIPANTS
from sessions.core.ops import Op
from sessions.models import Participant, Session
from sessions.people import roster

PEOPLE = frozenset({"participants", "capture"})


@dataclass(frozen=True)
class _RosterOp(Op):
    parts = PEOPLE
    slots = (PARTICIPANTS, *CURSOR)


@dataclass(frozen=True)
class AddPeople(_RosterOp):
    """Append participants (each with its id: the op is the same wherever replayed)."""

    name = "people.add"
    label_key = "people.undo.add"

    people: tuple[Participant, ...] = ()

    def run(self, session: Session) -> int:
        return roster.add_people(session, [p.model_copy() for p in self.people])


@dataclass(frozen=True)
class MovePerson(_RosterOp):
    name = "people.move"
    label_key = "people.undo.move"

    participant_id: str = ""
    delta: int = 0

    def run(self, session: Session) -> None:
        roster.move(session, self.participant_id, self.delta)


@dataclass(frozen=True)
class SetPresent(_RosterOp):
    name = "people.present"
    label_key = "people.undo.present"

    participant_id: str = ""
    present: bool = True

    def run(self, session: Session) -> None:
        roster.set_present(session, self.participant_id, self.present)


@dataclass(frozen=True)
class SetGroup(_RosterOp):
    name = "people.group"
    label_key = "people.undo.group"

    participant_id: str = ""
    group: str = ""

    def run(self, session: Session) -> None:
        roster.set_group(session, self.participant_id, self.group)


@dataclass(frozen=True)
class Rename(_RosterOp):
    name = "people.rename"
    label_key = "people.undo.rename"

    participant_id: str = ""
    line: str = ""

    def run(self, session: Session) -> None:
        roster.rename(session, self.participant_id, self.line)


@dataclass(frozen=True)
class RemovePerson(_RosterOp):
    name = "people.remove"
    label_key = "people.undo.remove"

    participant_id: str = ""

    def run(self, session: Session) -> None:
        roster.remove(session, self.participant_id)
