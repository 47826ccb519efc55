"""Chantiers clés: the kinds chantier and bilan, the rules per enjeu, the recap table, minutes."""

from __future__ import annotations

import json

import pytest

from sessions.documents.minutes import minutes_markdown
from sessions.documents.minutes_common import translator
from sessions.enjeux.chantiers import (
    FEASIBILITY,
    SYMBOL,
    ChantierError,
    check_chantiers,
    enjeu_of,
    recap_table,
)
from sessions.enjeux.ops import add_enjeux
from sessions.sheets import ops
from sessions.sheets.catalog import find_kind
from sessions.sheets.rules import SheetError, check_fields
from sessions.storage.store import SessionStore
from tests.grid_examples import full_session
from tests.sheets_samples import plain, sheets_toml
from tui.cli.main import main

TR = translator("fr")


def _run(store: SessionStore, *args: str) -> int:
    return main(["--data-dir", str(store.root), *args])


def _chantier(session, title, enjeu, feasibility="vert", priority=False, unknown=False):
    fields = {"titre": title, "enjeu": str(enjeu), "faisabilite": feasibility}
    fields |= {"prioritaire": priority, "inconnu_desirable": unknown}
    kind = find_kind("chantier")
    return ops.add(session, "chantier", title="", fields=check_fields(kind, fields, "1"), items=[])


def _workshop():
    session = full_session()
    add_enjeux(session, ["Comment attirer ?", "Comment former ?", "Comment relier ?"])
    _chantier(session, "Bus numérique", 1, "vert", priority=True)
    _chantier(session, "Tiers-lieu", 1, "orange", priority=True)
    _chantier(session, "Fibre partout", 1, "rouge", unknown=True)
    _chantier(session, "Ateliers seniors", 2, "blanc", priority=True)
    _chantier(session, "Conseillers", 3, "orange")
    return session


def test_the_kinds_hold_the_guides_fields() -> None:
    chantier = find_kind("chantier")
    assert chantier.keys == (
        "titre", "enjeu", "reussite", "actions", "pilote", "fait", "associes",
        "ressources", "freins", "faisabilite", "prioritaire", "inconnu_desirable",
    )  # fmt: skip
    assert chantier.field("faisabilite").values == FEASIBILITY
    assert chantier.field("prioritaire").type == "yes_no"
    assert "bloqué" in chantier.field("faisabilite").help  # the guide's meaning of rouge
    bilan = find_kind("bilan")
    assert bilan.keys == (
        "retours_a_chaud", "constat_1", "constat_2", "constat_3",
        "hypothese_1", "hypothese_2", "hypothese_3", "hypotheses_a_verifier",
    )  # fmt: skip


def test_a_feasibility_outside_the_four_colours_is_refused_with_them() -> None:
    with pytest.raises(SheetError) as caught:
        check_fields(find_kind("chantier"), {"faisabilite": "jaune"}, "2")
    assert "vert, orange, rouge, blanc" in str(caught.value)
    assert "Fiche 2" in str(caught.value)


@pytest.mark.parametrize(
    ("raw", "number"), [("2", 2), ("n°3", 3), ("Enjeu 4", 4), ("", None), ("1 et 2", None)]
)
def test_the_enjeu_a_chantier_names(raw, number) -> None:
    session = full_session()
    sheet = ops.add(session, "chantier", title="", fields={"enjeu": raw}, items=[])
    assert enjeu_of(sheet) == number


def test_two_priorities_per_enjeu_then_a_warning() -> None:
    session = _workshop()
    assert check_chantiers(session) == []
    _chantier(session, "Médiathèque", 1, "vert", priority=True)
    warnings = check_chantiers(session)
    assert len(warnings) == 1
    assert "Enjeu 1" in plain(str(warnings[0])) and "3 chantiers prioritaires" in str(warnings[0])


