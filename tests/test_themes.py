"""Themes: a high-contrast projector theme, F11 toggles it, the choice is remembered."""

from __future__ import annotations

from sessions.core.settings import load_settings
from tui.app import make_app
from tui.themes import HIGH_CONTRAST, HIGH_CONTRAST_THEME, toggled_theme


def _luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_projector_theme_has_strong_contrast() -> None:
    theme = HIGH_CONTRAST_THEME
    background = theme.background or "#000000"
    for colour in (theme.foreground, theme.primary, theme.warning, theme.error, theme.success):
        assert colour is not None
        assert _contrast(colour, background) >= 4.5, colour  # WCAG AA for text


def test_toggle_goes_back_to_the_previous_theme() -> None:
    assert toggled_theme("nord", None) == HIGH_CONTRAST
    assert toggled_theme(HIGH_CONTRAST, "nord") == "nord"
    assert toggled_theme(HIGH_CONTRAST, None) == "textual-dark"


async def test_f11_switches_to_high_contrast_and_back(store, clock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        assert HIGH_CONTRAST in app.available_themes
        app.theme = "nord"
        await pilot.pause()
        await pilot.press("f11")
        await pilot.pause()
        assert app.theme == HIGH_CONTRAST
        assert app.screen.styles.background.hex.upper() == "#000000"
        await pilot.pause()
        assert load_settings(store.root).theme == HIGH_CONTRAST
        await pilot.press("f11")
        await pilot.pause()
        assert app.theme == "nord"
    # the chosen theme comes back at the next start (Textual's own switch included)
    again = make_app(store, clock)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_the_palette_lists_the_presentation_commands(store, clock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Contraste" in titles
        assert "English" in titles
        assert "Guide" in titles
