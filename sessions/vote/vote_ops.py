"""The vote's changes as ops (``sessions.core.ops``): hands, ballots, count, merges.

Each wraps a function of ``sessions.vote.envelope`` (the rules stay there)
and says which slots it touches, so its undo is a few keyed slots. The
command line (``atelier vote``) applies the same ops with ``strict=True``: the
refusals a script is told about (``sessions.vote.ops``: closing a closed count,
merging before the count is closed...) come first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sessions.core.keyed import Key
from sessions.core.ops import Op
from sessions.models import HandTally, Session
from sessions.vote import envelope as v
from sessions.vote import ops as commands
from sessions.vote.dots_ops import RULE_SLOTS

VOTE = frozenset({"vote"})


@dataclass(frozen=True)
class EnterHands(Op):
    """The raised fingers typed for one item (Enter alone: no hand, 0 points)."""

    name = "vote.hands"
    parts = VOTE
    label_key = "vote.undo.hands"
    keyed_by = ("tally", "number")
    label_fields = ("number",)

    number: int
    text: str

    def run(self, session: Session) -> HandTally:
        return v.enter_hands(session, self.number, self.text)


@dataclass(frozen=True)
class SetBallot(Op):
    name = "vote.ballot"
    parts = VOTE
    label_key = "vote.undo.ballot"
    keyed_by = ("ballot", "participant_id")
    label_fields = ("number",)

    participant_id: str
    number: int
    value: int

    def run(self, session: Session) -> None:
        v.set_ballot(session, self.participant_id, self.number, self.value)


@dataclass(frozen=True)
class SetMethod(Op):
    name = "vote.method"
    parts = VOTE
    label_key = "vote.undo.method"
    slots = (("vote", "method"),)

    method: str

    def run(self, session: Session) -> None:
        v.set_method(session, self.method)


@dataclass(frozen=True)
class ToggleReadingOrder(Op):
    name = "vote.reading_order"
    parts = VOTE
    label_key = "vote.undo.order"
    slots = (("vote", "reverse_order"),)

    def run(self, session: Session) -> None:
        v.toggle_reading_order(session)


@dataclass(frozen=True)
class SetEnvelope(Op):
    name = "vote.envelope"
    parts = VOTE
    label_key = "vote.undo.envelope"
    slots = (("vote", "envelope"),)

    value: int | None

    def run(self, session: Session) -> None:
        v.set_envelope(session, self.value)


@dataclass(frozen=True)
class CloseCount(Op):
    """Close the count (0-point items struck) or, with ``closed=False``, reopen it."""

    name = "vote.close_count"
    parts = VOTE
    label_key = "vote.undo.count"
    slots = (("vote", "counted"), ("vote", "envelope_at_close"))

    closed: bool = True
    strict: bool = False  # refuse a count already so (or without items); close: items struck

    def run(self, session: Session) -> int | None:
        if self.strict:
            return commands.close(session) if self.closed else commands.reopen(session)
        v.close_count(session, self.closed)
        return None


@dataclass(frozen=True)
class SetBlind(Op):
    name = "vote.blind"
    parts = VOTE
    label_key = "vote.undo.blind"
    slots = (("vote", "blind"), ("vote", "revealed"))

    blind: bool

    def run(self, session: Session) -> None:
        v.set_blind(session, self.blind)


@dataclass(frozen=True)
class Reveal(Op):
    """Show the ranking (F12); saved, and undone like any change when recorded."""

    name = "vote.reveal"
    parts = VOTE
    label_key = "vote.undo.reveal"
    slots = (("vote", "revealed"),)

    revealed: bool = True
    strict: bool = False  # refuse before the count is closed, or when already revealed

    def run(self, session: Session) -> None:
        if self.strict and self.revealed:
            commands.reveal(session)
        else:
            v.reveal(session, self.revealed)


def _group(session: Session, number: int) -> list[Key]:
    """An item, the item it is merged into and the items merged into it."""
    idea = session.idea(number)
    if idea is None:
        return [("idea", number)]
    related = [number, *idea.merged_from]
    if idea.merged_into is not None:
        related.append(idea.merged_into)
    return [("idea", n) for n in related]


@dataclass(frozen=True)
class Merge(Op):
    """Merge items by consensus into the lowest number (the survivor)."""

    name = "vote.merge"
    parts = frozenset({"ideas"})
    label_key = "vote.undo.merge"

    numbers: tuple[int, ...]
    strict: bool = False  # refuse before the count is closed

    def keys(self, session: Session) -> Iterable[Key]:
        for number in self.numbers:
            yield from _group(session, number)

    def run(self, session: Session) -> int:
        if self.strict:
            return commands.merge(session, list(self.numbers))
        return v.merge(session, list(self.numbers))


@dataclass(frozen=True)
class Unmerge(Op):
    name = "vote.unmerge"
    parts = frozenset({"ideas"})
    label_key = "vote.undo.unmerge"

    number: int

    def keys(self, session: Session) -> Iterable[Key]:
        return _group(session, self.number)

    def run(self, session: Session) -> list[int]:
        return v.unmerge(session, self.number)


@dataclass(frozen=True)
class SetRule(Op):
    """``atelier vote SESSION dots [N] [--stacking]`` / ``envelope [N]``, before counting.

    Returns the rule in words (``sessions.vote.ops.set_rule``).
    """

    name = "vote.rule"
    parts = VOTE
    label_key = "dots.undo.rule"
    slots = (*RULE_SLOTS, ("vote", "envelope"))

    rule: str
    count: int | None = None
    stacking: bool = False

    def run(self, session: Session) -> str:
        return commands.set_rule(session, self.rule, self.count, self.stacking)
