"""ctrl+z after the command line wrote: only the app's own change goes back (issue 13).

Undo used to restore whole parts: the app adds 1 idea, ``atelier import ideas``
adds 2, ctrl+z left 0 ideas. Now each undo puts back the few slots the change
touched, and refuses - saying which and why - when one of them changed since.
"""

from __future__ import annotations

import pytest

from sessions.capture import tour
from sessions.storage.store import SessionStore
from tests.waits import settled, until
from tui.app import make_app
from tui.cli.main import main
from tui.widgets.idea_list import KeyedTable

SIZE = (120, 40)


def messages(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The toasts, French typography's thin spaces read as plain ones."""
    return [n.message.replace("\u202f", " ").replace("\xa0", " ") for n in app._notifications]


def shown_ideas(app) -> list[str]:  # type: ignore[no-untyped-def]
    table = app.screen.query_one("#ideas", KeyedTable)
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]


def cli(store: SessionStore, *args: str) -> int:
    return main(["--data-dir", str(store.root), *args])


async def test_undo_removes_only_the_apps_idea_not_those_imported_since(
    store, clock, session, tmp_path
) -> None:
    path = tmp_path / "ideas.txt"
    path.write_text("Bus à la demande\nTiers-lieux\n", encoding="utf-8")
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        await until(pilot, lambda: app.current_mode == "capture")
        await pilot.press(*"Fibre partout", "enter")
        await until(pilot, lambda: store.load(session.id).ideas)
        assert [i.text for i in store.load(session.id).ideas] == ["Fibre partout"]
        assert cli(store, "import", "ideas", session.id, str(path)) == 0  # another terminal
        await pilot.press("ctrl+z")
        await until(pilot, lambda: "Annulé : idée" in messages(app))
        await until(pilot, lambda: shown_ideas(app) == ["Bus à la demande", "Tiers-lieux"])
        saved = store.load(session.id)
        assert [(i.number, i.text) for i in saved.ideas] == [
            (2, "Bus à la demande"),
            (3, "Tiers-lieux"),
        ]
        assert shown_ideas(app) == ["Bus à la demande", "Tiers-lieux"]
        assert "Annulé : idée" in messages(app)
        assert saved.capture.turns == [] and saved.capture.current_index == 0  # the turn too
        await pilot.press("ctrl+y")  # redo gives the idea back, beside the imported ones
        await until(pilot, lambda: len(store.load(session.id).ideas) == 3)
        texts = [i.text for i in store.load(session.id).ideas]
        assert sorted(texts) == ["Bus à la demande", "Fibre partout", "Tiers-lieux"]


async def test_undo_of_an_edit_the_command_line_changed_since_refuses_and_says_why(
    store, clock, session
) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        await until(pilot, lambda: app.current_mode == "capture")
        await pilot.press(*"Fibre", "enter")
        await until(pilot, lambda: store.load(session.id).ideas)
        await pilot.press("ctrl+r")
        await until(pilot, lambda: type(app.screen).__name__ == "AskScreen")
        await pilot.press("ctrl+u", *"Fibre partout", "enter")
        await until(pilot, lambda: store.load(session.id).idea(1).text == "Fibre partout")
        assert store.load(session.id).idea(1).text == "Fibre partout"
        store.transact(session.id, lambda s: tour.reformulate(s, 1, "Fibre et 5G", clock.now()))
        await pilot.press("ctrl+z")
        await until(pilot, lambda: "Impossible d'annuler" in " ".join(messages(app)))
        await until(pilot, lambda: shown_ideas(app) == ["Fibre et 5G"])
        said = messages(app)[-1]
        assert "Impossible d'annuler « reformulation »" in said
        assert "l'idée n°1 a changé depuis" in said
        assert store.load(session.id).idea(1).text == "Fibre et 5G"  # never overwritten
        assert shown_ideas(app) == ["Fibre et 5G"]
        # the refused step left the history: the next ctrl+z is the idea's own, refused too
        await pilot.press("ctrl+z")
        await until(pilot, lambda: "Impossible d'annuler « idée »" in messages(app)[-1])
        assert "Impossible d'annuler « idée »" in messages(app)[-1]
        assert [i.text for i in store.load(session.id).ideas] == ["Fibre et 5G"]


