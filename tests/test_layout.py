"""Layout at the sizes people use: whole footer keys, panes that stack on a small laptop.

The pictures themselves are in tests/test_snapshots.py; these tests hold the rules
behind them through resizes, on the keys the user presses.
"""

from __future__ import annotations

import pytest
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from tests.waits import until
from tui.app import make_app
from tui.widgets.fit_table import FitTable

SECTIONS = ("f2", "f3", "f4", "f5", "f6", "f7")


def _footer_drawn(app) -> bool:
    """The footer shows its keys, each laid out (a key just mounted has no width yet)."""
    keys = list(app.screen.query_one(Footer).query(FooterKey))
    return bool(keys) and all(k.region.width for k in keys)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_footer_shows_whole_keys_with_f1_first(store, clock, session, size) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=size) as pilot:
        for key in SECTIONS:
            await pilot.press(key)
            await until(pilot, lambda: _footer_drawn(app))  # it recomposes after a frame
            footer = app.screen.query_one(Footer)
            keys = [k for k in footer.query(FooterKey) if "-command-palette" not in k.classes]
            assert keys[0].key == "f1", key  # the way to every other key
            for shown in footer.query(FooterKey):
                # nothing cut at the right edge: every key ends inside the screen
                assert shown.region.right <= size[0], (key, shown.description)
                assert shown.region.width >= len(shown.description), (key, shown.description)
            # the section shown is not offered again
            assert f"section('{app.current_mode}')" not in {k.action for k in keys}


async def test_panes_stack_below_100_columns_and_come_back(store, clock, session) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#people-pane").display
        await pilot.resize_terminal(80, 24)
        # the resize reaches the screen, then its styles, a few frames later
        await until(pilot, lambda: not screen.query_one("#people-pane").display)
        assert screen.has_class("-narrow") and screen.has_class("-short")
        assert not screen.query_one("#people-pane").display  # the ideas take the width
        await pilot.press("f3")
        await until(pilot, lambda: app.screen.query_one("#clock-pane").region.width >= 78)
        clock_pane = app.screen.query_one("#clock-pane")
        agenda = app.screen.query_one("#agenda-pane")
        assert clock_pane.region.bottom <= agenda.region.y  # the clock above the agenda
        assert clock_pane.region.width >= 78
        await pilot.resize_terminal(120, 40)
        await until(pilot, lambda: clock_pane.region.right <= agenda.region.x)
        assert not app.screen.has_class("-narrow")
        assert clock_pane.region.right <= agenda.region.x  # side by side again


@pytest.mark.parametrize("width", [80, 120])
async def test_tables_keep_every_column_in_sight(store, clock, session, width) -> None:
    from sessions.capture import tour as capture

    store.transact(
        session.id,
        lambda s: capture.add_idea(s, "Une idée très longue " * 8, clock.now()),
    )
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(width, 30)) as pilot:
        for key, table_id in (("f2", "#agenda"), ("f3", "#agenda-table"), ("f4", "#ideas")):
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            table = app.screen.query_one(table_id, FitTable)
            total = sum(c.get_render_width(table) for c in table.ordered_columns)
            assert total <= table.size.width, (key, total, table.size.width)
