"""The phase form (F3, e, Enter) saved on ctrl+s typed in one burst with the minutes: the
minutes typed just before ctrl+s are the ones read (ctrl+s, a priority key, ran before them
and refused an empty duration, or saved the old one)."""

from __future__ import annotations

from test_typing_ahead import send_keys
from textual import events
from textual.widgets import Static

from bench.typing_child import key_events
from tests.conftest import build_session
from tests.waits import settled, until
from tui.app import make_app


async def test_minutes_typed_then_ctrl_s_in_one_burst_are_saved(store, clock) -> None:
    s = build_session("territoire-numerique-10-ans")
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await until(pilot, lambda: type(app.screen).__name__ == "TimerScreen" and settled(app))
        await pilot.press("e")
        await until(pilot, lambda: type(app.screen).__name__ == "AgendaEditorScreen")
        await until(pilot, lambda: settled(app))
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "PhaseForm" and settled(app))
        form = app.screen
        typed = key_events("7,5")[:-1]  # the digits, without the Enter key_events adds
        keys = [events.Key("tab", None), events.Key("ctrl+u", None), *typed]
        keys.append(events.Key("ctrl+s", None))
        minutes = lambda: store.load(s.id).agenda[0].minutes  # noqa: E731
        await send_keys(app, pilot, keys, lambda: minutes() == 7.5 or not form.is_attached)
        error = str(form.query_one("#error", Static).render()) if form.is_attached else ""
        assert await until(pilot, lambda: minutes() == 7.5), (minutes(), error)
        assert await until(pilot, lambda: not form.is_attached)  # saved and closed


async def test_a_turn_s_minutes_typed_then_ctrl_s_in_one_burst_are_saved(store, clock) -> None:
    s = build_session("territoire-numerique-10-ans")  # phase 1: two turns of 5 minutes
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await until(pilot, lambda: type(app.screen).__name__ == "TimerScreen" and settled(app))
        await pilot.press("e")
        await until(pilot, lambda: app.screen.query("#phases") and settled(app))
        await pilot.press("t")
        await until(pilot, lambda: app.screen.query("#turns") and settled(app))
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "PairForm" and settled(app))
        form = app.screen
        typed = key_events("3")[:-1]
        keys = [events.Key("tab", None), events.Key("ctrl+u", None), *typed]
        keys.append(events.Key("ctrl+s", None))
        turn = lambda: store.load(s.id).agenda[0].turns[0].minutes  # noqa: E731
        await send_keys(app, pilot, keys, lambda: turn() == 3 or not form.is_attached)
        error = str(form.query_one("#error", Static).render()) if form.is_attached else ""
        assert await until(pilot, lambda: turn() == 3), (turn(), error)


async def test_names_typed_then_ctrl_s_in_one_burst_are_all_added(store, clock) -> None:
    s = build_session("territoire-numerique-10-ans")
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await until(pilot, lambda: type(app.screen).__name__ == "CaptureScreen" and settled(app))
        await pilot.press("ctrl+t")  # the participants
        await until(pilot, lambda: type(app.screen).__name__ == "ParticipantsScreen")
        await until(pilot, lambda: settled(app))
        await pilot.press("ctrl+l")  # paste a list
        pasting = await until(pilot, lambda: type(app.screen).__name__ == "PasteScreen")
        assert pasting and await until(pilot, lambda: settled(app)), type(app.screen).__name__
        keys = [*key_events("Eve Blanc"), *key_events("Fred Noir")[:-1]]
        keys.append(events.Key("ctrl+s", None))
        names = lambda: [p.name for p in store.load(s.id).participants]  # noqa: E731
        paste = app.screen
        await send_keys(app, pilot, keys, lambda: "Eve Blanc" in names() or not paste.is_attached)
        assert await until(pilot, lambda: "Fred Noir" in names()), names()
        assert names()[-2:] == ["Eve Blanc", "Fred Noir"]
