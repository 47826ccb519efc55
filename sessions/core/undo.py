"""Undo / redo (ctrl+z / ctrl+y) across the tour de table, the vote and the grid.

Each change recorded here is a ``Step`` (``sessions.core.ops``): the few keyed
slots the op changed, with their values before and after - an idea's few
hundred bytes, not a copy of the session. Undo puts those slots back only if
they still hold what the op left there: a change made since elsewhere (the
command line, another window) refuses the undo with a message instead of
being overwritten, and what others added stays. The undo runs as an op
through ``app.apply``, so it is saved like any change. The draft being typed
is never rolled back. The history lives in memory for the open session (a
reopened session starts with an empty history).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sessions.core import ops
from sessions.core.ops import Op, Step
from sessions.core.parts import recorded_fields
from sessions.models import Session

Move = tuple[Callable[[Session], None], str]  # the op that undoes (or redoes) a step, its label

LIMIT = 200

# The parts whose changes go on the undo history (``sessions.core.parts``).
PARTS = set(recorded_fields())


@dataclass(frozen=True)
class Snapshot:
    """The parts as JSON, compared byte for byte (tests: "nothing changed")."""

    label: str
    data: bytes


def snapshot(session: Session, label: str = "") -> Snapshot:
    return Snapshot(
        label=label, data=session.__pydantic_serializer__.to_json(session, include=PARTS)
    )


class UndoHistory:
    """Two stacks of steps; ``push`` records a change, ``undo_op``/``redo_op`` move."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self.undo_stack: list[Step] = []
        self.redo_stack: list[Step] = []

    def push(self, step: Step) -> None:
        """A change was applied; ``step`` undoes it. A change of nothing is not kept."""
        if not step.changes:
            return
        self.undo_stack.append(step)
        del self.undo_stack[: -self.limit]
        self.redo_stack.clear()

    @property
    def can_undo(self) -> bool:
        return bool(self.undo_stack)

    @property
    def can_redo(self) -> bool:
        return bool(self.redo_stack)

    def undo_op(
        self, session: Session | None = None
    ) -> tuple[Callable[[Session], None], str] | None:
        """The op undoing the last step, and its label; None when nothing to undo.

        The op raises ``UndoRefused`` (changing nothing) when a slot changed since.
        """
        if not self.undo_stack:
            return None
        step = self.undo_stack.pop()
        self.redo_stack.append(step)
        return (lambda s: ops.undo(s, step)), step.label()

    def redo_op(
        self, session: Session | None = None
    ) -> tuple[Callable[[Session], None], str] | None:
        if not self.redo_stack:
            return None
        step = self.redo_stack.pop()
        self.undo_stack.append(step)
        return (lambda s: ops.redo(s, step)), step.label()

    def cancel_last(self, to_redo: bool) -> None:
        """The undo (or redo) op could not be saved: put the stacks back as they were."""
        if to_redo and self.redo_stack:
            self.undo_stack.append(self.redo_stack.pop())
        elif not to_redo and self.undo_stack:
            self.redo_stack.append(self.undo_stack.pop())

    def drop_last(self, undone: bool) -> None:
        """The undo (or redo) was refused: its step no longer applies, forget it."""
        stack = self.redo_stack if undone else self.undo_stack
        if stack:
            stack.pop()

    @property
    def size(self) -> int:
        """Bytes held by the steps' values (the memory figure of the bench)."""
        return sum(step.size for step in (*self.undo_stack, *self.redo_stack))


def apply_recorded(
    history: UndoHistory,
    get_session: Callable[[], Session],
    apply: Callable[[Callable[[Session], Any]], Any],
    op: Op | Callable[[Session], Any],
    label: str = "",
) -> Any:
    """Run ``op`` through ``apply`` (the app's) and remember its step for undo.

    ``op`` is an ``Op`` (its declared slots are compared) or a bare function
    (every slot is, which is slower). ``apply`` may run it more than once: a
    save that finds the file written meanwhile re-reads it and applies the
    op again on top; the step kept is the one of the last run, the one saved.
    It returns None without running it when the session is read-only.
    """
    box: list[Step] = []

    def run(session: Session) -> Any:
        if isinstance(op, Op):
            applied = ops.apply(session, op)
        else:
            applied = ops.apply_function(session, op, label)
        box[:] = [applied.step]
        return applied.result

    result = apply(run)
    if box:
        history.push(box[0])
    return result
