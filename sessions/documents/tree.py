"""A small document tree: what the minutes and the synthesis say, before any format.

Each part of a session builds its blocks once (``sessions.documents.minutes``);
renderers turn the same ``Document`` into Markdown
(``sessions.documents.render_markdown``), an HTML page
(``sessions.documents.minutes_html``), the F7 preview (``tui.widgets.minutes_preview``)
and, later, office documents. The tree holds **plain text** exactly as typed
(after ``clean_text``): no Markdown, no HTML. Escaping is each renderer's job.

Every renderer walks the tree the same way: it subclasses ``Visitor`` and names
what each kind of block becomes (``heading``, ``paragraph``, ``bullets``,
``table``, ``preformatted``, ``note``); ``Visitor.visit`` is the one dispatch.

Blocks: ``Heading``, ``Paragraph`` (inline ``Run``s: plain, strong, emphasis,
code, and line breaks), ``BulletList``, ``Table`` (header, rows, alignments,
optional per-cell style word), ``Preformatted`` (the grid drawing) and ``Note``
(a closing remark set apart by a rule). Frozen dataclasses; no Textual, no
Markdown parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

RunKind = Literal["plain", "strong", "emphasis", "code", "break"]
Align = Literal["l", "r", "c"]


@dataclass(frozen=True)
class Run:
    """A piece of inline text with one style; ``kind="break"`` is a line break (no text)."""

    text: str
    kind: RunKind = "plain"


BREAK = Run("", "break")


def plain(text: str) -> Run:
    return Run(text)


def strong(text: str) -> Run:
    return Run(text, "strong")


def emphasis(text: str) -> Run:
    return Run(text, "emphasis")


def code(text: str) -> Run:
    return Run(text, "code")


Inline = tuple[Run, ...]


@dataclass(frozen=True)
class Heading:
    """A section title; level 2 for a part of the minutes, 3 below it (1 is the document's)."""

    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    runs: Inline

    @classmethod
    def of(cls, *runs: Run | str) -> Paragraph:
        return cls(tuple(Run(r) if isinstance(r, str) else r for r in runs))

    @property
    def text(self) -> str:
        """The paragraph's text as read (line breaks as newlines)."""
        return inline_text(self.runs)


@dataclass(frozen=True)
class BulletList:
    items: tuple[Inline, ...]


@dataclass(frozen=True)
class Table:
    """A table of plain-text cells; ``align`` per column (``l``, ``r``, ``c``; left if absent).

    ``styles`` optionally maps ``(row, column)`` to a style word (a colour name
    for a sheet's cell, say); renderers that cannot show it ignore it.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    align: tuple[Align, ...] = ()
    styles: tuple[tuple[tuple[int, int], str], ...] = ()

    @classmethod
    def of(
        cls,
        header: list[str],
        rows: list[list[str]],
        align: list[str] | None = None,
        styles: dict[tuple[int, int], str] | None = None,
    ) -> Table:
        return cls(
            tuple(header),
            tuple(tuple(r) for r in rows),
            tuple(align or ()),  # type: ignore[arg-type]
            tuple(sorted((styles or {}).items())),
        )

    def alignment(self, column: int) -> Align:
        return self.align[column] if column < len(self.align) else "l"

    def style(self, row: int, column: int) -> str | None:
        return dict(self.styles).get((row, column))


@dataclass(frozen=True)
class Preformatted:
    """Text whose lines and spaces matter (the grid drawn in characters)."""

    text: str


@dataclass(frozen=True)
class Note:
    """A closing remark, set apart from what precedes it (a rule, then emphasis)."""

    text: str


Block = Heading | Paragraph | BulletList | Table | Preformatted | Note


@dataclass(frozen=True)
class Document:
    """A titled document in one language; the title is its level-1 heading."""

    title: str
    language: str
    blocks: tuple[Block, ...] = field(default=())


def inline_text(runs: Inline) -> str:
    return "".join("\n" if r.kind == "break" else r.text for r in runs)


def block_text(block: Block) -> str:
    """The words of a block, for searching and tests (cells separated by tabs)."""
    if isinstance(block, Heading | Preformatted | Note):
        return block.text
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, BulletList):
        return "\n".join(inline_text(item) for item in block.items)
    lines = ["\t".join(block.header), *("\t".join(r) for r in block.rows)]
    return "\n".join(lines)


T = TypeVar("T")

# The method of ``Visitor`` each kind of block goes to: the one dispatch of the renderers.
_VISIT: dict[type, str] = {
    Heading: "heading",
    Paragraph: "paragraph",
    BulletList: "bullets",
    Table: "table",
    Preformatted: "preformatted",
    Note: "note",
}


class Visitor(Generic[T]):
    """One walk of the tree: a renderer says what each kind of block becomes (a ``T``).

    ``visit(block)`` calls the method named after the block's kind; a renderer
    overrides all six (the defaults refuse, so a forgotten kind fails loudly).
    """

    def visit(self, block: Block) -> T:
        name = _VISIT.get(type(block))
        if name is None:
            raise TypeError(f"not a block: {block!r}")
        return getattr(self, name)(block)

    def visit_all(self, doc: Document) -> list[T]:
        """Every block of ``doc``, in order (the title is the renderer's own)."""
        return [self.visit(b) for b in doc.blocks]

    def heading(self, b: Heading) -> T:
        raise NotImplementedError

    def paragraph(self, b: Paragraph) -> T:
        raise NotImplementedError

    def bullets(self, b: BulletList) -> T:
        raise NotImplementedError

    def table(self, b: Table) -> T:
        raise NotImplementedError

    def preformatted(self, b: Preformatted) -> T:
        raise NotImplementedError

    def note(self, b: Note) -> T:
        raise NotImplementedError
