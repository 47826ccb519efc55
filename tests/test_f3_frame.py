"""F3's second on the terminal: the same bytes as Textual's own compositor, for less work.

``RowCompositor`` asks only the widgets under the changed area, for its rows.
Every partial update of F3 - the seconds counting down, a turn ending, the
amber warning, the overtime, a phase changed from the keyboard - is drawn
by it and by Textual's compositor, and what each would write to the
terminal is compared byte for byte. The widgets asked on a second are
counted, not timed.
"""

from __future__ import annotations

import functools
from collections import Counter

import pytest
from rich.console import Console
from textual._compositor import Compositor
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Digits

from sessions.timer import ops as timer_ops
from sessions.timer.position import Stamp
from tests.waits import settled, until
from tui.app import make_app
from tui.screens.row_compositor import RowCompositor


@pytest.fixture
def compared(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Each partial update of a ``RowCompositor``: (its bytes, Textual's bytes)."""
    pairs: list[tuple[str, str]] = []
    own = RowCompositor.render_partial_update

    def both(self):  # type: ignore[no-untyped-def]
        dirty = set(self._dirty_regions)
        mine = own(self)
        self._dirty_regions.update(dirty)
        self._get_renders = functools.partial(Compositor._get_renders, self)
        try:
            stock = own(self)
        finally:
            del self._get_renders
        if mine is not None:
            pairs.append((_bytes(mine), _bytes(stock)))
        return mine

    monkeypatch.setattr(RowCompositor, "render_partial_update", both)
    own_renders = RowCompositor._get_renders

    def rows_checked(self, crop=None):  # type: ignore[no-untyped-def]
        """Each widget's rows are its own lines at those rows (as its full render draws them)."""
        for region, clip, strips in own_renders(self, crop):
            part = region.intersection(clip)  # what the compositor takes of the strips
            widgets = [w for w, (r, _clip) in self.visible_widgets.items() if r == region]
            top, left = part.y - region.y, part.x - region.x
            assert any(
                [
                    line.crop(left, left + part.width)
                    for line in w.render_lines(Region(0, 0, region.width, region.height))
                ][top : top + part.height]
                == strips
                for w in widgets
            )
            yield region, clip, strips

    monkeypatch.setattr(RowCompositor, "_get_renders", rows_checked)
    return pairs


def _bytes(update) -> str:  # type: ignore[no-untyped-def]
    """What the update writes to a true-colour terminal."""
    return update.render_segments(Console(width=120, color_system="truecolor", force_terminal=True))


async def second(app, pilot, seconds: float = 1) -> None:  # type: ignore[no-untyped-def]
    digits = app.screen.query_one("#digits", Digits)
    shown = digits.value
    app.clock.advance(seconds)
    app.screen.tick()  # what F3's own timer calls on the second
    await until(pilot, lambda: digits.value != shown)
    await until(pilot, lambda: settled(app))


async def test_f3_writes_what_textuals_compositor_writes(store, clock, session, compared) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        app.apply(lambda s: timer_ops.start(s, Stamp.of(clock)))
        await pilot.press("f3")
        assert await until(pilot, lambda: getattr(app.screen, "ticking", False))
        assert isinstance(app.screen._compositor, RowCompositor)
        await until(pilot, lambda: settled(app))
        phase = session.agenda[0]
        for _ in range(3):
            await second(app, pilot)
        await second(app, pilot, phase.minutes * 60 - 90)  # the amber warning
        for _ in range(2):
            await second(app, pilot)
        await second(app, pilot, 120)  # overtime, red
        await second(app, pilot)
        await pilot.press("n")  # the next phase from the keyboard
        await until(pilot, lambda: settled(app))
        for _ in range(2):
            await second(app, pilot)
        assert app.screen.query_one("#clock-pane").has_class("-idle") is False
    assert len(compared) >= 9
    for mine, stock in compared:
        assert mine == stock


async def test_a_second_asks_only_the_widgets_it_changes(
    store, clock, session, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: Counter[str] = Counter()
    rows: Counter[str] = Counter()
    real = Widget.render_lines

    def counted(self, crop):  # type: ignore[no-untyped-def]
        name = self.id or type(self).__name__
        asked[name] += 1
        rows[name] += crop.height
        return real(self, crop)

    monkeypatch.setattr(Widget, "render_lines", counted)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        app.apply(lambda s: timer_ops.start(s, Stamp.of(clock)))
        await pilot.press("f3")
        assert await until(pilot, lambda: getattr(app.screen, "ticking", False))
        await until(pilot, lambda: settled(app))
        asked.clear()
        rows.clear()
        for _ in range(3):
            await second(app, pilot)
    assert asked["digits"] == 3
    # Nothing above or beside the digits and the sub-timer: not the header, the footer,
    # the phase's title, the next phase, the drift, the agenda.
    assert not {"Header", "FittingFooter", "phase-title", "next", "drift", "agenda-pane"} & set(
        asked
    )
    # The screen and the panes under them: the changed rows only, not their 38-40 lines.
    assert rows["TimerScreen"] <= 3 * 10
