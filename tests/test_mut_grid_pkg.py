"""The grid package's ops (sessions/grid/grid_ops.py), issue 18 package pass.

Each key of the grid screen is an op: it changes what it says (an item added,
a column moved one step, a position cleared today and at the horizon), records
every slot it changed for ctrl+z, and is named and labelled like every op
(tests/op_rules.py), its label naming the item.
"""

from __future__ import annotations

from grid_examples import full_session

from sessions.core.ops import apply, undo
from sessions.grid import grid_ops, placement
from sessions.grid.placement import LEVELS
from sessions.i18n import t
from tests.op_rules import apply_recorded, check_labels, check_names


def test_grid_ops_are_named_and_labelled_like_every_op() -> None:
    check_names(grid_ops, {"grid"})
    check_labels(grid_ops)


def test_adding_removing_and_resetting_items_are_recorded_and_undone() -> None:
    s = full_session()
    default = placement.grid_items(s)
    first = default[0]
    step = apply_recorded(s, grid_ops.RemoveItem(first))
    assert placement.grid_items(s) == default[1:]
    assert step.label() == t("grid.undo.remove", number=first)  # says what ctrl+z takes back
    step = apply_recorded(s, grid_ops.AddItem(first))
    assert placement.grid_items(s) == default
    assert step.label() == t("grid.undo.add", number=first)
    apply_recorded(s, grid_ops.RemoveItem(default[-1]))
    apply_recorded(s, grid_ops.ResetItems())
    assert placement.grid_items(s) == default and s.grid.items is None
    applied = apply(s, grid_ops.RemoveItem(first))
    undo(s, applied.step)
    assert placement.grid_items(s) == default


def test_a_column_moves_one_step_by_default_and_wraps() -> None:
    s = full_session()
    n = placement.grid_items(s)[0]
    apply(s, grid_ops.ClearPosition(n))  # unset: the first step lands on the first column
    seen = []
    for _ in range(len(LEVELS) + 1):
        step = apply_recorded(s, grid_ops.CycleLevel(n))
        seen.append(s.grid.positions[n].present)
    assert seen == [*LEVELS, LEVELS[0]]
    assert str(n) in step.label()


def test_clearing_a_position_clears_today_and_the_horizon() -> None:
    s = full_session()
    assert placement.has_future(s)
    n = placement.grid_items(s)[0]
    apply(s, grid_ops.CycleLevel(n, "present"))
    apply(s, grid_ops.CycleLevel(n, "future"))
    apply_recorded(s, grid_ops.SetReason(n, "Parce que"))
    step = apply_recorded(s, grid_ops.ClearPosition(n))
    position = s.grid.positions[n]
    assert (position.present, position.future) == (None, None)
    assert position.reason == "Parce que"
    assert str(n) in step.label()


def test_pad_fills_to_the_width_in_cells_on_the_side_asked() -> None:
    from rich.cells import cell_len

    from sessions.grid.drawing import pad

    for text in ("ab", "é文", "x"):
        gap = 7 - cell_len(text)
        assert pad(text, 7, "right") == " " * gap + text
        assert pad(text, 7) == text + " " * gap
        centred = pad(text, 7, "center")
        assert cell_len(centred) == 7 and centred.strip() == text
        assert len(centred) - len(centred.lstrip()) == gap // 2
    assert pad("trop long", 3, "right") == "trop long"  # never cut
