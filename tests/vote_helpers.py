"""What F5's screen tests share: a session with items, F5 opened, a line typed, what is shown.

Every helper that presses keys waits for what they lead to (``tests/waits.py``), not one
pause: a loaded machine can leave a key, a dialog or a redraw pending after a pause.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.widgets import Static

from sessions.capture import tour as cap
from sessions.vote import envelope as v
from tests.conftest import build_session
from tests.waits import settled, until
from tui.widgets.idea_list import KeyedTable

T0 = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


def add_items(session: Any, count: int = 4, text: str = "item") -> None:
    """Items ``text 1`` .. ``text count`` captured in ``session`` (an op for ``transact``)."""
    for n in range(1, count + 1):
        cap.add_idea(session, f"{text} {n}", T0)


def with_ideas(store: Any, session: Any, count: int = 6) -> None:
    """``count`` items saved in the stored session (4 voters: envelope ``count // 2``)."""
    store.transact(session.id, lambda s: add_items(s, count))


def one_ballot(session: Any) -> None:
    """Ballots, and one vote entered: Alice gives item 2 a point."""
    v.set_method(session, "ballots")
    v.set_ballot(session, session.participants[0].id, 2, 1)


def dot_session(store: Any, template: str = "divergence-convergence", ideas: int = 5) -> Any:
    """A stored session of ``template`` (4 participants, all present) with ``ideas`` solutions."""
    s = build_session(template)
    add_items(s, ideas, "solution")
    store.create(s)
    return s


def toasts(app: Any) -> list[str]:
    return [str(n.message) for n in app._notifications]


def shown(app: Any, selector: str) -> str:
    """The text a ``Static`` of the screen on top shows."""
    return str(app.screen.query_one(selector, Static).render())


def header(app: Any) -> str:
    return shown(app, "#envelope")


def rows(app: Any, selector: str = "#results-table") -> list[list[Any]]:
    table = app.screen.query_one(selector, KeyedTable)
    return [table.get_row_at(i) for i in range(table.row_count)]


async def on_top(pilot: Any, screen: str) -> Any:
    """Wait until the screen class named ``screen`` is on top and done mounting; that screen."""
    app = pilot.app
    assert await until(pilot, lambda: type(app.screen).__name__ == screen and settled(app)), [
        type(s).__name__ for s in app.screen_stack
    ]
    return app.screen


async def open_vote(pilot: Any) -> Any:
    """F5, once F5 is drawn; the vote screen."""
    await pilot.press("f5")
    return await on_top(pilot, "VoteScreen")


async def keys_taken(pilot: Any, *keys: str) -> None:
    """Press ``keys`` and wait until the app has handled them and what they queued."""
    await pilot.press(*keys)
    await until(pilot, lambda: settled(pilot.app))


async def type_enter(pilot: Any, text: str) -> None:
    """Type ``text`` (nothing: Enter alone) then Enter, and wait until it is handled."""
    await keys_taken(pilot, *text, "enter")


async def toast_said(pilot: Any, *words: str) -> list[str]:
    """Wait for a toast holding every one of ``words``; the toasts shown."""
    app = pilot.app
    await until(pilot, lambda: any(all(w in m for w in words) for m in toasts(app)))
    return toasts(app)
