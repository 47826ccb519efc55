"""The dot vote on the command line: ``import votes``, ``vote dots|envelope``, the JSON export."""

from __future__ import annotations

import json

import pytest
from conftest import build_session

from sessions.storage.store import SessionStore
from tui.cli.main import main

IDEAS = "\n".join(f"solution {n}" for n in range(1, 7))


def _run(store: SessionStore, *args: str) -> int:
    return main(["--data-dir", str(store.root), *args])


@pytest.fixture
def dot_session(store, tmp_path, capsys):
    s = build_session("divergence-convergence")  # 4 participants, a 3-dot vote
    store.create(s)
    ideas = tmp_path / "ideas.txt"
    ideas.write_text(IDEAS, encoding="utf-8")
    assert _run(store, "import", "ideas", s.id, str(ideas)) == 0
    capsys.readouterr()
    return s


def test_a_dot_vote_csv_is_imported(store, dot_session, tmp_path, capsys) -> None:
    csv = tmp_path / "v.csv"
    csv.write_text(
        "participant;1;2;3;4;5;6\nAlice Martin;1;;1;0;1;\nBruno Petit;;1;;;;\n", encoding="utf-8"
    )
    assert _run(store, "import", "votes", dot_session.id, str(csv)) == 0
    capsys.readouterr()
    saved = store.load(dot_session.id)
    ids = {p.name: p.id for p in saved.participants}
    alice, bruno = ids["Alice Martin"], ids["Bruno Petit"]
    assert saved.vote.ballots == {alice: {1: 1, 3: 1, 5: 1}, bruno: {2: 1}}
    assert _run(store, "export", dot_session.id, "--format", "json", "-o", "-") == 0
    export = json.loads(capsys.readouterr().out)
    assert (export["vote"]["rule"], export["vote"]["per_person"]) == ("dots", 3)
    points = {item["number"]: item["points"] for item in export["items"]}
    assert points == {1: 1, 2: 1, 3: 1, 4: 0, 5: 1, 6: 0}  # points are the dot counts


@pytest.mark.parametrize(
    ("rows", "line", "words"),
    [
        ("Alice Martin,1,1,1,1,,\n", 2, ["Alice Martin", "4 gommettes", "3 par personne"]),
        (
            "Bruno Petit,,,\nAlice Martin,,2,,,,\n",
            3,
            ["Alice Martin", "item n°2", "«\u202f2\u202f»"],
        ),
    ],
)
def test_a_row_breaking_the_dot_rule_is_refused(
    store, dot_session, tmp_path, capsys, rows, line, words
) -> None:
    csv = tmp_path / "v.csv"
    csv.write_text("participant,1,2,3,4,5,6\n" + rows, encoding="utf-8")
    before = store.load(dot_session.id).vote
    assert _run(store, "import", "votes", dot_session.id, str(csv)) == 6
    err = capsys.readouterr().err
    assert f"{csv}:{line}:" in err
    for word in [*words, "Vote à 3 gommettes par personne"]:
        assert word in err
    assert "Traceback" not in err
    assert store.load(dot_session.id).vote == before


def test_stacking_lets_a_row_put_two_dots_on_one_item(store, dot_session, tmp_path) -> None:
    assert _run(store, "vote", dot_session.id, "dots", "3", "--stacking") == 0
    csv = tmp_path / "v.csv"
    csv.write_text("participant,1,2\nAlice Martin,2,1\n", encoding="utf-8")
    assert _run(store, "import", "votes", dot_session.id, str(csv)) == 0
    alice = store.load(dot_session.id).participants[0]
    assert store.load(dot_session.id).vote.ballots[alice.id] == {1: 2, 2: 1}


def test_vote_command_switches_the_rule_before_counting(
    store, dot_session, tmp_path, capsys
) -> None:
    sid = dot_session.id
    assert _run(store, "vote", sid, "envelope", "--json") == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["rule"], summary["per_person"], summary["stacking"]) == ("envelope", 3, False)
    assert _run(store, "vote", sid, "dots", "2") == 0
    assert "Vote à 2 gommettes par personne." in capsys.readouterr().out
    assert _run(store, "vote", sid, "envelope", "--stacking") == 2
    assert "--stacking" in capsys.readouterr().err
    csv = tmp_path / "v.csv"
    csv.write_text("participant,1,2\nAlice Martin,1,1\n", encoding="utf-8")
    assert _run(store, "import", "votes", sid, str(csv)) == 0
    capsys.readouterr()
    assert _run(store, "vote", sid, "envelope") == 6  # counting has started
    assert "Le décompte a commencé" in capsys.readouterr().err
    assert store.load(sid).vote.rule == "dots"
    assert _run(store, "vote", sid, "close", "--json") == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["rule"], summary["per_person"], summary["total_points"]) == ("dots", 2, 2)
    assert summary["struck"] == [3, 4, 5, 6]
