"""Sheets (fiches): kinds as data, values checked against them, stored, totals computed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sessions.i18n import set_language
from sessions.models import Idea
from sessions.sheets import ops
from sessions.sheets.catalog import builtin_kinds, find_kind, parse_kind
from sessions.sheets.rules import SheetError, amount_text, check_value, title_of, totals
from tests.sheets_samples import plain, sample_fields

KINDS = [k.kind for k in builtin_kinds()]
NOON = dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)


def add_ideas(session, count: int) -> None:  # type: ignore[no-untyped-def]
    session.ideas += [
        Idea(number=n, text=f"Idée {n}", created_at=NOON) for n in range(1, count + 1)
    ]


def test_the_guides_kinds_and_the_action_sheet_of_001() -> None:
    assert set(KINDS) >= {"action", "action_complete", "solution", "synthese"}
    action = find_kind("action")
    assert action is not None
    assert [(f.key, f.label) for f in action.fields] == [
        ("nom", "Nom de l'action"),
        ("objectifs", "Objectifs"),
        ("description", "Description"),
        ("pilote", "Pilote"),
        ("partenaires", "Partenaires impliqués"),
        ("cibles", "Cibles"),
        ("moyens", "Moyens financiers et humains"),
        ("indicateurs", "Indicateurs de réussite"),
    ]
    for kind in builtin_kinds():
        for spec in kind.fields:
            assert spec.label and spec.label_en and spec.help and spec.help_en, spec.key


def test_engagement_table_has_the_five_commitments() -> None:
    kind = find_kind("action_complete")
    assert kind is not None
    column = kind.field("engagement").column("engagement")  # type: ignore[union-attr]
    assert column is not None
    assert column.values == (
        "porte déjà",
        "s'engage à porter",
        "en appui",
        "consulté",
        "tenu informé",
    )


@pytest.mark.parametrize("name", KINDS)
def test_every_kind_round_trips_through_the_file(store, session, name: str) -> None:
    kind = find_kind(name)
    assert kind is not None
    fields = sample_fields(kind)

    def op(s):  # type: ignore[no-untyped-def]
        return ops.add(s, name, fields=fields, items=[]).number

    number = store.transact(session.id, op)
    saved = store.load(session.id)
    (sheet,) = saved.sheets
    assert sheet.number == number == 1
    assert sheet.kind == name
    assert sheet.fields == fields
    assert list(sheet.fields) == list(kind.keys)
    first_text = next((f.key for f in kind.fields if f.type == "text"), None)
    expected = fields[first_text] if first_text else f"{kind.title} {number}"
    assert title_of(sheet) == expected


def test_unknown_kind_field_and_choice_are_refused_with_what_is_allowed(session) -> None:
    with pytest.raises(SheetError) as err:
        ops.add(session, "fiche_inconnue")
    assert "fiche_inconnue" in plain(str(err.value)) and "action_complete" in plain(str(err.value))
    with pytest.raises(SheetError) as err:
        ops.add(session, "action", fields={"budget": "1"})
    assert "budget" in plain(str(err.value)) and "indicateurs" in plain(str(err.value))
    with pytest.raises(SheetError) as err:
        ops.add(session, "synthese", fields={"redigee_par": "le maire"})
    assert "le maire" in plain(str(err.value)) and "rapporteurs, observateur" in plain(
        str(err.value)
    )
    bad_row = {"engagement": [{"partie": "CAF", "engagement": "pilote"}]}
    with pytest.raises(SheetError) as err:
        ops.add(session, "action_complete", fields=bad_row)
    assert "engagement.engagement" in plain(str(err.value)) and "tenu informé" in plain(
        str(err.value)
    )
    with pytest.raises(SheetError) as err:
        ops.add(session, "action_complete", fields={"financements": {"banque": {"y0": 1}}})
    assert "banque" in plain(str(err.value)) and "autofinancement" in plain(str(err.value))
    with pytest.raises(SheetError) as err:
        ops.add(session, "action_complete", fields={"couts": {"fonctionnement": {"y0": "1²"}}})
    assert "1²" in plain(str(err.value))
    assert session.sheets == []


def test_refusals_speak_english(session) -> None:
    set_language("en")
    with pytest.raises(SheetError) as err:
        ops.add(session, "action", fields={"budget": "1"})
    assert plain(str(err.value)).startswith("Sheet 1: unknown field “budget”")


def test_a_solution_becomes_an_action_with_its_fields(session) -> None:
    add_ideas(session, 3)
    solution = ops.add(
        session,
        "solution",
        fields={"nom": "Bus numérique", "mise_en_oeuvre": "Un bus", "couts": "20 k€"},
        items=[2, 1],
    )
    action = ops.become(session, solution.number)
    assert action.kind == "action" and action.number == 2
    assert action.fields == {"nom": "Bus numérique", "description": "Un bus", "moyens": "20 k€"}
    assert action.items == [2, 1]
    assert [s.kind for s in session.sheets] == ["solution", "action"]
    with pytest.raises(SheetError):
        ops.become(session, action.number)


def test_reorder_delete_and_restore_keep_numbers(session) -> None:
    for name in ("action", "solution", "synthese"):
        ops.add(session, name)
    ops.move(session, 3, -1)
    assert [s.number for s in session.sheets] == [1, 3, 2]
    ops.delete(session, 3)
    assert [s.number for s in ops.visible(session)] == [1, 2]
    assert ops.add(session, "action").number == 4  # a number is never given twice
    ops.move(session, 4, -1)
    assert [s.number for s in ops.visible(session)] == [1, 4, 2]
    ops.restore(session, 3)
    assert [s.number for s in ops.visible(session)] == [1, 3, 4, 2]
    with pytest.raises(SheetError):
        ops.set_field(session, 9, "nom", "x")


def test_values_typed_as_text() -> None:
    kind = find_kind("action_complete")
    assert kind is not None
    assert check_value(kind.field("lien_strategie"), "Oui", "1") is True  # type: ignore[arg-type]
    assert check_value(kind.field("referents"), [], "1") is None  # type: ignore[arg-type]
    people = find_kind("action").field("pilote")  # type: ignore[union-attr]
    assert check_value(people, "Alice\n\n Bruno \n", "1") == ["Alice", "Bruno"]  # type: ignore[arg-type]
    money = {"etat": {"y0": "1 500,50"}}
    assert check_value(kind.field("financements"), money, "1") == {"etat": {"y0": 1500.5}}  # type: ignore[arg-type]


amounts = st.one_of(
    st.integers(min_value=0, max_value=10**9),
    st.decimals(min_value=0, max_value=10**7, places=2).map(float),
)


@given(
    st.dictionaries(
        st.sampled_from(["collectivite", "etat", "region", "europe", "prives"]),
        st.fixed_dictionaries({}, optional={"y0": amounts, "y1": amounts, "y2": amounts}),
    )
)
def test_financing_totals(table: dict) -> None:
    spec = find_kind("action_complete").field("financements")  # type: ignore[union-attr]
    stored = check_value(spec, table, "1")  # type: ignore[arg-type]
    result = totals(spec, stored)  # type: ignore[arg-type]
    cell = lambda r, c: Decimal(str(table.get(r, {}).get(c, 0)))  # noqa: E731
    for row in table:
        assert result.rows[row] == sum((cell(row, c) for c in ("y0", "y1", "y2")), Decimal(0))
    for column in ("y0", "y1", "y2"):
        assert result.columns[column] == sum((cell(r, column) for r in table), Decimal(0))
    assert result.grand == sum(result.rows.values(), Decimal(0))
    publics = sum(
        (result.rows[r] for r in ("collectivite", "etat", "region", "europe")), Decimal(0)
    )
    assert result.subtotals["publics"]["total"] == publics
    if result.grand:
        assert abs(sum(result.shares[r.key] for r in spec.rows) - 100) <= Decimal("0.1") * len(
            spec.rows
        )  # type: ignore[union-attr]
    else:
        assert result.shares == {}


def test_amounts_are_written_per_language() -> None:
    assert plain(amount_text(Decimal("12500.5"), "fr")) == "12 500,50"
    assert amount_text(12500, "en") == "12,500"


NEW_KIND = """
kind = "chantier"
title = "Chantier"
title_en = "Workstream"

[[fields]]
key = "enjeu"
label = "Enjeu"
label_en = "Stake"
type = "text"

[[fields]]
key = "priorite"
label = "Priorité"
label_en = "Priority"
type = "choice"
values = ["haute", "basse"]
"""


def test_a_new_kind_is_data_only(monkeypatch, session) -> None:
    chantier = parse_kind(NEW_KIND, "chantier.toml")
    monkeypatch.setattr(
        "sessions.sheets.catalog.builtin_kinds", lambda: (*builtin_kinds(), chantier)
    )
    sheet = ops.add(session, "chantier", fields={"enjeu": "Attractivité", "priorite": "haute"})
    assert title_of(sheet) == "Attractivité"
    with pytest.raises(SheetError) as err:
        ops.set_field(session, sheet.number, "priorite", "moyenne")
    assert "haute, basse" in plain(str(err.value))
