"""F4 follows the new idea after Enter, even when the scribe had chosen an earlier one.

At 80x24 the list shows a dozen rows: with an earlier idea chosen (Up Up, an
action on it, its undo), the next ideas given must show with their numbers,
the cursor let go to the new last row. An action on the chosen idea that adds
none (delete, undo) keeps the cursor on it.
"""

from __future__ import annotations

import datetime as dt

from sessions.agenda.catalog import find_template
from sessions.core.factory import session_from_template
from sessions.people.names import parse_participants
from tests.waits import until
from tui.app import make_app
from tui.widgets.idea_list import KeyedTable

PEOPLE = "\n".join(f"Personne {n}" for n in range(1, 4))


def _session(store):  # type: ignore[no-untyped-def]
    s = session_from_template(
        find_template("territoire-numerique-10-ans"),
        title="Suivi",
        on=dt.date(2026, 11, 22),
        participants=parse_participants(PEOPLE),
    )
    store.create(s)
    return s


def _shown(table: KeyedTable) -> str:
    """The text the ideas table draws on the terminal."""
    return "\n".join(strip.text for strip in table.render_lines(table.region.reset_offset))


def _chosen(table: KeyedTable) -> str | None:
    return table.current_key()


async def _fill(pilot, count: int) -> None:  # type: ignore[no-untyped-def]
    for n in range(1, count + 1):
        await pilot.press(*f"Idée {n}", "enter")
    await until(pilot, lambda: pilot.app.screen.query_one("#ideas", KeyedTable).row_count == count)


async def _give_four(pilot) -> KeyedTable:  # type: ignore[no-untyped-def]
    for k in range(1, 5):
        await pilot.press(*f"Idée K{k}", "enter")
    table = pilot.app.screen.query_one("#ideas", KeyedTable)
    await until(pilot, lambda: "Idée K4" in _shown(table))
    return table


async def test_new_ideas_show_after_up_up_at_80x24(store, clock) -> None:
    s = _session(store)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await _fill(pilot, 14)
        table = app.screen.query_one("#ideas", KeyedTable)
        await pilot.press("up", "up")
        await until(pilot, lambda: _chosen(table) == "12")
        table = await _give_four(pilot)
        shown = _shown(table)
        for k in range(1, 5):  # each new idea and its number on screen
            assert f"{14 + k}" in shown and f"Idée K{k}" in shown
        assert _chosen(table) == "18"  # the chosen row let go: the cursor is on the last one
        saved = sorted(store.load(s.id).ideas, key=lambda i: i.number)
        assert [(i.number, i.text) for i in saved[-4:]] == [
            (15, "Idée K1"),
            (16, "Idée K2"),
            (17, "Idée K3"),
            (18, "Idée K4"),
        ]


async def test_new_ideas_show_after_a_delete_and_its_undo(store, clock) -> None:
    s = _session(store)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await _fill(pilot, 14)
        table = app.screen.query_one("#ideas", KeyedTable)
        await pilot.press("up", "up", "ctrl+d")
        await until(pilot, lambda: store.load(s.id).idea(12).deleted)
        assert _chosen(table) == "12"  # a delete keeps the chosen idea
        await pilot.press("ctrl+z")
        await until(pilot, lambda: not store.load(s.id).idea(12).deleted)
        assert _chosen(table) == "12"  # so does its undo
        table = await _give_four(pilot)
        shown = _shown(table)
        for k in range(1, 5):
            assert f"{14 + k}" in shown and f"Idée K{k}" in shown
        assert _chosen(table) == "18"
        assert len(store.load(s.id).ideas) == 18
