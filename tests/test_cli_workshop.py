"""A workshop scripted from the command line alone gives the minutes of the one typed in the app.

The same workshop twice, in two data folders: once with ``atelier new --no-open``,
``import ideas``, ``import votes``, ``vote close`` and ``export``; once through
the app's keys (the new-session form, the tour de table on F4, the ballots grid
on F5, ctrl+k, the minutes' export on F7). The minutes (Markdown, HTML,
anonymous) are then the same text, and the JSON the same ranking.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from textual.widgets import Input, Select, TextArea

from sessions.core.clock import FakeClock
from sessions.storage.store import SessionStore
from tests.cli_helpers import atelier_on
from tui.app import make_app
from tui.cli.main import main

PEOPLE = (
    "Alice Martin (Mairie de Tulle)\nBruno Petit (CAF)\nChloé Durand (Médiathèque)\nDavid Leroy\n"
)
# The tour de table: round 1 for everyone, round 2 for Alice and Bruno, then a free entry.
TURNS = [
    ("Alice Martin", "Bus le dimanche"),
    ("Bruno Petit", "Fibre dans les hameaux"),
    ("Chloé Durand", "Un tiers-lieu à la médiathèque"),
    ("David Leroy", "Covoiturage organisé"),
    ("Alice Martin", "Aide aux démarches en ligne"),
    ("Bruno Petit", "Ateliers numériques pour les aînés"),
]
FREE = "Navette pour le marché"
# Each voter's points for items 1-7 (envelope 7 // 2 = 3); items 4 and 7 get none.
BALLOTS = [
    [2, 0, 1, 0, 0, 0, 0],
    [0, 1, 0, 0, 2, 0, 0],
    [3, 0, 0, 0, 0, 0, 0],
    [0, 0, 1, 0, 0, 2, 0],
]
TEMPLATE = "territoire-numerique-10-ans"  # an envelope vote (fiche outil n°1)


@pytest.fixture
def cli(tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch):
    """``run(*argv)`` on its own data folder, with the test's fake clock."""
    root = tmp_path / "cli"
    return root, atelier_on(root, clock, monkeypatch, "--lang", "fr")


def script_the_workshop(tmp_path: Path, run, capsys) -> str:
    """The workshop from the command line alone; returns the session id."""
    people = tmp_path / "participants.txt"
    people.write_text(PEOPLE, encoding="utf-8")
    ideas = tmp_path / "idees.txt"
    ideas.write_text("".join(f"{who}: {text}\n" for who, text in TURNS) + FREE + "\n")
    names = [line.split(" (")[0] for line in PEOPLE.splitlines()]
    votes = tmp_path / "votes.csv"
    rows = [";".join(["participant", *map(str, range(1, 8))])]
    rows += [
        ";".join([name, *(str(p) if p else "" for p in row)])
        for name, row in zip(names, BALLOTS, strict=True)
    ]
    votes.write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1252"))  # as a spreadsheet saves it
    argv = ["new", "--template", TEMPLATE, "--title", "Groupe A", "--date", "2026-11-22"]
    capsys.readouterr()
    assert (
        run(*argv, "--place", "Tulle", "--participants-file", str(people), "--no-open", "--json")
        == 0
    )
    sid = json.loads(capsys.readouterr().out)["id"]
    assert run("import", "ideas", sid, str(ideas)) == 0
    assert run("import", "votes", sid, str(votes)) == 0
    assert run("vote", sid, "close") == 0
    capsys.readouterr()
    return sid


async def type_the_workshop(store: SessionStore, clock: FakeClock) -> str:
    """The same workshop through the app's keys; returns the session id."""
    app = make_app(store, clock)
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.press("n")
        form = app.screen
        form.query_one("#template", Select).value = TEMPLATE
        await pilot.press("tab", *"Groupe A")
        form.query_one("#date", Input).value = "2026-11-22"
        form.query_one("#place", Input).value = "Tulle"
        form.query_one("#participants", TextArea).text = PEOPLE
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("f4")  # the tour de table, turn by turn
        await pilot.pause()
        for _who, text in TURNS:
            await pilot.press(*text, "enter")
            await pilot.pause()
        await pilot.press("f9", *FREE, "enter")  # a free entry
        await pilot.pause()
        await pilot.press("f5", "f8")  # the vote, on ballots
        await pilot.pause()
        for index, row in enumerate(BALLOTS):  # the cursor starts on the first item's cell
            if index:
                await pilot.press("down", *["left"] * (len(row) - 1))
            await pilot.press(*(str(p) for p in row))
            await pilot.pause()
        await pilot.press("ctrl+k")  # close the count
        await pilot.pause()
        await pilot.press("f7", "ctrl+e")  # the minutes, exported
        await pilot.pause()
        assert app.session is not None
        return app.session.id


def comparable(data: dict) -> dict:
    """The JSON without what differs between any two sessions (ids, times)."""
    names = {p["id"]: p["name"] for p in data["participants"]}
    return {
        "items": [{**i, "author_id": None} for i in data["items"]],
        "vote": {
            k: data["vote"][k] for k in ("envelope", "voters", "top", "total_points", "counted")
        },
        "ballots": {names[pid]: row for pid, row in data["vote"]["ballots"].items()},
        "ideas": [
            (i["number"], i["text"], names.get(i["author_id"]), i["round"]) for i in data["ideas"]
        ],
    }


async def test_cli_scripted_minutes_equal_the_app_typed_ones(tmp_path, clock, cli, capsys) -> None:
    root, run = cli
    sid = script_the_workshop(tmp_path, run, capsys)
    app_store = SessionStore(tmp_path / "app", clock)
    app_store.ensure()
    app_sid = await type_the_workshop(app_store, clock)
    typed = app_store.load(app_sid)
    assert [(i.text, i.round) for i in typed.ideas][-2:] == [(TURNS[-1][1], 2), (FREE, None)]
    assert typed.vote.counted and typed.vote.method == "ballots"

    def export(data_dir: Path, ref: str, *options: str) -> str:
        capsys.readouterr()
        argv = ["--data-dir", str(data_dir), "--lang", "fr", "export", ref, *options]
        assert main(argv) == 0
        return capsys.readouterr().out

    for options in (
        ["--format", "md"],
        ["--format", "html"],
        ["--anonymous"],
        ["--format", "html", "--anonymous"],
    ):
        scripted, app_made = export(root, sid, *options), export(app_store.root, app_sid, *options)
        assert scripted == app_made, options
    minutes = export(root, sid)
    # what the count closed from the command line gives: 0-point items struck, not "retenu"
    struck = [line for line in minutes.splitlines() if "Covoiturage" in line or FREE in line]
    assert struck and all("barré" in line for line in struck[-2:])
    assert "| 1 | 1 | Bus le dimanche | 5 |" in minutes
    assert "Alice Martin" not in export(root, sid, "--anonymous")
    # the app's own F7 export is the same Markdown
    [exported] = sorted((app_store.root / "exports").glob("*.md"))
    assert exported.read_text(encoding="utf-8") == minutes
    scripted_json = json.loads(export(root, sid, "--format", "json"))
    app_json = json.loads(export(app_store.root, app_sid, "--format", "json"))
    assert comparable(scripted_json) == comparable(app_json)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))
