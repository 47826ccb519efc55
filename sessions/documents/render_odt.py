"""A document tree as an OpenDocument text (ODT), through the optional ``office`` extra.

``render_odt(doc)`` returns the bytes of an ``.odt`` file built with ``odfdo``:
the title as the level-1 heading and the document's title, real headings
(outline levels), paragraphs with bold / italic / monospace runs, bullet
lists, tables with a repeated header row whose rows never split across pages,
the grid (``Preformatted``) as a monospace block with its spaces kept, and a
closing note set apart by a rule. The page is A4 and the document's language
(``fr-FR``, ``en-GB``) is set in its default style and its metadata.

``odfdo`` is imported inside the function only (``atelier status`` stays
light); when it is missing, ``MissingExtra("office")`` tells the caller which
extra to install.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from typing import Any
from xml.sax.saxutils import escape

from sessions.documents.tree import (
    Block,
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

LOCALES = {"fr": "fr-FR", "en": "en-GB"}
MONO = "DejaVu Sans Mono"
_ALIGN = {"l": "start", "r": "end", "c": "center"}
# A cell's style word (``Table.styles``: a chantier's feasibility) as its background, as in HTML.
CELL_COLOURS = {"vert": "#dff3df", "orange": "#ffe8cc", "rouge": "#f9d6d5"}
_BOLD = {"fo:font-weight": "bold", "style:font-weight-complex": "bold"}
_SPAN_STYLES = {"strong": "Strong_20_Emphasis", "emphasis": "Emphasis", "code": "Source_20_Text"}


TEXT_WIDTH_CM = 17.0  # A4 (21 cm) less two 2 cm margins
SHORT_CELL = 14  # characters: a column whose cells are all this short never wraps (if it fits)


def column_widths(block: Table, total: float = TEXT_WIDTH_CM) -> list[float]:
    """Widths (cm) of a table's columns, after their text: a number column stays narrow.

    Each column gets at least its longest word (no word cut in the middle when
    the page allows it); what is left goes to the columns whose cells are
    longer than that (capped, so a long idea wraps rather than starving the rest).
    """
    char, pad = 0.24, 0.5  # about one character of 11-12 pt text; the cell's padding
    least, want = [], []
    for i in range(len(block.header)):
        cells = [block.header[i], *(row[i] for row in block.rows if i < len(row))]
        word = max((len(w) for c in cells for w in c.split()), default=1)
        longest = max((len(c) for c in cells), default=1)
        short = longest <= SHORT_CELL  # a name, a number, a word: kept on one line
        least.append(max(longest if short else word, 2) * char + pad)
        want.append(max(min(longest, 40), word, 2) * char + pad)
    if sum(want) <= total:
        scale = total / sum(want)
        return [round(w * scale, 2) for w in want]
    spare = total - sum(least)
    if spare <= 0:
        return [round(w * total / sum(least), 2) for w in least]
    more = [w - m for w, m in zip(want, least, strict=True)]
    return [round(m + spare * x / sum(more), 2) for m, x in zip(least, more, strict=True)]


# Control characters but tab and newline (as ``clean_text`` drops), lone surrogates, non-characters.
_NOT_XML = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_safe(doc: Document) -> Document:
    """``doc`` without the characters XML cannot hold or a reader would not show.

    The models clean what users type; this keeps a hand-edited file from
    breaking an office export.
    """
    clean = _XmlSafe()
    return Document(_xml_text(doc.title), doc.language, tuple(clean.visit_all(doc)))


def _xml_text(value: str) -> str:
    return _NOT_XML.sub("", value)


def _xml_runs(items: Inline) -> Inline:
    return tuple(Run(_xml_text(r.text), r.kind) for r in items)


class _XmlSafe(Visitor[Block]):
    """Each block with the characters XML cannot hold taken out of its text."""

    def heading(self, b: Heading) -> Block:
        return replace(b, text=_xml_text(b.text))

    def preformatted(self, b: Preformatted) -> Block:
        return replace(b, text=_xml_text(b.text))

    def note(self, b: Note) -> Block:
        return replace(b, text=_xml_text(b.text))

    def paragraph(self, b: Paragraph) -> Block:
        return Paragraph(_xml_runs(b.runs))

    def bullets(self, b: BulletList) -> Block:
        return BulletList(tuple(_xml_runs(item) for item in b.items))

    def table(self, b: Table) -> Block:
        rows = tuple(tuple(_xml_text(c) for c in row) for row in b.rows)
        return replace(b, header=tuple(_xml_text(c) for c in b.header), rows=rows)


def locale(language: str) -> str:
    """The document's language as a language-COUNTRY tag (``fr`` -> ``fr-FR``)."""
    return LOCALES.get(language, language)


def _odfdo() -> Any:
    try:
        import odfdo
    except ImportError as exc:
        from sessions.documents.extras import MissingExtra

        raise MissingExtra("office") from exc
    return odfdo


