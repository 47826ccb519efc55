"""Files as a French spreadsheet saves them: Windows-1252, ``;``, a BOM, ``sep=;``, UTF-16."""

from __future__ import annotations

import codecs
import datetime as dt
import json

import pytest

from sessions.capture import tour as cap
from tui.cli.context import EXIT_INVALID
from tui.cli.main import main

T0 = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
VOTES = "participant;1;2;3\r\nAlice Martin;2;1;\r\nChloé Durand;;1;2\r\n"


@pytest.fixture
def sid(store, session) -> str:
    store.transact(
        session.id, lambda s: [cap.add_idea(s, f"item {n}", T0) for n in range(1, 7)]
    )  # envelope 3
    return session.id


def import_votes(store, sid, tmp_path, data: bytes) -> int:
    path = tmp_path / "votes.csv"
    path.write_bytes(data)
    return main(["--data-dir", str(store.root), "--lang", "en", "import", "votes", sid, str(path)])


def ballots(store, sid) -> dict[str, dict[int, int]]:
    saved = store.load(sid)
    names = {p.id: p.name for p in saved.participants}
    return {names[pid]: row for pid, row in saved.vote.ballots.items()}


@pytest.mark.parametrize(
    "data",
    [
        VOTES.encode("cp1252"),  # Excel "CSV (séparateur : point-virgule)"
        codecs.BOM_UTF8 + VOTES.encode("utf-8"),  # "CSV UTF-8"
        ("sep=;\r\n" + VOTES).encode("cp1252"),  # Excel's separator line
        codecs.BOM_UTF16_LE + VOTES.replace(";", "\t").encode("utf-16-le"),  # "Unicode text"
        VOTES.replace(";", ",").encode("utf-8"),  # plain CSV still works
    ],
    ids=["cp1252", "utf8-bom", "sep-line", "utf16-tabs", "comma"],
)
def test_spreadsheet_votes_are_imported(store, sid, tmp_path, capsys, data) -> None:
    assert import_votes(store, sid, tmp_path, data) == 0, capsys.readouterr().err
    assert ballots(store, sid) == {"Alice Martin": {1: 2, 2: 1}, "Chloé Durand": {2: 1, 3: 2}}


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"participant;1\r\nAlice\x81;1\r\n", "neither UTF-8 nor Windows-1252, byte 0x81"),
        (b"PK\x03\x04\x00\x00participant", "not text"),  # an .xlsx saved under .csv
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "UTF-16"),  # a broken "Unicode text"
    ],
)
def test_undecodable_files_are_refused_with_the_reason(
    store, sid, tmp_path, capsys, data, reason
) -> None:
    before = store.path_for(sid).read_bytes()
    capsys.readouterr()
    assert import_votes(store, sid, tmp_path, data) == EXIT_INVALID
    err = capsys.readouterr().err
    assert reason in err and "Nothing was imported" in err
    assert store.path_for(sid).read_bytes() == before


def test_cp1252_ideas_keep_their_accents(store, sid, tmp_path, capsys) -> None:
    path = tmp_path / "idees.txt"
    path.write_bytes("Chloé Durand: Tiers-lieu à Égletons\r\n".encode("cp1252"))
    argv = ["--data-dir", str(store.root), "import", "ideas", sid, str(path), "--json"]
    assert main(argv) == 0
    assert json.loads(capsys.readouterr().out)["authored"] == 1
    assert store.load(sid).idea(7).text == "Tiers-lieu à Égletons"
