"""Shared pydantic base: strict about unknown keys, lenient about defaults."""

from __future__ import annotations

import secrets
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from sessions.core.limits import MAX_COUNT, MAX_MINUTES, MAX_REVISION, MAX_SECONDS, MAX_YEAR

# The marks on stored strings, for the models to import from here.
from sessions.core.marks import CODE, FREE_TEXT, Code, FreeText, TextMarker, text_kind  # noqa: F401

# The numbers a file may hold: finite (``Infinity`` would be saved as ``null``)
# and within ``sessions.core.limits``; a file outside them is refused on loading,
# with the field's name.
Minutes = Annotated[float, Field(ge=0, le=MAX_MINUTES, allow_inf_nan=False)]
Seconds = Annotated[float, Field(ge=0, le=MAX_SECONDS, allow_inf_nan=False)]
SignedSeconds = Annotated[float, Field(ge=-MAX_SECONDS, le=MAX_SECONDS, allow_inf_nan=False)]
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
Number = Annotated[int, Field(ge=1, le=MAX_COUNT)]  # an idea's number, a round
Year = Annotated[int, Field(ge=1, le=MAX_YEAR + 100)]
Revision = Annotated[int, Field(ge=0, le=MAX_REVISION)]  # +1 on every save


class Model(BaseModel):
    """Base for every stored model: unknown keys are an error, assignments validate."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)


def short_id(prefix: str = "") -> str:
    """A short random identifier, e.g. ``p3f9a`` for a participant."""
    return prefix + secrets.token_hex(3)
