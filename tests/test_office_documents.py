"""ODT and DOCX minutes and synthesis, read back with the libraries that wrote them.

Every expectation comes from the document tree the exports render
(``minutes_document``), so a section that changes its words changes both sides.
"""

from __future__ import annotations

import io

import pytest
from grid_examples import full_session
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sessions.documents.exports import EXPORT_FORMATS, export_bytes
from sessions.documents.minutes import minutes_document
from sessions.documents.render_docx import render_docx
from sessions.documents.render_odt import render_odt, xml_safe
from sessions.documents.synthesis import synthesis_document
from sessions.documents.tree import Document, Heading, Paragraph, Preformatted, Table

odfdo = pytest.importorskip("odfdo")
docx = pytest.importorskip("docx")

LOCALE = {"fr": "fr-FR", "en": "en-GB"}


def tree(lang: str):
    session = full_session()
    session.language = lang
    return session, minutes_document(session, lang)


def expected_headings(doc) -> list[tuple[int, str]]:
    return [(1, doc.title)] + [(b.level, b.text) for b in doc.blocks if isinstance(b, Heading)]


def tables(doc) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


def grid_text(doc) -> str:
    (grid,) = [b for b in doc.blocks if isinstance(b, Preformatted)]
    return grid.text.rstrip("\n")


# -- ODT ----------------------------------------------------------------------------------------
def open_odt(data: bytes):
    assert data[:2] == b"PK"
    return odfdo.Document(io.BytesIO(data))


def odt_rows(table) -> list[list[str]]:
    return [
        [cell.text_content for cell in row.get_elements("table:table-cell")]
        for row in table.get_elements(".//table:table-row")
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_odt_minutes_have_real_headings_title_and_language(lang: str) -> None:
    session, doc = tree(lang)
    odt = open_odt(export_bytes(session, "odt"))
    headings = [(int(h.level), str(h).strip()) for h in odt.body.get_headers()]
    assert headings == expected_headings(doc)
    assert [h.style for h in odt.body.get_headers()][:2] == ["Heading_20_1", "Heading_20_2"]
    assert odt.meta.get_title() == doc.title
    assert odt.meta.get_language() == odt.get_language() == LOCALE[lang]
    assert "1." not in "".join(str(h) for h in odt.body.get_headers()[:1])


def test_odt_tables_have_a_repeated_header_row_and_every_cell() -> None:
    session, doc = tree("fr")
    odt = open_odt(export_bytes(session, "odt"))
    written = odt.body.get_tables()
    assert len(written) == len(tables(doc))
    for table, block in zip(written, tables(doc), strict=True):
        (head,) = table.get_elements("table:table-header-rows")
        head_cells = [c.text_content for c in head.get_elements(".//table:table-cell")]
        assert head_cells == list(block.header)
        rows = odt_rows(table)
        assert rows[0] == list(block.header)
        assert rows[1:] == [[*r, *[""] * (len(block.header) - len(r))] for r in block.rows]
    row_style = odt.get_style("table-row", "Atelier_Row")
    assert row_style.get_properties(area="table-row")["fo:keep-together"] == "always"


def test_odt_grid_is_one_monospace_block_with_its_spaces() -> None:
    session, doc = tree("fr")
    odt = open_odt(export_bytes(session, "odt"))
    (grid,) = [p for p in odt.body.get_paragraphs() if p.style == "Atelier_20_Grid"]
    assert str(grid).removesuffix("\n") == grid_text(doc)  # str() ends a paragraph with "\n"
    properties = odt.get_style("paragraph", "Atelier_20_Grid").get_properties(area="text")
    assert properties["style:font-pitch"] == "fixed"
    assert "Mono" in properties["style:font-name"]


def test_odt_page_is_a4_and_runs_are_bold() -> None:
    session, _ = tree("fr")
    odt = open_odt(export_bytes(session, "odt"))
    for layout in odt.get_styles("page-layout"):
        props = layout.get_properties(area="page-layout")
        assert (props["fo:page-width"], props["fo:page-height"]) == ("21cm", "29.7cm")
    bold = odt.body.get_spans(style="Strong_20_Emphasis")
    assert bold and str(bold[0]).startswith("Date")
    strong = odt.get_style("text", "Strong_20_Emphasis").get_properties(area="text")
    assert strong["fo:font-weight"] == "bold"


# -- DOCX ---------------------------------------------------------------------------------------
def open_docx(data: bytes):
    assert data[:2] == b"PK"
    return docx.Document(io.BytesIO(data))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_docx_minutes_have_real_headings_title_and_language(lang: str) -> None:
    from docx.oxml.ns import qn

    session, doc = tree(lang)
    word = open_docx(export_bytes(session, "docx"))
    headings = [
        (int(p.style.name.removeprefix("Heading ")), p.text)
        for p in word.paragraphs
        if p.style.name.startswith("Heading ")
    ]
    assert headings == expected_headings(doc)
    assert word.core_properties.title == doc.title
    assert word.core_properties.language == LOCALE[lang]
    lang_element = word.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert lang_element.get(qn("w:val")) == LOCALE[lang]


def test_docx_tables_repeat_their_header_row_and_never_split_a_row() -> None:
    from docx.oxml.ns import qn

    session, doc = tree("fr")
    word = open_docx(export_bytes(session, "docx"))
    assert len(word.tables) == len(tables(doc))
    for table, block in zip(word.tables, tables(doc), strict=True):
        rows = [[c.text for c in row.cells] for row in table.rows]
        assert rows[0] == list(block.header)
        assert rows[1:] == [[*r, *[""] * (len(block.header) - len(r))] for r in block.rows]
        header = table.rows[0]._tr.trPr
        assert header.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
        assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)


