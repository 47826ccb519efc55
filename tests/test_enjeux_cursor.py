"""Enjeux section: ↑↓ choose the enjeu that 'e' rewords, and the cursor stays on it after the
change (it went back to n°1, and ↓ never reached the list: 'e' always reworded n°1)."""

from __future__ import annotations

import datetime as dt

from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.widgets import DataTable, OptionList

from sessions.agenda.catalog import find_template
from sessions.core.factory import session_from_template
from sessions.enjeux.model import Source
from sessions.enjeux.ops import add_enjeux
from sessions.sheets import ops as sheet_ops
from tests.waits import settled, until
from tui.app import make_app
from tui.sections import SWITCH_KEY


def _fiche3():
    s = session_from_template(find_template("enjeux-solutions"), "F3", on=dt.date(2026, 11, 22))
    add_enjeux(s, ["Rafale 1", "Rafale 2", "Rafale 3", "Rafale 4"])
    return s


async def _open_enjeux(pilot) -> DataTable:
    app = pilot.app
    await pilot.press(SWITCH_KEY)
    options = await until(pilot, lambda: app.screen.query_one(OptionList).options)
    line = next(str(o.prompt) for o in options if "Enjeux" in str(o.prompt))
    await pilot.press(line.split()[0])
    await until(pilot, lambda: app.current_mode == "enjeux" and settled(app))
    return app.screen.query_one("#enjeux-list", DataTable)


async def _reword(pilot, text: str) -> None:
    app = pilot.app
    await pilot.press("e")
    await until(pilot, lambda: type(app.screen).__name__ == "AskScreen" and settled(app))
    await pilot.press("ctrl+u", *text, "enter")
    await until(pilot, lambda: type(app.screen).__name__ == "EnjeuxScreen" and settled(app))


async def test_arrows_choose_the_enjeu_to_reword_and_the_cursor_stays(store, clock) -> None:
    s = _fiche3()
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        listing = await _open_enjeux(pilot)
        await pilot.press("down", "down")
        await until(pilot, lambda: listing.cursor_row == 2)
        await _reword(pilot, "Comment former ?")
        texts = lambda: [e.text for e in store.load(s.id).enjeux]  # noqa: E731
        assert await until(pilot, lambda: "Comment former ?" in texts())
        assert texts() == ["Rafale 1", "Rafale 2", "Comment former ?", "Rafale 4"]
        listing = app.screen.query_one("#enjeux-list", DataTable)
        assert listing.cursor_row == 2  # still on n°3 after the change
        await pilot.press("down")
        await until(pilot, lambda: listing.cursor_row == 3)
        await _reword(pilot, "Comment financer ?")
        assert await until(pilot, lambda: texts()[3] == "Comment financer ?")
        assert texts()[:3] == ["Rafale 1", "Rafale 2", "Comment former ?"]


async def test_the_page_still_scrolls_down_to_the_recap_table(store, clock) -> None:
    s = _fiche3()
    add_enjeux(s, [f"Enjeu en plus {n}" for n in range(5, 16)])
    fields = {"titre": "Bus", "enjeu": "1", "faisabilite": "vert"}
    sheet_ops.add(s, "chantier", title="", fields=fields, items=[])
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        listing = await _open_enjeux(pilot)
        body = app.screen.query_one("#enjeux-body", VerticalScroll)
        await pilot.press("end")
        assert await until(pilot, lambda: body.scroll_y > 0 and body.scroll_y == body.max_scroll_y)
        await pilot.press("home")
        assert await until(pilot, lambda: body.scroll_y == 0)
        await pilot.press(*["down"] * 14)  # to n°15: the page follows the cursor
        await until(pilot, lambda: listing.cursor_row == 14)
        row_y = listing.region.y + listing.header_height + 14
        assert body.region.y <= row_y < body.region.bottom, (row_y, body.region)
        await _reword(pilot, "Comment conclure ?")
        assert await until(pilot, lambda: store.load(s.id).enjeux[14].text == "Comment conclure ?")


async def test_at_80_columns_each_enjeu_shows_where_it_came_from(store, clock) -> None:
    s = _fiche3()
    long = "Comment rendre les démarches en ligne accessibles à tous les habitants ?"
    add_enjeux(s, [long], [[Source(session="groupea1", item=14)]])
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        listing = await _open_enjeux(pilot)

        def shown() -> str:
            region = Region(0, 0, listing.size.width, listing.size.height)
            return " ".join(strip.text for strip in listing.render_lines(region))

        assert await until(pilot, lambda: "item n°14" in shown()), shown()
        assert "habitants" in shown()  # the long enjeu wraps, whole
        assert listing.virtual_size.width <= listing.size.width  # nothing off to the right
        body = app.screen.query_one("#enjeux-body", VerticalScroll)
        assert listing.region.y <= body.region.y + 1  # no blank lines above the list


async def test_a_reword_is_undone_with_ctrl_z_and_redone_with_ctrl_y(store, clock) -> None:
    s = _fiche3()
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        listing = await _open_enjeux(pilot)
        await pilot.press("down")
        await until(pilot, lambda: listing.cursor_row == 1)
        await _reword(pilot, "Erreur de frappe")
        texts = lambda: [e.text for e in store.load(s.id).enjeux]  # noqa: E731
        assert await until(pilot, lambda: texts()[1] == "Erreur de frappe")
        await pilot.press("ctrl+z")
        assert await until(pilot, lambda: texts()[1] == "Rafale 2"), texts()
        shown = app.screen.query_one("#enjeux-list", DataTable)
        assert await until(pilot, lambda: str(shown.get_row_at(1)[1]) == "Rafale 2")
        toasts = [str(n.message) for n in app._notifications]
        assert any("reformulation de l'enjeu n°2" in m for m in toasts), toasts
        await pilot.press("ctrl+y")
        assert await until(pilot, lambda: texts()[1] == "Erreur de frappe"), texts()
        await pilot.press("a")  # a typed enjeu is undone too
        await until(pilot, lambda: type(app.screen).__name__ == "AskScreen" and settled(app))
        await pilot.press(*"Comment conclure ?", "enter")
        assert await until(pilot, lambda: len(texts()) == 5)
        await pilot.press("ctrl+z")
        assert await until(pilot, lambda: len(texts()) == 4), texts()
