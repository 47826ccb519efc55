"""``atelier export``: formats, standard output, atomic -o, anonymity (no name remains)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from grid_examples import PEOPLE, full_session

from sessions.documents.exports import render_export
from sessions.storage.store import SessionStore
from tui.cli.main import main

NAMES = [name for _id, name, _org in PEOPLE] + ["Jeanne Roy", "Marc Blanc"]
ORGS = [org for _id, _name, org in PEOPLE]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    store = SessionStore(tmp_path / "data")
    store.ensure()
    session = full_session()
    session.ideas[0].text = "Proposé par Alice Martin et Bruno"
    session.next_steps = "Chloé enverra le compte-rendu ; David LEROY relance."
    store.create(session)
    return tmp_path / "data"


def run(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), "export", *args])


def test_markdown_to_stdout(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(data, "exemple1") == 0
    out = capsys.readouterr().out
    assert out.startswith("# Compte-rendu - Groupe A\n") and "## Prochaines étapes" in out
    assert run(data, "exemple1", "-o", "-") == 0
    assert capsys.readouterr().out == out


def test_html_and_json(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(data, "exemple1", "--format", "html") == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>") and "<table>" in page
    assert run(data, "exemple1", "--format", "json") == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["id"] == "exemple1" and doc["format"] == "atelier-session"
    assert doc["vote"]["top"][0] == 1


def test_output_file_is_written_atomically(data: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "out" / "cr.md"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    assert run(data, "exemple1", "-o", str(target)) == 0
    assert target.read_text(encoding="utf-8").startswith("# Compte-rendu")
    assert [p.name for p in target.parent.iterdir()] == ["cr.md"]  # no temporary left
    assert str(target) in capsys.readouterr().err


def test_unwritable_output_is_reported(data: Path, tmp_path: Path, capsys) -> None:
    assert run(data, "exemple1", "-o", str(tmp_path / "missing" / "cr.md")) == 1
    assert "missing" in capsys.readouterr().err


def test_unknown_session(data: Path, capsys) -> None:
    assert run(data, "nope") == 3
    assert "nope" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_anonymous_export_keeps_no_name(data: Path, fmt: str, capsys) -> None:
    assert run(data, "exemple1", "--format", fmt, "--anonymous") == 0
    out = capsys.readouterr().out
    for name in NAMES + ORGS:
        assert name.casefold() not in out.casefold(), name
    for name in NAMES:
        for word in name.split():
            if len(word) >= 3:
                assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", out, re.I), word
    assert "Participant 1" in out
    if fmt == "md":
        assert "| Animateur | Personne A |" in out
        assert "| Second animateur | Participant 1 |" in out  # Alice is also a participant
        assert "Proposé par Participant 1 et Participant 2" in out


def test_count_only(data: Path, capsys) -> None:
    assert run(data, "exemple1", "--count-only") == 0
    out = capsys.readouterr().out
    assert "4 participants présents" in out and "Emma Nguyen" not in out.split("## Déroulé")[0]


AUTHORS = [name for _id, name, _org in PEOPLE]


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_count_only_names_no_author(data: Path, fmt: str, capsys) -> None:
    """--count-only: no list of names anywhere, neither participants nor the ideas' authors."""
    assert run(data, "exemple1", "--format", fmt) == 0
    named = capsys.readouterr().out
    assert run(data, "exemple1", "--format", fmt, "--count-only") == 0
    out = capsys.readouterr().out
    assert "Emma Nguyen" in named  # she is named only as an author and a participant
    assert "Emma Nguyen" not in out and "Bruno Petit" not in out
    assert "Cybersécurité des communes" in out  # the ideas are all there
    if fmt == "md":
        ideas = out.split("## Idées recueillies")[1].split("##")[0]
        assert "| N° | Idée | Tour | Remarque |" in ideas and "Auteur" not in ideas
        assert "| 5 | \\# Cybersécurité des communes | 1 |   |" in ideas
        assert "| N° | Idée | Auteur | Tour | Remarque |" in named
    if fmt == "json":
        doc = json.loads(out)
        assert all(item["author"] is None for item in doc["items"])
        assert doc["items"][0]["author_id"] == "p-1"  # the keys stay
        assert [p["name"] for p in doc["participants"]] == [""] * 5


def test_render_export_rejects_unknown_format() -> None:
    with pytest.raises(ValueError):
        render_export(full_session(), "pdf")


def test_export_language_follows_the_session(data: Path, capsys) -> None:
    assert main(["--data-dir", str(data), "--lang", "en", "export", "exemple1"]) == 0
    assert capsys.readouterr().out.startswith("# Minutes - Groupe A")
