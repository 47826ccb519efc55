"""A phase paused in overtime still says it is over time (⏰, red), on every view.

Paused past its end, F3 used to show "⏸ En pause" alone: the facilitator across the
room lost that the phase was over time. F3, the projector (v), the strip, ``atelier
watch`` and ``atelier status`` now say both; ``status --json`` keeps ``"paused"``.
"""

from __future__ import annotations

import json

import pytest
from textual.widgets import Static

from sessions.i18n import set_language
from sessions.timer import ops as timer_ops
from sessions.timer.position import Stamp
from tests.cli_helpers import captured, commands_read
from tests.waits import until
from tui.app import make_app
from tui.watch_app import WatchApp

OVER = 30  # seconds past the end of the first phase


def _text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def _paused_over_time(store, session, clock) -> None:
    """The first phase started, run 30 s past its end, then paused (saved)."""
    store.transact(session.id, lambda s: timer_ops.start(s, Stamp.of(clock)))
    clock.advance(session.agenda[0].minutes * 60 + OVER)
    store.transact(session.id, lambda s: timer_ops.pause(s, Stamp.of(clock)))
    clock.advance(120)  # paused: the overtime does not grow


@pytest.mark.parametrize(("lang", "paused"), [("fr", "En pause"), ("en", "Paused")])
async def test_pausing_in_overtime_keeps_the_overtime_on_f3_the_projector_and_the_strip(
    store, clock, session, lang, paused
) -> None:
    set_language(lang)
    app = make_app(store, clock, session_ref=session.id, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await until(pilot, lambda: type(app.screen).__name__ == "TimerScreen")
        await pilot.press("space")  # start
        await until(pilot, lambda: store.load(session.id).timer.state == "running")
        clock.advance(session.agenda[0].minutes * 60 + OVER)
        app.tick()
        assert await until(pilot, lambda: "⏰" in _text(app, "#phase-state"))
        await pilot.press("space")  # pause, over time
        await until(pilot, lambda: store.load(session.id).timer.state == "paused")
        clock.advance(120)
        app.tick()
        state = lambda: _text(app, "#phase-state")  # noqa: E731
        await until(pilot, lambda: "⏸" in state())
        assert "⏸" in state() and paused in state() and "⏰" in state(), state()
        pane = app.screen.query_one("#clock-pane")
        assert pane.has_class("-overtime") and not pane.has_class("-idle")
        assert "+00:30" in str(app.screen.query_one("#digits").value)

        await pilot.press("v")  # the projector
        await until(pilot, lambda: type(app.screen).__name__ == "ProjectorScreen")
        app.tick()
        shown = lambda: _text(app, "#state")  # noqa: E731
        await until(pilot, lambda: "⏰" in shown())
        assert "⏸" in shown() and paused in shown() and "⏰" in shown(), shown()
        assert app.screen.query_one("#projector").has_class("-overtime")

        await pilot.press("v")  # back to F3
        await pilot.press("f2")
        await until(pilot, lambda: type(app.screen).__name__ != "TimerScreen")
        app.tick()
        strip = lambda: _text(app, "#timer-strip")  # noqa: E731
        await until(pilot, lambda: "⏰" in strip())
        assert strip().startswith("⏸") and paused in strip() and "⏰" in strip(), strip()
        assert app.screen.query_one("#timer-strip").has_class("-overtime")


@pytest.mark.parametrize(("lang", "paused"), [("fr", "En pause"), ("en", "Paused")])
async def test_atelier_watch_says_paused_and_over_time(store, clock, session, lang, paused) -> None:
    _paused_over_time(store, session, clock)
    app = WatchApp(store.path_for(session.id), clock, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        shown = lambda: _text(app, "#state")  # noqa: E731
        await until(pilot, lambda: "⏸" in shown())
        assert "⏸" in shown() and paused in shown() and "⏰" in shown(), shown()
        assert "+00:30" in shown()
        pane = app.screen.query_one("#timer-pane")
        assert pane.has_class("-overtime") and pane.has_class("-paused")


@pytest.mark.parametrize(("lang", "paused"), [("fr", "En pause"), ("en", "Paused")])
def test_atelier_status_says_paused_and_over_time_and_json_keeps_paused(
    store, clock, session, monkeypatch, lang, paused
) -> None:
    _paused_over_time(store, session, clock)
    commands_read(clock, monkeypatch)
    root = str(store.root)
    code, out, _ = captured(["--data-dir", root, "--lang", lang, "status", session.id])
    assert code == 0
    assert out.startswith("⏸") and paused in out and "⏰" in out and "+00:30" in out, out
    code, out, _ = captured(["--data-dir", root, "status", session.id, "--json"])
    phase = json.loads(out)["phase"]
    assert phase["state"] == "paused" and phase["overtime_s"] == OVER  # the contract
