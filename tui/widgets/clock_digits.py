"""F3's countdown: Textual's ``Digits``, its three lines built without a Rich console.

Textual's ``Digits`` draws through Rich (``Align`` around the digits, a
console render, the lines split and shaped, then turned into strips): ~280 µs
of the frame F3 draws every second, a fifth of it. ``ClockDigits`` builds the
same three strips from the same glyphs - the pad, the glyph row, the pad -
and keeps them until the widget is refreshed (as Textual keeps its own).
``tests/test_clock_digits.py`` compares them with Textual's own in every
state F3 shows (running, amber, red, paused, past an hour, bold or not,
narrow). Anything else (a selection, a character without a glyph, a value
wider than the widget) is drawn by Textual as before.
"""

from __future__ import annotations

from typing import Self

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.renderables.digits import DIGITS, DIGITS3X3, DIGITS3X3_BOLD
from textual.renderables.digits import Digits as DigitsRenderable
from textual.strip import Strip
from textual.widgets import Digits

_OFFSET = Style(meta={"offset": (0, 0)})  # what Textual's digits carry (mouse offsets)


def glyph_rows(value: str, bold: bool) -> tuple[str, str, str] | None:
    """The three rows of ``value`` in the 3x3 font, or None when a character has no glyph."""
    font = DIGITS3X3_BOLD if bold else DIGITS3X3
    rows: tuple[list[str], list[str], list[str]] = ([], [], [])
    for char in value.translate(DigitsRenderable.REPLACEMENTS):
        at = DIGITS.find(char)
        if at < 0:
            return None
        at *= 3
        for row in range(3):
            rows[row].append(font[at + row].ljust(3))
    return "".join(rows[0]), "".join(rows[1]), "".join(rows[2])


class ClockDigits(Digits):
    """``Digits`` whose lines are built directly and kept until its next refresh."""

    _drawn: tuple[int, list[Strip] | None] | None = None  # (width, lines); None: not yet

    def refresh(self, *regions: Region, **options: bool) -> Self:
        """Whatever asks for a repaint (a value, a style, a selection) draws the lines again."""
        self._drawn = None
        return super().refresh(*regions, **options)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        drawn = self._drawn
        if drawn is None or drawn[0] != width:
            drawn = self._drawn = (width, None if self.text_selection else self._lines(width))
        lines = drawn[1]
        if lines is None:
            return super().render_line(y)
        if y < len(lines):
            return lines[y]
        return Strip.blank(width, self.visual_style.rich_style)

    def _lines(self, width: int) -> list[Strip] | None:
        """The three lines as Textual draws them (``Align`` with pads), or None to let it."""
        style = self.rich_style
        rows = glyph_rows(self._value, bool(style.bold))
        if rows is None:
            return None
        excess = width - len(rows[0])
        align = self.styles.text_align
        if excess < 0 or align not in ("left", "center", "right"):
            return None
        left = {"left": 0, "center": excess // 2, "right": excess}[align]
        right = excess - left
        glyph_style = style + _OFFSET
        lines = []
        for row in rows:
            segments = [Segment(" " * left, style)] if left else []
            segments.append(Segment(row, glyph_style))
            if right:
                segments.append(Segment(" " * right, style))
            lines.append(Strip(segments, width))
        return lines
