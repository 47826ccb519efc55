"""F6 typed in one burst, as a scribe types: r then the reason, Enter, the next row, its reason.

Every key goes where it was meant: the reason's first letters are not lost on the
table, the keys after Enter move in the table (not into the reason), and each reason
is saved on the item it was typed for.
"""

from __future__ import annotations

import pytest
from grid_examples import full_session
from test_typing_ahead import send_keys
from textual import events

from bench.typing_child import key_events
from sessions.grid.placement import grid_entries
from sessions.models.grid import Level
from tests.waits import settled, until
from tui.app import make_app


def _k(*keys: str) -> list[events.Key]:
    return [events.Key(k, k if len(k) == 1 else None) for k in keys]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_reasons_typed_in_one_burst_land_on_their_items(store, clock, size) -> None:
    s = full_session(template="idees-recues")
    s.grid.positions.clear()
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f6")
        await until(pilot, lambda: type(app.screen).__name__ == "GridScreen")
        await until(pilot, lambda: settled(app))
        first, second, third = (e.number for e in grid_entries(app.session)[:3])
        keys = [
            *_k("p", "p", "r"),
            *key_events("Études INSEE"),  # ends with Enter
            *_k("down", "p", "r"),
            *key_events("Aucun chiffre"),
            *_k("down", "p"),
        ]
        await send_keys(app, pilot, keys, lambda: third in app.session.grid.positions)
        await until(pilot, lambda: settled(app))
    positions = store.load(s.id).grid.positions
    assert positions[first].present == Level.MEDIUM and positions[first].reason == "Études INSEE"
    assert positions[second].present == Level.LOW and positions[second].reason == "Aucun chiffre"
    assert positions[third].present == Level.LOW and positions[third].reason == ""


async def test_r_and_a_are_typed_into_the_reason(store, clock) -> None:
    s = full_session(template="idees-recues")
    s.grid.positions.clear()
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        await until(pilot, lambda: type(app.screen).__name__ == "GridScreen")
        first = app.screen.selected_number()
        await pilot.press("r", *"rare a priori", "enter")
        await until(pilot, lambda: settled(app))
    assert store.load(s.id).grid.positions[first].reason == "rare a priori"
