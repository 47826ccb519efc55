"""Language switch (F10), translated screens, dates in the language, and the mouse."""

from __future__ import annotations

from conftest import build_session
from textual.widgets import DataTable, Static

from sessions.i18n import get_language
from tui.app import make_app
from tui.screens.help import HelpScreen
from tui.screens.home import HomeScreen


def _footer_descriptions(screen) -> set[str]:
    return {active.binding.description for active in screen.active_bindings.values()}


async def test_ctrl_l_switches_the_home_screen_to_english_and_back(store, clock) -> None:
    store.create(build_session(title="Atelier A"))
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        home = app.screen
        assert "Nouvelle session" in _footer_descriptions(home)
        table = home.query_one(DataTable)
        assert "22 novembre 2026" in [str(c) for c in table.get_row_at(0)]
        await pilot.press("f10")
        await pilot.pause()
        assert get_language() == "en"
        home = app.screen
        assert isinstance(home, HomeScreen)
        descriptions = _footer_descriptions(home)
        assert {"New session", "Quit", "Help", "Français"} <= descriptions
        table = home.query_one(DataTable)
        assert [str(c.label) for c in table.columns.values()][:2] == ["Title", "Date"]
        row = [str(c) for c in table.get_row_at(0)]
        assert "22 November 2026" in row
        assert (
            "My territory and digital in 10 years" in row or row[2] != "territoire-numerique-10-ans"
        )
        await pilot.press("f10")
        await pilot.pause()
        assert get_language() == "fr"
        assert "Nouvelle session" in _footer_descriptions(app.screen)


async def test_the_switch_rebuilds_an_open_section_and_keeps_the_session(store, session, clock):
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.current_mode == "overview"
        assert "Question de départ" in str(app.screen.query_one("#details", Static).render())
        await pilot.press("f10")
        await pilot.pause()
        assert app.current_mode == "overview"
        assert app.session is not None and app.session.id == session.id
        details = str(app.screen.query_one("#details", Static).render())
        assert "Opening question" in details
        assert "22 November 2026" in details
        assert "Edit session" in _footer_descriptions(app.screen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Prepare" in str(app.screen.query_one("#step", Static).render())
        # F10 from the help closes it and switches back
        await pilot.press("f10")
        await pilot.pause()
        assert get_language() == "fr"
        assert app.current_mode == "overview"
        assert "Question de départ" in str(app.screen.query_one("#details", Static).render())
    # the session file was never touched by the switch
    assert store.load(session.id).revision == session.revision


async def test_the_switch_waits_while_a_form_is_open(store, clock) -> None:
    from tui.screens.new_session import NewSessionScreen

    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, NewSessionScreen)
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, NewSessionScreen)
        assert get_language() == "fr"


async def test_lang_option_starts_in_english(store, clock) -> None:
    app = make_app(store, clock, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        keys = str(app.screen.query_one("#keys", Static).render())
        assert "New session" in keys and "Quit" in keys
        assert "Keys that work everywhere" in keys
        assert "Before the workshop" in str(app.screen.query_one("#step", Static).render())


async def test_one_click_on_a_row_opens_the_session(store, clock) -> None:
    first = build_session(title="Atelier A")
    second = build_session(title="Atelier B")
    store.create(first)
    store.create(second)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g")  # hide the first-run guide
        home = app.screen
        target = next(i for i, e in enumerate(home.entries) if e.session.title == "Atelier B")
        table = home.query_one(DataTable)
        assert table.cursor_row != target or target == 0
        await pilot.click("#sessions", offset=(4, 1 + target))
        await pilot.pause()
        assert app.current_mode == "overview"
        assert app.session is not None and app.session.title == "Atelier B"


async def test_clicking_a_phase_in_the_overview_shows_the_timer(store, session, clock) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.click("#agenda", offset=(4, 2))
        await pilot.pause()
        assert app.current_mode == "timer"
