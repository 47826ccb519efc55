"""F3's sub-timer line redrawn by its digits: what the terminal shows stays Textual's own drawing.

``SubtimerLine`` swaps the new digits into the lines it kept and repaints
only the cells that changed. Every update the app sends to the terminal is
replayed here on a grid of cells (character and colours), second after
second, through turns ending, the amber warning, the overtime, a pause, the
next phase, at 120x40 and 80x24: after each second the grid equals a full
frame, and the sub-timer's lines equal what Textual's ``Static`` draws from
the same text.
"""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from rich.color import ColorSystem
from rich.console import Console
from rich.segment import ControlType, Segment
from textual._styles_cache import StylesCache
from textual.app import App, ComposeResult
from textual.strip import Strip
from textual.visual import Visual
from textual.widgets import Digits

from sessions.timer.position import Stamp, view
from tests.waits import settled, until
from tui.app import make_app
from tui.widgets.quiet import set_text
from tui.widgets.subtimer_line import SubtimerLine

Cell = tuple[str, str]  # the character, its colours and attributes as the terminal gets them


class Terminal:
    """What a terminal holds after the app's updates, cell by cell."""

    def __init__(self, width: int, height: int) -> None:
        self.console = Console(width=width, color_system="truecolor", force_terminal=True)
        self.cells: list[list[Cell]] = [[(" ", "")] * width for _ in range(height)]

    def write(self, update: object) -> None:
        x = y = 0
        for segment in update.__rich_console__(self.console, self.console.options):  # type: ignore[attr-defined]
            if segment.control:
                for control in segment.control:
                    if control[0] == ControlType.CURSOR_MOVE_TO:
                        x, y = control[1], control[2]
                continue
            if segment.text == "\n":
                x, y = 0, y + 1
                continue
            x = self._put(x, y, segment)

    def _put(self, x: int, y: int, segment: Segment) -> int:
        style = segment.style
        codes = style._make_ansi_codes(ColorSystem.TRUECOLOR) if style else ""
        for char in segment.text:
            width = cell_len(char)
            self.cells[y][x : x + width] = [(char, codes)] + [("", codes)] * (width - 1)
            x += width
        return x

    @classmethod
    def of(cls, strips: list[Strip], width: int) -> list[list[Cell]]:
        """The cells of a whole frame."""
        term = cls(width, len(strips))
        for y, strip in enumerate(strips):
            x = 0
            for segment in strip:
                x = term._put(x, y, segment)
        return term.cells


def textual_lines(widget: SubtimerLine) -> list[Strip]:
    """What Textual's ``Static`` draws for the widget's text, size and style."""
    width, height = widget.size
    return Visual.to_strips(widget, widget.visual, width, height, widget.visual_style)


def fresh_frame(app: App[None]) -> list[list[Cell]]:
    """The whole screen drawn now, every widget's lines asked again (none from its cache)."""
    compositor = app.screen._compositor
    widgets = list(compositor.visible_widgets)
    caches = [widget._styles_cache for widget in widgets]
    try:
        for widget in widgets:
            widget._styles_cache = StylesCache()
        strips = compositor.render_strips()
    finally:
        for widget, cache in zip(widgets, caches, strict=True):
            widget._styles_cache = cache
    return Terminal.of(strips, app.size.width)


def check(app, term: Terminal) -> None:  # type: ignore[no-untyped-def]
    sub = app.screen.query_one("#subtimer", SubtimerLine)
    if sub.display and sub.size.area:
        assert [sub.render_line(y) for y in range(sub.size.height)] == textual_lines(sub)
    assert term.cells == fresh_frame(app)


