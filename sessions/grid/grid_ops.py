"""The grid's changes as ops (``sessions.core.ops``): items, positions, reasons.

Each wraps a function of ``sessions.grid.placement`` (the rules stay there).
"""

from __future__ import annotations

from dataclasses import dataclass

from sessions.core.keyed import GRID_ITEMS
from sessions.core.ops import Op
from sessions.grid import placement
from sessions.models import Session
from sessions.models.grid import Level

GRID = frozenset({"grid"})


@dataclass(frozen=True)
class AddItem(Op):
    name = "grid.add_item"
    parts = GRID
    label_key = "grid.undo.add"
    slots = (GRID_ITEMS,)
    label_fields = ("number",)

    number: int

    def run(self, session: Session) -> None:
        placement.add_item(session, self.number)


@dataclass(frozen=True)
class RemoveItem(AddItem):
    name = "grid.remove_item"
    label_key = "grid.undo.remove"

    def run(self, session: Session) -> None:
        placement.remove_item(session, self.number)


@dataclass(frozen=True)
class ResetItems(Op):
    name = "grid.reset_items"
    parts = GRID
    label_key = "grid.undo.reset"
    slots = (GRID_ITEMS,)

    def run(self, session: Session) -> None:
        placement.reset_items(session)


@dataclass(frozen=True)
class _OnPosition(Op):
    parts = GRID
    keyed_by = ("position", "number")
    label_fields = ("number",)

    number: int


@dataclass(frozen=True)
class CycleLevel(_OnPosition):
    """Move a position one column right (``step=1``) or left, wrapping."""

    name = "grid.cycle_level"
    label_key = "grid.undo.position"

    which: str = "present"
    step: int = 1

    def run(self, session: Session) -> Level:
        return placement.cycle_level(session, self.number, self.which, self.step)


@dataclass(frozen=True)
class ClearPosition(_OnPosition):
    """Unplace an item (today, and the horizon on the impact / mastery grid)."""

    name = "grid.clear_position"
    label_key = "grid.undo.position"

    def run(self, session: Session) -> None:
        placement.set_level(session, self.number, "present", None)
        if placement.has_future(session):
            placement.set_level(session, self.number, "future", None)


@dataclass(frozen=True)
class SetReason(_OnPosition):
    name = "grid.reason"
    label_key = "grid.undo.reason"

    reason: str = ""

    def run(self, session: Session) -> None:
        placement.set_reason(session, self.number, self.reason)
