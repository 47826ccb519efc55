"""Rules of the prioritisation grid (sessions/grid/placement.py) no other test held.

Found missing by mutation testing (docs/testing.md).
"""

from __future__ import annotations

import pytest
from grid_examples import full_session

from sessions.grid import placement as grid
from sessions.i18n import t
from sessions.models.grid import Level
from sessions.models.vote import HandTally


def test_the_grid_takes_ten_items_when_the_eleventh_has_fewer_points():
    s = full_session()
    s.vote.tallies[12] = HandTally(total=1)  # 12 falls below the 10th item (2 points)
    assert grid.grid_items(s) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]


@pytest.mark.parametrize(
    ("points", "row"),
    [(11, Level.HIGH), (8, Level.HIGH), (7, Level.MEDIUM), (5, Level.MEDIUM), (4, Level.LOW)],
)
def test_impact_terciles_include_their_lower_bound(points, row):
    # Points 2 .. 11, span 9: fort from 2 + 6 = 8, moyen from 2 + 3 = 5.
    assert grid.impact_level(points, 2, 11) == row


def test_exact_thirds_sit_on_the_higher_row():
    assert grid.impact_level(2, 0, 3) == Level.HIGH  # 2/3 of the span exactly
    assert grid.impact_level(1, 0, 3) == Level.MEDIUM  # 1/3 exactly
    assert grid.impact_level(0, 0, 3) == Level.LOW


def test_removing_or_placing_an_item_not_on_the_grid_names_it():
    s = full_session()
    with pytest.raises(ValueError) as info:
        grid.remove_item(s, 14)
    assert str(info.value) == t("grid.err.not_on_grid", number=14)
    with pytest.raises(ValueError) as info:
        grid.set_reason(s, 14, "Parce que")
    assert str(info.value) == t("grid.err.not_on_grid", number=14)
    assert 14 not in s.grid.positions


def test_a_position_is_present_or_future_nothing_else():
    s = full_session()
    with pytest.raises(ValueError, match="unknown position"):
        grid.set_level(s, 6, "past", Level.LOW)
    assert 6 not in s.grid.positions
