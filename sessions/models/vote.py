"""The point-envelope vote: show-of-hands tallies or per-participant ballots."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from sessions.models.base import Count, Model, Number


class HandTally(Model):
    """What the scribe typed for one item: each raised hand, or only a total."""

    hands: list[Count] = Field(default_factory=list)
    total: Count | None = None  # set when only a total was typed

    @property
    def points(self) -> int:
        return self.total if self.total is not None else sum(self.hands)


class VoteState(Model):
    method: Literal["hands", "ballots"] = "hands"
    envelope: Count | None = None  # None: number of items // 2
    tallies: dict[Number, HandTally] = Field(default_factory=dict)
    ballots: dict[str, dict[Number, Count]] = Field(default_factory=dict)
    reverse_order: bool = True
    blind: bool = False
    revealed: bool = False
    counted: bool = False  # the count is closed: items with 0 points are struck
    # The envelope in force when the count was closed: frozen while it stays closed.
    envelope_at_close: Count | None = None
