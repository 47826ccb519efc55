"""``atelier vote SESSION close|reopen|reveal|merge N M...|unmerge N``: domain, CLI, open app."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sessions.capture import tour as cap
from sessions.vote import envelope as v
from sessions.vote import ops as vote_ops
from sessions.vote.ranking import ranked_items
from tui.app import FILE_POLL_SECONDS, make_app
from tui.cli.context import EXIT_INVALID, EXIT_NOT_FOUND, EXIT_USAGE
from tui.cli.main import main
from tui.widgets.idea_list import KeyedTable

T0 = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
# Points per item (4 voters present, envelope 6 // 2 = 3): items 5 and 6 get none.
BALLOTS = [{1: 2, 2: 1}, {1: 1, 3: 2}, {3: 1, 4: 2}, {1: 3}]


def voted(session) -> None:
    for n in range(1, 7):
        cap.add_idea(session, f"item {n}", T0)
    v.set_method(session, "ballots")
    for person, row in zip(session.participants, BALLOTS, strict=True):
        for number, value in row.items():
            v.set_ballot(session, person.id, number, value)


@pytest.fixture
def sid(store, session) -> str:
    store.transact(session.id, voted)
    return session.id


def run(store, *argv: str) -> int:
    return main(["--data-dir", str(store.root), "--lang", "en", "vote", *argv])


def status(session) -> dict[int, str]:
    return {i.number: i.status for i in ranked_items(session)}


# -- domain -------------------------------------------------------------------
def test_close_strikes_zero_point_items_and_refuses_twice(session) -> None:
    voted(session)
    assert status(session)[5] == "active"  # before the count is closed
    assert vote_ops.close(session) == 2
    assert (status(session)[5], status(session)[6]) == ("struck", "struck")
    with pytest.raises(v.VoteError) as err:
        vote_ops.close(session)
    assert err.value.key == "vote.err.already_closed"
    vote_ops.reopen(session)
    assert status(session)[5] == "active" and not session.vote.counted
    with pytest.raises(v.VoteError) as err:
        vote_ops.reopen(session)
    assert err.value.key == "vote.err.not_closed"


def test_close_without_items_is_refused(session) -> None:
    with pytest.raises(v.VoteError) as err:
        vote_ops.close(session)
    assert err.value.key == "vote.err.no_items" and not session.vote.counted


def test_merge_and_reveal_come_after_the_count(session) -> None:
    voted(session)
    for action in (lambda: vote_ops.merge(session, [2, 4]), lambda: vote_ops.reveal(session)):
        with pytest.raises(v.VoteError) as err:
            action()
        assert err.value.key == "vote.err.close_first"
    assert session.idea(4).merged_into is None and not session.vote.revealed
    vote_ops.close(session)
    assert vote_ops.merge(session, [4, 2]) == 2
    summary = vote_ops.vote_summary(session)
    assert summary["merged"] == {"2": [2, 4]}
    assert summary["top"][:2] == [1, 2]  # 6 points, then 2 + 4 = 3 before 3 (3 points)
    assert summary["total_points"] == 12  # merging never changes the total
    with pytest.raises(v.VoteError) as err:
        vote_ops.merge(session, [4, 5])
    assert err.value.key == "vote.err.already_merged"
    assert vote_ops.unmerge(session, 2) == [4]
    assert vote_ops.vote_summary(session)["merged"] == {}
    vote_ops.reveal(session)
    assert session.vote.revealed
    with pytest.raises(v.VoteError) as err:
        vote_ops.reveal(session)
    assert err.value.key == "vote.err.already_revealed"


# -- command line -------------------------------------------------------------
def test_cli_close_json_result(store, sid, capsys) -> None:
    capsys.readouterr()
    assert run(store, sid, "close", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["action"] == "close" and data["counted"] is True
    assert data["struck"] == [5, 6] and data["top"] == [1, 3, 4, 2]
    assert (data["items"], data["total_points"], data["method"]) == (6, 12, "ballots")
    assert data["revealed"] is False and data["blind"] is False and data["merged"] == {}
    assert store.load(sid).vote.counted


def test_cli_every_action_in_turn(store, sid, capsys) -> None:
    assert run(store, sid, "close") == 0
    assert "2 items with 0 points struck; top: 1, 3, 4, 2" in capsys.readouterr().out
    assert run(store, sid, "merge", "2", "4", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["survivor"] == 2 and data["merged"] == {"2": [2, 4]}
    assert store.load(sid).idea(4).merged_into == 2
    assert run(store, sid, "unmerge", "2", "--json") == 0
    assert json.loads(capsys.readouterr().out)["released"] == [4]
    assert store.load(sid).idea(4).merged_into is None
    assert run(store, sid, "reveal") == 0
    assert "Ranking revealed" in capsys.readouterr().out
    assert store.load(sid).vote.revealed
    assert run(store, sid, "reopen") == 0
    assert "reopened" in capsys.readouterr().out
    assert not store.load(sid).vote.counted


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["merge", "1", "2"], EXIT_INVALID, "Close the count first"),
        (["reveal"], EXIT_INVALID, "Close the count first"),
        (["reopen"], EXIT_INVALID, "The count is not closed"),
        (["unmerge", "3"], EXIT_INVALID, "Item 3 is not a merge"),
        (["merge", "1"], EXIT_USAGE, "merge expects N M..."),
        (["merge", "1", "²"], EXIT_USAGE, "“²”: type item numbers"),
        (["unmerge"], EXIT_USAGE, "unmerge expects N"),
        (["close", "3"], EXIT_USAGE, "close takes no item number"),
    ],
)
def test_cli_refusals_change_nothing(store, sid, capsys, argv, code, message) -> None:
    before = store.path_for(sid).read_bytes()
    capsys.readouterr()
    assert run(store, sid, *argv) == code
    out, err = capsys.readouterr()
    assert message in err and out == ""
    assert store.path_for(sid).read_bytes() == before


def test_cli_refusals_once_closed(store, sid, capsys) -> None:
    assert run(store, sid, "close") == 0
    before = store.path_for(sid).read_bytes()
    capsys.readouterr()
    assert run(store, sid, "close") == EXIT_INVALID
    assert "already closed" in capsys.readouterr().err
    assert run(store, sid, "merge", "1", "99") == EXIT_INVALID
    assert "no item number 99" in capsys.readouterr().err
    assert store.path_for(sid).read_bytes() == before


def test_cli_unknown_session(store, sid, capsys) -> None:
    assert run(store, "nope", "close") == EXIT_NOT_FOUND
    assert "unknown session: nope" in capsys.readouterr().err


# -- the open app picks the change up -------------------------------------------
async def test_open_app_shows_a_cli_close_and_merge(store, clock, sid) -> None:
    assert FILE_POLL_SECONDS <= 1  # the app polls the file at least every second
    app = make_app(store, clock, session_ref=sid)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        screen = app.screen
        assert not screen.query_one("#results-pane").display
        assert run(store, sid, "close") == 0  # from "another terminal"
        app.poll_file()  # what the app's interval does
        await pilot.pause()
        assert screen.query_one("#results-pane").display
        assert app.session.vote.counted
        results = screen.query_one("#results-table", KeyedTable)
        rows = [results.get_row_at(i) for i in range(results.row_count)]
        struck = [r for r in rows if "strike" in str(r[2].style)]
        assert [r[1].plain for r in struck] == ["5", "6"]
        assert run(store, sid, "merge", "2", "4") == 0
        app.poll_file()
        await pilot.pause()
        rows = [results.get_row_at(i) for i in range(results.row_count)]
        assert any(r[1].plain == "2 + 4" and r[3].plain == "3" for r in rows)
        # the app goes on from the CLI's state: its own ctrl+k reopens the count
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert not store.load(sid).vote.counted
        assert store.load(sid).idea(4).merged_into == 2
