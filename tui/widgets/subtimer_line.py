"""F3's sub-timer line: a speaker turn's or a table rotation's countdown, redrawn by its digits.

The line (``Tour 1/2 : Question de départ · 04:59``, wrapped on two lines in
the clock pane) changes every second, by its digits only. Textual's ``Static``
draws all its lines again through its ``Content`` (wrapping, alignment,
styles), and the screen then writes both lines: ~0.3 ms of F3's second.
``SubtimerLine`` keeps the lines it drew; when only ASCII digits changed (one
cell wide each: the words wrap the same), it puts the new digits in the kept
lines' segments and repaints only the cells that changed. Anything else (other
words, a new size or style, a selection) is drawn by Textual as before;
``tests/test_timer_screen_subtimer.py`` replays what reaches the terminal
and compares it with a whole frame, second after second.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple, Self

from rich.cells import cell_len
from rich.segment import Segment
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.visual import VisualType
from textual.widgets import Static

_DIGIT = re.compile("[0-9]")


class _Kept(NamedTuple):
    content: str  # the text these lines show
    size: Size
    style: object  # the widget's visual style when drawn
    lines: list[Strip]
    shape: str | None  # the text with each digit as 0; None: these lines cannot take new digits
    places: list[list[int]]  # for each line, the cell of each digit drawn on it


class SubtimerLine(Static):
    """A ``Static`` whose lines, when only digits change, are the kept ones with the new digits."""

    _kept: _Kept | None = None
    _swapped: tuple[str, list[Strip], list[Region]] | None = None  # from update to its refresh

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        swapped = self._swap(content)
        if swapped is None:
            super().update(content, layout=layout)
            return
        self._swapped = (content, *swapped)  # type: ignore[assignment]  # a str: see _swap
        try:
            super().update(content, layout=False)  # the same words on the same lines: no layout
        finally:
            self._swapped = None

    def refresh(self, *regions: Region, **options: bool) -> Self:
        swapped, kept = self._swapped, self._kept
        self._swapped = None
        if swapped is None or kept is None or regions or options.get("layout"):
            self._kept = None  # anything else repaints (a style, a size, a selection): drawn again
            return super().refresh(*regions, **options)
        content, lines, changed = swapped
        self._kept = kept._replace(content=content, lines=lines)
        if changed:  # the cells whose digits changed, nothing else
            super().refresh(*changed)
        return self

    def render_line(self, y: int) -> Strip:
        content = self.content
        if not isinstance(content, str) or self.text_selection is not None:
            self._kept = None
            return super().render_line(y)
        kept = self._kept
        size, style = self.size, self.visual_style
        if kept is None or kept.size != size or kept.style != style or kept.content != content:
            lines = []  # Textual's own lines, drawn from the text
            for line in range(size.height):
                lines.append(super().render_line(line))
            kept = self._kept = _kept(content, size, style, lines)
        if y < len(kept.lines):
            return kept.lines[y]
        return super().render_line(y)

    def _swap(self, content: VisualType) -> tuple[list[Strip], list[Region]] | None:
        """The kept lines with ``content``'s digits and the cells that changed, or None when
        more than digits changed."""
        kept = self._kept
        if kept is None or kept.shape is None or not isinstance(content, str):
            return None
        if content == kept.content or _DIGIT.sub("0", content) != kept.shape:
            return None
        old, new = _DIGIT.findall(kept.content), _DIGIT.findall(content)
        lines: list[Strip] = []
        changed: list[Region] = []
        at = 0
        for y, (line, places) in enumerate(zip(kept.lines, kept.places, strict=True)):
            before, after = old[at : at + len(places)], new[at : at + len(places)]
            at += len(places)
            if before == after:
                lines.append(line)
                continue
            lines.append(_with_digits(line, iter(after)))
            cells = [x for x, a, b in zip(places, before, after, strict=True) if a != b]
            changed.append(Region(cells[0], y, cells[-1] + 1 - cells[0], 1))
        return lines, changed


def _kept(content: str, size: Size, style: object, lines: list[Strip]) -> _Kept:
    """What is kept of lines just drawn: where their digits are, if they are all the text's."""
    places: list[list[int]] = []
    drawn: list[str] = []
    for line in lines:
        x = 0
        cells = []
        for text, _style, _control in line:
            for char in text:
                if "0" <= char <= "9":
                    cells.append(x)
                    drawn.append(char)
                x += cell_len(char)
        places.append(cells)
    # A digit cut off (an ellipsis) or added by the drawing: the lines are drawn by Textual.
    shape = _DIGIT.sub("0", content) if drawn == _DIGIT.findall(content) else None
    return _Kept(content, size, style, lines, shape, places)


def _with_digits(line: Strip, digits: Iterator[str]) -> Strip:
    """``line`` with its digits replaced, in order, by ``digits``."""

    def swap(_match: re.Match[str]) -> str:
        return next(digits)

    segments = []
    for segment in line:
        text, style, control = segment
        if _DIGIT.search(text):
            segment = Segment(_DIGIT.sub(swap, text), style, control)
        segments.append(segment)
    return Strip(segments, line.cell_length)
