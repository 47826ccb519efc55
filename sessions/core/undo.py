"""Undo / redo (ctrl+z / ctrl+y) across the tour de table and the vote.

Before each change the screen takes a ``Snapshot`` of the parts those steps
touch (participants, ideas, capture, vote); undo restores one through an op
applied with ``app.apply``, so the undone state is saved like any change.
The draft being typed is never rolled back. The history lives in memory for
the open session (a reopened session starts with an empty history).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sessions.models import CaptureState, Idea, Participant, Session, VoteState

LIMIT = 200


PARTS = {"participants", "ideas", "capture", "vote"}


@dataclass(frozen=True)
class Snapshot:
    label: str
    data: bytes  # the parts as JSON: one serialisation, compact, compared byte for byte


def snapshot(session: Session, label: str = "") -> Snapshot:
    return Snapshot(
        label=label, data=session.__pydantic_serializer__.to_json(session, include=PARTS)
    )


def restore(session: Session, snap: Snapshot) -> None:
    """Put the snapshot's parts back into ``session`` (the current draft is kept)."""
    parts = json.loads(snap.data)
    draft = session.capture.draft
    session.participants = [Participant.model_validate(p) for p in parts["participants"]]
    session.ideas = [Idea.model_validate(i) for i in parts["ideas"]]
    session.capture = CaptureState.model_validate(parts["capture"])
    session.capture.draft = draft
    session.vote = VoteState.model_validate(parts["vote"])


class UndoHistory:
    """Two stacks of snapshots; ``record`` wraps a change, ``undo``/``redo`` move."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self.undo_stack: list[Snapshot] = []
        self.redo_stack: list[Snapshot] = []

    def push(self, before: Snapshot) -> None:
        """A change was saved; ``before`` is the state it replaced."""
        self.undo_stack.append(before)
        del self.undo_stack[: -self.limit]
        self.redo_stack.clear()

    @property
    def can_undo(self) -> bool:
        return bool(self.undo_stack)

    @property
    def can_redo(self) -> bool:
        return bool(self.redo_stack)

    def undo_op(self, session: Session) -> tuple[Callable[[Session], None], str] | None:
        """The op restoring the previous state, and its label; None when nothing to undo."""
        if not self.undo_stack:
            return None
        before = self.undo_stack.pop()
        self.redo_stack.append(snapshot(session, before.label))
        return (lambda s: restore(s, before)), before.label

    def redo_op(self, session: Session) -> tuple[Callable[[Session], None], str] | None:
        if not self.redo_stack:
            return None
        after = self.redo_stack.pop()
        self.undo_stack.append(snapshot(session, after.label))
        return (lambda s: restore(s, after)), after.label

    def cancel_last(self, to_redo: bool) -> None:
        """The undo (or redo) op could not be saved: put the stacks back as they were."""
        if to_redo and self.redo_stack:
            self.undo_stack.append(self.redo_stack.pop())
        elif not to_redo and self.undo_stack:
            self.redo_stack.append(self.undo_stack.pop())


def apply_recorded(
    history: UndoHistory,
    get_session: Callable[[], Session],
    apply: Callable[[Callable[[Session], Any]], Any],
    op: Callable[[Session], Any],
    label: str = "",
) -> Any:
    """Snapshot, run ``op`` through ``apply`` (the app's), and remember it for undo.

    ``apply`` returns None or raises on failure; the snapshot is kept only when
    the session actually changed. ``get_session`` is read again after the
    save, as a save may re-read the file written meanwhile by another process.
    """
    before = snapshot(get_session(), label)
    result = apply(op)
    if snapshot(get_session()).data != before.data:
        history.push(before)
    return result
