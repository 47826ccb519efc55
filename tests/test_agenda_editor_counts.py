"""The agenda editor counts the turns F3 will run: one per group where the phase draws them."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable

from sessions.agenda.catalog import find_template
from sessions.core.factory import session_from_template
from sessions.models import Session
from sessions.sheets import ops as sheet_ops
from tui.app import make_app


async def test_the_animation_column_counts_the_turns_drawn_from_the_sheets(store, clock) -> None:
    s = session_from_template(
        find_template("divergence-convergence"), title="Groupe A", on=date(2026, 11, 22)
    )
    store.create(s)
    sharing = next(i for i, p in enumerate(s.agenda) if p.turns_from is not None)
    template_turns = len(s.agenda[sharing].turns)

    def groups(x: Session) -> None:
        for name in ("Bus numérique", "Tiers-lieu"):
            sheet_ops.add(x, "solution", fields={"nom": name})

    store.transact(s.id, groups)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3", "e")
        await pilot.pause()
        table = app.screen.query_one("#phases", DataTable)
        animation = str(table.get_row_at(sharing)[4])
        assert "2 tours" in animation  # the two groups' solutions
        assert template_turns != 2 and f"{template_turns} tours" not in animation
