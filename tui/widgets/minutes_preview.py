"""MinutesPreview: the minutes' document tree shown with light, public Textual widgets.

The F7 preview draws the same ``sessions.documents.tree.Document`` the exports
render (no Markdown parsed back): a heading is a ``Static``, a paragraph a
``Static`` of styled text, a bullet list one row per item, the grid drawing a
``Static`` that scrolls sideways, and each table one ``TableLines`` that draws
only the lines on screen (Textual's line API) from ``sessions.documents.text_table``:
the headers, cells and column alignment, wrapped to the width on words (a
table too wide for that becomes one record per row). Every text shows
literally, never as markup. The minutes of 1,000 ideas stay a few dozen
widgets.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.await_complete import AwaitComplete
from textual.containers import Horizontal, HorizontalScroll, Vertical
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Rule, Static

from sessions.documents.text_table import MIN_COLUMN, SEPARATOR, layout_table
from sessions.documents.tree import (
    Block,
    BulletList,
    Document,
    Heading,
    Inline,
    Note,
    Paragraph,
    Preformatted,
    Table,
    Visitor,
)
from sessions.i18n import get_language

JUSTIFY = {"l": "left", "r": "right", "c": "center"}
RUN_STYLES = {"strong": "bold", "emphasis": "italic", "code": "reverse"}


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

    def __init__(
        self,
        headers: list[str],
        rows: Sequence[Sequence[str]],
        justify: list[str],
        classes: str | None = None,
    ) -> None:
        super().__init__(classes=classes)
        self.headers, self.rows, self.justify = headers, rows, justify
        self._layout: tuple[int, list[str], set[int], set[int]] | None = None

    def lines_for(self, width: int) -> list[str]:
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
        return len(self.lines_for(width))

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        lines = self.lines_for(width)
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


def preview_table(table: Table) -> TableLines:
    """A table of the tree as one ``TableLines`` (no widget per cell, no container: a
    widget as tall as the table costs Textual a line set of that height)."""
    count = len(table.header)
    # the tree's rows shared, not copied: only a row of another length is rebuilt
    rows = [r if len(r) == count else (*r[:count], *[""] * (count - len(r))) for r in table.rows]
    justify = [JUSTIFY[table.alignment(i)] for i in range(count)]
    return TableLines(list(table.header), rows, justify, classes="table")


def inline_text(runs: Inline) -> Text:
    """Runs as Rich text, each with its style; line breaks kept, nothing read as markup."""
    text = Text()
    for run in runs:
        if run.kind == "break":
            text.append("\n")
        else:
            text.append(" ".join(run.text.splitlines()), RUN_STYLES.get(run.kind, ""))
    return text


class PreviewBlocks(Visitor[list[Widget]]):
    """Each block of the tree as the widgets showing it (the renderers' one walk)."""

    def heading(self, b: Heading) -> list[Widget]:
        return [Static(Text(b.text), classes=f"heading h{min(b.level, 3)}")]

    def paragraph(self, b: Paragraph) -> list[Widget]:
        return [Static(inline_text(b.runs), classes="paragraph")]

    def bullets(self, b: BulletList) -> list[Widget]:
        rows = [
            Horizontal(
                Static("•", classes="bullet"),
                Static(inline_text(item), classes="item"),
                classes="bullet-item",
            )
            for item in b.items
        ]
        return [Vertical(*rows, classes="bullet-list")]

    def table(self, b: Table) -> list[Widget]:
        return [preview_table(b)]

    def preformatted(self, b: Preformatted) -> list[Widget]:
        drawing = Static(Text(b.text, no_wrap=True, overflow="ignore"), classes="drawing")
        return [HorizontalScroll(drawing, classes="preformatted")]

    def note(self, b: Note) -> list[Widget]:
        return [Rule(classes="note-rule"), Static(Text(b.text, style="italic"), classes="note")]


_BLOCKS = PreviewBlocks()


def block_widgets(block: Block) -> Iterable[Widget]:
    """The widgets showing one block of the tree."""
    return _BLOCKS.visit(block)


class MinutesPreview(Vertical):
    """The minutes' document, block by block; ``update(doc)`` shows another one."""

    DEFAULT_CSS = """
    MinutesPreview { height: auto; }
    MinutesPreview .heading { text-style: bold; margin-top: 1; }
    MinutesPreview .h1 { text-align: center; color: $primary; margin: 1 0; }
    MinutesPreview .h2 { color: $accent; text-style: bold underline; margin-bottom: 1; }
    MinutesPreview .paragraph { margin-bottom: 1; }
    MinutesPreview .table { margin-bottom: 1; }
    MinutesPreview .bullet-list { height: auto; margin-bottom: 1; }
    MinutesPreview .bullet-item { height: auto; }
    MinutesPreview .bullet { width: 2; color: $accent; }
    MinutesPreview .item { width: 1fr; }
    MinutesPreview .preformatted { height: auto; margin-bottom: 1; background: $boost; }
    MinutesPreview .drawing { width: auto; }
    MinutesPreview .note-rule { margin: 0; color: $text-muted; }
    MinutesPreview .note { color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document: Document | None = None

    def update(self, doc: Document) -> AwaitComplete:
        """Show ``doc`` (nothing is rebuilt when it is the one shown); await to wait for it."""
        if doc == self.document:
            return AwaitComplete()
        self.document = doc
        widgets: list[Widget] = [Static(Text(doc.title), classes="heading h1")]
        for block in doc.blocks:
            widgets.extend(block_widgets(block))
        with self.app.batch_update():
            removed = self.remove_children()
            mounted = self.mount_all(widgets)
        return AwaitComplete(removed, mounted)

    def shown_text(self) -> str:
        """Every text the preview shows, block after block (tables as their laid-out lines)."""
        out = []
        for widget in self.query("Static, TableLines"):
            if isinstance(widget, TableLines):
                out.append("\n".join(widget.lines_for(max(widget.content_size.width, 10))))
            elif isinstance(widget, Static) and not widget.has_class("bullet"):
                content = widget.content
                out.append(content.plain if isinstance(content, Text) else str(content))
        return "\n".join(out)
