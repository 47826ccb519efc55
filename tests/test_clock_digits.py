"""F3's countdown digits draw the lines Textual's ``Digits`` draws, in every state F3 shows.

``ClockDigits`` builds its three lines itself (no Rich console): each line is
compared, segment by segment and style by style, with the one Textual's own
``Digits`` renders for the same widget - running, amber, red, paused, past an
hour, not bold, aligned left or right, on a small laptop.
"""

from __future__ import annotations

import pytest
from textual.widget import Widget
from textual.widgets import Digits

from tests.waits import settled, until
from tui.app import make_app
from tui.widgets.clock_digits import ClockDigits, glyph_rows


def same_as_textual(digits: ClockDigits) -> bool:
    """Its lines are Textual's, and were built by ClockDigits (not handed back to Textual)."""
    ours = [digits.render_line(y) for y in range(digits.size.height)]
    built = digits._drawn is not None and digits._drawn[1] is not None
    digits._dirty_regions.add(digits.size.region)  # Textual's own render, from scratch
    theirs = [Widget.render_line(digits, y) for y in range(digits.size.height)]
    return built and ours == theirs


async def tick(app, pilot, seconds: float) -> ClockDigits:  # type: ignore[no-untyped-def]
    app.clock.advance(seconds)
    app.screen.tick()
    await until(pilot, lambda: settled(app))
    return app.screen.query_one("#digits", ClockDigits)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_digits_are_textuals_in_every_state(store, clock, session, size) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f3")
        await until(pilot, lambda: app.current_mode == "timer")
        digits = await tick(app, pilot, 0)
        assert isinstance(digits, Digits)
        minutes = session.agenda[0].minutes
        assert digits.value == f"{int(minutes):02d}:00" and same_as_textual(digits)
        await pilot.press("space")  # the timer starts
        digits = await tick(app, pilot, 61)
        assert digits.value == f"{int(minutes) - 2:02d}:59" and same_as_textual(digits)
        pane = app.screen.query_one("#clock-pane")
        digits = await tick(app, pilot, minutes * 60 - 90)  # 30 s left: amber
        assert pane.has_class("-warning") and same_as_textual(digits)
        await pilot.press("space")  # paused before its end: grey
        digits = await tick(app, pilot, 5)
        assert pane.has_class("-idle") and same_as_textual(digits)
        await pilot.press("space")  # running again
        digits = await tick(app, pilot, 3700)  # past an hour over: red, +1:01:..
        assert pane.has_class("-overtime") and digits.value.startswith("+1:")
        assert same_as_textual(digits)
        await pilot.press("space")  # paused past its end: still red (over time)
        digits = await tick(app, pilot, 5)
        assert pane.has_class("-overtime") and not pane.has_class("-idle")
        assert same_as_textual(digits)
        for style, align in (("none", "center"), ("bold", "left"), ("none", "right")):
            digits.styles.text_style = style
            digits.styles.text_align = align
            digits = await tick(app, pilot, 1)
            assert same_as_textual(digits), (style, align)


def test_a_character_without_a_glyph_is_left_to_textual() -> None:
    assert glyph_rows("12:34", bold=True) is not None
    assert glyph_rows("12h34", bold=True) is None
    assert glyph_rows("1.5", bold=False) is None  # a bullet under the line: Textual's
