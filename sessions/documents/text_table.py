"""A table laid out in text lines of a given width: the minutes preview draws its tables so.

``layout_table(headers, rows, justify, width)`` returns a ``TextTable``: the
lines of the header, the rule under it, and the lines of each row. Columns
keep their natural width when the table fits; otherwise the widest columns
give way until it does, and their cells wrap on words (a word longer than
its column is cut). Widths are terminal cells (``rich.cells.cell_len``), so
accents, CJK and emoji keep the columns straight. Pure, and linear in the
number of cells: the minutes of 1,000 ideas lay out in a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len, get_character_cell_size

SEPARATOR = " │ "
RULE_CROSS = "─┼─"
MIN_COLUMN = 3


@dataclass(frozen=True)
class TextTable:
    header: list[str]  # the header's lines
    rule: str  # the line under the header
    rows: list[list[str]]  # each row's lines

    @property
    def height(self) -> int:
        return len(self.header) + 1 + sum(len(row) for row in self.rows)

    def lines(self) -> list[str]:
        out = [*self.header, self.rule]
        for row in self.rows:
            out.extend(row)
        return out


def column_widths(natural: Sequence[int], room: int) -> list[int]:
    """Widths for columns of ``natural`` widths in ``room`` cells: the widest give way first."""
    widths = [max(1, w) for w in natural]
    if sum(widths) <= room:
        return widths
    # Water-filling: columns narrower than a fair share keep their width; the
    # others share what is left equally.
    order = sorted(range(len(widths)), key=lambda i: widths[i])
    left, count = room, len(widths)
    out = list(widths)
    for position, index in enumerate(order):
        share = left // (count - position)
        if widths[index] <= share:
            left -= widths[index]
            continue
        rest = order[position:]
        for n, i in enumerate(rest):
            out[i] = max(MIN_COLUMN, left // len(rest) + (1 if n < left % len(rest) else 0))
        break
    return out


def wrap_cell(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken on spaces (long words are cut)."""
    if cell_len(text) <= width:
        return [text]
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if cell_len(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        for ch in word:  # a word wider than the column: cut it
            if cell_len(current) + get_character_cell_size(ch) > width and current:
                lines.append(current)
                current = ""
            current += ch
    lines.append(current)
    return lines


def _row_lines(cells: Sequence[str], widths: Sequence[int], justify: Sequence[str]) -> list[str]:
    # Imported here: the grid's drawing brings the models, and the tables of F2's
    # first frame are drawn before them (tui.first_frame).
    from sessions.grid.drawing import pad

    wrapped = [wrap_cell(cell, width) for cell, width in zip(cells, widths, strict=True)]
    height = max(len(lines) for lines in wrapped)
    out = []
    for y in range(height):
        parts = [
            pad(lines[y] if y < len(lines) else "", width, align)
            for lines, width, align in zip(wrapped, widths, justify, strict=True)
        ]
        out.append(" " + SEPARATOR.join(parts) + " ")
    return out


def layout_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    justify: Sequence[str] = (),
    width: int = 80,
) -> TextTable:
    """The table in lines of ``width`` cells (wider only if 3-cell columns cannot fit)."""
    count = len(headers)
    if count == 0:
        return TextTable(header=[], rule="", rows=[])
    aligns = [justify[i] if i < len(justify) else "left" for i in range(count)]
    cells = [[*row[:count], *[""] * (count - len(row))] for row in rows]
    natural = [cell_len(h) for h in headers]
    for row in cells:
        for i, cell in enumerate(row):
            size = cell_len(cell)
            if size > natural[i]:
                natural[i] = size
    room = width - 2 - len(SEPARATOR) * (count - 1)
    widths = column_widths(natural, room)
    rule = "─" + RULE_CROSS.join("─" * w for w in widths) + "─"
    return TextTable(
        header=_row_lines(list(headers), widths, aligns),
        rule=rule,
        rows=[_row_lines(row, widths, aligns) for row in cells],
    )
