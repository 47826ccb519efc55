"""The point-envelope vote: show-of-hands tallies or per-participant ballots."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from sessions.models.base import Model


class HandTally(Model):
    """What the scribe typed for one item: each raised hand, or only a total."""

    hands: list[int] = Field(default_factory=list)
    total: int | None = None  # set when only a total was typed

    @property
    def points(self) -> int:
        return self.total if self.total is not None else sum(self.hands)


class VoteState(Model):
    method: Literal["hands", "ballots"] = "hands"
    envelope: int | None = None  # None: number of items // 2
    tallies: dict[int, HandTally] = Field(default_factory=dict)
    ballots: dict[str, dict[int, int]] = Field(default_factory=dict)
    reverse_order: bool = True
    blind: bool = False
    revealed: bool = False
    counted: bool = False  # the count is closed: items with 0 points are struck
