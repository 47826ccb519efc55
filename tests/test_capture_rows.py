"""F4's list after an Enter adds one row only, and still matches the file after anything else.

An idea given at the keyboard is added as one row (the list is not compared
idea by idea); an undo, a redo, a deletion and a change written by another
process (re-read before the next save) go through the full comparison. The
rows, their order and the counts in the title are read from the screen and
checked against the saved file.
"""

from __future__ import annotations

import datetime as dt
import re

from textual.widgets import Static

from sessions.agenda.catalog import find_template
from sessions.core.factory import session_from_template
from sessions.people.names import parse_participants
from sessions.vote.ranking import counts_as_idea
from tests.waits import until
from tui.app import make_app
from tui.widgets.idea_list import KeyedTable

PEOPLE = "\n".join(f"Personne {n}" for n in range(1, 4))


def _session(store):  # type: ignore[no-untyped-def]
    s = session_from_template(
        find_template("territoire-numerique-10-ans"),
        title="Tour",
        on=dt.date(2026, 11, 22),
        participants=parse_participants(PEOPLE),
    )
    store.create(s)
    return s


def _rows(app) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    table = app.screen.query_one("#ideas", KeyedTable)
    return [
        (table.get_row_at(i)[0].plain, table.get_row_at(i)[1].plain) for i in range(table.row_count)
    ]


def _on_disk(store, sid) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(str(i.number), i.text) for i in sorted(store.load(sid).ideas, key=lambda i: i.number)]


def _title(app) -> list[int]:  # type: ignore[no-untyped-def]
    """The title's two numbers: the ideas that count, the numbers given."""
    shown = str(app.screen.query_one("#ideas-title", Static).render())
    assert shown.startswith("Idées")
    return [int(n) for n in re.findall("[0-9]+", shown)]


def _counts(store, sid) -> list[int]:  # type: ignore[no-untyped-def]
    saved = store.load(sid)
    return [sum(1 for i in saved.ideas if counts_as_idea(i)), len(saved.ideas)]


async def _give(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*text, "enter")
    await pilot.pause()


async def test_enters_undo_redo_and_delete_keep_the_list_as_the_file(store, clock) -> None:
    s = _session(store)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        for text in ("Bus numérique", "Tiers-lieu", "Café des aidants"):
            await _give(pilot, text)
        assert _rows(app) == _on_disk(store, s.id) and len(_rows(app)) == 3
        assert _title(app) == _counts(store, s.id) == [3, 3]
        await pilot.press("up", "ctrl+d")  # delete number 2
        await pilot.pause()
        await _give(pilot, "Atelier seniors")  # one row added after a full redraw
        assert _rows(app) == _on_disk(store, s.id) and _rows(app)[-1] == ("4", "Atelier seniors")
        assert _title(app) == _counts(store, s.id) == [3, 4]
        await pilot.press("ctrl+z")  # the last idea taken back
        await pilot.pause()
        assert _rows(app) == _on_disk(store, s.id) and len(_rows(app)) == 3
        assert _title(app) == _counts(store, s.id)
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert _rows(app) == _on_disk(store, s.id) and _rows(app)[-1] == ("4", "Atelier seniors")
        await _give(pilot, "Permanence en mairie")
        assert _rows(app) == _on_disk(store, s.id) and len(_rows(app)) == 5
        assert _title(app) == _counts(store, s.id) == [4, 5]
        table = app.screen.query_one("#ideas", KeyedTable)
        assert table.current_key() == "5"  # an idea given lets go of the one chosen with Up
        await pilot.press("up", "up")  # an earlier idea chosen: the next idea is still followed
        assert await until(pilot, lambda: table.current_key() == "3")
        await _give(pilot, "Tiers-lieu bis")
        assert table.current_key() == "6" and _rows(app) == _on_disk(store, s.id)


async def test_an_enter_after_another_process_wrote_shows_both_changes(store, clock) -> None:
    s = _session(store)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await _give(pilot, "Bus numérique")
        await _give(pilot, "Tiers-lieu")

        def elsewhere(session) -> None:  # type: ignore[no-untyped-def]
            session.idea(1).text = "Bus numérique (reformulé ailleurs)"

        store.transact(s.id, elsewhere)  # from another terminal, before the app polls
        await _give(pilot, "Café des aidants")  # the save re-reads the file first
        assert (
            _rows(app)
            == _on_disk(store, s.id)
            == [
                ("1", "Bus numérique (reformulé ailleurs)"),
                ("2", "Tiers-lieu"),
                ("3", "Café des aidants"),
            ]
        )
        assert _title(app) == _counts(store, s.id)
