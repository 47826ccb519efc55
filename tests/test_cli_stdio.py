"""``-`` means standard input or output for every file argument of the command line."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli.context import EXIT_NOT_FOUND, EXIT_USAGE
from tui.cli.main import main

NEW = ["new", "--template", "divergence-convergence", "--title", "T"]
PEOPLE = "Alice Martin (Mairie)\nBruno Petit (CAF)\nChloé Durand\n"


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Commands run in an empty folder: a file named ``-`` would show there."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def run(store, *argv: str) -> int:
    return main(["--data-dir", str(store.root), "--lang", "en", *argv])


def test_agenda_export_to_stdout_and_new_agenda_from_stdin(
    store, session, cwd, capsys, monkeypatch
) -> None:
    capsys.readouterr()
    assert run(store, "agenda", "export", session.id, "-o", "-") == 0
    text = capsys.readouterr().out
    assert "[[phase]]" in text or "[[phases]]" in text
    assert list(cwd.iterdir()) == []  # no file named "-"
    stdin(monkeypatch, text.encode("utf-8"))
    assert run(store, "new", "--agenda", "-", "--title", "Copy", "--no-open", "--json") == 0
    created = store.load(json.loads(capsys.readouterr().out)["id"])
    assert [p.title for p in created.agenda] == [p.title for p in session.agenda]


def test_participants_from_stdin(store, cwd, capsys, monkeypatch) -> None:
    stdin(monkeypatch, PEOPLE.encode("cp1252"))  # a Windows editor's file, piped
    argv = ["new", "--template", "divergence-convergence", "--title", "T"]
    assert run(store, *argv, "--participants-file", "-", "--no-open", "--json") == 0
    created = store.load(json.loads(capsys.readouterr().out)["id"])
    assert [p.name for p in created.participants] == ["Alice Martin", "Bruno Petit", "Chloé Durand"]
    assert created.participants[1].organisation == "CAF"


def test_stdin_for_two_files_is_a_usage_error(store, cwd, capsys, monkeypatch) -> None:
    stdin(monkeypatch, b"")
    argv = ["new", "--agenda", "-", "--participants-file", "-", "--title", "T", "--no-open"]
    with pytest.raises(SystemExit) as exit_:
        run(store, *argv)
    assert exit_.value.code == EXIT_USAGE
    assert "standard input" in capsys.readouterr().err
    assert list(store.files()) == []


def test_imports_read_stdin(store, session, capsys, monkeypatch) -> None:
    stdin(monkeypatch, b"Alice Martin: Bus le dimanche\nFibre partout\n")
    assert run(store, "import", "ideas", session.id, "-", "--json") == 0
    assert json.loads(capsys.readouterr().out)["numbers"] == [1, 2]
    stdin(monkeypatch, b"participant;1;2\nAlice Martin;1;\n")
    assert run(store, "import", "votes", session.id, "-", "--json") == 0
    assert json.loads(capsys.readouterr().out)["ballots"] == 1
    saved = store.load(session.id)
    assert [i.text for i in saved.ideas] == ["Bus le dimanche", "Fibre partout"]
    assert saved.vote.ballots[saved.participants[0].id] == {1: 1}


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "{sid}", "-o", "-"],
        ["export", "{sid}", "--format", "json", "-o", "-"],
        ["synthesis", "{sid}", "-o", "-"],
    ],
)
def test_every_output_dash_is_stdout(store, session, cwd, capsys, argv) -> None:
    capsys.readouterr()
    assert run(store, *(a.format(sid=session.id) for a in argv)) == 0
    assert session.title in capsys.readouterr().out
    assert list(cwd.iterdir()) == []


def test_a_real_pipe_from_agenda_export_to_new(store, session, cwd) -> None:
    base = [sys.executable, "-m", "tui", "--data-dir", str(store.root), "--lang", "en"]
    exported = subprocess.run(
        [*base, "agenda", "export", session.id, "-o", "-"], capture_output=True, check=True
    )
    created = subprocess.run(
        [*base, "new", "--agenda", "-", "--title", "Piped", "--no-open", "--json"],
        input=exported.stdout,
        capture_output=True,
        check=True,
    )
    copy = store.load(json.loads(created.stdout)["id"])
    assert [p.minutes for p in copy.agenda] == [p.minutes for p in session.agenda]
    assert list(cwd.iterdir()) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["import", "ideas", "{sid}", "missing.txt"],
        ["import", "votes", "{sid}", "missing.csv"],
        ["new", "--agenda", "missing.toml", "--title", "T", "--no-open"],
        [*NEW, "--participants-file", "missing.txt", "--no-open"],
    ],
)
def test_a_missing_input_file_exits_3_naming_it(store, session, cwd, capsys, argv) -> None:
    before = sorted(p.name for p in store.files())
    assert run(store, *(a.format(sid=session.id) for a in argv)) == EXIT_NOT_FOUND
    assert "missing." in capsys.readouterr().err
    assert sorted(p.name for p in store.files()) == before
