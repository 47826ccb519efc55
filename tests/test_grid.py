"""The grid domain: which items, impact rows from points, positions and reasons."""

from __future__ import annotations

import pytest
from grid_examples import full_session
from hypothesis import given
from hypothesis import strategies as st

from sessions.grid import placement as grid
from sessions.grid.placement import impact_level
from sessions.models.grid import GridKind, Level
from sessions.models.vote import HandTally


def test_default_items_are_the_top_10_with_ties() -> None:
    s = full_session()
    # 10 and 12 are tied at the 10th place: both are on the grid, struck items are not.
    assert grid.grid_items(s) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12]


def test_impact_rows_by_terciles_of_the_points_range() -> None:
    s = full_session()
    rows = {e.number: e.impact for e in grid.grid_entries(s)}
    # points 14 .. 2: span 12; fort from 10, moyen from 6.
    assert [n for n, lv in rows.items() if lv == Level.HIGH] == [1, 2, 3]
    assert [n for n, lv in rows.items() if lv == Level.MEDIUM] == [4, 5, 6]
    assert [n for n, lv in rows.items() if lv == Level.LOW] == [7, 8, 9, 10, 12]


def test_same_points_sit_on_the_middle_row() -> None:
    assert impact_level(5, 5, 5) == Level.MEDIUM


@given(st.lists(st.integers(0, 60), min_size=1, max_size=20))
def test_more_points_never_lower(points: list[int]) -> None:
    lo, hi = min(points), max(points)
    order = [grid.LEVELS.index(impact_level(p, lo, hi)) for p in sorted(points)]
    assert order == sorted(order)
    assert impact_level(hi, lo, hi) == (Level.HIGH if hi > lo else Level.MEDIUM)


def test_impact_does_not_change_with_the_positions() -> None:
    s = full_session()
    before = {e.number: e.impact for e in grid.grid_entries(s)}
    for number in grid.grid_items(s):
        grid.set_level(s, number, "present", Level.HIGH)
        grid.set_level(s, number, "future", Level.LOW)
    assert {e.number: e.impact for e in grid.grid_entries(s)} == before


def test_impact_follows_the_points() -> None:
    s = full_session()
    s.vote.tallies[12] = HandTally(total=30)
    entries = {e.number: e for e in grid.grid_entries(s)}
    assert entries[12].impact == Level.HIGH and grid.grid_items(s)[0] == 12


def test_add_and_remove_items() -> None:
    s = full_session()
    grid.add_item(s, 13)  # a struck item may be put on the grid by the scribe
    assert 13 in grid.grid_items(s)
    grid.remove_item(s, 1)
    assert 1 not in grid.grid_items(s)
    assert s.grid.positions[1].present == Level.LOW  # kept should it come back
    with pytest.raises(ValueError):
        grid.add_item(s, 99)
    with pytest.raises(ValueError):
        grid.add_item(s, 16)  # deleted
    with pytest.raises(ValueError):
        grid.add_item(s, 15)  # a duplicate is not an item
    with pytest.raises(ValueError):
        grid.remove_item(s, 1)
    grid.reset_items(s)
    assert grid.grid_items(s)[0] == 1 and 13 not in grid.grid_items(s)


def test_positions_and_reason() -> None:
    s = full_session()
    assert grid.cycle_level(s, 6, "present") == Level.LOW
    assert grid.cycle_level(s, 6, "present") == Level.MEDIUM
    assert grid.cycle_level(s, 6, "present", -1) == Level.LOW
    assert grid.cycle_level(s, 6, "future", -1) == Level.HIGH
    grid.set_reason(s, 6, "Parce que")
    entry = next(e for e in grid.grid_entries(s) if e.number == 6)
    assert (entry.present, entry.future, entry.reason) == (Level.LOW, Level.HIGH, "Parce que")
    with pytest.raises(ValueError):
        grid.set_level(s, 14, "present", Level.LOW)  # not on the grid


def test_spread_founded_grid_has_one_position() -> None:
    s = full_session(template="idees-recues")
    assert s.grid.kind == GridKind.SPREAD_FOUNDED and not grid.has_future(s)
    grid.set_level(s, 1, "present", Level.HIGH)
    with pytest.raises(ValueError):
        grid.set_level(s, 1, "future", Level.HIGH)
    assert all(e.future is None for e in grid.grid_entries(s))


def test_grid_points_read_off_the_ranking_are_item_points() -> None:
    from grid_examples import full_session

    from sessions.grid.placement import _points
    from sessions.vote.ranking import item_points, ranked_items

    s = full_session()  # a merge, a duplicate, a deleted idea
    assert _points(ranked_items(s)) == item_points(s)
    s.vote.counted = False
    assert _points(ranked_items(s)) == item_points(s)
