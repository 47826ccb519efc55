"""The first run shows a short guide once; settings.json remembers it (and the theme)."""

from __future__ import annotations

import json

from textual.widgets import Static

from sessions.core.settings import Settings, load_settings, save_settings, settings_path
from tui.app import make_app


def test_settings_round_trip_and_bad_files(tmp_path) -> None:
    assert load_settings(tmp_path) == Settings()
    save_settings(tmp_path, Settings(guide_seen=True, theme="nord"))
    assert load_settings(tmp_path) == Settings(guide_seen=True, theme="nord")
    assert settings_path(tmp_path).stat().st_mode & 0o777 == 0o600
    for junk in ("{", "[]", '{"guide_seen": "yes", "theme": 3}', ""):
        settings_path(tmp_path).write_text(junk)
        assert load_settings(tmp_path) == Settings()


async def test_the_guide_shows_on_the_first_run_only(store, clock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        guide = app.screen.query_one("#guide", Static)
        assert not guide.has_class("hidden")
        text = str(guide.render())
        assert "n crée une session" in text and "F1" in text
    assert json.loads(settings_path(store.root).read_text())["guide_seen"] is True
    again = make_app(store, clock)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        guide = again.screen.query_one("#guide", Static)
        assert guide.has_class("hidden")
        await pilot.press("g")  # and it comes back on demand
        assert not guide.has_class("hidden")
        await pilot.press("g")
        assert guide.has_class("hidden")


async def test_the_guide_does_not_block_the_keys(store, clock) -> None:
    from tui.screens.new_session import NewSessionScreen

    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, NewSessionScreen)


async def test_empty_home_says_what_to_do(store, clock) -> None:
    app = make_app(store, clock, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        empty = str(app.screen.query_one("#home-empty", Static).render())
        assert "Press n" in empty
