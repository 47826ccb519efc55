"""The vote rule's changes as ops (``sessions.core.ops``): F5's ctrl+g and ctrl+e.

The rules stay in ``sessions.vote.dots``; these say which slots they touch
(the vote's ``rule``, ``per_person`` and ``stacking`` fields), so their undo
is those three fields and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

from sessions.core.keyed import Key
from sessions.core.ops import Op
from sessions.models import Session
from sessions.vote import dots

VOTE = frozenset({"vote"})
RULE_SLOTS: tuple[Key, ...] = (("vote", "rule"), ("vote", "per_person"), ("vote", "stacking"))


@dataclass(frozen=True)
class NextRule(Op):
    """Envelope -> dots -> dots with stacking -> envelope, before counting."""

    name = "vote.next_rule"
    parts = VOTE
    label_key = "dots.undo.rule"
    slots = RULE_SLOTS

    def run(self, session: Session) -> None:
        dots.next_rule(session)


@dataclass(frozen=True)
class SetDots(Op):
    """The dots per person of a dot vote (None: 3), before counting."""

    name = "vote.dots"
    parts = VOTE
    label_key = "dots.undo.per_person"
    slots = RULE_SLOTS

    value: int | None

    def run(self, session: Session) -> None:
        dots.set_per_person(session, self.value)
