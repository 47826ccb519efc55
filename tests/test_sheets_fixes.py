"""Small defects of the sheets screen: Esc on a new sheet's form, headings, turns on F3."""

from __future__ import annotations

from sessions.sheets import ops
from tests.sheets_samples import plain
from tests.test_sheets_screen import _open_sheets, _ready, _shown, _toasts, dc_session  # noqa: F401
from tui.app import make_app


async def test_esc_on_a_new_sheets_form_leaves_nothing(store, dc_session, clock) -> None:  # noqa: F811
    session = dc_session
    _ready(store, session)
    store.transact(session.id, lambda s: ops.add(s, "solution", fields={"nom": "Bus"}))
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_sheets(app, pilot)
        await pilot.press("a", "down", "enter")  # the action sheet's form
        await pilot.pause()
        assert type(app.screen).__name__ == "SheetForm"
        assert "Fiche action n°2" in plain(str(app.screen.query_one("#form-heading").render()))
        await pilot.press(*"Vélo")
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "SheetsScreen"
        saved = store.load(session.id)
        assert [(s.kind, s.number, s.deleted) for s in saved.sheets] == [("solution", 1, False)]
        assert app.screen.query_one("#sheets-list").row_count == 1
        await pilot.press("ctrl+z")  # the history holds no add: nothing to undo
        await pilot.pause()
        assert "Rien à annuler." in _toasts(app)
        # Esc on the form of an existing sheet keeps it as it was.
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("tab", "tab", *" Électrique", "escape")
        await pilot.pause()
        assert store.load(session.id).sheets[0].fields == {"nom": "Bus"}
        assert "Solution n°1 : Bus" in _shown(app)
        # Saved, the new sheet is added once, undone in one step.
        await pilot.press("a", "down", "enter")
        await pilot.pause()
        await pilot.press("tab", "tab", *"Tiers-lieu", "ctrl+s")
        await pilot.pause()
        saved = store.load(session.id)
        assert [(s.kind, s.number, s.fields) for s in saved.sheets][1:] == [
            ("action", 2, {"nom": "Tiers-lieu"})
        ]
        assert "Fiche n°2 enregistrée." in _toasts(app)
        assert "Fiche action n°2 : Tiers-lieu" in _shown(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [s.number for s in ops.visible(store.load(session.id))] == [1]
        assert "Annulé : l'ajout d'une fiche" in _toasts(app)


async def test_a_conclusions_heading_does_not_repeat_itself(store, dc_session, clock) -> None:  # noqa: F811
    from sessions.documents.minutes import minutes_markdown

    session = dc_session
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_sheets(app, pilot)
        await pilot.press("a", "down", "down", "enter")  # the conclusion's form
        await pilot.pause()
        heading = plain(str(app.screen.query_one("#form-heading").render()))
        assert heading == "Conclusion n°1"
        await pilot.press("tab", "tab", *"Content", "ctrl+s")
        await pilot.pause()
        (sheet,) = store.load(session.id).sheets
        assert (sheet.kind, sheet.fields) == ("conclusion", {"ressenti": "Content"})
        shown = _shown(app)
        assert shown.splitlines()[0] == "Conclusion n°1"
        assert "Conclusion 1" not in shown
        markdown = minutes_markdown(store.load(session.id))
        assert "Conclusion n°1\n" in markdown and "Conclusion n°1 :" not in markdown


async def test_f3_shows_the_turns_drawn_from_the_sheets_before_the_phase(
    store,
    dc_session,  # noqa: F811
    clock,
) -> None:
    from textual.widgets import Static

    session = dc_session

    def three(s):  # type: ignore[no-untyped-def]
        for name in ("Bus", "Tiers-lieu", "Covoiturage"):
            ops.add(s, "solution", fields={"nom": name})

    store.transact(session.id, three)
    sharing = next(i for i, p in enumerate(session.agenda) if p.title == "Partage des solutions")
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        for _ in range(sharing - 1):  # the phase before, not started
            await pilot.press("n")
        await pilot.pause()
        following = plain(str(app.screen.query_one("#next", Static).render()))
        assert following == "Ensuite : Partage des solutions (15 min) · 3 tours de 3 min"
        await pilot.press("n")
        await pilot.pause()
        assert store.load(session.id).timer.index == sharing
        sub = app.screen.query_one("#subtimer", Static)
        assert sub.display
        assert plain(str(sub.render())).startswith("Partage des solutions : 3 tours de 3 min")
        await pilot.press("space")  # started: the turn in progress instead
        await pilot.pause()
        assert "Groupe 1 : Bus" in plain(str(sub.render()))
        assert "tours de 3 min" not in plain(str(sub.render()))


async def test_french_sheets_write_decimals_with_a_comma(store, dc_session, clock) -> None:  # noqa: F811
    from textual.widgets import Static, TextArea

    session = dc_session
    money = {"collectivite": {"y0": 1000, "y1": 2000.5}}

    def setup(s):  # type: ignore[no-untyped-def]
        phase = next(p for p in s.agenda if p.title == "Partage des solutions")
        phase.turns_from.minutes = 7.5
        phase.minutes = 15.5
        for name in ("Bus", "Tiers-lieu"):
            ops.add(s, "solution", fields={"nom": name})
        ops.add(s, "action_complete", fields={"financements": money})

    store.transact(session.id, setup)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_sheets(app, pilot)
        turns = plain(str(app.screen.query_one("#sheets-turns", Static).render()))
        assert "2 tours de 7,5 min (15 min sur 15,5 prévues)" in turns
        assert "7.5" not in turns
        await pilot.press("end")
        await pilot.pause()
        assert "Collectivité | 1 000 | 2 000,50" in _shown(app)
        await pilot.press("enter")
        await pilot.pause()
        area = app.screen.query_one("#f-financements", TextArea)
        assert "Collectivité | 1 000 | 2 000,50" in plain(area.text)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Fiche n°3 enregistrée." in _toasts(app)
        assert store.load(session.id).sheets[2].fields["financements"] == money
        await pilot.press("f3")
        await pilot.pause()
        titles = [p.title for p in session.agenda]
        for _ in range(titles.index("Partage des solutions") - 1):  # the phase before
            await pilot.press("n")
        await pilot.pause()
        following = plain(str(app.screen.query_one("#next", Static).render()))
        assert following == "Ensuite : Partage des solutions (15,5 min) · 2 tours de 7,5 min"
        await pilot.press("n")
        await pilot.pause()
        meta = plain(str(app.screen.query_one("#phase-meta", Static).render()))
        assert "15,5 min" in meta
