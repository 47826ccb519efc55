"""Shared pydantic base: strict about unknown keys, lenient about defaults."""

from __future__ import annotations

import secrets
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field
from pydantic.fields import FieldInfo

from sessions.core.limits import MAX_COUNT, MAX_MINUTES, MAX_REVISION, MAX_SECONDS, MAX_YEAR

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


class TextMarker:
    """What a stored string holds, written in the model beside its type (``Annotated``)."""

    def __init__(self, kind: Literal["free", "code"]) -> None:
        self.kind = kind

    def __repr__(self) -> str:
        return f"TextMarker({self.kind!r})"


FREE_TEXT = TextMarker("free")
CODE = TextMarker("code")
# Text a person types, where a name may appear: scrubbed by ``--anonymous``.
FreeText = Annotated[str, FREE_TEXT]
# An identifier, a code or an enumeration kept as a string: never a name, left as it is.
Code = Annotated[str, CODE]


def text_kind(field: FieldInfo | Any) -> Literal["free", "code"] | None:
    """``"free"`` or ``"code"`` when a field (or a type) holds marked strings, else None.

    The marker is found wherever the type puts it: ``FreeText``, ``FreeText | None``,
    ``list[Code]``, ``dict[int, FreeText]``.
    """
    if isinstance(field, FieldInfo):
        for item in field.metadata:
            if isinstance(item, TextMarker):
                return item.kind
        return text_kind(field.annotation)
    if get_origin(field) is Annotated:
        for item in field.__metadata__:
            if isinstance(item, TextMarker):
                return item.kind
    return next((kind for arg in get_args(field) if (kind := text_kind(arg))), None)


class Model(BaseModel):
    """Base for every stored model: unknown keys are an error, assignments validate."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)


def short_id(prefix: str = "") -> str:
    """A short random identifier, e.g. ``p3f9a`` for a participant."""
    return prefix + secrets.token_hex(3)
