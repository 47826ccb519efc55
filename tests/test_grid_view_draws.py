"""F6 draws the grid once per change of what it shows or of its width.

Drawing 5,000 placed items is tens of milliseconds: F6 drew it four times when
opened (before its layout at a guessed width, on each Resize, again from the
screen's resize) and refilled its table of items twice. Here the drawing is
counted (``GridView.draws``) through what the user does: open F6, let the timer
tick, another process change the session, press a key, make the terminal shorter
or narrower; and what is shown is the previous drawing's text.
"""

from __future__ import annotations

import datetime as dt

import grid_drawing_reference as reference
from grid_examples import full_session
from textual.visual import Visual
from waits import until

from sessions.grid.placement import grid_entries
from sessions.models import Idea
from sessions.models.grid import GridPosition, Level
from sessions.models.vote import HandTally
from tui.app import make_app
from tui.screens.grid import GridScreen
from tui.widgets.grid_view import GridView

AT = dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.UTC)
MORE = 240  # crowded cells: marks past three lines end in "+N"


def crowded_session():
    s = full_session()
    first = max(i.number for i in s.ideas) + 1
    levels = list(Level)
    for k, number in enumerate(range(first, first + MORE)):
        s.ideas.append(Idea(number=number, text=f"Idée {number}", author_id="p-1", created_at=AT))
        s.vote.tallies[number] = HandTally(total=k % 17)
        s.grid.positions[number] = GridPosition(present=levels[k % 3], future=levels[k // 3 % 3])
    s.grid.items = [i.number for i in s.ideas]
    return s


def drawn_as_before(app) -> bool:
    """The widget's lines are the previous drawing's at the widget's width."""
    view = app.screen.query_one(GridView)
    s = app.session
    width = view.content_size.width
    return view.lines == reference.widget_lines(grid_entries(s), s.grid.kind, s.horizon_year, width)


async def settle(pilot, rounds: int = 6) -> None:
    for _ in range(rounds):
        await pilot.pause()


async def test_f6_draws_the_grid_once_per_change(store, clock, monkeypatch) -> None:
    fills: list[int] = []
    real_fill = GridScreen._fill_table

    def counting_fill(self, s, entries):
        fills.append(len(entries))
        real_fill(self, s, entries)

    monkeypatch.setattr(GridScreen, "_fill_table", counting_fill)
    s = crowded_session()
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f6")
        view = await until(pilot, lambda: app.screen.query_one(GridView))
        await until(pilot, lambda: view.draws)
        await settle(pilot)
        assert view.draws == 1  # opened: drawn once, at its width
        assert fills == [len(grid_entries(app.session))]  # and the table filled once
        assert drawn_as_before(app)
        assert any("+" in line for line in view.lines[:20])  # crowded cells, capped

        for _ in range(8):  # the timer's ticks
            clock.advance(1)
            app.tick()
        await settle(pilot)
        assert view.draws == 1

        store.transact(s.id, lambda live: setattr(live, "theme", "Un autre thème"))
        app.poll_file()  # another process changed the session, not the grid
        await until(pilot, lambda: app.session.theme == "Un autre thème")
        await settle(pilot)
        assert view.draws == 1

        await pilot.press("p")  # the first item moves: drawn again, once
        await until(pilot, lambda: view.draws >= 2)
        await settle(pilot)
        assert view.draws == 2
        assert drawn_as_before(app)

        filled = len(fills)
        await pilot.resize_terminal(140, 30)  # shorter: same width, nothing redrawn
        await until(pilot, lambda: app.screen.size.height == 30)
        await settle(pilot)
        assert view.draws == 2 and len(fills) == filled  # nor the table refilled

        await pilot.resize_terminal(110, 30)  # narrower: drawn at the new width
        await until(pilot, lambda: view.drawn_width is not None and view.drawn_width < 100)
        await settle(pilot)
        assert view.draws == 3
        assert drawn_as_before(app)


def table_state(table) -> tuple[list[list[object]], list[int], int]:
    rows = [table.get_row_at(i) for i in range(table.row_count)]
    return rows, [c.content_width for c in table.ordered_columns], table.cursor_row


async def test_a_cell_changed_in_place_shows_what_a_refill_shows(store, clock) -> None:
    """p, a long reason, x, the reason wiped: a cell or two updated, as if refilled.

    Refilled, the table's columns grow to a wider cell and keep their width when
    it goes (``DataTable.clear`` keeps the columns): updated in place, the same.
    """
    s = crowded_session()
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f6")
        screen = await until(pilot, lambda: isinstance(app.screen, GridScreen) and app.screen)
        table = screen.table
        await until(pilot, lambda: table.row_count > MORE)
        clears: list[bool] = []
        real_clear = table.clear

        def counting_clear(columns: bool = False):
            clears.append(columns)
            return real_clear(columns)

        table.clear = counting_clear
        long_reason = (
            "Parce que le très haut débit arrive partout en 2030, zones blanches comprises"
        )
        wiped = ("r", "end", *["backspace"] * len(long_reason), "enter")  # narrower again
        steps = [("down", "down", "p"), ("r", *long_reason, "enter"), ("x",), wiped]
        for pressed in steps:
            widths = table_state(table)[1]
            await pilot.press(*pressed)
            await settle(pilot)
            assert clears == []  # updated in place
            assert await until(pilot, lambda: not table._require_update_dimensions)
            shown = table_state(table)
            assert all(now >= was for now, was in zip(shown[1], widths, strict=True))
            screen._shown_rows = {}  # forget what is shown: the next fill is a full one
            screen.refresh_from_session()
            assert clears == [False]
            assert await until(pilot, lambda: not table._require_update_dimensions)
            assert table_state(table) == shown
            clears.clear()
        saved = store.load(s.id).grid.positions[int(table.get_row_at(2)[0])]
        assert (saved.present, saved.future, saved.reason) == (None, None, "")


async def test_only_the_lines_in_sight_are_rendered(store, clock, monkeypatch) -> None:
    """A legend of hundreds of lines: the terminal's few lines are rendered, not all of them."""
    rendered: list[int] = []  # lines turned into strips for the grid's widget
    real = Visual.to_strips.__func__

    def counting(cls, widget, visual, width, height, style, **options):
        strips = real(cls, widget, visual, width, height, style, **options)
        if isinstance(widget, GridView):
            rendered.append(len(strips))
        return strips

    monkeypatch.setattr(Visual, "to_strips", classmethod(counting))
    s = crowded_session()
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f6")
        view = await until(pilot, lambda: app.screen.query_one(GridView))
        await until(pilot, lambda: view.draws and rendered)
        await settle(pilot)
        assert len(view.lines) > MORE  # one legend line per item
        assert view.size.height == len(view.lines)  # laid out at its full height
        assert 0 < sum(rendered) <= 40  # but only what the screen shows is rendered
        rendered.clear()
        app.screen.query_one("#grid-body").scroll_end(animate=False)
        await until(pilot, lambda: rendered)
        await settle(pilot)
        assert 0 < sum(rendered) <= 40  # scrolled to the legend's end: those lines only
