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


class SubtimerLine(Static):
    """A ``Static`` whose lines, when only digits change, are the kept ones with the new digits."""

    _kept: _Kept | None = None
    _swapped: tuple[str, list[Strip]] | None = None  # from ``update`` to the ``refresh`` it calls

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        swapped = self._swap(content)
        if swapped is None:
            super().update(content, layout=layout)
            return
        self._swapped = (content, swapped)  # type: ignore[assignment]  # a str: see _swap
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
        content, lines = swapped
        self._kept = kept._replace(content=content, lines=lines)
        changed = [
            region
            for y, (old, new) in enumerate(zip(kept.lines, lines, strict=True))
            if (region := _changed_cells(y, old, new)) is not None
        ]
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
            kept = self._kept = _Kept(content, size, style, lines)
        if y < len(kept.lines):
            return kept.lines[y]
        return super().render_line(y)

    def _swap(self, content: VisualType) -> list[Strip] | None:
        """The kept lines with ``content``'s digits, or None when more than digits changed."""
        kept = self._kept
        if kept is None or not isinstance(content, str) or content == kept.content:
            return None
        if _DIGIT.sub("0", content) != _DIGIT.sub("0", kept.content):
            return None
        shown = [_DIGIT.findall(line.text) for line in kept.lines]
        if [d for digits in shown for d in digits] != _DIGIT.findall(kept.content):
            return None  # a digit cut off or added by the drawing: let Textual draw it
        feed = iter(_DIGIT.findall(content))
        lines = []
        for line, digits in zip(kept.lines, shown, strict=True):
            new = [next(feed) for _ in digits]
            lines.append(line if new == digits else _with_digits(line, iter(new)))
        return lines


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


def _changed_cells(y: int, old: Strip, new: Strip) -> Region | None:
    """The cells of line ``y`` from the first to the last character that differs, or None."""
    if old is new:
        return None
    before, after = old.text, new.text
    diff = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    if not diff:
        return None
    start = cell_len(after[: diff[0]])
    end = cell_len(after[: diff[-1] + 1])
    return Region(start, y, end - start, 1)
