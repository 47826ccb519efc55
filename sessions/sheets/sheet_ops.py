"""Changes to the sheets as ops (``sessions.core.ops``): named, frozen, undone slot by slot.

Each wraps a function of ``sessions.sheets.ops`` (the rules stay there). Its
slots are the sheets it changes (``("sheet", n)``) and, when it adds or moves
one, their order (``("sheets", "order")``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sessions.core.keyed import SHEETS_ORDER, Key
from sessions.core.ops import Op
from sessions.models import Session
from sessions.sheets import ops
from sessions.sheets.model import Sheet

SHEETS = frozenset({"sheets"})


@dataclass(frozen=True)
class _SheetOp(Op):
    parts = SHEETS
    keyed_by = ("sheet", "number")
    label_fields = ("number",)

    number: int = 0


@dataclass(frozen=True)
class AddSheet(Op):
    """A new sheet of ``kind`` at the end, with the next number (and optional values)."""

    name = "sheets.add"
    label_key = "sheets.undo.add"
    parts = SHEETS

    kind: str = "action"
    title: str = ""
    fields: tuple[tuple[str, Any], ...] = ()
    items: tuple[int, ...] = ()

    def keys(self, session: Session) -> Iterable[Key]:
        return [SHEETS_ORDER, ("sheet", ops.next_number(session))]

    def run(self, session: Session) -> Sheet:
        return ops.add(session, self.kind, self.title, dict(self.fields), list(self.items))


@dataclass(frozen=True)
class AddFilledSheet(AddSheet):
    """The form of a new sheet saved: the sheet is added only now, with its values,
    checked as ``FillSheet`` checks them (a form cancelled leaves nothing)."""

    name = "sheets.add_filled"

    def run(self, session: Session) -> Sheet:
        sheet = super().run(session)
        if sheet.kind == "chantier":  # the guide's rules per enjeu, as when filled
            from sessions.enjeux.chantiers import check_chantiers

            check_chantiers(session)
        return sheet


@dataclass(frozen=True)
class FillSheet(_SheetOp):
    """The form's values: title, linked items and every field (an empty one is cleared)."""

    name = "sheets.fill"
    label_key = "sheets.undo.fill"

    title: str = ""
    items: tuple[int, ...] = ()
    fields: tuple[tuple[str, Any], ...] = ()

    def run(self, session: Session) -> Sheet:
        ops.set_title(session, self.number, self.title)
        ops.set_items(session, self.number, list(self.items))
        for key, raw in self.fields:
            ops.set_field(session, self.number, key, raw)
        sheet = ops.find(session, self.number)
        if sheet.kind == "chantier":  # the guide's rules per enjeu (a 2nd inconnu désirable...)
            from sessions.enjeux.chantiers import check_chantiers

            check_chantiers(session)
        return sheet


@dataclass(frozen=True)
class MoveSheet(_SheetOp):
    name = "sheets.move"
    label_key = "sheets.undo.move"
    slots = (SHEETS_ORDER,)
    keyed_by = None  # the order only: the sheet itself does not change

    delta: int = 0

    def run(self, session: Session) -> None:
        ops.move(session, self.number, self.delta)


@dataclass(frozen=True)
class DeleteSheet(_SheetOp):
    """Delete a sheet (kept as deleted: its number is never given again)."""

    name = "sheets.delete"
    label_key = "sheets.undo.delete"

    def run(self, session: Session) -> Sheet:
        return ops.delete(session, self.number)


@dataclass(frozen=True)
class BecomeAction(_SheetOp):
    """A new sheet of the kind this one becomes (a solution's action), its fields carried over."""

    name = "sheets.become"
    label_key = "sheets.undo.become"

    def keys(self, session: Session) -> Iterable[Key]:
        return [SHEETS_ORDER, ("sheet", ops.next_number(session))]

    def run(self, session: Session) -> Sheet:
        return ops.become(session, self.number)
