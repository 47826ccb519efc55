"""Pydantic models of a workshop session, re-exported from their modules."""

from sessions.models.agenda import Phase, PhaseKind, Rotation, TimerState, Turn
from sessions.models.capture import CaptureState, TurnRecord
from sessions.models.grid import GridKind, GridPosition, GridState, Level
from sessions.models.ideas import Idea, IdeaRevision, IdeaStatus
from sessions.models.people import Participant, Roles
from sessions.models.session import SCHEMA_VERSION, Session, new_id
from sessions.models.vote import HandTally, VoteState

__all__ = [
    "SCHEMA_VERSION",
    "CaptureState",
    "GridKind",
    "GridPosition",
    "GridState",
    "HandTally",
    "Idea",
    "IdeaRevision",
    "IdeaStatus",
    "Level",
    "Participant",
    "Phase",
    "PhaseKind",
    "Roles",
    "Rotation",
    "Session",
    "TimerState",
    "Turn",
    "TurnRecord",
    "VoteState",
    "new_id",
]