async def test_the_grid_s_changes_are_undone_with_ctrl_z(store, clock, session) -> None:
    def counted(s):  # type: ignore[no-untyped-def]
        from sessions.vote import envelope as v

        for n, text in enumerate(["Fibre", "Bus", "Vélo"], start=1):
            tour.add_idea(s, text, clock.now())
            v.enter_hands(s, n, str(n))
        v.close_count(s, True)

    store.transact(session.id, counted)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6")
        await until(pilot, lambda: app.current_mode == "grid" and settled(app))
        await pilot.press("p")  # the selected item (the first row) goes to "faible" today
        await until(pilot, lambda: store.load(session.id).grid.positions)
        placed = store.load(session.id).grid.positions
        assert [(n, p.present) for n, p in placed.items()] == [(3, "faible")]
        await pilot.press("ctrl+z")
        await until(pilot, lambda: any(m.startswith("Annulé") for m in messages(app)))
        assert store.load(session.id).grid.positions == {}
        assert any(m.startswith("Annulé : position de l'item n°3") for m in messages(app))


def _with_ideas(store: SessionStore, session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ideas.txt"
    path.write_text("Fibre\nBus\nVélo\nTiers-lieux\n", encoding="utf-8")  # envelope 2
    assert cli(store, "import", "ideas", session.id, str(path)) == 0


@pytest.mark.parametrize(
    ("votes", "left", "said"),
    [
        (  # others' ballots: the app's goes back, theirs stay
            "participant,2,3\nBruno Petit,1,1\nChloé Durand,,2\n",
            {"Bruno Petit": {2: 1, 3: 1}, "Chloé Durand": {3: 2}},
            ["Annulé : bulletin, item n°1"],
        ),
        (  # her ballot replaced by the import: refused, the import's kept
            "participant,4\nAlice Martin,1\n",
            {"Alice Martin": {4: 1}},
            ["Impossible d'annuler « bulletin, item n°1 »", "un bulletin a changé depuis"],
        ),
    ],
)
async def test_undo_takes_back_the_apps_ballot_never_one_imported_since(
    store, clock, session, tmp_path, votes, left, said
) -> None:
    _with_ideas(store, session, tmp_path)
    csv = tmp_path / "votes.csv"
    csv.write_text(votes, encoding="utf-8")
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await until(pilot, lambda: app.current_mode == "vote" and settled(app))
        await pilot.press("f8")  # the vote, on ballots
        on_ballots = lambda: getattr(app.focused, "id", None) == "ballots-table"  # noqa: E731
        await until(pilot, lambda: on_ballots() and settled(app))
        await pilot.press("2")  # Alice, item 1 (where the cursor starts): 2 points
        await until(pilot, lambda: store.load(session.id).vote.ballots)
        names = {p.id: p.name for p in store.load(session.id).participants}
        assert store.load(session.id).vote.ballots == {next(iter(names)): {1: 2}}  # Alice
        assert cli(store, "import", "votes", session.id, str(csv)) == 0  # another terminal
        await pilot.press("ctrl+z")
        await until(pilot, lambda: any(said[0] in m for m in messages(app)))
        saved = store.load(session.id)
        assert {names[pid]: row for pid, row in saved.vote.ballots.items()} == left
        assert saved.vote.method == "ballots"
        toast = next(m for m in reversed(messages(app)) if said[0] in m)
        assert all(part in toast for part in said)


async def test_undo_in_the_app_never_takes_back_atelier_vote(store, clock, session, tmp_path):
    _with_ideas(store, session, tmp_path)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", *"3 2", "enter")  # the first item read: hands 3 and 2
        await until(pilot, lambda: store.load(session.id).vote.tallies)
        (number,) = store.load(session.id).vote.tallies
        assert cli(store, "vote", session.id, "close") == 0  # another terminal closes the count
        assert cli(store, "vote", session.id, "reveal") == 0
        await pilot.press("ctrl+z")  # takes back the app's hands, and only them
        await until(pilot, lambda: any(m.startswith("Annulé") for m in messages(app)))
        saved = store.load(session.id)
        assert saved.vote.tallies == {}
        assert saved.vote.counted and saved.vote.revealed  # the command line's, kept
        assert f"Annulé : mains de l'item n°{number}" in messages(app)
        await pilot.press("ctrl+z")  # nothing else is the app's
        await until(pilot, lambda: messages(app)[-1] == "Rien à annuler.")
        assert messages(app)[-1] == "Rien à annuler."
        assert store.load(session.id).vote.counted
