"""atelier new --minutes: each step's time given at creation; existing options unchanged."""

from __future__ import annotations

import json

from sessions.agenda.catalog import find_template
from sessions.storage.store import SessionStore
from tests.sheets_samples import plain
from tui.cli.main import main


def _run(store: SessionStore, *args: str) -> int:
    return main(["--data-dir", str(store.root), *args])


def test_minutes_one_per_step_in_order(store, capsys) -> None:
    steps = len(find_template("offre-existante").phases)
    minutes = [str(10 + n) for n in range(steps - 1)] + ["7.5"]
    args = ("new", "--template", "offre-existante", "--title", "Offre", "--json", "--no-open")
    assert _run(store, *args, "--minutes", ",".join(minutes)) == 0
    made = json.loads(capsys.readouterr().out)["id"]
    assert [p.minutes for p in store.load(made).agenda] == [float(m) for m in minutes]


def test_a_wrong_count_or_value_is_refused_and_nothing_is_created(store, capsys) -> None:
    steps = len(find_template("offre-existante").phases)
    args = ("new", "--template", "offre-existante", "--title", "Offre", "--no-open")
    assert _run(store, *args, "--minutes", "10,20") == 6
    err = plain(capsys.readouterr().err)
    assert f"{steps} durées attendues" in err and "2 données" in err
    assert _run(store, *args, "--minutes", " ".join(["10"] * (steps - 1) + ["dix"])) == 6
    assert "Durée invalide : dix" in plain(capsys.readouterr().err)
    assert store.entries() == []


def test_without_minutes_the_templates_times_are_kept(store, capsys) -> None:
    args = ("new", "--template", "offre-existante", "--title", "Offre", "--no-open")
    assert _run(store, *args) == 0
    made = capsys.readouterr().out.split("\t")[0]
    expected = [p.minutes for p in find_template("offre-existante").phases]
    assert [p.minutes for p in store.load(made).agenda] == expected
