"""Text selection in the minutes preview's lines (``PreviewLines``).

A line drawn by Textual's ``Content`` carries, in each text segment, the
offset of its first character in the block's own text (``{"offset": (x, y)}``);
the mouse and the selection read them. ``PreviewLines`` shows many blocks in one
widget: ``shifted`` moves a block's line numbers after those of the blocks above
it, so the widget's text is every block's lines one after the other, and
``highlighted`` draws the selected part of a line in the screen's selection style.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.selection import Selection
from textual.strip import Strip


def offset_of(style: Style | None) -> tuple[int, int] | None:
    """The ``(x, y)`` a segment's style carries, if any."""
    if style is None or style._meta is None:
        return None
    offset = style.meta.get("offset")
    if offset is None or offset[1] is None:
        return None
    return offset


def with_offset(text: str, style: Style, x: int, y: int) -> Segment:
    """A segment the mouse can select: its first character is ``x`` of line ``y``."""
    return Segment(text, style + Style.from_meta({"offset": (x, y)}))


def shifted(strip: Strip, lines_above: int) -> Strip:
    """``strip`` with its line numbers moved down by ``lines_above``."""
    if not lines_above:
        return strip
    segments = []
    for text, style, control in strip:
        offset = offset_of(style)
        if offset is not None:
            assert style is not None
            x, y = offset
            style = style + Style.from_meta({"offset": (x, y + lines_above)})
        segments.append(Segment(text, style, control))
    return Strip(segments, strip.cell_length)


def without_offsets(strip: Strip) -> Strip:
    """``strip`` that the mouse cannot select (a bullet, not part of the text)."""
    return Strip(
        [Segment(text, style and style.clear_meta_and_links(), c) for text, style, c in strip],
        strip.cell_length,
    )


def highlighted(strip: Strip, selection: Selection, selected: Style) -> Strip:
    """``strip`` with the characters ``selection`` covers drawn in the ``selected`` style."""
    segments: list[Segment] = []
    for segment in strip:
        text, style, control = segment
        offset = offset_of(style)
        span = None if offset is None else selection.get_span(offset[1])
        if offset is None or span is None or style is None:
            segments.append(segment)
            continue
        x = offset[0]
        start, end = span
        first = max(start - x, 0)
        last = len(text) if end == -1 else min(end - x, len(text))
        if first >= last:
            segments.append(segment)
            continue
        for part, part_style in (
            (text[:first], style),
            (text[first:last], style + selected),
            (text[last:], style),
        ):
            if part:
                segments.append(Segment(part, part_style, control))
    return Strip(segments, strip.cell_length)
