"""A table with fixed rows (the costs and fundings of the long action sheet) in the form:
its rows' labels are written in, and amounts typed without them land in the right year."""

from __future__ import annotations

import pytest
from textual.widgets import Static, TextArea

from tests.conftest import build_session
from tests.sheets_samples import plain
from tests.waits import until
from tui.app import make_app


async def _form_at_costs(app, pilot) -> TextArea:  # type: ignore[no-untyped-def]
    from tui.sections import SWITCH_KEY, sections_for

    modes = [s.mode for s in sections_for(app.session)]
    await pilot.press(SWITCH_KEY)
    await until(pilot, lambda: type(app.screen).__name__ == "SectionSwitcher")
    await pilot.press(str(modes.index("sheets") + 1))
    await until(pilot, lambda: type(app.screen).__name__ == "SheetsScreen")
    await pilot.press("a")
    await until(pilot, lambda: type(app.screen).__name__ == "KindChooser")
    kinds = [k.kind for k in app.screen.kinds]
    await pilot.press(*["down"] * kinds.index("action_complete"), "enter")
    await until(pilot, lambda: type(app.screen).__name__ == "SheetForm")
    while app.focused is None or app.focused.id != "f-couts":
        await pilot.press("tab")
    return app.focused


async def test_the_costs_rows_are_named_and_amounts_land_in_their_year(store, clock) -> None:
    s = build_session("atelier-thematique", "Thème B")
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        area = await _form_at_costs(app, pilot)
        lines = area.text.splitlines()
        assert lines[0].startswith("Dépenses de fonctionnement")
        assert lines[1].startswith("Investissements")
        # The scribe types the first row's amounts where the cursor stands, the second's
        # on a line of their own, without its label.
        await pilot.press(*"1 000 | 2 000,50 | 500", "enter", *"3000|0|0", "ctrl+s")
        await until(pilot, lambda: type(app.screen).__name__ == "SheetsScreen")
    (sheet,) = store.load(s.id).sheets
    costs = sheet.fields["couts"]
    assert costs["fonctionnement"] == {"y0": 1000, "y1": 2000.5, "y2": 500}
    assert costs["investissement"] == {"y0": 3000, "y1": 0, "y2": 0}


async def test_more_lines_than_rows_is_refused_with_the_reason(store, clock) -> None:
    s = build_session("atelier-thematique", "Thème B")
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await _form_at_costs(app, pilot)
        await pilot.press("ctrl+end", "enter", *"1|2|3", "enter", *"4|5|6", "ctrl+s")
        error = app.screen.query_one("#error", Static)
        await until(pilot, lambda: "rangées" in plain(str(error.render())))
        shown = plain(str(error.render()))
        assert "Coûts prévisionnels (TTC)" in shown and "Investissements" in shown, shown
        assert type(app.screen).__name__ == "SheetForm"  # nothing lost: the form stays open
    assert not any(sheet.fields.get("couts") for sheet in store.load(s.id).sheets)


@pytest.mark.parametrize(
    ("lang", "words"), [("fr", "cases remplies pour 3 colonnes"), ("en", "cells filled in for 3")]
)
async def test_a_cell_beyond_the_last_year_is_refused_not_dropped(
    store, clock, lang, words
) -> None:
    s = build_session("atelier-thematique", "Thème B")
    store.create(s)
    app = make_app(store, clock, session_ref=s.id, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await _form_at_costs(app, pilot)
        await pilot.press(*"1 | 2 | 3 | 4", "ctrl+s")
        error = app.screen.query_one("#error", Static)
        await until(pilot, lambda: words in plain(str(error.render())))
        assert "1 | 2 | 3 | 4" in plain(str(error.render()))
        assert type(app.screen).__name__ == "SheetForm"
    assert not any(sheet.fields.get("couts") for sheet in store.load(s.id).sheets)


@pytest.mark.parametrize(
    ("lang", "field", "where"),
    [
        ("fr", "Coûts prévisionnels (TTC)", "(Dépenses de fonctionnement, 2028+)"),
        ("en", "Forecast costs (incl. VAT)", "(Operating expenses, 2028+)"),
    ],
)
async def test_a_refused_amount_is_named_as_the_form_shows_it(
    store, clock, lang, field, where
) -> None:
    s = build_session("atelier-thematique", "Thème B")
    store.create(s)
    app = make_app(store, clock, session_ref=s.id, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await _form_at_costs(app, pilot)
        await pilot.press(*"1 | 2 | douze", "ctrl+s")
        error = app.screen.query_one("#error", Static)
        await until(pilot, lambda: "douze" in plain(str(error.render())))
        shown = plain(str(error.render()))
        assert field in shown and where in shown, shown
        assert "couts" not in shown and "y2" not in shown, shown


@pytest.mark.parametrize(("lang", "label"), [("fr", "Items liés"), ("en", "Linked items")])
async def test_a_refused_item_number_names_its_field(store, clock, lang, label) -> None:
    s = build_session("atelier-thematique", "Thème B")
    store.create(s)
    app = make_app(store, clock, session_ref=s.id, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await _form_at_costs(app, pilot)
        await pilot.press("shift+tab")
        while app.focused is None or app.focused.id != "items":
            await pilot.press("shift+tab")
        await pilot.press(*"2 abc", "ctrl+s")
        error = app.screen.query_one("#error", Static)
        await until(pilot, lambda: plain(str(error.render())).startswith(label))