def _styles(odf: Any, document: Any) -> None:
    """Text styles for the runs, paragraph styles for cells, the grid and the note."""
    style = odf.Style
    for name, display, kwargs in (
        ("Strong_20_Emphasis", "Strong Emphasis", {"bold": True}),
        ("Emphasis", "Emphasis", {"italic": True}),
    ):
        document.insert_style(style("text", name=name, display_name=display, **kwargs))
    code = style("text", name="Source_20_Text", display_name="Source Text")
    code.set_properties(area="text", font_name=MONO, font_family=f"'{MONO}'")
    code.set_properties(area="text", **{"style:font-pitch": "fixed"})
    document.insert_style(code)
    grid = style(
        "paragraph", name="Atelier_20_Grid", display_name="Atelier Grid", parent_style="Standard"
    )
    grid.set_properties(
        area="text",
        font_name=MONO,
        font_family=f"'{MONO}'",
        **{"style:font-pitch": "fixed", "fo:font-size": "8pt"},
    )
    grid.set_properties(area="paragraph", **{"fo:keep-together": "always"})
    document.insert_style(grid)
    for name, display, bold in (
        ("Table_20_Contents", "Table Contents", False),
        ("Table_20_Heading", "Table Heading", True),
    ):
        cell = style("paragraph", name=name, display_name=display, parent_style="Standard")
        if bold:
            cell.set_properties(area="text", **_BOLD)
        document.insert_style(cell)
    note = style("paragraph", name="Atelier_20_Note", display_name="Atelier Note")
    note.set_properties(
        area="paragraph", **{"fo:border-top": "0.5pt solid #000000", "fo:padding-top": "0.2cm"}
    )
    note.set_properties(area="text", **{"fo:font-style": "italic"})
    document.insert_style(note)
    for align, value in _ALIGN.items():
        for base in ("Table_20_Contents", "Table_20_Heading"):
            cell = style("paragraph", name=f"{base}_{align}", parent_style=base)
            cell.set_properties(area="paragraph", **{"fo:text-align": value})
            document.insert_style(cell, automatic=True)
    row = style("table-row", name="Atelier_Row")
    row.set_properties(area="table-row", **{"fo:keep-together": "always"})
    document.insert_style(row, automatic=True)
    for suffix, colour in (("", None), *((f"_{w}", c) for w, c in CELL_COLOURS.items())):
        cell = style("table-cell", name=f"Atelier_Cell{suffix}")
        cell.set_properties(
            area="table-cell", **{"fo:border": "0.5pt solid #999999", "fo:padding": "0.1cm"}
        )
        if colour:
            cell.set_properties(area="table-cell", **{"fo:background-color": colour})
        document.insert_style(cell, automatic=True)


def _unnumbered_headings(document: Any) -> None:
    """The template numbers headings (1., 1.1.); the minutes' headings carry no numbers."""
    for level in document.styles.get_elements("//text:outline-level-style"):
        for key in ("style:num-suffix", "loext:num-list-format", "text:display-levels"):
            if level.get_attribute(key) is not None:
                level.del_attribute(key)
        level.set_attribute("style:num-format", "")


def _indented_bullets(odf: Any, document: Any) -> None:
    """The template's bullets sit on the margin, glued to the text: indent them, then a tab."""
    path = '//text:list-style[@style:name="List_20_1"]/text:list-level-style-bullet'
    for level_style in document.styles.get_elements(path):
        level = int(level_style.get_attribute("text:level") or 1)
        for properties in level_style.get_elements("style:list-level-properties"):
            properties.set_attribute("text:list-level-position-and-space-mode", "label-alignment")
            margin = f"{0.635 * level:.3f}cm"
            properties.append(
                odf.Element.from_tag(
                    '<style:list-level-label-alignment text:label-followed-by="listtab" '
                    f'text:list-tab-stop-position="{margin}" fo:text-indent="-0.635cm" '
                    f'fo:margin-left="{margin}"/>'
                )
            )


def _a4(document: Any) -> None:
    for layout in document.get_styles("page-layout"):
        layout.set_properties(
            area="page-layout",
            **{
                "fo:page-width": "21cm",
                "fo:page-height": "29.7cm",
                "style:print-orientation": "portrait",
                "fo:margin-top": "2cm",
                "fo:margin-bottom": "2cm",
                "fo:margin-left": "2cm",
                "fo:margin-right": "2cm",
            },
        )


def _runs(odf: Any, paragraph: Any, runs: Inline) -> Any:
    for run in runs:
        if run.kind == "break":
            paragraph.append(odf.LineBreak())
        elif run.kind == "plain":
            paragraph.append(odf.Span(run.text, formatted=True))
        else:
            paragraph.append(odf.Span(run.text, style=_SPAN_STYLES[run.kind], formatted=True))
    return paragraph


