"""Command-line contracts: the exit codes (in --help and the README), --json everywhere."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sessions.capture import tour as cap
from tui.cli import context
from tui.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
CODES = {name: value for name, value in vars(context).items() if name.startswith("EXIT_")}


def test_exit_codes_are_distinct_constants() -> None:
    assert len(set(CODES.values())) == len(CODES)
    assert (context.EXIT_USAGE, context.EXIT_NOT_FOUND, context.EXIT_INVALID) == (2, 3, 6)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_help_lists_every_exit_code(capsys, lang) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", lang, "--help"])
    listed = {int(n) for n in re.findall(r"^  ([0-9]+) ", capsys.readouterr().out, re.M)}
    assert listed == set(CODES.values())


def test_readme_lists_every_exit_code() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Exit codes", 1)[1].split("\n## ", 1)[0]
    listed = {int(n) for n in re.findall(r"^\| `([0-9]+)` \|", section, re.M)}
    assert listed == set(CODES.values())


def test_synthesis_json(store, session, tmp_path, capsys) -> None:
    store.transact(session.id, lambda s: cap.add_idea(s, "Bus le dimanche", session.created_at))
    base = ["--data-dir", str(store.root), "--lang", "en", "synthesis", session.id, "--json"]
    capsys.readouterr()
    assert main(base) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["sessions"] == [{"id": session.id, "title": session.title}]
    assert data["format"] == "md" and data["path"] is None
    assert session.title in data["markdown"]
    out = tmp_path / "synthese.md"
    assert main([*base, "-o", str(out)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["path"] == str(out.resolve()) and "markdown" not in data
    assert session.title in out.read_text(encoding="utf-8")


def test_restore_json(store, session, capsys) -> None:
    path = store.path_for(session.id)
    store.transact(session.id, lambda s: cap.add_idea(s, "gardée", session.created_at))
    store.transact(session.id, lambda s: cap.add_idea(s, "deuxième", session.created_at))
    path.write_bytes(b"{broken")
    capsys.readouterr()
    assert main(["--data-dir", str(store.root), "restore", session.id, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["restored"] == str(path)
    assert Path(data["aside"]).read_bytes() == b"{broken"
    assert [i.text for i in store.load(session.id).ideas] == ["gardée"]
