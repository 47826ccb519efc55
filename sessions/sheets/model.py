"""The stored sheet: its kind, a stable number, a title, its fields by key, linked items.

Its own tiny pydantic base (same rules as ``sessions.models.base``): the
session model imports this module, so it must not import ``sessions.models``.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from sessions.core.limits import MAX_COUNT
from sessions.core.marks import FREE_TEXT, Code, FreeText

Number = Annotated[int, Field(ge=1, le=MAX_COUNT)]
Amount = Annotated[float, Field(ge=0, le=1e15, allow_inf_nan=False)]
Cell = int | Amount | str
TableRows = list[dict[str, Cell]]  # rows added freely
FixedRows = dict[str, dict[str, Cell]]  # fixed rows, by row key
FieldValue = bool | str | list[str] | TableRows | FixedRows


class Sheet(BaseModel):
    """One sheet (fiche): ``fields`` holds only the filled fields, by the kind's keys."""

    model_config = ConfigDict(extra="forbid")

    kind: Code
    number: Number
    title: FreeText = ""
    # Every string in the fields is typed by people: free text for --anonymous.
    fields: Annotated[dict[str, FieldValue], FREE_TEXT] = Field(default_factory=dict)
    items: list[Number] = Field(default_factory=list)
    deleted: bool = False  # kept, so that its number is never given again (like an idea's)
