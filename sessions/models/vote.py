"""The vote: its rule (point envelope or dots), show-of-hands tallies or per-participant ballots."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from sessions.core.limits import MAX_COUNT
from sessions.models.base import Count, Model, Number

# The dots each voter places in a dot vote (``rule == "dots"``): 1 at least.
Dots = Annotated[int, Field(ge=1, le=MAX_COUNT)]
DEFAULT_DOTS = 3


class HandTally(Model):
    """What the scribe typed for one item: each raised hand, or only a total."""

    hands: list[Count] = Field(default_factory=list)
    total: Count | None = None  # set when only a total was typed

    @property
    def points(self) -> int:
        return self.total if self.total is not None else sum(self.hands)


class VoteState(Model):
    # "envelope": 0-5 points per item within an envelope (fiches n°1/n°2);
    # "dots": ``per_person`` dots per voter, one per item unless ``stacking`` ([001]).
    rule: Literal["envelope", "dots"] = "envelope"
    per_person: Dots = DEFAULT_DOTS  # dots per voter (dot vote only)
    stacking: bool = False  # dot vote: several dots of one voter on one item
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
