"""The clock tick redraws only what changed: no layout of the screen, no full repaint.

An App reactive repaints the whole screen by default and ``Static.update``
asks for a layout: on the 0.25 s tick that was four full renders a second
(a fifth of a core with the timer on screen). Counted here, not timed.
"""

from __future__ import annotations

import pytest
from textual.screen import Screen

from sessions.timer import ops as timer_ops
from sessions.timer.position import Stamp
from tests.waits import settled, until
from tui.app import make_app


@pytest.mark.parametrize("key", ["f3", "f4"])
async def test_ticks_neither_lay_out_nor_repaint_the_screen(
    store, clock, session, key, monkeypatch
):
    layouts = []
    real_layout = Screen._refresh_layout

    def counted(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        layouts.append(type(self).__name__)
        return real_layout(self, *args, **kwargs)

    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        app.apply(lambda s: timer_ops.start(s, Stamp.of(clock)))
        await until(pilot, lambda: settled(app))  # the screen laid out before counting
        strip_before = str(app.screen.query_one("#timer-strip").render()) if key == "f4" else ""
        monkeypatch.setattr(Screen, "_refresh_layout", counted)
        repaints = []
        monkeypatch.setattr(type(app.screen), "refresh", lambda self, *a, **k: repaints.append(1))
        for _ in range(8):  # two seconds of 0.25 s ticks
            clock.advance(0.25)
            app.tick()
            await pilot.pause()
        assert layouts == []
        assert repaints == []  # the screen as a whole is never repainted by the tick
        if key == "f4":  # what the strip shows did move on
            assert str(app.screen.query_one("#timer-strip").render()) != strip_before
        else:
            assert app.screen.query_one("#digits").value == "09:58"
