"""The minutes' script lists the turns F3 runs: one per group's solution, not the template's."""

from __future__ import annotations

import datetime as dt

import pytest

from sessions.sheets import ops as sheet_ops
from tests.conftest import build_session
from tui.cli.main import main

T0 = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(("lang", "turns"), [("fr", "Tours"), ("en", "Turns")])
def test_the_minutes_name_the_groups_turns(store, capsys, lang, turns) -> None:
    s = build_session("divergence-convergence", title="Groupe A")
    template_turns = len(next(p for p in s.agenda if p.turns_from is not None).turns)
    for name in ("Bus numérique", "Tiers-lieu"):
        sheet_ops.add(s, "solution", fields={"nom": name})
    store.create(s)
    args = ["--data-dir", str(store.root), "--lang", lang, "export", s.id]
    assert main(args) == 0
    text = capsys.readouterr().out
    line = next(x for x in text.splitlines() if x.startswith(turns))
    assert line.count("(3 min)") == 2 and template_turns != 2, line


@pytest.mark.parametrize(
    ("lang", "free", "tour"),
    [
        ("fr", "## Idées recueillies (brainstorm)", "## Idées recueillies (tour de table)"),
        ("en", "## Ideas gathered (brainstorm)", "## Ideas gathered (round table)"),
    ],
)
def test_a_brainstorm_is_not_called_a_tour_de_table(store, capsys, lang, free, tour) -> None:
    from sessions.capture import tour as cap

    brainstorm = build_session("divergence-convergence", title="Brainstorm")
    cap.add_idea(brainstorm, "Un bus numérique", T0)
    round_table = build_session("territoire-numerique-10-ans", title="Tour")
    cap.add_idea(round_table, "Un tiers-lieu", T0, author_id=round_table.participants[0].id)
    for s, wanted, other in ((brainstorm, free, tour), (round_table, tour, free)):
        store.create(s)
        assert main(["--data-dir", str(store.root), "--lang", lang, "export", s.id]) == 0
        text = capsys.readouterr().out
        assert wanted in text and other not in text
