"""``atelier import sheets``: every kind through the TOML file, all or nothing, refusals exit 6."""

from __future__ import annotations

import json

import pytest

from sessions.sheets.catalog import builtin_kinds, find_kind
from sessions.storage.store import SessionStore
from tests.sheets_samples import plain, sample_fields, sheets_toml
from tests.test_sheets import add_ideas
from tui.cli.main import main


def _run(store: SessionStore, *args: str) -> int:
    return main(["--data-dir", str(store.root), *args])


def _with_ideas(store: SessionStore, ref: str, count: int = 4) -> None:
    store.transact(ref, lambda s: add_ideas(s, count))


def test_every_kind_round_trips_through_the_toml_import(store, session, tmp_path, capsys):
    _with_ideas(store, session.id)
    sheets = [
        {"kind": k.kind, "items": [n % 4 + 1], "fields": sample_fields(k, n)}
        for n, k in enumerate(builtin_kinds(), 1)
    ]
    sheets[0]["title"] = "Titre donné"
    path = tmp_path / "fiches.toml"
    path.write_text(sheets_toml(sheets), encoding="utf-8")
    assert _run(store, "import", "sheets", session.id, str(path)) == 0
    assert f"{len(sheets)} fiches importées (n°1 à n°{len(sheets)})" in plain(
        capsys.readouterr().out
    )
    saved = store.load(session.id).sheets
    assert [(s.kind, s.number, s.items, s.fields) for s in saved] == [
        (d["kind"], n, d["items"], d["fields"]) for n, d in enumerate(sheets, 1)
    ]
    assert saved[0].title == "Titre donné"
    assert _run(store, "export", session.id, "--format", "json") == 0
    exported = json.loads(capsys.readouterr().out)["sheets"]
    assert [s["title"] for s in exported][:2] == [
        "Titre donné",
        str(sheets[1]["fields"][builtin_kinds()[1].fields[0].key]),  # a short text
    ]
    assert [s["fields"] for s in exported] == [d["fields"] for d in sheets]
    assert [s["items"] for s in exported] == [d["items"] for d in sheets]


def test_the_export_computes_the_financing_totals(store, session, tmp_path, capsys):
    path = tmp_path / "fiche.toml"
    path.write_text(
        """
[[sheets]]
kind = "action_complete"
[sheets.fields]
titre = "Bus numérique"
[sheets.fields.financements.etat]
y0 = 1000
y1 = "2 500,50"
[sheets.fields.financements.prives]
y0 = 500
""",
        encoding="utf-8",
    )
    assert _run(store, "import", "sheets", session.id, str(path), "--json") == 0
    assert json.loads(capsys.readouterr().out) == {"kind": "sheets", "numbers": [1]}
    assert _run(store, "export", session.id, "--format", "json") == 0
    (sheet,) = json.loads(capsys.readouterr().out)["sheets"]
    assert sheet["title"] == "Bus numérique"
    money = sheet["totals"]["financements"]
    assert money["rows"]["etat"] == 3500.5 and money["rows"]["prives"] == 500
    assert money["columns"] == {"y0": 1500, "y1": 2500.5, "y2": 0}
    assert money["total"] == 4000.5
    assert money["subtotals"]["publics"]["total"] == 3500.5
    assert money["shares"]["prives"] == 12.5


@pytest.mark.parametrize(
    ("toml", "said"),
    [
        ('[[sheets]]\nkind = "bulletin"\n', ["Fiche 2", "« bulletin »", "action_complete"]),
        (
            '[[sheets]]\nkind = "action"\n[sheets.fields]\nbudget = "1"\n',
            ["Fiche 2", "« budget »", "indicateurs"],
        ),
        (
            '[[sheets]]\nkind = "synthese"\n[sheets.fields]\nredigee_par = "maire"\n',
            ["Fiche 2", "« redigee_par »", "« maire »", "rapporteurs, observateur"],
        ),
        ('[[sheets]]\nkind = "action"\nitems = [99]\n', ["Fiche 2", "n°99"]),
        ('[[sheets]]\nkind = "action"\nauteur = "x"\n', ["Fiche 2", "« auteur »"]),
        ("[[sheets]\n", ["TOML"]),
    ],
)
def test_a_refused_sheet_imports_nothing(store, session, tmp_path, capsys, toml, said):
    _with_ideas(store, session.id)
    path = tmp_path / "fiches.toml"
    good = '[[sheets]]\nkind = "action"\n[sheets.fields]\nnom = "Bon"\n\n'
    path.write_text(good + toml, encoding="utf-8")
    before = store.load(session.id).revision
    assert _run(store, "import", "sheets", session.id, str(path)) == 6
    err = plain(capsys.readouterr().err)
    assert "Traceback" not in err and "Rien n'a été importé" in err
    for part in said:
        assert part in err
    saved = store.load(session.id)
    assert saved.sheets == [] and saved.revision == before


def test_refusal_in_english(store, session, tmp_path, capsys):
    path = tmp_path / "fiches.toml"
    path.write_text('[[sheets]]\nkind = "action"\n[sheets.fields]\nbudget = "1"\n', "utf-8")
    assert _run(store, "--lang", "en", "import", "sheets", session.id, str(path)) == 6
    assert "Sheet 1: unknown field “budget” for kind “action”" in capsys.readouterr().err


def test_action_kind_keys_in_a_minimal_file(store, session, tmp_path):
    kind = find_kind("action")
    assert kind is not None
    path = tmp_path / "a.toml"
    path.write_text(sheets_toml([{"kind": "action", "fields": sample_fields(kind)}]), "utf-8")
    assert _run(store, "import", "sheets", session.id, str(path)) == 0
    assert list(store.load(session.id).sheets[0].fields) == list(kind.keys)
