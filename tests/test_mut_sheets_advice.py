"""The guides' warnings on a sheet being filled (sessions/sheets/advice.py), and the stored sheet.

Issue 18: more than 3 sub-themes, a group under 2 or over 4 people, a third
chantier prioritaire for one enjeu, turns drawn from the sheets outgrowing
their phase - each said while the form is filled, never a refusal; the sheet
model's bounds.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from sessions.agenda.turns_from import over_minutes, phases_from
from sessions.enjeux.ops import add_enjeux
from sessions.i18n import t
from sessions.sheets import ops
from sessions.sheets.advice import GROUP_SIZE, MAX_SOUS_THEMES, warnings, with_sheet
from sessions.sheets.catalog import parse_kind
from sessions.sheets.model import Sheet
from tests.conftest import build_session


def _session(template: str = "territoire-numerique-10-ans"):
    s = build_session(template)
    s.sheets = []
    return s


def _sous_theme(number: int, people: list[str] | None = None, deleted: bool = False) -> Sheet:
    fields = {"nom": f"Thème {number}"}
    if people is not None:
        fields["groupe"] = people
    return Sheet(kind="sous_theme", number=number, fields=fields, deleted=deleted)


def test_with_sheet_replaces_or_adds_without_touching_the_session() -> None:
    s = _session()
    first = ops.add(s, "solution", fields={"nom": "A"})
    changed = first.model_copy(update={"title": "Changé"})
    seen = with_sheet(s, changed)
    assert [x.title for x in seen.sheets] == ["Changé"] and s.sheets[0].title == ""
    new = Sheet(kind="solution", number=5)
    assert [x.number for x in with_sheet(s, new).sheets] == [first.number, 5]
    assert len(s.sheets) == 1


def test_more_than_three_sub_themes() -> None:
    assert MAX_SOUS_THEMES == 3
    s = _session()
    s.sheets = [_sous_theme(n) for n in (1, 2)]
    assert warnings(s, _sous_theme(3)) == []
    s.sheets.append(_sous_theme(3))
    fourth = _sous_theme(4)
    assert warnings(s, fourth, "en") == [t("sheets.warn.sous_themes", "en", count=4)]
    s.sheets[0].deleted = True  # a deleted one does not count
    assert warnings(s, fourth) == []
    s.sheets[0].deleted = False
    assert warnings(s, _sous_theme(4, deleted=True)) == []  # the one deleted says nothing


def test_a_sub_themes_group_of_2_to_4_people() -> None:
    assert GROUP_SIZE == (2, 4)
    s = _session()
    for people in (["A", "B"], ["A", "B", "C", "D"], [], None):
        assert warnings(s, _sous_theme(1, people)) == [], people
    assert warnings(s, _sous_theme(1, ["A"])) == [t("sheets.warn.group_small", number=1, count=1)]
    five = ["A", "B", "C", "D", "E"]
    assert warnings(s, _sous_theme(2, five), "en") == [
        t("sheets.warn.group_large", "en", number=2, count=5)
    ]
    other = Sheet(kind="solution", number=3, fields={"nom": "x"})
    assert warnings(s, other) == []


def _chantier(number: int, enjeu: int, priority: bool = True, unknown: bool = False) -> Sheet:
    fields = {"titre": f"C{number}", "enjeu": str(enjeu), "prioritaire": priority}
    fields["inconnu_desirable"] = unknown
    return Sheet(kind="chantier", number=number, fields=fields)


def test_a_third_chantier_prioritaire_for_its_enjeu() -> None:
    s = _session()
    add_enjeux(s, ["A ?", "B ?"])
    s.sheets = [_chantier(1, 1), _chantier(2, 1), _chantier(3, 2), _chantier(4, 2)]
    third = _chantier(5, 1)
    (said,) = warnings(s, third, "en")
    assert said.startswith(t("chantiers.warn.priorities", "en", enjeu=1, count=3, sheets="1, 2, 5"))
    assert warnings(s, _chantier(5, 1, priority=False)) == []
    assert warnings(s, _chantier(6, 2, priority=False)) == []  # enjeu 2 has 2: fine
    s.sheets.append(_chantier(7, 2))
    assert warnings(s, _chantier(8, 1, priority=False)) == []  # enjeu 2's excess is not its own
    nameless = Sheet(kind="chantier", number=9, fields={"titre": "x", "prioritaire": True})
    assert warnings(s, nameless) == []


def test_a_refused_chantier_gives_no_warning_here() -> None:
    s = _session()
    add_enjeux(s, ["A ?"])
    s.sheets = [_chantier(1, 1, unknown=True)]
    assert warnings(s, _chantier(2, 1, unknown=True)) == []  # the form refuses it on saving


def test_turns_drawn_from_sheets_outgrowing_their_phase() -> None:
    s = _session("divergence-convergence")
    phases = phases_from(s, "solution")
    if not phases:
        pytest.skip("no phase draws its turns from solution sheets")
    phase = phases[0]
    n = 0
    while over_minutes(s, phase) is None and n < 60:
        n += 1
        ops.add(s, "solution", fields={"nom": f"S{n}"})
    assert over_minutes(s, phase) is not None
    last = s.sheets.pop()
    count, needed, planned = over_minutes(with_sheet(s, last), phase)
    said = warnings(s, last, "fr")
    shown = lambda v: str(int(v)) if float(v).is_integer() else str(v)  # noqa: E731
    assert said == [
        t(
            "turns.over_phase",
            "fr",
            phase=phase.title,
            count=count,
            total=shown(needed),
            planned=shown(planned),
        )
    ]
    assert warnings(s, s.sheets[-1]) == []  # one fewer fits


# -- the stored sheet --------------------------------------------------------------------


def test_a_sheets_numbers_start_at_1_and_amounts_at_0() -> None:
    for bad in ({"number": 0}, {"number": 1, "items": [0]}, {"number": 1, "other": 2}):
        with pytest.raises(ValidationError):
            Sheet(kind="x", **bad)
    kept = Sheet.model_validate(
        {"kind": "x", "number": 1, "fields": {"t": [{"a": 0.5, "b": 0, "c": "x"}]}}
    )
    cell = kept.fields["t"][0]
    assert cell == {"a": 0.5, "b": 0, "c": "x"} and isinstance(cell["a"], float)
    with pytest.raises(ValidationError):
        Sheet.model_validate({"kind": "x", "number": 1, "fields": {"t": [{"a": -0.5}]}})


def test_a_column_may_say_its_type_is_text() -> None:
    kind = parse_kind(
        'kind = "k"\ntitle = "K"\n[[fields]]\nkey = "t"\nlabel = "T"\ntype = "table"\n'
        'columns = [{ key = "a", label = "A", type = "text" }, '
        '{ key = "b", label = "B", type = "number" }, '
        '{ key = "c", label = "C", type = "choice", values = ["x"] }]\n',
        "k.toml",
    )
    assert [c.type for c in kind.field("t").columns] == ["text", "number", "choice"]


# -- sheet changes as undoable ops -------------------------------------------------------


def test_each_sheet_op_is_named_and_labelled_with_its_sheet() -> None:
    from sessions.core.ops import apply, from_data
    from sessions.sheets import sheet_ops as so

    s = _session()
    apply(s, so.AddSheet(kind="solution", fields=(("nom", "A"),)))
    apply(s, so.AddSheet(kind="solution", fields=(("nom", "B"),)))
    cases = [
        (so.FillSheet(1, "T", (), (("nom", "A2"),)), "sheets.fill", "sheets.undo.fill"),
        (so.MoveSheet(2, delta=-1), "sheets.move", "sheets.undo.move"),
        (so.BecomeAction(1), "sheets.become", "sheets.undo.become"),
        (so.DeleteSheet(2), "sheets.delete", "sheets.undo.delete"),
    ]
    for op, name, key in cases:
        assert op.to_data()["op"] == name and from_data(op.to_data()) == op
        step = apply(s, op).step
        assert step.op == name
        for lang in ("fr", "en"):
            said = t(key, lang, number=op.number)
            assert said != key and str(op.number) in said
        assert step.label() == t(key, number=op.number)
    assert [(x.number, x.kind, x.deleted) for x in s.sheets] == [
        (2, "solution", True),  # moved up, then deleted
        (1, "solution", False),
        (3, "action", False),  # what sheet 1 became
    ]


def test_filling_a_chantier_checks_the_guides_rules_per_enjeu() -> None:
    from sessions.core.ops import apply
    from sessions.enjeux.chantiers import ChantierError
    from sessions.sheets import sheet_ops as so

    s = _session()
    add_enjeux(s, ["A ?"])
    values = (("titre", "C"), ("enjeu", "1"), ("inconnu_desirable", "oui"))
    apply(s, so.AddSheet(kind="chantier", fields=values))
    apply(s, so.AddSheet(kind="chantier", fields=(("titre", "D"),)))
    with pytest.raises(ChantierError):  # a second inconnu désirable for enjeu 1
        so.FillSheet(2, "", (), values).run(s.model_copy(deep=True))
    so.FillSheet(2, "", (), (("titre", "D"), ("enjeu", "1"))).run(s)  # without it: fine
    assert s.sheets[1].fields["enjeu"] == "1"
