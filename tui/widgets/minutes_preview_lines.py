"""The minutes preview's lines: blocks described cheaply, drawn one line at a time.

``PreviewLines`` is one widget for a run of the document's blocks (headings,
paragraphs, bullet lists, tables, the closing note). It keeps, for the width it
is shown at, only where each block starts; a line is drawn when Textual asks for
it (``render_line``: the lines on screen), and the last lines drawn are kept in a
small LRU cache. A table keeps its column widths and where each row starts, not
its laid-out lines: a row is wrapped again when it comes into view. Text blocks
are drawn as Textual draws a ``Static`` (the same visual, the same styles from
the component classes), so the screen shows the same cells as one widget a block.
"""

from __future__ import annotations

import textwrap
from array import array
from bisect import bisect_right
from collections.abc import Sequence

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.geometry import Size
from textual.selection import Selection
from textual.strip import Strip
from textual.visual import RenderOptions, visualize
from textual.widget import Widget

from sessions.documents.text_table import (
    MIN_COLUMN,
    RULE_CROSS,
    SEPARATOR,
    _row_lines,
    column_widths,
    wrap_cell,
)
from sessions.i18n import get_language
from tui.widgets.minutes_preview_select import highlighted, shifted, with_offset, without_offsets

LINES_KEPT = 256  # strips kept by a PreviewLines (a few screens of a tall terminal)
ROWS_KEPT = 64  # table rows kept laid out