def test_a_second_inconnu_desirable_in_an_enjeu_is_refused() -> None:
    session = _workshop()
    _chantier(session, "Autre rêve", 2, "blanc", unknown=True)  # enjeu 2 had none
    check_chantiers(session)
    _chantier(session, "Rêve de plus", 1, "blanc", unknown=True)
    with pytest.raises(ChantierError) as caught:
        check_chantiers(session)
    assert "un seul inconnu désirable" in str(caught.value)


def test_a_chantier_naming_no_enjeu_of_the_session_is_refused() -> None:
    session = _workshop()
    _chantier(session, "Ailleurs", 7)
    with pytest.raises(ChantierError) as caught:
        check_chantiers(session)
    assert "enjeux possibles : 1, 2, 3" in plain(str(caught.value))


def test_recap_table_columns_are_enjeux_rows_the_chantiers_with_word_and_symbol() -> None:
    session = _workshop()
    table = recap_table(session, TR, "fr")
    assert table.header == ("", "Enjeu 1", "Enjeu 2", "Enjeu 3")
    assert [row[0] for row in table.rows] == ["Chantier 1", "Chantier 2", "Chantier 3"]
    first = table.rows[0]
    assert first[1] == "Bus numérique — ✔ vert · ★ prioritaire"
    assert first[2] == "Ateliers seniors — ? blanc · ★ prioritaire"
    assert first[3] == "Conseillers — ◐ orange"
    assert table.rows[2][1] == "Fibre partout — ✖ rouge · ☆ inconnu désirable"
    assert table.rows[1][2] == table.rows[1][3] == ""  # enjeux 2 and 3 have one chantier
    assert table.style(0, 1) == "vert" and table.style(2, 1) == "rouge"
    for colour in FEASIBILITY:  # never a colour alone: its symbol and its word
        assert any(f"{SYMBOL[colour]} {colour}" in cell for row in table.rows for cell in row)


def test_recap_table_in_english() -> None:
    table = recap_table(_workshop(), translator("en"), "en")
    assert table.rows[0][1] == "Bus numérique — ✔ green · ★ priority"
    assert table.rows[0][0] == "Project 1"


def test_minutes_show_the_recap_table_and_its_legend() -> None:
    text = minutes_markdown(_workshop())
    assert "## Chantiers clés par enjeu" in text
    assert "| Chantier 1 | Bus numérique — ✔ vert · ★ prioritaire |" in text
    assert "✖ rouge, bloqué" in text
    assert text.index("## Fiches") < text.index("## Chantiers clés par enjeu")


def test_minutes_without_chantiers_have_no_recap() -> None:
    assert "Chantiers clés" not in minutes_markdown(full_session())


# -- atelier import sheets with chantiers and a bilan ---------------------------------------


def test_import_sheets_takes_chantiers_and_a_bilan(store, session, tmp_path, capsys):
    store.transact(session.id, lambda s: add_enjeux(s, ["Comment attirer ?"]))
    path = tmp_path / "chantiers.toml"
    sheets = [
        {"kind": "chantier", "fields": {"titre": "Bus", "enjeu": "1", "faisabilite": "vert"}},
        {"kind": "bilan", "fields": {"constat_1": "Peu d'offres hors les murs"}},
    ]
    path.write_text(sheets_toml(sheets), encoding="utf-8")
    assert _run(store, "import", "sheets", session.id, str(path)) == 0
    assert "2 fiches importées" in plain(capsys.readouterr().out)
    saved = store.load(session.id).sheets
    assert [(s.kind, s.fields) for s in saved] == [(d["kind"], d["fields"]) for d in sheets]
    assert _run(store, "export", session.id, "--format", "json") == 0
    exported = json.loads(capsys.readouterr().out)["sheets"]
    assert exported[0]["fields"]["faisabilite"] == "vert"