def test_docx_grid_is_one_monospace_block_page_a4_and_bold_runs() -> None:
    from docx.shared import Mm

    session, doc = tree("en")
    word = open_docx(export_bytes(session, "docx"))
    mono = [p for p in word.paragraphs if p.runs and p.runs[0].font.name == "Courier New"]
    assert [p.text for p in mono] == [grid_text(doc)]
    section = word.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1)
    assert abs(section.page_height - Mm(297)) < Mm(1)
    date = next(p for p in word.paragraphs if p.text.startswith("Date"))
    assert date.runs[0].bold and not date.runs[1].bold


# -- the synthesis ------------------------------------------------------------------------------
def test_synthesis_formats_render_the_synthesis_tree() -> None:
    first, second = full_session(), full_session()
    second.title = "Groupe B"
    doc = synthesis_document([first, second], "fr")
    odt = open_odt(EXPORT_FORMATS["odt"].document(doc))
    word = open_docx(EXPORT_FORMATS["docx"].document(doc))
    assert [(int(h.level), str(h).strip()) for h in odt.body.get_headers()] == expected_headings(
        doc
    )
    word_headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading ")]
    assert word_headings == [text for _, text in expected_headings(doc)]
    assert len(odt.body.get_tables()) == len(word.tables) == len(tables(doc))


# -- any text ---------------------------------------------------------------------------------
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.characters(blacklist_characters="\n\r"), min_size=1, max_size=30))
def test_any_text_comes_back_literally_from_both_documents(value: str) -> None:
    doc = Document("T", "fr", (Paragraph.of(value), Table.of(["h"], [[value]]), Heading(2, value)))
    kept = xml_safe(doc).blocks[0].text  # what XML can hold
    odt = open_odt(render_odt(doc))
    (cell,) = odt.body.get_tables()[0].get_elements(".//table:table-cell")[1:]
    assert cell.text_content == kept
    word = open_docx(render_docx(doc))
    assert word.tables[0].rows[1].cells[0].text == kept
    assert word.paragraphs[1].text == kept


def test_a_cells_style_word_colours_it_in_both_documents() -> None:
    from docx.oxml.ns import qn

    table = Table.of(["Chantier", "Faisabilité"], [["A", "facile"], ["B", "dur"]])
    table = Table(table.header, table.rows, styles=(((0, 1), "vert"), ((1, 1), "rouge")))
    doc = Document("T", "fr", (table,))
    odt = open_odt(render_odt(doc))
    cells = odt.body.get_tables()[0].get_elements(".//table:table-cell")
    assert [c.style for c in cells] == [
        *["Atelier_Cell"] * 3,
        "Atelier_Cell_vert",
        "Atelier_Cell",
        "Atelier_Cell_rouge",
    ]
    green = odt.get_style("table-cell", "Atelier_Cell_vert").get_properties(area="table-cell")
    assert green["fo:background-color"] == "#dff3df"
    word = open_docx(render_docx(doc))

    def fill(cell) -> str | None:
        shading = cell._tc.tcPr.find(qn("w:shd"))
        return None if shading is None else shading.get(qn("w:fill"))

    assert [fill(c) for row in word.tables[0].rows for c in row.cells] == [
        *[None] * 3,
        "dff3df",
        None,
        "f9d6d5",
    ]
