"""The app's cross-cutting presentation actions: language, contrast theme, guide.

``PresentationMixin`` is mixed into ``AtelierApp`` (and the read-only watch
app): F10 switches French / English, F11 toggles the high-contrast
projector theme (remembered in ``settings.json``), and the command palette
lists these actions with the guide.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path

from textual.app import SystemCommand
from textual.binding import Binding

from sessions.core.settings import load_settings, update_settings
from sessions.i18n import t
from tui.language import switch_language
from tui.themes import DEFAULT_THEME, HIGH_CONTRAST, register_themes, toggled_theme

# Not priority bindings: a screen's own key always wins (the vote and capture
# screens use ctrl+l and F8); the palette offers the same actions everywhere.
PRESENTATION_BINDINGS = [
    Binding("f10", "switch_language", "key.language", id="language"),
    Binding("f11", "toggle_contrast", "key.contrast", id="contrast"),
]


class PresentationMixin:
    """Language switch, projector contrast and theme memory for a Textual app."""

    _previous_theme: str | None = None

    def settings_root(self) -> Path | None:
        store = getattr(self, "store", None)
        return store.root if store is not None else None

    def setup_presentation(self) -> None:
        """Register the themes, restore the remembered one and keep remembering it."""
        app = self  # type: ignore[assignment]
        register_themes(app)  # type: ignore[arg-type]
        root = self.settings_root()
        if root is not None:
            remembered = load_settings(root).theme
            if remembered and remembered in app.available_themes:  # type: ignore[attr-defined]
                app.theme = remembered  # type: ignore[attr-defined]
        app.theme_changed_signal.subscribe(app, self._remember_theme)  # type: ignore[attr-defined]

    def _remember_theme(self, theme: object) -> None:
        root = self.settings_root()
        name = getattr(theme, "name", "")
        if root is None or not name:
            return
        stored = load_settings(root).theme
        if name == stored or (not stored and name == DEFAULT_THEME):
            return  # nothing new: no write (the start-up theme is not a choice)
        with contextlib.suppress(OSError):
            update_settings(root, theme=name)

    async def action_switch_language(self) -> None:
        await switch_language(self)  # type: ignore[arg-type]

    def action_toggle_contrast(self) -> None:
        app = self  # type: ignore[assignment]
        current = app.theme  # type: ignore[attr-defined]
        target = toggled_theme(current, self._previous_theme)
        if target == HIGH_CONTRAST:
            self._previous_theme = current
        app.theme = target  # type: ignore[attr-defined]
        if target == HIGH_CONTRAST:
            app.notify(t("app.contrast_on"))  # type: ignore[attr-defined]
        else:
            app.notify(t("app.contrast_off", theme=target))  # type: ignore[attr-defined]

    def action_guide(self) -> None:
        """Show the getting-started guide on the home screen."""
        app = self  # type: ignore[assignment]
        if "home" in app._modes:  # type: ignore[attr-defined]
            app.switch_mode("home")  # type: ignore[attr-defined]
            app.call_later(lambda: app.screen.show_guide(True))  # type: ignore[attr-defined]

    def presentation_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(t("key.language"), t("palette.language"), self.action_switch_language)
        yield SystemCommand(t("key.contrast"), t("palette.contrast"), self.action_toggle_contrast)
        if "home" in getattr(self, "_modes", {}):
            yield SystemCommand(t("key.guide"), t("palette.guide"), self.action_guide)
