"""The stored enjeu: a number, its question, and the items of earlier sessions it came from.

Its own tiny pydantic base (like ``sessions.sheets.model``): the session model
imports this module, so it must not import ``sessions.models``.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from sessions.core.limits import MAX_COUNT
from sessions.core.marks import Code, FreeText

Number = Annotated[int, Field(ge=1, le=MAX_COUNT)]


class Source(BaseModel):
    """An item of an earlier session: its session id, the item's number there, its title."""

    model_config = ConfigDict(extra="forbid")

    session: Code = Field(pattern=r"^[0-9a-z][0-9a-z_-]{0,63}$")
    item: Number
    title: FreeText = ""  # the session's title when taken (how the group names it); schema 11


class Enjeu(BaseModel):
    """One enjeu, worded as a question; ``sources`` empty when it was typed or imported."""

    model_config = ConfigDict(extra="forbid")

    number: Number
    text: FreeText = Field(min_length=1)
    sources: list[Source] = Field(default_factory=list)
