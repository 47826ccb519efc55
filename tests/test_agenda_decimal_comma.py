"""F3's agenda and the agenda editor write 7,5 in French (7.5 in English) and read both."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, Static

from sessions.i18n import set_language
from sessions.models import Session, Turn
from tests.conftest import build_session
from tests.waits import until
from tui.app import make_app


def _half_minutes(store) -> Session:
    s = build_session("divergence-convergence")
    s.agenda[0].minutes = 7.5
    s.agenda[0].turns = [Turn(label="Tour de table", minutes=2.5)]
    s.agenda[0].turns_from = None
    store.create(s)
    return s


async def _until(pilot, shown):  # type: ignore[no-untyped-def]
    return await until(pilot, shown)  # bounded: what is asserted on, not one pause


def _cells(app, table_id: str, row: int) -> list[str]:
    table = app.screen.query_one(table_id, DataTable)
    return [str(cell) for cell in table.get_row_at(row)]


@pytest.mark.parametrize(("lang", "half", "turn"), [("fr", "7,5", "2,5"), ("en", "7.5", "2.5")])
async def test_f3_and_the_agenda_editor_write_half_minutes_the_way_the_language_does(
    store, clock, lang, half, turn
) -> None:
    set_language(lang)
    s = _half_minutes(store)
    app = make_app(store, clock, session_ref=s.id, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        await _until(pilot, lambda: app.screen.query("#agenda-table"))
        planned = await _until(pilot, lambda: _cells(app, "#agenda-table", 0)[3] == half)
        assert planned, _cells(app, "#agenda-table", 0)
        await pilot.press("e")  # the agenda editor
        await _until(pilot, lambda: app.screen.query("#phases"))
        assert _cells(app, "#phases", 0)[3] == half
        await pilot.press("enter")  # the phase's form shows its minutes the same way
        minutes = await _until(pilot, lambda: app.screen.query("#minutes"))
        assert minutes and app.screen.query_one("#minutes", Input).value == half
        await pilot.press("escape")
        await _until(pilot, lambda: app.screen.query("#phases"))
        await pilot.press("t")  # the phase's turns
        await _until(pilot, lambda: app.screen.query("#turns"))
        assert _cells(app, "#turns", 0)[2] == turn
        await pilot.press("enter")  # edit the turn: its minutes field
        await _until(pilot, lambda: app.screen.query("#field-1"))
        assert app.screen.query_one("#field-1", Input).value == turn


@pytest.mark.parametrize("typed", ["7,5", "7.5"])
async def test_a_turn_s_minutes_take_a_comma_or_a_point(store, clock, typed) -> None:
    s = _half_minutes(store)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3", "e")
        await _until(pilot, lambda: app.screen.query("#phases"))
        await pilot.press("t")
        await _until(pilot, lambda: app.screen.query("#turns"))
        await pilot.press("enter")
        await _until(pilot, lambda: app.screen.query("#field-1"))
        field = app.screen.query_one("#field-1", Input)
        field.focus()
        field.value = ""
        await pilot.press(*typed, "enter")
        done = await _until(pilot, lambda: _cells(app, "#turns", 0)[2] == "7,5")
        assert done, _cells(app, "#turns", 0)
    saved = store.load(s.id)
    assert [x.minutes for x in saved.agenda[0].turns] == [7.5]


@pytest.mark.parametrize(("lang", "said"), [("fr", "n'est pas un chiffre"), ("en", "not a digit")])
async def test_other_scripts_digits_are_refused_with_a_message(store, clock, lang, said) -> None:
    set_language(lang)
    s = _half_minutes(store)
    app = make_app(store, clock, session_ref=s.id, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3", "e")
        await _until(pilot, lambda: app.screen.query("#phases"))
        await pilot.press("t")
        await _until(pilot, lambda: app.screen.query("#turns"))
        await pilot.press("enter")
        await _until(pilot, lambda: app.screen.query("#field-1"))
        field = app.screen.query_one("#field-1", Input)
        field.focus()
        field.value = ""
        await pilot.press("٣", "enter")  # an Arabic-Indic three
        error = app.screen.query_one("#error", Static)
        shown = await _until(pilot, lambda: said in str(error.render()))
        assert shown, str(error.render())
        assert app.screen.query("#field-1")  # the form stays open
    saved = store.load(s.id)
    assert [x.minutes for x in saved.agenda[0].turns] == [2.5]


def _next_half(store) -> Session:  # type: ignore[no-untyped-def]
    s = build_session("divergence-convergence")
    s.agenda[1].minutes = 7.5  # the phase after the current one
    store.create(s)
    return s


@pytest.mark.parametrize(("lang", "half"), [("fr", "7,5 min"), ("en", "7.5 min")])
async def test_the_projector_and_atelier_watch_announce_the_next_phase_the_same_way(
    store, clock, lang, half
) -> None:
    from tui.watch_app import WatchApp

    set_language(lang)
    s = _next_half(store)
    app = make_app(store, clock, session_ref=s.id, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        await _until(pilot, lambda: app.screen.query("#agenda-table"))
        await pilot.press("v")  # the projector view

        def following() -> str:
            found = app.screen.query("#next")
            shown = str(found.first(Static).render()) if found else ""
            return shown.replace("\u00a0", " ")  # "(7,5 min)" kept on one line

        assert await _until(pilot, lambda: half in following()), following()
    watch = WatchApp(store.path_for(s.id), clock, lang=lang)
    async with watch.run_test(size=(120, 40)) as pilot:

        def announced() -> str:
            found = watch.screen.query("#next")
            shown = str(found.first(Static).render()) if found else ""
            return shown.replace("\u00a0", " ")

        assert await _until(pilot, lambda: half in announced()), announced()


@pytest.mark.parametrize(
    ("lang", "half", "total"), [("fr", "7,5", "122,5"), ("en", "7.5", "122.5")]
)
async def test_the_session_card_writes_half_minutes_the_same_way(
    store, clock, lang, half, total
) -> None:
    set_language(lang)
    s = _half_minutes(store)
    app = make_app(store, clock, session_ref=s.id, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f2")

        def row() -> list[str]:
            found = app.screen.query("#agenda")
            return _cells(app, "#agenda", 0) if found and found.first().row_count else []

        assert await _until(pilot, lambda: row() and row()[3] == half), row()
        said = str(app.screen.query_one("#agenda-total", Static).render())
        assert f"{total} min" in said, said
