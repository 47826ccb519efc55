"""A document tree as Markdown (CommonMark with GFM tables), every user character literal.

``render_markdown(doc)`` writes the title as a level-1 heading, then each
block, separated by a blank line, and ends with a newline. All text goes
through ``sessions.documents.markdown_safe``: the tree holds plain text, this
renderer escapes it, so no idea can become a heading, a link, HTML or a
broken table.
"""

from __future__ import annotations

from sessions.documents import markdown_safe as md
from sessions.documents.tree import (
    BulletList,
    Document,
    Heading,
    Inline,
    Note,
    Paragraph,
    Preformatted,
    Run,
    Table,
    Visitor,
)

_MARKS = {"strong": "**", "emphasis": "*", "code": "`"}


def _run(run: Run, line_start: bool) -> str:
    if run.kind == "plain":
        return md.escape_inline(run.text, line_start=line_start)
    if run.kind == "code":  # a code span: backticks longer than any run inside
        longest = max((len(m.group()) for m in md._BACKTICKS.finditer(run.text)), default=0)
        ticks = "`" * (longest + 1)
        text = " ".join(run.text.splitlines())
        # CommonMark strips one space at each end, unless the span is only spaces
        edge = text[:1] in ("`", " ") or text[-1:] in ("`", " ")
        pad = " " if edge and text.strip(" ") else ""
        return f"{ticks}{pad}{text}{pad}{ticks}"
    # Whitespace stays outside the marks: ``** a **`` would not open nor close.
    text = " ".join(run.text.splitlines())
    core = text.strip()
    if not core:
        return md.escape_inline(text, line_start=line_start)
    start = text.index(core[0])
    lead, trail = ("" if line_start else text[:start]), text[start + len(core) :]
    mark = _MARKS[run.kind]
    return lead + mark + md.escape_inline(core, line_start=False) + mark + trail


def inline(runs: Inline) -> str:
    """Runs as one Markdown line (line breaks as hard breaks, ``\\`` at the end of a line)."""
    out = []
    line_start = True
    for run in runs:
        if run.kind == "break":
            out.append("\\\n")
            line_start = True
            continue
        out.append(_run(run, line_start))
        line_start = False
    return "".join(out)


class MarkdownBlocks(Visitor[str]):
    """Each block as Markdown text (no blank line around it)."""

    def heading(self, b: Heading) -> str:
        return "#" * b.level + " " + md.escape_inline(b.text)

    def paragraph(self, b: Paragraph) -> str:
        return inline(b.runs)

    def bullets(self, b: BulletList) -> str:
        return "\n".join("- " + inline(item) for item in b.items)

    def table(self, b: Table) -> str:
        align = [b.alignment(i) for i in range(len(b.header))]
        return md.table(list(b.header), b.rows, align)  # type: ignore[arg-type] # any sequences

    def preformatted(self, b: Preformatted) -> str:
        return md.fence(b.text)

    def note(self, b: Note) -> str:
        return "---\n\n" + _run(Run(b.text, "emphasis"), line_start=True)


_BLOCKS = MarkdownBlocks()
block = _BLOCKS.visit  # one block as Markdown


def render_markdown(doc: Document) -> str:
    """The whole document as Markdown text (ends with a newline)."""
    parts = ["# " + md.escape_inline(doc.title)]
    parts.extend(_BLOCKS.visit_all(doc))
    return "\n\n".join(p for p in parts if p) + "\n"
