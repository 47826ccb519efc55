"""tui/widgets/quiet.py: a line that changes every second repaints itself, not the screen."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Digits, Static

from tests.waits import settled, until
from tui.widgets.quiet import set_digits, set_text


class Strip(App[None]):
    CSS = "#sub { width: 1fr; } #digits { width: 1fr; } #auto { width: auto; }"

    def compose(self) -> ComposeResult:
        yield Static("", id="sub")
        yield Static("", id="auto")
        yield Digits("", id="digits")


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    seen: list[int] = []
    real = Screen._refresh_layout

    def counted(self, *args, **kwargs):
        seen.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    return seen


async def test_a_countdown_wrapped_on_two_lines_is_repainted_without_a_layout(layouts) -> None:
    app = Strip()
    async with app.run_test(size=(30, 12)) as pilot:
        sub = app.query_one("#sub", Static)
        digits = app.query_one("#digits", Digits)
        set_text(sub, "Tour 1/2 : lecture et clarification · 04:59")  # wraps at 30 columns
        set_digits(digits, "04:59")
        await until(pilot, lambda: settled(app))  # the first layouts done before counting
        assert sub.size.height == 2
        layouts.clear()
        for second in range(58, 50, -1):
            set_text(sub, f"Tour 1/2 : lecture et clarification · 04:{second}")
            set_digits(digits, f"04:{second}")
            await pilot.pause()
        assert layouts == []
        assert "04:51" in str(sub.render())
        assert digits.value == "04:51"
        before = [s.text for s in digits.render_lines(digits.region.reset_offset)]
        set_digits(digits, "04:11")  # a narrower drawing, still repainted
        await pilot.pause()
        assert [s.text for s in digits.render_lines(digits.region.reset_offset)] != before


async def test_a_text_that_changes_its_size_still_lays_the_screen_out(layouts) -> None:
    app = Strip()
    async with app.run_test(size=(30, 12)) as pilot:
        sub = app.query_one("#sub", Static)
        auto = app.query_one("#auto", Static)
        set_text(sub, "court")
        set_text(auto, "abc")
        await pilot.pause()
        layouts.clear()
        set_text(sub, "un texte bien plus long qui passe sur deux lignes")
        await pilot.pause()
        assert layouts and sub.size.height == 2
        layouts.clear()
        set_text(auto, "abcdef")  # sized by its text
        await pilot.pause()
        assert layouts and auto.size.width == 6


async def test_the_timer_screen_takes_the_app_tick_once_a_second_other_screens_four_times(
    store, session, clock
) -> None:
    from tui.app import SELF_TIMED_EVERY, make_app

    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        moved: list[object] = []
        app.watch(app, "now", lambda now: moved.append(now), init=False)
        await pilot.press("f3")  # redraws itself on the true second
        await pilot.pause()
        moved.clear()
        for _ in range(2 * SELF_TIMED_EVERY):
            clock.advance(0.25)
            app._tick_interval()
        assert len(moved) == 2
        await pilot.press("f4")  # the timer strip follows the app's tick
        await pilot.pause()
        moved.clear()
        for _ in range(SELF_TIMED_EVERY):
            clock.advance(0.25)
            app._tick_interval()
        assert len(moved) == SELF_TIMED_EVERY
