"""The minutes' script lists the turns F3 runs: one per group's solution, not the template's."""

from __future__ import annotations

import pytest

from sessions.sheets import ops as sheet_ops
from tests.conftest import build_session
from tui.cli.main import main


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
