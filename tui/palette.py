"""The command palette (ctrl+p) in the interface's language.

Textual (8.2) writes its palette's placeholder, its "No matches found" line
and its system commands (Theme, Quit, Keys, Screenshot...) in English. This
module swaps them for the catalog's: the system commands are recognised by
their English help text (two "Keys" commands share a title), the palette is
our subclass with the placeholder given and the empty result translated.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.align import Align
from rich.text import Text
from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette
from textual.theme import ThemeProvider
from textual.widgets.option_list import Option

from sessions.i18n import t

# Textual's help text of each system command -> (title key, help key).
SYSTEM_COMMANDS = {
    "Change the current theme": ("palette.sys.theme", "palette.sys.theme.help"),
    "Quit the application as soon as possible": ("palette.sys.quit", "palette.sys.quit.help"),
    "Hide the keys and widget help panel": ("palette.sys.keys", "palette.sys.keys.hide"),
    "Show help for the focused widget and a summary of available keys": (
        "palette.sys.keys",
        "palette.sys.keys.show",
    ),
    "Minimize the widget and restore to normal size": (
        "palette.sys.minimize",
        "palette.sys.minimize.help",
    ),
    "Maximize the focused widget": ("palette.sys.maximize", "palette.sys.maximize.help"),
    "Save an SVG 'screenshot' of the current screen": (
        "palette.sys.screenshot",
        "palette.sys.screenshot.help",
    ),
}


def translate_system_commands(commands: Iterable[SystemCommand]) -> Iterable[SystemCommand]:
    """Textual's system commands with our title and help; any other one unchanged."""
    for command in commands:
        keys = SYSTEM_COMMANDS.get(command.help)
        if keys is None:
            yield command
        else:
            yield command._replace(title=t(keys[0]), help=t(keys[1]))


class LocalCommandPalette(CommandPalette):
    """Textual's palette, saying "no match" in the interface's language."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own, with its English line replaced (textual.command, 8.2).
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(t("palette.sys.no_matches"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)


class PaletteMixin:
    """ctrl+p and "Theme" open the translated palette (for App subclasses)."""

    def action_command_palette(self) -> None:
        app = self
        if app.use_command_palette and not CommandPalette.is_open(app):  # type: ignore[attr-defined,arg-type]
            app.push_screen(  # type: ignore[attr-defined]
                LocalCommandPalette(
                    placeholder=t("palette.sys.placeholder"), id="--command-palette"
                )
            )

    def search_themes(self) -> None:
        self.push_screen(  # type: ignore[attr-defined]
            LocalCommandPalette(
                providers=[ThemeProvider], placeholder=t("palette.sys.themes_placeholder")
            )
        )
