"""The read-only follower app behind ``atelier watch`` and ``atelier serve``.

It shows one session as another atelier window changes it: it reads the file
when it changes (``SessionFollower``), never takes a lock and never writes
the session. Language switch (F10 or l), projector contrast (F11 or c) and F1 help
work as in the main app.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from sessions.core.clock import Clock, SystemClock
from sessions.i18n import resolve_language, set_language, t
from sessions.storage.follow import SessionFollower
from tui.i18n import translate_bindings
from tui.palette import PaletteMixin, translate_system_commands
from tui.presentation import PRESENTATION_BINDINGS, PresentationMixin
from tui.screens.watch import WatchScreen
from tui.themes import HIGH_CONTRAST
from tui.typography import install as install_typography

install_typography()  # French no-break spaces never start a wrapped line


class WatchApp(PaletteMixin, PresentationMixin, App[int]):
    TITLE = "atelier"
    CSS_PATH = "app.tcss"
    MODES = {"watch": WatchScreen}
    BINDINGS = [
        Binding("ctrl+q,q", "quit", "key.quit", id="quit", priority=True),
        Binding("f1", "help", "key.help", id="help"),
        *PRESENTATION_BINDINGS,
        Binding("l", "switch_language", "key.language", id="watch-language", show=False),
        Binding("c", "toggle_contrast", "key.contrast", id="watch-contrast", show=False),
    ]

    def __init__(
        self,
        path: Path,
        clock: Clock | None = None,
        lang: str | None = None,
        contrast: bool = False,
    ) -> None:
        self.clock = clock or SystemClock()
        self.follower = SessionFollower(path, self.clock)
        session = self.follower.session
        self.cli_lang = lang
        set_language(resolve_language(lang, session.language if session else None))
        super().__init__()
        translate_bindings(self)
        self.start_contrast = contrast

    def on_mount(self) -> None:
        self.setup_presentation()
        if self.start_contrast:
            self.theme = HIGH_CONTRAST
        self.switch_mode("watch")

    def on_unmount(self) -> None:
        self.follower.close()

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from translate_system_commands(super().get_system_commands(screen))
        yield SystemCommand(t("key.help"), t("palette.help"), self.action_help)
        yield from self.presentation_commands()
