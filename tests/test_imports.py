"""Importing ideas and votes: whole files or nothing, with the line and rule named."""

from __future__ import annotations

import json

import pytest

from sessions.storage.store import SessionStore
from tui.cli.main import main

IDEAS = """Alice Martin: Fibre partout
# a comment

Mobilité : bus à la demande
bruno petit: Tiers-lieux
"""


def _run(store: SessionStore, *args: str) -> int:
    return main(["--data-dir", str(store.root), *args])


def test_import_ideas(store, session, tmp_path, capsys) -> None:
    path = tmp_path / "ideas.txt"
    path.write_text(IDEAS, encoding="utf-8")
    assert _run(store, "import", "ideas", session.id, str(path)) == 0
    saved = store.load(session.id)
    names = {p.id: p.name for p in saved.participants}
    assert [(i.number, i.text, names.get(i.author_id)) for i in saved.ideas] == [
        (1, "Fibre partout", "Alice Martin"),
        (2, "Mobilité : bus à la demande", None),
        (3, "Tiers-lieux", "Bruno Petit"),
    ]
    assert "3" in capsys.readouterr().out


def test_bad_ideas_file_imports_nothing(store, session, tmp_path, capsys) -> None:
    path = tmp_path / "ideas.txt"
    path.write_text("Fibre\nAlice Martin:   \nBus\n", encoding="utf-8")
    assert _run(store, "import", "ideas", session.id, str(path)) == 6
    err = capsys.readouterr().err
    assert f"{path}:2:" in err
    assert store.load(session.id).ideas == []
    path.write_bytes(b"\xff\xfe bad")
    assert _run(store, "import", "ideas", session.id, str(path)) == 6
    assert "UTF-8" in capsys.readouterr().err


def _with_ideas(store, session, tmp_path, count: int = 6) -> None:
    path = tmp_path / "i.txt"
    path.write_text("\n".join(f"idée {n}" for n in range(1, count + 1)), encoding="utf-8")
    assert _run(store, "import", "ideas", session.id, str(path)) == 0


def test_import_votes(store, session, tmp_path, capsys) -> None:
    _with_ideas(store, session, tmp_path)  # envelope 3
    capsys.readouterr()
    csv = tmp_path / "v.csv"
    csv.write_text(
        "participant,1,2,3\nAlice Martin,2,1,\nBruno Petit;,,3\n".replace(";", ","),
        encoding="utf-8",
    )
    assert _run(store, "import", "votes", session.id, str(csv), "--json") == 0
    assert json.loads(capsys.readouterr().out) == {"kind": "votes", "ballots": 2}
    saved = store.load(session.id)
    ids = {p.name: p.id for p in saved.participants}
    assert saved.vote.method == "ballots"
    assert saved.vote.ballots[ids["Alice Martin"]] == {1: 2, 2: 1}
    assert saved.vote.ballots[ids["Bruno Petit"]] == {3: 3}


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("participant,1,2\nAlice Martin,6,0\n", 2, ["Alice Martin", "1", "6"]),
        ("participant,1,2\nAlice Martin,2,2\n", 2, ["Alice Martin", "4", "3"]),
        ("participant,1,2\nAlice Martin,1\nNobody,1\n", 3, ["Nobody"]),
        ("participant,1,99\nAlice Martin,1\n", 1, ["99"]),
        ("name,1\nAlice Martin,1\n", 1, ["participant"]),
        ("participant,1\nAlice Martin,1\nalice martin,1\n", 3, ["Alice Martin"]),
    ],
)
def test_bad_votes_file_records_nothing(store, session, tmp_path, capsys, body, line, words):
    _with_ideas(store, session, tmp_path)
    capsys.readouterr()
    csv = tmp_path / "v.csv"
    csv.write_text(body, encoding="utf-8")
    before = store.load(session.id).vote
    assert _run(store, "import", "votes", session.id, str(csv)) == 6
    err = capsys.readouterr().err
    assert f"{csv}:{line}:" in err
    for word in words:
        assert word in err
    assert store.load(session.id).vote == before


def test_participants_file_same_format_as_screen(store, tmp_path) -> None:
    from sessions.people.roster import parse_lines

    text = "Awa Diallo (Région) [A]\nJean Roux\n"
    path = tmp_path / "p.txt"
    path.write_text(text, encoding="utf-8")
    assert (
        _run(
            store,
            "new",
            "--template",
            "idees-recues",
            "--title",
            "X",
            "--participants-file",
            str(path),
            "--no-open",
        )
        == 0
    )
    created = next(e.session for e in store.entries() if e.session and e.session.title == "X")
    screen = parse_lines(text)
    assert [(p.name, p.organisation, p.group) for p in created.participants] == [
        (p.name, p.organisation, p.group) for p in screen
    ]
