"""What a sheet may hold and what it computes (sessions/sheets rules, ops, catalog), issue 18.

A kind made here as data (so the tests hold whatever the built-in kinds become):
each value checked and stored as the rules say, amounts summed as decimals, the
sheets numbered once and for all, moved among the visible ones, a solution
becoming an action with its fields carried over.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from sessions.capture import tour
from sessions.sheets import ops
from sessions.sheets.catalog import KindError, builtin_kinds, find_kind, kinds_by_name, parse_kind
from sessions.sheets.rules import (
    MAX_ROWS,
    MAX_TEXT,
    SheetError,
    amount_text,
    check_fields,
    check_value,
    default_title,
    kind_or_refuse,
    parse_amount,
    spec_or_refuse,
    table_rows,
    title_of,
    totals,
)
from tests.conftest import build_session

KIND = """
kind = "essai"
title = "Essai"
title_en = "Trial"

[[fields]]
key = "notes"
label = "Notes"
type = "long"

[[fields]]
key = "nom"
label = "Nom"
label_en = "Name"
type = "text"
help = "aide"
help_en = "help"

[[fields]]
key = "niveau"
label = "Niveau"
type = "choice"
values = ["haut", "bas"]
values_en = ["high"]

[[fields]]
key = "ok"
label = "D'accord"
type = "yes_no"

[[fields]]
key = "gens"
label = "Personnes"
type = "people"

[[fields]]
key = "libre"
label = "Lignes libres"
type = "table"
columns = [
  { key = "quoi", label = "Quoi" },
  { key = "combien", label = "Combien", type = "number" },
  { key = "sorte", label = "Sorte", type = "choice", values = ["a", "b"] },
]

