"""F1: what the current screen is for, and its keys."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from sessions.i18n import t
from tui.i18n import translate_bindings


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,f1,q", "dismiss", "key.close", id="close")]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        translate_bindings(self)
        self.target = screen

    def compose(self) -> ComposeResult:
        purpose_key = getattr(self.target, "HELP_KEY", "")
        lines = []
        for active in self.target.active_bindings.values():
            binding = active.binding
            if not binding.description:
                continue
            shown = binding.key_display or self.app.get_key_display(binding)
            lines.append(f"  {shown:<14} {binding.description}")
        with VerticalScroll(id="help"):
            yield Static(t("help.title"), classes="title")
            if purpose_key:
                yield Static(t(purpose_key), id="purpose", markup=False)
            yield Static(t("help.keys"), classes="title")
            yield Static("\n".join(lines), id="keys", markup=False)
            yield Static(t("help.close"), classes="muted")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
