"""F4's counts per participant, kept between two Enters instead of counted again.

``tour.stats`` walks every idea and every turn: at 1,000 ideas that was a
walk of the whole session on each Enter, to add one idea to one person.
``Tally.stats(session, appended=True)`` says "only ideas and turns were added
at the end since the last call" (the scribe's own Enter): those alone are
counted. Any other change (a deletion, an undo, a rename, another session, a
file read again) is counted in full: the caller passes ``appended=False``.
The figures are those of ``tour.stats`` in every case.
"""

from __future__ import annotations

from sessions.capture.tour import ParticipantStats
from sessions.models import Session


class Tally:
    """Ideas, passes and seconds per participant id, and how much of the session they hold."""

    def __init__(self) -> None:
        self._session: Session | None = None
        self._ideas_seen = 0  # ideas and turns counted so far, from the start of their lists
        self._turns_seen = 0
        self._ideas: dict[str, int] = {}
        self._passes: dict[str, int] = {}
        self._seconds: dict[str, float] = {}

    def stats(self, session: Session, appended: bool = False) -> list[ParticipantStats]:
        """``tour.stats(session)``; ``appended``: only ideas and turns were added at the end."""
        ideas, turns = session.ideas, session.capture.turns
        if not (
            appended
            and session is self._session
            and len(ideas) >= self._ideas_seen
            and len(turns) >= self._turns_seen
        ):
            self._session = session
            self._ideas_seen = self._turns_seen = 0
            self._ideas, self._passes, self._seconds = {}, {}, {}
        self._count(session)
        return [
            ParticipantStats(
                p, self._ideas.get(p.id, 0), self._passes.get(p.id, 0), self._seconds.get(p.id, 0.0)
            )
            for p in session.participants
        ]

    def _count(self, session: Session) -> None:
        ideas, passes, seconds = self._ideas, self._passes, self._seconds
        for idea in session.ideas[self._ideas_seen :]:
            if idea.author_id and not idea.deleted:
                ideas[idea.author_id] = ideas.get(idea.author_id, 0) + 1
        for turn in session.capture.turns[self._turns_seen :]:
            if turn.idea_number is None:
                passes[turn.participant_id] = passes.get(turn.participant_id, 0) + 1
            if turn.started_at and turn.ended_at:
                spent = max((turn.ended_at - turn.started_at).total_seconds(), 0.0)
                seconds[turn.participant_id] = seconds.get(turn.participant_id, 0.0) + spent
        self._ideas_seen = len(session.ideas)
        self._turns_seen = len(session.capture.turns)
