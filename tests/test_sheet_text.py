"""The sheet form's tables read back from the lines typed: labels and amounts told apart."""

from __future__ import annotations

import pytest

from sessions.sheets.catalog import find_kind
from sessions.sheets.rules import SheetError
from tui.screens.sheet_text import parse_table

COSTS = find_kind("action_complete").field("couts")  # type: ignore[union-attr]


def test_a_mistyped_label_is_dropped_before_the_amounts() -> None:
    assert parse_table(COSTS, "Fonctionement | 10 | 20 | 30", 2026) == {
        "fonctionnement": {"y0": "10", "y1": "20", "y2": "30"}
    }


@pytest.mark.parametrize("first", ["1200", "١٢٠٠", "１２００", "12²"])
def test_a_first_amount_in_any_digits_is_never_taken_for_a_label(first: str) -> None:
    """One cell too many: a first cell with a digit of any script is refused, not dropped."""
    with pytest.raises(SheetError) as caught:
        parse_table(COSTS, f"{first} | 10 | 20 | 30", 2026)
    message = str(caught.value)  # what the form shows: the line, its cells and the columns
    assert first in message and "4" in message and "3" in message
