"""The tour de table's changes as ops (``sessions.core.ops``): F4's Enter, pass, edits.

Each wraps a function of ``sessions.capture.tour``, which keeps the rules;
the op names the change, carries its time and says which slots it touches.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sessions.capture import tour
from sessions.core.keyed import CURSOR, Key
from sessions.core.ops import Op
from sessions.models import Idea, Participant, Session
from sessions.vote import envelope as vote

IDEAS = frozenset({"ideas"})
TOUR = frozenset({"capture"})


def _turn_slots(session: Session) -> list[Key]:
    """The next turn's slot and the turn cursor: what a turn given or passed changes."""
    return [("turn", len(session.capture.turns)), *CURSOR]


@dataclass(frozen=True)
class GiveIdea(Op):
    """Enter in F4: the current participant's idea (a free entry with ``free``).

    ``late``: the count is closed and the idea stays outside the vote;
    ``reopen``: the count is reopened first and the idea goes into the vote.
    """

    name = "capture.give_idea"
    parts = frozenset({"ideas", "capture", "vote"})

    text: str
    now: datetime
    free: bool = False
    late: bool = False
    reopen: bool = False

    def keys(self, session: Session) -> Iterable[Key]:
        yield ("idea", tour.next_idea_number(session))
        if not self.free:
            yield from _turn_slots(session)
        if self.reopen:
            yield from (("vote", "counted"), ("vote", "envelope_at_close"))

    def run(self, session: Session) -> Idea:
        if self.reopen:
            vote.close_count(session, False)
        if self.free:
            idea = tour.add_idea(session, self.text, self.now, late=self.late)
            session.capture.draft = ""
            return idea
        return tour.give_idea(session, self.text, self.now, late=self.late)

    @property  # type: ignore[override]
    def label_key(self) -> str:  # the undo label says which kind of idea
        if self.late:
            return "capture.undo.late"
        return "capture.undo.reopen" if self.reopen else "capture.undo.idea"


@dataclass(frozen=True)
class PassTurn(Op):
    name = "capture.pass"
    parts = TOUR
    label_key = "capture.undo.pass"

    now: datetime

    def keys(self, session: Session) -> Iterable[Key]:
        return _turn_slots(session)

    def run(self, session: Session) -> Participant:
        return tour.pass_turn(session, self.now)


@dataclass(frozen=True)
class SkipTo(Op):
    name = "capture.skip_to"
    parts = TOUR
    label_key = "capture.undo.pass"
    slots = CURSOR

    participant_id: str
    now: datetime

    def run(self, session: Session) -> None:
        tour.skip_to(session, self.participant_id, self.now)


@dataclass(frozen=True)
class RestartRounds(Op):
    name = "capture.restart_rounds"
    parts = TOUR
    label_key = "capture.undo.rounds"
    slots = CURSOR

    now: datetime

    def run(self, session: Session) -> None:
        tour.restart_rounds(session, self.now)


@dataclass(frozen=True)
class SetRounds(Op):
    name = "capture.set_rounds"
    parts = TOUR
    label_key = "capture.undo.rounds"
    slots = (("capture", "rounds"),)

    rounds: int

    def run(self, session: Session) -> None:
        tour.set_rounds(session, self.rounds)


@dataclass(frozen=True)
class SetQuestion(Op):
    name = "capture.set_question"
    parts = TOUR
    label_key = "capture.undo.question"
    slots = (("capture", "question"),)

    text: str

    def run(self, session: Session) -> None:
        tour.set_question(session, self.text)


@dataclass(frozen=True)
class SetDraft(Op):
    """Text typed and not submitted (saved, never undone: no slot)."""

    name = "capture.set_draft"
    parts = TOUR

    text: str

    def keys(self, session: Session) -> Iterable[Key]:
        return []  # no slot at all (empty ``slots`` means "not declared" and is refused)

    def run(self, session: Session) -> None:
        tour.set_draft(session, self.text)


@dataclass(frozen=True)
class _OnIdea(Op):
    """An op on one idea, named by its number."""

    parts = IDEAS
    keyed_by = ("idea", "number")
    label_fields = ("number",)

    number: int


@dataclass(frozen=True)
class Reformulate(_OnIdea):
    name = "capture.reformulate"
    label_key = "capture.undo.edit"

    text: str = ""
    now: datetime | None = None

    def run(self, session: Session) -> Idea:
        assert self.now is not None
        return tour.reformulate(session, self.number, self.text, self.now)


@dataclass(frozen=True)
class SetDescription(_OnIdea):
    name = "capture.set_description"
    label_key = "describe.undo"

    text: str = ""

    def run(self, session: Session) -> Idea:
        return tour.set_description(session, self.number, self.text)


@dataclass(frozen=True)
class SetAuthor(_OnIdea):
    name = "capture.set_author"
    label_key = "capture.undo.edit"

    author_id: str | None = None

    def run(self, session: Session) -> None:
        tour.set_author(session, self.number, self.author_id)


@dataclass(frozen=True)
class DeleteIdea(_OnIdea):
    name = "capture.delete"
    label_key = "capture.undo.delete"

    def run(self, session: Session) -> None:
        tour.delete_idea(session, self.number)


@dataclass(frozen=True)
class RestoreIdea(_OnIdea):
    name = "capture.restore"
    label_key = "capture.undo.restore"

    def run(self, session: Session) -> None:
        tour.restore_idea(session, self.number)


@dataclass(frozen=True)
class MarkDuplicate(_OnIdea):
    name = "capture.duplicate_of"
    label_key = "capture.undo.duplicate"

    of: int | None = None

    def run(self, session: Session) -> None:
        tour.mark_duplicate(session, self.number, self.of)
