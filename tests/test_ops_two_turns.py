"""A step that records two turns of the tour is undone and redone like any other.

No op of the app records two turns today (a pass records one); this one is
built for the purpose: two participants pass in one step. Turns live in a
list and a turn is emptied only from its end (``sessions.core.keyed.blocked``):
the turns the same step empties must not keep each other, while a turn
recorded elsewhere after them still refuses the undo.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from sessions.capture import capture_ops as cap_ops
from sessions.capture import tour
from sessions.core import ops
from sessions.core.keyed import CURSOR, Key
from sessions.core.ops import Op, UndoRefused, apply, apply_function
from sessions.core.undo import UndoHistory, apply_recorded
from sessions.i18n import t
from sessions.models import Session
from tests.test_ops import T0, base, state


@dataclass(frozen=True)
class TwoPasses(Op):
    """Two participants pass in one step (no ``name``: never registered among the app's ops)."""

    parts = frozenset({"capture"})
    label_key = "capture.undo.pass"

    now: dt.datetime

    def keys(self, session: Session) -> list[Key]:
        first = len(session.capture.turns)
        return [("turn", first), ("turn", first + 1), *CURSOR]

    def run(self, session: Session) -> None:
        tour.pass_turn(session, self.now)
        tour.pass_turn(session, self.now)


def test_a_step_of_two_turns_is_undone_and_redone_exactly() -> None:
    s = base()
    before, count = state(s), len(s.capture.turns)
    twin = s.model_copy(deep=True)
    full = apply_function(twin, TwoPasses(T0).run)  # every slot compared: the truth
    step = apply(s, TwoPasses(T0)).step
    after = state(s)
    assert len(s.capture.turns) == count + 2
    assert set(step.changes) == set(full.step.changes)
    assert {key for key, _, _ in step.changes} >= {("turn", count), ("turn", count + 1)}
    ops.undo(s, step)
    assert state(s) == before
    assert len(s.capture.turns) == count
    ops.redo(s, step)
    assert state(s) == after
    ops.undo(s, step)  # and back again
    assert state(s) == before


def test_a_turn_recorded_elsewhere_after_the_two_still_refuses_the_undo() -> None:
    s = base()
    step = apply(s, TwoPasses(T0)).step
    s.capture.turns.append(s.capture.turns[-1].model_copy())  # written elsewhere since
    kept = state(s)
    with pytest.raises(UndoRefused) as refused:
        ops.undo(s, step)
    assert str(refused.value) == t(
        "undo.refused", label=t("capture.undo.pass"), what=t("undo.what.turn", number=7)
    )
    assert state(s) == kept  # nothing changed


def test_ctrl_z_history_takes_back_the_two_turns() -> None:
    s = base()
    before = state(s)
    history = UndoHistory()
    apply_recorded(history, lambda: s, lambda fn: fn(s), TwoPasses(T0 + dt.timedelta(hours=1)))
    move, label = history.undo_op()  # type: ignore[misc]
    assert label == t("capture.undo.pass")
    move(s)
    assert state(s) == before
    redo, _ = history.redo_op()  # type: ignore[misc]
    redo(s)
    assert len(s.capture.turns) == len(base().capture.turns) + 2


def test_a_turn_is_redone_only_at_the_end_of_the_list_never_past_a_gap() -> None:
    """Two passes in two steps, both undone: the later one redone first would land in the
    earlier one's place; it is refused, nothing changes, and it goes back once that is."""
    s = base()
    count = len(s.capture.turns)
    first = apply(s, cap_ops.PassTurn(T0)).step
    second = apply(s, cap_ops.PassTurn(T0 + dt.timedelta(minutes=1))).step
    after = state(s)
    ops.undo(s, second)
    ops.undo(s, first)
    before = state(s)
    with pytest.raises(UndoRefused) as refused:
        ops.redo(s, second)
    assert str(refused.value) == t(
        "undo.refused_redo", label=t("capture.undo.pass"), what=t("undo.what.turn", number=8)
    )
    assert state(s) == before and len(s.capture.turns) == count
    ops.redo(s, first)
    ops.redo(s, second)
    assert state(s) == after
