"""Sheets in the minutes, the JSON export and atelier import sheets (sessions/sheets), issue 18.

A kind made as data (``tests.test_mut_sheets.KIND``): each field's value as a
cell, tables with their totals, subtotal after its last row, shares, the
total row; a sheet's heading, its linked items, its label / value table.
"""

from __future__ import annotations

from decimal import Decimal

from sessions.documents.minutes_common import MinutesOptions
from sessions.documents.tree import Heading, Paragraph, Table, strong
from sessions.i18n import tn
from sessions.sheets import ops
from sessions.sheets.catalog import find_kind, parse_kind
from sessions.sheets.export import sheets_json
from sessions.sheets.minutes import (
    one_sheet,
    sheet_blocks,
    synthesis_blocks,
    table_block,
    value_text,
)
from sessions.sheets.model import Sheet
from sessions.sheets.rules import amount_text, title_of, totals
from tests.conftest import build_session
from tests.test_mut_sheets import KIND

K = parse_kind(KIND, "essai.toml")
FR, EN = MinutesOptions("fr"), MinutesOptions("en")


def test_value_text_per_type() -> None:
    tr = FR.tr
    for empty in (None, "", []):
        assert value_text(K.field("nom"), empty, FR) == tr("minutes.none")
    assert value_text(K.field("ok"), True, FR) == tr("sheets.yes")
    assert value_text(K.field("ok"), False, EN) == EN.tr("sheets.no")
    people = K.field("gens")
    assert value_text(people, ["Ana", "Ben"], FR) == "Ana, Ben"
    anonymous = MinutesOptions("fr", names=False)
    assert value_text(people, ["Ana", "Ben"], anonymous) == tn(
        "sheets.people_count", 2, "fr", count=2
    )
    assert value_text(K.field("niveau"), "haut", EN) == "high"
    assert value_text(K.field("niveau"), "haut", FR) == "haut"
    assert value_text(K.field("notes"), " un \n\n deux \n", FR) == "un / deux"


def test_a_fixed_table_with_totals_subtotal_and_shares() -> None:
    spec = K.field("budget")
    value = {"etat": {"y0": 100, "note": "ok"}, "region": {"y1": 50}, "prive": {"y0": 50}}
    table = table_block(spec, value, FR, 2026)
    assert table.header == ("", "An 1", "An 2", "Note", FR.tr("sheets.total"), "%")
    assert table.align == ("l", "r", "r", "l", "r", "r")
    figures = totals(spec, value)
    a = lambda x: amount_text(x, "fr")  # noqa: E731
    pct = lambda x: str(figures.share_of(Decimal(x))).replace(".", ",")  # noqa: E731
    assert table.rows == (
        ("État", a(100), "", "ok", a(100), pct(100)),
        ("Région", "", a(50), "", a(50), pct(50)),
        ("Publics", a(100), a(50), "", a(150), pct(150)),  # after its last row
        ("Privé", a(50), "", "", a(50), pct(50)),
        ("Total", a(150), a(50), "", a(200), pct(200)),
    )
    assert table.rows[-1][-1] == "100,0"
    english = table_block(spec, value, EN, 2026)
    assert english.rows[-1][0] == "Sum" and english.rows[-1][-1] == "100.0"


def test_a_table_of_nothing_has_no_shares() -> None:
    spec = K.field("budget")
    table = table_block(spec, {}, FR, 2026)
    assert [row[-1] for row in table.rows] == ["", "", "", "", ""]


def test_free_rows_without_totals() -> None:
    spec = K.field("libre")
    value = [{"quoi": "Bus", "combien": 1500, "sorte": "a"}, {}, {"combien": 2.5}]
    table = table_block(spec, value, EN, 2026)
    assert table.header == ("Quoi", "Combien", "Sorte") and table.align == ("l", "r", "l")
    assert table.rows == (("Bus", amount_text(1500, "en"), "a"), ("", amount_text(2.5, "en"), ""))


def test_one_sheet_heading_items_fields_and_tables() -> None:
    s = build_session()
    sheet = Sheet(
        kind="essai",
        number=4,
        title="Mon essai",
        items=[2, 5],
        fields={"nom": "N", "budget": {"etat": {"y0": 1}}},
    )
    blocks = one_sheet(s, sheet, K, FR)
    assert blocks[0] == Heading(
        3, FR.tr("sheets.minutes.title", kind="Essai", number=4, title="Mon essai")
    )
    assert blocks[1] == Paragraph.of(strong(FR.tr("sheets.items") + " :"), " n°2, n°5")
    fields = blocks[2]
    assert isinstance(fields, Table)
    assert fields.header == (FR.tr("sheets.col.field"), FR.tr("sheets.col.value"))
    assert [row[0] for row in fields.rows] == ["Notes", "Nom", "Niveau", "D'accord", "Personnes"]
    assert fields.rows[1] == ("Nom", "N")
    assert blocks[3] == Paragraph.of(strong(K.field("budget").display("fr")))
    assert blocks[4] == table_block(K.field("budget"), sheet.fields["budget"], FR, s.date.year)
    assert len(blocks) == 5  # the free table is empty: not shown
    english = one_sheet(s, sheet, K, EN, level=2)
    assert english[0].level == 2
    assert english[1] == Paragraph.of(strong(EN.tr("sheets.items") + ":"), " #2, #5")
    sheet.items = []
    assert not any(
        isinstance(b, Paragraph) and b.text.startswith(FR.tr("sheets.items"))
        for b in one_sheet(s, sheet, K, FR)
    )


