"""The five ``atelier import`` kinds share one shape: read, check, one transaction, report.

Each kind is run the way a person types it; the output, the exit code and the
saved file are what is checked, for the cases every kind goes through (a
missing file, a folder, a binary file, a good file as text and as JSON).
"""

from __future__ import annotations

import json

import pytest

from sessions.storage.store import SessionStore
from tests.sheets_samples import plain
from tui.cli.main import main

GOOD = {
    "ideas": "Fibre partout\nBus à la demande\n",
    "enjeux": "Comment garder les jeunes ?\nQuelle mobilité ?\n",
    "map": '[[maps]]\nkind = "offre"\ncentre = "Médiation"\n\n'
    '[[maps.nodes]]\nlabel = "Cyber-base"\ngroup = "accès aux droits"\n\n'
    '[[maps.nodes]]\nlabel = "France services"\ngroup = "accès aux droits"\n',
    "sheets": '[[sheets]]\nkind = "action"\ntitle = "Bus"\n\n'
    '[[sheets]]\nkind = "action"\ntitle = "Vélo"\n',
}
ONE_NODE = (
    '[[maps]]\nkind = "offre"\ncentre = "Médiation"\n\n[[maps.nodes]]\nlabel = "Cyber-base"\n'
)
KINDS = ["ideas", "votes", "enjeux", "map", "sheets"]


def _run(store: SessionStore, *args: str) -> int:
    return main(["--data-dir", str(store.root), *args])


def _stored(store: SessionStore, ref: str) -> str:
    return store.load(ref).model_dump_json()


@pytest.mark.parametrize("kind", KINDS)
def test_a_missing_file_exits_3_and_a_folder_6_naming_it(store, session, tmp_path, capsys, kind):
    before = _stored(store, session.id)
    missing = tmp_path / "absent.txt"
    assert _run(store, "import", kind, session.id, str(missing)) == 3
    said = plain(capsys.readouterr().err)
    assert said.startswith(f"atelier: impossible de lire {missing} : ")
    assert _run(store, "import", kind, session.id, str(tmp_path)) == 6
    assert plain(capsys.readouterr().err).startswith(f"atelier: impossible de lire {tmp_path} : ")
    assert _stored(store, session.id) == before


@pytest.mark.parametrize("kind", KINDS)
def test_a_binary_file_is_refused_as_a_whole_with_no_line(store, session, tmp_path, capsys, kind):
    before = _stored(store, session.id)
    path = tmp_path / "binary.bin"
    path.write_bytes(b"abc\x00def")
    assert _run(store, "import", kind, session.id, str(path)) == 6
    assert plain(capsys.readouterr().err) == (
        f"atelier: {path}: le fichier n'est pas du texte (octet nul) : enregistrez-le en CSV"
        " (UTF-8 ou Windows-1252). Rien n'a été importé.\n"
    )
    assert _stored(store, session.id) == before


@pytest.mark.parametrize(
    ("lang", "said"),
    [("fr", "1 carte importée (1 nœud).\n"), ("en", "1 map imported (1 node).\n")],
)
def test_one_node_is_said_in_the_singular(store, session, tmp_path, capsys, lang, said):
    path = tmp_path / "carte.toml"
    path.write_text(ONE_NODE, encoding="utf-8")
    assert _run(store, "--lang", lang, "import", "map", session.id, str(path)) == 0
    assert plain(capsys.readouterr().out) == said


@pytest.mark.parametrize("kind", KINDS)
def test_the_refusal_is_in_english_with_lang_en(store, session, tmp_path, capsys, kind):
    path = tmp_path / "binary.bin"
    path.write_bytes(b"\x00")
    assert _run(store, "--lang", "en", "import", kind, session.id, str(path)) == 6
    assert plain(capsys.readouterr().err).endswith(
        "the file is not text (a null byte): save it as CSV (UTF-8 or Windows-1252)."
        " Nothing was imported.\n"
    )


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("ideas", "2 idées importées (n°1 à n°2), dont 0 avec auteur.\n"),
        ("enjeux", "2 enjeux importés (n°1 à n°2).\n"),
        ("map", "1 carte importée (2 nœuds).\n"),
        ("sheets", "2 fiches importées (n°1 à n°2).\n"),
    ],
)
def test_a_good_file_says_what_it_added(store, session, tmp_path, capsys, kind, said):
    path = tmp_path / f"{kind}.toml"
    path.write_text(GOOD[kind], encoding="utf-8")
    assert _run(store, "import", kind, session.id, str(path)) == 0
    out = plain(capsys.readouterr().out)
    assert out == said
    assert _run(store, "import", kind, session.id, str(path), "--json") == 0
    result = json.loads(capsys.readouterr().out)
    assert result["kind"] == kind
    saved = store.load(session.id)
    if kind == "ideas":
        assert result == {"kind": "ideas", "numbers": [3, 4], "authored": 0}
        assert [i.number for i in saved.ideas] == [1, 2, 3, 4]
    elif kind == "enjeux":
        assert result == {"kind": "enjeux", "numbers": [3, 4]}
        assert len(saved.enjeux) == 4
    elif kind == "map":
        assert result == {"kind": "map", "maps": 1, "nodes": 2}
        assert len(saved.maps) == 2
    else:
        assert result == {"kind": "sheets", "numbers": [3, 4]}
        assert [s.number for s in saved.sheets] == [1, 2, 3, 4]


def test_votes_json_counts_the_ballots(store, session, tmp_path, capsys):
    ideas = tmp_path / "i.txt"
    ideas.write_text("Fibre\nBus\nVélo\n", encoding="utf-8")
    assert _run(store, "import", "ideas", session.id, str(ideas)) == 0
    votes = tmp_path / "v.csv"
    votes.write_text("participant,1,2\nAlice Martin,1,\nBruno Petit,,1\n", encoding="utf-8")
    capsys.readouterr()
    assert _run(store, "import", "votes", session.id, str(votes)) == 0
    assert plain(capsys.readouterr().out) == (
        "2 bulletins importés ; le vote passe en mode bulletins.\n"
    )
    assert _run(store, "import", "votes", session.id, str(votes), "--json") == 0
    assert json.loads(capsys.readouterr().out) == {"kind": "votes", "ballots": 2}
