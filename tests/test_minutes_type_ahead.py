"""F7: next steps typed straight away (no 'n' first) land in the field, none lost."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from tests.conftest import build_session
from tests.waits import until
from tui.app import make_app


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_next_steps_typed_on_the_preview_are_kept(store, clock, size) -> None:
    s = build_session("divergence-convergence", "Groupe B")
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f7")
        await until(pilot, lambda: type(app.screen).__name__ == "MinutesScreen")
        editor = app.screen.query_one("#next-steps", TextArea)
        await pilot.press(*"Relancer la mairie", "enter", *"Envoyer le CR", "ctrl+s")
        await until(pilot, lambda: store.load(s.id).next_steps != "")
        assert editor.text == "Relancer la mairie\nEnvoyer le CR"
    assert store.load(s.id).next_steps == "Relancer la mairie\nEnvoyer le CR"


async def test_n_still_opens_the_field_without_typing_an_n(store, clock) -> None:
    s = build_session("divergence-convergence", "Groupe B")
    s.next_steps = "Relancer"
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f7")
        await until(pilot, lambda: type(app.screen).__name__ == "MinutesScreen")
        await pilot.press("n", *" la mairie", "ctrl+s")
        await until(pilot, lambda: store.load(s.id).next_steps != "Relancer")
    assert store.load(s.id).next_steps == "Relancer la mairie"


async def test_a_step_typed_under_earlier_ones_starts_its_own_line(store, clock) -> None:
    s = build_session("divergence-convergence", "Groupe B")
    s.next_steps = "Envoyer le CR"
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f7")
        await until(pilot, lambda: type(app.screen).__name__ == "MinutesScreen")
        await pilot.press(*"Relancer la mairie", "ctrl+s")
        await until(pilot, lambda: store.load(s.id).next_steps != "Envoyer le CR")
    assert store.load(s.id).next_steps == "Envoyer le CR\nRelancer la mairie"
