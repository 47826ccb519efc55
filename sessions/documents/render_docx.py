"""A document tree as a Word document (DOCX), through the optional ``office`` extra.

``render_docx(doc)`` returns the bytes of a ``.docx`` file built with
``python-docx``: the title as the level-1 heading and the document's title,
real headings (``Heading 2``, ``Heading 3``), paragraphs with bold / italic /
monospace runs, bulleted lists, tables (``Table Grid``) whose header row
repeats on each page and whose rows never split, the grid (``Preformatted``)
as a monospace block with its spaces kept, and the closing note under a rule.
The page is A4 with 2 cm margins; the language (``fr-FR``, ``en-GB``) is set
on the default run properties and in the core properties.

``docx`` is imported inside the function only; when it is missing,
``MissingExtra("office")`` tells the caller which extra to install.
"""

from __future__ import annotations

import io
from typing import Any

from sessions.documents.render_odt import CELL_COLOURS, column_widths, locale, xml_safe
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

MONO = (
    "Courier New"  # on every Word; LibreOffice draws it with the metric-compatible Liberation Mono
)


def _docx() -> Any:
    try:
        import docx
    except ImportError as exc:
        from sessions.documents.extras import MissingExtra

        raise MissingExtra("office") from exc
    return docx


def _element(tag: str, **attrs: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(key), value)
    return element


def _mono(run: Any, size: float | None = None) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = MONO
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for key in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(key), MONO)
    if size:
        run.font.size = Pt(size)


def _setup(document: Any, doc: Document) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Cm, Mm

    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = section.bottom_margin = Cm(2)
        section.left_margin = section.right_margin = Cm(2)
    tag = locale(doc.language)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = _element("w:lang")
        rpr.append(lang)
    for key in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(key), tag)
    properties = document.core_properties
    properties.title = doc.title
    properties.language = tag
    properties.author = properties.last_modified_by = "atelier"
    properties.comments = ""


def _runs(paragraph: Any, runs: Inline) -> Any:
    for run in runs:
        if run.kind == "break":
            paragraph.add_run().add_break()
            continue
        piece = paragraph.add_run(" ".join(run.text.splitlines()))
        if run.kind == "strong":
            piece.bold = True
        elif run.kind == "emphasis":
            piece.italic = True
        elif run.kind == "code":
            _mono(piece)
    return paragraph


def _row_properties(row: Any, header: bool) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(_element("w:cantSplit"))
    if header:
        properties.append(_element("w:tblHeader"))


def _table(document: Any, block: Table) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    aligns = {"l": WD_ALIGN_PARAGRAPH.LEFT, "r": WD_ALIGN_PARAGRAPH.RIGHT}
    aligns["c"] = WD_ALIGN_PARAGRAPH.CENTER
    count = len(block.header)
    table = document.add_table(rows=1 + len(block.rows), cols=count)
    table.style = "Table Grid"
    table.autofit = False
    widths = [Cm(w) for w in column_widths(block)]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid LibreOffice reads; Word reads each cell's
    styles = dict(block.styles)
    for r, (row, values) in enumerate(zip(table.rows, [block.header, *block.rows], strict=True)):
        _row_properties(row, header=r == 0)
        cells = [*values[:count], *[""] * (count - len(values))]
        row_cells = row.cells  # computed on each access: once per row
        for c, text in enumerate(cells):
            row_cells[c].width = widths[c]
            colour = CELL_COLOURS.get(styles.get((r - 1, c), ""))
            if colour:  # a chantier's feasibility, as the HTML shows it
                shading = _element("w:shd", **{"w:val": "clear", "w:fill": colour.lstrip("#")})
                row_cells[c]._tc.get_or_add_tcPr().append(shading)
            paragraph = row_cells[c].paragraphs[0]
            paragraph.alignment = aligns[block.alignment(c)]
            run = paragraph.add_run(" ".join(text.splitlines()))
            run.bold = r == 0 or None


class DocxBlocks(Visitor[None]):
    """Each block added to the Word document."""

    def __init__(self, document: Any) -> None:
        self.document = document

    def heading(self, b: Heading) -> None:
        level = max(1, min(b.level, 9))
        self.document.add_heading(" ".join(b.text.splitlines()), level=level)

    def paragraph(self, b: Paragraph) -> None:
        _runs(self.document.add_paragraph(), b.runs)

    def bullets(self, b: BulletList) -> None:
        for item in b.items:
            _runs(self.document.add_paragraph(style="List Bullet"), item)

    def table(self, b: Table) -> None:
        if not b.header:
            return
        _table(self.document, b)
        self.document.add_paragraph()  # Word glues consecutive tables together

    def preformatted(self, b: Preformatted) -> None:
        from docx.shared import Pt

        paragraph = self.document.add_paragraph()
        paragraph.paragraph_format.keep_together = True
        paragraph.paragraph_format.space_after = Pt(6)
        _mono(paragraph.add_run(b.text.rstrip("\n")), size=8)  # "\n" become line breaks

    def note(self, b: Note) -> None:
        paragraph = self.document.add_paragraph()
        borders = _element("w:pBdr")
        borders.append(_element("w:top", **{"w:val": "single", "w:sz": "4", "w:space": "6"}))
        paragraph._p.get_or_add_pPr().append(borders)
        paragraph.add_run(" ".join(b.text.splitlines())).italic = True


def render_docx(doc: Document) -> bytes:
    """The document as the bytes of a ``.docx`` file (A4, title and language set)."""
    docx = _docx()
    doc = xml_safe(doc)
    document = docx.Document()
    _setup(document, doc)
    document.add_heading(" ".join(doc.title.splitlines()), level=1)
    DocxBlocks(document).visit_all(doc)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
