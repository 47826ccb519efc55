"""MinutesPreview: Textual's Markdown widget, with each table drawn as one light widget.

Textual's Markdown builds a widget for every table cell (and its row, head
and body), laid out on a grid: the minutes of 60 ideas (five tables) took
~6 s and 1,600 widgets to show, those of 1,000 ideas over a minute and
800 MB. Here a top-level table is read straight from the parser's tokens
into one ``PreviewTable`` block whose ``TableLines`` draws only the lines on
screen (Textual's line API) from ``sessions.text_table``: the same headers,
cells and column alignment, wrapped to the width. Cells show their literal
text, never markup. Everything else is Textual's own Markdown rendering.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from markdown_it.token import Token
from rich.segment import Segment
from rich.style import Style
from textual.app import ComposeResult
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Markdown
from textual.widgets._markdown import MarkdownBlock

from sessions.text_table import TextTable, layout_table

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


class TableLines(Widget):
    """A table drawn from text lines laid out for the widget's width; renders visible lines only."""

    DEFAULT_CSS = """
    TableLines { height: auto; width: 1fr; }
    """

    def __init__(self, headers: list[str], rows: list[list[str]], justify: list[str]) -> None:
        super().__init__()
        self.headers, self.rows, self.justify = headers, rows, justify
        self._layout: tuple[int, TextTable, list[str]] | None = None

    def _lines(self, width: int) -> list[str]:
        if self._layout is None or self._layout[0] != width:
            table = layout_table(self.headers, self.rows, self.justify, max(width, 10))
            self._layout = (width, table, table.lines())
        return self._layout[2]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        lines = self._lines(width)
        if y >= len(lines):
            return Strip.blank(width, self.rich_style)
        assert self._layout is not None
        header_height = len(self._layout[1].header)
        base = self.rich_style
        if y < header_height:
            style = base + Style(bold=True)
        elif y == header_height:
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
