"""F5: closing the count shows the top of the ranking, wherever the reading had got to."""

from __future__ import annotations

from tests.vote_helpers import keys_taken, open_vote, rows, shown, type_enter, with_ideas
from tests.waits import until
from tui.app import make_app
from tui.widgets.idea_list import KeyedTable


async def test_closing_the_count_shows_rank_one(store, clock, session) -> None:
    with_ideas(store, session, 40)  # read from 40 down to 34
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_vote(pilot)
        hands = screen.query_one("#hands-table", KeyedTable)
        assert await until(pilot, hands.current_key) == "40"
        for count in ("1", "3 2", "2", "", "5 5", "1 1", "4"):
            await type_enter(pilot, count)
        await until(pilot, lambda: len(store.load(session.id).vote.tallies) == 7)
        await keys_taken(pilot, "ctrl+k")
        await until(pilot, lambda: "Décompte clos" in shown(app, "#vote-hint"))
        table = screen.query_one("#results-table", KeyedTable)
        assert rows(app)[0][1].plain == "36"  # 5 + 5 points: rank 1
        await until(pilot, lambda: table.scroll_y == 0 and table.cursor_row == 0)
        assert table.cursor_row == 0  # the cursor on rank 1, not where the reading stopped
        assert table.scroll_y == 0  # rank 1 on screen, not the struck items
