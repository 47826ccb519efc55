"""The one path of a change from a screen: apply, save, record for undo, tell.

``change(app, op)`` applies an op (``sessions.core.ops``) through
``app.apply`` - saved through the crash-safe storage before it returns -,
records its step in the session's undo history, shows a refusal's reason
(an error toast, nothing changed) and, when given, the feedback of a change
done. ``undo(app)`` / ``redo(app)`` first pick up what another process wrote,
then put the step's slots back, or say why they cannot (a slot changed
elsewhere since). F4, F5, F6, the participants, the agenda editor (phases,
their notes, turns and rotation) and the re-budget go through here, via the
``Recording`` mixin of ``tui.screens.undo_support``; the timer's keys and bells
too, saved but not recorded (``record=False``: time is not undone).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from sessions.core import ops
from sessions.core.ops import Op, Step, UndoRefused
from sessions.core.undo import UndoHistory
from sessions.i18n import t
from sessions.models import Session
from sessions.storage.touched import Touching

Feedback = str | Callable[[Any], str | None] | None

_HISTORIES: weakref.WeakKeyDictionary[object, UndoHistory] = weakref.WeakKeyDictionary()


def history_for(app: Any) -> UndoHistory:
    """The undo history of the app's open session (a newly opened one starts empty)."""
    handle = getattr(app, "handle", None)
    if handle is None:
        return UndoHistory()
    history = _HISTORIES.get(handle)
    if history is None:
        history = _HISTORIES[handle] = UndoHistory()
    return history


def change(
    app: Any,
    op: Op | Callable[[Session], Any],
    label: str = "",
    *,
    record: bool = True,
    feedback: Feedback = None,
) -> tuple[bool, Any]:
    """Apply and save ``op``; (True, result) once applied, (False, None) when refused or read-only.

    ``record=False``: saved but not undoable (the draft). A refusal shows its
    reason; a read-only session says so (``app.apply``) and changes nothing.
    """
    if getattr(app, "handle", None) is None:
        return False, None
    ran: list[bool] = []
    try:
        result = _recorded(app, op, label, ran) if record else _unrecorded(app, op, ran)
    except ValueError as exc:
        app.notify(str(exc), severity="error", timeout=6)
        return False, None
    if not ran:  # read-only: app.apply said so, nothing ran
        return False, None
    message = feedback(result) if callable(feedback) else feedback
    if message:
        app.notify(message, timeout=4)
    return True, result


def _recorded(app: Any, op: Op | Callable[[Session], Any], label: str, ran: list[bool]) -> Any:
    """Apply ``op`` through ``app.apply`` and keep its step for undo (the last run's: a save
    that finds the file written meanwhile applies it again on top of it).

    The save is told the slots the step changed, so it checks only those
    (``sessions.storage.touched``); a bare function tells nothing: every slot is checked.
    """
    box: list[Step] = []

    def run(session: Session) -> Any:
        ran[:] = [True]
        if isinstance(op, Op):
            applied = ops.apply(session, op)
        else:
            applied = ops.apply_function(session, op, label)
        box[:] = [applied.step]
        return applied.result

    known = isinstance(op, Op)
    result = app.apply(Touching(run, lambda: _slots(box[0]) if known and box else None))
    if box:
        history_for(app).push(box[0])
    return result


def _unrecorded(app: Any, op: Op | Callable[[Session], Any], ran: list[bool]) -> Any:
    """Apply ``op`` through ``app.apply``, saved but not undoable; its declared slots told."""
    slots: list[Any] = [None]

    def run(session: Session) -> Any:
        ran[:] = [True]
        if not isinstance(op, Op):
            return op(session)
        try:
            slots[0] = list(op.keys(session))  # read before it runs, as ``ops.apply`` does
        except NotImplementedError:
            slots[0] = None
        return op.run(session)

    return app.apply(Touching(run, lambda: slots[0]))


def _slots(step: Step) -> list[Any]:
    return [change[0] for change in step.changes]


def undo(app: Any) -> bool:
    return _move(app, undo=True)


def redo(app: Any) -> bool:
    return _move(app, undo=False)


def _move(app: Any, undo: bool) -> bool:
    """Undo (or redo) the last step; True when done. A refusal is said and forgets the step."""
    if getattr(app, "session", None) is None:
        return False
    app.poll_file()  # check against what the command line wrote, not an older copy
    history = history_for(app)
    step = history.undo_op() if undo else history.redo_op()
    if step is None:
        app.notify(t("undo.nothing" if undo else "undo.nothing_redo"), timeout=3)
        return False
    move, label = step
    moved = history.redo_stack[-1] if undo else history.undo_stack[-1]  # the step it moves
    ran: list[bool] = []

    def run(session: Session) -> None:
        ran[:] = [True]
        move(session)

    try:
        app.apply(Touching(run, lambda: _slots(moved)))
    except UndoRefused as exc:
        history.drop_last(undone=undo)
        app.notify(str(exc), severity="error", timeout=10)
        return False
    except ValueError as exc:  # pragma: no cover - putting slots back refuses only as above
        history.cancel_last(to_redo=undo)
        app.notify(str(exc), severity="error")
        return False
    if not ran:  # read-only: nothing moved
        history.cancel_last(to_redo=undo)
        return False
    app.notify(t("undo.done" if undo else "undo.redone", what=label or "-"), timeout=3)
    return True
