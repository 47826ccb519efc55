"""``atelier import ideas|votes`` as ops (``sessions.core.ops``), like the app's changes.

The file is checked first (``parse_ideas`` / ``parse_votes``, in
``sessions.documents.imports``); the op carries what was read, so it declares
the few slots it fills - the new ideas, the voters' ballots - and an app open
on the session undoes only its own changes, never the import.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sessions.core.keyed import Key
from sessions.core.ops import Op
from sessions.documents.imports import BallotRow, IdeaLine, apply_ideas, apply_votes
from sessions.models import Session


@dataclass(frozen=True)
class ImportIdeas(Op):
    """The file's ideas with the next numbers (authors' rounds as at the table)."""

    name = "import.ideas"
    parts = frozenset({"ideas"})
    label_key = "import.undo.ideas"

    entries: tuple[IdeaLine, ...]
    now: datetime

    def keys(self, session: Session) -> Iterable[Key]:
        first = session.next_idea_number()
        return [("idea", number) for number in range(first, first + len(self.entries))]

    def run(self, session: Session) -> list[int]:
        return apply_ideas(session, list(self.entries), self.now)


@dataclass(frozen=True)
class ImportVotes(Op):
    """The file's ballots, each replacing that voter's; the vote switches to ballots."""

    name = "import.votes"
    parts = frozenset({"vote"})
    label_key = "import.undo.votes"

    rows: tuple[BallotRow, ...]

    def keys(self, session: Session) -> Iterable[Key]:
        return [("vote", "method"), *(("ballot", row.participant_id) for row in self.rows)]

    def run(self, session: Session) -> int:
        return apply_votes(session, list(self.rows))
