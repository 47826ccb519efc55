"""F3 idle with the timer running: one wake-up and one frame a second, only the changed lines drawn.

Counted, not timed. F3 redraws itself on the true second; the app's 0.25 s
interval then rests (paused: it does not even wake the event loop) and comes
back as soon as another screen is shown or the timer is paused, so the
strips elsewhere still follow the clock.
"""

from __future__ import annotations

from collections import Counter

import pytest
from textual.widget import Widget
from textual.widgets import Digits, Static

from sessions.timer import ops as timer_ops
from sessions.timer.position import Stamp
from tests.waits import settled, until
from tui.app import make_app
from tui.widgets.clock_digits import ClockDigits


def interval_resting(app) -> bool:
    timer = app._tick_timer()
    return timer is not None and not timer._active.is_set()


async def test_the_apps_interval_rests_while_f3_times_itself(store, clock, session) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        assert not interval_resting(app)  # the overview's strip moves with it
        app.apply(lambda s: timer_ops.start(s, Stamp.of(clock)))
        await pilot.press("f3")
        assert await until(pilot, lambda: getattr(app.screen, "ticking", False))
        assert await until(pilot, lambda: interval_resting(app))
        # Paused: no timer of its own, the app's interval comes back.
        await pilot.press("space")
        assert await until(pilot, lambda: not app.screen.ticking)
        assert not interval_resting(app)
        await pilot.press("space")  # running again: it rests again
        assert await until(pilot, lambda: interval_resting(app))
        # Another section shown: the interval moves its strip.
        await pilot.press("f4")
        assert await until(pilot, lambda: app.current_mode == "capture")
        assert await until(pilot, lambda: not interval_resting(app))
        strip = app.screen.query_one("#timer-strip", Static)
        before = str(strip.render())
        clock.advance(125)
        app._tick_interval()
        assert await until(pilot, lambda: str(strip.render()) != before)


async def test_a_second_on_f3_draws_the_digits_and_the_sub_timer_only(
    store, clock, session, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: Counter[str] = Counter()
    real = Widget._render

    def counted(self):  # type: ignore[no-untyped-def]
        drawn[self.id or type(self).__name__] += 1
        return real(self)

    monkeypatch.setattr(Widget, "_render", counted)
    built = ClockDigits._lines  # F3's digits build their lines themselves

    def built_counted(self, width):  # type: ignore[no-untyped-def]
        drawn[self.id] += 1
        return built(self, width)

    monkeypatch.setattr(ClockDigits, "_lines", built_counted)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        app.apply(lambda s: timer_ops.start(s, Stamp.of(clock)))
        await pilot.press("f3")
        assert await until(pilot, lambda: getattr(app.screen, "ticking", False))
        await until(pilot, lambda: settled(app))
        digits = app.screen.query_one("#digits", Digits)
        seconds = 5
        drawn.clear()
        for _ in range(seconds):
            shown = digits.value
            clock.advance(1)
            app.screen.tick()  # what its own timer calls on the second
            assert await until(pilot, lambda shown=shown: digits.value != shown)
            await until(pilot, lambda: settled(app))
        assert drawn["digits"] == seconds
        assert set(drawn) <= {"digits", "subtimer"}