[[fields]]
key = "budget"
label = "Budget {y0}"
label_en = "Budget {y1}"
type = "table"
totals = true
shares = true
total_label = "Total"
total_label_en = "Sum"
columns = [
  { key = "y0", label = "An 1", type = "number" },
  { key = "y1", label = "An 2", type = "number" },
  { key = "note", label = "Note" },
]
rows = [
  { key = "etat", label = "État" },
  { key = "region", label = "Région" },
  { key = "prive", label = "Privé" },
]
subtotals = [{ key = "publics", label = "Publics", rows = ["etat", "region"] }]
"""


@pytest.fixture(scope="module")
def kind():
    return parse_kind(KIND, "essai.toml")


def _value(kind, key, raw):
    return check_value(kind.field(key), raw, "7")


def _refused(kind, key, raw) -> SheetError:
    with pytest.raises(SheetError) as refused:
        _value(kind, key, raw)
    assert refused.value.values["sheet"] == "7"
    return refused.value


# -- the kind as data --------------------------------------------------------------


def test_a_kind_reads_its_words_per_language(kind) -> None:
    assert kind.keys == ("notes", "nom", "niveau", "ok", "gens", "libre", "budget")
    assert kind.display_title("en") == "Trial" and kind.display_title("fr") == "Essai"
    nom = kind.field("nom")
    assert nom.display("en") == "Name" and nom.display("fr") == "Nom"
    assert nom.help_text("en") == "help" and nom.help_text("fr") == "aide"
    assert kind.field("notes").display("en") == "Notes"  # no English: the French
    budget = kind.field("budget")
    assert (
        budget.display("fr", 2026) == "Budget 2026" and budget.display("en", 2026) == "Budget 2027"
    )
    assert budget.display("fr") == "Budget {y0}"
    assert budget.total_text("en") == "Sum" and budget.total_text("fr") == "Total"
    assert [c.key for c in budget.number_columns] == ["y0", "y1"]
    assert budget.column("note").type == "text" and budget.column("nope") is None
    niveau = kind.field("niveau")
    assert niveau.value_label("haut", "en") == "high"
    assert niveau.value_label("bas", "en") == "bas"  # no English given for it
    assert niveau.value_label("haut", "fr") == "haut"
    assert niveau.value_label("autre", "en") == "autre"
    assert kind.field("nope") is None


def test_a_bad_kind_file_names_itself_and_the_field() -> None:
    with pytest.raises(KindError, match=r"^k\.toml: "):
        parse_kind("kind = ", "k.toml")
    with pytest.raises(KindError, match=r"^k\.toml: fields: "):
        parse_kind('kind = "k"\ntitle = "K"\nfields = []\n', "k.toml")
    with pytest.raises(KindError, match=r"^k\.toml: kind: "):
        parse_kind(
            'kind = "K!"\ntitle = "K"\n[[fields]]\nkey="a"\nlabel="A"\ntype="text"\n', "k.toml"
        )


def test_builtin_kinds_sorted_and_found_by_name() -> None:
    kinds = builtin_kinds()
    assert [(k.order, k.kind) for k in kinds] == sorted((k.order, k.kind) for k in kinds)
    assert set(kinds_by_name()) == {k.kind for k in kinds}
    assert find_kind("solution").kind == "solution" and find_kind("nope") is None


# -- values ------------------------------------------------------------------------


def test_text_is_one_line_long_text_keeps_its_lines(kind) -> None:
    assert _value(kind, "nom", "  un   nom\n sur deux  ") == "un nom sur deux"
    assert _value(kind, "notes", "  ligne 1\nligne 2  ") == "ligne 1\nligne 2"
    assert _value(kind, "nom", "   ") is None
    assert _value(kind, "notes", "x" * (MAX_TEXT + 5)) == "x" * MAX_TEXT
    assert MAX_TEXT == 20_000
    error = _refused(kind, "nom", 3)
    assert error.key == "sheets.err.type" and error.values["field"] == "nom"


def test_a_choice_is_one_of_its_values(kind) -> None:
    assert _value(kind, "niveau", " haut ") == "haut"
    assert _value(kind, "niveau", "") is None
    error = _refused(kind, "niveau", "moyen")
    assert error.key == "sheets.err.choice" and error.values["allowed"] == "haut, bas"


@pytest.mark.parametrize("word", ["oui", "Yes", " O ", "y", "TRUE"])
def test_yes_words(kind, word) -> None:
    assert _value(kind, "ok", word) is True


@pytest.mark.parametrize("word", ["non", "No", "n", "false"])
def test_no_words(kind, word) -> None:
    assert _value(kind, "ok", word) is False


def test_yes_no_other_values(kind) -> None:
    assert _value(kind, "ok", True) is True and _value(kind, "ok", False) is False
    assert _value(kind, "ok", "  ") is None
    assert _refused(kind, "ok", "peut-être").key == "sheets.err.type"
    assert _refused(kind, "ok", 1).key == "sheets.err.type"


def test_people_one_a_line(kind) -> None:
    assert _value(kind, "gens", "Ana\n\n  Ben  \n") == ["Ana", "Ben"]
    assert _value(kind, "gens", [" Ana ", "", "Ben"]) == ["Ana", "Ben"]
    assert _value(kind, "gens", ["  "]) is None
    many = [f"P{n}" for n in range(MAX_ROWS + 3)]
    assert _value(kind, "gens", many) == many[:MAX_ROWS]
    assert _refused(kind, "gens", ["Ana", 3]).key == "sheets.err.type"
    assert _refused(kind, "gens", 3).key == "sheets.err.type"


def test_free_rows_checked_cell_by_cell(kind) -> None:
    rows = [{"quoi": "Bus", "combien": "1 500,5", "sorte": "a"}, {}, {"quoi": "", "combien": None}]
    assert _value(kind, "libre", rows) == [{"quoi": "Bus", "combien": 1500.5, "sorte": "a"}]
    assert _value(kind, "libre", [{}]) is None
    assert _value(kind, "libre", [{"combien": 3}]) == [{"combien": 3}]
    many = [{"quoi": str(n)} for n in range(MAX_ROWS + 2)]
    assert len(_value(kind, "libre", many)) == MAX_ROWS == 200
    assert _refused(kind, "libre", {"quoi": "x"}).key == "sheets.err.type"
    assert _refused(kind, "libre", ["x"]).key == "sheets.err.type"
    error = _refused(kind, "libre", [{"nope": "x"}])
    assert (
        error.key == "sheets.err.unknown_column"
        and error.values["allowed"] == "quoi, combien, sorte"
    )
    error = _refused(kind, "libre", [{"sorte": "c"}])
    assert error.key == "sheets.err.choice" and error.values["field"] == "libre.sorte"
    error = _refused(kind, "libre", [{"combien": "douze"}])
    assert error.key == "sheets.err.amount" and error.values["where"] == "1, combien"
    assert _refused(kind, "libre", [{"combien": -1}]).key == "sheets.err.amount"
    assert _refused(kind, "libre", [{"combien": True}]).key == "sheets.err.amount"
    assert _value(kind, "libre", [{"combien": 1e15, "quoi": 12}]) == [
        {"combien": 1e15, "quoi": "12"}
    ]
    # a number given as a number (a TOML file) is kept as it is, decimals and type
    (row,) = _value(kind, "libre", [{"combien": 0.125}, {"combien": 7.0}])[:1]
    assert row == {"combien": 0.125}
    assert isinstance(_value(kind, "libre", [{"combien": 7.0}])[0]["combien"], float)
    assert _value(kind, "libre", [{"quoi": "y" * (MAX_TEXT + 1)}]) == [{"quoi": "y" * MAX_TEXT}]


def test_fixed_rows_in_the_kinds_order(kind) -> None:
    raw = {"prive": {"y0": 5}, "etat": {"y0": "1 000", "note": "n"}, "region": {"y0": ""}}
    assert _value(kind, "budget", raw) == {"etat": {"y0": 1000, "note": "n"}, "prive": {"y0": 5}}
    assert list(_value(kind, "budget", raw)) == ["etat", "prive"]
    assert _value(kind, "budget", {"etat": {}}) is None
    error = _refused(kind, "budget", {"ailleurs": {"y0": 1}})
    assert (
        error.key == "sheets.err.unknown_row" and error.values["allowed"] == "etat, region, prive"
    )
    assert _refused(kind, "budget", [{"y0": 1}]).key == "sheets.err.type"
    assert _refused(kind, "budget", {"etat": 3}).key == "sheets.err.type"


@pytest.mark.parametrize(
    "text, value",
    [("1500", 1500), ("1 500", 1500), ("1\u00a0500,50", 1500.5), ("12.25", 12.25), ("0,5", 0.5)],
)
def test_amounts_typed(text, value) -> None:
    got = parse_amount(text)
    assert got == value and type(got) is type(value)


@pytest.mark.parametrize("text", ["", "1,234", "-3", "1e3", "12,", ",5", "douze", "١٢"])
def test_amounts_refused(text) -> None:
    with pytest.raises(ValueError):
        parse_amount(text)


def test_check_fields_keeps_the_kinds_order_and_drops_empty_ones(kind) -> None:
    raw = {"ok": "oui", "nom": "N", "notes": " ", "niveau": "bas"}
    got = check_fields(kind, raw, "3")
    assert got == {"nom": "N", "niveau": "bas", "ok": True} and list(got) == ["nom", "niveau", "ok"]
    with pytest.raises(SheetError) as refused:
        check_fields(kind, {"zzz": "x"}, "3")
    assert refused.value.key == "sheets.err.unknown_field"
    assert refused.value.values["allowed"] == ", ".join(kind.keys)


def test_kind_and_field_refused_by_name(kind) -> None:
    assert kind_or_refuse("solution", "1").kind == "solution"
    for bad in ("nope", 3, None):
        with pytest.raises(SheetError) as refused:
            kind_or_refuse(bad, "4")
        assert refused.value.values["allowed"] == ", ".join(k.kind for k in builtin_kinds())
        assert refused.value.values["kind"] == bad
    assert spec_or_refuse(kind, "nom", "1").key == "nom"
    with pytest.raises(SheetError):
        spec_or_refuse(kind, 3, "1")


# -- titles ------------------------------------------------------------------------


def test_default_title_is_the_first_text_field(kind) -> None:
    assert default_title(kind, {"nom": "  Le   nom "}, 4) == "Le nom"
    assert default_title(kind, {"nom": "n" * 300}, 4) == "n" * 200
    assert default_title(kind, {"notes": "pas un titre"}, 4) == "Essai 4"
    assert default_title(kind, {"nom": "   "}, 4, "en") == "Trial 4"


def test_title_of_a_sheet() -> None:
    s = build_session()
    sheet = ops.add(s, "solution", fields={"nom": "Bus"})
    assert title_of(sheet) == "Bus"
    ops.set_title(s, sheet.number, "  Mon   titre ")
    assert title_of(sheet) == "Mon titre"
    ops.set_title(s, sheet.number, "t" * 250)
    assert sheet.title == "t" * 200
    sheet.kind = "disparu"
    sheet.title = ""
    assert title_of(sheet) == "disparu"


# -- totals ------------------------------------------------------------------------


def test_totals_by_row_column_subtotal_and_shares(kind) -> None:
    spec = kind.field("budget")
    value = {"etat": {"y0": 100, "y1": 50.6}, "region": {"y0": 25}, "prive": {"y1": 24.4}}
    got = totals(spec, value)
    assert got.rows == {"etat": Decimal("150.6"), "region": Decimal(25), "prive": Decimal("24.4")}
    assert got.columns == {"y0": Decimal(125), "y1": Decimal(75)}
    assert got.grand == Decimal(200)
    assert got.subtotals == {
        "publics": {"y0": Decimal(125), "y1": Decimal("50.6"), "total": Decimal("175.6")}
    }
    assert got.shares == {  # a share of the grand total, in percent, to one decimal
        "etat": Decimal("75.3"),
        "region": Decimal("12.5"),
        "prive": Decimal("12.2"),
        "publics": Decimal("87.8"),
    }
    empty = totals(spec, {})
    assert (
        empty.grand == 0
        and empty.shares == {}
        and empty.rows == dict.fromkeys(("etat", "region", "prive"), Decimal(0))
    )
    assert empty.share_of(Decimal(5)) is None


def test_totals_of_free_rows_ignore_text_and_booleans(kind) -> None:
    spec = kind.field("libre")
    value = [{"combien": 2, "quoi": "x"}, {"combien": True}, {"combien": 0.1}, {"combien": 0.2}]
    got = totals(spec, value)
    assert got.rows == {"1": Decimal(2), "2": Decimal(0), "3": Decimal("0.1"), "4": Decimal("0.2")}
    assert got.grand == Decimal("2.3") and got.shares == {}
    assert table_rows(spec, "pas une table") == []
    assert table_rows(kind.field("budget"), None) == [("etat", {}), ("region", {}), ("prive", {})]


def test_amounts_written_per_language() -> None:
    assert amount_text(Decimal("1234567.5"), "en") == "1,234,567.50"
    assert amount_text(Decimal("1234567.5"), "fr") == "1\u202f234\u202f567,50"
    assert amount_text(12, "fr") == "12" and amount_text(0.05, "en") == "0.05"
    assert amount_text(999.999, "en") == "1,000"


# -- the sheets of a session -------------------------------------------------------


def _session():
    s = build_session()
    s.sheets = []
    at = dt.datetime(2026, 11, 22, 9, 0)
    for n in range(3):
        tour.give_idea(s, f"idée {n + 1}", at)
    return s


def test_numbers_are_never_given_twice() -> None:
    s = _session()
    assert ops.next_number(s) == 1
    a = ops.add(s, "solution", title="  A  b ", fields={"nom": "A"}, items=[2, 1, 2])
    assert (a.number, a.title, a.items) == (1, "A b", [2, 1])
    b = ops.add(s, "action")
    ops.delete(s, b.number)
    assert ops.next_number(s) == 3
    with pytest.raises(SheetError):
        ops.find(s, b.number)
    assert ops.find(s, b.number, deleted=True) is b
    assert ops.restore(s, b.number) is b and not b.deleted
    with pytest.raises(SheetError) as refused:
        ops.restore(s, b.number)
    assert refused.value.key == "sheets.err.no_sheet"


def test_linked_items_are_ideas_still_there() -> None:
    s = _session()
    assert ops.check_items(s, [3, 1, 3], "1") == [3, 1]
    for bad in (9, True, "1", 0):
        with pytest.raises(SheetError) as refused:
            ops.check_items(s, [1, bad], "5")
        assert refused.value.values == {"sheet": "5", "item": bad}
    s.ideas[1].deleted = True
    with pytest.raises(SheetError):
        ops.check_items(s, [2], "1")
    sheet = ops.add(s, "action")
    ops.set_items(s, sheet.number, [3])
    assert sheet.items == [3]


def test_set_field_clears_and_keeps_the_kinds_order() -> None:
    s = _session()
    sheet = ops.add(s, "solution", fields={"couts": "cher"})
    ops.set_field(s, sheet.number, "nom", "Bus")
    keys = find_kind("solution").keys
    assert list(sheet.fields) == [k for k in keys if k in ("nom", "couts")]
    ops.set_field(s, sheet.number, "couts", "  ")
    assert sheet.fields == {"nom": "Bus"}
    with pytest.raises(SheetError):
        ops.set_field(s, sheet.number, "nope", "x")


def test_move_among_the_visible_sheets() -> None:
    s = _session()
    numbers = [ops.add(s, "action").number for _ in range(4)]
    ops.delete(s, numbers[1])
    ops.move(s, numbers[2], -1)
    assert [x.number for x in ops.visible(s)] == [numbers[2], numbers[0], numbers[3]]
    ops.move(s, numbers[2], -1)  # already first: nothing
    assert [x.number for x in ops.visible(s)] == [numbers[2], numbers[0], numbers[3]]
    ops.move(s, numbers[3], 1)  # already last: nothing
    assert [x.number for x in ops.visible(s)] == [numbers[2], numbers[0], numbers[3]]
    ops.move(s, numbers[0], 1)
    assert [x.number for x in ops.visible(s)] == [numbers[2], numbers[3], numbers[0]]
    assert len(s.sheets) == 4


def test_a_solution_becomes_an_action_carrying_its_fields() -> None:
    s = _session()
    solution = find_kind("solution")
    fields = {origin: f"valeur {origin}" for origin in solution.carry.values()}
    source = ops.add(s, "solution", title="T", fields=fields, items=[1])
    action = ops.become(s, source.number)
    assert action.kind == solution.becomes and action.number == source.number + 1
    assert action.title == "T" and action.items == [1]
    for target, origin in solution.carry.items():
        if find_kind(solution.becomes).field(target) is not None:
            assert action.fields.get(target) == fields[origin]
    bare = ops.add(s, "solution")
    assert ops.become(s, bare.number).fields == {}
    with pytest.raises(SheetError) as refused:
        ops.become(s, action.number)
    assert refused.value.key == "sheets.err.cannot_become"