def _odf_text(text: str) -> str:
    """``text`` as ODF character data: escaped, runs of spaces as ``<text:s/>``, tabs kept."""
    text = escape(" ".join(text.splitlines()))

    def spaces(match: re.Match[str]) -> str:
        extra = len(match.group()) - (0 if match.start() == 0 else 1)
        head = "" if match.start() == 0 else " "
        return head + ("<text:s/>" if extra == 1 else f'<text:s text:c="{extra}"/>')

    return re.sub(r"^ +|  +", spaces, text).replace("\t", "<text:tab/>")


def _row_xml(
    cells: list[str], base: str, aligns: list[str], colours: list[str] | None = None
) -> str:
    out = ['<table:table-row table:style-name="Atelier_Row">']
    for text, align, colour in zip(cells, aligns, colours or [""] * len(cells), strict=True):
        cell = f"Atelier_Cell_{colour}" if colour in CELL_COLOURS else "Atelier_Cell"
        out.append(
            f'<table:table-cell table:style-name="{cell}" office:value-type="string">'
            f'<text:p text:style-name="{base}_{align}">{_odf_text(text)}</text:p>'
            "</table:table-cell>"
        )
    out.append("</table:table-row>")
    return "".join(out)


def _table(odf: Any, document: Any, block: Table, number: int) -> Any:
    # Built as one XML string, parsed once: odfdo's element-by-element build
    # took 14 s for the 1,000 ideas of the bench's big session.
    count = len(block.header)
    name = f"Table{number}"
    table_style = odf.Style("table", name=name)
    table_style.set_properties(
        area="table", **{"style:width": f"{TEXT_WIDTH_CM}cm", "table:align": "margins"}
    )
    document.insert_style(table_style, automatic=True)
    out = [f'<table:table table:name="{name}" table:style-name="{name}">']
    for i, width in enumerate(column_widths(block)):
        column = odf.Style("table-column", name=f"{name}.C{i}")
        column.set_properties(area="table-column", **{"style:column-width": f"{width}cm"})
        document.insert_style(column, automatic=True)
        out.append(f'<table:table-column table:style-name="{name}.C{i}"/>')
    aligns = [block.alignment(i) for i in range(count)]
    out.append("<table:table-header-rows>")
    out.append(_row_xml(list(block.header), "Table_20_Heading", aligns))
    out.append("</table:table-header-rows>")
    styles = dict(block.styles)
    for r, values in enumerate(block.rows):
        cells = [*values[:count], *[""] * (count - len(values))]
        colours = [styles.get((r, c), "") for c in range(count)]
        out.append(_row_xml(cells, "Table_20_Contents", aligns, colours))
    out.append("</table:table>")
    return odf.Element.from_tag("".join(out))


def _heading(odf: Any, level: int, text: str) -> Any:
    level = max(1, min(level, 9))
    heading = odf.Header(level, " ".join(text.splitlines()))
    heading.style = f"Heading_20_{level}"  # the constructor's ``style=`` is not written
    return heading


class OdtBlocks(Visitor[list[Any]]):
    """Each block as the ODF elements of the body; ``number`` is the block's place (table names)."""

    def __init__(self, odf: Any, document: Any) -> None:
        self.odf, self.document, self.number = odf, document, 0

    def heading(self, b: Heading) -> list[Any]:
        return [_heading(self.odf, b.level, b.text)]

    def paragraph(self, b: Paragraph) -> list[Any]:
        return [_runs(self.odf, self.odf.Paragraph(style="Text_20_body"), b.runs)]

    def bullets(self, b: BulletList) -> list[Any]:
        items = [_runs(self.odf, self.odf.Paragraph(style="List"), i) for i in b.items]
        return [self.odf.List(items, style="List_20_1")]

    def table(self, b: Table) -> list[Any]:
        return [_table(self.odf, self.document, b, self.number)] if b.header else []

    def preformatted(self, b: Preformatted) -> list[Any]:
        # One paragraph, one line break per line: spaces kept, never split across pages.
        text = b.text.rstrip("\n")
        return [self.odf.Paragraph(text, style="Atelier_20_Grid", formatted=True)]

    def note(self, b: Note) -> list[Any]:
        return [self.odf.Paragraph(b.text, style="Atelier_20_Note", formatted=True)]


def render_odt(doc: Document) -> bytes:
    """The document as the bytes of an ``.odt`` file (A4, title and language set)."""
    odf = _odfdo()
    doc = xml_safe(doc)
    document = odf.Document("text")
    body = document.body
    body.clear()
    _styles(odf, document)
    _a4(document)
    _unnumbered_headings(document)
    _indented_bullets(odf, document)
    document.set_language(locale(doc.language))
    meta = document.meta
    meta.set_title(doc.title)
    meta.set_generator("atelier")
    body.append(_heading(odf, 1, doc.title))
    blocks = OdtBlocks(odf, document)
    for number, block in enumerate(doc.blocks, start=1):
        blocks.number = number
        for element in blocks.visit(block):
            body.append(element)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
