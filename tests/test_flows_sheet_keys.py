"""The sheets screen takes a burst in typing order: "a Enter Bus ctrl+s" lands in the form.

A terminal (tmux, a fast scribe) delivers keys in bursts. The kind chooser
opened by "a" and picked by Enter must hand the letters after it to the new
sheet's form, never to the list behind (where "x" deletes a sheet).
"""

from __future__ import annotations

import pytest
from textual import events

from bench.typing_child import key_events
from sessions.sheets import ops
from tests.test_sheets_screen import _open_sheets
from tests.test_typing_ahead import send_keys
from tui.app import make_app


@pytest.fixture
def dc_session(store):  # type: ignore[no-untyped-def]
    """A divergence-convergence session: its format uses sheets (solution, action, conclusion)."""
    from tests.conftest import build_session

    s = build_session("divergence-convergence", "Groupe D")
    store.create(s)
    return s


def _typed(text: str) -> list[events.Key]:
    return key_events(text)[:-1]  # type: ignore[return-value]  # without the final Enter


def _screens(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [type(s).__name__ for s in app.screen_stack]


async def test_add_enter_and_text_in_one_burst_fill_the_new_sheet(store, dc_session, clock) -> None:
    store.transact(dc_session.id, lambda s: ops.add(s, "solution", fields={"nom": "Gardée"}))
    app = make_app(store, clock, session_ref=dc_session.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_sheets(app, pilot)
        burst = [events.Key("a", "a"), events.Key("enter", "\r"), *_typed("Box x")]
        burst.append(events.Key("ctrl+s", None))

        def saved() -> bool:
            return (
                len(store.load(dc_session.id).sheets) == 2 and _screens(app)[-1] == "SheetsScreen"
            )

        await send_keys(app, pilot, burst, saved)
        sheets = store.load(dc_session.id).sheets
        # the first sheet is kept (no "x" reached the list) and the new one has its title
        assert [(s.kind, s.title, s.deleted) for s in sheets] == [
            ("solution", "", False),
            ("solution", "Box x", False),
        ]
        assert sheets[0].fields == {"nom": "Gardée"}


async def test_enter_on_the_list_then_text_goes_to_the_opened_form(
    store, dc_session, clock
) -> None:
    for name in ("Un", "Deux"):
        store.transact(dc_session.id, lambda s, n=name: ops.add(s, "solution", fields={"nom": n}))
    app = make_app(store, clock, session_ref=dc_session.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_sheets(app, pilot)
        burst = [events.Key("down", None), events.Key("enter", "\r"), *_typed("T x")]
        burst.append(events.Key("ctrl+s", None))

        def saved() -> bool:
            return store.load(dc_session.id).sheets[1].title == "T x"

        await send_keys(app, pilot, burst, saved)
        sheets = store.load(dc_session.id).sheets
        assert [(s.title, s.deleted) for s in sheets] == [("", False), ("T x", False)]
        assert _screens(app)[-1] == "SheetsScreen"


async def test_add_enter_and_tabbed_fields_in_one_burst(store, dc_session, clock) -> None:
    """tmux: 'a Enter Tab 1 4 Tab Bus numérique ctrl+s' fills the items and the solution."""
    from sessions.models import Idea

    def ideas(s) -> None:  # type: ignore[no-untyped-def]
        s.ideas += [Idea(number=n, text=f"Idée {n}", created_at=clock.now()) for n in (1, 4)]

    store.transact(dc_session.id, ideas)
    app = make_app(store, clock, session_ref=dc_session.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_sheets(app, pilot)
        tab = events.Key("tab", None)
        burst = [events.Key("a", "a"), events.Key("enter", "\r"), tab, *_typed("1 4"), tab]
        burst += [*_typed("Bus numérique"), events.Key("ctrl+s", None)]

        def saved() -> bool:
            return bool(store.load(dc_session.id).sheets) and _screens(app)[-1] == "SheetsScreen"

        await send_keys(app, pilot, burst, saved)
        (sheet,) = store.load(dc_session.id).sheets
        assert (sheet.title, sheet.items, sheet.fields) == ("", [1, 4], {"nom": "Bus numérique"})


async def test_the_kind_chosen_by_arrows_in_the_same_burst(store, dc_session, clock) -> None:
    """'a Down Down Enter' in one burst picks the third kind (the conclusion), text and all."""
    app = make_app(store, clock, session_ref=dc_session.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_sheets(app, pilot)
        down = events.Key("down", None)
        burst = [events.Key("a", "a"), down, down, events.Key("enter", "\r")]
        burst += [events.Key("tab", None), events.Key("tab", None), *_typed("Enthousiaste")]
        burst.append(events.Key("ctrl+s", None))

        def saved() -> bool:
            return bool(store.load(dc_session.id).sheets) and _screens(app)[-1] == "SheetsScreen"

        await send_keys(app, pilot, burst, saved)
        (sheet,) = store.load(dc_session.id).sheets
        assert (sheet.kind, sheet.fields) == ("conclusion", {"ressenti": "Enthousiaste"})
