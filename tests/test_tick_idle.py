"""The idle app on F3 with the timer running wakes once a second, not more.

F3 redraws itself on the true second with a timer of its own: the app's
0.25 s tick stays away while that timer is armed (before, it came once a
second on top of it: two redraws of F3 a second). The timer strips of the
sections not shown wait, and show the right time as soon as their section
is shown again. Counted, not timed.
"""

from __future__ import annotations

from textual.widgets import Digits, Static

from sessions.timer import ops as timer_ops
from sessions.timer.position import Stamp
from tui.app import SELF_TIMED_EVERY, make_app


async def shown(pilot, check, tries: int = 50) -> bool:
    """Pause until ``check()`` holds (bounded): one pause is not always one frame."""
    for _ in range(tries):
        if check():
            return True
        await pilot.pause()
    return check()


def strip_text(screen) -> str:
    return str(screen.query_one("#timer-strip", Static).render())


async def test_f3_with_the_timer_running_takes_no_app_tick(store, clock, session) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        app.apply(lambda s: timer_ops.start(s, Stamp.of(clock)))
        await pilot.press("f3")
        assert await shown(pilot, lambda: getattr(app.screen, "ticking", False))
        moved: list[object] = []
        app.watch(app, "now", lambda now: moved.append(now), init=False)
        for _ in range(2 * SELF_TIMED_EVERY):
            clock.advance(0.25)
            app._tick_interval()
        assert moved == []  # no app tick: F3's own second redraws it
        before = str(app.screen.query_one("#digits", Digits).value)
        clock.advance(1)
        app.screen.tick()  # what its own timer calls on the second
        assert await shown(pilot, lambda: app.screen.query_one("#digits", Digits).value != before)
        # Paused: no timer of its own, the app's tick comes once a second again.
        await pilot.press("space")
        assert await shown(pilot, lambda: not app.screen.ticking)
        # The app's own interval may have ticked once while we waited (a loaded
        # machine): count only the ticks of the two seconds below.
        moved.clear()
        for _ in range(2 * SELF_TIMED_EVERY):
            clock.advance(0.25)
            app._tick_interval()
        assert len(moved) == 2


async def test_a_hidden_sections_strip_waits_then_shows_the_time(store, clock, session) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        app.apply(lambda s: timer_ops.start(s, Stamp.of(clock)))
        overview = app.screen
        assert await shown(pilot, lambda: strip_text(overview) != "")
        at_start = strip_text(overview)
        await pilot.press("f4")
        assert await shown(pilot, lambda: app.current_mode == "capture")
        clock.advance(125)
        app.tick()
        await pilot.pause()
        on_f4 = strip_text(app.screen)
        assert on_f4 != at_start  # the strip shown follows the clock
        assert strip_text(overview) == at_start  # the hidden one was not redrawn
        await pilot.press("f2")
        assert await shown(pilot, lambda: strip_text(overview) == on_f4)
