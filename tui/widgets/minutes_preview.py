"""MinutesPreview: the minutes' document tree shown in a few line-drawing widgets.

The F7 preview draws the same ``sessions.documents.tree.Document`` the exports
render (no Markdown parsed back). Its blocks become ``Piece``s
(``tui.widgets.minutes_preview_lines``): a heading, a paragraph, a bullet list,
a table (the headers, cells and column alignment, wrapped to the width on words;
a table too wide for that becomes one record per row), the closing note. A run
of pieces is one ``PreviewLines`` widget that draws only the lines on screen
(Textual's line API), a table laid out a row at a time as it comes into view;
only the grid's drawing is a widget of its own (a ``Static`` that scrolls
sideways). Every text shows literally, never as markup. The minutes of 1,000
ideas are four widgets, the lines of their two long tables laid out only as
they come into view.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.await_complete import AwaitComplete
from textual.containers import HorizontalScroll, Vertical
from textual.widget import Widget
from textual.widgets import Static

from sessions.documents.tree import (
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
from tui.widgets.minutes_preview_lines import (
    BulletsPiece,
    Piece,
    PreviewLines,
    RulePiece,
    TablePiece,
    TextPiece,
)

JUSTIFY = {"l": "left", "r": "right", "c": "center"}
RUN_STYLES = {"strong": "bold", "emphasis": "italic", "code": "reverse"}
DRAWING_MARGIN = 1  # blank lines under the grid's drawing


def preview_table(table: Table) -> TablePiece:
    """A table of the tree as one ``TablePiece`` (its rows shared with the tree, not copied)."""
    count = len(table.header)
    # the tree's rows shared, not copied: only a row of another length is rebuilt
    rows = [r if len(r) == count else (*r[:count], *[""] * (count - len(r))) for r in table.rows]
    justify = [JUSTIFY[table.alignment(i)] for i in range(count)]
    return TablePiece(list(table.header), rows, justify)


def inline_text(runs: Inline) -> Text:
    """Runs as Rich text, each with its style; line breaks kept, nothing read as markup."""
    text = Text()
    for run in runs:
        if run.kind == "break":
            text.append("\n")
        else:
            text.append(" ".join(run.text.splitlines()), RUN_STYLES.get(run.kind, ""))
    return text


def heading_piece(text: str, level: int) -> TextPiece:
    """A heading: the title centred (``level`` 1), a section (2) or a sub-section (3)."""
    level = min(level, 3)
    return TextPiece(Text(text), f"minutes-preview--h{level}", top=1, bottom=int(level < 3))


class PreviewBlocks(Visitor[list[Piece | Widget]]):
    """Each block of the tree as the pieces showing it (the renderers' one walk); the
    grid's drawing as a widget, the one block that scrolls sideways."""

    def heading(self, b: Heading) -> list[Piece | Widget]:
        return [heading_piece(b.text, b.level)]

    def paragraph(self, b: Paragraph) -> list[Piece | Widget]:
        return [TextPiece(inline_text(b.runs), "minutes-preview--paragraph", bottom=1)]

    def bullets(self, b: BulletList) -> list[Piece | Widget]:
        return [BulletsPiece([inline_text(item) for item in b.items])]

    def table(self, b: Table) -> list[Piece | Widget]:
        return [preview_table(b)]

    def preformatted(self, b: Preformatted) -> list[Piece | Widget]:
        drawing = Static(Text(b.text, no_wrap=True, overflow="ignore"), classes="drawing")
        return [HorizontalScroll(drawing, classes="preformatted")]

    def note(self, b: Note) -> list[Piece | Widget]:
        return [RulePiece(), TextPiece(Text(b.text, style="italic"), "minutes-preview--note")]


_BLOCKS = PreviewBlocks()


def preview_widgets(parts: Sequence[Piece | Widget]) -> list[Widget]:
    """Runs of pieces as ``PreviewLines``, the widgets between them kept."""
    widgets: list[Widget] = []
    run: list[Piece] = []
    lead = 0
    for part in parts:
        if isinstance(part, Piece):
            run.append(part)
            continue
        if run:
            widgets.append(PreviewLines(run, lead))
            lead, run = 0, []
        widgets.append(part)
        lead = DRAWING_MARGIN
    if run or lead:
        widgets.append(PreviewLines(run, lead))
    return widgets


class MinutesPreview(Vertical):
    """The minutes' document, block by block; ``update(doc)`` shows another one."""

    DEFAULT_CSS = """
    MinutesPreview { height: auto; }
    MinutesPreview .preformatted { height: auto; background: $boost; }
    MinutesPreview .drawing { width: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document: Document | None = None

    def update(self, doc: Document) -> AwaitComplete:
        """Show ``doc`` (nothing is rebuilt when it is the one shown); await to wait for it."""
        if doc == self.document:
            return AwaitComplete()
        self.document = doc
        parts: list[Piece | Widget] = [heading_piece(doc.title, 1)]
        for block in doc.blocks:
            parts.extend(_BLOCKS.visit(block))
        with self.app.batch_update():
            removed = self.remove_children()
            mounted = self.mount_all(preview_widgets(parts))
        return AwaitComplete(removed, mounted)

    def shown_text(self) -> str:
        """Every text the preview shows, block after block (tables as their laid-out lines)."""
        out: list[str] = []
        for widget in self.children:
            if isinstance(widget, PreviewLines):
                out.extend(widget.shown())
            else:
                for static in widget.query(Static):
                    content = static.content
                    out.append(content.plain if isinstance(content, Text) else str(content))
        return "\n".join(out)

    def tables(self) -> list[tuple[PreviewLines, TablePiece]]:
        """The tables shown, in order, with the widget drawing each."""
        return [
            (widget, piece)
            for widget in self.query(PreviewLines)
            for piece in widget.pieces
            if isinstance(piece, TablePiece)
        ]

    def scroll_to_table(self, index: int) -> None:
        """Scroll the preview so that table ``index`` (-1: the last) starts at its top."""
        widget, piece = self.tables()[index]
        y = self.virtual_region.y + widget.virtual_region.y + widget.piece_top(piece)
        if isinstance(self.parent, Widget):
            self.parent.scroll_to(y=y, animate=False)