def test_import_sheets_refuses_a_second_inconnu_desirable_and_writes_nothing(
    store, session, tmp_path, capsys
):
    store.transact(session.id, lambda s: add_enjeux(s, ["Comment attirer ?"]))
    before = store.path_for(session.id).read_bytes()
    dream = {"enjeu": "1", "inconnu_desirable": True}
    path = tmp_path / "chantiers.toml"
    path.write_text(
        sheets_toml([{"kind": "chantier", "fields": dream}, {"kind": "chantier", "fields": dream}]),
        encoding="utf-8",
    )
    assert _run(store, "import", "sheets", session.id, str(path)) == 6
    assert "un seul inconnu désirable" in capsys.readouterr().err
    assert store.path_for(session.id).read_bytes() == before


def test_import_sheets_warns_beyond_two_priorities(store, session, tmp_path, capsys):
    store.transact(session.id, lambda s: add_enjeux(s, ["Comment attirer ?"]))
    path = tmp_path / "chantiers.toml"
    chosen = {"kind": "chantier", "fields": {"enjeu": "1", "prioritaire": True}}
    path.write_text(sheets_toml([chosen] * 3), encoding="utf-8")
    assert _run(store, "import", "sheets", session.id, str(path)) == 0
    assert "3 chantiers prioritaires" in capsys.readouterr().err
    assert len(store.load(session.id).sheets) == 3


def test_import_sheets_refuses_a_bad_feasibility_naming_sheet_field_and_values(
    store, session, tmp_path, capsys
):
    path = tmp_path / "chantiers.toml"
    path.write_text(
        sheets_toml([{"kind": "chantier", "fields": {"faisabilite": "violet"}}]), encoding="utf-8"
    )
    assert _run(store, "import", "sheets", session.id, str(path)) == 6
    err = plain(capsys.readouterr().err)
    assert "Fiche 1" in err and "faisabilite" in err and "vert, orange, rouge, blanc" in err


def test_the_synthesis_puts_the_groups_chantiers_in_one_recap_table() -> None:
    from sessions.documents.synthesis import synthesis_markdown

    one = _workshop()
    other = full_session(title="Groupe B")
    add_enjeux(other, ["Comment attirer ?", "Comment former ?", "Comment relier ?"])
    _chantier(other, "Wifi public", 2, "orange", priority=True)
    text = plain(synthesis_markdown([one, other]))
    assert "## Chantiers clés par enjeu, tous les groupes" in text
    across = text[text.index("tous les groupes") :]
    # Enjeu 2's column: group A's chantier, then group B's
    assert "| Chantier 1 | Bus numérique — ✔ vert · ★ prioritaire | Ateliers seniors" in across
    assert "| Chantier 2 | Tiers-lieu — ◐ orange · ★ prioritaire | Wifi public — ◐ orange" in across
    assert text.count("### Chantiers clés par enjeu") == 2  # and each group's own
    alone = plain(synthesis_markdown([one]))
    assert "tous les groupes" not in alone and "### Chantiers clés par enjeu" in alone


def test_html_minutes_colour_each_recap_cell_beside_its_word_and_symbol() -> None:
    from sessions.documents.minutes import minutes_document
    from sessions.documents.minutes_html import render_html

    page = render_html(minutes_document(_workshop()))
    assert '<td class="cell-vert">Bus numérique — ✔ vert · ★ prioritaire</td>' in page
    assert '<td class="cell-rouge">Fibre partout — ✖ rouge · ☆ inconnu désirable</td>' in page
    assert "td.cell-vert {" in page


def test_the_sheets_form_refuses_a_second_inconnu_desirable() -> None:
    from sessions.sheets.sheet_ops import FillSheet

    session = _workshop()  # enjeu 1 has its inconnu désirable (sheet 3)
    target = _chantier(session, "Autre", 1, "vert")
    fill = FillSheet(
        number=target.number,
        title="Autre",
        fields=(("enjeu", "1"), ("inconnu_desirable", True)),
    )
    with pytest.raises(ChantierError):
        fill.run(session)
    fine = FillSheet(number=target.number, title="Autre", fields=(("enjeu", "2"),))
    assert fine.run(session).fields["enjeu"] == "2"
