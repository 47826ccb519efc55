"""Pilot tests of F5: hands, ballots, envelope, count, merge by consensus, blind and reveal."""

from __future__ import annotations

from tests.vote_helpers import (
    keys_taken,
    on_top,
    open_vote,
    rows,
    shown,
    toast_said,
    type_enter,
    with_ideas,
)
from tests.waits import until
from tui.app import make_app
from tui.widgets.idea_list import KeyedTable

__all__ = ["with_ideas"]  # test_section_key_burst.py and test_typing_ahead.py take it from here


async def test_hands_order_toggle_merge_and_ranking(store, clock, session) -> None:
    with_ideas(store, session)  # 4 voters, envelope 3
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_vote(pilot)
        table = screen.query_one("#hands-table", KeyedTable)
        assert await until(pilot, table.current_key) == "6"  # last item read first
        await keys_taken(pilot, "ctrl+o")
        await until(pilot, lambda: table.current_key() == "1")
        assert table.current_key() == "1"
        for hands in ("3 1", "2", "", "1+1", "2 2", "1"):
            await type_enter(pilot, hands)
        tallies = lambda: store.load(session.id).vote.tallies  # noqa: E731
        await until(pilot, lambda: len(tallies()) == 6)
        saved = store.load(session.id)
        assert {n: t.points for n, t in saved.vote.tallies.items()} == {
            1: 4,
            2: 2,
            3: 0,  # Enter alone: counted, no hands
            4: 2,
            5: 4,
            6: 1,
        }
        warning = screen.query_one("#vote-warning")
        await until(pilot, lambda: warning.display and "13" in str(warning.render()))
        assert warning.display and "13" in str(warning.render())  # 13 > 4 x 3
        # envelope override
        await pilot.press("ctrl+e")
        await on_top(pilot, "AskScreen")
        await type_enter(pilot, "5")
        await until(pilot, lambda: store.load(session.id).vote.envelope == 5)
        assert store.load(session.id).vote.envelope == 5
        await until(pilot, lambda: not screen.query_one("#vote-warning").display)
        assert not screen.query_one("#vote-warning").display
        # close the count: 3 (no tally) is struck
        await keys_taken(pilot, "ctrl+k")
        await until(pilot, lambda: "Décompte clos" in shown(app, "#vote-hint"))
        assert screen.query_one("#results-pane").display
        assert "Décompte clos" in shown(app, "#vote-hint")  # keys that apply now
        ranked = rows(app)
        assert [r[0].plain for r in ranked] == [
            "1 (ex aequo)",
            "1 (ex aequo)",
            "3 (ex aequo)",
            "3 (ex aequo)",
            "5",
            "",
        ]
        assert "strike" in str(ranked[-1][2].style)
        # merge 2 and 4 by consensus, then refuse without consensus
        await pilot.press("ctrl+f")
        await on_top(pilot, "AskScreen")
        await type_enter(pilot, "2 4")
        await on_top(pilot, "ConfirmScreen")
        await keys_taken(pilot, "y")
        await until(pilot, lambda: store.load(session.id).idea(4).merged_into == 2)
        saved = store.load(session.id)
        assert saved.idea(4).merged_into == 2
        await pilot.press("ctrl+f")
        await on_top(pilot, "AskScreen")
        await type_enter(pilot, "5 6")
        await on_top(pilot, "ConfirmScreen")
        await keys_taken(pilot, "n")
        await toast_said(pilot, "Pas de consensus")
        assert store.load(session.id).idea(6).merged_into is None
        await until(pilot, lambda: any(r[1].plain == "2 + 4" for r in rows(app)))
        ranked = rows(app)
        assert ranked[0][1].plain in ("2 + 4", "1", "5")
        assert any(r[1].plain == "2 + 4" and r[3].plain == "4" for r in ranked)
        # undo the merge
        await keys_taken(pilot, "ctrl+z")
        await until(pilot, lambda: store.load(session.id).idea(4).merged_into is None)
        assert store.load(session.id).idea(4).merged_into is None


async def test_ballots_grid_refuses_over_envelope(store, clock, session) -> None:
    with_ideas(store, session, 4)  # envelope 2
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_vote(pilot)
        await keys_taken(pilot, "f8")
        await until(pilot, lambda: store.load(session.id).vote.method == "ballots")
        assert store.load(session.id).vote.method == "ballots"
        await keys_taken(pilot, "2")  # Alice, item 1 (the cursor starts there): 2 points
        await until(pilot, lambda: store.load(session.id).vote.ballots)
        await keys_taken(pilot, "1")  # Alice, item 2: would make 3 > 2
        await toast_said(pilot, "Alice", "3 points")
        saved = store.load(session.id)
        alice = saved.participants[0].id
        assert saved.vote.ballots[alice] == {1: 2}
        await keys_taken(pilot, "7")  # 7 > 5 refused too
        await toast_said(pilot, "7")
        assert store.load(session.id).vote.ballots[alice] == {1: 2}


async def test_blind_mode_hides_until_reveal(store, clock, session) -> None:
    with_ideas(store, session, 4)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_vote(pilot)
        await keys_taken(pilot, "ctrl+l")
        await until(pilot, lambda: store.load(session.id).vote.blind)
        await type_enter(pilot, "3 2")
        table = screen.query_one("#hands-table", KeyedTable)
        await until(pilot, lambda: table.get_row_at(0)[3].plain)
        assert table.get_row_at(0)[3].plain == "?"
        assert "?" in shown(app, "#envelope")
        await pilot.press("f12")
        await on_top(pilot, "RevealScreen")
        assert store.load(session.id).vote.revealed
        await keys_taken(pilot, "space")  # uncovers the last place first
        await until(pilot, lambda: "item 4" in shown(app, "#reveal-list"))
        listed = shown(app, "#reveal-list")
        # Items 1-3 got no point: never revealed (issue 13), so the top is item 4 alone.
        assert "item 4" in listed and "item 3" not in listed
        await keys_taken(pilot, "a")
        await until(pilot, lambda: "5 pts" in shown(app, "#reveal-list"))
        listed = shown(app, "#reveal-list")
        assert "   1  n°4  item 4   5 pts" in listed
        await pilot.press("escape")
        await on_top(pilot, "VoteScreen")
        await until(pilot, lambda: table.get_row_at(0)[3].plain == "5")
        assert table.get_row_at(0)[3].plain == "5"
