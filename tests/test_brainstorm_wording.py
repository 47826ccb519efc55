"""F4 in a brainstorm (free entry) is called a brainstorm, not a tour de table, everywhere."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Static

from tests.vote_helpers import dot_session, on_top, shown
from tests.waits import footer_actions, settled, until
from tui.app import make_app


def _options(app) -> list[str]:
    options = app.screen.query_one("#sections", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_a_brainstorm_names_f4_and_offers_no_pass(store, clock) -> None:
    s = dot_session(store)  # divergence-convergence: [parts] capture = "free"
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        screen = await on_top(pilot, "CaptureScreen")
        entry = screen.query_one("#entry", Input)
        assert await until(pilot, lambda: "post-it" in entry.placeholder), entry.placeholder
        assert "hors tour" not in entry.placeholder
        hint = await until(pilot, lambda: shown(app, "#entry-hint"))
        assert "F9" in hint and "F8" not in hint and "passe" not in hint, hint
        keys = await until(pilot, lambda: footer_actions(app))
        assert "pass_turn" not in keys and "free(False)" in keys, keys  # F9 back to the tour
        title = str(screen.query_one("#people-pane .title", Static).render())
        assert title == "Participants", title
        await pilot.press("ctrl+space")
        await on_top(pilot, "SectionSwitcher")
        labels = _options(app)
        assert any("Brainstorm" in x and "F4" in x for x in labels), labels
        assert not any("Tour de table" in x for x in labels), labels
        await pilot.press("escape")
        await until(pilot, lambda: type(app.screen).__name__ == "CaptureScreen" and settled(app))
        await pilot.press("f2")
        await on_top(pilot, "OverviewScreen")
        card = await until(pilot, lambda: shown(app, "#sections-hint"))
        assert "F4\u00a0Brainstorm" in card and "Tour de table" not in card, card


async def test_a_tour_de_table_keeps_its_name_and_its_pass(store, clock, session) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await on_top(pilot, "CaptureScreen")
        hint = await until(pilot, lambda: shown(app, "#entry-hint"))
        assert "F8" in hint, hint
        keys = await until(pilot, lambda: footer_actions(app))
        assert "pass_turn" in keys, keys
        await pilot.press("ctrl+space")
        await on_top(pilot, "SectionSwitcher")
        labels = _options(app)
        assert any("Tour de table" in x for x in labels), labels
