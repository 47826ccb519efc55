"""MinutesPreview: Textual's Markdown widget, with each table drawn as one light widget.

Textual's Markdown builds a widget for every table cell (and its row, head
and body), laid out on a grid: the minutes of 60 ideas (five tables) took
~6 s and 1,600 widgets to show, those of 1,000 ideas over a minute and
800 MB. Here a top-level table is read straight from the parser's tokens
into one ``PreviewTable`` block whose ``TableLines`` draws only the lines on
screen (Textual's line API) from ``sessions.documents.text_table``: the same headers,
cells and column alignment, wrapped to the width on words (a table too wide
for that becomes one record per row). Cells show their literal text, never
markup. Everything else is Textual's own Markdown rendering.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence

from markdown_it.token import Token
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.app import ComposeResult
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Markdown
from textual.widgets._markdown import MarkdownBlock

from sessions.documents.text_table import MIN_COLUMN, SEPARATOR, layout_table
from sessions.i18n import get_language

JUSTIFY = {"text-align:right": "right", "text-align:center": "center"}


def _cell_text(inline: Token) -> str:
    """The literal text of a cell (escapes undone, code spans kept, breaks as spaces)."""
    parts = []
    for child in inline.children or ():
        if child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
    return "".join(parts)


def read_table(tokens: Sequence[Token]) -> tuple[list[str], list[list[str]], list[str]]:
    """Headers, rows and column alignments of one table's tokens."""
    headers: list[str] = []
    justify: list[str] = []
    rows: list[list[str]] = []
    in_head = False
    for index, token in enumerate(tokens):
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open" and not in_head:
            rows.append([])
        elif token.type in ("th_open", "td_open"):
            style = str(token.attrGet("style") or "").replace(" ", "")
            inline = tokens[index + 1] if index + 1 < len(tokens) else None
            text = _cell_text(inline) if inline is not None and inline.type == "inline" else ""
            if in_head:
                headers.append(text)
                justify.append(JUSTIFY.get(style, "left"))
            elif rows:
                rows[-1].append(text)
    return headers, rows, justify


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


def record_lines(
    headers: Sequence[str], rows: Sequence[Sequence[str]], width: int
) -> tuple[list[str], set[int]]:
    """A table too wide for the screen as one record per row, wrapped on words.

    The first two cells (the number and the text, in the minutes) head the
    record in bold; the other cells follow as ``header : value``. Returns the
    lines and the indexes of the bold ones.
    """
    colon = " : " if get_language() == "fr" else ": "
    width = max(width, 20)
    lines: list[str] = []
    bold: set[int] = set()
    for row in rows:
        cells = [*row, *[""] * (len(headers) - len(row))]
        head = " · ".join(c for c in cells[:2] if c.strip()) or "-"
        for line in textwrap.wrap(head, width, break_on_hyphens=False) or [""]:
            bold.add(len(lines))
            lines.append(line)
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


class TableLines(Widget):
    """A table drawn from text lines laid out for the widget's width; renders visible lines only.

    When its columns cannot fit the width without cutting words in the middle
    (the grid's eight columns on a small laptop), each row is shown as a
    record wrapped on words instead.
    """

    DEFAULT_CSS = """
    TableLines { height: auto; width: 1fr; }
    """

    def __init__(self, headers: list[str], rows: list[list[str]], justify: list[str]) -> None:
        super().__init__()
        self.headers, self.rows, self.justify = headers, rows, justify
        self._layout: tuple[int, list[str], set[int], set[int]] | None = None

    def _lines(self, width: int) -> list[str]:
        if self._layout is None or self._layout[0] != width:
            if words_fit(self.headers, self.rows, width):
                table = layout_table(self.headers, self.rows, self.justify, max(width, 10))
                header = len(table.header)
                self._layout = (width, table.lines(), set(range(header)), {header})
            else:
                lines, bold = record_lines(self.headers, self.rows, width)
                self._layout = (width, lines, bold, set())
        return self._layout[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        lines = self._lines(width)
        if y >= len(lines):
            return Strip.blank(width, self.rich_style)
        assert self._layout is not None
        _width, _lines, bold, dim = self._layout
        base = self.rich_style
        if y in bold:
            style = base + Style(bold=True)
        elif y in dim:
            style = base + Style(dim=True)
        else:
            style = base
        return Strip([Segment(lines[y], style)]).adjust_cell_length(width, base)


class PreviewTable(MarkdownBlock):
    """A Markdown table as one ``TableLines`` (no widget per cell)."""

    DEFAULT_CSS = """
    PreviewTable { height: auto; margin-bottom: 1; }
    """

    def __init__(self, markdown: Markdown, token: Token, tokens: Sequence[Token]) -> None:
        super().__init__(markdown, token)
        self.headers, self.rows, self.justify = read_table(tokens)

    def compose(self) -> ComposeResult:
        yield TableLines(self.headers, self.rows, self.justify)


class MinutesPreview(Markdown):
    """The Markdown widget with light tables."""

    def _parse_markdown(self, tokens: Iterable[Token]) -> Iterable[MarkdownBlock]:
        run: list[Token] = []
        table: list[Token] | None = None
        for token in tokens:
            if table is not None:
                table.append(token)
                if token.type == "table_close" and token.level == 0:
                    yield PreviewTable(self, table[0], table)
                    table = None
            elif token.type == "table_open" and token.level == 0:
                yield from super()._parse_markdown(run)
                run = []
                table = [token]
            else:
                run.append(token)
        yield from super()._parse_markdown(run)
