"""The command line contract: templates, new, list, open errors, usage errors."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli.main import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_templates_json_lists_the_seven_formats(capsys) -> None:
    code, out, _ = run(capsys, "templates", "--json")
    assert code == 0
    data = json.loads(out)
    assert [t["total_minutes"] for t in data] == [120, 110, 120, 120, 165, 90, 240]
    for template in data:
        assert {"name", "title", "total_minutes", "phases"} <= set(template)
        for phase in template["phases"]:
            assert {"title", "kind", "minutes"} <= set(phase)
    assert data[0]["phases"][3] == {
        "title": "Divergence",
        "title_en": "Divergence",  # added: the phase's English title
        "kind": "divergence",
        "minutes": 30,
    }


def test_new_no_open_then_list_json(tmp_path, capsys) -> None:
    people = tmp_path / "people.txt"
    people.write_text("Alice (Mairie)\nBob (CAF)\n", encoding="utf-8")
    data = str(tmp_path / "data")
    code, out, _ = run(
        capsys,
        "--data-dir",
        data,
        "new",
        "--template",
        "atelier-thematique",
        "--title",
        "Groupe A",
        "--date",
        "2026-12-01",
        "--place",
        "Tulle",
        "--participants-file",
        str(people),
        "--no-open",
    )
    assert code == 0
    session_id, path = out.strip().split("\t")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    doc = json.loads(Path(path).read_text(encoding="utf-8"))
    assert doc["session"]["1"]["participants"][1]["organisation"] == "CAF"
    code, out, _ = run(capsys, "--data-dir", data, "list", "--json")
    [entry] = json.loads(out)
    assert entry["id"] == session_id
    assert entry["title"] == "Groupe A"
    assert entry["date"] == "2026-12-01"
    assert entry["template"] == "atelier-thematique"
    assert entry["path"] == path


def test_list_survives_a_corrupt_file(tmp_path, capsys) -> None:
    data = tmp_path / "data"
    run(
        capsys,
        "--data-dir",
        str(data),
        "new",
        "--template",
        "idees-recues",
        "--title",
        "Bon",
        "--no-open",
    )
    (data / "sessions" / "cassé.json").write_bytes(b"{not json")
    code, out, _ = run(capsys, "--data-dir", str(data), "list", "--json")
    assert code == 0
    entries = json.loads(out)
    assert [e["corrupt"] for e in entries] == [False, True]
    assert "ligne 1" in entries[1]["error"]  # the reason in the interface's language


def test_unknown_session_names_close_matches(tmp_path, capsys) -> None:
    data = str(tmp_path / "data")
    run(
        capsys,
        "--data-dir",
        data,
        "new",
        "--template",
        "idees-recues",
        "--title",
        "Atelier Tulle",
        "--no-open",
    )
    code, _out, err = run(capsys, "--data-dir", data, "open", "Atelier Tule")
    assert code == 3
    assert "Atelier Tule" in err
    assert "Atelier Tulle" in err


def test_unknown_template_is_an_error_naming_the_known_ones(tmp_path, capsys) -> None:
    code, _out, err = run(
        capsys,
        "--data-dir",
        str(tmp_path),
        "new",
        "--template",
        "nope",
        "--title",
        "x",
        "--no-open",
    )
    assert code != 0
    assert "divergence-convergence" in err


def test_bad_participant_file_names_the_line(tmp_path, capsys) -> None:
    people = tmp_path / "p.txt"
    people.write_text("Alice (Mairie)\nBob (CAF (x))\n", encoding="utf-8")
    code, _out, err = run(
        capsys,
        "--data-dir",
        str(tmp_path / "d"),
        "new",
        "--template",
        "idees-recues",
        "--title",
        "x",
        "--participants-file",
        str(people),
        "--no-open",
    )
    assert code != 0
    assert f"{people}:2" in err
    assert not (tmp_path / "d" / "sessions").exists() or not list(
        (tmp_path / "d" / "sessions").glob("*.json")
    )


@pytest.mark.parametrize("argv", [["new", "--title", "x"], ["list", "--bogus"], ["frobnicate"]])
def test_usage_errors_exit_2(capsys, argv) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert "usage" in capsys.readouterr().err


def test_every_subcommand_has_help(capsys) -> None:
    from tui.cli.main import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert {"templates", "new", "list", "open"} <= set(sub.choices)
    for name in sub.choices:
        with pytest.raises(SystemExit) as info:
            main([name, "--help"])
        assert info.value.code == 0
        assert "usage" in capsys.readouterr().out


def test_version_and_english(tmp_path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "tui", "--version"], capture_output=True, text=True, check=True
    ).stdout
    assert out.startswith("atelier ")
    env = {**os.environ, "ATELIER_HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-m", "tui", "--lang", "en", "list"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    assert "No session yet" in out
    env["LANG"] = "fr_FR.UTF-8"
    out = subprocess.run(
        [sys.executable, "-m", "tui", "list"], capture_output=True, text=True, check=True, env=env
    ).stdout
    assert "Aucune session" in out
