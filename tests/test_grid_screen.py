"""F6: placing items on the grid with a few keys, reasons, adding and removing items."""

from __future__ import annotations

from grid_examples import full_session

from sessions.models.grid import Level
from tui.app import make_app
from tui.widgets.grid_view import GridView


async def test_place_items_and_type_a_reason(store, clock) -> None:
    s = full_session()
    s.grid.positions.clear()
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "GridScreen"
        table = screen.query_one("#grid-items")
        assert table.row_count == 11  # top 10 with the tie at the 10th place
        # item 1 (first row): today faible, future fort
        await pilot.press("p", "f", "f", "f")
        await pilot.pause()
        saved = store.load(s.id).grid.positions[1]
        assert (saved.present, saved.future) == (Level.LOW, Level.HIGH)
        view = screen.query_one(GridView)
        text = "\n".join(view.lines)
        assert "1→" in text and "1'" in text
        # P goes back one column, wrapping
        await pilot.press("P")
        await pilot.pause()
        assert store.load(s.id).grid.positions[1].present == Level.HIGH
        # the reason, asked with the horizon year
        await pilot.press("r")
        await pilot.pause()
        assert "2036" in str(screen.query_one("#reason-label").render())
        await pilot.press(*"Plan THD", "enter")
        await pilot.pause()
        assert store.load(s.id).grid.positions[1].reason == "Plan THD"
        assert screen.query_one("#grid-items").has_focus
        # second row, clear
        await pilot.press("down", "p", "x")
        await pilot.pause()
        pos = store.load(s.id).grid.positions[2]
        assert pos.present is None and pos.future is None


async def test_add_and_remove_items(store, clock) -> None:
    s = full_session()
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        await pilot.press("a", *"13", "enter")
        await pilot.pause()
        assert 13 in store.load(s.id).grid.items
        await pilot.press("a", *"99", "enter")  # unknown: refused, nothing lost
        await pilot.pause()
        assert 99 not in store.load(s.id).grid.items
        assert 13 in store.load(s.id).grid.items
        table = app.screen.query_one("#grid-items")
        table.focus()
        table.move_cursor(row=0)
        await pilot.pause()
        await pilot.press("delete")
        await pilot.pause()
        assert 1 not in store.load(s.id).grid.items
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert store.load(s.id).grid.items is None


async def test_spread_founded_grid_screen(store, clock) -> None:
    s = full_session(template="idees-recues")
    s.grid.positions.clear()
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        await pilot.press("p", "p", "f")  # f does nothing on this grid
        await pilot.pause()
        saved = store.load(s.id).grid.positions[1]
        assert saved.present == Level.MEDIUM and saved.future is None
        await pilot.press("r")
        await pilot.pause()
        label = str(app.screen.query_one("#reason-label").render())
        assert "Pourquoi ce bien-fondé\u202f?" in label
        assert "Fondée ▶" in "\n".join(app.screen.query_one(GridView).lines)