async def second(app, pilot, term: Terminal, seconds: float = 1) -> None:  # type: ignore[no-untyped-def]
    digits = app.screen.query_one("#digits", Digits)
    shown = digits.value
    app.clock.advance(seconds)
    app.screen.tick()  # what F3's own timer calls on the second
    await until(pilot, lambda: digits.value != shown)
    await until(pilot, lambda: settled(app))
    check(app, term)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_terminal_shows_textuals_drawing_second_after_second(
    store, clock, session, size
) -> None:
    app = make_app(store, clock, session_ref=session.id)
    term = Terminal(*size)
    swapped: list[str] = []
    real_swap = SubtimerLine._swap

    def display(screen, update) -> None:  # type: ignore[no-untyped-def]
        if update is not None and screen is app.screen:
            term.write(update)

    async with app.run_test(size=size) as pilot:
        app._display = display  # type: ignore[method-assign]
        await pilot.press("f3")
        await pilot.press("space")  # the timer starts
        assert await until(pilot, lambda: getattr(app.screen, "ticking", False))
        app.screen.refresh()  # a whole frame on the terminal to start from
        await until(pilot, lambda: settled(app))
        check(app, term)
        sub = app.screen.query_one("#subtimer", SubtimerLine)
        sub._swap = lambda text: _noted(real_swap(sub, text), text, swapped)  # type: ignore[method-assign]
        assert "05:00" in str(sub.render())
        for _ in range(3):
            await second(app, pilot, term)
        assert "04:57" in str(sub.render())
        turn = view(app.session, Stamp.of(clock)).phase.turn  # type: ignore[union-attr]
        await second(app, pilot, term, turn.remaining_s - 2)  # the turn's last seconds
        for _ in range(3):  # the turn's overtime: other words
            await second(app, pilot, term)
        assert "⏰ +00:01" in str(sub.render())
        await pilot.press("t")  # the next turn
        await until(pilot, lambda: "2/2" in str(sub.render()))
        await until(pilot, lambda: settled(app))
        check(app, term)
        for _ in range(2):
            await second(app, pilot, term)
        phase = view(app.session, Stamp.of(clock)).phase
        await second(app, pilot, term, phase.remaining_s - 90)  # the amber warning
        assert app.screen.query_one("#clock-pane").has_class("-warning")
        await second(app, pilot, term)
        await second(app, pilot, term, 120)  # overtime, red
        assert app.screen.query_one("#clock-pane").has_class("-overtime")
        await second(app, pilot, term)
        await pilot.press("space")  # paused
        assert await until(pilot, lambda: not app.screen.ticking)
        await until(pilot, lambda: settled(app))
        check(app, term)
        await pilot.press("space", "n")  # running again, the next phase
        await until(pilot, lambda: settled(app))
        check(app, term)
        for _ in range(2):
            await second(app, pilot, term)
    assert len(swapped) >= 6  # most seconds were drawn by swapping digits


def _noted(lines, text: str, swapped: list[str]):  # type: ignore[no-untyped-def]
    if lines is not None:
        swapped.append(text)
    return lines


class OneLine(App[None]):
    CSS = """
    SubtimerLine { width: 1fr; text-align: center; }
    #cut { text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, width: int) -> None:
        super().__init__()
        self.width = width

    def compose(self) -> ComposeResult:
        yield SubtimerLine("", id="line", markup=False)
        yield SubtimerLine("", id="cut", markup=False)


@pytest.mark.parametrize("width", [14, 25, 60])
async def test_digits_swapped_in_wide_characters_wrapped_and_cut_lines(width: int) -> None:
    texts = [
        f"⏰ Tour {n}/3 : Aïcha · {m:02d}:{s:02d}"
        for n in (1, 2)
        for m, s in ((1, 0), (0, 59), (0, 58), (0, 10), (0, 9), (0, 1))
    ] + ["⏰ Tour 2/3 : Aïcha · +00:01", "⏰ Tour 2/3 : Aïcha · +00:02", "Tours terminés"]
    app = OneLine(width)
    async with app.run_test(size=(width, 8)) as pilot:
        term = Terminal(width, 8)
        app._display = lambda screen, update: update is not None and term.write(update)  # type: ignore[method-assign]
        app.screen.refresh()  # a whole frame on the terminal to start from
        widgets = [app.query_one("#line", SubtimerLine), app.query_one("#cut", SubtimerLine)]
        for text in texts:
            for widget in widgets:
                set_text(widget, text)  # as F3 does
            await until(pilot, lambda: settled(app))
            for widget in widgets:
                assert str(widget.render()) == text
                drawn = [widget.render_line(y) for y in range(widget.size.height)]
                assert drawn == textual_lines(widget)
            assert term.cells == fresh_frame(app)
