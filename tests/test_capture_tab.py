"""A Tab typed in F4's idea box is a space, as a pasted tab becomes: no word glued, none lost.

F4 has one field (the list never takes the focus), so Tab moves nothing there;
before, it was swallowed and "Avec<Tab>tab ici" was saved as "Avectab ici".
"""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input

from sessions.agenda.catalog import find_template
from sessions.core.factory import session_from_template
from sessions.people.names import parse_participants
from tests.waits import until
from tui.app import make_app
from tui.widgets.idea_list import KeyedTable

PEOPLE = "Personne 1\nPersonne 2"


def _session(store):  # type: ignore[no-untyped-def]
    s = session_from_template(
        find_template("territoire-numerique-10-ans"),
        title="Tab",
        on=dt.date(2026, 11, 22),
        participants=parse_participants(PEOPLE),
    )
    store.create(s)
    return s


def _texts(store, sid) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.text for i in sorted(store.load(sid).ideas, key=lambda i: i.number)]


def _rows(app) -> list[str]:  # type: ignore[no-untyped-def]
    table = app.screen.query_one("#ideas", KeyedTable)
    return [table.get_row_at(i)[1].plain for i in range(table.row_count)]


async def test_a_tab_typed_in_an_idea_is_a_space(store, clock) -> None:
    s = _session(store)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await until(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == "entry")
        await pilot.press(*"Avec", "tab")
        await pilot.press(*"tab ici")
        entry = app.screen.query_one("#entry", Input)
        assert await until(pilot, lambda: entry.value == "Avec tab ici"), entry.value
        assert app.focused is entry  # the box keeps the focus
        await pilot.press("enter")
        await until(pilot, lambda: len(_rows(app)) == 1)
        assert _rows(app) == ["Avec tab ici"]
        assert _texts(store, s.id) == ["Avec tab ici"]


async def test_a_burst_with_a_tab_then_enter_saves_both_words(store, clock) -> None:
    s = _session(store)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4", *"Idée", "tab", *"suite", "enter", *"Deux", "enter")
        await until(pilot, lambda: len(_rows(app)) == 2)
        assert _rows(app) == ["Idée suite", "Deux"]
        assert _texts(store, s.id) == ["Idée suite", "Deux"]
        assert app.screen.query_one("#entry", Input).value == ""
