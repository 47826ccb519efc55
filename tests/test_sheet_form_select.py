"""A sheet's choice and yes / no fields say "(pas répondu)" until answered, not "Select"."""

from __future__ import annotations

from textual.widgets import Select
from textual.widgets._select import SelectCurrent

from tests.conftest import build_session
from tui.app import make_app


async def _open_chantier_form(app, pilot) -> None:  # type: ignore[no-untyped-def]
    from tui.sections import SWITCH_KEY, sections_for

    modes = [s.mode for s in sections_for(app.session)]
    await pilot.press(SWITCH_KEY, str(modes.index("sheets") + 1))
    await pilot.pause()
    await pilot.press("a")
    await pilot.pause()
    chooser = app.screen
    labels = [str(o.prompt) for o in chooser.query_one("OptionList").options]
    chantier = next(x for x in labels if "Chantier" in x or "Key" in x)
    await pilot.press(*["down"] * labels.index(chantier))
    await pilot.press("enter")
    await pilot.pause()


async def test_unanswered_choices_speak_the_language_shown(store, clock) -> None:
    for lang, unanswered in (("fr", "(pas répondu)"), ("en", "(not answered)")):
        s = build_session("enjeux-solutions", f"Fiche 3 {lang}")
        store.create(s)
        app = make_app(store, clock, session_ref=s.id, lang=lang)
        async with app.run_test(size=(120, 40)) as pilot:
            await _open_chantier_form(app, pilot)
            assert type(app.screen).__name__ == "SheetForm"
            selects = list(app.screen.query(Select))
            assert selects  # feasibility, priority, inconnu désirable
            for select in selects:
                shown = str(select.query_one(SelectCurrent).query_one("#label").render())
                assert shown == unanswered and "Select" not in shown
