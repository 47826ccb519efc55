"""An amount above the largest accepted is refused however it comes: typed, imported, a number."""

from __future__ import annotations

import pytest

from sessions.i18n import set_language
from sessions.sheets.catalog import find_kind
from sessions.sheets.rules import MAX_AMOUNT, SheetError, check_value


def _financing():
    spec = next(f for f in find_kind("action_complete").fields if f.totals)
    return spec, spec.rows[0].key, spec.number_columns[0].key


@pytest.mark.parametrize("raw", [2e15, "2000000000000000", "2 000 000 000 000 000", 10**20])
def test_an_amount_above_the_bound_is_refused_with_the_bound(raw) -> None:
    set_language("fr")
    spec, row, column = _financing()
    with pytest.raises(SheetError) as refused:
        check_value(spec, {row: {column: raw}}, "1")
    said = str(refused.value)
    assert (
        "dépasse le plus grand montant accepté (1\u202f000\u202f000\u202f000\u202f000\u202f000)"
        in said
    )
    assert spec.key in said


@pytest.mark.parametrize("raw", [MAX_AMOUNT, str(MAX_AMOUNT), "1 500,50", 0])
def test_amounts_up_to_the_bound_are_kept(raw) -> None:
    spec, row, column = _financing()
    stored = check_value(spec, {row: {column: raw}}, "1")
    assert stored[row][column] in (MAX_AMOUNT, 1500.5, 0)
