"""Marks on stored strings: free text a person types (a name may be in it) or a code.

Written in the models beside the type (``title: FreeText``, ``id: Code``), read by
``sessions.documents.anonymize`` to scrub names from every free-text field of every
part without a hand-written walk. No import of ``sessions.models``: a part's model
that the session imports (``sessions.sheets.model``) can use them too.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic.fields import FieldInfo


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
