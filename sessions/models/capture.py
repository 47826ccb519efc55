"""State of the tour de table: the question, the rounds and who spoke when."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from sessions.models.base import Model


class TurnRecord(Model):
    """One participant's turn: an idea given or a pass."""

    participant_id: str
    round: int
    idea_number: int | None = None  # None: a pass
    started_at: datetime | None = None
    ended_at: datetime | None = None


class CaptureState(Model):
    question: str = ""
    rounds: int = Field(default=3, ge=1)
    current_round: int = 1
    current_index: int = 0
    turns: list[TurnRecord] = Field(default_factory=list)
    draft: str = ""
    # When the current participant's turn began (set each time the turn moves).
    turn_started_at: datetime | None = None
