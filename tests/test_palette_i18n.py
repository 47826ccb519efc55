"""The command palette (ctrl+p) speaks the interface's language, Textual's own words too."""

from __future__ import annotations

from textual.command import CommandInput, CommandList

from tests.waits import palette_highlight, until
from tui.app import make_app
from tui.palette import SYSTEM_COMMANDS, LocalCommandPalette

SIZE = (120, 40)


def _options(palette) -> list[str]:
    listed = palette.query_one(CommandList)
    return [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]


def _says(palette, words: str) -> bool:
    return any(words in text for text in _options(palette))


async def test_palette_in_french(store, clock, session) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, LocalCommandPalette)
        assert palette.query_one(CommandInput).placeholder == "Rechercher une commande…"
        titles = [command.title for command in app.get_system_commands(app.screen_stack[0])]
        assert {"Thème", "Quitter", "Touches", "Capture d'écran"} <= set(titles)
        assert not {"Theme", "Quit", "Keys", "Screenshot"} & set(titles)
        await pilot.press(*"zzqqxx")
        # Textual waits 0.5 s after its search (a worker) before saying nothing matched
        await until(pilot, lambda: _says(palette, "Aucune commande ne correspond"))
        assert any("Aucune commande ne correspond" in text for text in _options(palette))
        assert not any("No matches found" in text for text in _options(palette))


async def test_theme_command_opens_a_french_theme_search(store, clock, session) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Thème")
        await until(pilot, lambda: "Thème" in palette_highlight(app))  # its search
        await pilot.press("enter")
        await until(
            pilot,
            lambda: app.screen.query_one(CommandInput).placeholder != "Rechercher une commande…",
        )
        palette = app.screen
        assert isinstance(palette, LocalCommandPalette)
        assert palette.query_one(CommandInput).placeholder == "Rechercher un thème…"


async def test_palette_in_english_keeps_textual_words(store, clock, session) -> None:
    app = make_app(store, clock, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        app_lang_en = [c.title for c in app.get_system_commands(app.screen)]
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert palette.query_one(CommandInput).placeholder == "Search for commands…"
        await pilot.press(*"zzqqxx")
        await until(pilot, lambda: _says(palette, "No matches found"))
        assert any("No matches found" in text for text in _options(palette))
    assert {"Theme", "Quit", "Keys", "Screenshot"} <= set(app_lang_en)


async def test_every_system_command_of_textual_is_known(store, clock, session) -> None:
    # A Textual upgrade that rewords a command would leave it in English: say so here.
    app = make_app(store, clock)
    async with app.run_test(size=SIZE):
        from textual.app import App

        english = list(App.get_system_commands(app, app.screen))
        assert english
        assert all(command.help in SYSTEM_COMMANDS for command in english)
