"""The themes atelier adds to Textual's own: a high-contrast one for projectors.

Every stylesheet uses Textual's theme variables (``$primary``, ``$error`` ...),
so Textual's theme switch (command palette, "Change theme") restyles the whole
app. The projector theme is pure black and white with saturated accents that
stay readable on a washed-out projector; states keep their symbol and words
(never colour alone), so they read the same in any theme.
"""

from __future__ import annotations

from textual.app import App
from textual.theme import Theme

HIGH_CONTRAST = "atelier-high-contrast"
DEFAULT_THEME = "textual-dark"

HIGH_CONTRAST_THEME = Theme(
    name=HIGH_CONTRAST,
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    boost="#FFFFFF",
    success="#00FF00",
    warning="#FFB000",
    error="#FF3030",
    dark=True,
    variables={
        "text-muted": "#FFFFFF",
        "footer-key-foreground": "#FFFF00",
        "footer-description-foreground": "#FFFFFF",
        "block-cursor-background": "#FFFF00",
        "block-cursor-foreground": "#000000",
        "block-cursor-text-style": "bold",
        "input-selection-background": "#FFFF00 60%",
        "border": "#FFFFFF",
        "border-blurred": "#AAAAAA",
        "scrollbar": "#FFFFFF",
        "button-color-foreground": "#000000",
    },
)

THEMES = (HIGH_CONTRAST_THEME,)


def register_themes(app: App) -> None:
    """Make atelier's themes available in ``app`` (and in its theme picker)."""
    for theme in THEMES:
        app.register_theme(theme)


def toggled_theme(current: str, previous: str | None) -> str:
    """The theme F8 goes to: high contrast, or back to the theme used before it."""
    if current == HIGH_CONTRAST:
        return previous if previous and previous != HIGH_CONTRAST else DEFAULT_THEME
    return HIGH_CONTRAST
