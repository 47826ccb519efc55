"""Block digits that grow with the room: the projector view's clock.

Textual's ``Digits`` is three rows high whatever the terminal; on a projector
the time must fill the screen. ``BigClock`` draws ``MM:SS``, ``H:MM:SS`` or
``+MM:SS`` in a 5x7 pixel font scaled by whole cells to the widget's size
(cells are about twice as tall as wide, so a pixel is two cells wide per row).
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style
from textual.reactive import reactive
from textual.widget import Widget

FONT: dict[str, tuple[str, ...]] = {
    "0": ("01110", "10001", "10011", "10101", "11001", "10001", "01110"),
    "1": ("00100", "01100", "00100", "00100", "00100", "00100", "01110"),
    "2": ("01110", "10001", "00001", "00010", "00100", "01000", "11111"),
    "3": ("11110", "00001", "00001", "01110", "00001", "00001", "11110"),
    "4": ("00010", "00110", "01010", "10010", "11111", "00010", "00010"),
    "5": ("11111", "10000", "11110", "00001", "00001", "10001", "01110"),
    "6": ("00110", "01000", "10000", "11110", "10001", "10001", "01110"),
    "7": ("11111", "00001", "00010", "00100", "01000", "01000", "01000"),
    "8": ("01110", "10001", "10001", "01110", "10001", "10001", "01110"),
    "9": ("01110", "10001", "10001", "01111", "00001", "00010", "01100"),
    ":": ("000", "000", "010", "000", "010", "000", "000"),
    "+": ("00000", "00100", "00100", "11111", "00100", "00100", "00000"),
    "-": ("00000", "00000", "00000", "11111", "00000", "00000", "00000"),
    " ": ("0", "0", "0", "0", "0", "0", "0"),
}
ROWS = 7


def pixel_width(text: str) -> int:
    """Width in font pixels, one pixel of space between glyphs."""
    glyphs = [FONT.get(ch, FONT[" "]) for ch in text]
    return sum(len(g[0]) for g in glyphs) + max(0, len(glyphs) - 1)


def scale_for(text: str, width: int, height: int) -> tuple[int, int]:
    """The largest (x, y) cell scale that fits.

    Square pixels would be two cells wide per row; when the width runs out
    first, pixels may grow up to twice as tall as wide, which stays readable.
    """
    px = max(1, pixel_width(text))
    most_y = max(1, height // ROWS)
    x = max(1, min(2 * most_y, width // px))
    y = max(1, min(most_y, x))
    return x, y


def render_lines(text: str, sx: int, sy: int) -> list[str]:
    """The clock as lines of full blocks and spaces."""
    glyphs = [FONT.get(ch, FONT[" "]) for ch in text]
    lines = []
    for row in range(ROWS):
        parts = [
            "".join(("█" if bit == "1" else " ") * sx for bit in glyph[row]) for glyph in glyphs
        ]
        line = (" " * sx).join(parts)
        lines.extend([line] * sy)
    return lines


class _Blocks:
    def __init__(self, lines: list[str], style: Style) -> None:
        self.lines = lines
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        for line in self.lines:
            pad = max(0, (width - len(line)) // 2)
            yield Segment(" " * pad + line[:width], self.style)
            yield Segment.line()


class BigClock(Widget):
    DEFAULT_CSS = """
    BigClock {
        width: 1fr;
        height: 1fr;
    }
    """

    value: reactive[str] = reactive("00:00")

    def render(self) -> _Blocks:
        sx, sy = scale_for(self.value, self.size.width, self.size.height)
        lines = render_lines(self.value, sx, sy)
        top = max(0, (self.size.height - len(lines)) // 2)
        style = self.rich_style
        return _Blocks([""] * top + lines, style)
