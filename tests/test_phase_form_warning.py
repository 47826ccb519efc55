"""The phase form refuses a warning that would ring from the phase's very first second."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from tests.conftest import build_session
from tests.waits import until
from tui.app import make_app


@pytest.mark.parametrize(
    ("lang", "words"),
    [("fr", "plus courte que la phase (7,5 min)"), ("en", "shorter than the phase (7.5 min)")],
)
async def test_a_warning_as_long_as_the_phase_is_refused(store, clock, lang, words) -> None:
    s = build_session("divergence-convergence", "Groupe B")
    store.create(s)
    app = make_app(store, clock, session_ref=s.id, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await until(pilot, lambda: type(app.screen).__name__ == "TimerScreen")
        await pilot.press("e")
        await until(pilot, lambda: type(app.screen).__name__ == "AgendaEditorScreen")
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "PhaseForm")
        decimal = "7,5" if lang == "fr" else "7.5"
        await pilot.press("tab", "ctrl+u", *decimal, "tab", "tab", *"10", "enter")
        error = app.screen.query_one("#error", Static)
        await until(pilot, lambda: words in str(error.render()))
        assert type(app.screen).__name__ == "PhaseForm"  # stays open, nothing lost
        await pilot.press("ctrl+u", "2", "enter")
        await until(pilot, lambda: type(app.screen).__name__ == "AgendaEditorScreen")
    first = store.load(s.id).agenda[0]
    assert (first.minutes, first.warn_minutes) == (7.5, 2)
