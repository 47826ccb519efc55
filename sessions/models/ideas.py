"""Ideas captured during the tour de table. Numbers are stable forever."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import Field

from sessions.models.base import Code, FreeText, Model, Number


class IdeaStatus(StrEnum):
    ACTIVE = "active"
    STRUCK = "struck"
    MERGED = "merged"
    DELETED = "deleted"


class IdeaRevision(Model):
    """A previous wording of an idea, kept when it is reformulated."""

    text: FreeText
    at: datetime


class Idea(Model):
    """One item: a short formulation with its stable number."""

    number: Number
    text: FreeText
    author_id: Code | None = None
    round: Number | None = None
    created_at: datetime
    description: FreeText = ""
    history: list[IdeaRevision] = Field(default_factory=list)
    deleted: bool = False
    duplicate_of: Number | None = None
    merged_into: Number | None = None
    merged_from: list[Number] = Field(default_factory=list)
    # Typed after the count was closed and recorded outside the vote (never an item).
    late: bool = False
