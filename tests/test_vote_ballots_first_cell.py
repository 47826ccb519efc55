"""F5 in ballots: the first digit typed fills the first item's cell; it was dropped without
a word, the cursor starting on the voters' names (and a digit typed there went nowhere)."""

from __future__ import annotations

from textual.widgets import DataTable

from tests.vote_helpers import keys_taken, open_vote, with_ideas
from tests.waits import until
from tui.app import make_app


async def test_digits_typed_at_once_fill_the_ballot(store, clock, session) -> None:
    with_ideas(store, session, 6)  # envelope 3
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_vote(pilot)
        await keys_taken(pilot, "f8")
        assert await until(pilot, lambda: store.load(session.id).vote.method == "ballots")
        ballots = lambda: store.load(session.id).vote.ballots  # noqa: E731
        alice, bob = (p.id for p in store.load(session.id).participants[:2])
        await keys_taken(pilot, "2", "1")
        assert await until(pilot, lambda: ballots().get(alice) == {1: 2, 2: 1}), ballots()
        table = screen.query_one("#ballots-table", DataTable)
        await keys_taken(pilot, "down", *["left"] * 5)  # Bob's name
        assert await until(pilot, lambda: table.cursor_column == 0)
        await keys_taken(pilot, "3")  # on a name: the voter's first item
        assert await until(pilot, lambda: ballots().get(bob) == {1: 3}), ballots()
