"""F5: a count recalled with the arrows is replaced by what is typed, or edited with Backspace."""

from __future__ import annotations

from tests.vote_helpers import keys_taken, open_vote, rows, type_enter, with_ideas
from tests.waits import until
from tui.app import make_app
from tui.widgets.hands_input import HandsInput
from tui.widgets.idea_list import KeyedTable


def _row_of(app, number: str) -> list[str]:
    """The cells of item ``number``'s row in the hands table, as shown."""
    shown = (row for row in rows(app, "#hands-table") if row[0].plain == number)
    return [cell.plain for cell in next(shown)]


async def test_a_recalled_count_is_replaced_by_the_digit_typed(store, clock, session) -> None:
    with_ideas(store, session)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_vote(pilot)
        table = screen.query_one("#hands-table", KeyedTable)
        assert await until(pilot, table.current_key) == "6"  # last item read first
        await type_enter(pilot, "4")
        await type_enter(pilot, "3")
        await until(pilot, lambda: table.current_key() == "4")
        await keys_taken(pilot, "up")
        box = screen.query_one("#hands", HandsInput).input
        assert await until(pilot, lambda: box.value == "=3"), box.value  # "=": a total was typed
        await type_enter(pilot, "2")
        saved = lambda: store.load(session.id).vote.tallies[5].points  # noqa: E731
        assert await until(pilot, lambda: saved() == 2), saved()
        assert await until(pilot, lambda: _row_of(app, "5")[2:] == ["=2", "2"]), _row_of(app, "5")
        assert store.load(session.id).vote.tallies[6].points == 4


async def test_backspace_edits_a_recalled_count(store, clock, session) -> None:
    with_ideas(store, session)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_vote(pilot)
        table = screen.query_one("#hands-table", KeyedTable)
        assert await until(pilot, table.current_key) == "6"
        await type_enter(pilot, "3 2")
        await keys_taken(pilot, "up")
        box = screen.query_one("#hands", HandsInput).input
        assert await until(pilot, lambda: box.value == "3 2"), box.value
        await keys_taken(pilot, "backspace")  # the last hand, not the whole count
        assert await until(pilot, lambda: box.value == "3 "), box.value
        await type_enter(pilot, "1")
        saved = lambda: store.load(session.id).vote.tallies[6].hands  # noqa: E731
        assert await until(pilot, lambda: saved() == [3, 1]), saved()
        assert await until(pilot, lambda: _row_of(app, "6")[2:] == ["3 1", "4"]), _row_of(app, "6")