def test_sheet_blocks_list_visible_sheets_in_order() -> None:
    s = build_session()
    s.sheets = []
    assert sheet_blocks(s, FR) == []
    a = ops.add(s, "solution", fields={"nom": "A"})
    b = ops.add(s, "solution", fields={"nom": "B"})
    gone = ops.add(s, "solution", fields={"nom": "C"})
    ops.delete(s, gone.number)
    ops.move(s, b.number, -1)
    blocks = sheet_blocks(s, FR)
    assert blocks[0] == Heading(2, FR.tr("sheets.minutes.heading"))
    headings = [x.text for x in blocks if isinstance(x, Heading) and x.level == 3]
    kind = find_kind("solution").display_title("fr")
    assert headings == [
        FR.tr("sheets.minutes.title", kind=kind, number=n, title=t)
        for n, t in ((b.number, "B"), (a.number, "A"))
    ]
    assert synthesis_blocks(s, "fr")[0] == Heading(3, FR.tr("sheets.minutes.heading"))


def test_export_json_sheets_with_totals() -> None:
    s = build_session()
    s.sheets = []
    kind = next(k for k in (find_kind("action_complete"),) if k)
    spec = next(f for f in kind.fields if f.totals)
    row, col = spec.rows[0].key, spec.number_columns[0].key
    sheet = ops.add(s, kind.kind, fields={spec.key: {row: {col: "10,5"}}}, items=[])
    plain = ops.add(s, "solution", title="Sol")
    gone = ops.add(s, "solution")
    ops.delete(s, gone.number)
    got = sheets_json(s)
    assert [x["number"] for x in got] == [sheet.number, plain.number]
    first = got[0]
    assert first["kind"] == kind.kind and first["title"] == title_of(sheet, s.language)
    assert first["fields"] == {spec.key: {row: {col: 10.5}}} and first["items"] == []
    figures = first["totals"][spec.key]
    assert figures["rows"][row] == 10.5 and figures["total"] == 10.5
    assert figures["columns"][col] == 10.5 and isinstance(figures["total"], float)
    other = spec.rows[1].key
    assert figures["rows"][other] == 0 and isinstance(figures["rows"][other], int)
    if spec.shares:
        assert figures["shares"][row] == 100
    assert set(figures) == {"rows", "columns", "subtotals", "total", "shares"}
    assert got[1]["totals"] == {} and got[1]["title"] == "Sol"


# -- atelier import sheets -------------------------------------------------------------


def _import_session():
    import datetime as dt

    from sessions.capture import tour

    s = build_session()
    s.sheets = []
    for n in range(3):
        tour.give_idea(s, f"idée {n + 1}", dt.datetime(2026, 11, 22, 9, 0))
    return s


def _import_refusal(s, text: str):
    import pytest

    from sessions.sheets.rules import SheetError
    from sessions.sheets.toml_import import parse_sheets

    with pytest.raises(SheetError) as refused:
        parse_sheets(s, text)
    return refused.value


def test_import_reads_every_table_in_order_then_adds_them() -> None:
    from sessions.sheets.toml_import import apply_sheets, parse_sheets

    s = _import_session()
    ops.add(s, "action")
    text = (
        '[[sheets]]\nkind = "solution"\ntitle = "Bus"\nitems = [2, 1, 2]\n'
        '[sheets.fields]\nnom = "Bus"\ncouts = "  cher "\n\n'
        '[[sheets]]\nkind = "action"\nitems = 3\n'
    )
    entries = parse_sheets(s, text)
    assert entries == [
        {
            "kind": "solution",
            "title": "Bus",
            "fields": {"nom": "Bus", "couts": "cher"},
            "items": [2, 1],
        },
        {"kind": "action", "title": "", "fields": {}, "items": [3]},
    ]
    added = apply_sheets(s, entries)
    assert [x.number for x in added] == [2, 3] and added[1].items == [3]
    assert [x.kind for x in s.sheets] == ["action", "solution", "action"]


def test_import_refusals_name_the_sheet_and_what_is_allowed() -> None:
    s = _import_session()
    error = _import_refusal(s, "sheets = [")
    assert error.key == "sheets.err.toml"
    error = _import_refusal(s, 'other = 1\n[[sheets]]\nkind = "action"\n')
    assert error.key == "sheets.err.key" and error.values["name"] == "other"
    assert error.values["sheet"] == "-" and error.values["allowed"] == "sheets"
    for text in ("", "sheets = []", 'sheets = "x"'):
        assert _import_refusal(s, text).key == "sheets.err.no_sheets"
    error = _import_refusal(s, '[[sheets]]\nkind = "action"\n\n[[sheets]]\nkind = "nope"\n')
    assert error.key == "sheets.err.unknown_kind" and error.values["sheet"] == "2"
    error = _import_refusal(s, 'sheets = [{kind = "action"}, 3]\n')
    assert error.key == "sheets.err.not_table" and error.values["sheet"] == "2"
    error = _import_refusal(s, '[[sheets]]\nkind = "action"\ncolour = "red"\n')
    assert error.key == "sheets.err.key" and error.values["allowed"] == "kind, title, items, fields"
    error = _import_refusal(s, '[[sheets]]\nkind = "action"\ntitle = 3\n')
    assert error.key == "sheets.err.type" and error.values["field"] == "title"
    error = _import_refusal(s, '[[sheets]]\nkind = "action"\nfields = 3\n')
    assert error.key == "sheets.err.type" and error.values["field"] == "fields"
    error = _import_refusal(s, '[[sheets]]\nkind = "action"\nitems = [9]\n')
    assert error.key == "sheets.err.item" and error.values["item"] == 9
    assert s.sheets == []