def words_fit(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> bool:
    """Whether the table's columns fit ``width`` without cutting a word in the middle."""
    longest = [max((cell_len(w) for w in h.split()), default=0) for h in headers]
    for row in rows:
        for i, cell in enumerate(row[: len(longest)]):
            for word in cell.split():
                size = cell_len(word)
                if size > longest[i]:
                    longest[i] = size
    needed = 2 + len(SEPARATOR) * (len(headers) - 1) + sum(max(MIN_COLUMN, w) for w in longest)
    return needed <= width


def record_row(headers: Sequence[str], row: Sequence[str], width: int) -> tuple[list[str], int]:
    """One row of a table too wide for the screen as a record wrapped on words.

    The first two cells (the number and the text, in the minutes) head the
    record in bold; the other cells follow as ``header : value``; a blank line
    closes it. Returns the lines and how many of the first are bold.
    """
    colon = " : " if get_language() == "fr" else ": "
    width = max(width, 20)
    cells = [*row, *[""] * (len(headers) - len(row))]
    head = " · ".join(c for c in cells[:2] if c.strip()) or "-"
    lines = textwrap.wrap(head, width, break_on_hyphens=False) or [""]
    bold = len(lines)
    pairs = zip(headers[2:], cells[2:], strict=False)
    rest = " · ".join(f"{h}{colon}{c}" for h, c in pairs if c.strip())
    if rest:
        lines.extend(
            textwrap.wrap(
                rest, width, initial_indent="  ", subsequent_indent="  ", break_on_hyphens=False
            )
        )
    lines.append("")
    return lines, bold


class Piece:
    """One block as lines: its margins, its height at a width, one of its lines."""

    top = 0
    bottom = 0

    def height(self, owner: PreviewLines, width: int) -> int:
        raise NotImplementedError

    def line(self, owner: PreviewLines, y: int, width: int) -> Strip:
        raise NotImplementedError

    def shown(self, owner: PreviewLines, width: int) -> list[str]:
        """The texts the block shows (a table: its lines), as the preview's ``shown_text``."""
        return []

    def sources(self, owner: PreviewLines, width: int) -> list[str]:
        """The block's text lines, the ones a selection reads (the mouse's offsets' lines)."""
        return []

    def source_count(self, owner: PreviewLines, width: int) -> int:
        return len(self.sources(owner, width))

    def forget(self) -> None:
        """Let go of what was drawn with the styles of before (the theme changed)."""


class TextPiece(Piece):
    """Text drawn as a ``Static`` with the component class ``part`` would draw it."""

    def __init__(self, text: Text, part: str, top: int = 0, bottom: int = 0) -> None:
        self.text, self.part, self.top, self.bottom = text, part, top, bottom
        self._strips: tuple[int, list[Strip]] | None = None

    def strips(self, owner: PreviewLines, width: int) -> list[Strip]:
        if self._strips is None or self._strips[0] != width:
            styles = owner.get_component_styles(self.part)
            visual = visualize(owner, self.text, markup=False)
            options = RenderOptions(owner._get_style, styles)
            style = owner.get_visual_style(self.part)
            self._strips = (width, visual.render_strips(width, None, style, options))
        return self._strips[1]

    def height(self, owner: PreviewLines, width: int) -> int:
        return len(self.strips(owner, width))

    def line(self, owner: PreviewLines, y: int, width: int) -> Strip:
        return self.strips(owner, width)[y]

    def shown(self, owner: PreviewLines, width: int) -> list[str]:
        return [self.text.plain]

    def sources(self, owner: PreviewLines, width: int) -> list[str]:
        return self.text.plain.split("\n")

    def forget(self) -> None:
        self._strips = None


class BulletsPiece(Piece):
    """A bullet list: a bullet two cells wide, each item's text wrapped beside it."""

    bottom = 1

    def __init__(self, items: list[Text]) -> None:
        self.items = [TextPiece(item, "minutes-preview--item") for item in items]
        self.bullet = TextPiece(Text("•"), "minutes-preview--bullet")
        self._starts: tuple[int, list[int]] | None = None
        self._bases: list[int] = []  # each item's first line in the list's text
        first = 0
        for item in items:
            self._bases.append(first)
            first += item.plain.count("\n") + 1

    def starts(self, owner: PreviewLines, width: int) -> list[int]:
        if self._starts is None or self._starts[0] != width:
            starts, y = [], 0
            for item in self.items:
                starts.append(y)
                y += max(1, item.height(owner, max(width - 2, 0)))
            self._starts = (width, [*starts, y])
        return self._starts[1]

    def height(self, owner: PreviewLines, width: int) -> int:
        return self.starts(owner, width)[-1]

    def line(self, owner: PreviewLines, y: int, width: int) -> Strip:
        starts = self.starts(owner, width)
        index = bisect_right(starts, y) - 1
        item, y = self.items[index], y - starts[index]
        blank = owner.blank_style
        if y == 0:
            left = without_offsets(self.bullet.line(owner, 0, 2).adjust_cell_length(2, blank))
        else:
            left = Strip.blank(2, blank)
        strips = item.strips(owner, max(width - 2, 0))
        right = shifted(strips[y], self._bases[index]) if y < len(strips) else Strip([])
        return Strip.join([left, right.adjust_cell_length(max(width - 2, 0), blank)])

    def shown(self, owner: PreviewLines, width: int) -> list[str]:
        return [item.text.plain for item in self.items]

    def sources(self, owner: PreviewLines, width: int) -> list[str]:
        return [line for item in self.items for line in item.sources(owner, width)]

    def forget(self) -> None:
        self._starts = None
        for item in (self.bullet, *self.items):
            item.forget()


class RulePiece(Piece):
    """A horizontal rule across the width (the line above the closing note), a blank
    line above and under it."""

    top = bottom = 1

    def height(self, owner: PreviewLines, width: int) -> int:
        return 1

    def line(self, owner: PreviewLines, y: int, width: int) -> Strip:
        style = owner.get_component_rich_style("minutes-preview--note-rule")
        return Strip([Segment("─" * width, style)], width)


class TablePiece(Piece):
    """A table laid out for the width one row at a time.

    At a width its columns fit without cutting words, it keeps the column
    widths and where each row starts; otherwise each row is a record
    (``record_row``) and it keeps where each record starts.
    """

    bottom = 1

    def __init__(self, headers: list[str], rows: Sequence[Sequence[str]], justify: list[str]):
        self.headers, self.rows, self.justify = headers, rows, justify
        # width, column widths (None: records), the header's lines, where each row starts
        self._layout: tuple[int, list[int] | None, list[str], array[int]] | None = None
        self._rows: LRUCache[int, tuple[list[str], int]] = LRUCache(ROWS_KEPT)

    def layout(self, width: int) -> tuple[int, list[int] | None, list[str], array[int]]:
        if self._layout is not None and self._layout[0] == width:
            return self._layout
        self._rows.clear()
        starts = array("l")
        if not self.headers:
            self._layout = (width, [], [], array("l", [0]))
        elif words_fit(self.headers, self.rows, width):
            count = len(self.headers)
            natural = [cell_len(h) for h in self.headers]
            for row in self.rows:
                for i, cell in enumerate(row):
                    size = cell_len(cell)
                    if size > natural[i]:
                        natural[i] = size
            room = max(width, 10) - 2 - len(SEPARATOR) * (count - 1)
            widths = column_widths(natural, room)
            header = _row_lines(self.headers, widths, self.justify)
            rule = "─" + RULE_CROSS.join("─" * w for w in widths) + "─"
            y = len(header) + 1
            for row in self.rows:
                starts.append(y)
                y += max(len(wrap_cell(cell, w)) for cell, w in zip(row, widths, strict=True))
            starts.append(y)
            self._layout = (width, widths, [*header, rule], starts)
        else:
            y = 0
            for row in self.rows:
                starts.append(y)
                y += len(record_row(self.headers, row, width)[0])
            starts.append(y)
            self._layout = (width, None, [], starts)
        return self._layout

    def row_lines(self, index: int, width: int) -> tuple[list[str], int]:
        """Row ``index``'s lines at ``width`` and how many of the first are bold."""
        found = self._rows.get(index)
        if found is None:
            widths = self.layout(width)[1]
            if widths is None:
                found = record_row(self.headers, self.rows[index], width)
            else:
                found = (_row_lines(self.rows[index], widths, self.justify), 0)
            self._rows[index] = found
        return found

    def height(self, owner: PreviewLines, width: int) -> int:
        return self.layout(width)[3][-1]

    def text_line(self, y: int, width: int) -> tuple[str, str]:
        """Line ``y``'s text and its kind: ``bold``, ``dim`` (the rule) or ``plain``."""
        _width, _widths, head, starts = self.layout(width)
        if y < len(head):
            return head[y], "dim" if y == len(head) - 1 else "bold"
        index = bisect_right(starts, y) - 1
        lines, bold = self.row_lines(index, width)
        y -= starts[index]
        return lines[y], "bold" if y < bold else "plain"

    def line(self, owner: PreviewLines, y: int, width: int) -> Strip:
        text, kind = self.text_line(y, width)
        base = owner.rich_style
        if kind == "plain":  # the line and its padding one segment, as Textual joins them
            text = text + " " * max(width - cell_len(text), 0)
            return Strip([with_offset(text, base, 0, y)]).adjust_cell_length(width, base)
        style = base + (Style(bold=True) if kind == "bold" else Style(dim=True))
        return Strip([with_offset(text, style, 0, y)]).adjust_cell_length(width, base)

    def shown(self, owner: PreviewLines, width: int) -> list[str]:
        return ["\n".join(self.sources(owner, width))]

    def sources(self, owner: PreviewLines, width: int) -> list[str]:
        return [self.text_line(y, width)[0] for y in range(self.height(owner, width))]

    def source_count(self, owner: PreviewLines, width: int) -> int:
        return self.height(owner, width)


class PreviewLines(Widget):
    """A run of the document's blocks in one widget, drawn only where it is on screen.

    ``lead``: blank lines above the first block (the margin of what comes
    before, collapsed with the block's own as Textual's vertical layout does).
    """

    COMPONENT_CLASSES = {
        "minutes-preview--h1",
        "minutes-preview--h2",
        "minutes-preview--h3",
        "minutes-preview--paragraph",
        "minutes-preview--bullet",
        "minutes-preview--item",
        "minutes-preview--note-rule",
        "minutes-preview--note",
    }
    DEFAULT_CSS = """
    PreviewLines { height: auto; width: 1fr; }
    PreviewLines > .minutes-preview--h1 { text-style: bold; text-align: center; color: $primary; }
    PreviewLines > .minutes-preview--h2 { color: $accent; text-style: bold underline; }
    PreviewLines > .minutes-preview--h3 { text-style: bold; }
    PreviewLines > .minutes-preview--bullet { color: $accent; }
    PreviewLines > .minutes-preview--note-rule { color: $text-muted; }
    PreviewLines > .minutes-preview--note { color: $text-muted; text-style: italic; }
    """

    def __init__(self, pieces: list[Piece], lead: int = 0) -> None:
        super().__init__()
        self.pieces, self.lead = pieces, lead
        # width, where each piece starts (and the height), its height, its first text line
        self._starts: tuple[int, list[int], list[int], list[int]] | None = None
        self._lines: LRUCache[int, Strip] = LRUCache(LINES_KEPT)

    @property
    def blank_style(self) -> Style:
        """What Textual pads a line with: the background alone."""
        return Style.from_color(bgcolor=self.background_colors[1].rich_color)

    def starts(self, width: int) -> tuple[list[int], list[int], list[int]]:
        """Where each piece starts at ``width`` (the last entry: the height), its height
        and its first line in the widget's text (what a selection reads)."""
        if self._starts is None or self._starts[0] != width:
            self._lines.clear()
            starts, heights, bases, y, below, base = [], [], [], 0, self.lead, 0
            for piece in self.pieces:
                y += max(below, piece.top)
                starts.append(y)
                heights.append(piece.height(self, width))
                bases.append(base)
                base += piece.source_count(self, width)
                y += heights[-1]
                below = piece.bottom
            self._starts = (width, [*starts, y + below], heights, bases)
        return self._starts[1], self._starts[2], self._starts[3]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.starts(width)[0][-1]

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._starts = None
        self._lines.clear()
        for piece in self.pieces:
            piece.forget()

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        starts, heights, bases = self.starts(width)
        selection = self.text_selection
        strip = self._lines.get(y) if selection is None else None
        if strip is None:
            index = bisect_right(starts, y) - 1
            if 0 <= index < len(self.pieces) and y - starts[index] < heights[index]:
                strip = self.pieces[index].line(self, y - starts[index], width)
                strip = shifted(strip, bases[index])
            else:
                strip = Strip([])  # a margin: Textual pads it with the background
            if selection is None:
                self._lines[y] = strip
            else:
                selected = self.screen.get_component_rich_style("screen--selection")
                strip = highlighted(strip, selection, selected)
        return strip

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected text: the blocks' lines one after the other (a table's as drawn)."""
        width = self.content_size.width
        lines = [line for piece in self.pieces for line in piece.sources(self, width)]
        return selection.extract("\n".join(lines)), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self._lines.clear()
        self.refresh()

    def shown(self) -> list[str]:
        width = max(self.content_size.width, 10)
        return [text for piece in self.pieces for text in piece.shown(self, width)]

    def piece_top(self, piece: Piece) -> int:
        """Where ``piece`` starts in this widget."""
        return self.starts(self.content_size.width)[0][self.pieces.index(piece)]
