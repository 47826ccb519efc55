"""Sections other than F3, F4, F5 and F7 are let go when left and rebuilt when shown again.

The user sees the section as it was left: the row the cursor was on, an item
half typed and its field focused, the session list's cursor, F7's anonymous
switch and its next steps (F7 is kept: built again it is slow at 1,000 ideas);
the keys typed in the same burst as the F-key land in the rebuilt section
where the user left it. A section with a dialog open, and the live sections,
stay as they are.
"""

from __future__ import annotations

import gc
import weakref

from grid_examples import full_session
from test_typing_ahead import send_keys
from textual import events
from textual.widgets import DataTable, Input, TextArea

from tests.waits import until
from tui.app import make_app


def _f(key: str) -> events.Key:
    return events.Key(key, None)


def _shown(app, name: str) -> bool:  # type: ignore[no-untyped-def]
    return type(app.screen).__name__ == name


def _sessions(app) -> DataTable:  # type: ignore[no-untyped-def]
    return app.screen.query_one("#sessions", DataTable)


async def _open(pilot, app, key: str, name: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(key)
    assert await until(pilot, lambda: _shown(app, name) and app.screen.is_mounted)


async def test_the_grid_shown_again_has_its_row_and_the_item_half_typed(store, clock) -> None:
    s = full_session()
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(140, 40)) as pilot:
        await _open(pilot, app, "f6", "GridScreen")
        left = weakref.ref(app.screen)
        await pilot.press("down", "down", "a", "1", "3")  # item 13, not added yet
        assert await until(pilot, lambda: app.screen.query_one("#add-item", Input).value == "13")
        await _open(pilot, app, "f7", "MinutesScreen")
        gc.collect()
        assert left() is None  # let go: nothing of it is kept
        await _open(pilot, app, "f6", "GridScreen")
        screen = app.screen
        assert screen.query_one("#grid-items", DataTable).cursor_row == 2
        entry = screen.query_one("#add-item", Input)
        assert entry.value == "13" and entry.has_focus
        await pilot.press("enter")
        assert await until(pilot, lambda: 13 in store.load(s.id).grid.items)


async def test_keys_typed_with_f6_reach_the_grid_where_it_was_left(store, clock) -> None:
    s = full_session()
    s.grid.positions.clear()
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(140, 40)) as pilot:
        await _open(pilot, app, "f6", "GridScreen")
        await pilot.press("down")
        assert await until(pilot, lambda: app.screen.query_one("#grid-items").cursor_row == 1)
        await _open(pilot, app, "f2", "OverviewScreen")
        await send_keys(
            app, pilot, [_f("f6"), _f("down"), _f("p")], lambda: app.session.grid.positions
        )
        table = app.screen.query_one("#grid-items", DataTable)
        assert table.cursor_row == 2  # the row left, then one down
        third = app.screen.selected_number()
        assert list(store.load(s.id).grid.positions) == [third]


async def test_f7_shown_again_keeps_anonymous_and_the_next_steps_typed(store, clock) -> None:
    s = full_session()
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(140, 40)) as pilot:
        await _open(pilot, app, "f7", "MinutesScreen")
        await pilot.press("ctrl+n", "n", *"Relancer", "f2")  # F2 in the same burst
        assert await until(pilot, lambda: _shown(app, "OverviewScreen"))
        before = s.next_steps
        saved = await until(pilot, lambda: store.load(s.id).next_steps == before + "Relancer")
        assert saved  # typed at the end of the steps, saved as F7 was left
        await _open(pilot, app, "f7", "MinutesScreen")
        screen = app.screen
        assert screen.anonymous is True  # not in the session: kept across the release
        assert screen.query_one("#next-steps", TextArea).text == before + "Relancer"
        await pilot.press("ctrl+n")  # the switch goes on from where it was: off now
        assert screen.anonymous is False


async def test_a_dialog_open_keeps_its_section_and_live_sections_stay(store, clock) -> None:
    s = full_session()
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(140, 40)) as pilot:
        await _open(pilot, app, "f4", "CaptureScreen")
        capture = app.screen
        await _open(pilot, app, "f2", "OverviewScreen")
        await pilot.press("e")
        assert await until(pilot, lambda: _shown(app, "DetailsForm"))
        form = app.screen
        await _open(pilot, app, "f4", "CaptureScreen")
        assert app.screen is capture  # F4 is live: the same screen, never rebuilt
        await pilot.press("f2")
        assert await until(pilot, lambda: app.screen is form)  # the form as it was left


async def test_the_session_list_is_let_go_once_a_session_opens_and_comes_back(store, clock) -> None:
    first, second = full_session(title="Groupe A"), full_session(title="Groupe B")
    second.id = "b0000002"
    store.create(first)
    store.create(second)
    app = make_app(store, clock)
    async with app.run_test(size=(140, 40)) as pilot:
        assert await until(pilot, lambda: _shown(app, "HomeScreen") and app.screen.is_mounted)
        assert await until(pilot, lambda: _sessions(app).row_count == 2)
        await pilot.press("down")
        assert await until(pilot, lambda: _sessions(app).cursor_row == 1)
        chosen = app.screen.entries[1]
        home = weakref.ref(app.screen)
        await pilot.press("enter")
        assert await until(pilot, lambda: _shown(app, "OverviewScreen"))
        await _open(pilot, app, "f4", "CaptureScreen")
        gc.collect()
        assert home() is None
        await pilot.press("ctrl+x")
        assert await until(pilot, lambda: _shown(app, "HomeScreen") and app.screen.is_mounted)
        assert await until(pilot, lambda: _sessions(app).cursor_row == 1)  # where it was left
        assert app.screen.entries[1] == chosen


def _drawn_text(app, selector: str) -> list[str]:  # type: ignore[no-untyped-def]
    from textual.geometry import Region

    widget = app.screen.query_one(selector)
    lines = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return [line.text for line in lines]


async def test_a_live_section_left_forgets_its_drawn_lines_and_draws_the_same(store, clock) -> None:
    s = full_session()
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(140, 40)) as pilot:
        await _open(pilot, app, "f4", "CaptureScreen")
        capture = app.screen
        table = capture.query_one("#ideas")
        assert await until(
            pilot, lambda: any(s.ideas[0].text[:20] in t for t in _drawn_text(app, "#ideas"))
        )
        shown = _drawn_text(app, "#ideas")
        await _open(pilot, app, "f5", "VoteScreen")
        assert await until(pilot, lambda: not table._styles_cache._cache)  # nothing kept drawn
        await _open(pilot, app, "f4", "CaptureScreen")
        assert app.screen is capture
        assert await until(pilot, lambda: _drawn_text(app, "#ideas") == shown)
