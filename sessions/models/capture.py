"""State of the tour de table: the question, the rounds and who spoke when."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from sessions.models.base import Code, Count, FreeText, Model, Number


class TurnRecord(Model):
    """One participant's turn: an idea given or a pass."""

    participant_id: Code
    round: Number
    idea_number: Number | None = None  # None: a pass
    started_at: datetime | None = None
    ended_at: datetime | None = None


class CaptureState(Model):
    question: FreeText = ""
    rounds: Number = 3
    current_round: Count = 1
    current_index: Count = 0
    turns: list[TurnRecord] = Field(default_factory=list)
    draft: FreeText = ""
    # When the current participant's turn began (set each time the turn moves).
    turn_started_at: datetime | None = None
